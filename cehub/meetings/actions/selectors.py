"""Reads for the actions tracker: mine, my team's, overdue, one action, and a meeting's
actions as CSV. Minutes are for hub roles; anyone signed in sees the actions they own."""

from __future__ import annotations

import csv
import io
import uuid
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

from ..models import Action, ActionStatus, Meeting

if TYPE_CHECKING:
    from cehub.accounts.models import User


def _actions() -> QuerySet[Action]:
    return Action.objects.select_related("owner", "owner_agency", "meeting", "item__person")


def _listing(viewer: User, permission: str, object_type: str) -> QuerySet[Action]:
    if not viewer.has_perm(permission):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type=object_type)
    return _actions()


def my_actions(*, viewer: User) -> QuerySet[Action]:
    mine = _listing(viewer, "meetings.own_actions", "my-actions")
    return mine.filter(owner=viewer).order_by("status", "due_date")


def team_actions(*, viewer: User) -> QuerySet[Action]:
    if viewer.team_id is None:
        raise Http404
    team = _listing(viewer, "meetings.view", "team-actions")
    return team.filter(owner__team_id=viewer.team_id, status=ActionStatus.OPEN)


def overdue_actions(*, viewer: User) -> QuerySet[Action]:
    overdue = _listing(viewer, "meetings.view", "overdue-actions")
    return overdue.filter(status=ActionStatus.OPEN, due_date__lt=timezone.localdate())


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
