"""The records cases tests start from, made through the services as the pages make them: a
child, a screening that opens a case, the case allocated, a missing episode."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.casework.services import case_allocate
from cehub.cases.missing.services import MissingEpisodeInput, missing_episode_record
from cehub.cases.models import Case, MissingEpisode, PoliceRiskGrade
from cehub.cases.plans.services import SafetyPlanInput
from cehub.cases.screening.services import screening_submit
from cehub.people.models import Person, PersonCategory
from cehub.people.services import PersonDetails, person_create
from cehub.screening.models import Screening
from cehub.screening.services import AnswerInput
from tests.html import text as page_text

SIGN = AnswerInput("missing-overnight", "current", True, "Found in Leeds at 3am")


def new_person(
    actor: User,
    given_name: str,
    family_name: str,
    date_of_birth: date | None = None,
    *,
    category: PersonCategory = PersonCategory.CHILD,
    **details: Any,
) -> Person:
    """A child (or, with ``category``, an adult) recorded by ``actor``, whose team then knows
    them."""
    return person_create(
        actor=actor,
        details=PersonDetails(
            category=category,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            **details,
        ),
    )


def screen(actor: User, person: Person, *, high: bool = False) -> Screening:
    """Medium (one significant sign now), or high with a disclosure: either opens a case."""
    return screening_submit(
        actor=actor,
        person=person,
        answers=[SIGN],
        disclosure=high,
        final_level="high" if high else "medium",
    )


def screen_lowered(actor: User, person: Person) -> Screening:
    """The assessor chose low, below the computed medium: it waits for a manager to agree."""
    return screening_submit(
        actor=actor,
        person=person,
        answers=[SIGN],
        disclosure=False,
        final_level="low",
        rationale="A single episode and the family acted at once",
        advice_given="Safety advice to her parents",
    )


def open_case(worker: User, manager: User, person: Person) -> Case:
    """Screen ``person`` at medium and allocate their case to ``worker``."""
    screen(worker, person)
    return case_allocate(actor=manager, case=Case.objects.get(person=person), worker=worker)


def record_episode(
    actor: User,
    child: Person,
    missing_from: datetime,
    found_at: datetime | None = None,
    *,
    reported_at: datetime | None = None,
    grade: PoliceRiskGrade = PoliceRiskGrade.HIGH,
    **details: Any,
) -> MissingEpisode:
    """A missing episode, reported an hour after the child went missing unless said."""
    return missing_episode_record(
        actor=actor,
        person=child,
        data=MissingEpisodeInput(
            missing_from=missing_from,
            reported_at=reported_at or missing_from + timedelta(hours=1),
            found_at=found_at,
            police_risk_grade=grade,
            **details,
        ),
    )


CHILD_WORDS = "\u201cI want to go to boxing on Tuesdays and see my nan.\u201d"
PLAN_TEXT = {
    "danger_statement": "Adults at the takeaway are giving Kayleigh vapes and lifts",
    "safety_goal": "Kayleigh spends evenings with people who keep her safe",
    "child_words": CHILD_WORDS,
}


def plan_input(**overrides: Any) -> SafetyPlanInput:
    """A safety plan with what it must have (the danger, the goal, the child's own words),
    reviewed in four weeks."""
    values = {**PLAN_TEXT, "review_date": timezone.localdate() + timedelta(days=28), **overrides}
    return SafetyPlanInput(**values)


def assert_form_problem(response: Any, message: str, field_id: str) -> None:
    """The form came back (200, not saved) saying ``message``, and the error summary links to
    the field ``id_<field_id>`` so that the user can jump to it."""
    assert response.status_code == 200
    assert message in page_text(response)
    assert f'href="#id_{field_id}"' in response.content.decode()
