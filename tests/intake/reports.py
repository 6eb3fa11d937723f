"""Records for intake tests, made through the services as people make them.

A concern or a piece of partner information as a referrer sends it, a person's record as the
hub holds it, and a decision not to share. Each takes the few things a test is about; the rest
is a plausible default.
"""

from __future__ import annotations

from typing import Any

from cehub.accounts.models import User
from cehub.intake.models import (
    Awareness,
    Concern,
    ConsentStatus,
    LawfulBasis,
    PartnerIntelligence,
    SharingOutcome,
)
from cehub.intake.submit.services import (
    ConcernSubmission,
    IntelligenceSubmission,
    concern_submit,
    intelligence_submit,
)
from cehub.intake.triage.services import SharingDecisionInput
from cehub.people.models import Person, PersonCategory
from cehub.people.services import PersonDetails, person_create


def concern_from(referrer: User, **answers: Any) -> Concern:
    """A concern about Kayley Brooks that everyone knows about and agreed to, unless told."""
    defaults: dict[str, Any] = {
        "child_given_name": "Kayley",
        "child_family_name": "Brooks",
        "what_happened": "Two adults in a car wait for her outside school most days.",
        "child_aware": Awareness.YES,
        "family_aware": Awareness.YES,
        "consent_given": Awareness.YES,
    }
    return concern_submit(actor=referrer, submission=ConcernSubmission(**{**defaults, **answers}))


def intelligence_from(referrer: User, **answers: Any) -> PartnerIntelligence:
    defaults: dict[str, Any] = {
        "information": "The vape shop on Mill Lane sells to children and lets adults meet "
        "them in the back room after school.",
        "source_description": "Seen myself on two afternoons",
    }
    return intelligence_submit(
        actor=referrer, submission=IntelligenceSubmission(**{**defaults, **answers})
    )


def person(
    given_name: str,
    family_name: str,
    *,
    category: PersonCategory = PersonCategory.CHILD,
    actor: User | None = None,
    **details: Any,
) -> Person:
    """A person's record (a child unless told), created by ``actor`` or by no one."""
    return person_create(
        actor=actor,
        details=PersonDetails(
            category=category, given_name=given_name, family_name=family_name, **details
        ),
    )


def not_sharing(**overrides: Any) -> SharingDecisionInput:
    """A decision not to share, for the rare concern the hub need not pass on."""
    decision: dict[str, Any] = {
        "outcome": SharingOutcome.NOT_SHARE,
        "purpose": "To protect the child",
        "lawful_basis": LawfulBasis.NONE_NEEDED,
        "consent_status": ConsentStatus.NOT_NEEDED,
        "rationale": "Police already hold this; sharing again adds nothing.",
    }
    return SharingDecisionInput(**{**decision, **overrides})
