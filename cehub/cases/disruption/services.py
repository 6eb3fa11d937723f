"""Writes for disruption: an action against an adult, a place or a vehicle (never a child)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cehub.cases.models import DisruptionAction, DisruptionKind, DisruptionStatus
from cehub.core.audit import audit_record
from cehub.core.errors import Problem, ServiceError
from cehub.core.models import AccessAction
from cehub.language.services import kept_wording_record
from cehub.people.models import PersonCategory

if TYPE_CHECKING:
    from cehub.accounts.models import Agency, User
    from cehub.contexts.models import Node

CHOOSE_KIND = "Choose the kind of disruption"
CHOOSE_STATUS = "Choose the status"


def _problems(
    *,
    kind: str,
    status: str,
    started_on: date,
    ended_on: date | None,
    outcome: str,
) -> list[Problem]:
    problems: list[Problem] = []
    if kind not in DisruptionKind.values:
        problems.append(("kind", CHOOSE_KIND))
    if status not in DisruptionStatus.values:
        problems.append(("status", CHOOSE_STATUS))
    if ended_on is not None and ended_on < started_on:
        problems.append(("ended_on", "The end date must be the same as or after the start date"))
    if status == DisruptionStatus.COMPLETED and not outcome.strip():
        problems.append(("outcome", "Record the outcome of the completed disruption"))
    return problems


def disruption_record(
    *,
    actor: User,
    target: Node,
    kind: DisruptionKind | str,
    status: DisruptionStatus | str,
    started_on: date,
    owner_agency: Agency,
    description: str = "",
    ended_on: date | None = None,
    outcome: str = "",
) -> DisruptionAction:
    """Disruption against an adult, place or vehicle (never against a child)."""
    if not actor.has_perm("cases.disrupt"):
        raise Http404
    person = getattr(target, "person", None)
    if person is not None and person.category == PersonCategory.CHILD:
        raise ServiceError(
            "Disruption is against the adults, places and vehicles that exploit children", "target"
        )
    if problems := _problems(
        kind=kind, status=status, started_on=started_on, ended_on=ended_on, outcome=outcome
    ):
        raise ServiceError.of(problems)
    with transaction.atomic():
        action = DisruptionAction.objects.create(
            target=target,
            kind=kind,
            description=description.strip(),
            status=status,
            started_on=started_on,
            ended_on=ended_on,
            outcome=outcome.strip(),
            owner_agency=owner_agency,
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        kept_wording_record(
            actor=actor,
            texts={
                "disruption.description": action.description,
                "disruption.outcome": action.outcome,
            },
        )
        audit_record(
            action=AccessAction.CREATE, user=actor, object_type="disruption", object_id=action.pk
        )
    return action
