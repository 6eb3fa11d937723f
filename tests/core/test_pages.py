"""Health check, public statements and error pages: GOV.UK styled, no traces, no data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database(client: Client) -> None:
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_says_when_the_database_is_unavailable(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*args: object, **kwargs: object) -> None:
        raise DatabaseError("connection refused")

    monkeypatch.setattr("cehub.core.views.connection.cursor", unavailable)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.parametrize("name", ["accessibility", "privacy", "account_login"])
def test_public_pages_have_the_govuk_layout(client: Client, name: str) -> None:
    html = client.get(reverse(name)).content.decode()
    assert 'class="govuk-skip-link"' in html
    assert "govuk-phase-banner" in html
    assert "govuk-service-navigation" in html
    assert "Accessibility statement" in html and "Privacy notice" in html
    assert 'lang="en-GB"' in html


def test_demo_banner_shows_only_in_demo_mode(client: Client, settings: object) -> None:
    assert "Demo — synthetic data only" not in client.get(reverse("account_login")).content.decode()
    settings.DEMO_MODE = True  # type: ignore[attr-defined]
    assert "Demo — synthetic data only" in client.get(reverse("account_login")).content.decode()


def test_not_found_is_a_govuk_page(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "govuk-heading-l" in html


def test_server_error_is_a_govuk_page_without_a_trace(
    signed_in: Callable[[User], Client], hub_social_worker: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = signed_in(hub_social_worker)
    client.raise_request_exception = False

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internal detail about Jane Doe")

    monkeypatch.setattr("cehub.core.views.render", explode)
    response = client.get(reverse("home"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "Jane Doe" not in html and "Traceback" not in html
    assert "govuk-template" in html


def test_csrf_failure_is_a_govuk_page_and_saves_nothing(hub_social_worker: User) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("account_login"), {"login": hub_social_worker.email, "password": "whatever-123"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your form could not be sent" in html
    assert "Nothing was saved" in html
    assert "govuk-template" in html


def test_expired_session_returns_to_sign_in_with_an_explanation(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    import time_machine
    from django.utils import timezone

    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = signed_in(hub_social_worker)
        client.get(reverse("home"))
        clock.shift(60 * 20)
        response = client.get(reverse("home"), follow=True)
    html = response.content.decode()
    assert "Sign in to CE Hub" in html
    assert "govuk-notification-banner" in html
