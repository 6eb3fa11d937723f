"""Request-wide middleware: request ids, security headers and session time limits."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib import auth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from .request_context import bind_user, current_request_context, request_context

logger = logging.getLogger(__name__)

SESSION_STARTED_KEY = "cehub_session_started"
SESSION_LAST_SEEN_KEY = "cehub_session_last_seen"
SIGNED_OUT_REASON_KEY = "cehub_signed_out_reason"
# Refreshing "last seen" at most this often keeps an idle check accurate to the minute
# without writing the session row on every request.
LAST_SEEN_RESOLUTION_SECONDS = 30


def client_ip(request: HttpRequest) -> str | None:
    # Behind a proxy, configure it to set REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips);
    # X-Forwarded-For is not trusted here because a client can forge it.
    return request.META.get("REMOTE_ADDR") or None


class RequestIdMiddleware:
    """Give every request an id, shared by its log lines and its access events."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4()
        request.request_id = request_id  # type: ignore[attr-defined]
        with request_context(request_id=request_id, ip_address=client_ip(request)):
            response = self.get_response(request)
        response["X-Request-ID"] = str(request_id)
        return response


class RequestIdLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        request_id = current_request_context().request_id
        record.request_id = str(request_id) if request_id else "-"
        return True


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: Permissions-Policy and no-store caching."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # Pages may carry personal data; no browser or proxy may keep a copy.
        response.headers["Cache-Control"] = "no-store"
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class SessionLimitsMiddleware:
    """15 minutes idle, 12 hours absolute (SECURITY.md §4); binds the user for the audit log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            expired = self._expired_reason(request)
            if expired:
                from .audit import audit_record
                from .models import AccessAction

                audit_record(
                    action=AccessAction.SESSION_EXPIRED, user=user, details={"kind": expired}
                )
                auth.logout(request)
                request.session[SIGNED_OUT_REASON_KEY] = expired
                return redirect(settings.LOGIN_URL)
            bind_user(user.pk, user.role, user.agency_id)
        return self.get_response(request)

    @staticmethod
    def _expired_reason(request: HttpRequest) -> str | None:
        now = time.time()
        session = request.session
        started = session.get(SESSION_STARTED_KEY)
        last_seen = session.get(SESSION_LAST_SEEN_KEY)
        if started is None or last_seen is None:
            session[SESSION_STARTED_KEY] = session[SESSION_LAST_SEEN_KEY] = now
            return None
        if now - started > settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds():
            return "absolute"
        if now - last_seen > settings.SESSION_IDLE_TIMEOUT.total_seconds():
            return "idle"
        if now - last_seen > LAST_SEEN_RESOLUTION_SECONDS:
            session[SESSION_LAST_SEEN_KEY] = now
        return None
