"""The managers' report: kept wording by month, team and kind of wording (counts only).

No note text is ever stored (see ``models``); this report also never names an author. Every
number is aggregated in the database: a fixed handful of queries, whatever the row count.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone

from cehub.accounts.models import Team
from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

from .matcher import default_checker
from .models import KeptWording
from .report_chart import (
    RuleSummary,
    add_months,
    category_label,
    field_label,
    humanise,
    month_sequence,
    report_categories,
    rule_summaries,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from cehub.accounts.models import User

PERIODS = (3, 6, 12)
NO_TEAM = "none"  # the filter value for authors outside any team (most partner agency staff)
NO_TEAM_LABEL = "No team (partner agency staff)"
# Below this many authors, a team's counts may point to one person: the page says so.
FEW_AUTHORS = 3


@dataclass(frozen=True)
class ReportFilters:
    team: uuid.UUID | str | None = None  # a team's id, NO_TEAM, or None for every team
    months: int = 12

    def __post_init__(self) -> None:
        if self.months not in PERIODS:
            raise ValueError(f"months must be one of {PERIODS}")
        if isinstance(self.team, str) and self.team != NO_TEAM:
            raise ValueError(f"team must be a UUID, {NO_TEAM!r} or None")

    @property
    def audit_value(self) -> dict[str, object]:
        return {"team": str(self.team) if self.team else "all", "months": self.months}


@dataclass(frozen=True)
class MonthCounts:
    month: date
    counts: tuple[int, ...]  # in the order of the report's categories
    total: int
    partial: bool  # the current month, still running


@dataclass(frozen=True)
class CategoryCounts:
    category: str
    label: str
    total: int
    percent: int


@dataclass(frozen=True)
class TeamCounts:
    team_id: str  # "" for no team
    name: str
    authors: int
    total: int
    top_category: str  # its label

    @property
    def few_authors(self) -> bool:
        return self.authors < FEW_AUTHORS


@dataclass(frozen=True)
class FieldCounts:
    field: str
    label: str
    total: int


@dataclass(frozen=True)
class RuleCounts:
    rule_id: str
    name: str
    suggestion: str
    category_label: str
    total: int


@dataclass(frozen=True)
class KeptWordingReport:
    filters: ReportFilters
    team_name: str  # "" for every team
    months: tuple[MonthCounts, ...]
    categories: tuple[CategoryCounts, ...]
    teams: tuple[TeamCounts, ...]
    fields: tuple[FieldCounts, ...]
    rules: tuple[RuleCounts, ...]
    total: int
    authors: int

    @property
    def first_month(self) -> date:
        return self.months[0].month

    @property
    def last_month(self) -> date:
        return self.months[-1].month

    @property
    def month_so_far(self) -> date | None:
        """The current month, if the period includes it (it always does today)."""
        return next((m.month for m in self.months if m.partial), None)

    @property
    def few_authors(self) -> bool:
        """All the counts shown come from fewer than FEW_AUTHORS people."""
        return 0 < self.authors < FEW_AUTHORS

    @property
    def teams_with_few_authors(self) -> int:
        return sum(1 for team in self.teams if team.few_authors)


def _require_viewer(viewer: User) -> None:
    if not viewer.has_perm("language.view_report"):
        raise Http404


def _team_label(name: str | None, agency: str | None) -> str:
    if not name:
        return NO_TEAM_LABEL
    return f"{name} ({agency})" if agency else name


def kept_wording_team_choices(*, viewer: User) -> list[tuple[str, str]]:
    """The teams the report can be filtered to: hub teams, and any team with kept wording.

    Team names are organisational, not personal data, so listing them is not audited.
    """
    _require_viewer(viewer)
    with_rows = KeptWording.objects.filter(team__isnull=False).values("team_id")
    teams = (
        Team.objects.filter(Q(is_hub_team=True) | Q(id__in=with_rows))
        .select_related("agency")
        .order_by("name", "agency__name")
    )
    return [(str(team.pk), _team_label(team.name, team.agency.name)) for team in teams]


def _period_start(month: date) -> datetime:
    # Midnight on the 1st in Europe/London, as TruncMonth groups (the current time zone).
    return timezone.make_aware(datetime(month.year, month.month, 1))


def _filtered(filters: ReportFilters, first: date, last: date) -> QuerySet[KeptWording]:
    rows = KeptWording.objects.filter(
        recorded_at__gte=_period_start(first), recorded_at__lt=_period_start(add_months(last, 1))
    )
    if filters.team == NO_TEAM:
        return rows.filter(team__isnull=True)
    if filters.team:
        return rows.filter(team_id=filters.team)
    return rows


def kept_wording_report(
    *, viewer: User, filters: ReportFilters | None = None, today: date | None = None
) -> KeptWordingReport:
    """Counts of kept findings over the last ``filters.months`` months (this one included).

    Writes one access event (the filters are in its details), like every report view.
    """
    _require_viewer(viewer)
    filters = filters or ReportFilters()
    today = today or timezone.localdate()
    months = month_sequence(today, filters.months)
    rows = _filtered(filters, months[0], months[-1])

    by_month_category = list(
        rows.annotate(month=TruncMonth("recorded_at"))
        .values("month", "category")
        .annotate(count=Count("id"))
        .order_by()
    )
    by_team = list(
        rows.values("team_id", "team__name", "team__agency__name")
        .annotate(count=Count("id"), authors=Count("user_id", distinct=True))
        .order_by("-count", "team__name")
    )
    by_team_category = list(
        rows.values("team_id", "category").annotate(count=Count("id")).order_by()
    )
    by_field = list(rows.values("field").annotate(count=Count("id")).order_by("-count", "field"))
    by_rule = list(
        rows.values("rule_id", "category").annotate(count=Count("id")).order_by("-count", "rule_id")
    )
    overall = rows.aggregate(count=Count("id"), authors=Count("user_id", distinct=True))

    categories = report_categories(row["category"] for row in by_month_category)
    position = {category: index for index, category in enumerate(categories)}
    grid = {month: [0] * len(categories) for month in months}
    for row in by_month_category:
        grid[row["month"].date()][position[row["category"]]] += row["count"]
    current = today.replace(day=1)
    month_counts = tuple(
        MonthCounts(month, tuple(grid[month]), sum(grid[month]), month == current)
        for month in months
    )

    total = overall["count"] or 0
    category_totals = [sum(m.counts[index] for m in month_counts) for index in position.values()]
    category_counts = tuple(
        CategoryCounts(
            category,
            category_label(category),
            category_totals[index],
            round(100 * category_totals[index] / total) if total else 0,
        )
        for category, index in position.items()
    )

    top: dict[object, tuple[int, int, str]] = {}
    for pair in by_team_category:
        # The most kept category, ties going to the one listed first.
        rank = (pair["count"], -position[pair["category"]], pair["category"])
        top[pair["team_id"]] = max(top.get(pair["team_id"], rank), rank)
    team_counts = tuple(
        TeamCounts(
            team_id=str(row["team_id"] or ""),
            name=_team_label(row["team__name"], row["team__agency__name"]),
            authors=row["authors"],
            total=row["count"],
            top_category=category_label(top[row["team_id"]][2]),
        )
        for row in by_team
    )

    summaries = rule_summaries(default_checker().ruleset.rules)
    rule_counts = []
    for kept in by_rule:
        rule_id = kept["rule_id"]
        summary = summaries.get(rule_id) or RuleSummary(humanise(rule_id), "")
        rule_counts.append(
            RuleCounts(
                rule_id=rule_id,
                name=summary.name,
                suggestion=summary.suggestion,
                category_label=category_label(kept["category"]),
                total=kept["count"],
            )
        )

    team_name = ""
    if filters.team == NO_TEAM:
        team_name = NO_TEAM_LABEL
    elif filters.team:
        chosen = dict(kept_wording_team_choices(viewer=viewer))
        team_name = chosen.get(str(filters.team), "")
        if not team_name:
            raise Http404  # not a team this report knows: as missing as any other record

    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type="language-report",
        details={"filters": filters.audit_value, "result_count": total},
    )
    return KeptWordingReport(
        filters=filters,
        team_name=team_name,
        months=month_counts,
        categories=category_counts,
        teams=team_counts,
        fields=tuple(
            FieldCounts(r["field"], field_label(r["field"]), r["count"]) for r in by_field
        ),
        rules=tuple(rule_counts),
        total=total,
        authors=overall["authors"] or 0,
    )
