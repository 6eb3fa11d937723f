"""The live language check behind every free-text field that asks for it (htmx), and the
managers' report of wording kept after the check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from cehub.core.access import permission_required, request_user, signed_in

from .forms import ReportFilterForm
from .matcher import default_checker
from .report_chart import layout_trend_chart
from .selectors import ReportFilters, kept_wording_report, kept_wording_team_choices

MAX_CHECKED_CHARACTERS = 20_000


@signed_in
@require_POST
def check(request: HttpRequest) -> HttpResponse:
    """Findings for the text of the field that sent the request (its only non-token value).

    Nothing is stored or logged: the text is the author's own draft, checked and forgotten.
    """
    # htmx names the field that asked; otherwise the request carries a single field.
    field = request.headers.get("HX-Trigger-Name", "")
    texts = [str(value) for key, value in request.POST.items() if key != "csrfmiddlewaretoken"]
    text = str(request.POST.get(field, "")) if field else (texts[0] if texts else "")
    text = text[:MAX_CHECKED_CHARACTERS]
    result = default_checker().check(text)
    return render(
        request,
        "language/_findings.html",
        {"findings": result.findings, "quoted": result.quoted},
    )


@permission_required("language.view_report")
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    viewer = request_user(request)
    teams = kept_wording_team_choices(viewer=viewer)
    data = None
    if request.GET:
        data = request.GET.copy()
        data.setdefault("period", "12")  # a link with only a team still shows its period
    form = ReportFilterForm(data, teams=teams)
    if form.is_bound and not form.is_valid():
        # Nothing is shown for filters that are not understood (nor audited: nothing was read).
        return render(request, "language/report.html", {"form": form, "report": None})
    filters = form.filters() if form.is_bound else ReportFilters()
    found = kept_wording_report(viewer=viewer, filters=filters)
    chart = layout_trend_chart(
        months=[m.month for m in found.months],
        categories=[c.category for c in found.categories],
        counts=[m.counts for m in found.months],
        partial_last=found.months[-1].partial,
        id_prefix="kept-trend",
    )
    return render(request, "language/report.html", {"form": form, "report": found, "chart": chart})
