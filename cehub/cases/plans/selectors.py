"""Reads for safety plans: a case's versions, and one version (which writes a VIEW event)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from cehub.cases.access import require
from cehub.cases.models import Case, SafetyPlan
from cehub.core.audit import audit_record
from cehub.core.models import AccessAction
from cehub.people.access import can_open_record

if TYPE_CHECKING:
    from cehub.accounts.models import User


def case_safety_plans(*, viewer: User, case: Case) -> QuerySet[SafetyPlan]:
    """Newest version first, for a case the caller has already read (and logged)."""
    if not can_open_record(viewer, case.person):
        raise Http404
    return case.safety_plans.select_related("created_by").prefetch_related("actions__agency")


def safety_plan_get(*, viewer: User, plan_id: uuid.UUID) -> SafetyPlan:
    plan = (
        SafetyPlan.objects.select_related("case__person", "created_by").filter(pk=plan_id).first()
    )
    if plan is None:
        raise Http404
    require(viewer, "cases.view_case", plan.case.person)
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="safety-plan", object_id=plan.pk
    )
    return plan
