"""Reads for the referrer's side of intake: their confirmation pages and "My submissions".

A referrer sees only what they sent, and of it only what the page shows (reference, time and
status), never the hub's record: these answer 404 to everyone but the person who submitted.
Hub roles read concerns and intelligence through ``intake.triage.selectors``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

from ..models import Concern, PartnerIntelligence

if TYPE_CHECKING:
    from cehub.accounts.models import User


def _own[R: (Concern, PartnerIntelligence)](
    viewer: User, model: type[R], record_id: uuid.UUID, *, permission: str, object_type: str
) -> R:
    """The viewer's own record, with only what a confirmation shows."""
    if not viewer.has_perm(permission):
        raise Http404
    record = (
        model.objects.filter(pk=record_id, submitted_by=viewer)
        .only("id", "reference", "submitted_at")
        .first()
    )
    if record is None:
        raise Http404
    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type=object_type,
        object_id=record.pk,
        details={"kind": "confirmation"},
    )
    return record


def own_concern_get(*, viewer: User, concern_id: uuid.UUID) -> Concern:
    return _own(
        viewer, Concern, concern_id, permission="intake.submit_concern", object_type="concern"
    )


def own_intelligence_get(*, viewer: User, item_id: uuid.UUID) -> PartnerIntelligence:
    return _own(
        viewer,
        PartnerIntelligence,
        item_id,
        permission="intake.submit_intelligence",
        object_type="intelligence",
    )


@dataclass(frozen=True)
class Submission:
    """What a referrer may see of their own submission: its status, never the hub's record."""

    kind: str
    reference: str
    submitted_at: datetime
    status: str  # the status value (its colour), e.g. "in-triage"
    status_label: str  # the words the referrer reads


def my_submissions(*, viewer: User) -> list[Submission]:
    if not viewer.has_perm("intake.view_own_submissions"):
        raise Http404
    kinds: tuple[tuple[str, type[Concern] | type[PartnerIntelligence]], ...] = (
        ("Concern about a child", Concern),
        ("Partner information", PartnerIntelligence),
    )
    rows = [
        Submission(kind, row.reference, row.submitted_at, row.status, row.get_status_display())
        for kind, model in kinds
        for row in model.objects.filter(submitted_by=viewer).only(
            "reference", "submitted_at", "status"
        )
    ]
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="own-submissions")
    return sorted(rows, key=lambda row: row.submitted_at, reverse=True)
