"""National Referral Mechanism decisions follow in order."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cehub.accounts.models import User
from cehub.cases.models import NRMDecision, NRMReferral
from cehub.cases.nrm.services import nrm_record
from cehub.core.errors import ServiceError
from cehub.people.models import Person

pytestmark = pytest.mark.django_db


def _refer(actor: User, child: Person, **decisions: Any) -> NRMReferral:
    return nrm_record(
        actor=actor,
        person=child,
        referred_on=date(2026, 9, 1),
        first_responder=actor.agency,  # type: ignore[arg-type]
        **decisions,
    )


def test_nrm_decisions_follow_in_order(hub_social_worker: User, child: Person) -> None:
    with pytest.raises(ServiceError, match="conclusive grounds decision follows"):
        _refer(
            hub_social_worker,
            child,
            conclusive_grounds=NRMDecision.POSITIVE,
            conclusive_grounds_on=date(2026, 10, 1),
        )
    with pytest.raises(ServiceError, match="date of the decision"):
        _refer(hub_social_worker, child, reasonable_grounds=NRMDecision.POSITIVE)
    referral = _refer(
        hub_social_worker,
        child,
        reasonable_grounds=NRMDecision.POSITIVE,
        reasonable_grounds_on=date(2026, 9, 4),
        guardian_allocated_on=date(2026, 9, 10),
    )
    assert referral.reasonable_grounds == NRMDecision.POSITIVE
