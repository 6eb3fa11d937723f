"""Kept for the folders that still import it (meetings, e2e): the people come from
``tests/factories.py`` now. ``a_child``/``an_adult`` keep their old defaults (no date of birth)."""

from __future__ import annotations

from typing import Any

from cehub.accounts.models import User
from cehub.people.models import Person
from tests.factories import create_adult, create_child


def a_child(
    actor: User | None, given_name: str = "Kayleigh", family_name: str = "Brookes", **details: Any
) -> Person:
    details.setdefault("date_of_birth", None)
    return create_child(actor=actor, given_name=given_name, family_name=family_name, **details)


def an_adult(
    actor: User | None, given_name: str = "Dean", family_name: str = "Harker", **details: Any
) -> Person:
    return create_adult(actor=actor, given_name=given_name, family_name=family_name, **details)
