"""How links read on a record page: one sentence per link, with its source and grading.

Shared by every record that owns a graph node — places, objects and groups here, people in
the people app (above this one) — so it lives beside the graph, not in any app's views.
Being linked is not being involved: every row carries where the link came from and how
reliable it is (3x5x2 grading), and any handling conditions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.urls import reverse

from cehub.core.identifiers import format_phone, format_vehicle_registration

from .models import (
    EventKind,
    HandlingCode,
    IntelligenceAssessment,
    Link,
    Node,
    NodeKind,
    Object,
    ObjectKind,
    Relation,
    SourceEvaluation,
)
from .selectors import LinkedNode

# How a relation reads in a sentence "<subject> <phrase> <object>".
RELATION_PHRASES: dict[str, str] = {
    Relation.ASSOCIATE: "associates with",
    Relation.FAMILY: "is a family member of",
    Relation.LIVES_AT: "lives at",
    Relation.ATTENDS: "attends",
    Relation.FREQUENTS: "spends time at",
    Relation.SEEN_AT: "was seen at",
    Relation.SEEN_WITH: "was seen with",
    Relation.USES: "uses",
    Relation.CONTACTED_BY: "was contacted by",
    Relation.MEMBER_OF: "is part of",
    Relation.WORKS_AT: "works at",
    Relation.MENTIONED_WITH: "was mentioned in the same report as",
}

THIS_NOUN: dict[str, str] = {
    NodeKind.PERSON: "this person",
    NodeKind.LOCATION: "this place",
    NodeKind.OBJECT: "this item",
    NodeKind.GROUP: "this group",
}

# URL names, not imports: a place page links to a person's page without importing people.
DETAIL_URL_NAMES: dict[str, tuple[str, str]] = {
    NodeKind.PERSON: ("people:person_detail", "person_id"),
    NodeKind.LOCATION: ("contexts:location_detail", "location_id"),
    NodeKind.OBJECT: ("contexts:object_detail", "object_id"),
    NodeKind.GROUP: ("contexts:group_detail", "group_id"),
}


@dataclass(frozen=True)
class LinkRow:
    """One link, ready to show: a sentence, its source, its grading and when it was seen."""

    other_label: str
    other_url: str
    other_kind: str
    other_first: bool  # the linked record is the sentence's subject ("X lives at this place")
    phrase: str
    this_noun: str
    source: str
    recorded_at: datetime
    grading: str
    grading_meaning: list[str]
    handling_conditions: str
    first_seen: date | None
    last_seen: date | None


def source_label(source_type: str) -> str:
    """ "concern" -> "Concern", "intelligence" -> "Partner information"; others made readable."""
    if source_type in EventKind.values:
        return str(EventKind(source_type).label)
    return source_type.replace("-", " ").replace("_", " ").capitalize() or "Not recorded"


def grading_meaning(link: Link) -> list[str]:
    if not link.grading:
        return []
    return [
        str(SourceEvaluation(link.source_evaluation).label),
        str(IntelligenceAssessment(link.intelligence_assessment).label),
        str(HandlingCode(link.handling_code).label),
    ]


def object_identifier(found: Object) -> tuple[str, str]:
    """The label and formatted value of what identifies an object."""
    if found.kind == ObjectKind.VEHICLE:
        return "Registration", format_vehicle_registration(found.registration)
    if found.kind == ObjectKind.PHONE:
        return "Phone number", format_phone(found.phone_number)
    return "Account", f"{found.handle} on {found.platform}"


def _other_kind(item: LinkedNode) -> str:
    target = item.target
    display = getattr(target, "get_category_display", None) or getattr(
        target, "get_kind_display", None
    )
    return str(display()) if display else str(NodeKind(item.kind).label)


def _other_url(item: LinkedNode) -> str:
    if item.target is None or item.kind not in DETAIL_URL_NAMES:
        return ""
    url_name, kwarg = DETAIL_URL_NAMES[item.kind]
    return reverse(url_name, kwargs={kwarg: item.target.pk})


def link_rows(*, viewed: Node, linked: list[LinkedNode], this_noun: str = "") -> list[LinkRow]:
    """One row per link (a linked record may have several, from different sources)."""
    rows: list[LinkRow] = []
    this_noun = this_noun or THIS_NOUN.get(viewed.kind, "this record")
    for item in linked:
        other_kind, other_url = _other_kind(item), _other_url(item)
        for link in item.links:
            rows.append(
                LinkRow(
                    other_label=item.label,
                    other_url=other_url,
                    other_kind=other_kind,
                    other_first=link.to_node_id == viewed.pk,
                    phrase=RELATION_PHRASES.get(link.relation, link.relation.replace("-", " ")),
                    this_noun=this_noun,
                    source=source_label(link.source_type),
                    recorded_at=link.created_at,
                    grading=link.grading,
                    grading_meaning=grading_meaning(link),
                    handling_conditions=(
                        link.handling_conditions if link.handling_code == HandlingCode.C else ""
                    ),
                    first_seen=link.first_seen,
                    last_seen=link.last_seen,
                )
            )
    return rows
