"""Reads of the access log, for the privacy officer (SECURITY.md §11)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django_tasks_db.models import DBTaskResult

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.tasks import verify_access_log

if TYPE_CHECKING:
    import uuid

    from cehub.accounts.models import User

ACCESS_LOG_PAGE_SIZE = 50


@dataclass(frozen=True)
class IntegrityCheck:
    status: str  # READY, RUNNING, SUCCESSFUL, FAILED (django.tasks statuses)
    enqueued_at: datetime
    finished_at: datetime | None
    outcome: dict[str, Any] | None


def latest_access_log_check(*, viewer: User) -> IntegrityCheck | None:
    """The most recent background check of the hash chain, if any (shown with the log)."""
    if not viewer.has_perm("core.view_access_log"):
        raise Http404
    job = (
        DBTaskResult.objects.filter(task_path=verify_access_log.module_path)
        .order_by("-enqueued_at")
        .first()
    )
    if job is None:
        return None
    return IntegrityCheck(
        status=job.status,
        enqueued_at=job.enqueued_at,
        finished_at=job.finished_at,
        outcome=job.return_value if isinstance(job.return_value, dict) else None,
    )


@dataclass(frozen=True)
class AccessLogFilters:
    user_id: uuid.UUID | None = None
    object_type: str = ""
    object_id: str = ""
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def as_audit_details(self) -> list[str]:
        """Which filters were used — their names, not their values."""
        return sorted(name for name, value in vars(self).items() if value)


def access_events_list(
    *, viewer: User, filters: AccessLogFilters, page_number: int = 1
) -> Page[AccessEvent]:
    if not viewer.has_perm("core.view_access_log"):
        raise Http404
    events: QuerySet[AccessEvent] = AccessEvent.objects.select_related("user").order_by("-id")
    if filters.user_id:
        events = events.filter(user_id=filters.user_id)
    if filters.object_type:
        events = events.filter(object_type=filters.object_type)
    if filters.object_id:
        events = events.filter(object_id=filters.object_id)
    if filters.action:
        events = events.filter(action=filters.action)
    if filters.date_from:
        events = events.filter(occurred_at__date__gte=filters.date_from)
    if filters.date_to:
        events = events.filter(occurred_at__date__lte=filters.date_to)
    page = Paginator(events, ACCESS_LOG_PAGE_SIZE).get_page(page_number)
    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type="access-log",
        details={"filters": filters.as_audit_details(), "page": page.number},
    )
    return page
