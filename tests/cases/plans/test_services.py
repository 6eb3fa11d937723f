"""Safety plans: the child's words, the dates, and a new version each time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.models import (
    Case,
    SafetyPlan,
)
from cehub.cases.plans.services import PlanAction, safety_plan_save
from cehub.core.errors import ServiceError
from tests.cases.records import plan_input

pytestmark = pytest.mark.django_db


def test_safety_plan_needs_the_childs_words_and_is_versioned(
    hub_social_worker: User, case: Case
) -> None:
    with pytest.raises(ServiceError, match="child's own words") as raised:
        safety_plan_save(actor=hub_social_worker, case=case, plan=plan_input(child_words="  "))
    assert raised.value.field == "child_words"
    assert not SafetyPlan.objects.exists()

    agency = hub_social_worker.agency
    first = safety_plan_save(
        actor=hub_social_worker,
        case=case,
        plan=plan_input(
            actions=[
                PlanAction(agency, "Weekly boxing session", "Youth worker", timezone.localdate())
            ]
        ),
    )  # type: ignore[arg-type]
    second = safety_plan_save(
        actor=hub_social_worker, case=case, plan=plan_input(safety_goal="Updated goal")
    )
    assert (first.version_number, second.version_number) == (1, 2)
    assert first.actions.count() == 1
    assert SafetyPlan.objects.filter(case=case).count() == 2


def test_safety_plan_review_date_and_action_dates(hub_social_worker: User, case: Case) -> None:
    with pytest.raises(ServiceError, match="review date must be in the future"):
        safety_plan_save(
            actor=hub_social_worker, case=case, plan=plan_input(review_date=timezone.localdate())
        )
    with pytest.raises(ServiceError, match="Action 1: the due date"):
        safety_plan_save(
            actor=hub_social_worker,
            case=case,
            plan=plan_input(
                actions=[
                    PlanAction(
                        hub_social_worker.agency,
                        "Call",
                        "Sam",
                        timezone.localdate() - timedelta(days=1),
                    )  # type: ignore[arg-type]
                ]
            ),
        )
