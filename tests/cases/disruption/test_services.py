"""Disruption is against the adults, places and vehicles that exploit children."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.disruption.services import disruption_record
from cehub.cases.models import (
    DisruptionKind,
    DisruptionStatus,
)
from cehub.contexts.services import vehicle_find_or_create
from cehub.core.errors import ServiceError
from cehub.people.models import Person, PersonCategory
from cehub.people.services import PersonDetails, person_create

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.get_fixed_timezone(0))


def test_disruption_targets_adults_places_and_vehicles_never_children(
    hub_social_worker: User, child: Person
) -> None:
    with pytest.raises(ServiceError, match="adults, places and vehicles"):
        disruption_record(
            actor=hub_social_worker,
            target=child.node,
            kind=DisruptionKind.CAWN,
            status=DisruptionStatus.PLANNED,
            started_on=date(2026, 11, 1),
            owner_agency=hub_social_worker.agency,
        )  # type: ignore[arg-type]
    adult = person_create(
        actor=hub_social_worker,
        details=PersonDetails(
            category=PersonCategory.ADULT, given_name="Darren", family_name="Cole"
        ),
    )
    action = disruption_record(
        actor=hub_social_worker,
        target=adult.node,
        kind=DisruptionKind.CAWN,
        status=DisruptionStatus.IN_PROGRESS,
        started_on=date(2026, 11, 1),
        owner_agency=hub_social_worker.agency,
    )  # type: ignore[arg-type]
    assert action.kind == DisruptionKind.CAWN
    car = vehicle_find_or_create(registration="ab12 cde")
    with pytest.raises(ServiceError, match="outcome"):
        disruption_record(
            actor=hub_social_worker,
            target=car.node,
            kind=DisruptionKind.VEHICLE_STOP,
            status=DisruptionStatus.COMPLETED,
            started_on=date(2026, 11, 1),
            owner_agency=hub_social_worker.agency,
        )  # type: ignore[arg-type]
