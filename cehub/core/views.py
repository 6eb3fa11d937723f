"""Pages every user needs: home, health check, statements, access log, error pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.http import require_GET, require_POST

from .access import permission_required, public, request_user, signed_in
from .forms import AccessLogFilterForm
from .selectors import AccessLogFilters, access_events_list, latest_access_log_check
from .services import access_log_check_request


@signed_in
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@public
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except DatabaseError:
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "degraded", "database": database}, status=status
    )


@public
@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@public
@require_GET
def privacy_notice(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


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
    return render(request, "core/access_log.html", context)


@permission_required("core.view_access_log")
@require_POST
def access_log_check(request: HttpRequest) -> HttpResponse:
    access_log_check_request(actor=request_user(request))
    messages.success(request, "The check has started. Its result appears here when it finishes.")
    return redirect("core:access_log")


# --- Error pages: GOV.UK styled, no stack traces, no personal data ------------------------
def _error_page(template: str, status: int) -> HttpResponse:
    # Rendered without a request context so that an error in a context processor or the
    # database cannot stop the error page itself from rendering.
    return HttpResponse(loader.render_to_string(template), status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page("errors/400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Forbidden looks exactly like missing (SECURITY.md §6).
    return page_not_found(request, exception)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _error_page("errors/500.html", 500)


def csrf_failure(request: HttpRequest, reason: str = "", **kwargs: Any) -> HttpResponse:
    return render(request, "errors/csrf.html", status=403)
