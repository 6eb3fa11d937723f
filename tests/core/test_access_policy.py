"""Deny by default (SECURITY.md §5): every URL pattern × anonymous and every role.

The table below is the oracle, written by hand: a page is only reachable by the roles listed
for it. A URL pattern missing from the table fails the test, so nobody can add a page without
deciding who may see it. Anything else — allauth's sign-up, e-mail and social pages — must
answer 404 to everyone.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cehub.accounts.models import User
from cehub.core.roles import Role
from tests.access_roles import ALL_ROLES, PUBLIC

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


def _concrete(route: str) -> str:
    """Fill converters with plausible values: access is decided before the record is looked up."""
    import re

    replacements = {"uuid": str(uuid.uuid4()), "int": "1", "slug": "x", "str": "x", "path": "x"}

    def fill(match: re.Match[str]) -> str:
        converter = match.group(1) or "str"
        return replacements.get(converter, "x")

    route = re.sub(r"<(?:(\w+):)?\w+>", fill, route)
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


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_every_role_reaches_only_its_pages(
    role: Role, make_persona: Callable[..., User], client: Client
) -> None:
    user = make_persona(role)
    client.force_login(user)
    wrong: list[str] = []
    for name, route in ROUTES:
        expected = EXPECTED.get(name)
        if expected == PUBLIC:
            continue
        response = client.get(_concrete(route))
        allowed = expected is not None and role in expected  # type: ignore[operator]
        # A page for a record that does not exist answers 404 too; that is not a leak.
        missing_record = "<uuid" in route and response.status_code == 404
        if allowed and not _allowed_statuses(response.status_code) and not missing_record:
            wrong.append(f"{name}: expected access, got {response.status_code}")
        if not allowed and response.status_code != 404:
            wrong.append(f"{name}: expected 404, got {response.status_code}")
    assert wrong == []


@pytest.mark.django_db
def test_password_only_session_is_sent_to_mfa_setup_from_every_protected_page(
    make_persona: Callable[..., User], client: Client
) -> None:
    """SECURITY.md §1: a user without a second factor can do nothing but set one up."""
    user = make_persona(Role.PRIVACY_OFFICER, totp_secret=False)
    client.force_login(user)
    for name, route in ROUTES:
        expected = EXPECTED.get(name)
        if expected in (PUBLIC, None) or name.startswith(("mfa_", "account_")):
            continue
        response = client.get(_concrete(route))
        # Before the role is even considered: nothing but MFA setup is reachable.
        assert response.status_code == 302, name
        assert response["Location"] == reverse("mfa_activate_totp"), name
