"""The people of the daily meeting's tests: its chair, a police intelligence officer, and the
child the meeting discusses; and Monday's meeting, started, with an item about her."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cehub.accounts.models import User
from cehub.core.roles import Role
from cehub.meetings.minutes.services import agenda_item_add, meeting_create, meeting_start
from cehub.meetings.models import AgendaItem, Meeting
from cehub.people.models import Person
from tests.people.records import a_child

LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 11, 16)


@pytest.fixture
def chair(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.HUB_MANAGER, full_name="Helen Marsh")


@pytest.fixture
def officer(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.INTELLIGENCE_OFFICER, full_name="Dan Reeves")


@pytest.fixture
def child(chair: User) -> Person:
    return a_child(
        chair,
        date_of_birth=date(2011, 5, 14),
    )


@pytest.fixture
def monday_meeting(chair: User) -> Meeting:
    """Monday's meeting, set up at 8am (its agenda window is the weekend before)."""
    with time_machine.travel(datetime(2026, 11, 16, 8, 0, tzinfo=LONDON), tick=False):
        return meeting_create(actor=chair, meeting_date=MONDAY, chair=chair)


@pytest.fixture
def started_item(chair: User, monday_meeting: Meeting, child: Person) -> AgendaItem:
    """An item about the child on Monday's meeting, which has started."""
    item = agenda_item_add(
        actor=chair, meeting=monday_meeting, summary="Kayleigh: seen at the hotel", person=child
    )
    meeting_start(actor=chair, meeting=monday_meeting, attendees=[chair])
    return item
