"""Reads for the referrer's confirmation pages: only the submitter sees their own record.

Hub roles read concerns and intelligence through ``selectors.concern_get`` and
``selectors.intelligence_get``; these answer 404 to everyone but the person who submitted,
and return only what the confirmation shows (reference and time).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

from .models import Concern, PartnerIntelligence

if TYPE_CHECKING:
    from cehub.accounts.models import User


def own_concern_get(*, viewer: User, concern_id: uuid.UUID) -> Concern:
    if not viewer.has_perm("intake.submit_concern"):
        raise Http404
    concern = (
        Concern.objects.filter(pk=concern_id, submitted_by=viewer)
        .only("id", "reference", "submitted_at")
        .first()
    )
    if concern is None:
        raise Http404
    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type="concern",
        object_id=concern.pk,
        details={"kind": "confirmation"},
    )
    return concern


def own_intelligence_get(*, viewer: User, item_id: uuid.UUID) -> PartnerIntelligence:
    if not viewer.has_perm("intake.submit_intelligence"):
        raise Http404
    item = (
        PartnerIntelligence.objects.filter(pk=item_id, submitted_by=viewer)
        .only("id", "reference", "submitted_at")
        .first()
    )
    if item is None:
        raise Http404
    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type="intelligence",
        object_id=item.pk,
        details={"kind": "confirmation"},
    )
    return item
