"""Writes for National Referral Mechanism referrals: recorded, then their decisions."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from cehub.cases.access import log_case_work, require
from cehub.cases.models import NRMDecision, NRMReferral
from cehub.core.errors import Problem, ServiceError
from cehub.people.models import ChronologyKind, Person

if TYPE_CHECKING:
    from cehub.accounts.models import Agency, User


def _problems(
    *,
    referred_on: date,
    reasonable_grounds: str,
    reasonable_grounds_on: date | None,
    conclusive_grounds: str,
    conclusive_grounds_on: date | None,
) -> list[Problem]:
    problems: list[Problem] = []
    if referred_on > timezone.localdate():
        problems.append(("referred_on", "The referral date must be today or in the past"))
    for decision, on, name in (
        (reasonable_grounds, reasonable_grounds_on, "reasonable_grounds_on"),
        (conclusive_grounds, conclusive_grounds_on, "conclusive_grounds_on"),
    ):
        if decision != NRMDecision.PENDING and on is None:
            problems.append((name, "Enter the date of the decision"))
        if on is not None and on < referred_on:
            problems.append((name, "A decision cannot come before the referral"))
    if conclusive_grounds != NRMDecision.PENDING and reasonable_grounds == NRMDecision.PENDING:
        problems.append(
            (
                "conclusive_grounds",
                "A conclusive grounds decision follows a reasonable grounds decision",
            )
        )
    return problems


def nrm_record(
    *,
    actor: User,
    person: Person,
    referred_on: date,
    first_responder: Agency,
    reasonable_grounds: NRMDecision | str = NRMDecision.PENDING,
    reasonable_grounds_on: date | None = None,
    conclusive_grounds: NRMDecision | str = NRMDecision.PENDING,
    conclusive_grounds_on: date | None = None,
    guardian_allocated_on: date | None = None,
    referral: NRMReferral | None = None,
) -> NRMReferral:
    """Record a National Referral Mechanism referral, or update its decisions."""
    require(actor, "cases.manage", person)
    if problems := _problems(
        referred_on=referred_on,
        reasonable_grounds=reasonable_grounds,
        reasonable_grounds_on=reasonable_grounds_on,
        conclusive_grounds=conclusive_grounds,
        conclusive_grounds_on=conclusive_grounds_on,
    ):
        raise ServiceError.of(problems)
    with transaction.atomic():
        if referral is None:
            referral = NRMReferral(person=person, recorded_by=actor, recorded_at=timezone.now())
        referral.referred_on, referral.first_responder = referred_on, first_responder
        referral.reasonable_grounds = reasonable_grounds
        referral.reasonable_grounds_on = reasonable_grounds_on
        referral.conclusive_grounds = conclusive_grounds
        referral.conclusive_grounds_on = conclusive_grounds_on
        referral.guardian_allocated_on = guardian_allocated_on
        referral.save()
        log_case_work(
            actor,
            person,
            "nrm",
            referral.pk,
            "National Referral Mechanism: "
            f"reasonable grounds {NRMDecision(reasonable_grounds).label.lower()}, "
            f"conclusive grounds {NRMDecision(conclusive_grounds).label.lower()}",
            kind=ChronologyKind.NRM,
        )
    return referral
