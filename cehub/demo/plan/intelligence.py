"""Partner information in the demo partnership: what partners tell the hub about places,
vehicles, phones, accounts and adults, and how the intelligence officer grades and shares it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from cehub.intake.models import (
    ConsentStatus,
    IntelligenceSubjectKind,
    LawfulBasis,
    SharingOutcome,
)
from cehub.intake.submit.services import IntelligenceSubmission, Involved
from cehub.intake.triage.services import SharingDecisionInput

from .. import catalogue as cat
from .. import narratives as text
from ..draws import LONDON, HubHours, weighted
from .authors import Authors
from .specs import (
    AccountSpec,
    AdultSpec,
    GradingPlan,
    IntelPlan,
    Mentioned,
    PlaceSpec,
    Pools,
    Thing,
)


@dataclass(kw_only=True)
class IntelWriter:
    """Writes each piece of partner information, and its grading and sharing decision."""

    rng: random.Random
    hours: HubHours
    now: datetime
    pools: Pools
    authors: Authors
    schools: list[PlaceSpec]

    def grading(self, tag: str, source: str, force_conditions: bool) -> GradingPlan:
        rng = self.rng
        if tag in {"police", "missing"}:
            evaluation = weighted(rng, (("A", 0.5), ("B", 0.45), ("C", 0.05)))
        else:
            evaluation = weighted(rng, (("A", 0.2), ("B", 0.6), ("C", 0.2)))
        if source.startswith("Seen myself"):
            assessment = "1"
        elif source.startswith("From CCTV"):
            assessment = "2"
        else:
            assessment = weighted(rng, (("2", 0.3), ("3", 0.5), ("4", 0.15), ("5", 0.05)))
        handling = "C" if force_conditions or rng.random() < 0.2 else "P"
        return GradingPlan(
            after=timedelta(hours=rng.uniform(2, 72)),
            source_evaluation=evaluation,
            intelligence_assessment=assessment,
            handling_code=handling,
            handling_conditions=rng.choice(text.HANDLING_CONDITIONS) if handling == "C" else "",
            rationale=(
                f"{text.EVALUATION_REASONS[evaluation]} {text.ASSESSMENT_REASONS[assessment]}"
            ),
        )

    def item(
        self,
        *,
        at: datetime,
        author: tuple[str, str],
        information: str,
        source: str,
        involved: Involved,
        adults: tuple[AdultSpec, ...],
        state: str,
        force_conditions: bool = False,
        uses: tuple[tuple[AdultSpec, Thing], ...] = (),
        members: tuple[AccountSpec, ...] = (),
        network: str = "",
    ) -> IntelPlan:
        rng = self.rng
        kinds = []
        if involved.people or involved.phones:  # a phone is someone's
            kinds.append(IntelligenceSubjectKind.PERSON)
        if involved.places:
            kinds.append(IntelligenceSubjectKind.PLACE)
            if any(p.kind in {"takeaway", "shop", "hotel", "business"} for p in involved.places):
                kinds.append(IntelligenceSubjectKind.BUSINESS)
        if involved.vehicles:
            kinds.append(IntelligenceSubjectKind.VEHICLE)
        if involved.accounts:
            kinds.append(IntelligenceSubjectKind.ONLINE)
        ago = self.now - at
        grading = None
        if state == "graded":
            grading = self.grading(author[1], source, force_conditions)
            cap = ago - timedelta(minutes=20)
            after = min(grading.after, cap * 0.7)
            grading = replace(grading, after=self.hours.working_time(at, after, cap, duty=False))
        decision_after, decision = None, None
        if grading is not None:  # graded items are shared (or not) too, or they stay queued
            cap = ago - timedelta(minutes=20)
            decision_after = min(timedelta(hours=rng.uniform(1, 30)), cap * 0.6)
            decision_after = self.hours.working_time(at, decision_after, cap, duty=True)
            share = rng.random() < 0.7
            decision = SharingDecisionInput(
                outcome=SharingOutcome.SHARE if share else SharingOutcome.NOT_SHARE,
                purpose=text.INTEL_SHARE_PURPOSE,
                lawful_basis=LawfulBasis.LAW_ENFORCEMENT if share else LawfulBasis.NONE_NEEDED,
                consent_status=ConsentStatus.NOT_NEEDED,
                rationale=rng.choice(
                    text.INTEL_SHARE_RATIONALES if share else text.INTEL_NOT_SHARE_RATIONALES
                ),
                recipients=text.INTEL_SHARE_RECIPIENTS if share else "",
                information=text.INTEL_SHARE_INFORMATION if share else "",
            )
        observed = (at.astimezone(LONDON) - timedelta(days=rng.choice((0, 1, 2, 5)))).date()
        return IntelPlan(
            at=at,
            author=author[0],
            submission=IntelligenceSubmission(
                information=information,
                source_description=source,
                subject_kinds=[str(k) for k in kinds],
                observed_on=observed,
                involved=involved,
            ),
            adults=adults,
            grading=grading,
            decision_after=decision_after,
            decision=decision,
            uses=uses,
            members=members,
            network=network,
        )

    def background(self, at: datetime, state: str) -> IntelPlan:
        rng = self.rng
        subject = weighted(
            rng,
            (("place", 0.5), ("vehicle", 0.18), ("phone", 0.1), ("account", 0.12), ("adult", 0.1)),
        )
        slots: dict[str, str] = {}
        named = Mentioned()
        sentences: list[str] = []
        tags: tuple[str, ...]

        def named_adult() -> AdultSpec:
            adult = self.pools.adults.take(rng)
            named.people.append(adult.reported(named=True))
            named.adults.append(adult)
            return adult

        if subject in {"place", "vehicle", "adult"}:
            place = self.pools.places.take(rng)
            named.places.append(place)
            slots["place"] = place.label
            slots["town"] = place.town
        if subject == "place":
            kind = place.kind
            if kind in {"business", "school"} or (kind == "home" and place.name):
                kind = "other"  # a business or a children's home
            elif kind == "home":
                kind = "flat"  # an address of concern
            sentences.append(
                rng.choice(text.INTEL_PLACE.get(kind, text.INTEL_PLACE["other"])).format(**slots)
            )
            tags = ("licensing", "housing", "police", "school", "voluntary")
        elif subject == "vehicle":
            vehicle = self.pools.vehicles.take(rng)
            named.vehicles.append(vehicle)
            slots |= {"vehicle": vehicle.description, "registration": vehicle.registration}
            if rng.random() < 0.5:
                school = rng.choice(self.schools)
                named.places[0] = school
                slots["place"] = school.label
                sentences.append(text.INTEL_VEHICLE_SCHOOL.format(**slots))
            else:
                sentences.append(rng.choice(text.INTEL_VEHICLE).format(**slots))
            tags = ("police", "school", "care-home")
        elif subject == "phone":
            phone = self.pools.phones.take(rng)
            named.phones.append(phone)
            slots |= {"phone": phone.number, "town": rng.choice(sorted(cat.TOWNS))}
            sentences.append(rng.choice(text.INTEL_PHONE).format(**slots))
            tags = ("police", "missing", "youth-justice")
        elif subject == "account":
            account = self.pools.accounts.take(rng, lambda a: a.platform != "whatsapp")
            named.accounts.append(account)
            slots |= {"handle": account.handle, "platform": account.platform_label}
            sentences.append(rng.choice(text.INTEL_ACCOUNT).format(**slots))
            tags = ("school", "police", "school-nurse")
        else:
            adult = named_adult()
            slots["adult"] = adult.named
            sentences.append(rng.choice(text.INTEL_ADULT).format(**slots))
            if rng.random() < 0.6:
                phone = self.pools.phones.take(rng)
                named.phones.append(phone)
                sentences.append(
                    text.INTEL_ADULT_PHONE.format(given=adult.given, phone=phone.number)
                )
            tags = ("police", "missing", "social-care")
        if subject in {"place", "vehicle"} and rng.random() < 0.35:
            adult = named_adult()
            sentences.append(text.INTEL_ADULT_SEEN_THERE.format(adult=adult.named))
        author = self.authors.author_of(rng.choice(tags))
        return self.item(
            at=at,
            author=author,
            information=" ".join(sentences),
            source=rng.choice(text.SOURCES),
            involved=named.involved(),
            adults=tuple(named.adults),
            state=state,
        )
