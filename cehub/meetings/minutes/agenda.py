"""Building the daily meeting's agenda from what happened since the last working day.

Pure reads: ``collect_agenda`` returns the candidate lines; the service writes them as a
snapshot. Summaries name the event and the child's name, never the detail (that stays behind
the record's access checks).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q

from cehub.cases.models import Case, CaseStatus, MissingEpisode
from cehub.contexts.models import Link
from cehub.core.working_days import previous_working_day
from cehub.intake.models import Concern, PartnerIntelligence
from cehub.people.models import Person, PersonCategory
from cehub.screening.models import Screening

from ..models import Action, ActionStatus, ItemKind, Meeting

REVIEW_HORIZON = timedelta(days=7)


@dataclass(frozen=True)
class Candidate:
    kind: ItemKind
    summary: str
    person_id: UUID | None = None
    node_id: UUID | None = None
    source_type: str = ""
    source_id: UUID | None = None


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def agenda_window(meeting_date: date, last_meeting_date: date | None) -> tuple[datetime, datetime]:
    """From the start of the previous working day (or the last meeting, if earlier) to the
    start of the meeting's day: a Monday meeting covers Friday and the weekend."""
    start_day = previous_working_day(meeting_date)
    if last_meeting_date is not None and last_meeting_date < start_day:
        start_day = last_meeting_date
    return _start_of(start_day), _start_of(meeting_date)


def _name(person: Person | None) -> str:
    return person.full_name if person else "a child not yet identified"


def _about_child(
    kind: ItemKind, summary: str, record: Case | MissingEpisode | Screening, source_type: str
) -> Candidate:
    """A line about a child's record, linked to the child and to the record."""
    return Candidate(
        kind, summary, person_id=record.person_id, source_type=source_type, source_id=record.pk
    )


def collect_agenda(meeting_date: date, start: datetime, end: datetime) -> list[Candidate]:
    lines: list[Candidate] = []
    day_end = _start_of(meeting_date + timedelta(days=1))

    for concern in Concern.objects.filter(
        submitted_at__gte=start, submitted_at__lt=end
    ).select_related("child", "submitting_agency"):
        about = concern.child.full_name if concern.child else concern.child_name_as_reported
        lines.append(
            Candidate(
                ItemKind.NEW_CONCERN,
                f"New concern {concern.reference} about {about} "
                f"from {concern.submitting_agency.name}",
                person_id=concern.child_id,
                source_type="concern",
                source_id=concern.pk,
            )
        )
    for item in PartnerIntelligence.objects.filter(
        submitted_at__gte=start, submitted_at__lt=end
    ).select_related("submitting_agency"):
        lines.append(
            Candidate(
                ItemKind.NEW_INTELLIGENCE,
                f"New partner information {item.reference} from {item.submitting_agency.name}",
                source_type="intelligence",
                source_id=item.pk,
            )
        )
    missing = MissingEpisode.objects.filter(
        Q(missing_from__gte=start, missing_from__lt=end) | Q(found_at__gte=start, found_at__lt=end)
    ).select_related("person")
    for episode in missing:
        state = "found" if episode.found_at else "still missing"
        lines.append(
            _about_child(
                ItemKind.MISSING,
                f"Missing episode: {_name(episode.person)} ({state})",
                episode,
                "missing-episode",
            )
        )
    interviews = MissingEpisode.objects.filter(
        interview_due_at__lt=day_end, interview_offered_at__isnull=True
    ).select_related("person")
    for episode in interviews:
        lines.append(
            _about_child(
                ItemKind.INTERVIEW_DUE,
                f"Return home interview due for {_name(episode.person)} "
                f"by {episode.interview_due_at:%d %b %H:%M}",
                episode,
                "missing-episode",
            )
        )
    for case in (
        Case.objects.filter(level="high").exclude(status=CaseStatus.CLOSED).select_related("person")
    ):
        lines.append(
            _about_child(
                ItemKind.HIGH_RISK,
                f"High risk: {_name(case.person)}",
                case,
                "case",
            )
        )
    for screening in Screening.objects.filter(
        assessed_at__gte=start, assessed_at__lt=end
    ).select_related("person"):
        previous = (
            Screening.objects.filter(person=screening.person, assessed_at__lt=screening.assessed_at)
            .order_by("-assessed_at")
            .first()
        )
        if previous is None or previous.effective_level != screening.effective_level:
            before = previous.effective_level if previous else "not screened"
            lines.append(
                _about_child(
                    ItemKind.LEVEL_CHANGE,
                    f"Level change for {_name(screening.person)}: "
                    f"{before} to {screening.effective_level}",
                    screening,
                    "screening",
                )
            )
    for case in (
        Case.objects.filter(review_due_at__lt=day_end + REVIEW_HORIZON)
        .exclude(status=CaseStatus.CLOSED)
        .select_related("person")
    ):
        lines.append(
            _about_child(
                ItemKind.REVIEW_DUE,
                f"Review due for {_name(case.person)} by {case.review_due_at:%d %b %Y}",
                case,
                "case",
            )
        )
    links = Link.objects.filter(created_at__gte=start, created_at__lt=end).select_related(
        "from_node__person",
        "to_node__person",
        "to_node__location",
        "to_node__object",
        "from_node__location",
        "from_node__object",
    )
    seen_links: set[tuple[UUID, UUID]] = set()
    for link in links:
        for child_node, other in ((link.from_node, link.to_node), (link.to_node, link.from_node)):
            child = getattr(child_node, "person", None)
            if child is None or child.category != PersonCategory.CHILD:
                continue
            other_person = getattr(other, "person", None)
            if other_person is not None and other_person.category == PersonCategory.CHILD:
                continue  # children linked to children are not "of concern"
            if (child.pk, other.pk) in seen_links:
                continue
            seen_links.add((child.pk, other.pk))
            what = {
                "person": "an adult",
                "location": "a place",
                "object": "a vehicle, phone or account",
            }.get(other.kind, "a group")
            lines.append(
                Candidate(
                    ItemKind.NEW_LINK,
                    f"{child.full_name} newly linked to {what}",
                    person_id=child.pk,
                    node_id=other.pk,
                    source_type="link",
                    source_id=link.pk,
                )
            )
    for action in Action.objects.filter(
        status=ActionStatus.OPEN, due_date__lt=meeting_date
    ).select_related("owner", "item__person"):
        lines.append(
            Candidate(
                ItemKind.OVERDUE_ACTION,
                f"Overdue action for {action.owner.full_name} "
                f"(due {action.due_date:%d %b}): {action.description}",
                person_id=action.item.person_id,
                source_type="action",
                source_id=action.pk,
            )
        )
    return lines


def last_meeting_before(meeting_date: date) -> Meeting | None:
    return Meeting.objects.filter(date__lt=meeting_date).order_by("-date").first()
