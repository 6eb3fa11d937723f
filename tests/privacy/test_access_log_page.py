"""The privacy officer's access log: who saw what, filtered by user or record (SECURITY.md §11)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.core.audit import audit_record
from cehub.core.models import AccessAction, AccessEvent

pytestmark = pytest.mark.django_db


def test_filter_by_user_shows_only_their_events(
    signed_in: Callable[[User], Client],
    privacy_officer: User,
    hub_social_worker: User,
    teacher: User,
) -> None:
    child_record = uuid.uuid4()
    audit_record(
        action=AccessAction.VIEW,
        user=hub_social_worker,
        object_type="person",
        object_id=child_record,
    )
    audit_record(action=AccessAction.SEARCH, user=teacher)
    client = signed_in(privacy_officer)

    page = client.get(reverse("privacy:access_log"), {"user": hub_social_worker.pk})
    events = list(page.context["page"])
    assert [e.user_id for e in events] == [hub_social_worker.pk]
    assert str(child_record) in page.content.decode()

    by_record = client.get(
        reverse("privacy:access_log"), {"object_type": "person", "object_id": str(child_record)}
    )
    assert [e.object_id for e in by_record.context["page"]] == [str(child_record)]


def test_viewing_the_access_log_is_itself_logged(
    signed_in: Callable[[User], Client], privacy_officer: User
) -> None:
    signed_in(privacy_officer).get(reverse("privacy:access_log"), {"action": "login"})
    event = AccessEvent.objects.filter(object_type="access-log").get()
    assert event.user_id == privacy_officer.pk
    assert event.details["filters"] == ["action"]


def test_bad_filters_get_specific_errors(
    signed_in: Callable[[User], Client], privacy_officer: User
) -> None:
    response = signed_in(privacy_officer).get(
        reverse("privacy:access_log"),
        {
            "object_id": "not-a-uuid",
            "date_from_day": "31",
            "date_from_month": "2",
            "date_from_year": "2026",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Enter the record ID in full" in html
    assert "must be a real date" in html
    assert 'value="31"' in html


@pytest.mark.django_db(transaction=True)  # the worker commits and closes connections
def test_privacy_officer_checks_the_log_in_the_background(
    signed_in: Callable[[User], Client], privacy_officer: User
) -> None:
    from django.core.management import call_command

    client = signed_in(privacy_officer)
    response = client.post(reverse("privacy:access_log_check"))
    assert response.status_code == 302
    assert "In progress" in client.get(reverse("privacy:access_log")).content.decode()

    # The real worker, run once over the queue.
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    html = client.get(reverse("privacy:access_log")).content.decode()
    assert "Intact" in html
    assert AccessEvent.objects.filter(action=AccessAction.INTEGRITY_CHECK).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_background_check_reports_tampering(
    signed_in: Callable[[User], Client], privacy_officer: User
) -> None:
    from django.core.management import call_command
    from django.db import connection

    events = [audit_record(action=AccessAction.VIEW, object_type="test") for _ in range(3)]
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE core_accessevent DISABLE TRIGGER access_event_append_only")
        cursor.execute("UPDATE core_accessevent SET reason = 'x' WHERE id = %s", [events[1].pk])
        cursor.execute("ALTER TABLE core_accessevent ENABLE TRIGGER access_event_append_only")
    client = signed_in(privacy_officer)
    client.post(reverse("privacy:access_log_check"))
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    html = client.get(reverse("privacy:access_log")).content.decode()
    assert f"tampered with at event {events[1].pk}" in html


def test_the_check_cannot_be_started_by_other_roles(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    response = signed_in(hub_social_worker).post(reverse("privacy:access_log_check"))
    assert response.status_code == 404
    assert not AccessEvent.objects.filter(action=AccessAction.INTEGRITY_CHECK).exists()
