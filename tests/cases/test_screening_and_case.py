"""Screening a child, the outcomes, manager approval of a lower level, allocation, closure."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.http import Http404

from cehub.accounts.models import User
from cehub.cases.casework.services import case_allocate, case_close
from cehub.cases.models import Case, CaseStatus, ClosureOutcome
from cehub.core.errors import ConflictError, ServiceError
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.people.models import ChronologyEntry, ChronologyKind, Person
from cehub.screening.models import Outcome, Screening, ScreeningStatus
from cehub.screening.services import (
    AnswerInput,
    screening_decide_lower_level,
    screening_record,
    tool_get,
)

pytestmark = pytest.mark.django_db


def _significant_current() -> list[AnswerInput]:
    tool = tool_get()
    significant = [i for i in tool.indicators.values() if i.tier == "significant"]
    return [AnswerInput(significant[0].id, "current", True, "Seen by school staff")]


def _answers_for_score(target: int) -> list[AnswerInput]:
    """Moderate indicators only (1 point each, no overrides)."""
    tool = tool_get()
    moderate = [
        i for i in tool.indicators.values() if i.tier == "moderate" and "cse" not in i.forms
    ]
    return [AnswerInput(i.id, "current", True) for i in moderate[:target]]


def test_medium_opens_a_case_waiting_for_allocation(hub_social_worker: User, child: Person) -> None:
    screening = screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_significant_current(),
        disclosure=False,
        final_level="medium",
    )
    assert screening.computed_level == "medium"
    assert screening.status == ScreeningStatus.FINAL
    assert screening.outcome == Outcome.CASE
    assert screening.tool_ref == "cehub-default@1"
    case = Case.objects.get(person=child)
    assert case.status == CaseStatus.AWAITING_ALLOCATION
    assert case.level == "medium"
    kinds = set(ChronologyEntry.objects.filter(person=child).values_list("kind", flat=True))
    assert {ChronologyKind.SCREENING, ChronologyKind.CASE} <= kinds


def test_low_records_advice_and_opens_no_case(hub_social_worker: User, child: Person) -> None:
    with pytest.raises(ServiceError, match="advice given") as raised:
        screening_record(
            actor=hub_social_worker,
            person=child,
            answers=_answers_for_score(7),
            disclosure=False,
            final_level="low",
        )
    assert raised.value.field == "advice_given"
    screening = screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_answers_for_score(7),
        disclosure=False,
        final_level="low",
        advice_given="Talked with school about a trusted adult",
        signposted_to="Youth club",
    )
    assert screening.outcome == Outcome.ADVICE
    assert not Case.objects.exists()


def test_a_different_level_needs_a_rationale_and_nothing_is_saved_without_it(
    hub_social_worker: User, child: Person
) -> None:
    with pytest.raises(ServiceError, match="Explain why your level is different") as raised:
        screening_record(
            actor=hub_social_worker,
            person=child,
            answers=_significant_current(),
            disclosure=False,
            final_level="high",
        )
    assert raised.value.field == "rationale"
    assert not Screening.objects.exists()
    assert not Case.objects.exists()


def test_lowering_waits_for_a_manager_and_the_computed_level_stands(
    hub_social_worker: User, hub_manager: User, child: Person
) -> None:
    screening = screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_significant_current(),
        disclosure=False,
        final_level="low",
        rationale="The incident was a single one and the family acted at once",
        advice_given="Advice to parents",
    )
    assert screening.status == ScreeningStatus.AWAITING_APPROVAL
    assert screening.effective_level == "medium"
    assert Case.objects.get(person=child).level == "medium"  # the computed level stands for now

    with pytest.raises(Http404):
        screening_decide_lower_level(
            actor=hub_social_worker, screening=screening, agree=True, note="x"
        )
    with pytest.raises(ServiceError, match="reasons"):
        screening_decide_lower_level(actor=hub_manager, screening=screening, agree=True, note=" ")
    screening = screening_decide_lower_level(
        actor=hub_manager,
        screening=screening,
        agree=True,
        note="Agreed after discussion with school",
    )
    assert screening.status == ScreeningStatus.APPROVED
    assert screening.effective_level == "low"
    assert Case.objects.get(person=child).level == "low"


def test_disclosure_overrides_to_high(hub_social_worker: User, child: Person) -> None:
    screening = screening_record(
        actor=hub_social_worker, person=child, answers=[], disclosure=True, final_level="high"
    )
    assert screening.computed_level == "high"
    assert any(r["kind"] == "override" for r in screening.reasons)


def test_unknown_tool_version_is_a_specific_error(hub_social_worker: User, child: Person) -> None:
    with pytest.raises(ServiceError, match="cehub-default@99") as raised:
        screening_record(
            actor=hub_social_worker,
            person=child,
            answers=[],
            disclosure=False,
            final_level="none",
            tool_ref="cehub-default@99",
            advice_given="x",
        )
    assert raised.value.field == "tool"


def test_unknown_indicator_is_a_specific_error(hub_social_worker: User, child: Person) -> None:
    with pytest.raises(ServiceError, match="unknown indicator"):
        screening_record(
            actor=hub_social_worker,
            person=child,
            answers=[AnswerInput("made-up", "current", True)],
            disclosure=False,
            final_level="none",
            advice_given="x",
        )


def test_screening_needs_a_relationship(make_persona: Callable[..., User], child: Person) -> None:
    stranger = make_persona(Role.HUB_PRACTITIONER)  # another hub team, no relationship
    with pytest.raises(Http404):
        screening_record(
            actor=stranger, person=child, answers=[], disclosure=True, final_level="high"
        )


def test_manager_allocates_and_the_workers_team_gains_the_relationship(
    hub_social_worker: User, hub_manager: User, child: Person, make_persona: Callable[..., User]
) -> None:
    screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_significant_current(),
        disclosure=False,
        final_level="medium",
    )
    case = Case.objects.get(person=child)
    other_worker = make_persona(Role.HUB_PRACTITIONER)
    with pytest.raises(Http404):
        case_allocate(actor=hub_social_worker, case=case, worker=other_worker)
    analyst = make_persona(Role.ANALYST)
    with pytest.raises(ServiceError, match="hub practitioner or manager"):
        case_allocate(actor=hub_manager, case=case, worker=analyst)
    case = case_allocate(
        actor=hub_manager, case=case, worker=other_worker, expected_version=case.version
    )
    assert case.status == CaseStatus.OPEN
    assert case.allocated_team_id == other_worker.team_id
    from cehub.people.access import can_open_record

    assert can_open_record(other_worker, child)
    assert AccessEvent.objects.filter(object_type="case", action=AccessAction.UPDATE).exists()


def test_a_stale_allocation_is_refused(
    hub_social_worker: User, hub_manager: User, child: Person
) -> None:

    screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_significant_current(),
        disclosure=False,
        final_level="medium",
    )
    case = Case.objects.get(person=child)
    stale = case.version
    case_allocate(actor=hub_manager, case=case, worker=hub_social_worker, expected_version=stale)
    with pytest.raises(ConflictError):
        case_allocate(actor=hub_manager, case=case, worker=hub_manager, expected_version=stale)
    assert Case.objects.get(pk=case.pk).allocated_worker_id == hub_social_worker.pk


def test_closing_needs_an_outcome_and_reasons(
    hub_social_worker: User, hub_manager: User, child: Person
) -> None:
    screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_significant_current(),
        disclosure=False,
        final_level="medium",
    )
    case = case_allocate(
        actor=hub_manager, case=Case.objects.get(person=child), worker=hub_social_worker
    )
    with pytest.raises(ServiceError, match="reasons"):
        case_close(
            actor=hub_social_worker, case=case, outcome=ClosureOutcome.RISK_REDUCED, reason=""
        )
    case = case_close(
        actor=hub_social_worker,
        case=case,
        outcome=ClosureOutcome.RISK_REDUCED,
        reason="No new concerns for four months; safety plan goals met",
    )
    assert case.status == CaseStatus.CLOSED
    assert case.closed_at is not None


def test_rescreening_moves_the_live_case_and_keeps_the_level_history(
    hub_social_worker: User, hub_manager: User, child: Person
) -> None:
    screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_significant_current(),
        disclosure=False,
        final_level="medium",
    )
    screening_record(
        actor=hub_social_worker, person=child, answers=[], disclosure=True, final_level="high"
    )
    case = Case.objects.get(person=child)
    assert case.level == "high"
    assert list(case.level_history.values_list("level", flat=True)) == ["medium", "high"]
    assert Case.objects.filter(person=child).count() == 1


def test_any_hub_manager_can_open_a_child_waiting_for_allocation(
    hub_social_worker: User, child: Person, make_persona: Callable[..., User]
) -> None:
    from cehub.people.access import can_open_record

    other_manager = make_persona(Role.HUB_MANAGER)  # a different hub team
    assert not can_open_record(other_manager, child)
    screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_significant_current(),
        disclosure=False,
        final_level="medium",
    )
    assert can_open_record(other_manager, child)
    case = case_allocate(
        actor=other_manager, case=Case.objects.get(person=child), worker=hub_social_worker
    )
    assert case.status == CaseStatus.OPEN
    # Once allocated elsewhere, the manager's access ends with the waiting.
    assert not can_open_record(other_manager, child)


def test_rescreening_low_moves_the_live_case_level_and_review(
    hub_social_worker: User, child: Person
) -> None:
    screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_significant_current(),
        disclosure=False,
        final_level="medium",
    )
    case = Case.objects.get(person=child)
    screening_record(
        actor=hub_social_worker,
        person=child,
        answers=_answers_for_score(7),
        disclosure=False,
        final_level="low",
        advice_given="Youth club and school mentor",
    )
    case.refresh_from_db()
    assert case.level == "low"
    assert case.review_due_at > case.opened_at
    assert list(case.level_history.values_list("level", flat=True)) == ["medium", "low"]
