"""Who may open which person's record (SECURITY.md §6–7).

- Hub roles may find people and see who they are (name, date of birth, postcode) — they need
  to, to avoid creating duplicates when triaging — and may open the records of adults.
- A child's full record (chronology, links, concerns) also needs a legitimate relationship: a
  team relationship (triage, allocation, creation), for hub managers a case waiting for them
  to allocate, or an unexpired break-glass grant.
- Everyone else: nothing. Selectors answer 404 for forbidden and missing alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.utils import timezone

from cehub.core.access import is_hub_member
from cehub.core.roles import Role

from .models import BreakGlassGrant, Person, PersonCategory, PersonTeamAccess

if TYPE_CHECKING:
    from cehub.accounts.models import User


def can_find_people(user: User) -> bool:
    return bool(is_hub_member(user))


def has_relationship(user: User, person: Person) -> bool:
    if user.team_id is None:
        return False
    return PersonTeamAccess.objects.filter(
        person=person, team_id=user.team_id, ended_at__isnull=True
    ).exists()


def active_break_glass(user: User, person: Person) -> BreakGlassGrant | None:
    return (
        BreakGlassGrant.objects.filter(user=user, person=person, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )


def awaits_allocation_by(user: User, person: Person) -> bool:
    """Hub managers allocate: a child whose case waits for a worker is theirs to read."""
    if user.role != Role.HUB_MANAGER:
        return False
    case_model = apps.get_model("cases", "Case")  # cases builds on people, not the reverse
    return case_model.objects.filter(person=person, status="awaiting-allocation").exists()


def can_open_record(user: User, person: Person) -> bool:
    if not can_find_people(user):
        return False
    if person.category != PersonCategory.CHILD:
        return True
    return (
        has_relationship(user, person)
        or awaits_allocation_by(user, person)
        or active_break_glass(user, person) is not None
    )
