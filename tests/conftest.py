"""Shared fixtures: one persona per role, as the people who use CE Hub, and the child most
tests are about. Defined here once; a test folder adds only what is its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from cehub.accounts.models import User
from cehub.core.roles import AgencyKind, Role
from cehub.people.models import Person, PersonCategory
from cehub.people.services import PersonDetails, person_create

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
def hub_manager(make_persona: Callable[..., User], hub_social_worker: User) -> User:
    # Same hub team as the social worker, so the team's relationships cover both.
    return make_persona(
        Role.HUB_MANAGER,
        full_name="Helen Marsh",
        team=hub_social_worker.team,
        agency=hub_social_worker.agency,
    )


@pytest.fixture
def intelligence_officer(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.INTELLIGENCE_OFFICER, full_name="Grace Adeyemi")


@pytest.fixture
def analyst(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.ANALYST, full_name="Daniel Price")


@pytest.fixture
def partnership_lead(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.PARTNERSHIP_LEAD, full_name="Margaret Hughes")


@pytest.fixture
def privacy_officer(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.PRIVACY_OFFICER, full_name="Aisha Begum")


@pytest.fixture
def system_administrator(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.SYSTEM_ADMINISTRATOR, full_name="Chris Evans")


@pytest.fixture
def child(hub_social_worker: User) -> Person:
    """Kayleigh, 15, known to the hub social worker's team (they created her record)."""
    return person_create(
        actor=hub_social_worker,
        details=PersonDetails(
            category=PersonCategory.CHILD,
            given_name="Kayleigh",
            family_name="Brookes",
            date_of_birth=date(2011, 5, 14),
            nhs_number="943 476 5919",
        ),
    )


@pytest.fixture
def signed_in(client: Client) -> Callable[[User], Client]:
    """A test client signed in as ``user`` (who has completed MFA)."""

    def sign_in(user: User) -> Client:
        client.force_login(user)
        return client

    return sign_in
