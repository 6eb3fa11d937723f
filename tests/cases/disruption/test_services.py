"""Disruption is against the adults, places and vehicles that exploit children."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cehub.accounts.models import User
from cehub.cases.disruption.services import disruption_record
from cehub.cases.models import DisruptionAction, DisruptionKind, DisruptionStatus
from cehub.contexts.models import Node
from cehub.contexts.services import vehicle_find_or_create
from cehub.core.errors import ServiceError
from cehub.people.models import Person

pytestmark = pytest.mark.django_db


def _disrupt(actor: User, target: Node, **changes: Any) -> DisruptionAction:
    values: dict[str, Any] = {
        "kind": DisruptionKind.CAWN,
        "status": DisruptionStatus.IN_PROGRESS,
        "started_on": date(2026, 11, 1),
        "owner_agency": actor.agency,
        **changes,
    }
    return disruption_record(actor=actor, target=target, **values)


def test_disruption_targets_adults_places_and_vehicles_never_children(
    hub_social_worker: User, child: Person, adult: Person
) -> None:
    with pytest.raises(ServiceError, match="adults, places and vehicles"):
        _disrupt(hub_social_worker, child.node, status=DisruptionStatus.PLANNED)
    action = _disrupt(hub_social_worker, adult.node)
    assert action.kind == DisruptionKind.CAWN
    car = vehicle_find_or_create(registration="ab12 cde")
    with pytest.raises(ServiceError, match="outcome"):
        _disrupt(
            hub_social_worker,
            car.node,
            kind=DisruptionKind.VEHICLE_STOP,
            status=DisruptionStatus.COMPLETED,
        )
