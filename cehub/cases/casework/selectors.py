"""Reads for the case itself: a child's risk summary, one case, the manager's allocation queue.

Access is checked here (404 for forbidden and missing alike) and each read of a record writes
a VIEW access event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Case as SqlCase
from django.db.models import IntegerField, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from cehub.cases.access import readable_case
from cehub.cases.missing.selectors import missing_flag
from cehub.cases.models import Case, CaseStatus
from cehub.core.audit import audit_record
from cehub.core.deadlines import DeadlineStatus, deadline_status
from cehub.core.models import AccessAction
from cehub.people.access import can_open_record
from cehub.people.models import Person
from cehub.screening.conf import get_registry
from cehub.screening.models import Screening, ScreeningStatus

if TYPE_CHECKING:
    from cehub.accounts.models import User


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


def person_risk_summary(*, viewer: User, person: Person) -> RiskSummary:
    """For a record the viewer may open (the person page has already checked and audited)."""
    if not can_open_record(viewer, person):
        raise Http404
    screenings = list(Screening.objects.filter(person=person).order_by("assessed_at"))
    case = Case.objects.filter(person=person).exclude(status=CaseStatus.CLOSED).first()
    now = timezone.now()
    flag = missing_flag(person, now=now)
    return RiskSummary(
        latest=screenings[-1] if screenings else None,
        case=case,
        trend=[
            LevelPoint(s.assessed_at, s.computed_level, s.final_level, s.effective_level)
            for s in screenings
        ],
        review_due=deadline_status(case.review_due_at, now=now) if case else None,
        missing_flag=flag.raised,
        missing_recent=flag.recent,
    )


def case_get(*, viewer: User, case_id: uuid.UUID) -> Case:
    case = readable_case(
        viewer,
        Case.objects.select_related("person", "allocated_worker", "allocated_team")
        .filter(pk=case_id)
        .first(),
    )
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="case", object_id=case.pk)
    return case


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


# --- Screening reads, here only until they move to cehub/screening/selectors.py ---------------
# (issue 10: the screening pages' reads belong to screening; kept so this branch runs alone).
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
