"""The case follows its screenings: each change has its own transaction, a chronology entry
and an access-log event (written last, so a failure to log undoes the change)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cehub.accounts.models import User
from cehub.cases import access
from cehub.cases.casework.services import (
    case_level_follow_screening,
    case_open_or_update,
    case_rescreened_below_threshold,
)
from cehub.cases.models import Case, CaseLevelChange
from cehub.core.models import AccessAction, AccessEvent
from cehub.people.models import ChronologyEntry, ChronologyKind, Person
from cehub.screening.services import screening_record
from tests.cases.records import screen, screen_lowered

pytestmark = pytest.mark.django_db


def _case_events(case: Case, status: str) -> list[AccessEvent]:
    return list(
        AccessEvent.objects.filter(
            action=AccessAction.UPDATE,
            object_type="case",
            object_id=str(case.pk),
            details={"status": status},
        )
    )


def _level_entries(person: Person, summary: str) -> list[ChronologyEntry]:
    return list(
        ChronologyEntry.objects.filter(person=person, kind=ChronologyKind.CASE, summary=summary)
    )


class AccessLogDownError(RuntimeError):
    pass


@pytest.fixture
def break_the_access_log(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """From when it is called, the case services cannot write the access log."""

    def fail(**kwargs: Any) -> None:
        raise AccessLogDownError

    return lambda: monkeypatch.setattr(access, "audit_record", fail)


# --- A new screening at medium or high ---------------------------------------------------------
def test_opening_a_case_is_on_the_chronology_and_the_access_log(
    hub_social_worker: User, child: Person
) -> None:
    screen(hub_social_worker, child)
    case = Case.objects.get(person=child)
    assert _level_entries(child, "Hub case opened at level medium, waiting for allocation")
    assert AccessEvent.objects.filter(
        action=AccessAction.CREATE, object_type="case", object_id=str(case.pk)
    ).exists()


def test_a_higher_screening_moves_the_case_and_says_so(
    hub_social_worker: User, child: Person
) -> None:
    screen(hub_social_worker, child)
    case = Case.objects.get(person=child)
    screen(hub_social_worker, child, high=True)
    case.refresh_from_db()
    assert case.level == "high"
    assert len(_level_entries(child, "Case level changed from medium to high")) == 1
    assert len(_case_events(case, "rescreened")) == 1


def test_opening_a_case_is_undone_when_the_access_log_fails(
    hub_social_worker: User, child: Person, break_the_access_log: Callable[[], None]
) -> None:
    no_concern = screening_record(
        actor=hub_social_worker,
        person=child,
        answers=[],
        disclosure=False,
        final_level="none",
        advice_given="Talked with school about a trusted adult",
    )
    assert not Case.objects.filter(person=child).exists()
    break_the_access_log()
    with pytest.raises(AccessLogDownError):
        case_open_or_update(
            actor=hub_social_worker, person=child, level="medium", screening=no_concern
        )
    assert not Case.objects.filter(person=child).exists()
    assert not _level_entries(child, "Hub case opened at level medium, waiting for allocation")


# --- Re-screened at none or low ----------------------------------------------------------------
def test_a_case_rescreened_low_takes_the_level_with_a_chronology_entry_and_an_event(
    hub_social_worker: User, child: Person
) -> None:
    screening = screen(hub_social_worker, child)
    case = Case.objects.get(person=child)
    case_rescreened_below_threshold(
        actor=hub_social_worker, person=child, level="low", screening=screening
    )
    case.refresh_from_db()
    assert case.level == "low"
    assert len(_level_entries(child, "Case level changed from medium to low")) == 1
    assert len(_case_events(case, "rescreened")) == 1
    assert case.level_history.count() == 2


def test_a_rescreening_is_undone_when_the_access_log_fails(
    hub_social_worker: User, child: Person, break_the_access_log: Callable[[], None]
) -> None:
    screening = screen(hub_social_worker, child)
    case = Case.objects.get(person=child)
    break_the_access_log()
    with pytest.raises(AccessLogDownError):
        case_rescreened_below_threshold(
            actor=hub_social_worker, person=child, level="low", screening=screening
        )
    case.refresh_from_db()
    assert (case.level, case.version) == ("medium", 1)
    assert case.level_history.count() == 1
    assert not _level_entries(child, "Case level changed from medium to low")


# --- A manager agrees a lower level -------------------------------------------------------------
def test_an_agreed_lower_level_is_on_the_chronology_and_the_access_log(
    hub_social_worker: User, hub_manager: User, child: Person
) -> None:
    lowered = screen_lowered(hub_social_worker, child)
    case = Case.objects.get(person=child)
    assert case.level == "medium"  # the computed level stands until a manager agrees
    case_level_follow_screening(actor=hub_manager, screening=lowered)
    case.refresh_from_db()
    assert case.level == "low"
    assert CaseLevelChange.objects.filter(case=case, screening=lowered, level="low").exists()
    entry = _level_entries(child, "Case level changed from medium to low")
    assert [e.recorded_by for e in entry] == [hub_manager]
    events = _case_events(case, "lower level agreed")
    assert [e.user for e in events] == [hub_manager]


def test_an_agreed_lower_level_is_undone_when_the_access_log_fails(
    hub_social_worker: User,
    hub_manager: User,
    child: Person,
    break_the_access_log: Callable[[], None],
) -> None:
    lowered = screen_lowered(hub_social_worker, child)
    case = Case.objects.get(person=child)
    break_the_access_log()
    with pytest.raises(AccessLogDownError):
        case_level_follow_screening(actor=hub_manager, screening=lowered)
    case.refresh_from_db()
    assert (case.level, case.version) == ("medium", 1)
    assert not CaseLevelChange.objects.filter(screening=lowered, level="low").exists()
    assert not _level_entries(child, "Case level changed from medium to low")
