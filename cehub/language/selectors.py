"""The managers' report: kept wording by team and month (counts only, never text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

from .models import KeptWording

if TYPE_CHECKING:
    from datetime import date

    from cehub.accounts.models import User


@dataclass(frozen=True)
class ReportRow:
    month: date
    team: str
    category: str
    count: int


def kept_wording_report(*, viewer: User) -> list[ReportRow]:
    if not viewer.has_perm("language.view_report"):
        raise Http404
    rows = (
        KeptWording.objects.annotate(month=TruncMonth("recorded_at"))
        .values("month", "team__name", "category")
        .annotate(count=Count("id"))
        .order_by("-month", "team__name", "category")
    )
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="language-report")
    return [
        ReportRow(
            row["month"].date(), row["team__name"] or "No team", row["category"], row["count"]
        )
        for row in rows
    ]
