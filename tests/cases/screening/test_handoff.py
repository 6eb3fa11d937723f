"""The screening → case hand-off (``cehub.cases.screening.services``): screening records,
cases act, in one transaction; whether a level opens a case is the tool's data."""

from __future__ import annotations

from typing import Any

import pytest

from cehub.accounts.models import User
from cehub.cases.models import Case
from cehub.cases.screening import services as handoff
from cehub.core.errors import ServiceError
from cehub.core.models import AccessEvent
from cehub.people.models import ChronologyEntry, Person
from cehub.screening.engine import Tool
from cehub.screening.models import Outcome, Screening, ScreeningStatus
from cehub.screening.services import (
    AnswerInput,
    screening_decide_lower_level,
    screening_record,
)
from tests.screening.partnership_tool import TRAFFIC_LIGHTS

from .screening_form import EVIDENCE, SIGNIFICANT

pytestmark = pytest.mark.django_db

SIGNIFICANT_NOW = [AnswerInput(SIGNIFICANT, "current", True, EVIDENCE)]
# Computed medium, judged low: the lower level waits for a manager.
LOWERED: dict[str, Any] = {
    "answers": SIGNIFICANT_NOW,
    "disclosure": False,
    "final_level": "low",
    "rationale": "One episode; the family acted at once",
    "advice_given": "Advice to her parents",
}


def test_the_screening_service_alone_records_the_outcome_and_leaves_cases_alone(
    hub_social_worker: User, hub_manager: User, child: Person
) -> None:
    screening = screening_record(actor=hub_social_worker, person=child, **LOWERED)
    assert screening.outcome == Outcome.CASE  # the computed medium stands until agreed
    assert not Case.objects.exists()
    screening_decide_lower_level(
        actor=hub_manager, screening=screening, agree=True, note="Agreed with the school"
    )
    assert not Case.objects.exists()


def test_a_failed_hand_off_saves_no_screening(
    monkeypatch: pytest.MonkeyPatch, hub_social_worker: User, child: Person
) -> None:
    def refuse(**_: object) -> None:
        raise RuntimeError("the case could not be opened")

    monkeypatch.setattr(handoff, "case_open_or_update", refuse)
    events = AccessEvent.objects.count()
    with pytest.raises(RuntimeError):
        handoff.screening_submit(
            actor=hub_social_worker,
            person=child,
            answers=SIGNIFICANT_NOW,
            disclosure=False,
            final_level="medium",
        )
    assert not Screening.objects.exists()
    assert not ChronologyEntry.objects.filter(person=child, kind="screening").exists()
    assert AccessEvent.objects.count() == events


def test_a_failed_case_update_undoes_the_managers_decision(
    monkeypatch: pytest.MonkeyPatch, hub_social_worker: User, hub_manager: User, child: Person
) -> None:
    screening = handoff.screening_submit(actor=hub_social_worker, person=child, **LOWERED)

    def refuse(**_: object) -> None:
        raise RuntimeError("the case could not be moved")

    monkeypatch.setattr(handoff, "case_level_follow_screening", refuse)
    with pytest.raises(RuntimeError):
        handoff.screening_decide(actor=hub_manager, screening=screening, agree=True, note="Agreed")
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.AWAITING_APPROVAL
    assert Case.objects.get(person=child).level == "medium"


def _traffic_light(
    actor: User, child: Person, answers: list[AnswerInput], **more: str
) -> Screening:
    final = more.pop("final_level")
    return handoff.screening_submit(
        actor=actor,
        person=child,
        answers=answers,
        disclosure=False,
        final_level=final,
        tool_ref=TRAFFIC_LIGHTS,
        **more,
    )


def test_the_case_threshold_is_the_tools_data_not_a_level_name(
    traffic_lights: Tool, hub_social_worker: User, child: Person
) -> None:
    assert [traffic_lights.opens_case(level) for level in traffic_lights.levels] == [
        False,
        False,
        True,
    ]
    home_late = [AnswerInput("home-late", "recent", True, "Seen by her aunt")]
    strong = [AnswerInput("missing-overnight", "recent", True, EVIDENCE), *home_late]

    # Amber is this tool's second of three levels and opens no case: advice it is.
    with pytest.raises(ServiceError, match="advice given"):
        _traffic_light(hub_social_worker, child, strong[:1], final_level="amber")
    amber = _traffic_light(
        hub_social_worker, child, strong[:1], final_level="amber", advice_given="Youth club"
    )
    assert (amber.computed_level, amber.outcome) == ("amber", Outcome.ADVICE)
    assert not Case.objects.exists()

    red = _traffic_light(hub_social_worker, child, strong, final_level="red")
    assert (red.computed_level, red.outcome) == ("red", Outcome.CASE)
    case = Case.objects.get(person=child)
    assert case.level == "red"

    # Screened amber again: the live case follows the level (closing it is a decision).
    _traffic_light(
        hub_social_worker, child, strong[:1], final_level="amber", advice_given="School mentor"
    )
    case.refresh_from_db()
    assert case.level == "amber"
    assert list(case.level_history.values_list("level", flat=True)) == ["red", "amber"]
