"""The daily meeting's pages: set up, agenda, attendance, running items, closing, minutes."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cehub.accounts.models import User
from cehub.core.models import AccessAction, AccessEvent
from cehub.meetings.minutes import services
from cehub.meetings.models import (
    Action,
    AgendaItem,
    Attendance,
    ItemKind,
    Meeting,
    MeetingStatus,
    MinuteCorrection,
)
from cehub.people.models import ChronologyEntry, ChronologyKind, Person
from tests.html import date_fields
from tests.html import text as page_text

pytestmark = pytest.mark.django_db

CLOSED = "This meeting is closed, so its minutes cannot be changed. Add a correction instead."


@pytest.fixture
def meeting(chair: User, child: Person) -> Meeting:
    meeting = services.meeting_create(actor=chair, meeting_date=timezone.localdate(), chair=chair)
    services.agenda_item_add(
        actor=chair, meeting=meeting, summary="Kayleigh Brookes: seen in a car", person=child
    )
    services.agenda_item_add(actor=chair, meeting=meeting, summary="Takeaway on Mill Street")
    services.agenda_item_add(actor=chair, meeting=meeting, summary="School holiday planning")
    return meeting


def _items(meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.items.filter(removed=False).order_by("position"))


@pytest.fixture
def started(meeting: Meeting, chair: User, officer: User) -> Meeting:
    return services.meeting_start(actor=chair, meeting=meeting, attendees=[chair, officer])


def _logged(user: User, action: AccessAction, meeting: Meeting) -> bool:
    """Whether the access log holds ``user`` doing ``action`` on ``meeting``."""
    return AccessEvent.objects.filter(
        user=user, action=action, object_type="meeting", object_id=str(meeting.pk)
    ).exists()


def _detail(meeting: Meeting) -> str:
    return reverse("meetings:meeting_detail", kwargs={"meeting_id": meeting.pk})


def _run(item: AgendaItem) -> str:
    return reverse("meetings:item_run", kwargs={"item_id": item.pk})


def _item_data(officer: User | None, due: date | None, **overrides: str) -> dict[str, str]:
    data = {
        "discussion": "Police saw the car twice near the school; the driver is known.",
        "decisions": "Strategy discussion today; vehicle check.",
        "action_description": "Check the vehicle and its keeper",
        "action_owner": str(officer.pk) if officer else "",
        **date_fields("action_due_date", due),
        "next": "1",
    }
    data.update(overrides)
    return data


# --- Setting up ----------------------------------------------------------------------------
def test_the_list_shows_meetings_and_the_set_up_button_to_managers_only(
    signed_in: Callable[[User], Client], meeting: Meeting, chair: User, officer: User
) -> None:
    client = signed_in(chair)
    text = page_text(client.get(reverse("meetings:meeting_list")))
    assert "Set up today's meeting" in text
    assert "Helen Marsh" in text
    assert "Planned" in text
    assert AccessEvent.objects.filter(user=chair, object_type="meeting-list").exists()

    text = page_text(signed_in(officer).get(reverse("meetings:meeting_list")))
    assert "Helen Marsh" in text
    assert "Set up today's meeting" not in text


def test_a_meeting_is_set_up_for_today_with_its_chair(
    signed_in: Callable[[User], Client], chair: User
) -> None:
    client = signed_in(chair)
    form = client.get(reverse("meetings:meeting_create"))
    today = timezone.localdate()
    html = form.content.decode()
    day_input = re.search(r"<input[^>]*name=\"meeting_date_day\"[^>]*>", html)
    assert day_input is not None and f'value="{today.day}"' in day_input.group(0)
    assert f'<option value="{chair.pk}" selected>' in html
    response = client.post(
        reverse("meetings:meeting_create"),
        {**date_fields("meeting_date", today), "chair": str(chair.pk)},
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _detail(meeting)
    assert meeting.date == today
    assert meeting.chair == chair
    assert meeting.status == MeetingStatus.PLANNED


def test_a_second_meeting_on_the_same_day_is_refused(
    signed_in: Callable[[User], Client], chair: User, meeting: Meeting
) -> None:
    response = signed_in(chair).post(
        reverse("meetings:meeting_create"),
        {**date_fields("meeting_date", meeting.date), "chair": str(chair.pk)},
    )
    assert response.status_code == 200
    assert "There is already a meeting on this date" in page_text(response)
    assert Meeting.objects.count() == 1


def test_setting_up_needs_a_chair_and_a_date(
    signed_in: Callable[[User], Client], chair: User, officer: User
) -> None:
    client = signed_in(chair)
    response = client.post(
        reverse("meetings:meeting_create"), {**date_fields("meeting_date", None), "chair": ""}
    )
    text = page_text(response)
    assert "Enter the date of the meeting" in text
    assert "Select who will chair the meeting" in text
    # An intelligence officer cannot chair, so is not one of the choices.
    response = client.post(
        reverse("meetings:meeting_create"),
        {**date_fields("meeting_date", timezone.localdate()), "chair": str(officer.pk)},
    )
    assert "Select who will chair the meeting" in page_text(response)
    assert not Meeting.objects.exists()


# --- The agenda ----------------------------------------------------------------------------
def test_the_agenda_shows_items_in_order_with_kind_and_child_link(
    signed_in: Callable[[User], Client], chair: User, meeting: Meeting, child: Person
) -> None:
    response = signed_in(chair).get(_detail(meeting))
    text = page_text(response)
    assert "Covers from" in text
    positions = [text.index(s) for s in ("seen in a car", "Mill Street", "School holiday")]
    assert positions == sorted(positions)
    assert "Added by the chair" in text
    html = response.content.decode()
    assert reverse("people:person_detail", kwargs={"person_id": child.pk}) in html
    assert 'aria-label="Move down: Takeaway on Mill Street"' in html
    assert 'aria-label="Move up: Takeaway on Mill Street"' in html
    assert 'aria-label="Remove: Takeaway on Mill Street"' in html
    assert _logged(chair, AccessAction.VIEW, meeting)


def test_the_chair_adds_moves_and_removes_items(
    signed_in: Callable[[User], Client], chair: User, meeting: Meeting
) -> None:
    client = signed_in(chair)
    response = client.post(
        reverse("meetings:item_add", kwargs={"meeting_id": meeting.pk}),
        {"summary": "Group of adults at the park"},
    )
    assert response.status_code == 302
    added = _items(meeting)[-1]
    assert added.summary == "Group of adults at the park"
    assert added.kind == ItemKind.ADDED

    response = client.post(
        reverse("meetings:item_move", kwargs={"item_id": added.pk}), {"direction": "up"}
    )
    assert response.status_code == 302
    assert [i.summary for i in _items(meeting)][-2:] == [
        "Group of adults at the park",
        "School holiday planning",
    ]
    first = _items(meeting)[0]
    client.post(reverse("meetings:item_move", kwargs={"item_id": first.pk}), {"direction": "down"})
    assert _items(meeting)[1].pk == first.pk

    response = client.post(reverse("meetings:item_remove", kwargs={"item_id": added.pk}))
    assert response.status_code == 302
    added.refresh_from_db()
    assert added.removed
    assert "Group of adults at the park" not in page_text(client.get(_detail(meeting)))


def test_an_empty_item_is_refused_and_a_bad_move_changes_nothing(
    signed_in: Callable[[User], Client], chair: User, meeting: Meeting
) -> None:
    client = signed_in(chair)
    before = [(i.pk, i.position) for i in _items(meeting)]
    response = client.post(
        reverse("meetings:item_add", kwargs={"meeting_id": meeting.pk}), {"summary": "  "}
    )
    assert response.status_code == 200
    assert "Say what the item is about" in page_text(response)
    response = client.post(
        reverse("meetings:item_move", kwargs={"item_id": before[0][0]}), {"direction": "sideways"}
    )
    assert "Choose to move up or down" in page_text(response)
    assert [(i.pk, i.position) for i in _items(meeting)] == before


def test_starting_records_attendance_with_agencies(
    signed_in: Callable[[User], Client],
    chair: User,
    officer: User,
    teacher: User,
    meeting: Meeting,
) -> None:
    client = signed_in(chair)
    page = page_text(client.get(_detail(meeting)))
    assert "Priya Shah (Riverside Academy)" in page  # other agencies can attend too
    response = client.post(
        reverse("meetings:meeting_start", kwargs={"meeting_id": meeting.pk}),
        {"hub_attendees": [str(chair.pk), str(officer.pk)], "other_attendees": [str(teacher.pk)]},
    )
    assert response.status_code == 302
    assert response["Location"] == _run(_items(meeting)[0])
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_PROGRESS
    recorded = {(a.user.full_name, a.agency.name) for a in Attendance.objects.all()}
    assert recorded == {
        ("Helen Marsh", chair.agency.name),
        ("Grace Adeyemi", "Northvale Police"),
        ("Priya Shah", "Riverside Academy"),
    }
    text = page_text(client.get(_detail(meeting)))
    assert "Attendance" in text
    assert "Northvale Police" in text
    assert "In progress" in text


def test_starting_needs_someone_attending(
    signed_in: Callable[[User], Client], chair: User, meeting: Meeting
) -> None:
    response = signed_in(chair).post(
        reverse("meetings:meeting_start", kwargs={"meeting_id": meeting.pk}), {}
    )
    assert "Select who is attending" in page_text(response)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
    assert not Attendance.objects.exists()


# --- Running an item -----------------------------------------------------------------------
def test_the_chair_records_a_decision_and_an_action_for_a_police_officer(
    signed_in: Callable[[User], Client],
    chair: User,
    officer: User,
    started: Meeting,
    child: Person,
) -> None:
    client = signed_in(chair)
    first, second = _items(started)[:2]
    page = client.get(_run(first))
    html = page.content.decode()
    assert "Save and go to the next item" in html
    assert 'accesskey="n"' in html
    # The "next" button comes first, so Enter in a one-line box presses it.
    assert html.index('id="save-next"') < html.index('id="save"')
    assert "Grace Adeyemi (Northvale Police)" in page_text(page)

    due = timezone.localdate() + timedelta(days=7)
    response = client.post(_run(first), _item_data(officer, due))
    assert response.status_code == 302
    assert response["Location"] == _run(second)
    first.refresh_from_db()
    assert first.decisions == "Strategy discussion today; vehicle check."
    assert first.discussed_by == chair
    action = Action.objects.get()
    assert (action.owner, action.owner_agency, action.due_date, action.item) == (
        officer,
        officer.agency,
        due,
        first,
    )
    # A child discussed gets a chronology entry linking the decision.
    entry = ChronologyEntry.objects.get(person=child, kind=ChronologyKind.MEETING)
    assert entry.source_id == first.pk
    assert "Strategy discussion today" in entry.summary

    text = page_text(client.get(_detail(started)))
    assert "Check the vehicle and its keeper" in text
    assert "Discussed" in text


def test_save_stays_on_the_item_and_the_last_item_returns_to_the_meeting(
    signed_in: Callable[[User], Client], chair: User, started: Meeting
) -> None:
    client = signed_in(chair)
    *_, last = _items(started)
    data = _item_data(None, None, action_description="")
    data.pop("next")
    response = client.post(_run(last), {**data, "save": "1"})
    assert response["Location"] == _run(last)
    response = client.post(_run(last), {**data, "next": "1"})
    assert response["Location"] == _detail(started)
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    ("owner_given", "due_offset", "message"),
    [
        (False, 3, "Choose who owns the action"),
        (True, -1, "The due date must be today or in the future"),
        (True, None, "Enter the date the action is due"),
    ],
)
def test_a_bad_action_saves_nothing(
    signed_in: Callable[[User], Client],
    chair: User,
    officer: User,
    started: Meeting,
    child: Person,
    owner_given: bool,
    due_offset: int | None,
    message: str,
) -> None:
    first = _items(started)[0]
    due = None if due_offset is None else timezone.localdate() + timedelta(days=due_offset)
    response = signed_in(chair).post(_run(first), _item_data(officer if owner_given else None, due))
    assert response.status_code == 200
    text = page_text(response)
    assert "There is a problem" in text
    assert message in text
    assert "Police saw the car twice" in text  # what was typed is kept
    first.refresh_from_db()
    assert first.discussed_at is None and first.discussion == ""
    assert not Action.objects.exists()
    assert not ChronologyEntry.objects.filter(kind=ChronologyKind.MEETING).exists()


def test_a_discussion_needs_a_summary_and_decisions(
    signed_in: Callable[[User], Client], chair: User, started: Meeting
) -> None:
    first = _items(started)[0]
    response = signed_in(chair).post(
        _run(first), _item_data(None, None, discussion="", decisions="", action_description="")
    )
    text = page_text(response)
    assert "Summarise the discussion" in text
    assert "Record the decisions, or write 'No decision'" in text
    first.refresh_from_db()
    assert first.discussed_at is None


def test_an_intelligence_officer_reads_items_but_cannot_record(
    signed_in: Callable[[User], Client], officer: User, started: Meeting
) -> None:
    client = signed_in(officer)
    first = _items(started)[0]
    page = client.get(_run(first))
    assert page.status_code == 200
    assert "Save and go to the next item" not in page.content.decode()
    response = client.post(_run(first), _item_data(officer, timezone.localdate()))
    assert response.status_code == 404
    first.refresh_from_db()
    assert first.discussed_at is None


# --- Closing, corrections and minutes ------------------------------------------------------
@pytest.fixture
def closed(started: Meeting, chair: User, officer: User) -> Meeting:
    first = _items(started)[0]
    services.discussion_record(
        actor=chair, item=first, discussion="The car was seen twice.", decisions="Vehicle check"
    )
    services.action_create(
        actor=chair,
        item=first,
        description="Check the vehicle and its keeper",
        owner=officer,
        due_date=timezone.localdate() + timedelta(days=2),
    )
    return services.meeting_close(actor=chair, meeting=started)


def test_closing_locks_the_meeting(
    signed_in: Callable[[User], Client], chair: User, started: Meeting
) -> None:
    client = signed_in(chair)
    response = client.post(reverse("meetings:meeting_close", kwargs={"meeting_id": started.pk}))
    assert response.status_code == 302
    started.refresh_from_db()
    assert started.status == MeetingStatus.CLOSED
    text = page_text(client.get(_detail(started)))
    assert "minutes are locked" in text
    assert "Add a correction" in text
    # Closing twice is refused with the service's words.
    response = client.post(reverse("meetings:meeting_close", kwargs={"meeting_id": started.pk}))
    assert CLOSED in page_text(response)


def test_a_closed_meeting_refuses_changes_and_keeps_its_minutes(
    signed_in: Callable[[User], Client], chair: User, officer: User, closed: Meeting
) -> None:
    client = signed_in(chair)
    first = _items(closed)[0]
    version = closed.version
    response = client.post(_run(first), _item_data(officer, timezone.localdate()))
    assert response.status_code == 409
    assert CLOSED in page_text(response)
    first.refresh_from_db()
    assert first.discussion == "The car was seen twice."
    assert Action.objects.count() == 1

    response = client.post(
        reverse("meetings:item_add", kwargs={"meeting_id": closed.pk}), {"summary": "Late item"}
    )
    assert CLOSED in page_text(response)
    response = client.post(reverse("meetings:item_remove", kwargs={"item_id": first.pk}))
    assert CLOSED in page_text(response)
    assert not AgendaItem.objects.filter(summary="Late item").exists()
    closed.refresh_from_db()
    assert closed.version == version


def test_a_correction_is_added_and_shown(
    signed_in: Callable[[User], Client], chair: User, closed: Meeting
) -> None:
    client = signed_in(chair)
    first = _items(closed)[0]
    page = page_text(client.get(_run(first)))
    assert "The car was seen twice." in page
    assert "Add the correction" in page

    response = client.post(_run(first), {"form": "correction", "text": ""})
    assert "Write the correction" in page_text(response)
    assert not MinuteCorrection.objects.exists()

    response = client.post(
        _run(first), {"form": "correction", "text": "The car was seen three times, not twice."}
    )
    assert response.status_code == 302
    correction = MinuteCorrection.objects.get()
    assert correction.item == first
    assert correction.recorded_by == chair
    assert "seen three times" in page_text(client.get(_run(first)))
    assert AccessEvent.objects.filter(
        action=AccessAction.CREATE, object_type="meeting-correction", object_id=str(correction.pk)
    ).exists()

    response = client.post(
        reverse("meetings:correction_add", kwargs={"meeting_id": closed.pk}),
        {"text": "Grace Adeyemi also attended for the second half."},
    )
    assert response.status_code == 302
    assert "also attended for the second half" in page_text(client.get(_detail(closed)))
    # The minutes themselves are unchanged.
    first.refresh_from_db()
    assert first.discussion == "The car was seen twice."


def test_printable_minutes(
    signed_in: Callable[[User], Client], chair: User, closed: Meeting
) -> None:
    services.correction_add(actor=chair, meeting=closed, text="Spelling of the street corrected")
    response = signed_in(chair).get(
        reverse("meetings:minutes_print", kwargs={"meeting_id": closed.pk})
    )
    assert response.status_code == 200
    text = page_text(response)
    assert text.count("Official – Sensitive") >= 2
    assert "Grace Adeyemi" in text and "Northvale Police" in text
    assert "The car was seen twice." in text
    assert "Vehicle check" in text
    assert "Check the vehicle and its keeper" in text
    assert "Spelling of the street corrected" in text
    assert "Draft" not in text
    assert _logged(chair, AccessAction.VIEW, closed)


def test_actions_csv(signed_in: Callable[[User], Client], chair: User, closed: Meeting) -> None:
    response = signed_in(chair).get(
        reverse("meetings:actions_csv", kwargs={"meeting_id": closed.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == (
        f'attachment; filename="meeting-actions-{closed.date:%Y-%m-%d}.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Item", "Action", "Owner", "Agency", "Due", "Status", "Outcome"]
    assert rows[1][1:4] == ["Check the vehicle and its keeper", "Grace Adeyemi", "Northvale Police"]
    assert rows[1][5] == "Open"
    assert _logged(chair, AccessAction.EXPORT, closed)


def test_minutes_are_404_outside_the_hub(
    signed_in: Callable[[User], Client], teacher: User, closed: Meeting
) -> None:
    client = signed_in(teacher)
    first = _items(closed)[0]
    for url in (
        _detail(closed),
        _run(first),
        reverse("meetings:minutes_print", kwargs={"meeting_id": closed.pk}),
        reverse("meetings:actions_csv", kwargs={"meeting_id": closed.pk}),
        reverse("meetings:meeting_list"),
    ):
        assert client.get(url).status_code == 404, url
    assert not AccessEvent.objects.filter(
        user=teacher, object_type="meeting", action__in=[AccessAction.VIEW, AccessAction.EXPORT]
    ).exists()


def test_a_discussed_item_cannot_be_removed(
    signed_in: Callable[[User], Client], chair: User, meeting: Meeting
) -> None:
    # Discussed items stay: the chair cannot quietly drop something the meeting talked about.
    first = _items(meeting)[0]
    AgendaItem.objects.filter(pk=first.pk).update(discussed_at=timezone.now())
    response = signed_in(chair).post(reverse("meetings:item_remove", kwargs={"item_id": first.pk}))
    assert "This item has been discussed, so it stays on the agenda" in page_text(response)
    first.refresh_from_db()
    assert not first.removed


def test_flagged_minutes_come_back_once_and_nothing_is_saved_until_the_chair_keeps_them(
    signed_in: Callable[[User], Client], chair: User, officer: User, started: Meeting
) -> None:
    from cehub.language.models import KeptWording
    from cehub.language.review import REVIEW_FIELD

    client = signed_in(chair)
    first = _items(started)[0]
    due = timezone.localdate() + timedelta(days=7)
    data = _item_data(officer, due, discussion="Jade is streetwise and was absconding again.")
    response = client.post(_run(first), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check the wording" in html and "2 suggestions" in html
    first.refresh_from_db()
    assert first.discussion == "" and not Action.objects.exists()

    token = re.search(rf'name="{REVIEW_FIELD}" value="([0-9a-f]+)"', html)
    assert token is not None
    response = client.post(_run(first), {**data, REVIEW_FIELD: token[1]})
    assert response.status_code == 302
    first.refresh_from_db()
    assert "absconding" in first.discussion and Action.objects.count() == 1
    assert KeptWording.objects.filter(field__startswith="meeting.").count() == 2
