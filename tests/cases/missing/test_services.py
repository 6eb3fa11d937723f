"""Missing episodes and return interviews, and importing a police list (all or nothing)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.missing.services import (
    BulkImportError,
    missing_episode_found,
    missing_episodes_bulk_import,
    return_interview_record,
)
from cehub.cases.models import (
    InterviewAcceptance,
    MissingEpisode,
    PoliceRiskGrade,
)
from cehub.core.errors import ServiceError
from cehub.core.roles import Role
from cehub.people.models import Person
from tests.cases.records import record_episode

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.get_fixed_timezone(0))


def test_missing_episode_starts_the_72_hour_return_interview_clock(
    hub_social_worker: User, child: Person
) -> None:
    with time_machine.travel(NOW, tick=False):
        episode = record_episode(
            hub_social_worker,
            child,
            NOW - timedelta(hours=20),
            NOW - timedelta(hours=2),
            reported_at=NOW - timedelta(hours=18),
            grade=PoliceRiskGrade.MEDIUM,
            last_seen_where="Bus station",
            found_where="A flat in Northgate",
        )
    assert episode.interview_due_at == NOW - timedelta(hours=2) + timedelta(hours=72)


def test_found_before_missing_is_refused_with_a_specific_error(
    hub_social_worker: User, child: Person
) -> None:
    with pytest.raises(
        ServiceError, match="time found must be after the time the child went missing"
    ) as raised:
        record_episode(
            hub_social_worker,
            child,
            NOW - timedelta(hours=5),
            NOW - timedelta(hours=6),
            grade=PoliceRiskGrade.LOW,
        )
    assert raised.value.field == "found_at"
    assert not MissingEpisode.objects.exists()


def test_found_later_then_interview_completed(hub_social_worker: User, child: Person) -> None:
    episode = record_episode(hub_social_worker, child, timezone.now() - timedelta(days=2))
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
