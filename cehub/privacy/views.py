"""The privacy office's pages: the access log and its integrity check, and the review of every
emergency (break-glass) access. Privacy officers only; views call selectors and services."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cehub.core.access import permission_required, request_user
from cehub.core.form_views import submit
from cehub.people import selectors as people_selectors
from cehub.people import services as people_services
from cehub.people.forms import BreakGlassReviewForm

from .forms import AccessLogFilterForm
from .selectors import AccessLogFilters, access_events_list, latest_access_log_check
from .services import access_log_check_request

QUEUE_PAGE_SIZE = 50


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@permission_required("core.view_access_log")
@require_GET
def access_log(request: HttpRequest) -> HttpResponse:
    form = AccessLogFilterForm(request.GET or None)
    filters = AccessLogFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = AccessLogFilters(
            user_id=data["user"].pk if data["user"] else None,
            object_type=data["object_type"],
            object_id=str(data["object_id"]) if data["object_id"] else "",
            action=data["action"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    viewer = request_user(request)
    page = access_events_list(viewer=viewer, filters=filters, page_number=page_number)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "integrity_check": latest_access_log_check(viewer=viewer),
    }
    return render(request, "privacy/access_log.html", context)


@permission_required("core.view_access_log")
@require_POST
def access_log_check(request: HttpRequest) -> HttpResponse:
    access_log_check_request(actor=request_user(request))
    messages.success(request, "The check has started. Its result appears here when it finishes.")
    return redirect("privacy:access_log")


# --- Emergency access reviews -------------------------------------------------------------
@permission_required("people.review_break_glass")
@require_http_methods(["GET"])
def break_glass_queue(request: HttpRequest) -> HttpResponse:
    grants = people_selectors.break_glass_review_queue(
        viewer=request_user(request)
    )  # unreviewed first
    page = Paginator(grants, QUEUE_PAGE_SIZE).get_page(_page_number(request))
    return render(request, "privacy/break_glass_queue.html", {"page": page, "now": timezone.now()})


@permission_required("people.review_break_glass")
@require_http_methods(["GET", "POST"])
def break_glass_review(request: HttpRequest, grant_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    grant = people_selectors.break_glass_get(viewer=viewer, grant_id=grant_id)
    form = BreakGlassReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        outcome = submit(
            form,
            save=lambda: people_services.break_glass_review(
                actor=viewer,
                grant=grant,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
            ),
        )
        if outcome.saved:
            messages.success(request, f"Review recorded for {grant.user.full_name}'s access")
            return redirect("privacy:break_glass_queue")
    return render(
        request,
        "privacy/break_glass_review.html",
        {"grant": grant, "form": form, "now": timezone.now()},
    )
