"""The low-risk guidance: the one screening page that needs nothing from cases."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from tests.html import text

pytestmark = pytest.mark.django_db


def test_the_low_risk_guidance_is_for_anyone_signed_in(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    response = signed_in(teacher).get(reverse("screening:low_risk_guidance"))
    assert response.status_code == 200
    shown = text(response)
    for heading in (
        "Build a trusted relationship",
        "Start a difficult conversation",
        "Share information and intelligence",
        "Offer support services",
        "Screen again",
    ):
        assert heading in shown
