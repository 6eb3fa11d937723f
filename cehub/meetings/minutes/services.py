"""Writes for the meeting and its minutes: create with its agenda snapshot, change the agenda,
start, record each item's discussion and action, close (which locks it), and corrections.

Each service checks the actor, holds the meeting's row lock while it changes the minutes,
refuses a closed meeting, and writes its audit event last, in its transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from cehub.core.audit import audit_record
from cehub.core.errors import ServiceError
from cehub.core.models import AccessAction
from cehub.language.services import kept_wording_record
from cehub.people.models import ChronologyEntry, ChronologyKind, Person
from cehub.people.services import chronology_record

from ..models import (
    Action,
    AgendaItem,
    Attendance,
    ItemKind,
    Meeting,
    MeetingStatus,
    MinuteCorrection,
)
from .agenda import agenda_window, collect_agenda, last_meeting_before

if TYPE_CHECKING:
    from cehub.accounts.models import User

MEETING_CLOSED = (
    "This meeting is closed, so its minutes cannot be changed. Add a correction instead."
)


def require_permission(actor: User, permission: str) -> None:
    """Forbidden is answered as missing (404), as everywhere."""
    if not actor.has_perm(permission):
        raise Http404


def _open_for_changes(meeting: Meeting) -> Meeting:
    """The meeting's row, locked for the caller's transaction; a closed meeting is refused."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.status == MeetingStatus.CLOSED:
        raise ServiceError(MEETING_CLOSED)
    return locked


def _audit_meeting_change(actor: User, meeting_id: uuid.UUID, **details: object) -> None:
    audit_record(
        action=AccessAction.UPDATE,
        user=actor,
        object_type="meeting",
        object_id=meeting_id,
        details=details,
    )


def _audit_created(actor: User, object_type: str, object_id: uuid.UUID) -> None:
    audit_record(
        action=AccessAction.CREATE, user=actor, object_type=object_type, object_id=object_id
    )


# --- Setting up and the agenda ------------------------------------------------------------
def meeting_create(*, actor: User, meeting_date: date, chair: User) -> Meeting:
    """Create the day's meeting and snapshot its agenda from the records as they are now."""
    require_permission(actor, "meetings.manage")
    if not chair.has_perm("meetings.chair"):
        raise ServiceError("Choose a hub manager or practitioner to chair", "chair")
    now = timezone.now()
    with transaction.atomic():
        if Meeting.objects.filter(date=meeting_date).exists():
            raise ServiceError("There is already a meeting on this date", "meeting_date")
        last = last_meeting_before(meeting_date)
        start, end = agenda_window(meeting_date, last.date if last else None)
        meeting = Meeting.objects.create(
            date=meeting_date,
            chair=chair,
            agenda_from=start,
            agenda_to=end,
            agenda_built_at=now,
            created_by=actor,
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting=meeting,
                position=position,
                kind=line.kind,
                summary=line.summary[:300],
                person_id=line.person_id,
                node_id=line.node_id,
                source_type=line.source_type,
                source_id=line.source_id,
            )
            for position, line in enumerate(collect_agenda(meeting_date, start, end), start=1)
        )
        _audit_created(actor, "meeting", meeting.pk)
    return meeting


def agenda_item_add(
    *,
    actor: User,
    meeting: Meeting,
    summary: str,
    person: Person | None = None,
    node_id: uuid.UUID | None = None,
) -> AgendaItem:
    require_permission(actor, "meetings.manage")
    if not summary.strip():
        raise ServiceError("Say what the item is about", "summary")
    with transaction.atomic():
        meeting = _open_for_changes(meeting)
        last = meeting.items.aggregate(last=Max("position"))["last"] or 0
        item = AgendaItem.objects.create(
            meeting=meeting,
            position=last + 1,
            kind=ItemKind.ADDED,
            summary=summary.strip()[:300],
            person=person,
            node_id=node_id or (person.node_id if person else None),
        )
        _audit_meeting_change(actor, meeting.pk, status="item added")
    return item


def agenda_item_remove(*, actor: User, item: AgendaItem) -> AgendaItem:
    require_permission(actor, "meetings.manage")
    with transaction.atomic():
        _open_for_changes(item.meeting)
        if item.discussed_at is not None:
            raise ServiceError("This item has been discussed, so it stays on the agenda")
        item.removed = True
        item.save(update_fields=["removed"])
        _audit_meeting_change(actor, item.meeting_id, status="item removed")
    return item


def agenda_item_move(*, actor: User, item: AgendaItem, offset: int) -> None:
    """Move an item up (-1) or down (+1), swapping with its neighbour."""
    require_permission(actor, "meetings.manage")
    with transaction.atomic():
        meeting = _open_for_changes(item.meeting)
        items = list(meeting.items.filter(removed=False).order_by("position"))
        index = next((i for i, row in enumerate(items) if row.pk == item.pk), None)
        if index is None:
            raise ServiceError("This item has been removed from the agenda")
        other = index + offset
        if not 0 <= other < len(items):
            return  # already first (or last): nothing changes, so nothing to record
        first, second = items[index], items[other]
        first.position, second.position = second.position, first.position
        AgendaItem.objects.bulk_update([first, second], ["position"])
        _audit_meeting_change(actor, meeting.pk, status="item moved")


# --- Running the meeting ------------------------------------------------------------------
def meeting_start(*, actor: User, meeting: Meeting, attendees: list[User]) -> Meeting:
    require_permission(actor, "meetings.manage")
    with transaction.atomic():
        meeting = _open_for_changes(meeting)
        now = timezone.now()
        meeting.status, meeting.started_at = MeetingStatus.IN_PROGRESS, meeting.started_at or now
        meeting.version += 1
        meeting.save()
        for person in attendees:
            if person.agency_id is None:
                raise ServiceError(f"{person.full_name} has no agency recorded", "attendees")
            Attendance.objects.get_or_create(
                meeting=meeting,
                user=person,
                defaults={"agency_id": person.agency_id, "recorded_at": now},
            )
        _audit_meeting_change(actor, meeting.pk, status="started", count=len(attendees))
    return meeting


def discussion_record(
    *, actor: User, item: AgendaItem, discussion: str, decisions: str
) -> AgendaItem:
    """What was said and decided; a child discussed gets a chronology entry for the decision."""
    require_permission(actor, "meetings.manage")
    if not discussion.strip():
        raise ServiceError("Summarise the discussion", "discussion")
    if not decisions.strip():
        raise ServiceError("Record the decisions, or write 'No decision'", "decisions")
    with transaction.atomic():
        meeting = _open_for_changes(item.meeting)
        if meeting.status != MeetingStatus.IN_PROGRESS:
            raise ServiceError("Start the meeting before recording discussions")
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        item.discussion, item.decisions = discussion.strip(), decisions.strip()
        discussed_at = timezone.now()
        item.discussed_by, item.discussed_at = actor, discussed_at
        item.save(update_fields=["discussion", "decisions", "discussed_by", "discussed_at"])
        kept_wording_record(
            actor=actor,
            texts={"meeting.discussion": item.discussion, "meeting.decisions": item.decisions},
        )
        if item.person is not None:
            _chronology_for_decision(actor, meeting, item, item.person, discussed_at)
        _audit_meeting_change(actor, meeting.pk, status="item discussed")
    return item


def _chronology_for_decision(
    actor: User, meeting: Meeting, item: AgendaItem, person: Person, discussed_at: datetime
) -> None:
    """The decision on the child's chronology, dated when it was discussed."""
    summary = f"Discussed at the daily meeting on {meeting.date:%d %b %Y}: {item.decisions}"
    # Saving the item again updates its entry rather than adding another.
    updated = ChronologyEntry.objects.filter(source_type="meeting-item", source_id=item.pk).update(
        summary=summary[:300], occurred_at=discussed_at, recorded_by=actor
    )
    if not updated:
        chronology_record(
            person=person,
            kind=ChronologyKind.MEETING,
            occurred_at=discussed_at,
            summary=summary,
            source_type="meeting-item",
            source_id=item.pk,
            actor=actor,
        )


def action_create(
    *, actor: User, item: AgendaItem, description: str, owner: User | None, due_date: date | None
) -> Action:
    """An action the meeting agreed: described, owned by someone with an agency, due today or
    later. The rules and their words are here only; the item's form just parses."""
    require_permission(actor, "meetings.manage")
    if not description.strip():
        raise ServiceError("Describe the action", "description")
    if owner is None:
        raise ServiceError("Choose who owns the action", "owner")
    if owner.agency_id is None or not owner.is_active:
        raise ServiceError("Choose an active user with an agency", "owner")
    if due_date is None:
        raise ServiceError("Enter the date the action is due", "due_date")
    if due_date < timezone.localdate():
        raise ServiceError("The due date must be today or in the future", "due_date")
    with transaction.atomic():
        meeting = _open_for_changes(item.meeting)
        action = Action.objects.create(
            meeting=meeting,
            item=item,
            description=description.strip()[:500],
            owner=owner,
            owner_agency_id=owner.agency_id,
            due_date=due_date,
            created_by=actor,
            created_at=timezone.now(),
        )
        _audit_created(actor, "meeting-action", action.pk)
    return action


@dataclass(frozen=True)
class ActionInput:
    """An action as typed beside an item's discussion (any part may be missing)."""

    description: str
    owner: User | None
    due_date: date | None


def item_minutes_record(
    *,
    actor: User,
    item: AgendaItem,
    discussion: str,
    decisions: str,
    action: ActionInput | None = None,
) -> AgendaItem:
    """An item's discussion and the action agreed with it, together or not at all."""
    with transaction.atomic():
        item = discussion_record(actor=actor, item=item, discussion=discussion, decisions=decisions)
        if action is not None:
            action_create(
                actor=actor,
                item=item,
                description=action.description,
                owner=action.owner,
                due_date=action.due_date,
            )
    return item


def meeting_close(*, actor: User, meeting: Meeting) -> Meeting:
    """Close the meeting: its minutes are locked from now on (corrections are added instead)."""
    require_permission(actor, "meetings.manage")
    with transaction.atomic():
        meeting = _open_for_changes(meeting)
        meeting.status, meeting.closed_at = MeetingStatus.CLOSED, timezone.now()
        meeting.version += 1
        meeting.save()
        _audit_meeting_change(actor, meeting.pk, status="closed")
    return meeting


def correction_add(
    *, actor: User, meeting: Meeting, text: str, item: AgendaItem | None = None
) -> MinuteCorrection:
    require_permission(actor, "meetings.manage")
    meeting = Meeting.objects.get(pk=meeting.pk)  # the status as it is now, not as loaded
    if meeting.status != MeetingStatus.CLOSED:
        raise ServiceError("Corrections are for closed meetings: edit the minutes directly")
    if not text.strip():
        raise ServiceError("Write the correction", "text")
    if item is not None and item.meeting_id != meeting.pk:
        raise ServiceError("That item belongs to another meeting")
    with transaction.atomic():
        correction = MinuteCorrection.objects.create(
            meeting=meeting,
            item=item,
            text=text.strip(),
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        kept_wording_record(actor=actor, texts={"meeting.correction": correction.text})
        _audit_created(actor, "meeting-correction", correction.pk)
    return correction
