"""What every cases test meets besides the shared personas and ``child`` (tests/conftest.py):
an adult the hub is concerned about, and the child's case (screened at medium and allocated to
the practitioner)."""

from __future__ import annotations

import pytest

from cehub.accounts.models import User
from cehub.cases.models import Case
from cehub.people.models import Person, PersonCategory
from tests.cases.records import new_person, open_case


@pytest.fixture
def adult(hub_social_worker: User) -> Person:
    """An adult the hub is concerned about (a target for disruption, never a missing child)."""
    return new_person(hub_social_worker, "Darren", "Cole", category=PersonCategory.ADULT)


@pytest.fixture
def case(hub_social_worker: User, hub_manager: User, child: Person) -> Case:
    return open_case(hub_social_worker, hub_manager, child)
