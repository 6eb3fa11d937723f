"""Service navigation: every item resolves, and each role sees only what it may open."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.core.context_processors import NAVIGATION
from cehub.core.roles import Role


@pytest.mark.parametrize("item", NAVIGATION, ids=[item.url_name for item in NAVIGATION])
def test_every_navigation_item_resolves(item: object) -> None:
    assert reverse(item.url_name)  # type: ignore[attr-defined]


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_navigation_only_offers_pages_the_role_can_open(
    role: Role, make_persona: Callable[..., User], client: Client
) -> None:
    client.force_login(make_persona(role))
    home = client.get(reverse("home"))
    for item in home.context["service_navigation"]:
        response = client.get(item["href"])
        assert response.status_code == 200, (
            f"{role}: {item['label']} answered {response.status_code}"
        )
