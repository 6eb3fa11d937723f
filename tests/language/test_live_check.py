"""The live check under free-text fields: findings as the author types (htmx endpoint)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User

pytestmark = pytest.mark.django_db


def test_findings_come_back_with_explanations_and_alternatives(
    teacher: User, signed_in: Callable[[User], Client]
) -> None:
    response = signed_in(teacher).post(
        reverse("language:check"),
        {"what_happened": "She has been putting herself at risk with an older boyfriend."},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 suggestions" in html
    assert "putting herself at risk" in html
    assert "older boyfriend" in html
    assert "Instead, you could write" in html


def test_quoted_words_and_good_wording_give_nothing(
    teacher: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(teacher)
    quoted = client.post(reverse("language:check"), {"x": 'She said "he is my boyfriend".'})
    assert "suggestion" not in quoted.content.decode()
    fine = client.post(reverse("language:check"), {"x": "An adult is exploiting the child."})
    assert fine.content.decode().strip() == ""


def test_the_check_needs_a_signed_in_user(client: Client) -> None:
    response = client.post(reverse("language:check"), {"x": "putting herself at risk"})
    assert response.status_code == 302


def test_concern_form_fields_ask_for_the_live_check(
    teacher: User, signed_in: Callable[[User], Client]
) -> None:
    html = signed_in(teacher).get(reverse("intake:concern_start")).content.decode()
    assert f'hx-post="{reverse("language:check")}"' in html
    assert 'id="id_what_happened-language"' in html
    assert 'aria-live="polite"' in html
