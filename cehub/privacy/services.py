"""Writes owned by the core app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction
from cehub.core.tasks import verify_access_log

if TYPE_CHECKING:
    from cehub.accounts.models import User


def access_log_check_request(*, actor: User) -> str:
    """Queue a full check of the access log's hash chain; returns the job id."""
    if not actor.has_perm("core.view_access_log"):
        raise Http404
    with transaction.atomic():
        result = verify_access_log.enqueue()
        audit_record(
            action=AccessAction.INTEGRITY_CHECK,
            user=actor,
            object_type="access-log",
            details={"status": "queued"},
        )
    return str(result.id)
