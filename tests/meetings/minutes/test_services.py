"""Running the meeting: discussion, decisions on the child's chronology, actions, closing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.http import Http404

from cehub.accounts.models import User
from cehub.core.errors import ServiceError
from cehub.core.roles import Role
from cehub.meetings.models import Action, ActionStatus, AgendaItem, ItemKind, Meeting, MeetingStatus
from cehub.meetings.selectors import my_actions
from cehub.meetings.services import (
    action_complete,
    action_create,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    correction_add,
    discussion_record,
    meeting_close,
    meeting_create,
    meeting_start,
)
from cehub.people.models import ChronologyEntry, ChronologyKind, Person, PersonCategory
from cehub.people.services import PersonDetails, person_create

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 11, 16)


@pytest.fixture
def chair(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.HUB_MANAGER, full_name="Helen Marsh")


@pytest.fixture
def police_officer(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.INTELLIGENCE_OFFICER, full_name="DC Tom Reilly")


@pytest.fixture
def child(hub_social_worker: User) -> Person:
    return person_create(
        actor=hub_social_worker,
        details=PersonDetails(
            category=PersonCategory.CHILD, given_name="Kayleigh", family_name="Brookes"
        ),
    )


@pytest.fixture
def meeting(chair: User) -> Meeting:
    with time_machine.travel(datetime(2026, 11, 16, 8, 0, tzinfo=LONDON), tick=False):
        return meeting_create(actor=chair, meeting_date=MONDAY, chair=chair)


def _started_item(chair: User, meeting: Meeting, child: Person) -> AgendaItem:
    item = agenda_item_add(
        actor=chair, meeting=meeting, summary="Kayleigh: seen at the hotel", person=child
    )
    meeting_start(actor=chair, meeting=meeting, attendees=[chair])
    return item


def test_a_decision_goes_on_the_childs_chronology(
    chair: User, meeting: Meeting, child: Person
) -> None:
    item = _started_item(chair, meeting, child)
    discussion_record(
        actor=chair,
        item=item,
        discussion="Police and school shared what they know",
        decisions="Strategy discussion today; CAWN to be considered",
    )
    entry = ChronologyEntry.objects.get(person=child, kind=ChronologyKind.MEETING)
    assert "Strategy discussion today" in entry.summary
    assert entry.source_id == item.pk


def test_an_action_needs_an_owner_and_a_future_date(
    chair: User, meeting: Meeting, child: Person, police_officer: User
) -> None:
    item = _started_item(chair, meeting, child)
    with pytest.raises(ServiceError, match="Choose who owns the action") as raised:
        action_create(
            actor=chair,
            item=item,
            description="Check the hotel register",
            owner=None,
            due_date=date.today() + timedelta(days=2),
        )
    assert raised.value.field == "owner"
    with pytest.raises(ServiceError, match="today or in the future") as raised:
        action_create(
            actor=chair,
            item=item,
            description="Check the hotel register",
            owner=police_officer,
            due_date=date.today() - timedelta(days=1),
        )
    assert raised.value.field == "due_date"
    assert not Action.objects.exists()


def test_the_officer_sees_the_action_and_completes_it_with_an_outcome(
    chair: User, meeting: Meeting, child: Person, police_officer: User
) -> None:
    item = _started_item(chair, meeting, child)
    action = action_create(
        actor=chair,
        item=item,
        description="Check the hotel register",
        owner=police_officer,
        due_date=date.today() + timedelta(days=2),
    )
    assert list(my_actions(viewer=police_officer)) == [action]
    with pytest.raises(ServiceError, match="outcome"):
        action_complete(actor=police_officer, action=action, outcome="")
    action = action_complete(
        actor=police_officer, action=action, outcome="Register checked; two visits"
    )
    assert action.status == ActionStatus.COMPLETED


def test_someone_else_cannot_complete_an_officers_action(
    chair: User, meeting: Meeting, child: Person, police_officer: User, teacher: User
) -> None:
    item = _started_item(chair, meeting, child)
    action = action_create(
        actor=chair,
        item=item,
        description="Visit",
        owner=police_officer,
        due_date=date.today() + timedelta(days=1),
    )
    with pytest.raises(Http404):
        action_complete(actor=teacher, action=action, outcome="done")


def test_overdue_actions_return_to_the_next_agenda(
    chair: User, meeting: Meeting, child: Person, police_officer: User
) -> None:
    item = _started_item(chair, meeting, child)
    with time_machine.travel(datetime(2026, 11, 16, 9, 0, tzinfo=LONDON), tick=False):
        action_create(
            actor=chair,
            item=item,
            description="Check the hotel register",
            owner=police_officer,
            due_date=date(2026, 11, 17),
        )
    meeting_close(actor=chair, meeting=meeting)
    with time_machine.travel(datetime(2026, 11, 18, 8, 0, tzinfo=LONDON), tick=False):
        next_meeting = meeting_create(actor=chair, meeting_date=date(2026, 11, 18), chair=chair)
    overdue = next_meeting.items.filter(kind=ItemKind.OVERDUE_ACTION)
    assert overdue.count() == 1
    assert "DC Tom Reilly" in overdue.get().summary


def test_a_closed_meeting_cannot_be_edited_only_corrected(
    chair: User, meeting: Meeting, child: Person
) -> None:
    item = _started_item(chair, meeting, child)
    discussion_record(actor=chair, item=item, discussion="Shared", decisions="Refer to MACE")
    meeting_close(actor=chair, meeting=meeting)
    with pytest.raises(ServiceError, match="This meeting is closed"):
        discussion_record(actor=chair, item=item, discussion="Changed", decisions="Changed")
    with pytest.raises(ServiceError, match="This meeting is closed"):
        agenda_item_add(actor=chair, meeting=meeting, summary="Late item")
    item.refresh_from_db()
    assert item.decisions == "Refer to MACE"
    correction = correction_add(
        actor=chair,
        meeting=meeting,
        item=item,
        text="The referral is to the strategy meeting, not MACE",
    )
    assert correction.meeting_id == meeting.pk
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.CLOSED


def test_chair_adds_removes_and_reorders_items(chair: User, meeting: Meeting) -> None:
    first = agenda_item_add(actor=chair, meeting=meeting, summary="Topic one")
    second = agenda_item_add(actor=chair, meeting=meeting, summary="Topic two")
    agenda_item_move(actor=chair, item=second, offset=-1)
    order = list(meeting.items.filter(removed=False).values_list("summary", flat=True))
    assert order.index("Topic two") < order.index("Topic one")
    agenda_item_remove(actor=chair, item=first)
    assert AgendaItem.objects.get(pk=first.pk).removed
    with pytest.raises(ServiceError, match="Say what the item is about"):
        agenda_item_add(actor=chair, meeting=meeting, summary="  ")


def test_one_meeting_a_day(chair: User, meeting: Meeting) -> None:
    with pytest.raises(ServiceError, match="already a meeting"):
        meeting_create(actor=chair, meeting_date=MONDAY, chair=chair)


def test_minutes_are_for_hub_roles(teacher: User, chair: User) -> None:
    with pytest.raises(Http404):
        meeting_create(actor=teacher, meeting_date=MONDAY, chair=chair)


def test_saving_an_item_twice_keeps_one_chronology_entry(
    chair: User, meeting: Meeting, child: Person
) -> None:
    item = _started_item(chair, meeting, child)
    discussion_record(actor=chair, item=item, discussion="Shared", decisions="First decision")
    discussion_record(actor=chair, item=item, discussion="Shared", decisions="Second decision")
    entries = ChronologyEntry.objects.filter(person=child, kind=ChronologyKind.MEETING)
    assert entries.count() == 1
    assert "Second decision" in entries.get().summary


def test_actions_csv_neutralises_spreadsheet_formulas(
    chair: User, meeting: Meeting, child: Person, police_officer: User
) -> None:
    from cehub.meetings.selectors import actions_csv

    item = _started_item(chair, meeting, child)
    action_create(
        actor=chair,
        item=item,
        description="=HYPERLINK(1)",
        owner=police_officer,
        due_date=date.today() + timedelta(days=1),
    )
    text = actions_csv(viewer=chair, meeting=meeting)
    assert "'=HYPERLINK" in text
