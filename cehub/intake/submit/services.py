"""Writes for the referrer's side of intake: a concern about a child, and partner information.

Each submission records the people, places and things the referrer named (found or created in
the POLE graph, and linked to each other by the report), starts the 24-hour sharing deadline,
and keeps any wording the referrer chose to keep (PRACTICE.md §7). The rules a submission must
meet, and their messages, are here (``concern_problems``, ``intelligence_problems``): the form
page runs the same rules before the referrer checks their answers.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cehub.contexts.models import Node, Relation
from cehub.contexts.services import (
    link_record,
    location_find_or_create,
    online_account_find_or_create,
    phone_find_or_create,
    vehicle_find_or_create,
)
from cehub.core.audit import audit_record
from cehub.core.deadlines import sharing_decision_due
from cehub.core.errors import Problem, Rule, ServiceError, problems_of, raise_problems
from cehub.core.identifiers import normalise_nhs_number, normalise_postcode
from cehub.core.models import AccessAction
from cehub.language.services import kept_wording_record
from cehub.people.models import PersonCategory
from cehub.people.services import PersonDetails, adult_find_or_create_from_report, person_create

from ..models import (
    Awareness,
    Concern,
    ExploitationForm,
    Involvement,
    InvolvementRole,
    PartnerIntelligence,
)

if TYPE_CHECKING:
    from cehub.accounts.models import Agency, User


# --- What a reporter tells us about the people, places and things involved -----------------
@dataclass(frozen=True)
class ReportedPerson:
    given_name: str = ""
    family_name: str = ""
    known_as: str = ""
    date_of_birth: date | None = None
    description: str = ""
    is_young_person: bool = False


@dataclass(frozen=True)
class ReportedPlace:
    name: str = ""
    address: str = ""
    postcode: str = ""
    kind: str = "other"


@dataclass(frozen=True)
class ReportedVehicle:
    registration: str
    description: str = ""


@dataclass(frozen=True)
class ReportedAccount:
    platform: str
    handle: str


@dataclass(frozen=True)
class Involved:
    people: list[ReportedPerson] = field(default_factory=list)
    places: list[ReportedPlace] = field(default_factory=list)
    vehicles: list[ReportedVehicle] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    accounts: list[ReportedAccount] = field(default_factory=list)


@dataclass(frozen=True)
class ConcernSubmission:
    child_given_name: str
    child_family_name: str
    what_happened: str
    child_aware: Awareness
    family_aware: Awareness
    consent_given: Awareness
    child_known_as: str = ""
    child_date_of_birth: date | None = None
    child_age_estimate: int | None = None
    child_nhs_number: str = ""
    child_address: str = ""
    child_postcode: str = ""
    child_school: str = ""
    happened_on: date | None = None
    happened_where: str = ""
    forms_suspected: list[ExploitationForm] = field(default_factory=list)
    child_words: str = ""
    no_consent_reason: str = ""
    immediate_danger: bool = False
    immediate_action_taken: str = ""
    involved: Involved = field(default_factory=Involved)


def _agency_of(actor: User) -> Agency:
    if actor.agency is None:
        raise ServiceError("Your account is not linked to an agency: ask your administrator")
    return actor.agency


def _reference(prefix: str, model: type[Concern] | type[PartnerIntelligence]) -> str:
    # Short, unambiguous (no 0/O, 1/I) and not guessable in sequence.
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    while True:
        reference = f"{prefix}-" + "".join(secrets.choice(alphabet) for _ in range(8))
        if not model.objects.filter(reference=reference).exists():
            return reference


def _object_type(report: Concern | PartnerIntelligence) -> str:
    return "concern" if isinstance(report, Concern) else "intelligence"


def _arrival(
    actor: User, prefix: str, model: type[Concern] | type[PartnerIntelligence]
) -> dict[str, Any]:
    """What every report records of its arrival: a reference, who sent it from which agency,
    when, and when its 24-hour sharing decision is due."""
    now = timezone.now()
    return {
        "reference": _reference(prefix, model),
        "submitted_by": actor,
        "submitting_agency": _agency_of(actor),
        "submitted_at": now,
        "sharing_due_at": sharing_decision_due(now),
    }


def _file(
    *, actor: User, report: Concern | PartnerIntelligence, involved: Involved, texts: dict[str, str]
) -> None:
    """The rest of a report, in its transaction: who and what it names, any wording its author
    kept (PRACTICE.md §7), and its access event, last."""
    _involve(actor=actor, involved=involved, report=report)
    # Each description is its own paragraph, so every person's findings are counted.
    people = "\n\n".join(person.description for person in involved.people)
    kept_wording_record(actor=actor, texts={**texts, "involvement.description": people})
    audit_record(
        action=AccessAction.CREATE,
        user=actor,
        object_type=_object_type(report),
        object_id=report.pk,
    )


def _involve(
    *, actor: User, involved: Involved, report: Concern | PartnerIntelligence
) -> list[Involvement]:
    """Find or create a node for each person, place and thing reported, and record it."""
    rows: list[tuple[Node, InvolvementRole, str]] = []
    for reported in involved.people:
        person = (
            adult_find_or_create_from_report(
                actor=actor,
                given_name=reported.given_name,
                family_name=reported.family_name,
                date_of_birth=reported.date_of_birth,
                known_as=reported.known_as,
                description=reported.description,
            )
            if not reported.is_young_person
            else person_create(
                actor=None,
                details=PersonDetails(
                    category=PersonCategory.CHILD,
                    given_name=reported.given_name or reported.known_as,
                    family_name=reported.family_name,
                    date_of_birth=reported.date_of_birth,
                    description=reported.description,
                ),
            )
        )
        role = InvolvementRole.YOUNG_PERSON if reported.is_young_person else InvolvementRole.ADULT
        rows.append((person.node, role, reported.description))
    for place in involved.places:
        location = location_find_or_create(
            kind=place.kind, name=place.name, address=place.address, postcode=place.postcode
        )
        rows.append((location.node, InvolvementRole.PLACE, ""))
    for vehicle in involved.vehicles:
        obj = vehicle_find_or_create(
            registration=vehicle.registration, description=vehicle.description
        )
        rows.append((obj.node, InvolvementRole.VEHICLE, vehicle.description))
    for number in involved.phones:
        rows.append((phone_find_or_create(number=number).node, InvolvementRole.PHONE, ""))
    for account in involved.accounts:
        obj = online_account_find_or_create(platform=account.platform, handle=account.handle)
        rows.append((obj.node, InvolvementRole.ONLINE_ACCOUNT, ""))
    source_type = _object_type(report)
    created = [
        Involvement.objects.create(
            **{source_type: report}, node=node, role=role, description=text[:300]
        )
        for node, role, text in rows
    ]
    # The people and things in one report are associated with each other, by that report.
    people_nodes = [row.node for row in created if row.node.kind == "person"]
    for person_node in people_nodes:
        for other in created:
            if other.node_id != person_node.pk and other.node.kind != "person":
                link_record(
                    from_node=person_node,
                    to_node=other.node,
                    relation=relation_for(other.role),
                    source_type=source_type,
                    source_id=report.pk,
                    actor=actor,
                )
    return created


def relation_for(role: str) -> Relation:
    """How a child or another person is associated with what a report names alongside them."""
    return {
        InvolvementRole.ADULT: Relation.ASSOCIATE,
        InvolvementRole.YOUNG_PERSON: Relation.ASSOCIATE,
        InvolvementRole.PLACE: Relation.SEEN_AT,
    }.get(role, Relation.MENTIONED_WITH)  # type: ignore[call-overload]


CHILD_NAMES = ("child_given_name", "child_family_name", "child_known_as")


def concern_problems(
    submission: ConcernSubmission, *, unread: Collection[str] = ()
) -> list[Problem]:
    """What a concern needs before the hub can act on it, every problem at once.

    ``unread`` names answers the page could not read: the rules that need them wait.
    """
    s = submission
    return problems_of(
        Rule(
            not (
                s.child_given_name.strip()
                or s.child_family_name.strip()
                or s.child_known_as.strip()
            ),
            "child_given_name",
            "Enter the child's name, or the name they are known by",
            reads=CHILD_NAMES,
        ),
        Rule(not s.what_happened.strip(), "what_happened", "Describe what you have seen or heard"),
        Rule(
            s.consent_given != Awareness.YES and not s.no_consent_reason.strip(),
            "no_consent_reason",
            "Say why the child or family have not agreed, or why you have not asked",
            reads=("consent_given",),
        ),
        Rule(
            s.immediate_danger and not s.immediate_action_taken.strip(),
            "immediate_action_taken",
            "Say what you have already done about the immediate danger (for example, called 999)",
            reads=("immediate_danger",),
        ),
        unread=unread,
    )


def concern_submit(*, actor: User, submission: ConcernSubmission) -> Concern:
    """Any professional's concern about a child, as they tell it."""
    if not actor.has_perm("intake.submit_concern"):
        raise Http404
    raise_problems(concern_problems(submission))
    data = submission
    with transaction.atomic():
        concern = Concern.objects.create(
            **_arrival(actor, "CON", Concern),
            child_given_name=data.child_given_name.strip(),
            child_family_name=data.child_family_name.strip(),
            child_known_as=data.child_known_as.strip(),
            child_date_of_birth=data.child_date_of_birth,
            child_age_estimate=data.child_age_estimate,
            child_nhs_number=normalise_nhs_number(data.child_nhs_number)
            if data.child_nhs_number
            else "",
            child_address=data.child_address.strip(),
            child_postcode=normalise_postcode(data.child_postcode) if data.child_postcode else "",
            child_school=data.child_school.strip(),
            what_happened=data.what_happened.strip(),
            happened_on=data.happened_on,
            happened_where=data.happened_where.strip(),
            forms_suspected=[str(form) for form in data.forms_suspected],
            child_words=data.child_words.strip(),
            child_aware=data.child_aware,
            family_aware=data.family_aware,
            consent_given=data.consent_given,
            no_consent_reason=data.no_consent_reason.strip(),
            immediate_danger=data.immediate_danger,
            immediate_action_taken=data.immediate_action_taken.strip(),
        )
        _file(
            actor=actor,
            report=concern,
            involved=data.involved,
            texts={
                "concern.what_happened": concern.what_happened,
                "concern.child_words": concern.child_words,
                "concern.no_consent_reason": concern.no_consent_reason,
                "concern.immediate_action_taken": concern.immediate_action_taken,
            },
        )
    return concern


@dataclass(frozen=True)
class IntelligenceSubmission:
    information: str
    source_description: str
    subject_kinds: list[str] = field(default_factory=list)
    observed_on: date | None = None
    involved: Involved = field(default_factory=Involved)


def intelligence_problems(
    submission: IntelligenceSubmission, *, unread: Collection[str] = ()
) -> list[Problem]:
    """What partner information needs, every problem at once (``unread``: as for a concern)."""
    return problems_of(
        Rule(not submission.information.strip(), "information", "Describe what you know"),
        Rule(
            not submission.source_description.strip(),
            "source_description",
            "Say how you know this",
        ),
        unread=unread,
    )


def intelligence_submit(*, actor: User, submission: IntelligenceSubmission) -> PartnerIntelligence:
    if not actor.has_perm("intake.submit_intelligence"):
        raise Http404
    raise_problems(intelligence_problems(submission))
    with transaction.atomic():
        item = PartnerIntelligence.objects.create(
            **_arrival(actor, "INT", PartnerIntelligence),
            subject_kinds=list(submission.subject_kinds),
            information=submission.information.strip(),
            observed_on=submission.observed_on,
            source_description=submission.source_description.strip(),
        )
        _file(
            actor=actor,
            report=item,
            involved=submission.involved,
            texts={"intelligence.information": item.information},
        )
    return item
