"""Reads the case-work pages need that ``cases.selectors`` does not offer.

A disruption target (a person, place, vehicle or other context node) and one NRM referral.
Like every selector: access is checked here (404 for forbidden and missing alike) and each
read of a record writes a VIEW access event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import Http404

from cehub.contexts.models import Node, NodeKind
from cehub.core.access import is_hub_member
from cehub.core.audit import audit_record
from cehub.core.models import AccessAction
from cehub.people.access import can_open_record
from cehub.people.models import PersonCategory

from .models import NRMReferral

if TYPE_CHECKING:
    from cehub.accounts.models import User


@dataclass(frozen=True)
class NodeTarget:
    """A node with the record it belongs to (a Person, Location, Object or Group)."""

    node: Node
    record: Any
    label: str

    @property
    def kind(self) -> str:
        return self.node.kind

    @property
    def is_child(self) -> bool:
        return self.kind == NodeKind.PERSON and self.record.category == PersonCategory.CHILD


def node_target_get(*, viewer: User, node_id: uuid.UUID) -> NodeTarget:
    """A disruption target: hub roles only. A child appears by name only (identity, as in
    search); the disruption service refuses to act against a child."""
    if not is_hub_member(viewer):
        raise Http404
    node = (
        Node.objects.select_related("person", "location", "object", "group")
        .filter(pk=node_id)
        .first()
    )
    record = getattr(node, node.kind, None) if node is not None else None
    if node is None or record is None:
        raise Http404
    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type=node.kind,
        object_id=record.pk,
        details={"kind": "disruption-target"},
    )
    return NodeTarget(node=node, record=record, label=str(record))


def nrm_referral_get(*, viewer: User, referral_id: uuid.UUID) -> NRMReferral:
    """One National Referral Mechanism referral, for someone whose record the viewer may open."""
    referral = (
        NRMReferral.objects.select_related("person", "first_responder")
        .filter(pk=referral_id)
        .first()
    )
    if (
        referral is None
        or not viewer.has_perm("cases.view_case")
        or not can_open_record(viewer, referral.person)
    ):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="nrm", object_id=referral.pk)
    return referral
