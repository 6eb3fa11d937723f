"""Building the daily agenda: the window over weekends and bank holidays, what it collects,
and that it is a snapshot."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cehub.accounts.models import User
from cehub.cases.missing.services import MissingEpisodeInput, missing_episode_record
from cehub.cases.models import PoliceRiskGrade
from cehub.core.working_days import is_working_day, previous_working_day
from cehub.intake.models import Awareness
from cehub.intake.submit.services import ConcernSubmission, concern_submit
from cehub.meetings.minutes.agenda import agenda_window
from cehub.meetings.minutes.services import meeting_create
from cehub.meetings.models import ItemKind
from tests.people.records import a_child

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("meeting_day", "expected_start"),
    [
        (date(2026, 11, 18), date(2026, 11, 17)),  # Wednesday → Tuesday
        (date(2026, 11, 16), date(2026, 11, 13)),  # Monday → the Friday before
        (date(2026, 4, 7), date(2026, 4, 2)),  # Tuesday after Easter → Thursday before Good Friday
        (date(2026, 5, 26), date(2026, 5, 22)),  # after the spring bank holiday Monday
        (date(2026, 12, 29), date(2026, 12, 24)),  # after Christmas, Boxing Day observed on 28th
        (date(2027, 1, 4), date(2026, 12, 31)),  # Monday after New Year's Day (Friday)
    ],
)
def test_agenda_window_starts_on_the_last_working_day(
    meeting_day: date, expected_start: date
) -> None:
    start, end = agenda_window(meeting_day, last_meeting_date=None)
    assert start == datetime(
        expected_start.year, expected_start.month, expected_start.day, tzinfo=LONDON
    )
    assert end == datetime(meeting_day.year, meeting_day.month, meeting_day.day, tzinfo=LONDON)


def test_a_gap_in_meetings_widens_the_window_so_nothing_is_missed() -> None:
    start, _ = agenda_window(date(2026, 11, 19), last_meeting_date=date(2026, 11, 16))
    assert start.date() == date(2026, 11, 16)


def test_working_days_know_weekends_and_bank_holidays() -> None:
    assert not is_working_day(date(2026, 12, 25))
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day observed
    assert not is_working_day(date(2026, 11, 21))  # Saturday
    assert is_working_day(date(2026, 11, 20))
    assert previous_working_day(date(2026, 8, 31)) == date(2026, 8, 28)  # late summer holiday


def _concern(teacher: User, name: str) -> None:
    concern_submit(
        actor=teacher,
        submission=ConcernSubmission(
            child_given_name=name,
            child_family_name="Test",
            what_happened="Seen with adults at the park",
            child_aware=Awareness.YES,
            family_aware=Awareness.YES,
            consent_given=Awareness.YES,
        ),
    )


@pytest.mark.django_db
def test_a_concern_and_a_missing_episode_from_yesterday_are_on_todays_agenda(
    teacher: User, hub_social_worker: User, chair: User
) -> None:
    friday_morning = datetime(2026, 11, 13, 10, 0, tzinfo=LONDON)
    with time_machine.travel(friday_morning, tick=False):
        _concern(teacher, "Amy")
        child = a_child(hub_social_worker, given_name="Ben", family_name="Test")
        missing_episode_record(
            actor=hub_social_worker,
            person=child,
            data=MissingEpisodeInput(
                missing_from=friday_morning - timedelta(hours=2),
                reported_at=friday_morning - timedelta(hours=1),
                found_at=friday_morning - timedelta(minutes=30),
                police_risk_grade=PoliceRiskGrade.MEDIUM,
            ),
        )
    with time_machine.travel(datetime(2026, 11, 12, 10, 0, tzinfo=LONDON), tick=False):
        _concern(teacher, "Old")  # Thursday: before the window of a Monday meeting
    with time_machine.travel(datetime(2026, 11, 16, 8, 30, tzinfo=LONDON), tick=False):
        meeting = meeting_create(actor=chair, meeting_date=date(2026, 11, 16), chair=chair)
    kinds = {item.kind: item.summary for item in meeting.items.all()}
    summaries = " | ".join(kinds.values())
    assert ItemKind.NEW_CONCERN in kinds and "Amy Test" in summaries
    assert "Old Test" not in summaries
    assert ItemKind.MISSING in kinds and "Ben Test" in summaries
    assert ItemKind.INTERVIEW_DUE in kinds  # found Friday, interview due Monday, not offered


@pytest.mark.django_db
def test_the_agenda_is_a_snapshot(teacher: User, chair: User) -> None:
    with time_machine.travel(datetime(2026, 11, 17, 10, 0, tzinfo=LONDON), tick=False):
        _concern(teacher, "Cara")
    with time_machine.travel(datetime(2026, 11, 18, 8, 0, tzinfo=LONDON), tick=False):
        meeting = meeting_create(actor=chair, meeting_date=date(2026, 11, 18), chair=chair)
        before = list(meeting.items.values_list("summary", flat=True))
        # Later data — another concern back-dated into the window, a name change — does not
        # change the agenda the meeting was given.
        _concern(teacher, "Dan")
    from cehub.intake.models import Concern

    Concern.objects.filter(child_given_name="Dan").update(
        submitted_at=datetime(2026, 11, 17, 12, 0, tzinfo=LONDON)
    )
    Concern.objects.filter(child_given_name="Cara").update(child_given_name="Changed")
    meeting.refresh_from_db()
    assert list(meeting.items.values_list("summary", flat=True)) == before
    assert any("Cara" in summary for summary in before)
