"""Browser test helpers, re-exported for the modules here (fixtures live in tests/conftest.py),
and signing the shared personas in and out through the real pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page

from cehub.accounts.models import Team, User
from cehub.people.models import Person
from tests.browser import CHROMIUM, CHROMIUM_ARGS, assert_accessible, axe_violations, sign_in

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "HubTeam",
    "SignInAs",
    "assert_accessible",
    "axe_violations",
    "sign_in_as",
    "sign_out",
]


type SignInAs = Callable[[Page, User], str]


@dataclass(frozen=True)
class HubTeam:
    """The hub social worker and their manager, one team, and Kayleigh, known to it."""

    worker: User
    manager: User
    child: Person

    @property
    def team(self) -> Team:
        assert self.worker.team is not None
        return self.worker.team


@pytest.fixture
def hub_team(hub_social_worker: User, hub_manager: User, child: Person) -> HubTeam:
    return HubTeam(worker=hub_social_worker, manager=hub_manager, child=child)


@pytest.fixture
def sign_in_as(live_server: object) -> SignInAs:
    """Sign ``user`` (made by UserFactory, so with TOTP set up) in on ``page`` through the real
    pages, password then authenticator code, and answer the live server's address."""

    def sign_in_user(page: Page, user: User) -> str:
        base = str(live_server)
        sign_in(page, base, user.email, user.test_totp_secret)  # type: ignore[attr-defined]
        return base

    return sign_in_user


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
