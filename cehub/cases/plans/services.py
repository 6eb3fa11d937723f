"""Writes for safety plans: each save is a new version of the child's plan; none is changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from cehub.cases.access import log_case_work, require
from cehub.cases.models import Case, CaseStatus, SafetyPlan, SafetyPlanAction
from cehub.core.errors import ConflictError, Problem, ServiceError
from cehub.core.models import AccessAction
from cehub.people.models import ChronologyKind

if TYPE_CHECKING:
    from cehub.accounts.models import Agency, User

# What each part of the plan that cannot be left out asks for.
REQUIRED_TEXT = {
    "danger_statement": "Describe what we are worried about",
    "safety_goal": "Describe the safety goal",
    "child_words": (
        "Record the child's own words and wishes — if they chose not to say, write that"
    ),
}
TEXT_PARTS = (*REQUIRED_TEXT, "trusted_adults", "safe_places", "strategies")


@dataclass(frozen=True)
class PlanAction:
    agency: Agency
    action: str
    owner: str
    due_date: date


@dataclass(frozen=True)
class SafetyPlanInput:
    danger_statement: str
    safety_goal: str
    child_words: str
    review_date: date
    trusted_adults: str = ""
    safe_places: str = ""
    strategies: str = ""
    actions: list[PlanAction] = field(default_factory=list)


def _problems(plan: SafetyPlanInput) -> list[Problem]:
    problems: list[Problem] = [
        (name, message)
        for name, message in REQUIRED_TEXT.items()
        if not getattr(plan, name).strip()
    ]
    today = timezone.localdate()
    if plan.review_date <= today:
        problems.append(("review_date", "The review date must be in the future"))
    for number, action in enumerate(plan.actions, start=1):
        if not action.action.strip() or not action.owner.strip():
            problems.append(
                ("actions", f"Action {number}: enter what will be done and who owns it")
            )
        if action.due_date < today:
            problems.append(
                ("actions", f"Action {number}: the due date must be today or in the future")
            )
    return problems


def safety_plan_save(
    *, actor: User, case: Case, plan: SafetyPlanInput, based_on_version: int | None = None
) -> SafetyPlan:
    """Write a new version of the child's safety plan (earlier versions are kept).

    ``based_on_version`` is the version the author started from (0 for none): if someone
    saved a newer one meanwhile, nothing is written and ``ConflictError`` says so.
    """
    require(actor, "cases.manage", case.person)
    if problems := _problems(plan):
        raise ServiceError.of(problems)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.status == CaseStatus.CLOSED:
            raise ServiceError("This case is closed")
        latest = case.safety_plans.order_by("-version_number").first()
        latest_number = latest.version_number if latest else 0
        if based_on_version is not None and based_on_version != latest_number:
            raise ConflictError(
                f"Someone else saved version {latest_number} of this plan while you were "
                "writing. Nothing you entered has been saved: read their version, then save "
                "yours again."
            )
        row = SafetyPlan.objects.create(
            case=case,
            version_number=latest_number + 1,
            review_date=plan.review_date,
            created_by=actor,
            created_at=timezone.now(),
            **{name: getattr(plan, name).strip() for name in TEXT_PARTS},
        )
        SafetyPlanAction.objects.bulk_create(
            SafetyPlanAction(
                plan=row,
                agency=a.agency,
                action=a.action.strip(),
                owner=a.owner.strip(),
                due_date=a.due_date,
            )
            for a in plan.actions
        )
        log_case_work(
            actor,
            case.person,
            "safety-plan",
            row.pk,
            f"Safety plan version {row.version_number} written",
            action=AccessAction.CREATE,
            kind=ChronologyKind.PLAN,
            wording={f"safety_plan.{name}": getattr(row, name) for name in TEXT_PARTS},
        )
    return row
