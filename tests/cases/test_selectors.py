"""The manager's queues, the person's risk summary and the missing-episode flag."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.models import PoliceRiskGrade
from cehub.cases.screening.services import screening_submit
from cehub.cases.selectors import allocation_queue, interview_status, person_risk_summary
from cehub.cases.services import MissingEpisodeInput, missing_episode_record
from cehub.core.roles import Role
from cehub.people.models import Person, PersonCategory
from cehub.people.services import PersonDetails, person_create
from cehub.screening.services import AnswerInput, tool_get

pytestmark = pytest.mark.django_db


def _screen(actor: User, person: Person, level: str) -> None:
    significant = next(i for i in tool_get().indicators.values() if i.tier == "significant")
    if level == "high":
        screening_submit(
            actor=actor, person=person, answers=[], disclosure=True, final_level="high"
        )
    else:
        screening_submit(
            actor=actor,
            person=person,
            disclosure=False,
            final_level="medium",
            answers=[AnswerInput(significant.id, "current", True)],
        )


def test_allocation_queue_puts_high_before_medium_then_oldest(
    hub_social_worker: User, hub_manager: User
) -> None:
    people = [
        person_create(
            actor=hub_social_worker,
            details=PersonDetails(
                category=PersonCategory.CHILD, given_name=name, family_name="Test"
            ),
        )
        for name in ("Amy", "Ben", "Cal")
    ]
    _screen(hub_social_worker, people[0], "medium")
    _screen(hub_social_worker, people[1], "high")
    _screen(hub_social_worker, people[2], "medium")
    queue = list(allocation_queue(viewer=hub_manager))
    assert [case.person.given_name for case in queue] == ["Ben", "Amy", "Cal"]
    with pytest.raises(Http404):
        allocation_queue(viewer=hub_social_worker)


def test_three_missing_episodes_in_thirty_days_raise_the_flag(
    hub_social_worker: User, child: Person
) -> None:
    now = timezone.now()
    for days_ago in (25, 12):
        missing_episode_record(
            actor=hub_social_worker,
            person=child,
            data=MissingEpisodeInput(
                missing_from=now - timedelta(days=days_ago),
                reported_at=now - timedelta(days=days_ago),
                found_at=now - timedelta(days=days_ago - 1),
                police_risk_grade=PoliceRiskGrade.MEDIUM,
            ),
        )
    assert not person_risk_summary(viewer=hub_social_worker, person=child).missing_flag
    episode = missing_episode_record(
        actor=hub_social_worker,
        person=child,
        data=MissingEpisodeInput(
            missing_from=now - timedelta(hours=30),
            reported_at=now - timedelta(hours=29),
            found_at=now - timedelta(hours=4),
            police_risk_grade=PoliceRiskGrade.HIGH,
        ),
    )
    summary = person_risk_summary(viewer=hub_social_worker, person=child)
    assert summary.missing_flag
    assert summary.missing_recent == 3
    status = interview_status(episode)
    assert status is not None
    assert status.state == "due"
    assert status.text.startswith("Due in 2 days 19 hours")


def test_risk_summary_shows_the_trend_of_levels(hub_social_worker: User, child: Person) -> None:
    _screen(hub_social_worker, child, "medium")
    _screen(hub_social_worker, child, "high")
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
