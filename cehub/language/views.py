"""The live language check behind every free-text field that asks for it (htmx)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from cehub.core.access import permission_required, signed_in

from .matcher import default_checker
from .selectors import kept_wording_report

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
    rows = kept_wording_report(viewer=request.user)  # type: ignore[arg-type]
    return render(request, "language/report.html", {"rows": rows})
