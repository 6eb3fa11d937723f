"""Shared fixtures: one persona per role, as the people who use CE Hub."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from cehub.accounts.models import User
from cehub.core.roles import AgencyKind, Role

from .browser import browser, page  # noqa: F401  (one Playwright session for every folder)
from .factories import AgencyFactory, TeamFactory, UserFactory

PERSONA_AGENCIES = {
    Role.REFERRER: ("Riverside Academy", AgencyKind.EDUCATION),
    Role.HUB_PRACTITIONER: ("Northvale Children's Services", AgencyKind.CHILDRENS_SOCIAL_CARE),
    Role.HUB_MANAGER: ("Northvale Children's Services", AgencyKind.CHILDRENS_SOCIAL_CARE),
    Role.INTELLIGENCE_OFFICER: ("Northvale Police", AgencyKind.POLICE),
    Role.ANALYST: ("Northvale Police", AgencyKind.POLICE),
    Role.PARTNERSHIP_LEAD: ("Northvale Safeguarding Partnership", AgencyKind.OTHER),
    Role.PRIVACY_OFFICER: ("Northvale Integrated Care Board", AgencyKind.HEALTH),
    Role.SYSTEM_ADMINISTRATOR: ("Northvale Safeguarding Partnership", AgencyKind.OTHER),
}


@pytest.fixture
def make_persona(db: None) -> Callable[..., User]:
    """A user in the given role, in a realistic agency, with TOTP set up."""

    def make(role: Role, **overrides: object) -> User:
        agency_name, kind = PERSONA_AGENCIES[role]
        agency = AgencyFactory(name=agency_name, kind=kind)
        defaults: dict[str, object] = {
            "role": role,
            "agency": agency,
            "email": f"{role.value}.{User.objects.count()}@northvale.example",
        }
        if role not in {Role.SYSTEM_ADMINISTRATOR, Role.REFERRER}:
            defaults["team"] = TeamFactory(agency=agency)
        defaults.update(overrides)
        return UserFactory(**defaults)

    return make


@pytest.fixture
def teacher(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.REFERRER, full_name="Priya Shah")


@pytest.fixture
def hub_social_worker(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.HUB_PRACTITIONER, full_name="Sam Okafor")


@pytest.fixture
def privacy_officer(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.PRIVACY_OFFICER, full_name="Aisha Begum")


@pytest.fixture
def system_administrator(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.SYSTEM_ADMINISTRATOR, full_name="Chris Evans")


@pytest.fixture
def signed_in(client: Client) -> Callable[[User], Client]:
    """A test client signed in as ``user`` (who has completed MFA)."""

    def sign_in(user: User) -> Client:
        client.force_login(user)
        return client

    return sign_in
