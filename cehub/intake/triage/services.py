"""Writes for the hub's side of intake: triage of a concern, sharing decisions, grading.

Triage says which child a concern is about (an existing record, or a new one), records what
will and will not be shared (both need a lawful basis and reasons), and decides what happens
next; intelligence officers grade partner information 3x5x2. Writes to a concern lock it and
check the version the page was drawn from (``ConflictError`` when someone else changed it);
each adds to the child's chronology and ends with its access-log event.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from cehub.contexts.services import link_record, links_regrade
from cehub.core.audit import audit_record
from cehub.core.errors import (
    ConflictError,
    Problem,
    Rule,
    ServiceError,
    problems_of,
    raise_problems,
)
from cehub.core.models import AccessAction
from cehub.language.services import kept_wording_record
from cehub.people.models import ChronologyKind, Person, PersonCategory, TeamAccessReason
from cehub.people.services import PersonDetails, chronology_record, person_create, team_access_grant

from ..models import (
    Concern,
    ConcernStatus,
    ConsentStatus,
    ExploitationForm,
    IntelligenceGrading,
    IntelligenceStatus,
    LawfulBasis,
    NextStep,
    PartnerIntelligence,
    SharingDecision,
    SharingOutcome,
)
from ..submit.services import relation_for

if TYPE_CHECKING:
    from cehub.accounts.models import User


# --- Which child the concern is about ------------------------------------------------------
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
                relation=relation_for(involvement.role),
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


def child_details_problems(
    details: PersonDetails, *, unread: Collection[str] = ()
) -> list[Problem]:
    """A new child's record needs a name (the people service says so for anyone; this says it
    for a child)."""
    return problems_of(
        Rule(
            not (details.given_name.strip() or details.family_name.strip()),
            "given_name",
            "Enter the child's given name or family name",
        ),
        unread=unread,
    )


def concern_create_child(
    *, actor: User, concern: Concern, details: PersonDetails, expected_version: int | None = None
) -> Concern:
    """No existing record fits: create the child's record and link the concern to it."""
    if not actor.has_perm("intake.triage"):
        raise Http404
    raise_problems(child_details_problems(details))
    with transaction.atomic():
        person = person_create(actor=actor, details=details)
        return concern_link_child(
            actor=actor, concern=concern, person=person, expected_version=expected_version
        )


# --- Sharing decisions ---------------------------------------------------------------------
@dataclass(frozen=True)
class SharingDecisionInput:
    outcome: SharingOutcome
    purpose: str
    lawful_basis: LawfulBasis
    consent_status: ConsentStatus
    rationale: str
    recipients: str = ""
    information: str = ""


def sharing_problems(
    decision: SharingDecisionInput, *, unread: Collection[str] = ()
) -> list[Problem]:
    """What a sharing decision needs, every problem at once (``unread``: see core.errors)."""
    sharing = decision.outcome == SharingOutcome.SHARE
    return problems_of(
        Rule(not decision.rationale.strip(), "rationale", "Explain the reasons for this decision"),
        Rule(not decision.purpose.strip(), "purpose", "Say what the sharing decision is for"),
        Rule(
            sharing and not decision.recipients.strip(),
            "recipients",
            "Say who the information is shared with",
            reads=("outcome",),
        ),
        Rule(
            sharing and not decision.information.strip(),
            "information",
            "Say what information is shared",
            reads=("outcome",),
        ),
        Rule(
            sharing and decision.lawful_basis == LawfulBasis.NONE_NEEDED,
            "lawful_basis",
            "Choose the lawful basis for sharing",
            reads=("outcome",),
        ),
        unread=unread,
    )


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
    raise_problems(sharing_problems(decision))
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


# --- What happens next ---------------------------------------------------------------------
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


# --- Grading partner information ---------------------------------------------------------
def grading_problems(
    *,
    item: PartnerIntelligence,
    handling_code: str,
    handling_conditions: str,
    rationale: str,
    unread: Collection[str] = (),
) -> list[Problem]:
    """What a grading needs: conditions for code C, and a reason to change an earlier one."""
    return problems_of(
        Rule(
            handling_code == "C" and not handling_conditions.strip(),
            "handling_conditions",
            "Enter the handling conditions",
            reads=("handling_code",),
        ),
        Rule(
            not rationale.strip() and item.gradings.exists(),
            "rationale",
            "Explain why the grading is changing",
        ),
        unread=unread,
    )


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
    raise_problems(
        grading_problems(
            item=item,
            handling_code=handling_code,
            handling_conditions=handling_conditions,
            rationale=rationale,
        )
    )
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
