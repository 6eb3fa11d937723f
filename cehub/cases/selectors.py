"""Reads for cases: a child's risk summary, a case, the manager's queues, missing episodes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Case as SqlCase
from django.db.models import IntegerField, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from cehub.core.audit import audit_record
from cehub.core.deadlines import DeadlineStatus, deadline_status
from cehub.core.models import AccessAction
from cehub.people.access import can_open_record
from cehub.people.models import Person
from cehub.screening.conf import get_registry
from cehub.screening.models import Screening, ScreeningStatus

from .models import Case, CaseStatus, DisruptionAction, MissingEpisode, NRMReferral, SafetyPlan

if TYPE_CHECKING:
    from cehub.accounts.models import User
    from cehub.contexts.models import Node

# Local practice: three or more episodes in 30 days should prompt a strategy discussion.
MISSING_FLAG_EPISODES = 3
MISSING_FLAG_WINDOW = timedelta(days=30)


def level_order() -> tuple[str, ...]:
    """The default screening tool's levels, lowest risk first."""
    return get_registry().get().levels


@dataclass(frozen=True)
class LevelPoint:
    assessed_at: datetime
    computed_level: str
    final_level: str
    effective_level: str


@dataclass(frozen=True)
class RiskSummary:
    """What the person page shows at the top: current level, case, trend and flags."""

    latest: Screening | None
    case: Case | None
    trend: list[LevelPoint]
    review_due: DeadlineStatus | None
    missing_flag: bool
    missing_recent: int

    @property
    def current_level(self) -> str | None:
        return self.latest.effective_level if self.latest else None


def _missing_in_window(person: Person, now: datetime) -> int:
    return MissingEpisode.objects.filter(
        person=person, missing_from__gte=now - MISSING_FLAG_WINDOW
    ).count()


def person_risk_summary(*, viewer: User, person: Person) -> RiskSummary:
    """For a record the viewer may open (the person page has already checked and audited)."""
    if not can_open_record(viewer, person):
        raise Http404
    screenings = list(Screening.objects.filter(person=person).order_by("assessed_at"))
    case = Case.objects.filter(person=person).exclude(status=CaseStatus.CLOSED).first()
    now = timezone.now()
    recent = _missing_in_window(person, now)
    return RiskSummary(
        latest=screenings[-1] if screenings else None,
        case=case,
        trend=[
            LevelPoint(s.assessed_at, s.computed_level, s.final_level, s.effective_level)
            for s in screenings
        ],
        review_due=deadline_status(case.review_due_at, now=now) if case else None,
        missing_flag=recent >= MISSING_FLAG_EPISODES,
        missing_recent=recent,
    )


def case_get(*, viewer: User, case_id: uuid.UUID) -> Case:
    case = (
        Case.objects.select_related("person", "allocated_worker", "allocated_team")
        .filter(pk=case_id)
        .first()
    )
    if (
        case is None
        or not viewer.has_perm("cases.view_case")
        or not can_open_record(viewer, case.person)
    ):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="case", object_id=case.pk)
    return case


def case_safety_plans(*, viewer: User, case: Case) -> QuerySet[SafetyPlan]:
    if not can_open_record(viewer, case.person):
        raise Http404
    return case.safety_plans.select_related("created_by").prefetch_related("actions__agency")


def safety_plan_get(*, viewer: User, plan_id: uuid.UUID) -> SafetyPlan:
    plan = (
        SafetyPlan.objects.select_related("case__person", "created_by").filter(pk=plan_id).first()
    )
    if (
        plan is None
        or not viewer.has_perm("cases.view_case")
        or not can_open_record(viewer, plan.case.person)
    ):
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="safety-plan", object_id=plan.pk
    )
    return plan


def allocation_queue(*, viewer: User) -> QuerySet[Case]:
    """Cases waiting for a worker, highest level first then oldest (managers only)."""
    if not viewer.has_perm("cases.view_queues"):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="allocation-queue")
    return (
        Case.objects.filter(status=CaseStatus.AWAITING_ALLOCATION)
        .select_related("person")
        .annotate(
            level_rank=SqlCase(
                *(When(level=level, then=Value(rank)) for rank, level in enumerate(level_order())),
                default=Value(-1),
                output_field=IntegerField(),
            )
        )
        .order_by("-level_rank", "opened_at")
    )


def approval_queue(*, viewer: User) -> QuerySet[Screening]:
    """Screenings whose assessor chose a level below the computed one."""
    if not viewer.has_perm("screening.approve_lower_level"):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="approval-queue")
    return (
        Screening.objects.filter(status=ScreeningStatus.AWAITING_APPROVAL)
        .select_related("person", "assessed_by")
        .order_by("assessed_at")
    )


def screening_get(*, viewer: User, screening_id: uuid.UUID) -> Screening:
    screening = (
        Screening.objects.select_related("person", "assessed_by", "decided_by")
        .filter(pk=screening_id)
        .first()
    )
    if screening is None or not (
        can_open_record(viewer, screening.person)
        or viewer.has_perm("screening.approve_lower_level")
    ):
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="screening", object_id=screening.pk
    )
    return screening


def missing_episodes_for(*, viewer: User, person: Person) -> QuerySet[MissingEpisode]:
    if not can_open_record(viewer, person):
        raise Http404
    return MissingEpisode.objects.filter(person=person).order_by("-missing_from")


def missing_episode_get(*, viewer: User, episode_id: uuid.UUID) -> MissingEpisode:
    episode = MissingEpisode.objects.select_related("person").filter(pk=episode_id).first()
    if episode is None or not can_open_record(viewer, episode.person):
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="missing-episode", object_id=episode.pk
    )
    return episode


def interview_status(
    episode: MissingEpisode, *, now: datetime | None = None
) -> DeadlineStatus | None:
    """The 72-hour return home interview deadline, in words."""
    if episode.interview_due_at is None:
        return None
    return deadline_status(episode.interview_due_at, met_at=episode.interview_offered_at, now=now)


def disruptions_for(*, viewer: User, node: Node) -> QuerySet[DisruptionAction]:
    if not viewer.has_perm("cases.disrupt"):
        raise Http404
    return DisruptionAction.objects.filter(target=node).select_related("owner_agency")


def nrm_for(*, viewer: User, person: Person) -> QuerySet[NRMReferral]:
    if not can_open_record(viewer, person):
        raise Http404
    return NRMReferral.objects.filter(person=person).select_related("first_responder")
