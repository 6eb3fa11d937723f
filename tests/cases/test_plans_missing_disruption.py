"""Safety plans, missing episodes and return interviews, bulk import, disruption and NRM."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.models import (
    Case,
    DisruptionKind,
    DisruptionStatus,
    InterviewAcceptance,
    MissingEpisode,
    NRMDecision,
    PoliceRiskGrade,
    SafetyPlan,
)
from cehub.cases.screening.services import screening_submit
from cehub.cases.services import (
    BulkImportError,
    MissingEpisodeInput,
    PlanAction,
    SafetyPlanInput,
    case_allocate,
    disruption_record,
    missing_episode_found,
    missing_episode_record,
    missing_episodes_bulk_import,
    nrm_record,
    return_interview_record,
    safety_plan_save,
)
from cehub.contexts.services import vehicle_find_or_create
from cehub.core.errors import ServiceError
from cehub.core.roles import Role
from cehub.people.models import Person, PersonCategory
from cehub.people.services import PersonDetails, person_create
from cehub.screening.services import AnswerInput, tool_get

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.get_fixed_timezone(0))


@pytest.fixture
def case(hub_social_worker: User, hub_manager: User, child: Person) -> Case:
    significant = next(i for i in tool_get().indicators.values() if i.tier == "significant")
    screening_submit(
        actor=hub_social_worker,
        person=child,
        disclosure=False,
        final_level="medium",
        answers=[AnswerInput(significant.id, "current", True)],
    )
    return case_allocate(
        actor=hub_manager, case=Case.objects.get(person=child), worker=hub_social_worker
    )


def _plan(**overrides: object) -> SafetyPlanInput:
    values: dict[str, object] = {
        "danger_statement": "Adults at the takeaway are giving Kayleigh vapes and lifts",
        "safety_goal": "Kayleigh spends evenings with people who keep her safe",
        "child_words": "\u201cI want to go to boxing on Tuesdays and see my nan.\u201d",
        "review_date": timezone.localdate() + timedelta(days=28),
    }
    values.update(overrides)
    return SafetyPlanInput(**values)  # type: ignore[arg-type]


def test_safety_plan_needs_the_childs_words_and_is_versioned(
    hub_social_worker: User, case: Case
) -> None:
    with pytest.raises(ServiceError, match="child's own words") as raised:
        safety_plan_save(actor=hub_social_worker, case=case, plan=_plan(child_words="  "))
    assert raised.value.field == "child_words"
    assert not SafetyPlan.objects.exists()

    agency = hub_social_worker.agency
    first = safety_plan_save(
        actor=hub_social_worker,
        case=case,
        plan=_plan(
            actions=[
                PlanAction(agency, "Weekly boxing session", "Youth worker", timezone.localdate())
            ]
        ),
    )  # type: ignore[arg-type]
    second = safety_plan_save(
        actor=hub_social_worker, case=case, plan=_plan(safety_goal="Updated goal")
    )
    assert (first.version_number, second.version_number) == (1, 2)
    assert first.actions.count() == 1
    assert SafetyPlan.objects.filter(case=case).count() == 2


def test_safety_plan_review_date_and_action_dates(hub_social_worker: User, case: Case) -> None:
    with pytest.raises(ServiceError, match="review date must be in the future"):
        safety_plan_save(
            actor=hub_social_worker, case=case, plan=_plan(review_date=timezone.localdate())
        )
    with pytest.raises(ServiceError, match="Action 1: the due date"):
        safety_plan_save(
            actor=hub_social_worker,
            case=case,
            plan=_plan(
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


def test_missing_episode_starts_the_72_hour_return_interview_clock(
    hub_social_worker: User, child: Person
) -> None:
    with time_machine.travel(NOW, tick=False):
        episode = missing_episode_record(
            actor=hub_social_worker,
            person=child,
            data=MissingEpisodeInput(
                missing_from=NOW - timedelta(hours=20),
                reported_at=NOW - timedelta(hours=18),
                found_at=NOW - timedelta(hours=2),
                police_risk_grade=PoliceRiskGrade.MEDIUM,
                last_seen_where="Bus station",
                found_where="A flat in Northgate",
            ),
        )
    assert episode.interview_due_at == NOW - timedelta(hours=2) + timedelta(hours=72)


def test_found_before_missing_is_refused_with_a_specific_error(
    hub_social_worker: User, child: Person
) -> None:
    with pytest.raises(
        ServiceError, match="time found must be after the time the child went missing"
    ) as raised:
        missing_episode_record(
            actor=hub_social_worker,
            person=child,
            data=MissingEpisodeInput(
                missing_from=NOW - timedelta(hours=5),
                reported_at=NOW - timedelta(hours=4),
                found_at=NOW - timedelta(hours=6),
                police_risk_grade=PoliceRiskGrade.LOW,
            ),
        )
    assert raised.value.field == "found_at"
    assert not MissingEpisode.objects.exists()


def test_found_later_then_interview_completed(hub_social_worker: User, child: Person) -> None:
    episode = missing_episode_record(
        actor=hub_social_worker,
        person=child,
        data=MissingEpisodeInput(
            missing_from=timezone.now() - timedelta(days=2),
            reported_at=timezone.now() - timedelta(days=2),
            police_risk_grade=PoliceRiskGrade.HIGH,
        ),
    )
    assert episode.interview_due_at is None
    found = timezone.now() - timedelta(hours=30)
    episode = missing_episode_found(actor=hub_social_worker, episode=episode, found_at=found)
    assert episode.interview_due_at == found + timedelta(hours=72)
    with pytest.raises(ServiceError, match="cannot be completed before it was offered"):
        return_interview_record(
            actor=hub_social_worker,
            episode=episode,
            offered_at=found + timedelta(hours=5),
            acceptance=InterviewAcceptance.ACCEPTED,
            completed_at=found + timedelta(hours=1),
        )
    episode = return_interview_record(
        actor=hub_social_worker,
        episode=episode,
        offered_at=found + timedelta(hours=5),
        acceptance=InterviewAcceptance.ACCEPTED,
        completed_at=found + timedelta(hours=20),
        interview_by="Safe Steps",
        summary="Spoke about who she was with",
    )
    assert episode.interview_completed_at is not None


def test_bulk_import_is_all_or_nothing_and_lists_every_rows_problem(
    hub_social_worker: User, child: Person
) -> None:
    csv_text = (
        "nhs_number,missing_from,reported_at,found_at,police_risk_grade,last_seen_where\n"
        "943 476 5919,2026-10-01 18:00,2026-10-01 20:00,2026-10-02 09:00,medium,Park\n"
        "943 476 5918,2026-10-03 18:00,2026-10-03 19:00,,low,Home\n"
        "943 476 5919,2026-10-05 18:00,2026-10-05 17:00,2026-10-05 16:00,urgent,Town\n"
        "943 476 5919,yesterday,2026-10-06 20:00,,high,Shop\n"
    )
    with pytest.raises(BulkImportError) as raised:
        missing_episodes_bulk_import(actor=hub_social_worker, csv_text=csv_text)
    problems = {(e.row, e.column) for e in raised.value.errors}
    assert (3, "nhs_number") in problems  # bad check digit
    assert (4, "reported_at") in problems
    assert (4, "found_at") in problems
    assert (4, "police_risk_grade") in problems
    assert (5, "missing_from") in problems
    assert (2, "nhs_number") not in {(e.row, e.column) for e in raised.value.errors}
    assert not MissingEpisode.objects.exists()

    good = (
        "nhs_number,missing_from,reported_at,found_at,police_risk_grade\n"
        "9434765919,2026-10-01 18:00,2026-10-01 20:00,2026-10-02 09:00,medium\n"
        "9434765919,2026-10-08 18:00,2026-10-08 20:00,,high\n"
    )
    episodes = missing_episodes_bulk_import(actor=hub_social_worker, csv_text=good)
    assert len(episodes) == 2


def test_bulk_import_rejects_a_file_without_its_columns(hub_social_worker: User) -> None:
    with pytest.raises(BulkImportError) as raised:
        missing_episodes_bulk_import(actor=hub_social_worker, csv_text="name,date\nx,y\n")
    assert {e.column for e in raised.value.errors} >= {"nhs_number", "missing_from"}


def test_bulk_import_refuses_children_without_a_relationship(
    make_persona: Callable[..., User], child: Person
) -> None:
    stranger = make_persona(Role.HUB_PRACTITIONER)
    with pytest.raises(BulkImportError) as raised:
        missing_episodes_bulk_import(
            actor=stranger,
            csv_text=(
                "nhs_number,missing_from,reported_at,police_risk_grade\n"
                "9434765919,2026-10-01 18:00,2026-10-01 20:00,medium\n"
            ),
        )
    assert "working relationship" in raised.value.errors[0].message


def test_disruption_targets_adults_places_and_vehicles_never_children(
    hub_social_worker: User, child: Person
) -> None:
    with pytest.raises(ServiceError, match="adults, places and vehicles"):
        disruption_record(
            actor=hub_social_worker,
            target=child.node,
            kind=DisruptionKind.CAWN,
            status=DisruptionStatus.PLANNED,
            started_on=date(2026, 11, 1),
            owner_agency=hub_social_worker.agency,
        )  # type: ignore[arg-type]
    adult = person_create(
        actor=hub_social_worker,
        details=PersonDetails(
            category=PersonCategory.ADULT, given_name="Darren", family_name="Cole"
        ),
    )
    action = disruption_record(
        actor=hub_social_worker,
        target=adult.node,
        kind=DisruptionKind.CAWN,
        status=DisruptionStatus.IN_PROGRESS,
        started_on=date(2026, 11, 1),
        owner_agency=hub_social_worker.agency,
    )  # type: ignore[arg-type]
    assert action.kind == DisruptionKind.CAWN
    car = vehicle_find_or_create(registration="ab12 cde")
    with pytest.raises(ServiceError, match="outcome"):
        disruption_record(
            actor=hub_social_worker,
            target=car.node,
            kind=DisruptionKind.VEHICLE_STOP,
            status=DisruptionStatus.COMPLETED,
            started_on=date(2026, 11, 1),
            owner_agency=hub_social_worker.agency,
        )  # type: ignore[arg-type]


def test_nrm_decisions_follow_in_order(hub_social_worker: User, child: Person) -> None:
    agency = hub_social_worker.agency
    with pytest.raises(ServiceError, match="conclusive grounds decision follows"):
        nrm_record(
            actor=hub_social_worker,
            person=child,
            referred_on=date(2026, 9, 1),
            first_responder=agency,  # type: ignore[arg-type]
            conclusive_grounds=NRMDecision.POSITIVE,
            conclusive_grounds_on=date(2026, 10, 1),
        )
    with pytest.raises(ServiceError, match="date of the decision"):
        nrm_record(
            actor=hub_social_worker,
            person=child,
            referred_on=date(2026, 9, 1),
            first_responder=agency,  # type: ignore[arg-type]
            reasonable_grounds=NRMDecision.POSITIVE,
        )
    referral = nrm_record(
        actor=hub_social_worker,
        person=child,
        referred_on=date(2026, 9, 1),
        first_responder=agency,
        reasonable_grounds=NRMDecision.POSITIVE,  # type: ignore[arg-type]
        reasonable_grounds_on=date(2026, 9, 4),
        guardian_allocated_on=date(2026, 9, 10),
    )
    assert referral.reasonable_grounds == NRMDecision.POSITIVE
