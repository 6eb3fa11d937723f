"""What the demo partnership's plan is made of: its scale, people, places, things and events.

Plain frozen dataclasses, built by ``build.py`` and written to the database by
``partnership.py``; each knows how the services take it (``details()``, ``reported()``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from cehub.core.identifiers import PLATFORMS
from cehub.core.roles import Role
from cehub.intake.models import ExploitationForm, NextStep
from cehub.intake.submit.services import (
    ConcernSubmission,
    IntelligenceSubmission,
    Involved,
    ReportedAccount,
    ReportedPerson,
    ReportedPlace,
    ReportedVehicle,
)
from cehub.intake.triage.services import SharingDecisionInput
from cehub.people.models import CareStatus, Ethnicity, Gender, PersonCategory, Sex
from cehub.people.services import PersonDetails

from ..draws import Pool, add_years

SPAN = timedelta(days=548)  # the stories are spread over the last 18 months
RECENT = timedelta(days=14)  # younger concerns may still be in the triage queue


# --- Scale -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class DemoScale:
    """How big the partnership is. ``DemoScale.of(0.05)`` is small enough for tests."""

    factor: float = 1.0
    children: int = 400
    adults: int = 72  # recorded adults; reports naming only a street name add about ten more
    places: int = 60
    vehicles: int = 40
    phones: int = 60
    accounts: int = 40
    concerns: int = 600
    intelligence: int = 150

    @classmethod
    def of(cls, factor: float) -> DemoScale:
        if factor <= 0:
            raise ValueError("The demo scale must be more than 0")

        def n(full: int, least: int) -> int:
            return max(least, round(full * factor))

        return cls(
            factor=factor,
            children=n(400, 12),
            adults=n(72, 10),
            places=n(60, 18),
            vehicles=n(40, 6),
            phones=n(60, 8),
            accounts=n(40, 8),
            concerns=n(600, 30),
            intelligence=n(150, 24),
        )

    @property
    def network_share(self) -> float:
        """Networks keep their shape at small scales: at least two children each."""
        return min(1.0, self.factor * 5)


# --- What the plan is made of -----------------------------------------------------------------
@dataclass(frozen=True)
class ProfessionalSpec:
    email: str
    full_name: str
    agency: str
    kind: str
    team: str
    is_hub_team: bool
    job_title: str
    role: Role
    tag: str


@dataclass(frozen=True)
class PlaceSpec:
    key: str
    name: str
    kind: str
    address: str
    town: str
    postcode: str

    @property
    def label(self) -> str:
        return self.name or self.address

    def reported(self) -> ReportedPlace:
        return ReportedPlace(
            name=self.name, address=self.address, postcode=self.postcode, kind=self.kind
        )


@dataclass(frozen=True)
class VehicleSpec:
    registration: str
    description: str

    def reported(self) -> ReportedVehicle:
        return ReportedVehicle(registration=self.registration, description=self.description)


@dataclass(frozen=True)
class PhoneSpec:
    number: str


@dataclass(frozen=True)
class AccountSpec:
    platform: str
    handle: str

    @property
    def platform_label(self) -> str:
        return dict(PLATFORMS)[self.platform]

    def reported(self) -> ReportedAccount:
        return ReportedAccount(platform=self.platform, handle=self.handle)


Thing = VehicleSpec | PhoneSpec | AccountSpec


@dataclass(frozen=True)
class AdultSpec:
    key: str
    given: str
    family: str
    alias: str
    sex: Sex
    ethnicity: Ethnicity
    date_of_birth: date
    description: str

    @property
    def full_name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def street_name(self) -> str:
        """How children and referrers name an adult: "'Dex'"."""
        return f"'{self.alias}'"

    @property
    def named(self) -> str:
        """How police and partners name an adult: "Dean Smith (known as 'Dex')"."""
        return f"{self.full_name} (known as '{self.alias}')"

    def details(self) -> PersonDetails:
        return PersonDetails(
            category=PersonCategory.ADULT,
            given_name=self.given,
            family_name=self.family,
            date_of_birth=self.date_of_birth,
            sex=self.sex,
            ethnicity=self.ethnicity,
            description=self.description,
            aliases=[self.alias],
        )

    def reported(self, *, named: bool) -> ReportedPerson:
        """Named with a date of birth (found again by CE Hub), or by street name only."""
        if named:
            return ReportedPerson(
                given_name=self.given,
                family_name=self.family,
                known_as=self.alias,
                date_of_birth=self.date_of_birth,
                description=self.description,
            )
        return ReportedPerson(known_as=self.alias, description=self.description)


@dataclass(frozen=True)
class ChildSpec:
    key: int
    given: str
    family: str
    known_as: str
    sex: Sex
    gender: Gender
    pronouns: str
    ethnicity: Ethnicity
    date_of_birth: date
    send: bool
    learning_disability: bool
    care_status: CareStatus
    nhs_number: str
    school: PlaceSpec
    address: str
    postcode: str
    children_home: PlaceSpec | None
    form: ExploitationForm
    network: str = ""

    def details(self) -> PersonDetails:
        return PersonDetails(
            category=PersonCategory.CHILD,
            given_name=self.given,
            family_name=self.family,
            date_of_birth=self.date_of_birth,
            sex=self.sex,
            gender=self.gender,
            ethnicity=self.ethnicity,
            disability_send=self.send,
            learning_disability=self.learning_disability,
            nhs_number=self.nhs_number,
            care_status=self.care_status,
            known_as=[self.known_as] if self.known_as else [],
        )

    def first_concern_possible(self) -> datetime:
        """Children in the demo are 10 or over when anyone first writes about them."""
        return datetime.combine(add_years(self.date_of_birth, 10), time(), tzinfo=UTC)


# What a network is made of: its adults, places and things, by member key (networks.yaml).
Member = AdultSpec | PlaceSpec | VehicleSpec | PhoneSpec | AccountSpec


@dataclass(frozen=True)
class TriagePlan:
    triager: str
    link_after: timedelta | None = None
    decision_after: timedelta | None = None
    decision: SharingDecisionInput | None = None
    next_after: timedelta | None = None
    next_step: NextStep | None = None
    next_reason: str = ""


@dataclass(frozen=True)
class ConcernPlan:
    at: datetime
    author: str
    child: ChildSpec
    submission: ConcernSubmission
    adults: tuple[AdultSpec, ...]
    triage: TriagePlan | None
    to_group: bool = False
    network: str = ""


@dataclass(frozen=True)
class GradingPlan:
    after: timedelta
    source_evaluation: str
    intelligence_assessment: str
    handling_code: str
    handling_conditions: str
    rationale: str


@dataclass(frozen=True)
class IntelPlan:
    at: datetime
    author: str
    submission: IntelligenceSubmission
    adults: tuple[AdultSpec, ...]
    grading: GradingPlan | None
    decision_after: timedelta | None = None
    decision: SharingDecisionInput | None = None
    uses: tuple[tuple[AdultSpec, Thing], ...] = ()
    members: tuple[AccountSpec, ...] = ()
    network: str = ""


@dataclass(frozen=True)
class GroupSpec:
    name: str
    description: str


@dataclass
class Plan:
    now: datetime
    scale: DemoScale
    professionals: list[ProfessionalSpec]
    children: list[ChildSpec]
    adults: list[AdultSpec]
    places: list[PlaceSpec]
    vehicles: list[VehicleSpec]
    phones: list[PhoneSpec]
    accounts: list[AccountSpec]
    concerns: list[ConcernPlan] = field(default_factory=list)
    intelligence: list[IntelPlan] = field(default_factory=list)
    group: GroupSpec | None = None
    # The network members, by network and member key (tests look them up).
    members: dict[str, dict[str, Member]] = field(default_factory=dict)

    def events(self) -> list[ConcernPlan | IntelPlan]:
        return sorted([*self.concerns, *self.intelligence], key=lambda event: event.at)

    def adults_mentioned(self) -> dict[str, tuple[AdultSpec, datetime]]:
        """Each named adult with the first time a report mentions them."""
        first: dict[str, tuple[AdultSpec, datetime]] = {}
        for event in self.events():
            for adult in event.adults:
                if adult.key not in first:
                    first[adult.key] = (adult, event.at)
        return first


@dataclass
class Mentioned:
    """Who and what one report names, as the intake form takes them."""

    people: list[ReportedPerson] = field(default_factory=list)
    adults: list[AdultSpec] = field(default_factory=list)  # those named with a date of birth
    places: list[PlaceSpec] = field(default_factory=list)
    vehicles: list[VehicleSpec] = field(default_factory=list)
    phones: list[PhoneSpec] = field(default_factory=list)
    accounts: list[AccountSpec] = field(default_factory=list)

    def involved(self) -> Involved:
        return Involved(
            people=self.people,
            places=[p.reported() for p in self.places],
            vehicles=[v.reported() for v in self.vehicles],
            phones=[p.number for p in self.phones],
            accounts=[a.reported() for a in self.accounts],
        )


@dataclass
class Pools:
    """What the background stories draw on, each fairly, so everything turns up somewhere."""

    places: Pool[PlaceSpec]
    vehicles: Pool[VehicleSpec]
    phones: Pool[PhoneSpec]
    accounts: Pool[AccountSpec]
    adults: Pool[AdultSpec]  # the background adults, once the networks have theirs
