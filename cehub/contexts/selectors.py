"""Reads of places, objects and groups: hub intelligence, so hub roles only, and every view audited.

Forbidden and missing both raise Http404. Linked people come back with their names (identity
is fine for hub roles); opening a linked child's record goes through ``person_get``, which
enforces the relationship or break-glass rule.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Model, Q
from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

from .models import Group, Link, Location, Node, NodeKind, Object

if TYPE_CHECKING:
    from cehub.accounts.models import User

# People first, then what identifies them (phones, vehicles), then places, then groups.
_KIND_ORDER: dict[str, int] = {
    NodeKind.PERSON: 0,
    NodeKind.OBJECT: 1,
    NodeKind.LOCATION: 2,
    NodeKind.GROUP: 3,
}


def _require_viewer(viewer: User) -> None:
    if not viewer.has_perm("contexts.view_context"):
        raise Http404


def _audited_get[T: Model](viewer: User, model: type[T], object_type: str, pk: uuid.UUID) -> T:
    _require_viewer(viewer)
    found = model._default_manager.select_related("node").filter(pk=pk).first()
    if found is None:
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type=object_type, object_id=found.pk)
    return found


def location_get(*, viewer: User, location_id: uuid.UUID) -> Location:
    return _audited_get(viewer, Location, "location", location_id)


def object_get(*, viewer: User, object_id: uuid.UUID) -> Object:
    return _audited_get(viewer, Object, "object", object_id)


def group_get(*, viewer: User, group_id: uuid.UUID) -> Group:
    return _audited_get(viewer, Group, "group", group_id)


@dataclass(frozen=True)
class LinkedNode:
    """Another node linked to the one being viewed, with every link's provenance."""

    node: Node
    label: str
    kind: str
    target: Any  # Person, Location, Object or Group
    links: list[Link] = field(default_factory=list)

    @property
    def best_grading(self) -> str:
        gradings = sorted(link.grading for link in self.links if link.grading)
        return gradings[0] if gradings else ""


def node_links(*, viewer: User, node: Node) -> list[LinkedNode]:
    """Everything linked to ``node`` (either direction), grouped by the other node.

    The graph is hub intelligence: hub roles only (404 otherwise). The caller has already
    opened — and audited — the record that owns ``node``; a person's record asks more of the
    viewer first (``people.selectors.person_links``).
    """
    _require_viewer(viewer)
    links = (
        Link.objects.filter(Q(from_node=node) | Q(to_node=node))
        .select_related(
            "from_node__person",
            "from_node__location",
            "from_node__object",
            "from_node__group",
            "to_node__person",
            "to_node__location",
            "to_node__object",
            "to_node__group",
        )
        .order_by("-last_seen", "-created_at")
    )
    grouped: dict[uuid.UUID, LinkedNode] = {}
    for link in links:
        other = link.to_node if link.from_node_id == node.pk else link.from_node
        if other.pk not in grouped:
            target = getattr(other, other.kind, None)
            grouped[other.pk] = LinkedNode(
                node=other,
                label=str(target) if target else other.kind,
                kind=other.kind,
                target=target,
            )
        grouped[other.pk].links.append(link)
    return sorted(grouped.values(), key=lambda item: (_KIND_ORDER.get(item.kind, 9), item.label))
