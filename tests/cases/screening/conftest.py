"""Screening pages: a second manager, a worker posting the form, and a lowered screening.

``hub_manager`` and ``child`` are the shared ones (tests/conftest.py); ``second_manager`` is
kept here because some rules need a manager other than the one who lowered the level.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from cehub.accounts.models import User
from cehub.core.roles import Role
from cehub.people.models import Person
from cehub.screening.models import Screening
from tests.screening.partnership_tool import traffic_lights  # noqa: F401

from .screening_form import form_data, medium, screen_url

type Post = Callable[..., Any]


@pytest.fixture
def second_manager(make_persona: Callable[..., User], hub_manager: User) -> User:
    colleague = {"team": hub_manager.team, "agency": hub_manager.agency}
    return make_persona(Role.HUB_MANAGER, full_name="Tom Reyes", **colleague)


@pytest.fixture
def worker(signed_in: Callable[[User], Client], hub_social_worker: User) -> Client:
    """The hub social worker, signed in."""
    return signed_in(hub_social_worker)


@pytest.fixture
def screen(worker: Client, child: Person) -> Post:
    """Post the screening form for the child as the worker: ``screen(ticked=..., ...)``, or
    ``screen(data)`` with data already built."""

    def post(data: dict[str, Any] | None = None, **fields: Any) -> Any:
        return worker.post(screen_url(child), data if data is not None else form_data(**fields))

    return post


def lower(post: Post) -> Screening:
    """A screening computed medium that its assessor judged low."""
    response = post(
        ticked=medium(),
        final_level="low",
        rationale="A single episode; the family acted at once and she is back at school",
        advice="Safety advice to her parents",
    )
    assert response.status_code == 302
    return Screening.objects.get()


@pytest.fixture
def lowered(screen: Post) -> Screening:
    """Lowered by the hub social worker: it waits for a manager."""
    return lower(screen)


@pytest.fixture
def lower_as(signed_in: Callable[[User], Client], child: Person) -> Callable[[User], Screening]:
    """Lowered by someone else (a manager, who may not then agree it)."""

    def as_user(user: User) -> Screening:
        client = signed_in(user)
        return lower(lambda **fields: client.post(screen_url(child), form_data(**fields)))

    return as_user
