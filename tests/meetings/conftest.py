"""The daily meeting's tests: its chair and a police intelligence officer (the shared personas
under the names the meeting gives them), and Monday's meeting, started, with an item about the
shared ``child``."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cehub.accounts.models import User
from cehub.meetings.minutes.services import agenda_item_add, meeting_create, meeting_start
from cehub.meetings.models import AgendaItem, Meeting
from cehub.people.models import Person

LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 11, 16)


@pytest.fixture
def chair(hub_manager: User) -> User:
    """The meeting's chair is the hub manager persona, named for what they do here."""
    return hub_manager


@pytest.fixture
def officer(intelligence_officer: User) -> User:
    """The police intelligence officer persona, who attends and takes actions."""
    return intelligence_officer


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
