"""Deny by default (SECURITY.md §5): every URL pattern × anonymous and every role.

The table below is the oracle, written by hand: a page is only reachable by the roles listed
for it. A URL pattern missing from the table fails the test, so nobody can add a page without
deciding who may see it. Anything else — allauth's sign-up, e-mail and social pages — must
answer 404 to everyone.

Every <uuid:…> in a route is filled with a real record of the right kind, which the user
under test can reach as their role normally would (tests/core/access_records.py). So a 404
to a role the table allows is a failure, and a page opened to a role it does not allow is
caught: a record page cannot pass by answering 404 for a record that does not exist.
"""

from __future__ import annotations

import importlib
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cehub.accounts.models import User
from cehub.core.roles import Role
from tests.access_roles import ALL_ROLES, PUBLIC
from tests.core.access_records import RecordIds, records_for

# url name -> PUBLIC, or the roles that may open it.
EXPECTED: dict[str, str | frozenset[Role]] = {
    "home": ALL_ROLES,
    "language:check": ALL_ROLES,
    "language:report": frozenset({Role.HUB_MANAGER, Role.PARTNERSHIP_LEAD}),
    "healthz": PUBLIC,
    "accessibility": PUBLIC,
    "privacy": PUBLIC,
    "accounts:user_list": frozenset({Role.SYSTEM_ADMINISTRATOR}),
    "accounts:user_create": frozenset({Role.SYSTEM_ADMINISTRATOR}),
    "accounts:user_edit": frozenset({Role.SYSTEM_ADMINISTRATOR}),
    # Signing in and out, and managing one's own second factors.
    "account_login": PUBLIC,
    "account_logout": PUBLIC,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "mfa_authenticate": PUBLIC,
    "account_change_password": ALL_ROLES,
    "account_reauthenticate": ALL_ROLES,
    "mfa_reauthenticate": ALL_ROLES,
    "mfa_index": ALL_ROLES,
    "mfa_activate_totp": ALL_ROLES,
    "mfa_deactivate_totp": ALL_ROLES,
    "mfa_view_recovery_codes": ALL_ROLES,
    "mfa_generate_recovery_codes": ALL_ROLES,
    "mfa_download_recovery_codes": ALL_ROLES,
    "mfa_add_webauthn": ALL_ROLES,
    "mfa_list_webauthn": ALL_ROLES,
    "mfa_edit_webauthn": ALL_ROLES,
    "mfa_remove_webauthn": ALL_ROLES,
    "mfa_reauthenticate_webauthn": ALL_ROLES,
}

# Each app's tests add their own pages: tests/<app>/access_expectations*.py define EXPECTED.
# (tests/<app>/<subdomain>/access_expectations*.py too).
_TESTS = Path(__file__).resolve().parents[1]
for _module_path in sorted(_TESTS.glob("**/access_expectations*.py")):
    _dotted = ".".join(_module_path.relative_to(_TESTS).with_suffix("").parts)
    EXPECTED.update(importlib.import_module(f"tests.{_dotted}").EXPECTED)

# Third-party pages that must not exist for anyone in CE Hub.
DENIED_TO_ALL = {
    "account_signup",
    "account_email",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_inactive",
    "account_set_password",
    "account_request_login_code",
    "account_confirm_login_code",
}


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        else:
            name = entry.name or entry.lookup_str
            full_name = f"{namespace}:{name}" if namespace and entry.name else name
            yield full_name, prefix + str(entry.pattern)


def _concrete(route: str, name: str = "", records: RecordIds | None = None) -> str:
    """A path for the route: <uuid:…> from ``records`` (real records) when given, otherwise a
    random UUID (for requests the policy refuses before any record is looked up)."""

    def fill(match: re.Match[str]) -> str:
        converter, parameter = match.group(1) or "str", match.group(2)
        if converter == "uuid":
            return str(records.for_route(name, parameter) if records else uuid.uuid4())
        return {"int": "1"}.get(converter, "x")

    route = re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)
    # Regex routes (allauth's password-reset key) get a plausible key.
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "x-x", route)
    return "/" + route.lstrip("/")


ROUTES = sorted(set(_walk(get_resolver().url_patterns)))


def test_every_url_pattern_has_an_expectation() -> None:
    unknown = [name for name, _ in ROUTES if name not in EXPECTED and name not in DENIED_TO_ALL]
    # allauth may add pages in a new version: they are denied by default, so they are fine
    # as long as the walk below proves they answer 404. Our own pages must be in the table.
    ours = [name for name in unknown if ":" in name or not name.startswith(("account", "mfa"))]
    assert ours == [], f"Decide who may open these pages and add them to EXPECTED: {ours}"


def _allowed_statuses(response_status: int) -> bool:
    return response_status in {200, 302, 303, 405}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), ROUTES)
def test_anonymous_users(client: Client, name: str, route: str) -> None:
    # Anonymous users are answered by the policy before any record is read (sent to sign in,
    # or 404), so placeholder ids serve here and the records are built for the roles only.
    response = client.get(_concrete(route))
    expected = EXPECTED.get(name)
    if expected == PUBLIC:
        assert response.status_code != 404 or "<uuid" in route or "key" in route
        assert "/account/login/?next=" not in response.get("Location", "")
    elif expected is None:
        assert response.status_code == 404, f"{name} should not exist for anyone"
    else:
        assert response.status_code == 302, f"{name} answered {response.status_code} to anonymous"
        assert response["Location"].startswith("/account/login/?next=")


def _post_undone(client: Client, path: str) -> int:
    """POST an empty form and undo whatever it wrote, so every page sees the records as built."""
    with transaction.atomic():
        status = client.post(path, {}).status_code
        transaction.set_rollback(True)
    return status


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_every_role_reaches_only_its_pages(
    role: Role, make_persona: Callable[..., User], client: Client
) -> None:
    user = make_persona(role)
    records = records_for(user, make_persona)
    client.force_login(user)
    wrong: list[str] = []
    for name, route in ROUTES:
        expected = EXPECTED.get(name)
        if expected == PUBLIC:
            continue
        path = _concrete(route, name, records)
        method, status = "GET", client.get(path).status_code
        allowed = expected is not None and role in expected  # type: ignore[operator]
        if allowed and status == 405:
            # A form's target answers GET with 405 before it looks at the record: post to it,
            # so the record-level check behind the form is walked too.
            method, status = "POST", _post_undone(client, path)
        # The records are real and within the role's reach: a 404 is a refusal, not a miss.
        # (A page closed to an allowed role by the record's state needs a record in the
        # right state in access_records.py, not an excuse here.)
        if allowed and not _allowed_statuses(status):
            wrong.append(f"{name} ({method} {path}): expected access, got {status}")
        if not allowed and status != 404:
            wrong.append(f"{name} ({method} {path}): expected 404, got {status}")
    assert wrong == []


@pytest.mark.django_db
def test_password_only_session_is_sent_to_mfa_setup_from_every_protected_page(
    make_persona: Callable[..., User], client: Client
) -> None:
    """SECURITY.md §1: a user without a second factor can do nothing but set one up."""
    user = make_persona(Role.PRIVACY_OFFICER, totp_secret=False)
    records = records_for(user, make_persona)
    client.force_login(user)
    for name, route in ROUTES:
        expected = EXPECTED.get(name)
        if expected in (PUBLIC, None) or name.startswith(("mfa_", "account_")):
            continue
        response = client.get(_concrete(route, name, records))
        # Before the role is even considered: nothing but MFA setup is reachable.
        assert response.status_code == 302, name
        assert response["Location"] == reverse("mfa_activate_totp"), name
