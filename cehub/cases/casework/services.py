"""Writes for the case itself: opened or moved by a screening, allocated, closed or stepped down.

Each runs in its own transaction (a savepoint when the screening services call it inside
theirs), writes the child's chronology and ends with the access-log event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cehub.cases.access import lock_versioned, log_case_work, require
from cehub.cases.models import Case, CaseLevelChange, CaseStatus, ClosureOutcome
from cehub.core.deadlines import review_due
from cehub.core.errors import ServiceError
from cehub.core.models import AccessAction
from cehub.core.roles import Role
from cehub.people.models import Person, TeamAccessReason
from cehub.people.services import team_access_grant

if TYPE_CHECKING:
    from cehub.accounts.models import User
    from cehub.screening.models import Screening


def _live_case(person: Person) -> Case | None:
    """The child's case that is not closed (there is at most one), locked."""
    return (
        Case.objects.select_for_update()
        .filter(person=person)
        .exclude(status=CaseStatus.CLOSED)
        .first()
    )


def _take_level(
    actor: User,
    case: Case,
    level: str,
    screening: Screening,
    status: str,
    *,
    review: bool,
) -> None:
    """The (locked) case takes a screening's level, and a new review date counted from now
    when the screening is new; its level history, the chronology when the level moved, the
    access-log event."""
    previous, now = case.level, timezone.now()
    case.level = level
    if review:
        case.review_due_at = review_due(now)
    case.version += 1
    case.save()
    CaseLevelChange.objects.create(
        case=case, level=level, screening=screening, changed_at=now, changed_by=actor
    )
    moved = f"Case level changed from {previous} to {level}" if previous != level else None
    log_case_work(actor, case.person, "case", case.pk, moved, details={"status": status})


# --- Following the screenings ----------------------------------------------------------------
def case_open_or_update(*, actor: User, person: Person, level: str, screening: Screening) -> Case:
    """Medium or high: open a case waiting for allocation, or move the live case's level."""
    now = timezone.now()
    with transaction.atomic():
        case = _live_case(person)
        if case is None:
            case = Case.objects.create(
                person=person,
                status=CaseStatus.AWAITING_ALLOCATION,
                level=level,
                opened_at=now,
                opened_by=actor,
                review_due_at=review_due(now),
            )
            CaseLevelChange.objects.create(
                case=case, level=level, screening=screening, changed_at=now, changed_by=actor
            )
            opened = f"Hub case opened at level {level}, waiting for allocation"
            log_case_work(actor, person, "case", case.pk, opened, action=AccessAction.CREATE)
            return case
        if case.status == CaseStatus.STEPPED_DOWN:
            # A new screening at medium or high brings a stepped-down case back to the hub.
            case.closure_outcome, case.closure_reason = "", ""
            case.status = (
                CaseStatus.OPEN if case.allocated_worker_id else CaseStatus.AWAITING_ALLOCATION
            )
        _take_level(actor, case, level, screening, "rescreened", review=True)
    return case


def case_rescreened_below_threshold(
    *, actor: User, person: Person, level: str, screening: Screening
) -> None:
    """A child with a live case re-screened at none or low: the case keeps going (closing it
    is a decision), but its level and review date follow the screening."""
    with transaction.atomic():
        case = _live_case(person)
        if case is not None:
            _take_level(actor, case, level, screening, "rescreened", review=True)


def case_level_follow_screening(*, actor: User, screening: Screening) -> None:
    """A manager agreed a lower level: the live case (if any) takes it."""
    with transaction.atomic():
        case = _live_case(screening.person)
        if case is not None:
            _take_level(
                actor, case, screening.final_level, screening, "lower level agreed", review=False
            )


# --- Allocation and closure ------------------------------------------------------------------
def case_allocate(
    *, actor: User, case: Case, worker: User, expected_version: int | None = None
) -> Case:
    """A hub manager allocates the case to a worker; their team gains the relationship."""
    if not actor.has_perm("cases.allocate"):
        raise Http404
    if worker.role not in (Role.HUB_PRACTITIONER, Role.HUB_MANAGER) or not worker.is_active:
        raise ServiceError("Choose a hub practitioner or manager", "worker")
    if worker.team is None:
        raise ServiceError(
            "This worker is not in a team: ask an administrator to add them", "worker"
        )
    with transaction.atomic():
        case = lock_versioned(case, expected_version)
        if case.status == CaseStatus.CLOSED:
            raise ServiceError("This case is closed")
        case.allocated_worker, case.allocated_team = worker, worker.team
        case.allocated_at, case.status = timezone.now(), CaseStatus.OPEN
        case.version += 1
        case.save()
        team_access_grant(person=case.person, team=worker.team, reason=TeamAccessReason.ALLOCATION)
        allocated = f"Case allocated to {worker.full_name}"
        log_case_work(
            actor, case.person, "case", case.pk, allocated, details={"status": "allocated"}
        )
    return case


def case_close(
    *,
    actor: User,
    case: Case,
    outcome: ClosureOutcome | str,
    reason: str,
    step_down: bool = False,
    expected_version: int | None = None,
) -> Case:
    """Close the case, or step it down, with the outcome and the reasons."""
    require(actor, "cases.manage", case.person)
    if outcome not in ClosureOutcome.values:
        raise ServiceError("Choose the outcome", "outcome")
    if not reason.strip():
        raise ServiceError("Give the reasons for closing the case", "reason")
    ended = "stepped down" if step_down else "closed"
    with transaction.atomic():
        case = lock_versioned(case, expected_version)
        if case.status == CaseStatus.CLOSED:
            raise ServiceError("This case is already closed")
        case.status = CaseStatus.STEPPED_DOWN if step_down else CaseStatus.CLOSED
        case.closure_outcome, case.closure_reason = outcome, reason.strip()
        if not step_down:
            case.closed_at = timezone.now()
        case.version += 1
        case.save()
        log_case_work(
            actor,
            case.person,
            "case",
            case.pk,
            f"Case {ended}: {ClosureOutcome(outcome).label}",
            details={"status": ended},
            wording={"case.closure_reason": case.closure_reason},
        )
    return case
