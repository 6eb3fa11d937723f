"""What every case service and selector checks first, written once for the cases app.

Who may work on a child's case is a permission (``cases.*``, see ``rules.py``) and a working
relationship with the child (``people.access.can_open_record``). Both failures are the same
404 as a record that does not exist, so nothing leaks. Writes that depend on the record's state
lock its row first and refuse a stale page (optimistic locking). Every write leaves the same
trail: the child's chronology, any kept wording, and the access-log event last.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from django.http import Http404
from django.utils import timezone

from cehub.core.audit import audit_record
from cehub.core.errors import ConflictError
from cehub.core.models import AccessAction
from cehub.language.services import kept_wording_record
from cehub.people.access import can_open_record
from cehub.people.models import ChronologyKind, Person
from cehub.people.services import chronology_record

from .models import Case, MissingEpisode

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


def lock_versioned[M: Case | MissingEpisode](
    record: M, expected_version: int | None, changed: str = CASE_CHANGED
) -> M:
    """The record's row, locked for this transaction; a stale ``expected_version`` (the one
    the page was drawn with) is refused with the ``changed`` message."""
    locked = cast(M, type(record).objects.select_for_update().get(pk=record.pk))
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(changed)
    return locked


def log_case_work(
    actor: User,
    person: Person,
    source: str,
    source_id: uuid.UUID,
    summary: str | None,
    *,
    action: AccessAction = AccessAction.UPDATE,
    details: dict[str, str] | None = None,
    kind: ChronologyKind = ChronologyKind.CASE,
    when: datetime | None = None,
    wording: dict[str, str] | None = None,
) -> None:
    """The trail a piece of case work leaves, in this order: an entry on the child's
    chronology (unless ``summary`` is None), the wording its author kept after the language
    review, and last the access-log event (``source`` names the record in both)."""
    if summary is not None:
        chronology_record(
            person=person,
            kind=kind,
            occurred_at=when or timezone.now(),
            summary=summary,
            source_type=source,
            source_id=source_id,
            actor=actor,
        )
    if wording:
        kept_wording_record(actor=actor, texts=wording)
    audit_record(
        action=action, user=actor, object_type=source, object_id=source_id, details=details
    )
