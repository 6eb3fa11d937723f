"""What cases adds to people: the person page's summary, and a hub manager's reason to open.

People sits below cases, so it cannot ask cases anything; it offers registries instead
(``people.record_sections`` and ``people.access``), and ``CasesConfig.ready`` registers these
two. The person page shows the summary exactly where it always did, and ``can_open_record``
asks ``awaits_allocation_by`` alongside the team relationship and break-glass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cehub.cases.casework.selectors import person_risk_summary
from cehub.cases.models import Case, CaseStatus
from cehub.core.roles import Role
from cehub.people.models import PersonCategory
from cehub.people.record_sections import RecordSection

if TYPE_CHECKING:
    from cehub.accounts.models import User
    from cehub.people.models import Person

PERSON_SUMMARY_TEMPLATE = "cases/_person_summary.html"


def person_summary_section(viewer: User, person: Person) -> RecordSection:
    """For a child: risk level, case, levels over time and missing episodes; for an adult:
    disruption. The page has already opened (and audited) the record for this viewer."""
    risk = (
        person_risk_summary(viewer=viewer, person=person)
        if person.category == PersonCategory.CHILD
        else None
    )
    return RecordSection(PERSON_SUMMARY_TEMPLATE, {"risk": risk})


def awaits_allocation_by(user: User, person: Person) -> bool:
    """Hub managers allocate: a child whose case waits for a worker is theirs to read."""
    if user.role != Role.HUB_MANAGER:
        return False
    return Case.objects.filter(person=person, status=CaseStatus.AWAITING_ALLOCATION).exists()
