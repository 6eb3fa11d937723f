"""Writes for the actions tracker: completing an action with its outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cehub.core.audit import audit_record
from cehub.core.errors import ServiceError
from cehub.core.models import AccessAction
from cehub.language.services import kept_wording_record

from ..models import Action, ActionStatus

if TYPE_CHECKING:
    from cehub.accounts.models import User


def action_complete(*, actor: User, action: Action, outcome: str) -> Action:
    """The owner (or a hub manager) completes an action with its outcome."""
    if action.owner_id != actor.pk and not actor.has_perm("meetings.manage"):
        raise Http404
    if not outcome.strip():
        raise ServiceError("Record the outcome of the action", "outcome")
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=action.pk)
        if action.status == ActionStatus.COMPLETED:
            raise ServiceError("This action is already complete")
        action.status, action.outcome, action.completed_at = (
            ActionStatus.COMPLETED,
            outcome.strip(),
            timezone.now(),
        )
        action.save(update_fields=["status", "outcome", "completed_at"])
        kept_wording_record(actor=actor, texts={"action.outcome": action.outcome})
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="meeting-action",
            object_id=action.pk,
            details={"status": "completed"},
        )
    return action
