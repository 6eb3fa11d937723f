"""Keeping flagged wording is allowed and recorded — counts only — and managers see a report."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.core.roles import Role
from cehub.language.models import KeptWording
from tests.language.concerns import told

pytestmark = pytest.mark.django_db

FLAGGED = "She has been putting herself at risk with an older boyfriend."


def test_submitting_flagged_wording_is_allowed_and_recorded_without_the_text(teacher: User) -> None:
    concern = told(teacher, FLAGGED)
    assert concern.what_happened == FLAGGED  # no hard block: the author's words are kept
    kept = list(KeptWording.objects.all())
    assert len(kept) == 2
    assert {row.field for row in kept} == {"concern.what_happened"}
    assert all(row.user_id == teacher.pk for row in kept)
    stored = " ".join(f"{row.field} {row.rule_id} {row.category}" for row in kept)
    assert "boyfriend is" not in stored and "She has been" not in stored


def test_good_wording_records_nothing(teacher: User) -> None:
    told(teacher, "An adult is sexually exploiting Jade; he gives her lifts and vapes.")
    assert not KeptWording.objects.exists()


def test_managers_see_counts_by_team_and_month_and_others_do_not(
    teacher: User, make_persona: Callable[..., User], signed_in: Callable[[User], Client]
) -> None:
    told(teacher, FLAGGED)
    manager = make_persona(Role.HUB_MANAGER)
    response = signed_in(manager).get(reverse("language:report"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "No team" in html  # the teacher has no hub team
    assert FLAGGED not in html
    practitioner = make_persona(Role.HUB_PRACTITIONER)
    assert Client().get(reverse("language:report")).status_code == 302
    client = Client()
    client.force_login(practitioner)
    assert client.get(reverse("language:report")).status_code == 404
