"""Who may open which person's record (SECURITY.md §6–7).

- Hub roles may find people and see who they are (name, date of birth, postcode) — they need
  to, to avoid creating duplicates when triaging — and may open the records of adults.
- A child's full record (chronology, links, concerns) also needs a legitimate relationship: a
  team relationship (triage, allocation, creation), a reason an app above people registered
  (for hub managers, a case waiting for them to allocate), or an unexpired break-glass grant.
- Everyone else: nothing. Selectors answer 404 for forbidden and missing alike.

Why registered rules: every app above people opens a child's record through
``can_open_record``, and some reasons to open one belong to those apps (a case is in cases).
People may not import them (the layers in pyproject.toml), so an app adds its reason from
``AppConfig.ready`` with ``register_record_access_rule``; ``can_open_record`` asks every rule.
A rule only ever widens access to a child's record for a hub member; it cannot narrow it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils import timezone

from cehub.core.access import is_hub_member

from .models import BreakGlassGrant, Person, PersonCategory, PersonTeamAccess

if TYPE_CHECKING:
    from cehub.accounts.models import User

# "This user may open this child's record because …": a predicate over (user, person).
RecordAccessRule = Callable[["User", Person], bool]

_record_access_rules: list[RecordAccessRule] = []


def register_record_access_rule(rule: RecordAccessRule) -> None:
    """Add a reason a hub member may open a child's record (once, however often it is called)."""
    if rule not in _record_access_rules:
        _record_access_rules.append(rule)


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


def can_open_record(user: User, person: Person) -> bool:
    if not can_find_people(user):
        return False
    if person.category != PersonCategory.CHILD:
        return True
    return (
        has_relationship(user, person)
        or any(rule(user, person) for rule in _record_access_rules)
        or active_break_glass(user, person) is not None
    )
