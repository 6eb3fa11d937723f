"""Reads of places, objects and groups: hub intelligence, so hub roles only, and every view audited.

Forbidden and missing both raise Http404. Linked people come back with their names (identity
is fine for hub roles); opening a linked child's record goes through ``person_get``, which
enforces the relationship or break-glass rule.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction
from cehub.people.selectors import LinkedNode, node_links

from .models import Group, Location, Node, Object

if TYPE_CHECKING:
    from cehub.accounts.models import User


def _require_viewer(viewer: User) -> None:
    if not viewer.has_perm("contexts.view_context"):
        raise Http404


def _audit_view(viewer: User, object_type: str, object_id: uuid.UUID) -> None:
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type=object_type, object_id=object_id
    )


def location_get(*, viewer: User, location_id: uuid.UUID) -> Location:
    _require_viewer(viewer)
    location = Location.objects.select_related("node").filter(pk=location_id).first()
    if location is None:
        raise Http404
    _audit_view(viewer, "location", location.pk)
    return location


def object_get(*, viewer: User, object_id: uuid.UUID) -> Object:
    _require_viewer(viewer)
    found = Object.objects.select_related("node").filter(pk=object_id).first()
    if found is None:
        raise Http404
    _audit_view(viewer, "object", found.pk)
    return found


def group_get(*, viewer: User, group_id: uuid.UUID) -> Group:
    _require_viewer(viewer)
    group = Group.objects.select_related("node").filter(pk=group_id).first()
    if group is None:
        raise Http404
    _audit_view(viewer, "group", group.pk)
    return group


def context_links(*, viewer: User, node: Node) -> list[LinkedNode]:
    """Everything linked to a place, object or group, with each link's provenance."""
    _require_viewer(viewer)
    return node_links(node=node)
