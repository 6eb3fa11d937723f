"""How a person's identity reads on any page: date of birth to its precision, age, and flags.

Every app above people shows who a child is, so these live here, beside the model, and not
in the person page's views.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from .models import CareStatus, DobPrecision, Person


def date_of_birth_text(person: Person) -> str:
    """The date of birth to the precision it is known."""
    dob = person.date_of_birth
    if dob is None:
        return "Not known"
    if person.dob_precision == DobPrecision.MONTH:
        return f"{dob:%B %Y}"
    if person.dob_precision == DobPrecision.YEAR:
        return f"{dob.year}"
    if person.dob_precision == DobPrecision.ESTIMATED:
        return f"{dob.year} (estimated from apparent age)"
    return f"{dob.day} {dob:%B %Y}"


def age_text(person: Person, today: date | None = None) -> str:
    age = person.age_on(today or timezone.localdate())
    if age is None:
        return "Not known"
    return str(age) if person.dob_precision == DobPrecision.EXACT else f"About {age}"


def person_flags(person: Person) -> list[str]:
    """Facts a practitioner must see at a glance, each in words (never colour alone)."""
    flags: list[str] = []
    if person.care_status not in (CareStatus.NONE_KNOWN, CareStatus.NOT_KNOWN):
        flags.append(str(CareStatus(person.care_status).label))
    if person.disability_send:
        flags.append("Disability or special educational needs")
    if person.learning_disability:
        flags.append("Learning disability")
    return flags
