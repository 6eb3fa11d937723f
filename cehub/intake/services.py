"""Writes for intake: submitting concerns and intelligence, grading, triage, sharing decisions."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from cehub.contexts.models import Node, Relation
from cehub.contexts.services import (
    link_record,
    links_regrade,
    location_find_or_create,
    online_account_find_or_create,
    phone_find_or_create,
    vehicle_find_or_create,
)
from cehub.core.audit import audit_record
from cehub.core.deadlines import sharing_decision_due
from cehub.core.errors import ConflictError, ServiceError
from cehub.core.identifiers import normalise_nhs_number, normalise_postcode
from cehub.core.models import AccessAction
from cehub.language.services import kept_wording_record
from cehub.people.models import ChronologyKind, Person, PersonCategory, TeamAccessReason
from cehub.people.services import (
    PersonDetails,
    adult_find_or_create_from_report,
    chronology_record,
    person_create,
    team_access_grant,
)

from .models import (
    Awareness,
    Concern,
    ConcernStatus,
    ConsentStatus,
    ExploitationForm,
    IntelligenceGrading,
    IntelligenceStatus,
    Involvement,
    InvolvementRole,
    LawfulBasis,
    NextStep,
    PartnerIntelligence,
    SharingDecision,
    SharingOutcome,
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


def _described_people(involved: Involved) -> dict[str, str]:
    # Each description is its own paragraph, so every person's findings are counted.
    return {"involvement.description": "\n\n".join(p.description for p in involved.people)}


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


def _involve(
    *,
    actor: User,
    involved: Involved,
    concern: Concern | None = None,
    intelligence: PartnerIntelligence | None = None,
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
    created = [
        Involvement.objects.create(
            concern=concern, intelligence=intelligence, node=node, role=role, description=text[:300]
        )
        for node, role, text in rows
    ]
    # The people and things in one report are associated with each other, by that report.
    source_type, source = ("concern", concern) if concern else ("intelligence", intelligence)
    if source is None:
        raise ValueError("Involvements belong to a concern or an intelligence item")
    people_nodes = [row.node for row in created if row.node.kind == "person"]
    for person_node in people_nodes:
        for other in created:
            if other.node_id != person_node.pk and other.node.kind != "person":
                link_record(
                    from_node=person_node,
                    to_node=other.node,
                    relation=_relation_for(other.role),
                    source_type=source_type,
                    source_id=source.pk,
                    actor=actor,
                )
    return created


def _relation_for(role: str) -> Relation:
    return {
        InvolvementRole.ADULT: Relation.ASSOCIATE,
        InvolvementRole.YOUNG_PERSON: Relation.ASSOCIATE,
        InvolvementRole.PLACE: Relation.SEEN_AT,
    }.get(role, Relation.MENTIONED_WITH)  # type: ignore[call-overload]


def concern_submit(*, actor: User, submission: ConcernSubmission) -> Concern:
    """Any professional's concern about a child, as they tell it."""
    if not actor.has_perm("intake.submit_concern"):
        raise Http404
    data = submission
    if not (
        data.child_given_name.strip()
        or data.child_family_name.strip()
        or data.child_known_as.strip()
    ):
        raise ServiceError(
            "Enter the child's name, or the name they are known by", "child_given_name"
        )
    if not data.what_happened.strip():
        raise ServiceError("Describe what you have seen or heard", "what_happened")
    if data.consent_given != Awareness.YES and not data.no_consent_reason.strip():
        raise ServiceError(
            "Say why the child or family have not agreed, or why you have not asked",
            "no_consent_reason",
        )
    if data.immediate_danger and not data.immediate_action_taken.strip():
        raise ServiceError(
            "Say what you have already done about the immediate danger (for example, called 999)",
            "immediate_action_taken",
        )
    now = timezone.now()
    with transaction.atomic():
        concern = Concern.objects.create(
            reference=_reference("CON", Concern),
            submitted_by=actor,
            submitting_agency=_agency_of(actor),
            submitted_at=now,
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
            sharing_due_at=sharing_decision_due(now),
        )
        _involve(actor=actor, involved=data.involved, concern=concern)
        kept_wording_record(
            actor=actor,
            texts={
                "concern.what_happened": concern.what_happened,
                "concern.child_words": concern.child_words,
                "concern.no_consent_reason": concern.no_consent_reason,
                "concern.immediate_action_taken": concern.immediate_action_taken,
                **_described_people(data.involved),
            },
        )
        audit_record(
            action=AccessAction.CREATE, user=actor, object_type="concern", object_id=concern.pk
        )
    return concern


@dataclass(frozen=True)
class IntelligenceSubmission:
    information: str
    source_description: str
    subject_kinds: list[str] = field(default_factory=list)
    observed_on: date | None = None
    involved: Involved = field(default_factory=Involved)


def intelligence_submit(*, actor: User, submission: IntelligenceSubmission) -> PartnerIntelligence:
    if not actor.has_perm("intake.submit_intelligence"):
        raise Http404
    if not submission.information.strip():
        raise ServiceError("Describe what you know", "information")
    if not submission.source_description.strip():
        raise ServiceError("Say how you know this", "source_description")
    now = timezone.now()
    with transaction.atomic():
        item = PartnerIntelligence.objects.create(
            reference=_reference("INT", PartnerIntelligence),
            submitted_by=actor,
            submitting_agency=_agency_of(actor),
            submitted_at=now,
            subject_kinds=list(submission.subject_kinds),
            information=submission.information.strip(),
            observed_on=submission.observed_on,
            source_description=submission.source_description.strip(),
            sharing_due_at=sharing_decision_due(now),
        )
        _involve(actor=actor, involved=submission.involved, intelligence=item)
        kept_wording_record(
            actor=actor,
            texts={
                "intelligence.information": item.information,
                **_described_people(submission.involved),
            },
        )
        audit_record(
            action=AccessAction.CREATE, user=actor, object_type="intelligence", object_id=item.pk
        )
    return item


def intelligence_grade(
    *,
    actor: User,
    item: PartnerIntelligence,
    source_evaluation: str,
    intelligence_assessment: str,
    handling_code: str,
    handling_conditions: str = "",
    rationale: str = "",
    expected_version: int,
) -> PartnerIntelligence:
    """Grade (or regrade) 3x5x2. History is kept; linked associations carry the grading."""
    if not actor.has_perm("intake.grade_intelligence"):
        raise Http404
    if handling_code == "C" and not handling_conditions.strip():
        raise ServiceError("Enter the handling conditions", "handling_conditions")
    if item.gradings.exists() and not rationale.strip():
        raise ServiceError("Explain why the grading is changing", "rationale")
    now = timezone.now()
    with transaction.atomic():
        item = PartnerIntelligence.objects.select_for_update().get(pk=item.pk)
        if item.version != expected_version:
            raise ConflictError(
                "Someone else graded this item while you were looking at it. "
                "Your grading was not saved: check theirs and grade again if needed."
            )
        IntelligenceGrading.objects.create(
            intelligence=item,
            graded_by=actor,
            graded_at=now,
            source_evaluation=source_evaluation,
            intelligence_assessment=intelligence_assessment,
            handling_code=handling_code,
            handling_conditions=handling_conditions.strip(),
            rationale=rationale.strip(),
        )
        item.source_evaluation = source_evaluation
        item.intelligence_assessment = intelligence_assessment
        item.handling_code = handling_code
        item.handling_conditions = handling_conditions.strip() if handling_code == "C" else ""
        item.status = IntelligenceStatus.GRADED
        item.version += 1
        item.save()
        links_regrade(
            source_type="intelligence",
            source_id=item.pk,
            grading=(source_evaluation, intelligence_assessment, handling_code),
            handling_conditions=item.handling_conditions,
        )
        kept_wording_record(
            actor=actor,
            texts={
                "grading.handling_conditions": handling_conditions.strip(),
                "grading.rationale": rationale.strip(),
            },
        )
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="intelligence",
            object_id=item.pk,
            details={"status": f"graded {item.grading}"},
        )
    return item


# --- Triage --------------------------------------------------------------------------------
def _lock_concern(concern: Concern, expected_version: int | None) -> Concern:
    locked = Concern.objects.select_for_update().get(pk=concern.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            "Someone else changed this concern while you were looking at it. Nothing you "
            "entered has been saved: reload the page to see their changes."
        )
    return locked


def _concern_on_chronology(concern: Concern, actor: User) -> None:
    forms = ", ".join(ExploitationForm(form).label.lower() for form in concern.forms_suspected)
    summary = f"Concern {concern.reference} from {concern.submitting_agency.name}"
    if forms:
        summary += f" (suspected: {forms})"
    chronology_record(
        person=concern.child,  # type: ignore[arg-type]
        kind=ChronologyKind.CONCERN,
        occurred_at=concern.submitted_at,
        summary=summary,
        source_type="concern",
        source_id=concern.pk,
        actor=actor,
    )


def concern_link_child(
    *, actor: User, concern: Concern, person: Person, expected_version: int | None = None
) -> Concern:
    """Say which child the concern is about. The child's chronology and links follow."""
    if not actor.has_perm("intake.triage"):
        raise Http404
    if person.category != PersonCategory.CHILD:
        raise ServiceError("Choose a child or young person, not an adult", "person")
    with transaction.atomic():
        concern = _lock_concern(concern, expected_version)
        if concern.child_id is not None:
            raise ServiceError("This concern is already linked to a child")
        concern.child = person
        concern.status = ConcernStatus.IN_TRIAGE
        concern.version += 1
        concern.save(update_fields=["child", "status", "version"])
        if actor.team_id:
            team_access_grant(person=person, team=actor.team, reason=TeamAccessReason.TRIAGE)  # type: ignore[arg-type]
        _concern_on_chronology(concern, actor)
        for involvement in concern.involvements.select_related("node"):
            link_record(
                from_node=person.node,
                to_node=involvement.node,
                relation=_relation_for(involvement.role),
                source_type="concern",
                source_id=concern.pk,
                actor=actor,
                seen_on=concern.happened_on,
            )
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="concern",
            object_id=concern.pk,
            details={"status": "child linked"},
        )
    return concern


def concern_create_child(
    *, actor: User, concern: Concern, details: PersonDetails, expected_version: int | None = None
) -> Concern:
    """No existing record fits: create the child's record and link the concern to it."""
    if not actor.has_perm("intake.triage"):
        raise Http404
    with transaction.atomic():
        person = person_create(actor=actor, details=details)
        return concern_link_child(
            actor=actor, concern=concern, person=person, expected_version=expected_version
        )


@dataclass(frozen=True)
class SharingDecisionInput:
    outcome: SharingOutcome
    purpose: str
    lawful_basis: LawfulBasis
    consent_status: ConsentStatus
    rationale: str
    recipients: str = ""
    information: str = ""


def _validate_sharing(decision: SharingDecisionInput) -> None:
    if not decision.rationale.strip():
        raise ServiceError("Explain the reasons for this decision", "rationale")
    if not decision.purpose.strip():
        raise ServiceError("Say what the sharing decision is for", "purpose")
    if decision.outcome == SharingOutcome.SHARE:
        if not decision.recipients.strip():
            raise ServiceError("Say who the information is shared with", "recipients")
        if not decision.information.strip():
            raise ServiceError("Say what information is shared", "information")
        if decision.lawful_basis == LawfulBasis.NONE_NEEDED:
            raise ServiceError("Choose the lawful basis for sharing", "lawful_basis")


def sharing_decision_record(
    *,
    actor: User,
    decision: SharingDecisionInput,
    concern: Concern | None = None,
    intelligence: PartnerIntelligence | None = None,
) -> SharingDecision:
    """Record a decision to share or not to share — both need a lawful basis and reasons."""
    if not actor.has_perm("intake.triage"):
        raise Http404
    if (concern is None) == (intelligence is None):
        raise ValueError("A sharing decision is about one concern or one intelligence item")
    _validate_sharing(decision)
    now = timezone.now()
    with transaction.atomic():
        try:
            row = SharingDecision.objects.create(
                concern=concern,
                intelligence=intelligence,
                decided_by=actor,
                decided_at=now,
                outcome=decision.outcome,
                recipients=decision.recipients.strip(),
                information=decision.information.strip(),
                purpose=decision.purpose.strip(),
                lawful_basis=decision.lawful_basis,
                consent_status=decision.consent_status,
                rationale=decision.rationale.strip(),
            )
        except IntegrityError as error:  # pragma: no cover - the checks above come first
            raise ServiceError(
                "The decision needs its lawful basis, purpose and reasons"
            ) from error
        if concern is not None and concern.child_id is not None:
            chronology_record(
                person=concern.child,  # type: ignore[arg-type]
                kind=ChronologyKind.SHARING,
                occurred_at=now,
                summary=(
                    f"Decided to share with {row.recipients}"
                    if row.outcome == SharingOutcome.SHARE
                    else "Decided not to share information"
                )
                + f" ({concern.reference})",
                source_type="sharing-decision",
                source_id=row.pk,
                actor=actor,
            )
        kept_wording_record(
            actor=actor,
            texts={"sharing.information": row.information, "sharing.rationale": row.rationale},
        )
        audit_record(
            action=AccessAction.CREATE,
            user=actor,
            object_type="sharing-decision",
            object_id=row.pk,
            details={"status": str(row.outcome)},
        )
    return row


def concern_decide_next_step(
    *,
    actor: User,
    concern: Concern,
    next_step: NextStep,
    reason: str,
    expected_version: int | None = None,
) -> Concern:
    """Finish triage: screen, close with no further action, or signpost elsewhere."""
    if not actor.has_perm("intake.triage"):
        raise Http404
    if next_step not in NextStep.values:
        raise ServiceError("Choose what happens next", "next_step")
    if next_step != NextStep.SCREEN and not reason.strip():
        raise ServiceError(
            "Explain why there is no further action"
            if next_step == NextStep.NO_FURTHER_ACTION
            else "Say which service the child or family are signposted to, and why",
            "reason",
        )
    with transaction.atomic():
        concern = _lock_concern(concern, expected_version)
        if concern.child_id is None:
            raise ServiceError(
                "Link the concern to a child before deciding what happens next", "next_step"
            )
        if not concern.sharing_decisions.exists():
            raise ServiceError(
                "Record what will and will not be shared before finishing triage", "next_step"
            )
        if concern.triaged_at is not None:
            raise ServiceError("Triage of this concern is already finished")
        concern.next_step, concern.next_step_reason = next_step, reason.strip()
        concern.triaged_by, concern.triaged_at = actor, timezone.now()
        concern.status = {
            NextStep.SCREEN: ConcernStatus.FOR_SCREENING,
            NextStep.NO_FURTHER_ACTION: ConcernStatus.NO_FURTHER_ACTION,
            NextStep.SIGNPOST: ConcernStatus.SIGNPOSTED,
        }[next_step]
        concern.version += 1
        concern.save()
        chronology_record(
            person=concern.child,  # type: ignore[arg-type]
            kind=ChronologyKind.TRIAGE,
            occurred_at=concern.triaged_at,
            summary=f"Triage of {concern.reference}: {NextStep(next_step).label.lower()}",
            source_type="concern",
            source_id=concern.pk,
            actor=actor,
        )
        kept_wording_record(
            actor=actor, texts={"concern.next_step_reason": concern.next_step_reason}
        )
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="concern",
            object_id=concern.pk,
            details={"status": f"triaged: {next_step}"},
        )
    return concern
