"""What every case service and selector checks first, written once for the cases app.

Who may work on a child's case is a permission (``cases.*``, see ``rules.py``) and a working
relationship with the child (``people.access.can_open_record``). Both failures are the same
404 as a record that does not exist, so nothing leaks. Writes that depend on the case's state
lock the case row first and refuse a stale page (optimistic locking).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.http import Http404
from django.utils import timezone

from cehub.core.errors import ConflictError
from cehub.people.access import can_open_record
from cehub.people.models import ChronologyKind, Person
from cehub.people.services import chronology_record

from .models import Case

if TYPE_CHECKING:
    import uuid

    from cehub.accounts.models import User

CASE_CHANGED = (
    "Someone else changed this case while you were looking at it. Nothing you entered "
    "has been saved: reload the page to see their changes."
)


def may_work_on(user: User, permission: str, person: Person) -> bool:
    return user.has_perm(permission) and can_open_record(user, person)


def require(actor: User, permission: str, person: Person) -> None:
    """The actor has ``permission`` and a relationship with ``person``; otherwise 404."""
    if not may_work_on(actor, permission, person):
        raise Http404


def readable_case[C: Case](viewer: User, case: C | None) -> C:
    """The case, if the viewer may read it (a hub role and a relationship); otherwise 404."""
    if case is None or not may_work_on(viewer, "cases.view_case", case.person):
        raise Http404
    return case


def lock_case(case: Case, expected_version: int | None = None) -> Case:
    """The case row, locked for this transaction; a stale ``expected_version`` is refused."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(CASE_CHANGED)
    return locked


def chronology_add(
    *,
    person: Person,
    actor: User,
    summary: str,
    source: str,
    source_id: uuid.UUID,
    kind: ChronologyKind = ChronologyKind.CASE,
    when: datetime | None = None,
) -> None:
    """One entry on the child's chronology for a piece of case work (now, unless ``when``)."""
    chronology_record(
        person=person,
        kind=kind,
        occurred_at=when or timezone.now(),
        summary=summary,
        source_type=source,
        source_id=source_id,
        actor=actor,
    )
