"""Case notes: adding, reading, correcting; who may; the language review; append-only."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from html import unescape
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases import urls as cases_urls
from cehub.cases.casework.services import case_close
from cehub.cases.models import Case, CaseNote, CaseNoteKind, ClosureOutcome
from cehub.cases.notes.selectors import NOTES_PER_PAGE
from cehub.cases.notes.services import (
    ALREADY_CORRECTED,
    CLOSED_CASE,
    CaseNoteInput,
    case_note_add,
    case_note_correct,
)
from cehub.core.errors import ServiceError
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.demo.casework import AllocateStep, CaseNoteStep, CloseStep, plan_casework
from cehub.demo.plan import DemoScale, build_plan
from cehub.language.matcher import default_checker
from cehub.language.models import KeptWording
from cehub.language.review import REVIEW_FIELD
from cehub.people.models import ChronologyEntry, ChronologyKind, Person
from tests.cases.records import new_person, open_case
from tests.html import date_fields, error_summary
from tests.html import text as page_text

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
NOTE_TEXT = (
    "Visited Kayleigh at her nan's after school.\n"
    "She said \u201cI feel safer here\u201d and showed me her netball kit.\n"
    "Next: school nurse drop-in on Thursday."
)
FLAGGED = "Kayleigh keeps putting herself at risk by going to the flat."
REWORDED = "Adults at the flat are exploiting Kayleigh; she is not safe there."


# --- Fixtures and helpers ----------------------------------------------------------------
@pytest.fixture
def other_case(hub_social_worker: User, hub_manager: User) -> Case:
    """Another child the same team works with."""
    jayden = new_person(hub_social_worker, "Jayden", "Price", date(2010, 2, 3))
    return open_case(hub_social_worker, hub_manager, jayden)


def _yesterday_at(hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() - timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def _form(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": CaseNoteKind.VISIT,
        **date_fields("contact_date", timezone.localdate() - timedelta(days=1)),
        "contact_time": "16:30",
        "child_seen": "yes",
        "present": "Kayleigh and her nan",
        "text": NOTE_TEXT,
    }
    data.update(overrides)
    return data


def _note(case: Case, actor: User, **overrides: Any) -> CaseNote:
    values: dict[str, Any] = {
        "kind": CaseNoteKind.CALL,
        "contact_at": _yesterday_at(11),
        "text": "Phoned Kayleigh to arrange Thursday's visit.",
    }
    values.update(overrides)
    return case_note_add(actor=actor, case=case, note=CaseNoteInput(**values))


def _url(name: str, case: Case, note: CaseNote | None = None) -> str:
    kwargs: dict[str, object] = {"case_id": case.pk}
    if note is not None:
        kwargs["note_id"] = note.pk
    return reverse(f"cases:{name}", kwargs=kwargs)


def _nothing_written() -> None:
    assert not CaseNote.objects.exists()
    assert not ChronologyEntry.objects.filter(kind=ChronologyKind.NOTE).exists()
    assert not AccessEvent.objects.filter(object_type="case-note").exists()
    assert not KeptWording.objects.exists()


# --- Adding a note -------------------------------------------------------------------------
def test_a_practitioner_adds_a_note_and_it_shows_on_the_case_page(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case, child: Person
) -> None:
    client = signed_in(hub_social_worker)
    page = client.get(_url("case_detail", case))
    assert _url("case_note_new", case) in page.content.decode()
    assert "All case notes (0)" in page_text(page)
    assert "No case notes have been added yet." in page_text(page)

    assert client.get(_url("case_note_new", case)).status_code == 200
    response = client.post(_url("case_note_new", case), _form())
    assert response.status_code == 302
    assert response["Location"] == _url("case_detail", case) + "#case-notes"

    note = CaseNote.objects.get()
    assert note.case == case
    assert note.person == child
    assert note.kind == CaseNoteKind.VISIT
    assert note.contact_at == _yesterday_at(16, 30)
    assert note.child_seen is True
    assert note.present == "Kayleigh and her nan"
    assert note.text == NOTE_TEXT
    assert note.author == hub_social_worker
    assert note.author_agency == hub_social_worker.agency
    assert note.author_team == hub_social_worker.team
    assert note.corrects is None
    assert timezone.now() - note.recorded_at < timedelta(minutes=1)

    shown = client.get(response["Location"])
    text = page_text(shown)
    assert "Case note added" in text
    assert "All case notes (1)" in text
    assert f"{note.contact_at.astimezone(LONDON):%-d %b %Y} 16:30: Visit to the child" in text
    assert "I feel safer here" in text
    assert "Written by Sam Okafor" in text


def test_the_list_shows_every_detail_newest_contact_first_with_line_breaks(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    older = _note(case, hub_social_worker, contact_at=_yesterday_at(9, 5))
    signed_in(hub_social_worker).post(_url("case_note_new", case), _form())
    newer = CaseNote.objects.exclude(pk=older.pk).get()
    response = signed_in(hub_social_worker).get(_url("case_notes", case))
    assert response.status_code == 200
    html = response.content.decode()
    text = page_text(response)
    assert "2 notes, newest contact first." in text
    assert html.index(f'id="note-{newer.pk}"') < html.index(f'id="note-{older.pk}"')
    day = f"{_yesterday_at(0):%-d %b %Y}"
    assert f"{day} 16:30: Visit to the child" in text
    assert f"{day} 09:05: Phone or video call with the child" in text
    assert "Child seen Yes" in text
    assert "Who was there Kayleigh and her nan" in text
    team = hub_social_worker.team
    agency = hub_social_worker.agency
    assert team is not None and agency is not None
    assert f"Written by Sam Okafor, {team.name} {agency.name}" in text
    # Line breaks kept; the text is escaped, never trusted as HTML.
    assert "after school.<br>She said" in html
    assert _url("case_note_new", case) in html


def test_a_call_need_not_say_if_the_child_was_seen_but_a_visit_must(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    client = signed_in(hub_social_worker)
    response = client.post(_url("case_note_new", case), _form(child_seen=""))
    assert response.status_code == 200
    assert error_summary(response) == ["Select whether the child was seen"]
    _nothing_written()
    response = client.post(
        _url("case_note_new", case), _form(kind=CaseNoteKind.AGENCY, child_seen="")
    )
    assert response.status_code == 302
    assert CaseNote.objects.get().child_seen is None


def test_each_note_puts_one_entry_on_the_chronology_without_its_text(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case, child: Person
) -> None:
    client = signed_in(hub_social_worker)
    client.post(_url("case_note_new", case), _form())
    note = CaseNote.objects.get()
    entry = ChronologyEntry.objects.get(kind=ChronologyKind.NOTE)
    assert entry.person == child
    assert entry.summary == "Case note: visit to the child"
    assert entry.source_type == "case-note"
    assert entry.source_id == note.pk
    assert entry.occurred_at == note.contact_at
    assert entry.recorded_by == hub_social_worker
    person_page = client.get(reverse("people:person_detail", kwargs={"person_id": child.pk}))
    assert "Case note: visit to the child" in page_text(person_page)
    assert "I feel safer here" not in page_text(person_page)


def test_writing_and_reading_notes_are_in_the_access_log(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    client = signed_in(hub_social_worker)
    client.post(_url("case_note_new", case), _form())
    note = CaseNote.objects.get()
    created = AccessEvent.objects.get(action=AccessAction.CREATE, object_type="case-note")
    assert created.object_id == str(note.pk)
    assert created.user == hub_social_worker
    assert created.details == {"kind": "visit"}
    assert not AccessEvent.objects.filter(object_type="case-notes").exists()
    client.get(_url("case_notes", case))
    read = AccessEvent.objects.get(action=AccessAction.VIEW, object_type="case-notes")
    assert read.object_id == str(case.pk)
    assert read.user == hub_social_worker
    assert read.details == {"page": 1, "count": 1}


# --- Bad input ---------------------------------------------------------------------------
def test_an_empty_form_says_what_is_missing_and_saves_nothing(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    response = signed_in(hub_social_worker).post(_url("case_note_new", case), {})
    assert response.status_code == 200
    assert error_summary(response) == [
        "Select the kind of contact",
        "Enter the date of the contact",
        "Enter the time of the contact",
        "Enter the case note",
    ]
    assert "<title>Error: " in response.content.decode()
    _nothing_written()


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        pytest.param({"text": "   \n  "}, ["Enter the case note"], id="only-spaces-is-empty"),
        pytest.param(
            {"contact_date_day": "31", "contact_date_month": "2", "contact_time": "25:10"},
            [
                "Date of the contact must be a real date",
                "Time of the contact must be a real time, like 14:30",
            ],
            id="not-a-real-date-or-time",
        ),
        pytest.param(
            {"kind": "gossip", "present": "x" * 301},
            ["Select the kind of contact", "Who was there must be 300 characters or fewer"],
            id="who-was-there-is-short-and-the-kind-one-of-the-list",
        ),
    ],
)
def test_a_note_the_form_refuses(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    case: Case,
    changes: dict[str, str],
    problems: list[str],
) -> None:
    response = signed_in(hub_social_worker).post(_url("case_note_new", case), _form(**changes))
    assert error_summary(response) == problems
    _nothing_written()


def test_every_rule_a_note_breaks_is_shown_at_once(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    now = datetime(2026, 3, 27, 10, 0, tzinfo=LONDON)
    with time_machine.travel(now, tick=False):
        response = signed_in(hub_social_worker).post(
            _url("case_note_new", case),
            _form(**date_fields("contact_date", now.date()), contact_time="10:05", child_seen=""),
        )
    assert response.status_code == 200
    assert error_summary(response) == [
        "The time of the contact must be in the past",
        "Select whether the child was seen",
    ]
    _nothing_written()


def test_the_contact_cannot_be_in_the_future(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    now = datetime(2026, 3, 27, 10, 0, tzinfo=LONDON)
    with time_machine.travel(now, tick=False):
        client = signed_in(hub_social_worker)  # the session starts in the travelled time

        def contact(day: date, time: str = "16:30") -> Any:
            form = _form(**date_fields("contact_date", day), contact_time=time)
            return client.post(_url("case_note_new", case), form)

        later_today = contact(now.date(), "10:05")
        assert error_summary(later_today) == ["The time of the contact must be in the past"]
        tomorrow = contact(now.date() + timedelta(days=1))
        assert error_summary(tomorrow) == ["Date of the contact must be today or in the past"]
        assert contact(now.date(), "09:55").status_code == 302  # earlier today is fine
    assert CaseNote.objects.get().contact_at == datetime(2026, 3, 27, 9, 55, tzinfo=LONDON)


def test_a_note_that_is_too_long_keeps_what_was_typed(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    long_text = "Kayleigh talked about school. " * 400  # 12,000 characters
    response = signed_in(hub_social_worker).post(_url("case_note_new", case), _form(text=long_text))
    assert error_summary(response) == ["The case note must be 10,000 characters or fewer"]
    html = response.content.decode()
    assert long_text.strip() in unescape(html)
    assert 'value="Kayleigh and her nan"' in html
    assert 'data-maxlength="10000"' in html  # the GOV.UK character count
    _nothing_written()


def test_the_service_checks_the_same_rules(hub_social_worker: User, case: Case) -> None:
    for overrides, field, message in (
        ({"kind": "gossip"}, "kind", "Select the kind of contact"),
        (
            {"contact_at": timezone.now() + timedelta(minutes=5)},
            "contact_at",
            "The time of the contact must be in the past",
        ),
        ({"text": "  "}, "text", "Enter the case note"),
        ({"text": "x" * 10_001}, "text", "10,000 characters or fewer"),
        ({"kind": CaseNoteKind.VISIT}, "child_seen", "Select whether the child was seen"),
        ({"present": "x" * 301}, "present", "300 characters or fewer"),
    ):
        with pytest.raises(ServiceError, match=re.escape(message)) as raised:
            _note(case, hub_social_worker, **overrides)
        assert raised.value.field == field
    _nothing_written()


# --- Closed cases ------------------------------------------------------------------------
def test_a_closed_case_takes_no_more_notes_and_says_why(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    kept = _note(case, hub_social_worker)
    case_close(
        actor=hub_social_worker,
        case=case,
        outcome=ClosureOutcome.RISK_REDUCED,
        reason="Kayleigh is settled at her nan's and back at school full time",
    )
    client = signed_in(hub_social_worker)
    page = client.get(_url("case_detail", case))
    assert _url("case_note_new", case) not in page.content.decode()
    assert "This case is closed, so case notes can no longer be added to it." in page_text(page)
    assert "All case notes (1)" in page_text(page)
    listing = client.get(_url("case_notes", case))
    assert _url("case_note_new", case) not in listing.content.decode()
    assert _url("case_note_correct", case, kept) not in listing.content.decode()

    for response in (
        client.get(_url("case_note_new", case)),
        client.post(_url("case_note_new", case), _form()),
        client.get(_url("case_note_correct", case, kept)),
        client.post(_url("case_note_correct", case, kept), _form(correction_reason="Wrong time")),
    ):
        assert response.status_code == 200
        assert CLOSED_CASE in unescape(response.content.decode())
        assert 'id="case-note-form"' not in response.content.decode()
    assert list(CaseNote.objects.all()) == [kept]
    # The service is the authority, whatever a page does.
    with pytest.raises(ServiceError, match="This case is closed"):
        _note(case, hub_social_worker)
    with pytest.raises(ServiceError, match="This case is closed"):
        case_note_correct(
            actor=hub_social_worker,
            original=kept,
            note=CaseNoteInput(CaseNoteKind.CALL, kept.contact_at, "Corrected"),
            reason="Wrong time",
        )
    assert CaseNote.objects.count() == 1


# --- The language review -----------------------------------------------------------------
def test_wording_that_blames_the_child_is_shown_once_before_saving(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    client = signed_in(hub_social_worker)
    first = client.post(_url("case_note_new", case), _form(text=FLAGGED))
    assert first.status_code == 200
    html = first.content.decode()
    assert "Check the wording" in html
    assert "Nothing has been saved yet" in html
    assert 'class="govuk-error-summary"' not in html  # findings are not errors
    assert "putting herself at risk" in html
    _nothing_written()
    token = re.search(rf'name="{REVIEW_FIELD}" value="([0-9a-f]+)"', html)
    assert token, "no review token"

    kept = client.post(
        _url("case_note_new", case), _form(text=FLAGGED, **{REVIEW_FIELD: token.group(1)})
    )
    assert kept.status_code == 302
    assert CaseNote.objects.get().text == FLAGGED
    row = KeptWording.objects.get()
    assert row.field == "case_note.text"
    assert row.rule_id == "putting-themselves-at-risk"
    assert row.user == hub_social_worker


def test_changed_wording_saves_without_a_kept_wording_record(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    client = signed_in(hub_social_worker)
    first = client.post(_url("case_note_new", case), _form(text=FLAGGED))
    token = re.search(rf'name="{REVIEW_FIELD}" value="([0-9a-f]+)"', first.content.decode())
    assert token
    response = client.post(
        _url("case_note_new", case), _form(text=REWORDED, **{REVIEW_FIELD: token.group(1)})
    )
    assert response.status_code == 302
    assert CaseNote.objects.get().text == REWORDED
    assert not KeptWording.objects.exists()


def test_a_childs_own_words_in_quotation_marks_are_not_flagged(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    text = "Kayleigh said \u201cmy teacher says I keep putting myself at risk\u201d."
    response = signed_in(hub_social_worker).post(_url("case_note_new", case), _form(text=text))
    assert response.status_code == 302
    assert not KeptWording.objects.exists()


# --- Corrections -------------------------------------------------------------------------
def _snapshot(note: CaseNote) -> dict[str, Any]:
    return {f.attname: getattr(note, f.attname) for f in CaseNote._meta.concrete_fields}


def test_a_correction_is_a_new_note_and_the_original_is_kept(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case, child: Person
) -> None:
    original = _note(case, hub_social_worker, text="Phoned Kayleigh about the visit.")
    before = _snapshot(original)
    client = signed_in(hub_social_worker)
    form_page = client.get(_url("case_note_correct", case, original))
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "The note you are correcting" in html
    assert "Phoned Kayleigh about the visit." in html  # shown, and in the textarea to change
    assert re.search(r'name="contact_time"[^>]*value="11:00"', html)
    assert html.index('name="correction_reason"') < html.index('name="text"')

    response = client.post(
        _url("case_note_correct", case, original),
        _form(
            kind=CaseNoteKind.CALL,
            child_seen="",
            contact_time="11:00",
            present="",
            text="Phoned Kayleigh's nan about the visit.",
            correction_reason="I spoke to her nan, not to Kayleigh",
        ),
    )
    assert response.status_code == 302
    correction = CaseNote.objects.exclude(pk=original.pk).get()
    assert response["Location"] == _url("case_notes", case) + f"#note-{correction.pk}"
    assert correction.corrects == original
    assert correction.correction_reason == "I spoke to her nan, not to Kayleigh"
    assert correction.text == "Phoned Kayleigh's nan about the visit."
    original.refresh_from_db()
    assert _snapshot(original) == before

    entries = list(
        ChronologyEntry.objects.filter(kind=ChronologyKind.NOTE)
        .order_by("recorded_at")
        .values_list("summary", "source_id")
    )
    assert entries == [
        ("Case note: phone or video call with the child", original.pk),
        ("Case note corrected: phone or video call with the child", correction.pk),
    ]
    event = AccessEvent.objects.get(object_type="case-note", object_id=str(correction.pk))
    assert event.action == AccessAction.CREATE
    assert event.details == {"kind": "call", "status": "correction"}
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="case-note", object_id=str(original.pk)
    ).exists()

    listing = client.get(_url("case_notes", case))
    html = listing.content.decode()
    original_card = html[html.index(f'id="note-{original.pk}"') :]
    assert "Corrected</strong>" in original_card[: original_card.index("</h2>")]
    assert f'href="{_url("case_notes", case)}#note-{correction.pk}"' in original_card
    assert "Read the correction" in original_card
    correction_card = html[html.index(f'id="note-{correction.pk}"') :]
    assert "Correction</strong>" in correction_card[: correction_card.index("</h2>")]
    assert "Reason: I spoke to her nan, not to Kayleigh" in unescape(correction_card)
    # Only the newest version can be corrected again.
    assert _url("case_note_correct", case, original) not in html
    assert _url("case_note_correct", case, correction) in html
    case_page = page_text(client.get(_url("case_detail", case)))
    assert "Phone or video call with the child Corrected This note was corrected by" in case_page
    assert "All case notes (2)" in case_page


def test_a_note_is_corrected_once_then_the_correction_is_corrected(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    original = _note(case, hub_social_worker)
    first = case_note_correct(
        actor=hub_social_worker,
        original=original,
        note=CaseNoteInput(CaseNoteKind.CALL, original.contact_at, "Phoned her nan"),
        reason="It was her nan I spoke to",
    )
    client = signed_in(hub_social_worker)
    page = client.get(_url("case_note_correct", case, original))
    assert page.status_code == 200
    assert "This note has already been corrected" in page_text(page)
    assert 'id="case-note-form"' not in page.content.decode()
    assert f"#note-{first.pk}" in page.content.decode()
    again = client.post(
        _url("case_note_correct", case, original), _form(correction_reason="Another go")
    )
    assert again.status_code == 200
    assert CaseNote.objects.count() == 2
    with pytest.raises(ServiceError, match=re.escape(ALREADY_CORRECTED)):
        case_note_correct(
            actor=hub_social_worker,
            original=original,
            note=CaseNoteInput(CaseNoteKind.CALL, original.contact_at, "Third version"),
            reason="Another go",
        )
    response = client.post(
        _url("case_note_correct", case, first),
        _form(
            kind=CaseNoteKind.CALL,
            child_seen="",
            text="Phoned her nan and her aunt",
            correction_reason="Her aunt was on the call too",
        ),
    )
    assert response.status_code == 302
    assert CaseNote.objects.get(corrects=first).text == "Phoned her nan and her aunt"


def test_a_correction_needs_a_reason_and_a_valid_note(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    original = _note(case, hub_social_worker)
    client = signed_in(hub_social_worker)
    response = client.post(
        _url("case_note_correct", case, original), _form(correction_reason="", text="")
    )
    assert response.status_code == 200
    assert error_summary(response) == ["Say why you are correcting the note", "Enter the case note"]
    long_reason = client.post(
        _url("case_note_correct", case, original), _form(correction_reason="x" * 501)
    )
    assert error_summary(long_reason) == ["The reason must be 500 characters or fewer"]
    with pytest.raises(ServiceError, match="Say why") as raised:
        case_note_correct(
            actor=hub_social_worker,
            original=original,
            note=CaseNoteInput(CaseNoteKind.CALL, original.contact_at, "Phoned her nan"),
            reason="   ",
        )
    assert raised.value.field == "correction_reason"
    assert list(CaseNote.objects.all()) == [original]


def test_the_reason_for_a_correction_is_checked_for_wording_too(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    original = _note(case, hub_social_worker)
    reason = "The first note said she was putting herself at risk"
    client = signed_in(hub_social_worker)
    first = client.post(
        _url("case_note_correct", case, original),
        _form(text="Phoned Kayleigh to arrange the visit.", correction_reason=reason),
    )
    assert "Check the wording" in first.content.decode()
    assert CaseNote.objects.count() == 1
    token = re.search(rf'name="{REVIEW_FIELD}" value="([0-9a-f]+)"', first.content.decode())
    assert token
    client.post(
        _url("case_note_correct", case, original),
        _form(
            text="Phoned Kayleigh to arrange the visit.",
            correction_reason=reason,
            **{REVIEW_FIELD: token.group(1)},
        ),
    )
    assert CaseNote.objects.count() == 2
    assert list(KeptWording.objects.values_list("field", flat=True)) == [
        "case_note.correction_reason"
    ]


def test_correcting_a_note_of_another_case_or_a_missing_note_is_404(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case, other_case: Case
) -> None:
    elsewhere = _note(other_case, hub_social_worker)
    client = signed_in(hub_social_worker)
    wrong_case = reverse(
        "cases:case_note_correct", kwargs={"case_id": case.pk, "note_id": elsewhere.pk}
    )
    missing = reverse(
        "cases:case_note_correct", kwargs={"case_id": case.pk, "note_id": uuid.uuid4()}
    )
    for url in (wrong_case, missing):
        assert client.get(url).status_code == 404
        assert client.post(url, _form(correction_reason="Wrong child")).status_code == 404
    assert list(CaseNote.objects.all()) == [elsewhere]
    # The right case works.
    assert client.get(_url("case_note_correct", other_case, elsewhere)).status_code == 200


# --- Who may -----------------------------------------------------------------------------
def test_intelligence_officers_read_notes_but_do_not_write_them(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    case: Case,
) -> None:
    note = _note(case, hub_social_worker)
    officer = make_persona(Role.INTELLIGENCE_OFFICER, team=hub_social_worker.team)
    client = signed_in(officer)
    page = client.get(_url("case_detail", case))
    assert _url("case_notes", case) in page.content.decode()
    assert _url("case_note_new", case) not in page.content.decode()
    listing = client.get(_url("case_notes", case))
    assert listing.status_code == 200
    assert "Phoned Kayleigh to arrange" in page_text(listing)
    assert _url("case_note_new", case) not in listing.content.decode()
    assert _url("case_note_correct", case, note) not in listing.content.decode()
    assert client.get(_url("case_note_new", case)).status_code == 404
    assert client.post(_url("case_note_new", case), _form()).status_code == 404
    assert client.get(_url("case_note_correct", case, note)).status_code == 404
    with pytest.raises(Http404):
        _note(case, officer)
    assert CaseNote.objects.count() == 1


def test_a_manager_in_the_team_writes_notes_too(
    signed_in: Callable[[User], Client], hub_manager: User, case: Case
) -> None:
    response = signed_in(hub_manager).post(_url("case_note_new", case), _form())
    assert response.status_code == 302
    assert CaseNote.objects.get().author == hub_manager


def test_nobody_without_a_relationship_or_a_hub_role_reaches_the_notes(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    case: Case,
) -> None:
    note = _note(case, hub_social_worker)
    outsiders = [
        make_persona(Role.HUB_PRACTITIONER),  # another hub team
        make_persona(Role.HUB_MANAGER),  # another team; the case is allocated already
        make_persona(Role.INTELLIGENCE_OFFICER),
        make_persona(Role.REFERRER),
        make_persona(Role.ANALYST, team=hub_social_worker.team),
        make_persona(Role.PARTNERSHIP_LEAD),
        make_persona(Role.PRIVACY_OFFICER),
        make_persona(Role.SYSTEM_ADMINISTRATOR),
    ]
    for outsider in outsiders:
        client = signed_in(outsider)
        for url in (
            _url("case_notes", case),
            _url("case_note_new", case),
            _url("case_note_correct", case, note),
        ):
            assert client.get(url).status_code == 404, (outsider.role, url)
        assert client.post(_url("case_note_new", case), _form()).status_code == 404
        assert (
            client.post(
                _url("case_note_correct", case, note), _form(correction_reason="x")
            ).status_code
            == 404
        )
        if outsider.role in (Role.HUB_PRACTITIONER, Role.HUB_MANAGER):
            with pytest.raises(Http404):
                _note(case, outsider)
        client.logout()
    assert list(CaseNote.objects.all()) == [note]
    assert not AccessEvent.objects.filter(object_type="case-notes").exists()


def test_a_case_that_does_not_exist_has_no_notes(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    client = signed_in(hub_social_worker)
    for name in ("case_notes", "case_note_new"):
        url = reverse(f"cases:{name}", kwargs={"case_id": uuid.uuid4()})
        assert client.get(url).status_code == 404


# --- Append-only -------------------------------------------------------------------------
def test_notes_have_no_edit_or_delete_pages() -> None:
    routes = {
        pattern.name: str(pattern.pattern)
        for pattern in cases_urls.urlpatterns
        if pattern.name and "note" in pattern.name
    }
    assert routes == {
        "case_notes": "<uuid:case_id>/notes/",
        "case_note_new": "<uuid:case_id>/notes/new/",
        "case_note_correct": "<uuid:case_id>/notes/<uuid:note_id>/correct/",
    }


def test_the_list_accepts_only_get(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    note = _note(case, hub_social_worker)
    client = signed_in(hub_social_worker)
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)(_url("case_notes", case)).status_code == 405
    for method in ("put", "patch", "delete"):
        assert getattr(client, method)(_url("case_note_correct", case, note)).status_code == 405
    assert CaseNote.objects.get() == note


def test_history_shows_each_note_written_once_and_never_changed(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    original = _note(case, hub_social_worker)
    before = _snapshot(original)
    case_note_correct(
        actor=hub_social_worker,
        original=original,
        note=CaseNoteInput(CaseNoteKind.CALL, original.contact_at, "Phoned her nan"),
        reason="It was her nan",
    )
    signed_in(hub_social_worker).get(_url("case_notes", case))
    events = apps.get_model("cases", "CaseNoteEvent").objects.order_by("pgh_created_at")
    assert list(events.values_list("pgh_label", flat=True)) == ["insert", "insert"]
    original.refresh_from_db()
    assert _snapshot(original) == before


# --- Pages of notes ----------------------------------------------------------------------
def test_notes_come_fifty_to_a_page_and_links_find_a_correction_on_another_page(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    start = _yesterday_at(8)
    CaseNote.objects.bulk_create(
        CaseNote(
            case=case,
            person=case.person,
            kind=CaseNoteKind.CALL,
            contact_at=start - timedelta(hours=n),
            text=f"Call number {n}",
            author=hub_social_worker,
            recorded_at=timezone.now(),
        )
        for n in range(NOTES_PER_PAGE + 1)
    )
    oldest = CaseNote.objects.get(text=f"Call number {NOTES_PER_PAGE}")
    correction = case_note_correct(
        actor=hub_social_worker,
        original=oldest,
        note=CaseNoteInput(CaseNoteKind.CALL, _yesterday_at(9), "Call with her nan"),
        reason="The date was wrong",
    )
    client = signed_in(hub_social_worker)
    first = client.get(_url("case_notes", case))
    html = first.content.decode()
    assert html.count('class="govuk-summary-card"') == NOTES_PER_PAGE
    assert "52 notes, newest contact first." in page_text(first)
    assert "Page 1 of 2" in page_text(first)
    assert 'href="?page=2"' in html
    # The correction is on page 1; the note it corrects on page 2, and they link both ways.
    assert f'href="{_url("case_notes", case)}?page=2#note-{oldest.pk}"' in html
    second = client.get(_url("case_notes", case) + "?page=2")
    assert second.content.decode().count('class="govuk-summary-card"') == 2
    assert f'href="{_url("case_notes", case)}#note-{correction.pk}"' in second.content.decode()
    assert AccessEvent.objects.filter(
        object_type="case-notes", details={"page": 2, "count": 2}
    ).exists()
    # Nonsense page numbers give a page, never an error.
    assert "Page 1 of 2" in page_text(client.get(_url("case_notes", case) + "?page=x"))
    assert "Page 2 of 2" in page_text(client.get(_url("case_notes", case) + "?page=99"))


def test_the_case_page_shows_the_newest_three_notes(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    for hour in (9, 10, 11, 12):
        _note(case, hub_social_worker, contact_at=_yesterday_at(hour), text=f"Call at {hour}")
    long_note = _note(
        case, hub_social_worker, contact_at=_yesterday_at(13), text="word " * 100 + "ENDING"
    )
    text = page_text(signed_in(hub_social_worker).get(_url("case_detail", case)))
    assert "All case notes (5)" in text
    assert "Call at 12" in text and "Call at 11" in text
    assert "Call at 10" not in text and "Call at 9" not in text
    assert "ENDING" not in text  # a long note is shortened, with a link to all of it
    assert long_note.text[:20] in text
    assert "Read the whole note" in text


# --- The demo partnership ------------------------------------------------------------------
def test_the_demo_plans_case_notes_while_cases_are_open_in_words_that_pass_the_check() -> None:
    work = plan_casework(build_plan(scale=DemoScale.of(0.2), now=timezone.now()))
    checker = default_checker()
    notes = 0
    corrections = 0
    for story in work.stories:
        allocated_at: datetime | None = None
        for step in story.steps:
            if isinstance(step, AllocateStep):
                allocated_at = step.at
            elif isinstance(step, CloseStep):
                allocated_at = None
            elif isinstance(step, CaseNoteStep):
                notes += 1
                # Written by the allocated worker while the case is open, after the contact.
                assert allocated_at is not None and allocated_at < step.contact_at < step.at
                assert step.kind != CaseNoteKind.VISIT or step.child_seen is not None
                assert checker.check(step.text).findings == []
                assert checker.check(step.present).findings == []
                if step.corrects is not None:
                    corrections += 1
                    assert step.corrects.at < step.at
                    assert step.correction_reason
    assert notes >= 20
    assert corrections == 1
