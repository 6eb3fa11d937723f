"""The person page shows the child's current level, case, trend and missing-episode flag."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.missing.services import MissingEpisodeInput, missing_episode_record
from cehub.cases.models import PoliceRiskGrade
from cehub.cases.screening.services import screening_submit
from tests.factories import create_child

pytestmark = pytest.mark.django_db


def test_person_page_shows_level_case_trend_and_missing_flag(
    hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    child = create_child(
        actor=hub_social_worker,
        given_name="Ria",
        family_name="Dunn",
        date_of_birth=date(2012, 2, 2),
    )
    client = signed_in(hub_social_worker)
    html = client.get(reverse("people:person_detail", args=[child.pk])).content.decode()
    assert "Not yet screened" in html
    assert reverse("cases:screening_new", args=[child.pk]) in html

    screening_submit(
        actor=hub_social_worker, person=child, answers=[], disclosure=True, final_level="high"
    )
    now = timezone.now()
    for days_ago in (20, 10, 2):
        missing_episode_record(
            actor=hub_social_worker,
            person=child,
            data=MissingEpisodeInput(
                missing_from=now - timedelta(days=days_ago),
                reported_at=now - timedelta(days=days_ago),
                police_risk_grade=PoliceRiskGrade.HIGH,
            ),
        )
    html = client.get(reverse("people:person_detail", args=[child.pk])).content.decode()
    assert "High" in html
    assert "Waiting to be allocated" in html
    assert "3 missing episodes in the last 30 days" in html
