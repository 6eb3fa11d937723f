"""Running the meeting: discussion, decisions on the child's chronology, actions, closing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.http import Http404

from cehub.accounts.models import User
from cehub.core.errors import ServiceError
from cehub.core.models import AccessAction, AccessEvent
from cehub.meetings.minutes.services import (
    ActionInput,
    action_create,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    correction_add,
    discussion_record,
    item_minutes_record,
    meeting_close,
    meeting_create,
)
from cehub.meetings.models import Action, AgendaItem, ItemKind, Meeting, MeetingStatus
from cehub.people.models import ChronologyEntry, ChronologyKind, Person
from tests.meetings.conftest import LONDON, MONDAY

pytestmark = pytest.mark.django_db


def test_a_decision_goes_on_the_childs_chronology(
    chair: User, started_item: AgendaItem, child: Person
) -> None:
    discussion_record(
        actor=chair,
        item=started_item,
        discussion="Police and school shared what they know",
        decisions="Strategy discussion today; CAWN to be considered",
    )
    entry = ChronologyEntry.objects.get(person=child, kind=ChronologyKind.MEETING)
    assert "Strategy discussion today" in entry.summary
    assert entry.source_id == started_item.pk


@pytest.mark.parametrize(
    ("owned", "due_in_days", "message", "field"),
    [
        pytest.param(False, 2, "Choose who owns the action", "owner", id="no-owner"),
        pytest.param(True, -1, "today or in the future", "due_date", id="due-in-the-past"),
    ],
)
def test_an_action_needs_an_owner_and_a_future_date(
    chair: User,
    started_item: AgendaItem,
    officer: User,
    owned: bool,
    due_in_days: int,
    message: str,
    field: str,
) -> None:
    with pytest.raises(ServiceError, match=message) as raised:
        action_create(
            actor=chair,
            item=started_item,
            description="Check the hotel register",
            owner=officer if owned else None,
            due_date=date.today() + timedelta(days=due_in_days),
        )
    assert raised.value.field == field
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    ("action", "field", "message"),
    [
        (ActionInput("", None, date(2099, 1, 1)), "description", "Describe the action"),
        (ActionInput("Check the register", None, None), "owner", "Choose who owns the action"),
    ],
)
def test_a_bad_action_saves_neither_it_nor_the_discussion(
    chair: User, started_item: AgendaItem, action: ActionInput, field: str, message: str
) -> None:
    with pytest.raises(ServiceError, match=message) as raised:
        item_minutes_record(
            actor=chair,
            item=started_item,
            discussion="Shared",
            decisions="Vehicle check",
            action=action,
        )
    assert raised.value.field == field
    started_item.refresh_from_db()
    assert started_item.discussed_at is None
    assert not ChronologyEntry.objects.filter(kind=ChronologyKind.MEETING).exists()


def test_overdue_actions_return_to_the_next_agenda(
    chair: User, started_item: AgendaItem, officer: User
) -> None:
    with time_machine.travel(datetime(2026, 11, 16, 9, 0, tzinfo=LONDON), tick=False):
        action_create(
            actor=chair,
            item=started_item,
            description="Check the hotel register",
            owner=officer,
            due_date=date(2026, 11, 17),
        )
    meeting_close(actor=chair, meeting=started_item.meeting)
    with time_machine.travel(datetime(2026, 11, 18, 8, 0, tzinfo=LONDON), tick=False):
        next_meeting = meeting_create(actor=chair, meeting_date=date(2026, 11, 18), chair=chair)
    overdue = next_meeting.items.filter(kind=ItemKind.OVERDUE_ACTION)
    assert overdue.count() == 1
    assert officer.full_name in overdue.get().summary


def test_a_closed_meeting_cannot_be_edited_only_corrected(
    chair: User, started_item: AgendaItem
) -> None:
    item, meeting = started_item, started_item.meeting
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


def test_chair_adds_removes_and_reorders_items(chair: User, monday_meeting: Meeting) -> None:
    first = agenda_item_add(actor=chair, meeting=monday_meeting, summary="Topic one")
    second = agenda_item_add(actor=chair, meeting=monday_meeting, summary="Topic two")
    agenda_item_move(actor=chair, item=second, offset=-1)
    order = list(monday_meeting.items.filter(removed=False).values_list("summary", flat=True))
    assert order.index("Topic two") < order.index("Topic one")
    agenda_item_remove(actor=chair, item=first)
    assert AgendaItem.objects.get(pk=first.pk).removed
    with pytest.raises(ServiceError, match="Say what the item is about"):
        agenda_item_add(actor=chair, meeting=monday_meeting, summary="  ")


def test_moving_an_item_is_audited_and_a_move_past_the_end_is_not(
    chair: User, monday_meeting: Meeting
) -> None:
    agenda_item_add(actor=chair, meeting=monday_meeting, summary="Topic one")
    second = agenda_item_add(actor=chair, meeting=monday_meeting, summary="Topic two")
    moves = AccessEvent.objects.filter(
        action=AccessAction.UPDATE,
        user=chair,
        object_type="meeting",
        object_id=str(monday_meeting.pk),
        details__status="item moved",
    )
    agenda_item_move(actor=chair, item=second, offset=-1)
    assert moves.count() == 1
    agenda_item_move(actor=chair, item=second, offset=-1)  # already first: nothing changes
    assert moves.count() == 1


def test_one_meeting_a_day(chair: User, monday_meeting: Meeting) -> None:
    with pytest.raises(ServiceError, match="already a meeting"):
        meeting_create(actor=chair, meeting_date=MONDAY, chair=chair)


def test_minutes_are_for_hub_roles(teacher: User, chair: User) -> None:
    with pytest.raises(Http404):
        meeting_create(actor=teacher, meeting_date=MONDAY, chair=chair)


def test_saving_an_item_twice_keeps_one_chronology_entry(
    chair: User, started_item: AgendaItem, child: Person
) -> None:
    for decisions in ("First decision", "Second decision"):
        discussion_record(actor=chair, item=started_item, discussion="Shared", decisions=decisions)
    entries = ChronologyEntry.objects.filter(person=child, kind=ChronologyKind.MEETING)
    assert entries.count() == 1
    assert "Second decision" in entries.get().summary
