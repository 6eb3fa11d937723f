"""National Referral Mechanism decisions follow in order."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.models import (
    NRMDecision,
)
from cehub.cases.nrm.services import nrm_record
from cehub.core.errors import ServiceError
from cehub.people.models import Person

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.get_fixed_timezone(0))


def test_nrm_decisions_follow_in_order(hub_social_worker: User, child: Person) -> None:
    agency = hub_social_worker.agency
    with pytest.raises(ServiceError, match="conclusive grounds decision follows"):
        nrm_record(
            actor=hub_social_worker,
            person=child,
            referred_on=date(2026, 9, 1),
            first_responder=agency,  # type: ignore[arg-type]
            conclusive_grounds=NRMDecision.POSITIVE,
            conclusive_grounds_on=date(2026, 10, 1),
        )
    with pytest.raises(ServiceError, match="date of the decision"):
        nrm_record(
            actor=hub_social_worker,
            person=child,
            referred_on=date(2026, 9, 1),
            first_responder=agency,  # type: ignore[arg-type]
            reasonable_grounds=NRMDecision.POSITIVE,
        )
    referral = nrm_record(
        actor=hub_social_worker,
        person=child,
        referred_on=date(2026, 9, 1),
        first_responder=agency,
        reasonable_grounds=NRMDecision.POSITIVE,  # type: ignore[arg-type]
        reasonable_grounds_on=date(2026, 9, 4),
        guardian_allocated_on=date(2026, 9, 10),
    )
    assert referral.reasonable_grounds == NRMDecision.POSITIVE
