"""The case page (level history, trend, review, allocation, closure) and the allocation queue.

Views parse forms and call the case services and selectors, which check access and write the
access log. After a successful POST they redirect to the case page; on a problem they draw it
again with the error summary, keeping what was typed (409 when someone else changed the case
first, drawn with their changes so a second submission is an informed one).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.accounts.models import User
from cehub.cases.models import Case, CaseLevelChange, CaseStatus
from cehub.cases.notes.selectors import case_notes_recent
from cehub.cases.pages import RecordOnPage
from cehub.core.access import permission_required, request_user
from cehub.core.deadlines import DeadlineStatus, deadline_status
from cehub.core.form_views import submit
from cehub.screening.display import LevelTag, level_tag, tool_or_none
from cehub.screening.engine import Tool
from cehub.screening.models import Screening

from . import selectors, services
from .forms import AllocateForm, CloseForm


# --- The trend of screening levels ---------------------------------------------------------
@dataclass(frozen=True)
class TrendRow:
    assessed_at: datetime
    computed: LevelTag
    final: LevelTag
    standing: LevelTag


@dataclass(frozen=True)
class ChartPoint:
    """Where one screening's standing level sits on the chart, in SVG units."""

    x: int
    y: int


@dataclass(frozen=True)
class ChartAxisLabel:
    """A level's name beside the chart, at its height."""

    y: int
    text: str


@dataclass(frozen=True)
class TrendChart:
    """A step chart of the level that stood after each screening (the table is the text)."""

    width: int
    height: int
    left: int
    right: int
    points: list[ChartPoint]
    path: str
    levels: list[ChartAxisLabel]


CHART_WIDTH, CHART_HEIGHT = 640, 180
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 250, 620, 20, 160


def _trend_chart(levels: list[str], tool: Tool | None) -> TrendChart | None:
    order = list(tool.levels) if tool else list(selectors.level_order())
    ranks = [order.index(level) for level in levels if level in order]
    if not ranks or len(order) < 2:
        return None
    step_y = (CHART_BOTTOM - CHART_TOP) / (len(order) - 1)
    step_x = (CHART_RIGHT - CHART_LEFT) / max(len(ranks) - 1, 1)

    def y_for(rank: int) -> int:
        return round(CHART_BOTTOM - rank * step_y)

    points = [
        ChartPoint(x=round(CHART_LEFT + index * step_x), y=y_for(rank))
        for index, rank in enumerate(ranks)
    ]
    # A step line: across at the old level, then up or down to the new one.
    path = f"M {points[0].x} {points[0].y}" + "".join(
        f" H {point.x} V {point.y}" for point in points[1:]
    )
    return TrendChart(
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        left=CHART_LEFT,
        right=CHART_RIGHT,
        points=points,
        path=path,
        levels=[
            ChartAxisLabel(y=y_for(rank), text=level_tag(level, tool).label)
            for rank, level in enumerate(order)
        ],
    )


# --- The case page -------------------------------------------------------------------------
def _render_case(
    request: HttpRequest,
    viewer: User,
    case: Case,
    *,
    allocate_form: AllocateForm | None = None,
    close_form: CloseForm | None = None,
    status: int = HTTPStatus.OK,
) -> HttpResponse:
    tool = tool_or_none("cehub-default")
    summary = selectors.person_risk_summary(viewer=viewer, person=case.person)
    trend = [
        TrendRow(
            assessed_at=point.assessed_at,
            computed=level_tag(point.computed_level, tool),
            final=level_tag(point.final_level, tool),
            standing=level_tag(point.effective_level, tool),
        )
        for point in summary.trend
    ]
    history: list[CaseLevelChange] = list(
        case.level_history.select_related("screening", "changed_by")
    )
    live = case.status in (CaseStatus.OPEN, CaseStatus.AWAITING_ALLOCATION)
    review: DeadlineStatus | None = deadline_status(case.review_due_at) if live else None
    not_closed = case.status != CaseStatus.CLOSED
    context: dict[str, Any] = {
        "case": case,
        "person": case.person,
        "level": level_tag(case.level, tool),
        "review": review,
        "history": [(change, level_tag(change.level, tool)) for change in history],
        "trend": trend,
        "chart": _trend_chart([point.effective_level for point in summary.trend], tool),
        "may_allocate": not_closed and viewer.has_perm("cases.allocate"),
        "may_close": not_closed and viewer.has_perm("cases.manage"),
        "may_screen": not_closed and viewer.has_perm("screening.screen"),
        "may_manage": not_closed and viewer.has_perm("cases.manage"),
        "may_record_missing": viewer.has_perm("cases.record_missing"),
        "allocate_form": allocate_form
        or AllocateForm(initial={"worker": case.allocated_worker_id, "version": case.version}),
        "close_form": close_form or CloseForm(initial={"version": case.version}),
        "recent_notes": case_notes_recent(viewer=viewer, case=case),
    }
    return render(request, "cases/case/detail.html", context, status=status)


@permission_required("cases.view_case")
@require_http_methods(["GET"])
def case_detail(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    return _render_case(request, viewer, selectors.case_get(viewer=viewer, case_id=case_id))


def _post_on_case(
    request: HttpRequest,
    case_id: uuid.UUID,
    form: AllocateForm | CloseForm,
    service: Callable[..., Case],
    done: Callable[[Case], str],
) -> HttpResponse:
    """A form on the case page: saved through its service, then back to the case page saying
    what was ``done``; or the page again with the problem (409, showing the case as it is now,
    when someone else changed it first)."""
    viewer = request_user(request)
    page = RecordOnPage(lambda: selectors.case_get(viewer=viewer, case_id=case_id))
    outcome = submit(
        form,
        save=lambda: service(actor=viewer, case=page.record, **form.service_kwargs()),
        current_version=page.current_version,
    )
    if outcome.saved and outcome.value is not None:
        messages.success(request, done(outcome.value))
        return redirect("cases:case_detail", case_id=case_id)
    return _render_case(
        request,
        viewer,
        page.record,
        allocate_form=form if isinstance(form, AllocateForm) else None,
        close_form=form if isinstance(form, CloseForm) else None,
        status=outcome.status,
    )


@permission_required("cases.allocate")
@require_http_methods(["POST"])
def case_allocate(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    form = AllocateForm(request.POST)
    return _post_on_case(request, case_id, form, services.case_allocate, lambda _: "Case allocated")


@permission_required("cases.manage")
@require_http_methods(["POST"])
def case_close(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    def done(case: Case) -> str:
        return "Case stepped down" if case.status == CaseStatus.STEPPED_DOWN else "Case closed"

    return _post_on_case(request, case_id, CloseForm(request.POST), services.case_close, done)


# --- The allocation queue ------------------------------------------------------------------
@dataclass(frozen=True)
class QueueRow:
    case: Case
    level: LevelTag
    screening: Screening | None  # the one that set the case's level
    computed: LevelTag | None
    rules: list[str]  # the override rules that fired in it


def _queue_row(case: Case, tool: Tool | None) -> QueueRow:
    changes = list(case.level_history.all())  # prefetched, oldest first
    screening = next((c.screening for c in reversed(changes) if c.screening), None)
    return QueueRow(
        case=case,
        level=level_tag(case.level, tool),
        screening=screening,
        computed=level_tag(screening.computed_level, tool) if screening else None,
        rules=[
            str(reason["label"])
            for reason in (screening.reasons if screening else [])
            if reason.get("kind") == "override"
        ],
    )


@permission_required("cases.view_queues")
@require_http_methods(["GET"])
def allocation_queue(request: HttpRequest) -> HttpResponse:
    tool = tool_or_none("cehub-default")
    cases = selectors.allocation_queue(viewer=request_user(request)).prefetch_related(
        "level_history__screening"
    )
    rows = [_queue_row(case, tool) for case in cases]
    return render(request, "cases/case/allocation_queue.html", {"rows": rows})
