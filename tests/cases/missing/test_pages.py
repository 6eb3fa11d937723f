"""Missing episode pages: recording, found, the 72-hour return interview, the list and flag,
and importing a police list (all rows or none)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from html import unescape

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.missing.services import BULK_COLUMNS
from cehub.cases.models import InterviewAcceptance, MissingEpisode, PoliceRiskGrade
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.people.models import Person
from tests.cases.records import assert_form_problem, record_episode
from tests.html import date_fields
from tests.html import text as page_text

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # GMT: UK time is UTC in November


def _moment(prefix: str, when: datetime | None) -> dict[str, str]:
    """A moment's date input and time box, filled with ``when`` in UK time (or left empty)."""
    local = timezone.localtime(when) if when else None
    return {
        **date_fields(f"{prefix}_date", local),
        f"{prefix}_time": f"{local:%H:%M}" if local else "",
    }


def _episode_data(
    missing: datetime, reported: datetime, found: datetime | None, **overrides: str
) -> dict[str, str]:
    data = {
        **_moment("missing", missing),
        **_moment("reported", reported),
        **_moment("found", found),
        "last_seen_where": "Bus station",
        "found_where": "A flat in Northgate" if found else "",
        "found_with": "Two adults not known to the family" if found else "",
        "police_risk_grade": PoliceRiskGrade.MEDIUM,
        "harm_disclosed": "",
        "police_reference": "NV-2026-1234",
    }
    data.update(overrides)
    return data


def _new_url(person: Person) -> str:
    return reverse("cases:missing_new", kwargs={"person_id": person.pk})


def _detail_url(episode: MissingEpisode) -> str:
    return reverse("cases:missing_detail", kwargs={"episode_id": episode.pk})


# --- Recording an episode ------------------------------------------------------------------
def test_an_episode_is_recorded_and_the_interview_is_due_within_72_hours(
    client: Client, hub_social_worker: User, child: Person
) -> None:
    with time_machine.travel(NOW, tick=False):
        client.force_login(hub_social_worker)
        response = client.post(
            _new_url(child),
            _episode_data(
                missing=NOW - timedelta(hours=15),
                reported=NOW - timedelta(hours=14),
                found=NOW - timedelta(hours=1),
            ),
        )
        episode = MissingEpisode.objects.get(person=child)
        assert response.status_code == 302
        assert response["Location"] == _detail_url(episode)
        assert episode.missing_from == NOW - timedelta(hours=15)
        assert episode.found_at == NOW - timedelta(hours=1)
        assert episode.interview_due_at == NOW - timedelta(hours=1) + timedelta(hours=72)
        assert (episode.found_where, episode.police_reference) == (
            "A flat in Northgate",
            "NV-2026-1234",
        )
        assert AccessEvent.objects.filter(
            action=AccessAction.CREATE, object_type="missing-episode", object_id=str(episode.pk)
        ).exists()

        page = client.get(_detail_url(episode))
        text = page_text(page)
        assert "Missing episode recorded" in text
        assert "Due in 2 days 23 hours" in text
        assert "Must be offered by 23 Nov 2026 08:00, 72 hours after the child was found" in text
        assert 'data-deadline-state="due"' in page.content.decode()
        assert AccessEvent.objects.filter(
            action=AccessAction.VIEW, object_type="missing-episode", object_id=str(episode.pk)
        ).exists()


def test_the_deadline_reads_in_words_as_time_passes(
    client: Client, hub_social_worker: User, child: Person
) -> None:
    found = NOW - timedelta(hours=5)
    with time_machine.travel(NOW, tick=False):
        episode = record_episode(hub_social_worker, child, NOW - timedelta(hours=20), found)
        client.force_login(hub_social_worker)
        assert "Due in 2 days 19 hours" in page_text(client.get(_detail_url(episode)))
    with time_machine.travel(NOW + timedelta(days=2, hours=16), tick=False):
        client.force_login(hub_social_worker)
        page = client.get(_detail_url(episode))
        assert "Due in 3 hours 0 min" in page_text(page)
        assert 'data-deadline-state="due-soon"' in page.content.decode()
    with time_machine.travel(NOW + timedelta(days=3, hours=1, minutes=30), tick=False):
        client.force_login(hub_social_worker)
        page = client.get(_detail_url(episode))
        assert "Overdue by 6 hours 30 min" in page_text(page)
        assert 'data-deadline-state="overdue"' in page.content.decode()
        # The list says the same.
        listing = client.get(reverse("cases:missing_list", kwargs={"person_id": child.pk}))
        assert "Overdue by 6 hours 30 min" in page_text(listing)


def test_uk_times_are_stored_correctly_in_summer(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    data = _episode_data(
        missing=NOW, reported=NOW, found=None, police_risk_grade=PoliceRiskGrade.LOW
    )
    data.update(
        **date_fields("missing_date", date(2026, 7, 1)),
        missing_time="14:30",
        **date_fields("reported_date", date(2026, 7, 1)),
        reported_time="15.05",  # a full stop is fine too
    )
    response = signed_in(hub_social_worker).post(_new_url(child), data)
    assert response.status_code == 302
    episode = MissingEpisode.objects.get(person=child)
    assert episode.missing_from == datetime(2026, 7, 1, 13, 30, tzinfo=UTC)  # BST is UTC+1
    assert episode.reported_at == datetime(2026, 7, 1, 14, 5, tzinfo=UTC)
    assert episode.found_at is None and episode.interview_due_at is None


def test_found_before_missing_is_refused_and_nothing_is_saved(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    now = timezone.now().replace(second=0, microsecond=0)
    data = _episode_data(
        missing=now - timedelta(hours=5),
        reported=now - timedelta(hours=4),
        found=now - timedelta(hours=6),
    )
    response = signed_in(hub_social_worker).post(_new_url(child), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "The time found must be after the time the child went missing" in page_text(response)
    assert 'href="#id_found_date_day"' in html  # the summary links to the date found
    assert 'value="A flat in Northgate"' in html  # what was typed is kept
    assert not MissingEpisode.objects.exists()


def test_reported_before_missing_is_refused(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    now = timezone.now().replace(second=0, microsecond=0)
    data = _episode_data(
        missing=now - timedelta(hours=5), reported=now - timedelta(hours=6), found=None
    )
    response = signed_in(hub_social_worker).post(_new_url(child), data)
    assert "The time reported must be the same as or after the time missing" in page_text(response)
    assert 'href="#id_reported_date_day"' in response.content.decode()
    assert not MissingEpisode.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("25:00", "Time the child went missing must be a real time, like 14:30"),
        ("14:75", "Time the child went missing must be a real time, like 14:30"),
        ("2pm", "Time the child went missing must be in the 24-hour format, like 14:30"),
        ("", "Enter the time the child went missing"),
    ],
)
def test_a_bad_time_gets_a_specific_message(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    child: Person,
    typed: str,
    message: str,
) -> None:
    now = timezone.now()
    data = _episode_data(
        missing=now - timedelta(hours=5), reported=now - timedelta(hours=4), found=None
    )
    data["missing_time"] = typed
    response = signed_in(hub_social_worker).post(_new_url(child), data)
    assert message in page_text(response)
    assert 'href="#id_missing_time"' in response.content.decode()
    if typed:
        assert f'value="{typed}"' in response.content.decode()
    assert not MissingEpisode.objects.exists()


def test_a_date_found_needs_a_time_found_and_the_other_way_round(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    now = timezone.now()
    data = _episode_data(
        missing=now - timedelta(hours=5),
        reported=now - timedelta(hours=4),
        found=now - timedelta(hours=1),
        found_time="",
    )
    client = signed_in(hub_social_worker)
    assert "Enter the time the child was found" in page_text(client.post(_new_url(child), data))
    data = _episode_data(
        missing=now - timedelta(hours=5),
        reported=now - timedelta(hours=4),
        found=None,
        found_time="10:00",
    )
    assert "Enter the date the child was found" in page_text(client.post(_new_url(child), data))
    assert not MissingEpisode.objects.exists()


def test_the_required_answers_each_have_their_own_message(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    data = {**_moment("missing", None), **_moment("reported", None), **_moment("found", None)}
    text = page_text(signed_in(hub_social_worker).post(_new_url(child), data))
    for message in (
        "Enter the date the child went missing",
        "Enter the time the child went missing",
        "Enter the date the child was reported missing",
        "Enter the time the child was reported missing",
        "Choose the police risk grade",
    ):
        assert message in text, message
    assert not MissingEpisode.objects.exists()


def test_a_date_in_the_future_is_refused(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    tomorrow = timezone.now() + timedelta(days=1)
    data = _episode_data(missing=tomorrow, reported=tomorrow, found=None)
    text = page_text(signed_in(hub_social_worker).post(_new_url(child), data))
    assert "Date the child went missing must be today or in the past" in text
    assert not MissingEpisode.objects.exists()


def test_missing_episodes_are_for_children(
    signed_in: Callable[[User], Client], hub_social_worker: User, adult: Person
) -> None:
    now = timezone.now()
    response = signed_in(hub_social_worker).post(
        _new_url(adult),
        _episode_data(
            missing=now - timedelta(hours=5), reported=now - timedelta(hours=4), found=None
        ),
    )
    assert "Missing episodes are recorded for children" in page_text(response)
    assert not MissingEpisode.objects.exists()


# --- Found, and the return home interview --------------------------------------------------
def _found_data(found: datetime, version: int = 1, **overrides: str) -> dict[str, str]:
    data = {
        **_moment("found-found", found),
        "found-found_where": "McDonald's, Station Road",
        "found-found_with": "An adult man in a grey car",
        "found-harm_disclosed": "",
        "found-version": str(version),
    }
    data.update(overrides)
    return data


def test_marking_found_starts_the_72_hour_clock(
    client: Client, hub_social_worker: User, child: Person
) -> None:
    with time_machine.travel(NOW, tick=False):
        episode = record_episode(hub_social_worker, child, NOW - timedelta(days=1))
        client.force_login(hub_social_worker)
        page = client.get(_detail_url(episode))
        assert "Not found yet" in page_text(page)
        assert "Still missing" in page_text(page)
        assert "Record that the child has been found" in page_text(page)

        response = client.post(
            reverse("cases:missing_found", kwargs={"episode_id": episode.pk}),
            _found_data(NOW - timedelta(hours=2)),
        )
        assert response.status_code == 302
        episode.refresh_from_db()
        assert episode.found_at == NOW - timedelta(hours=2)
        assert episode.interview_due_at == NOW + timedelta(hours=70)
        assert episode.found_where == "McDonald's, Station Road"
        assert AccessEvent.objects.filter(
            action=AccessAction.UPDATE, object_type="missing-episode", object_id=str(episode.pk)
        ).exists()
        text = page_text(client.get(_detail_url(episode)))
        assert "Due in 2 days 22 hours" in text
        assert "Record the return home interview" in text


@pytest.mark.parametrize(
    ("missing_ago", "found_after_missing", "version", "status", "message", "kept"),
    [
        pytest.param(
            timedelta(hours=3),
            -timedelta(hours=1),
            1,
            200,
            "The time found must be after the time the child went missing",
            'href="#id_found-found_date_day"',
            id="found-before-missing",
        ),
        pytest.param(
            timedelta(hours=6),
            timedelta(hours=5),
            7,
            409,
            "Someone else updated this episode",
            'name="found-version" value="1"',
            id="found-by-someone-else-meanwhile",
        ),
    ],
)
def test_the_found_form_refuses_and_records_nothing(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    child: Person,
    missing_ago: timedelta,
    found_after_missing: timedelta,
    version: int,
    status: int,
    message: str,
    kept: str,
) -> None:
    missing = timezone.now() - missing_ago
    episode = record_episode(hub_social_worker, child, missing)
    response = signed_in(hub_social_worker).post(
        reverse("cases:missing_found", kwargs={"episode_id": episode.pk}),
        _found_data(missing + found_after_missing, version=version),
    )
    assert response.status_code == status
    assert message in page_text(response)
    assert kept in response.content.decode()
    episode.refresh_from_db()
    assert episode.found_at is None


def _interview_data(
    offered: datetime, acceptance: str, completed: datetime | None = None
) -> dict[str, str]:
    return {
        "interview-acceptance": acceptance,
        "interview-interview_by": "Safe Steps return interview service",
        "interview-summary": "\u201cI was with people from the takeaway.\u201d",
        **_moment("interview-offered", offered),
        **_moment("interview-completed", completed),
    }


def test_the_interview_offered_then_completed(
    client: Client, hub_social_worker: User, child: Person
) -> None:
    found = NOW - timedelta(hours=30)
    with time_machine.travel(NOW, tick=False):
        episode = record_episode(hub_social_worker, child, found - timedelta(hours=10), found)
        client.force_login(hub_social_worker)
        url = reverse("cases:missing_interview", kwargs={"episode_id": episode.pk})
        offered = found + timedelta(hours=20)
        response = client.post(url, _interview_data(offered, InterviewAcceptance.ACCEPTED))
        assert response.status_code == 302
        episode.refresh_from_db()
        assert episode.interview_offered_at == offered
        assert episode.interview_acceptance == InterviewAcceptance.ACCEPTED
        page = client.get(_detail_url(episode))
        text = page_text(page)
        assert "Offered on 19 Nov 2026 23:00" in text
        assert 'data-deadline-state="met"' in page.content.decode()
        assert "Update the return home interview" in text
        assert re.search(
            r'name="interview-offered_time" type="text" value="23:00"', page.content.decode()
        )

        completed = offered + timedelta(hours=6)
        response = client.post(
            url, _interview_data(offered, InterviewAcceptance.ACCEPTED, completed)
        )
        assert response.status_code == 302
        episode.refresh_from_db()
        assert episode.interview_completed_at == completed


def test_interview_problems_get_specific_messages(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    found = timezone.now().replace(second=0, microsecond=0) - timedelta(hours=30)
    episode = record_episode(hub_social_worker, child, found - timedelta(hours=10), found)
    url = reverse("cases:missing_interview", kwargs={"episode_id": episode.pk})
    client = signed_in(hub_social_worker)
    offered = found + timedelta(hours=5)
    cases = [
        (
            _interview_data(found - timedelta(hours=1), InterviewAcceptance.ACCEPTED),
            "The interview must be offered after the child was found",
        ),
        (
            _interview_data(offered, InterviewAcceptance.ACCEPTED, offered - timedelta(hours=1)),
            "The interview cannot be completed before it was offered",
        ),
        (
            _interview_data(offered, InterviewAcceptance.DECLINED, offered + timedelta(hours=1)),
            "Only an accepted interview can be completed",
        ),
        (
            _interview_data(offered, ""),
            "Say whether the child accepted the interview",
        ),
    ]
    for data, message in cases:
        response = client.post(url, data)
        assert response.status_code == 200
        assert message in page_text(response), message
    episode.refresh_from_db()
    assert episode.interview_offered_at is None


# --- The list and the 3-in-30-days flag ----------------------------------------------------
def test_three_episodes_in_30_days_raise_the_flag(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    now = timezone.now()
    url = reverse("cases:missing_list", kwargs={"person_id": child.pk})
    client = signed_in(hub_social_worker)
    record_episode(hub_social_worker, child, now - timedelta(days=40), now - timedelta(days=39))
    record_episode(hub_social_worker, child, now - timedelta(days=20), now - timedelta(days=19))
    record_episode(hub_social_worker, child, now - timedelta(days=5), now - timedelta(days=4))
    response = client.get(url)
    assert response.status_code == 200
    text = page_text(response)
    assert "consider a strategy discussion" not in text  # only 2 within 30 days
    assert text.count("View the episode from") == 3
    assert "Missing episodes, most recent first" in text

    record_episode(hub_social_worker, child, now - timedelta(hours=10))
    text = page_text(client.get(url))
    assert "3 missing episodes in the last 30 days: consider a strategy discussion" in text
    assert "Still missing" in text
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="person", object_id=str(child.pk)
    ).exists()


def test_an_empty_list_says_so(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    response = signed_in(hub_social_worker).get(
        reverse("cases:missing_list", kwargs={"person_id": child.pk})
    )
    assert "No missing episodes have been recorded." in page_text(response)
    assert _new_url(child) in response.content.decode()


# --- Importing a police list ---------------------------------------------------------------
IMPORT_URL = "/cases/missing/import/"


def _row_errors(html: str) -> list[tuple[int, str, str]]:
    """The (row, column, problem) lines of the page's table of problems."""
    table = html.split('id="import-errors"')[1].split("</table>")[0]
    cells = re.findall(r"<td[^>]*>(?:<code>)?([^<]*)(?:</code>)?</td>", table)
    return [(int(cells[i]), cells[i + 1], unescape(cells[i + 2])) for i in range(0, len(cells), 3)]


HEADER = "nhs_number,missing_from,reported_at,found_at,police_risk_grade,last_seen_where\n"


def test_the_import_page_documents_the_columns(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    assert reverse("cases:missing_import") == IMPORT_URL
    text = page_text(signed_in(hub_social_worker).get(IMPORT_URL))
    for column in BULK_COLUMNS:  # every column the import takes
        assert column in text
    assert "2026-03-27 14:30" in text and "UK time" in text
    assert "no-apparent-risk" in text


def test_a_pasted_list_is_imported_and_listed(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    client = signed_in(hub_social_worker)
    csv_text = (
        HEADER + "943 476 5919,2026-10-01 18:00,2026-10-01 20:00,2026-10-02 09:00,medium,Park\n"
        "9434765919,2026-10-08 18:00,2026-10-08 20:00,,high,Bus station\n"
    )
    response = client.post(IMPORT_URL, {"csv_text": csv_text})
    assert response.status_code == 302
    assert response["Location"] == IMPORT_URL  # nothing about the children in the URL
    assert MissingEpisode.objects.filter(person=child).count() == 2
    first = MissingEpisode.objects.get(person=child, missing_from__day=1)
    assert first.missing_from == datetime(2026, 10, 1, 17, 0, tzinfo=UTC)  # BST in October
    assert (
        AccessEvent.objects.filter(
            action=AccessAction.CREATE, object_type="missing-episode"
        ).count()
        == 2
    )
    page = client.get(IMPORT_URL)
    text = page_text(page)
    assert "2 missing episodes imported" in text
    assert "Episodes imported" in text
    assert text.count("Kayleigh Brookes") == 2
    # The list is shown once: reloading the page does not show it again.
    assert "Episodes imported" not in page_text(client.get(IMPORT_URL))


def test_an_uploaded_file_is_imported(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    content = "\ufeff" + HEADER + "9434765919,2026-10-01 18:00,2026-10-01 20:00,,low,Home\n"
    upload = SimpleUploadedFile("missing.csv", content.encode(), content_type="text/csv")
    response = signed_in(hub_social_worker).post(IMPORT_URL, {"csv_file": upload})
    assert response.status_code == 302
    assert MissingEpisode.objects.filter(person=child).count() == 1


def test_a_list_with_several_bad_rows_lists_every_problem_and_saves_nothing(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    csv_text = (
        HEADER + "943 476 5919,2026-10-01 18:00,2026-10-01 20:00,2026-10-02 09:00,medium,Park\n"
        "943 476 5918,2026-10-03 18:00,2026-10-03 19:00,,low,Home\n"
        "943 476 5919,2026-10-05 18:00,2026-10-05 17:00,2026-10-05 16:00,urgent,Town\n"
        "943 476 5919,yesterday,2026-10-06 20:00,,high,Shop\n"
    )
    response = signed_in(hub_social_worker).post(IMPORT_URL, {"csv_text": csv_text})
    assert response.status_code == 200
    html = response.content.decode()
    text = page_text(response)
    assert "<title>Error: " in html
    assert "Nothing was saved." in text
    rows = _row_errors(html)
    problems = {(row, column) for row, column, _ in rows}
    assert problems >= {
        (3, "nhs_number"),
        (4, "reported_at"),
        (4, "found_at"),
        (4, "police_risk_grade"),
        (5, "missing_from"),
    }
    assert not any(row == 2 for row, _ in problems)
    assert "Choose the police risk grade" in text
    assert "Not a date and time: use the form 2026-03-27 14:30" in text
    assert f"{len(rows)} problems in the list; nothing was saved" in text
    assert "943 476 5918,2026-10-03 18:00" in html  # the pasted list is kept to correct
    assert not MissingEpisode.objects.exists()


def test_a_file_with_problems_is_put_in_the_box_to_correct(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    content = HEADER + "9434765919,2026-10-01 18:00,2026-10-01 17:00,,low,Home\n"
    upload = SimpleUploadedFile("missing.csv", content.encode(), content_type="text/csv")
    response = signed_in(hub_social_worker).post(IMPORT_URL, {"csv_file": upload})
    text = page_text(response)
    assert "The time reported must be the same as or after the time missing" in text
    assert "The file's contents are in the box below" in text
    assert "9434765919,2026-10-01 18:00,2026-10-01 17:00" in response.content.decode()
    assert not MissingEpisode.objects.exists()


def test_wrong_columns_are_named(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    response = signed_in(hub_social_worker).post(
        IMPORT_URL, {"csv_text": "name,date\nKayleigh,2026-10-01\n"}
    )
    html = response.content.decode()
    text = page_text(response)
    assert _row_errors(html) == [
        (1, column, "This column is missing")
        for column in ("nhs_number", "missing_from", "reported_at", "police_risk_grade")
    ]
    assert "Nothing was saved." in text
    unknown = signed_in(hub_social_worker).post(
        IMPORT_URL,
        {"csv_text": HEADER.strip() + ",colour\n9434765919,2026-10-01 18:00,,,low,Home,red\n"},
    )
    assert _row_errors(unknown.content.decode()) == [(1, "colour", "Unknown column")]
    assert not MissingEpisode.objects.exists()


def test_a_file_that_is_too_big_is_refused(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    big = (HEADER + "9434765919,2026-10-01 18:00,2026-10-01 20:00,,low,Home\n" * 20000).encode()
    assert len(big) > 1_000_000
    upload = SimpleUploadedFile("missing.csv", big, content_type="text/csv")
    response = signed_in(hub_social_worker).post(IMPORT_URL, {"csv_file": upload})
    assert_form_problem(response, "The selected file must be smaller than 1 MB", "csv_file")
    assert not MissingEpisode.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "missing.csv",
            (HEADER + "9434765919,2026-10-01 18:00,2026-10-01 20:00,,low,Caf\u00e9\n").encode(
                "utf-16"
            ),
            "The selected file must be saved as CSV UTF-8",
        ),
        (
            "missing.csv",
            (HEADER + "9434765919,2026-10-01 18:00,2026-10-01 20:00,,low,Caf\u00e9\n").encode(
                "latin-1"
            ),
            "The selected file must be saved as CSV UTF-8",
        ),
        ("missing.xlsx", b"PK\x03\x04 not a csv", "The selected file must be a CSV"),
        ("missing.csv", b"", "The selected file is empty"),
    ],
)
def test_a_file_that_cannot_be_read_gets_a_clear_error(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    name: str,
    content: bytes,
    message: str,
) -> None:
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    response = signed_in(hub_social_worker).post(IMPORT_URL, {"csv_file": upload})
    assert response.status_code == 200
    assert message in page_text(response)
    assert not MissingEpisode.objects.exists()


def test_a_row_too_long_for_csv_is_an_error_not_a_crash(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    csv_text = HEADER + "9434765919,2026-10-01 18:00,2026-10-01 20:00,,low," + "x" * 200_000
    response = signed_in(hub_social_worker).post(IMPORT_URL, {"csv_text": csv_text})
    assert response.status_code == 200
    assert "The list could not be read as CSV" in page_text(response)
    assert not MissingEpisode.objects.exists()


def test_nothing_given_or_both_given(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    client = signed_in(hub_social_worker)
    assert "Upload a CSV file or paste the list of episodes" in page_text(
        client.post(IMPORT_URL, {"csv_text": "  "})
    )
    upload = SimpleUploadedFile("missing.csv", HEADER.encode(), content_type="text/csv")
    response = client.post(IMPORT_URL, {"csv_file": upload, "csv_text": HEADER})
    assert "Upload a file or paste the list, not both" in page_text(response)
    assert not MissingEpisode.objects.exists()


def test_a_child_without_a_relationship_is_a_row_error(
    signed_in: Callable[[User], Client], make_persona: Callable[..., User], child: Person
) -> None:
    stranger = make_persona(Role.HUB_PRACTITIONER)
    response = signed_in(stranger).post(
        IMPORT_URL, {"csv_text": HEADER + "9434765919,2026-10-01 18:00,2026-10-01 20:00,,low,\n"}
    )
    assert "You do not have a working relationship with this child" in page_text(response)
    assert not MissingEpisode.objects.exists()


# --- Who may see it ------------------------------------------------------------------------
def test_roles_without_permission_get_404(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    child: Person,
) -> None:
    now = timezone.now()
    episode = record_episode(hub_social_worker, child, now - timedelta(days=1))
    for role in (Role.REFERRER, Role.ANALYST, Role.PRIVACY_OFFICER):
        client = signed_in(make_persona(role))
        for url in (
            _new_url(child),
            _detail_url(episode),
            reverse("cases:missing_list", kwargs={"person_id": child.pk}),
            IMPORT_URL,
        ):
            assert client.get(url).status_code == 404, (role, url)
        found = client.post(
            reverse("cases:missing_found", kwargs={"episode_id": episode.pk}),
            _found_data(now - timedelta(hours=1)),
        )
        assert found.status_code == 404
    episode.refresh_from_db()
    assert episode.found_at is None


def test_a_hub_worker_without_a_relationship_gets_404(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    child: Person,
) -> None:
    now = timezone.now()
    episode = record_episode(hub_social_worker, child, now - timedelta(days=1))
    stranger = make_persona(Role.HUB_MANAGER)  # another team
    client = signed_in(stranger)
    for url in (
        _new_url(child),
        _detail_url(episode),
        reverse("cases:missing_list", kwargs={"person_id": child.pk}),
    ):
        assert client.get(url).status_code == 404, url
    posted = client.post(
        _new_url(child),
        _episode_data(
            missing=now - timedelta(hours=5), reported=now - timedelta(hours=4), found=None
        ),
    )
    assert posted.status_code == 404
    found = client.post(
        reverse("cases:missing_found", kwargs={"episode_id": episode.pk}),
        _found_data(now - timedelta(hours=1)),
    )
    assert found.status_code == 404
    assert MissingEpisode.objects.count() == 1
    assert AccessEvent.objects.filter(
        user=stranger, action=AccessAction.DENIED, object_type="person", object_id=str(child.pk)
    ).exists()
    assert not AccessEvent.objects.filter(
        user=stranger, action=AccessAction.VIEW, object_type="missing-episode"
    ).exists()
