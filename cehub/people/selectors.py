"""Reads about people. Every read checks access (404 for forbidden and missing) and is audited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import F, Q, QuerySet
from django.http import Http404

from cehub.contexts.models import Link, Location, Node, Object, ObjectKind
from cehub.contexts.selectors import LinkedNode, node_links
from cehub.core.audit import audit_record
from cehub.core.identifiers import (
    name_search_key,
    normalise_nhs_number,
    normalise_phone,
    normalise_postcode,
    normalise_vehicle_registration,
)
from cehub.core.models import AccessAction

from .access import active_break_glass, can_find_people, can_open_record, has_relationship
from .models import BreakGlassGrant, ChronologyEntry, Person, PersonAlias

if TYPE_CHECKING:
    from cehub.accounts.models import User

NAME_SIMILARITY_THRESHOLD = 0.3
SEARCH_RESULT_LIMIT = 50


class RecordLockedError(Exception):
    """The viewer may know this child exists but needs a relationship or break-glass to open."""

    def __init__(self, person: Person) -> None:
        super().__init__("A relationship or emergency access is needed")
        self.person = person


def _require_finder(viewer: User) -> None:
    if not can_find_people(viewer):
        raise Http404


def person_get(*, viewer: User, person_id: uuid.UUID) -> Person:
    """A person's record. Raises ``RecordLockedError`` for a child without a relationship."""
    _require_finder(viewer)
    person = Person.objects.prefetch_related("aliases").filter(pk=person_id).first()
    if person is None:
        raise Http404
    if not can_open_record(viewer, person):
        audit_record(
            action=AccessAction.DENIED, user=viewer, object_type="person", object_id=person.pk
        )
        raise RecordLockedError(person)
    grant = None if has_relationship(viewer, person) else active_break_glass(viewer, person)
    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type="person",
        object_id=person.pk,
        reason=f"break-glass until {grant.expires_at.isoformat()}" if grant else "",
    )
    return person


def person_identity_get(*, viewer: User, person_id: uuid.UUID) -> Person:
    """Who a person is (name, date of birth), without their record: for search and break-glass."""
    _require_finder(viewer)
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        raise Http404
    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type="person",
        object_id=person.pk,
        details={"kind": "identity"},
    )
    return person


def person_chronology(
    *, viewer: User, person: Person, kinds: list[str] | None = None
) -> QuerySet[ChronologyEntry]:
    """Newest first, optionally filtered by kind: one indexed query."""
    if not can_open_record(viewer, person):
        raise Http404
    entries = ChronologyEntry.objects.filter(person=person).select_related("recorded_by")
    if kinds:
        entries = entries.filter(kind__in=kinds)
    return entries.order_by("-occurred_at", "-recorded_at")


def person_links(*, viewer: User, person: Person) -> list[LinkedNode]:
    if not can_open_record(viewer, person):
        raise Http404
    return node_links(viewer=viewer, node=person.node)


# --- Search --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SearchCriteria:
    name: str = ""
    date_of_birth: date | None = None
    nhs_number: str = ""
    phone: str = ""
    vehicle: str = ""
    postcode: str = ""

    def used(self) -> list[str]:
        return sorted(key for key, value in vars(self).items() if value)


@dataclass
class PersonMatch:
    person: Person
    score: float
    reasons: list[str]
    can_open: bool


@dataclass(frozen=True)
class SearchResults:
    people: list[PersonMatch]
    places: list[Location]
    objects: list[Object]

    @property
    def count(self) -> int:
        return len(self.people) + len(self.places) + len(self.objects)


def _people_linked_to(nodes: list[Node]) -> QuerySet[Person]:
    node_ids = [node.pk for node in nodes]
    other_ids = set(
        Link.objects.filter(from_node_id__in=node_ids).values_list("to_node_id", flat=True)
    ) | set(Link.objects.filter(to_node_id__in=node_ids).values_list("from_node_id", flat=True))
    return Person.objects.filter(node_id__in=other_ids)


def person_search(*, viewer: User, criteria: SearchCriteria) -> SearchResults:
    """Fuzzy name search (trigrams over names and aliases) and exact identifier search.

    Identifiers are normalised first; one that cannot be normalised raises InvalidIdentifier
    for the form to show. Every search is audited with the fields used, never their values.
    """
    _require_finder(viewer)
    matches: dict[uuid.UUID, PersonMatch] = {}

    def add(person: Person, score: float, reason: str) -> None:
        match = matches.get(person.pk)
        if match is None:
            matches[person.pk] = PersonMatch(person, score, [reason], False)
        else:
            match.score += score
            if reason not in match.reasons:
                match.reasons.append(reason)

    if criteria.name:
        key = name_search_key(criteria.name)
        alias_people = PersonAlias.objects.annotate(
            similarity=TrigramSimilarity("name_key", key)
        ).filter(similarity__gte=NAME_SIMILARITY_THRESHOLD)
        best_alias = {row.person_id: row.similarity for row in alias_people}
        similar_people = (
            Person.objects.annotate(similarity=TrigramSimilarity("name_key", key))
            .filter(Q(similarity__gte=NAME_SIMILARITY_THRESHOLD) | Q(pk__in=list(best_alias)))
            .order_by("-similarity")[:SEARCH_RESULT_LIMIT]
        )
        for similar in similar_people:
            similarity = max(similar.similarity, best_alias.get(similar.pk, 0.0))
            exact = similarity >= 0.99
            add(similar, similarity, "Name matches" if exact else "Name is similar")
    if criteria.date_of_birth:
        for person in Person.objects.filter(date_of_birth=criteria.date_of_birth)[
            :SEARCH_RESULT_LIMIT
        ]:
            add(person, 1.0, "Date of birth matches")
    if criteria.nhs_number:
        for person in Person.objects.filter(nhs_number=normalise_nhs_number(criteria.nhs_number)):
            add(person, 3.0, "NHS number matches")

    objects: list[Object] = []
    if criteria.phone:
        objects += Object.objects.filter(
            kind=ObjectKind.PHONE, phone_number=normalise_phone(criteria.phone)
        )
    if criteria.vehicle:
        objects += Object.objects.filter(
            kind=ObjectKind.VEHICLE, registration=normalise_vehicle_registration(criteria.vehicle)
        )
    for person in _people_linked_to([obj.node for obj in objects]):
        add(person, 1.5, "Linked to the phone or vehicle")

    places: list[Location] = []
    if criteria.postcode:
        places = list(Location.objects.filter(postcode=normalise_postcode(criteria.postcode)))
        for person in _people_linked_to([place.node for place in places]):
            add(person, 1.0, "Linked to a place at this postcode")

    ranked = sorted(matches.values(), key=lambda m: (-m.score, m.person.full_name))
    ranked = ranked[:SEARCH_RESULT_LIMIT]
    for match in ranked:
        match.can_open = can_open_record(viewer, match.person)
    results = SearchResults(people=ranked, places=places, objects=objects)
    audit_record(
        action=AccessAction.SEARCH,
        user=viewer,
        object_type="person-search",
        details={"fields": criteria.used(), "result_count": results.count},
    )
    return results


def break_glass_review_queue(*, viewer: User) -> QuerySet[BreakGlassGrant]:
    if not viewer.has_perm("people.review_break_glass"):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="break-glass-queue")
    # Unreviewed first (PostgreSQL sorts NULLs last unless told), newest first within.
    return BreakGlassGrant.objects.select_related("user__agency", "person").order_by(
        F("reviewed_at").asc(nulls_first=True), "-granted_at"
    )


def break_glass_get(*, viewer: User, grant_id: uuid.UUID) -> BreakGlassGrant:
    if not viewer.has_perm("people.review_break_glass"):
        raise Http404
    grant = BreakGlassGrant.objects.select_related("user", "person").filter(pk=grant_id).first()
    if grant is None:
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="break-glass", object_id=grant.pk
    )
    return grant
