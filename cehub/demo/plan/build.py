"""The demo partnership as a plan: who writes what about whom, and when. Pure Python, no database.

``build_plan`` is deterministic: a fixed seed for ``random.Random`` and for Faker en_GB, and
every time measured back from the moment of loading, so every installation gets the same
partnership. First the three networks' stories (``networks.yaml``), then the background: the
rest of the adults and children, concerns about every child, and partner information, with the
newest items still in the queues. The loader (``partnership.py``) then writes the plan through
CE Hub's services.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from cehub.contexts.models import LocationKind
from cehub.intake.models import ExploitationForm
from cehub.people.models import CareStatus, Sex

from .. import catalogue as cat
from ..draws import SEED, HubHours, Pool, weighted
from ..networks import NETWORKS, Beat, Network
from ..personas import REFERRER
from .authors import Authors
from .concerns import ConcernWriter
from .intelligence import IntelWriter
from .population import Population
from .specs import (
    RECENT,
    SPAN,
    AccountSpec,
    AdultSpec,
    ChildSpec,
    DemoScale,
    GroupSpec,
    Member,
    Mentioned,
    PhoneSpec,
    PlaceSpec,
    Plan,
    Pools,
    Thing,
    VehicleSpec,
)
from .triage import TriagePlanner

# The triage queue always shows every deadline state: (how long ago, how far triage got).
QUEUE_FIXTURES: tuple[tuple[timedelta, str], ...] = (
    (timedelta(hours=2), "none"),
    (timedelta(hours=7), "none"),
    (timedelta(hours=15), "none"),
    (timedelta(hours=21), "none"),  # due within 4 hours
    (timedelta(hours=22, minutes=30), "none"),
    (timedelta(days=2), "none"),  # overdue
    (timedelta(days=3, hours=12), "none"),
    (timedelta(days=6), "none"),
    (timedelta(days=10), "none"),
    (timedelta(days=4), "linked"),  # linked to a child, no sharing decision yet: overdue
    (timedelta(days=8), "linked"),
    (timedelta(days=3), "decided"),  # shared on time, next step not yet decided
    (timedelta(days=5), "decided"),
)
# Partner information still waiting to be graded, submitted this long ago.
INTEL_FIXTURES: tuple[timedelta, ...] = (
    timedelta(hours=5),
    timedelta(hours=18),
    timedelta(days=3),
)


def build_plan(*, scale: DemoScale, now: datetime) -> Plan:
    return PlanBuilder(scale, now).build()


class PlanBuilder:
    """Builds one plan: the parts below share its two seeded streams, in a fixed order."""

    def __init__(self, scale: DemoScale, now: datetime) -> None:
        from faker import Faker  # only needed for the first load; keeps re-runs quick

        self.scale = scale
        self.now = now
        self.rng = random.Random(SEED)
        # Times come from their own stream: which weekday a date falls on must not change
        # who or what is picked, so every installation gets the same people and stories.
        self.hours = HubHours(random.Random(SEED + 1), now)
        fake = Faker("en_GB")
        fake.seed_instance(SEED)
        self.population = Population(rng=self.rng, fake=fake, now=now, scale=scale)
        people = self.population
        self.plan = Plan(
            now=now,
            scale=scale,
            professionals=people.professionals(),
            children=[],
            adults=[],
            places=people.places(),
            vehicles=people.vehicles(),
            phones=[],
            accounts=[],
        )
        numbers = people.phone_numbers(scale.phones + 10)
        self.plan.phones = [PhoneSpec(n) for n in numbers[: scale.phones]]
        self.plan.accounts = people.accounts(numbers[scale.phones :])
        self.schools = [p for p in self.plan.places if p.kind == LocationKind.SCHOOL]
        self.homes = [
            p for p in self.plan.places if p.kind == LocationKind.HOME and p.name.endswith("home")
        ]
        self.places_by_key = {p.key: p for p in self.plan.places}
        network_places = {key for net in NETWORKS for _, key in net.places}
        self.pools = Pools(
            places=Pool(
                [
                    p
                    for p in self.plan.places
                    if p.key not in network_places and p not in self.schools
                ]
            ),
            vehicles=Pool(self.plan.vehicles),
            phones=Pool(self.plan.phones),
            accounts=Pool(self.plan.accounts),
            adults=Pool([]),  # the background adults, drawn once the networks have theirs
        )
        self.authors = Authors(self.rng, self.plan.professionals)
        triage = TriagePlanner(rng=self.rng, hours=self.hours, now=now)
        self.concerns = ConcernWriter(
            rng=self.rng, pools=self.pools, authors=self.authors, triage=triage
        )
        self.intelligence = IntelWriter(
            rng=self.rng,
            hours=self.hours,
            now=now,
            pools=self.pools,
            authors=self.authors,
            schools=self.schools,
        )

    def build(self) -> Plan:
        for net in NETWORKS:
            self.network(net)
        self.background()
        return self.plan

    # --- the networks ----------------------------------------------------------------------
    def network(self, net: Network) -> None:
        rng = self.rng
        members = self.network_members(net)
        self.plan.members[net.key] = members
        count = max(2, round(len(net.child_sexes) * self.scale.network_share))
        newest, oldest = (timedelta(days=d) for d in reversed(net.active_days_ago))
        beats = Pool(net.concern_beats)
        for letter in net.child_sexes[:count]:
            child = self.population.child(
                self.schools,
                self.homes,
                sex=Sex.FEMALE if letter == "F" else Sex.MALE,
                ages=net.child_ages,
                network=net.key,
            )
            if net.key == "takeaway-hotel" and rng.random() < 0.6:
                child = _in_childrens_home(child, self.places_by_key[cat.CHILDRENS_HOME_NETWORK])
            self.plan.children.append(child)
            for _ in range(rng.randint(*net.concerns_per_child)):
                at = self.hours.moment(newest, oldest)
                beat = beats.take(rng)
                slots, named = beat_slots(members, beat)
                self.plan.concerns.append(
                    self.concerns.from_network(child, at, beat, net, slots=slots, named=named)
                )
        span = (oldest - newest) / max(1, len(net.intel_beats))
        for i, beat in enumerate(net.intel_beats):
            # Spread through the network's life, so the picture builds up over time.
            at = self.hours.moment(newest + span * i, newest + span * (i + 1), nights=0.2)
            slots, named = beat_slots(members, beat)
            tag = rng.choice(beat.authors)
            # The referrer persona shares one piece of information, for "My submissions".
            author = (REFERRER, "school") if tag == "referrer" else self.authors.author_of(tag)
            self.plan.intelligence.append(
                self.intelligence.item(
                    at=at,
                    author=author,
                    information=beat.text.format(**slots),
                    source=beat.source,
                    involved=named.involved(),
                    adults=tuple(named.adults),
                    state="graded",
                    force_conditions=i == 0,
                    uses=_uses(members, beat),
                    members=_group_members(members, beat),
                    network=net.key,
                )
            )
        if net.group_name:
            self.plan.group = GroupSpec(net.group_name, net.group_description)

    def network_members(self, net: Network) -> dict[str, Member]:
        members: dict[str, Member] = {}
        for spec in net.adults:
            members[spec.key] = self.population.adult(
                f"{net.key}:{spec.key}", alias=spec.alias, sex=spec.sex, ages=spec.ages
            )
        for key, place_key in net.places:
            members[key] = self.places_by_key[place_key]
        for key, model in net.vehicles:
            vehicle = self.pools.vehicles.reserve(self.rng)
            members[key] = network_vehicle = VehicleSpec(vehicle.registration, model)
            self.plan.vehicles[self.plan.vehicles.index(vehicle)] = network_vehicle
        for key in net.phones:
            members[key] = self.pools.phones.reserve(self.rng)
        for key, platform in net.accounts:

            def on_platform(account: AccountSpec, platform: str = platform) -> bool:
                return account.platform == platform

            members[key] = self.pools.accounts.reserve(self.rng, on_platform)
        return members

    # --- the background --------------------------------------------------------------------
    def background(self) -> None:
        rng, plan, scale = self.rng, self.plan, self.scale
        network_adults = [
            m for ms in plan.members.values() for m in ms.values() if isinstance(m, AdultSpec)
        ]
        background_adults = [
            self.population.adult(f"adult:{i}")
            for i in range(max(4, scale.adults - len(network_adults)))
        ]
        self.pools.adults = Pool(background_adults)
        plan.adults = network_adults + background_adults

        background = [
            self.population.child(self.schools, self.homes)
            for _ in range(max(4, scale.children - len(plan.children)))
        ]
        plan.children += background
        oldest, newest = SPAN, RECENT

        def when(child: ChildSpec) -> datetime:
            latest_start = min(oldest, self.now - child.first_concern_possible())
            return self.hours.moment(newest, max(latest_start, newest + timedelta(days=1)))

        network_concerns = len(plan.concerns)
        recent_count = max(2, round(scale.concerns * RECENT / SPAN))
        older = max(
            len(background),
            scale.concerns - network_concerns - len(QUEUE_FIXTURES) - recent_count,
        )
        concern = self.concerns.background
        # Every child on record has at least one triaged concern; the referrer persona wrote a
        # few of them, so "My submissions" has history at any scale.
        by_referrer = [c for c in background if c.school.name == "Riverside Academy"][:3]
        for child in background:
            author = (REFERRER, "school") if child in by_referrer else None
            plan.concerns.append(concern(child, when(child), "full", author))
        weights = [
            2.5 if c.form in {ExploitationForm.CSE, ExploitationForm.CCE} else 1.0
            for c in background
        ]
        for _ in range(older - len(background)):
            child = rng.choices(background, weights=weights)[0]
            plan.concerns.append(concern(child, when(child), "full"))

        # Recent concerns: some about children the hub knows, some about children new to it.
        def recent_child() -> ChildSpec:
            if rng.random() < 0.45:
                return rng.choice(background)
            child = self.population.child(self.schools, self.homes, ages=(12, 17))
            plan.children.append(child)
            return child

        riverside = [c for c in background if c.school.name == "Riverside Academy"]
        for i, (ago, state) in enumerate(QUEUE_FIXTURES):
            child = rng.choice(riverside) if i == 1 and riverside else recent_child()
            author = (REFERRER, "school") if i == 1 and riverside else None
            plan.concerns.append(concern(child, self.now - ago, state, author))
        for _ in range(recent_count):
            at = self.hours.moment(timedelta(days=1), RECENT)
            state = weighted(
                rng, (("full", 0.5), ("none", 0.25), ("linked", 0.1), ("decided", 0.15))
            )
            plan.concerns.append(concern(recent_child(), at, state))

        intel = self.intelligence.background
        network_intel = len(plan.intelligence)
        recent_intel = max(1, round(scale.intelligence * 5 / 548))
        for _ in range(
            max(2, scale.intelligence - network_intel - len(INTEL_FIXTURES) - recent_intel)
        ):
            at = self.hours.moment(timedelta(days=5), SPAN, nights=0.2)
            plan.intelligence.append(intel(at, "graded"))
        for ago in INTEL_FIXTURES:
            plan.intelligence.append(intel(self.now - ago, "submitted"))
        for _ in range(recent_intel):
            at = self.hours.moment(timedelta(days=1), timedelta(days=5), nights=0.2)
            plan.intelligence.append(intel(at, "graded" if rng.random() < 0.5 else "submitted"))


def beat_slots(members: dict[str, Member], beat: Beat) -> tuple[dict[str, str], Mentioned]:
    """The template slots for every member of the network, and who and what the beat names."""
    slots: dict[str, str] = {}
    for key, member in members.items():
        if isinstance(member, AdultSpec):
            slots[key] = member.street_name
            slots[f"{key}_full"] = member.named
        elif isinstance(member, PlaceSpec):
            slots[key] = member.label
        elif isinstance(member, VehicleSpec):
            slots[key] = member.description
            if key in beat.involves:
                slots["reg"] = member.registration
        elif isinstance(member, PhoneSpec):
            slots[key] = member.number
        else:
            slots[key] = member.handle
    involved = [members[key] for key in beat.involves]
    adults = [m for m in involved if isinstance(m, AdultSpec)]
    return slots, Mentioned(
        people=[a.reported(named=True) for a in adults],
        adults=adults,
        places=[m for m in involved if isinstance(m, PlaceSpec)],
        vehicles=[m for m in involved if isinstance(m, VehicleSpec)],
        phones=[m for m in involved if isinstance(m, PhoneSpec)],
        accounts=[m for m in involved if isinstance(m, AccountSpec)],
    )


def _uses(members: dict[str, Member], beat: Beat) -> tuple[tuple[AdultSpec, Thing], ...]:
    """The (adult, object) pairs the beat says go together (networks.yaml checks their kinds)."""
    pairs = []
    for adult_key, thing_key in beat.uses:
        adult, thing = members[adult_key], members[thing_key]
        if not isinstance(adult, AdultSpec) or isinstance(thing, AdultSpec | PlaceSpec):
            raise RuntimeError(f"A network beat has {adult_key} using {thing_key}")
        pairs.append((adult, thing))
    return tuple(pairs)


def _group_members(members: dict[str, Member], beat: Beat) -> tuple[AccountSpec, ...]:
    """The accounts the beat places in the online group (networks.yaml checks they are)."""
    accounts = tuple(members[key] for key in beat.members)
    if not all(isinstance(account, AccountSpec) for account in accounts):
        raise RuntimeError(f"A network beat puts {beat.members} in a group")
    return tuple(account for account in accounts if isinstance(account, AccountSpec))


def _in_childrens_home(child: ChildSpec, home: PlaceSpec) -> ChildSpec:
    return replace(
        child,
        care_status=CareStatus.LOOKED_AFTER,
        children_home=home,
        address=home.address,
        postcode=home.postcode,
    )
