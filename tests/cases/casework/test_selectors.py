"""The manager's allocation queue and the child's risk summary."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.http import Http404

from cehub.accounts.models import User
from cehub.cases.casework.selectors import allocation_queue, person_risk_summary
from cehub.core.roles import Role
from cehub.people.models import Person
from tests.cases.records import new_person, screen

pytestmark = pytest.mark.django_db


def test_allocation_queue_puts_high_before_medium_then_oldest(
    hub_social_worker: User, hub_manager: User
) -> None:
    people = [new_person(hub_social_worker, name, "Test") for name in ("Amy", "Ben", "Cal")]
    screen(hub_social_worker, people[0])
    screen(hub_social_worker, people[1], high=True)
    screen(hub_social_worker, people[2])
    queue = list(allocation_queue(viewer=hub_manager))
    assert [case.person.given_name for case in queue] == ["Ben", "Amy", "Cal"]
    with pytest.raises(Http404):
        allocation_queue(viewer=hub_social_worker)


def test_risk_summary_shows_the_trend_of_levels(hub_social_worker: User, child: Person) -> None:
    screen(hub_social_worker, child)
    screen(hub_social_worker, child, high=True)
    summary = person_risk_summary(viewer=hub_social_worker, person=child)
    assert [point.effective_level for point in summary.trend] == ["medium", "high"]
    assert summary.current_level == "high"
    assert summary.case is not None
    assert summary.review_due is not None


def test_risk_summary_needs_a_relationship(
    make_persona: Callable[..., User], child: Person
) -> None:
    with pytest.raises(Http404):
        person_risk_summary(viewer=make_persona(Role.HUB_PRACTITIONER), person=child)
