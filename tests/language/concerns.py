"""A concern whose only free text is what happened, so the language check sees just that."""

from __future__ import annotations

from cehub.accounts.models import User
from cehub.intake.models import Awareness, Concern
from cehub.intake.submit.services import ConcernSubmission, concern_submit


def told(
    teacher: User, what_happened: str, *, given_name: str = "Jade", family_name: str = "Hill"
) -> Concern:
    return concern_submit(
        actor=teacher,
        submission=ConcernSubmission(
            child_given_name=given_name,
            child_family_name=family_name,
            what_happened=what_happened,
            child_aware=Awareness.YES,
            family_aware=Awareness.YES,
            consent_given=Awareness.YES,
        ),
    )
