"""Reads for disruption: the target (a person, place, vehicle or other context node) and the
actions against it.

Access is checked here (404 for forbidden and missing alike); reading the target writes a
VIEW access event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404

from cehub.cases.models import DisruptionAction
from cehub.contexts.models import Node, NodeKind
from cehub.core.access import is_hub_member
from cehub.core.audit import audit_record
from cehub.core.models import AccessAction
from cehub.people.models import PersonCategory

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


def disruptions_for(*, viewer: User, node: Node) -> QuerySet[DisruptionAction]:
    if not viewer.has_perm("cases.disrupt"):
        raise Http404
    return DisruptionAction.objects.filter(target=node).select_related("owner_agency")
