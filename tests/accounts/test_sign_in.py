"""Signing in with a second factor, and what bad input gets (SECURITY.md §1–4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta

import pyotp
import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from cehub.accounts.models import User
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from tests.factories import TEST_PASSWORD
from tests.html import error_summary

pytestmark = pytest.mark.django_db


def _password_step(client: Client, email: str, password: str = TEST_PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _code(user: User, offset_seconds: int = 0) -> str:
    totp = pyotp.TOTP(user.test_totp_secret)  # type: ignore[attr-defined]
    return totp.at(timezone.now() + timedelta(seconds=offset_seconds))


def test_sign_in_with_password_and_totp_reaches_home(
    client: Client, hub_social_worker: User
) -> None:
    response = _password_step(client, hub_social_worker.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    # Not signed in until the second factor is given.
    assert client.get(reverse("home")).status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": _code(hub_social_worker)})
    assert response.status_code == 302
    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert b"Hello, Sam" in home.content
    assert AccessEvent.objects.filter(action=AccessAction.LOGIN, user=hub_social_worker).exists()


def test_session_key_rotates_at_sign_in(client: Client, hub_social_worker: User) -> None:
    client.get(reverse("account_login"))
    _password_step(client, hub_social_worker.email)
    before = client.session.session_key
    client.post(reverse("mfa_authenticate"), {"code": _code(hub_social_worker)})
    assert client.session.session_key != before


def test_wrong_password_shows_a_govuk_error_summary_and_keeps_the_email(
    client: Client, hub_social_worker: User
) -> None:
    response = _password_step(client, hub_social_worker.email, "not the password")
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "There is a problem" in html
    assert "<title>Error: " in html
    assert f'value="{hub_social_worker.email}"' in html
    assert "Traceback" not in html


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(
    client: Client, hub_social_worker: User
) -> None:
    def errors(email: str) -> list[str]:
        return error_summary(_password_step(Client(), email, "not the password"))

    assert errors(hub_social_worker.email) == errors("nobody@northvale.example") != []


def test_wrong_totp_code_is_refused_with_a_clear_error(
    client: Client, hub_social_worker: User
) -> None:
    _password_step(client, hub_social_worker.email)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Incorrect code" in html
    assert client.get(reverse("home")).status_code == 302
    assert AccessEvent.objects.filter(
        action=AccessAction.LOGIN_FAILED, details__kind="mfa"
    ).exists()


def test_a_totp_code_cannot_be_used_twice(client: Client, hub_social_worker: User) -> None:
    code = _code(hub_social_worker)
    _password_step(client, hub_social_worker.email)
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("account_logout"))

    _password_step(client, hub_social_worker.email)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_sign_in_is_throttled_after_ten_failures_then_allowed_again(
    client: Client, hub_social_worker: User
) -> None:
    """10 failures in 15 minutes: the 11th attempt is refused even with the right password,
    and it works again once the window has passed (never a permanent lockout)."""
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(10):
            _password_step(client, hub_social_worker.email, "not the password")
        refused = _password_step(client, hub_social_worker.email)
        assert refused.status_code in {200, 429}
        assert "Too many failed" in refused.content.decode()
        assert "govuk-" in refused.content.decode()

        clock.shift(timedelta(minutes=16))
        allowed = _password_step(client, hub_social_worker.email)
        assert allowed.status_code == 302
        assert allowed["Location"] == reverse("mfa_authenticate")


def test_sign_out_ends_the_session_and_is_logged(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    client = signed_in(hub_social_worker)
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("home")).status_code == 302
    assert AccessEvent.objects.filter(action=AccessAction.LOGOUT, user=hub_social_worker).exists()


def test_session_expires_after_fifteen_idle_minutes(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = signed_in(hub_social_worker)
        assert client.get(reverse("home")).status_code == 200
        clock.shift(timedelta(minutes=14))
        assert client.get(reverse("home")).status_code == 200  # activity resets the idle clock
        clock.shift(timedelta(minutes=14))
        assert client.get(reverse("home")).status_code == 200
        clock.shift(timedelta(minutes=15, seconds=1))
        response = client.get(reverse("home"))
        assert response.status_code == 302
        assert response["Location"] == reverse("account_login")
        login_page = client.get(response["Location"]).content.decode()
        assert "You were signed out because you had not done anything for 15 minutes" in login_page
        assert client.get(reverse("home")).status_code == 302
    assert AccessEvent.objects.filter(
        action=AccessAction.SESSION_EXPIRED, user=hub_social_worker, details__kind="idle"
    ).exists()


def test_session_ends_after_twelve_hours_however_active(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = signed_in(hub_social_worker)
        for _ in range(12 * 6):  # a request every 10 minutes for 12 hours
            assert client.get(reverse("home")).status_code == 200
            clock.shift(timedelta(minutes=10))
        clock.shift(timedelta(minutes=1))  # now 12 hours and 1 minute after signing in
        response = client.get(reverse("home"))
        assert response.status_code == 302
        assert AccessEvent.objects.filter(
            action=AccessAction.SESSION_EXPIRED, details__kind="absolute"
        ).exists()


def test_disabling_an_account_ends_its_sessions(
    make_persona: Callable[..., User], hub_social_worker: User
) -> None:
    from cehub.accounts.services import AccessChange, user_change_access

    worker_client = Client()
    worker_client.force_login(hub_social_worker)
    assert worker_client.get(reverse("home")).status_code == 200

    admin = make_persona(Role.SYSTEM_ADMINISTRATOR)
    user_change_access(
        actor=admin,
        user=hub_social_worker,
        change=AccessChange(
            role=Role(hub_social_worker.role),
            agency=hub_social_worker.agency,  # type: ignore[arg-type]
            team=hub_social_worker.team,
            is_active=False,
        ),
    )
    assert worker_client.get(reverse("home")).status_code == 302
    assert AccessEvent.objects.filter(action=AccessAction.USER_DISABLED).count() == 1
    assert AccessEvent.objects.filter(action=AccessAction.PERMISSION_CHANGE).count() == 1


def _hashers_outside_tests() -> list[str]:
    """PASSWORD_HASHERS as config/settings.py sets it for development and production.

    Read from the project's own settings module in a fresh interpreter: the test environment
    puts a fast hasher first, so this process's settings cannot tell.
    """
    script = "import json, config.settings as s; print(json.dumps(s.PASSWORD_HASHERS))"
    environment = {**os.environ, "CEHUB_ENVIRONMENT": "development"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        cwd=settings.BASE_DIR,
    )
    return list(json.loads(result.stdout))


def test_passwords_are_hashed_with_argon2id() -> None:
    production_hashers = _hashers_outside_tests()
    with override_settings(PASSWORD_HASHERS=production_hashers):
        user = User.objects.create_user("argon@northvale.example", "a long enough passphrase")
    assert user.password.startswith("argon2$argon2id$")


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short-pass1", "at least 12 characters"),
        ("password1234", "too common"),
        ("x" * 129, "128 characters or fewer"),
        ("123456789012345", "entirely numeric"),
    ],
)
def test_password_rules(password: str, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        validate_password(password)


def test_long_passphrases_without_composition_rules_are_fine() -> None:
    validate_password("a quiet walk by the canal at dusk")
    validate_password("y" * 64 + " and more words to reach far beyond sixty-four")
