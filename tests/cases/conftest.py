"""The people every cases test meets: a child known to the hub practitioner's team, the
team's manager, and the child's case (screened at medium and allocated to the practitioner)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from cehub.accounts.models import User
from cehub.cases.models import Case
from cehub.core.roles import Role
from cehub.people.models import Person, PersonCategory
from tests.cases.records import new_person, open_case


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
def child(hub_social_worker: User) -> Person:
    return new_person(
        hub_social_worker, "Kayleigh", "Brookes", date(2011, 5, 14), nhs_number="943 476 5919"
    )


@pytest.fixture
def adult(hub_social_worker: User) -> Person:
    """An adult the hub is concerned about (a target for disruption, never a missing child)."""
    return new_person(hub_social_worker, "Darren", "Cole", category=PersonCategory.ADULT)


@pytest.fixture
def case(hub_social_worker: User, hub_manager: User, child: Person) -> Case:
    return open_case(hub_social_worker, hub_manager, child)
