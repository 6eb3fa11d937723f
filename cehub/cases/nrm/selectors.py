"""Reads for National Referral Mechanism referrals: a person's, and one (a VIEW event)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from cehub.cases.access import require
from cehub.cases.models import NRMReferral
from cehub.core.audit import audit_record
from cehub.core.models import AccessAction
from cehub.people.access import can_open_record
from cehub.people.models import Person

if TYPE_CHECKING:
    from cehub.accounts.models import User


def nrm_for(*, viewer: User, person: Person) -> QuerySet[NRMReferral]:
    """For a record the caller has already read (and logged)."""
    if not can_open_record(viewer, person):
        raise Http404
    return NRMReferral.objects.filter(person=person).select_related("first_responder")


def nrm_referral_get(*, viewer: User, referral_id: uuid.UUID) -> NRMReferral:
    """One referral, for someone whose record the viewer may open."""
    referral = (
        NRMReferral.objects.select_related("person", "first_responder")
        .filter(pk=referral_id)
        .first()
    )
    if referral is None:
        raise Http404
    require(viewer, "cases.view_case", referral.person)
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="nrm", object_id=referral.pk)
    return referral
