"""Recording the author's choice to keep flagged wording (no hard block: PRACTICE.md §7)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.utils import timezone

from .matcher import default_checker
from .models import KeptWording

if TYPE_CHECKING:
    from cehub.accounts.models import User


def kept_wording_record(*, actor: User, texts: Mapping[str, str]) -> int:
    """For each submitted field, record every finding the author chose to keep.

    Call inside the service's transaction, after the submission is saved. Returns how many.
    """
    now = timezone.now()
    rows = [
        KeptWording(
            user=actor,
            team_id=actor.team_id,
            agency_id=actor.agency_id,
            field=field,
            rule_id=finding.rule_id,
            category=finding.category,
            recorded_at=now,
        )
        for field, text in texts.items()
        for finding in default_checker().check(text or "").findings
    ]
    KeptWording.objects.bulk_create(rows)
    return len(rows)
