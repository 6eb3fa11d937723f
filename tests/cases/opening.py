"""How every cases test starts: a child screened so that a case opens, and allocated."""

from __future__ import annotations

from cehub.accounts.models import User
from cehub.cases.casework.services import case_allocate
from cehub.cases.models import Case
from cehub.people.models import Person
from cehub.screening.models import Screening
from cehub.screening.services import AnswerInput, screening_record

SIGN = AnswerInput("missing-overnight", "current", True, "Found in Leeds at 3am")


def screen(actor: User, person: Person, *, high: bool = False) -> Screening:
    """Medium (one significant sign now), or high with a disclosure: either opens a case."""
    return screening_record(
        actor=actor,
        person=person,
        answers=[SIGN],
        disclosure=high,
        final_level="high" if high else "medium",
    )


def open_case(worker: User, manager: User, person: Person) -> Case:
    """Screen ``person`` at medium and allocate their case to ``worker``."""
    screen(worker, person)
    return case_allocate(actor=manager, case=Case.objects.get(person=person), worker=worker)
