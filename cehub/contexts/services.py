"""Writes to the POLE graph: find-or-create places and objects by their identifiers; links.

Identifiers are normalised here (``cehub.core.identifiers``), so "ab12 cde" and "AB12CDE" are
one vehicle and "07700 900123" and "+447700900123" one phone.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from cehub.core.identifiers import (
    name_search_key,
    normalise_online_handle,
    normalise_phone,
    normalise_postcode,
    normalise_vehicle_registration,
)

from .models import (
    Group,
    GroupKind,
    Link,
    Location,
    LocationKind,
    Node,
    NodeKind,
    Object,
    ObjectKind,
    Relation,
)

if TYPE_CHECKING:
    from cehub.accounts.models import User


def _new_node(kind: NodeKind) -> Node:
    return Node.objects.create(kind=kind)


def location_find_or_create(
    *,
    kind: LocationKind | str,
    name: str = "",
    address: str = "",
    town: str = "",
    postcode: str = "",
) -> Location:
    """The same place is the same postcode with the same name (or, unnamed, the same address)."""
    postcode = normalise_postcode(postcode) if postcode else ""
    name, address = name.strip(), address.strip()
    if not (name or address or postcode):
        raise ValueError("A place needs a name, an address or a postcode")
    candidates = Location.objects.filter(postcode=postcode) if postcode else Location.objects.none()
    key = name_search_key(name) if name else name_search_key(address)
    for candidate in candidates:
        candidate_key = name_search_key(candidate.name or candidate.address)
        if key and candidate_key == key:
            return candidate
    return Location.objects.create(
        node=_new_node(NodeKind.LOCATION),
        kind=kind,
        name=name,
        address=address,
        town=town.strip(),
        postcode=postcode,
    )


def _object_get_or_create(
    kind: ObjectKind, lookup: dict[str, str], description: str = ""
) -> Object:
    existing = Object.objects.filter(kind=kind, **lookup).first()
    if existing is not None:
        if description and not existing.description:
            existing.description = description
            existing.save(update_fields=["description"])
        return existing
    try:
        with transaction.atomic():
            return Object.objects.create(
                node=_new_node(NodeKind.OBJECT), kind=kind, description=description, **lookup
            )
    except IntegrityError:
        # Someone else created it a moment ago: use theirs.
        return Object.objects.get(kind=kind, **lookup)


def vehicle_find_or_create(*, registration: str, description: str = "") -> Object:
    return _object_get_or_create(
        ObjectKind.VEHICLE,
        {"registration": normalise_vehicle_registration(registration)},
        description.strip(),
    )


def phone_find_or_create(*, number: str, description: str = "") -> Object:
    return _object_get_or_create(
        ObjectKind.PHONE, {"phone_number": normalise_phone(number)}, description.strip()
    )


def online_account_find_or_create(*, platform: str, handle: str, description: str = "") -> Object:
    platform, handle = normalise_online_handle(platform, handle)
    return _object_get_or_create(
        ObjectKind.ONLINE_ACCOUNT, {"platform": platform, "handle": handle}, description.strip()
    )


def group_create(*, kind: GroupKind | str, name: str, description: str = "") -> Group:
    return Group.objects.create(
        node=_new_node(NodeKind.GROUP), kind=kind, name=name.strip(), description=description
    )


def link_record(
    *,
    from_node: Node,
    to_node: Node,
    relation: Relation | str,
    source_type: str,
    source_id: uuid.UUID,
    actor: User | None,
    seen_on: date | None = None,
    grading: tuple[str, str, str] | None = None,
    handling_conditions: str = "",
) -> Link:
    """Record (once per source) that two nodes are associated, with its provenance."""
    link, created = Link.objects.get_or_create(
        from_node=from_node,
        to_node=to_node,
        relation=relation,
        source_type=source_type,
        source_id=source_id,
        defaults={"created_by": actor, "first_seen": seen_on, "last_seen": seen_on},
    )
    changed: list[str] = []
    if grading is not None:
        link.source_evaluation, link.intelligence_assessment, link.handling_code = grading
        link.handling_conditions = handling_conditions
        changed += [
            "source_evaluation",
            "intelligence_assessment",
            "handling_code",
            "handling_conditions",
        ]
    if not created and seen_on is not None:
        if link.first_seen is None or seen_on < link.first_seen:
            link.first_seen = seen_on
            changed.append("first_seen")
        if link.last_seen is None or seen_on > link.last_seen:
            link.last_seen = seen_on
            changed.append("last_seen")
    if changed:
        link.save(update_fields=changed)
    return link


def links_regrade(
    *,
    source_type: str,
    source_id: uuid.UUID,
    grading: tuple[str, str, str],
    handling_conditions: str,
) -> int:
    """When an intelligence item is (re)graded, every link it reported carries the new grading."""
    source_evaluation, assessment, handling_code = grading
    return Link.objects.filter(source_type=source_type, source_id=source_id).update(
        source_evaluation=source_evaluation,
        intelligence_assessment=assessment,
        handling_code=handling_code,
        handling_conditions=handling_conditions,
    )
