"""The screening → case hand-off: one named service for each way a screening reaches a case.

Screening records the screening and says, from the tool's data, whether its level opens a
hub case (``Screening.outcome``); cases act on it. Each service is one transaction: the
screening and the case change together or not at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from django.db import transaction

from cehub.cases.casework.services import (
    case_level_follow_screening,
    case_open_or_update,
    case_rescreened_below_threshold,
)
from cehub.screening.models import Outcome, Screening
from cehub.screening.services import (
    ScreeningDetails,
    screening_decide_lower_level,
    screening_record,
)

if TYPE_CHECKING:
    from cehub.accounts.models import User
    from cehub.people.models import Person


def screening_submit(
    *, actor: User, person: Person, **details: Unpack[ScreeningDetails]
) -> Screening:
    """Record a screening, then open or update the child's case at a level that opens one,
    or let the live case (if any) follow a level below that. The level that stands is the
    computed one while a lower level waits for a manager."""
    with transaction.atomic():
        screening = screening_record(actor=actor, person=person, **details)
        standing = screening.effective_level
        if screening.outcome == Outcome.CASE:
            case_open_or_update(actor=actor, person=person, level=standing, screening=screening)
        else:
            case_rescreened_below_threshold(
                actor=actor, person=person, level=standing, screening=screening
            )
    return screening


def screening_decide(*, actor: User, screening: Screening, agree: bool, note: str) -> Screening:
    """A manager's decision on a lower level; once agreed, the live case takes that level."""
    with transaction.atomic():
        screening = screening_decide_lower_level(
            actor=actor, screening=screening, agree=agree, note=note
        )
        if agree:
            case_level_follow_screening(actor=actor, screening=screening)
    return screening
