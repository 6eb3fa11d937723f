"""Record pages for places, objects and groups, and the linked-records table they share with people.

Being linked is not being involved: every link is shown with where it came from and how
reliable it is (3x5x2 grading), and handling conditions are shown next to the item.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from cehub.accounts.models import User
from cehub.core.access import permission_required, request_user
from cehub.core.identifiers import format_phone, format_vehicle_registration
from cehub.people.models import ChronologyKind
from cehub.people.selectors import LinkedNode

from . import selectors
from .models import (
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
    if source_type in ChronologyKind.values:
        return str(ChronologyKind(source_type).label)
    return source_type.replace("-", " ").replace("_", " ").capitalize() or "Not recorded"


def grading_meaning(link: Link) -> list[str]:
    if not link.grading:
        return []
    return [
        str(SourceEvaluation(link.source_evaluation).label),
        str(IntelligenceAssessment(link.intelligence_assessment).label),
        str(HandlingCode(link.handling_code).label),
    ]


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


def _render_context_page(
    request: HttpRequest,
    template: str,
    *,
    record: object,
    node: Node,
    viewer: User,
    this_noun: str,
    extra: dict[str, object] | None = None,
) -> HttpResponse:
    linked = selectors.context_links(viewer=viewer, node=node)
    context = {
        "record": record,
        "link_rows": link_rows(viewed=node, linked=linked, this_noun=this_noun),
        "this_noun": this_noun,
    }
    return render(request, template, {**context, **(extra or {})})


def object_identifier(found: Object) -> tuple[str, str]:
    """The label and formatted value of what identifies an object."""
    if found.kind == ObjectKind.VEHICLE:
        return "Registration", format_vehicle_registration(found.registration)
    if found.kind == ObjectKind.PHONE:
        return "Phone number", format_phone(found.phone_number)
    return "Account", f"{found.handle} on {found.platform}"


@permission_required("contexts.view_context")
@require_http_methods(["GET"])
def location_detail(request: HttpRequest, location_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    location = selectors.location_get(viewer=viewer, location_id=location_id)
    return _render_context_page(
        request,
        "contexts/location_detail.html",
        record=location,
        node=location.node,
        viewer=viewer,
        this_noun="this place",
    )


@permission_required("contexts.view_context")
@require_http_methods(["GET"])
def object_detail(request: HttpRequest, object_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    found = selectors.object_get(viewer=viewer, object_id=object_id)
    label, value = object_identifier(found)
    return _render_context_page(
        request,
        "contexts/object_detail.html",
        record=found,
        node=found.node,
        viewer=viewer,
        this_noun=f"this {found.get_kind_display().lower()}",
        extra={"identifier_label": label, "identifier": value},
    )


@permission_required("contexts.view_context")
@require_http_methods(["GET"])
def group_detail(request: HttpRequest, group_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    group = selectors.group_get(viewer=viewer, group_id=group_id)
    return _render_context_page(
        request,
        "contexts/group_detail.html",
        record=group,
        node=group.node,
        viewer=viewer,
        this_noun="this group",
    )
