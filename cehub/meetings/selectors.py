"""Reads for the daily meeting: meetings, their minutes, and the actions tracker."""

from __future__ import annotations

import csv
import io
import uuid
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

from .models import Action, ActionStatus, AgendaItem, Meeting

if TYPE_CHECKING:
    from cehub.accounts.models import User


def meeting_list(*, viewer: User) -> QuerySet[Meeting]:
    if not viewer.has_perm("meetings.view"):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="meeting-list")
    return Meeting.objects.select_related("chair").order_by("-date")


def meeting_get(*, viewer: User, meeting_id: uuid.UUID) -> Meeting:
    if not viewer.has_perm("meetings.view"):
        raise Http404
    meeting = (
        Meeting.objects.select_related("chair")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=AgendaItem.objects.select_related(
                    "person", "discussed_by"
                ).prefetch_related(
                    "actions__owner", "actions__owner_agency", "corrections__recorded_by"
                ),
            ),
            "attendance__user",
            "attendance__agency",
            "corrections__recorded_by",
        )
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="meeting", object_id=meeting.pk)
    return meeting


def agenda_item_get(*, viewer: User, item_id: uuid.UUID) -> AgendaItem:
    if not viewer.has_perm("meetings.view"):
        raise Http404
    item = AgendaItem.objects.select_related("meeting", "person").filter(pk=item_id).first()
    if item is None:
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="meeting-item", object_id=item.pk
    )
    return item


def _actions() -> QuerySet[Action]:
    return Action.objects.select_related("owner", "owner_agency", "meeting", "item__person")


def my_actions(*, viewer: User) -> QuerySet[Action]:
    if not viewer.has_perm("meetings.own_actions"):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="my-actions")
    return _actions().filter(owner=viewer).order_by("status", "due_date")


def team_actions(*, viewer: User) -> QuerySet[Action]:
    if not viewer.has_perm("meetings.view") or viewer.team_id is None:
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="team-actions")
    return _actions().filter(owner__team_id=viewer.team_id, status=ActionStatus.OPEN)


def overdue_actions(*, viewer: User) -> QuerySet[Action]:
    if not viewer.has_perm("meetings.view"):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="overdue-actions")
    return _actions().filter(status=ActionStatus.OPEN, due_date__lt=timezone.localdate())


def action_get(*, viewer: User, action_id: uuid.UUID) -> Action:
    action = _actions().filter(pk=action_id).first()
    if action is None or not (action.owner_id == viewer.pk or viewer.has_perm("meetings.view")):
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="meeting-action", object_id=action.pk
    )
    return action


def _safe_cell(value: str) -> str:
    """Spreadsheets run cells starting =, +, - or @ as formulas: quote them (CSV injection)."""
    return f"'{value}" if value[:1] in {"=", "+", "-", "@"} else value


def actions_csv(*, viewer: User, meeting: Meeting) -> str:
    """The meeting's actions as CSV (an export, so audited as one)."""
    if not viewer.has_perm("meetings.view"):
        raise Http404
    rows = _actions().filter(meeting=meeting).order_by("due_date")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Item", "Action", "Owner", "Agency", "Due", "Status", "Outcome"])
    for action in rows:
        writer.writerow(
            _safe_cell(value)
            for value in (
                action.item.summary,
                action.description,
                action.owner.full_name,
                action.owner_agency.name,
                action.due_date.isoformat(),
                action.get_status_display(),
                action.outcome,
            )
        )
    audit_record(
        action=AccessAction.EXPORT,
        user=viewer,
        object_type="meeting",
        object_id=meeting.pk,
        details={"format": "csv", "count": rows.count()},
    )
    return buffer.getvalue()
