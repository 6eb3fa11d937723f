"""People as the tests meet them, made through ``person_create`` as the pages make them.

Kayleigh Brookes is the child most tests are about, Dean Harker the adult; a test names
only the details it is about.
"""

from __future__ import annotations

from typing import Any

from cehub.accounts.models import User
from cehub.people.models import Person, PersonCategory
from cehub.people.services import PersonDetails, person_create


def _person(
    category: PersonCategory, actor: User | None, given: str, family: str, details: Any
) -> Person:
    return person_create(
        actor=actor,
        details=PersonDetails(category=category, given_name=given, family_name=family, **details),
    )


def a_child(
    actor: User | None, given_name: str = "Kayleigh", family_name: str = "Brookes", **details: Any
) -> Person:
    return _person(PersonCategory.CHILD, actor, given_name, family_name, details)


def an_adult(
    actor: User | None, given_name: str = "Dean", family_name: str = "Harker", **details: Any
) -> Person:
    return _person(PersonCategory.ADULT, actor, given_name, family_name, details)
