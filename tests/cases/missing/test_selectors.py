"""The flag on a child who goes missing often, and the return interview deadline."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from django.utils import timezone
from pytest_django.fixtures import Settings

from cehub.accounts.models import User
from cehub.cases.casework.selectors import person_risk_summary
from cehub.cases.missing.selectors import interview_status
from cehub.core.deadlines import DEFAULT_PRACTICE_RULES
from cehub.people.models import Person
from tests.cases.records import record_episode

pytestmark = pytest.mark.django_db


def test_three_missing_episodes_in_thirty_days_raise_the_flag(
    hub_social_worker: User, child: Person
) -> None:
    now = timezone.now()
    for days_ago in (25, 12):
        found = now - timedelta(days=days_ago - 1)
        record_episode(hub_social_worker, child, now - timedelta(days=days_ago), found)
    assert not person_risk_summary(viewer=hub_social_worker, person=child).missing_flag
    episode = record_episode(
        hub_social_worker, child, now - timedelta(hours=30), now - timedelta(hours=4)
    )
    summary = person_risk_summary(viewer=hub_social_worker, person=child)
    assert summary.missing_flag
    assert summary.missing_recent == 3
    status = interview_status(episode)
    assert status is not None
    assert status.state == "due"
    assert status.text.startswith("Due in 2 days 19 hours")


def test_the_flag_follows_the_partnerships_practice_rules(
    hub_social_worker: User, child: Person, settings: Settings, tmp_path: Path
) -> None:
    now = timezone.now()
    record_episode(hub_social_worker, child, now - timedelta(days=40), now - timedelta(days=39))
    assert not person_risk_summary(viewer=hub_social_worker, person=child).missing_flag
    rules = yaml.safe_load(DEFAULT_PRACTICE_RULES.read_text(encoding="utf-8"))
    rules["missing_flag"].update(episodes=1, window={"days": 60})
    local = tmp_path / "local-practice-v1.yaml"
    local.write_text(yaml.safe_dump(rules), encoding="utf-8")
    settings.CEHUB_PRACTICE_RULES_FILE = local
    summary = person_risk_summary(viewer=hub_social_worker, person=child)
    assert (summary.missing_flag, summary.missing_recent) == (True, 1)
