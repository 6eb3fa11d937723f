"""Reads for screening: the child to screen and the concern it follows, one screening, and
the manager's queue of lower levels to decide.

Each checks access (404 for forbidden and missing alike) and writes the access event.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.errors import ServiceError
from cehub.core.models import AccessAction
from cehub.intake.triage.selectors import concern_get
from cehub.people.access import can_open_record
from cehub.people.models import Person, PersonCategory
from cehub.people.selectors import RecordLockedError, person_get

from .models import Screening, ScreeningStatus

if TYPE_CHECKING:
    from cehub.accounts.models import User
    from cehub.intake.models import Concern


def child_to_screen(*, viewer: User, person_id: uuid.UUID) -> Person:
    """A child whose record the viewer may open; an adult, a locked record or none is 404."""
    try:
        person = person_get(viewer=viewer, person_id=person_id)
    except RecordLockedError:
        raise Http404 from None
    if person.category != PersonCategory.CHILD:
        raise Http404
    return person


def screening_concern_get(
    *, viewer: User, person: Person, concern_id: uuid.UUID | None
) -> Concern | None:
    """The concern a screening follows, if any; one about another child is refused."""
    if concern_id is None:
        return None
    concern = concern_get(viewer=viewer, concern_id=concern_id)
    if concern.child_id != person.pk:
        raise ServiceError(
            "The concern this screening follows is about a different child: start the "
            "screening from this child's concern",
            "concern",
        )
    return concern


def approval_queue(*, viewer: User) -> QuerySet[Screening]:
    """Screenings whose assessor chose a level below the computed one."""
    if not viewer.has_perm("screening.approve_lower_level"):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="approval-queue")
    return (
        Screening.objects.filter(status=ScreeningStatus.AWAITING_APPROVAL)
        .select_related("person", "assessed_by")
        .order_by("assessed_at")
    )


def screening_get(*, viewer: User, screening_id: uuid.UUID) -> Screening:
    """A screening the viewer may open: through the child's record, or as a hub manager
    (who decides lower levels without a relationship with the child)."""
    screening = (
        Screening.objects.select_related("person", "assessed_by", "decided_by")
        .filter(pk=screening_id)
        .first()
    )
    if screening is None or not (
        can_open_record(viewer, screening.person)
        or viewer.has_perm("screening.approve_lower_level")
    ):
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="screening", object_id=screening.pk
    )
    return screening
