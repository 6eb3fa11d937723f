"""Writes for the case itself: opened or moved by a screening, allocated, closed or stepped down.

Each runs in its own transaction (a savepoint when the screening services call it inside
theirs), writes the child's chronology and ends with the access-log event.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cehub.cases.access import chronology_add, lock_case, require
from cehub.cases.models import Case, CaseLevelChange, CaseStatus, ClosureOutcome
from cehub.core.audit import audit_record
from cehub.core.deadlines import review_due
from cehub.core.errors import ServiceError
from cehub.core.models import AccessAction
from cehub.core.roles import Role
from cehub.language.services import kept_wording_record
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


def _level_recorded(
    *, actor: User, case: Case, previous: str, screening: Screening, when: datetime
) -> None:
    """The case's level after a screening: its history, and the chronology when it moved."""
    CaseLevelChange.objects.create(
        case=case, level=case.level, screening=screening, changed_at=when, changed_by=actor
    )
    if previous != case.level:
        chronology_add(
            person=case.person,
            actor=actor,
            summary=f"Case level changed from {previous} to {case.level}",
            source="case",
            source_id=case.pk,
        )


def _audit_case(actor: User, case: Case, action: AccessAction, status: str | None = None) -> None:
    audit_record(
        action=action,
        user=actor,
        object_type="case",
        object_id=case.pk,
        details={"status": status} if status else None,
    )


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
            chronology_add(
                person=person,
                actor=actor,
                summary=f"Hub case opened at level {level}, waiting for allocation",
                source="case",
                source_id=case.pk,
            )
            CaseLevelChange.objects.create(
                case=case, level=level, screening=screening, changed_at=now, changed_by=actor
            )
            _audit_case(actor, case, AccessAction.CREATE)
            return case
        previous = case.level
        case.level, case.review_due_at = level, review_due(now)
        if case.status == CaseStatus.STEPPED_DOWN:
            case.closure_outcome, case.closure_reason = "", ""
            case.status = (
                CaseStatus.OPEN if case.allocated_worker_id else CaseStatus.AWAITING_ALLOCATION
            )
        case.version += 1
        case.save()
        _level_recorded(actor=actor, case=case, previous=previous, screening=screening, when=now)
        _audit_case(actor, case, AccessAction.UPDATE, "rescreened")
    return case


def case_rescreened_below_threshold(
    *, actor: User, person: Person, level: str, screening: Screening
) -> None:
    """A child with a live case re-screened at none or low: the case keeps going (closing it
    is a decision), but its level and review date follow the screening."""
    now = timezone.now()
    with transaction.atomic():
        case = _live_case(person)
        if case is None:
            return
        previous = case.level
        case.level, case.review_due_at = level, review_due(now)
        case.version += 1
        case.save(update_fields=["level", "review_due_at", "version"])
        _level_recorded(actor=actor, case=case, previous=previous, screening=screening, when=now)
        _audit_case(actor, case, AccessAction.UPDATE, "rescreened")


def case_level_follow_screening(*, actor: User, screening: Screening) -> None:
    """A manager agreed a lower level: the live case (if any) takes it."""
    with transaction.atomic():
        case = _live_case(screening.person)
        if case is None:
            return
        previous = case.level
        case.level = screening.final_level
        case.version += 1
        case.save(update_fields=["level", "version"])
        _level_recorded(
            actor=actor, case=case, previous=previous, screening=screening, when=timezone.now()
        )
        _audit_case(actor, case, AccessAction.UPDATE, "lower level agreed")


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
        case = lock_case(case, expected_version)
        if case.status == CaseStatus.CLOSED:
            raise ServiceError("This case is closed")
        case.allocated_worker, case.allocated_team = worker, worker.team
        case.allocated_at, case.status = timezone.now(), CaseStatus.OPEN
        case.version += 1
        case.save()
        team_access_grant(person=case.person, team=worker.team, reason=TeamAccessReason.ALLOCATION)
        chronology_add(
            person=case.person,
            actor=actor,
            summary=f"Case allocated to {worker.full_name}",
            source="case",
            source_id=case.pk,
        )
        _audit_case(actor, case, AccessAction.UPDATE, "allocated")
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
        case = lock_case(case, expected_version)
        if case.status == CaseStatus.CLOSED:
            raise ServiceError("This case is already closed")
        case.status = CaseStatus.STEPPED_DOWN if step_down else CaseStatus.CLOSED
        case.closure_outcome, case.closure_reason = outcome, reason.strip()
        if not step_down:
            case.closed_at = timezone.now()
        case.version += 1
        case.save()
        chronology_add(
            person=case.person,
            actor=actor,
            summary=f"Case {ended}: {ClosureOutcome(outcome).label}",
            source="case",
            source_id=case.pk,
        )
        kept_wording_record(actor=actor, texts={"case.closure_reason": case.closure_reason})
        _audit_case(actor, case, AccessAction.UPDATE, ended)
    return case
