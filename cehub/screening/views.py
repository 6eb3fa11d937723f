"""The low-risk guidance: for anyone working with a child screened at a level below a case.

The other screening pages hand a screening to a case, so they live in
``cehub.cases.screening.views``.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from cehub.core.access import signed_in


@signed_in
@require_http_methods(["GET"])
def low_risk_guidance(request: HttpRequest) -> HttpResponse:
    return render(request, "screening/low_risk_guidance.html")
