"""The people and contexts pages in the deny-by-default walk, run on their own.

tests/core/test_access_policy.py walks every URL in the project against the same tables; this
runs the walk for this issue's pages only, so a failure elsewhere cannot hide one here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from cehub.accounts.models import User
from cehub.core.roles import Role
from tests.contexts.access_expectations import EXPECTED as CONTEXTS_EXPECTED
from tests.core.test_access_policy import ROUTES, _concrete
from tests.people.access_expectations import EXPECTED as PEOPLE_EXPECTED

EXPECTED = {**PEOPLE_EXPECTED, **CONTEXTS_EXPECTED}
OUR_ROUTES = [(name, route) for name, route in ROUTES if name in EXPECTED]


def test_every_page_of_this_issue_is_routed() -> None:
    assert sorted(name for name, _ in OUR_ROUTES) == sorted(EXPECTED)


@pytest.mark.parametrize(("name", "route"), OUR_ROUTES)
def test_anonymous_users_are_sent_to_sign_in(client: Client, name: str, route: str) -> None:
    response = client.get(_concrete(route))
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")


@pytest.mark.parametrize("role", list(Role))
def test_each_role_reaches_only_its_pages(
    role: Role, make_persona: Callable[..., User], client: Client
) -> None:
    client.force_login(make_persona(role))
    wrong = []
    for name, route in OUR_ROUTES:
        status = client.get(_concrete(route)).status_code
        if role in EXPECTED[name]:
            # A random UUID names no record, so 404 is the right answer on record pages.
            ok = status in {200, 302} or ("<uuid" in route and status == 404)
        else:
            ok = status == 404
        if not ok:
            wrong.append(f"{name}: {status}")
    assert wrong == []
