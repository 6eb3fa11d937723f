"""The demo partnership as a plan: who writes what about whom, and when. Pure Python, no database.

``build_plan`` is deterministic: a fixed seed for ``random.Random`` and for Faker en_GB, and
every time measured back from the moment of loading, so every installation gets the same
partnership. The loader (``partnership.py``) then writes the plan through CE Hub's services.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cehub.contexts.models import LocationKind
from cehub.core.identifiers import PLATFORMS, nhs_check_digit
from cehub.core.roles import Role
from cehub.intake.models import (
    Awareness,
    ConsentStatus,
    ExploitationForm,
    IntelligenceSubjectKind,
    LawfulBasis,
    NextStep,
    SharingOutcome,
)
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

from . import catalogue as cat
from . import narratives as text
from .networks import NETWORKS, Beat, Network
from .personas import PERSONAS

SEED = 20250301
LONDON = ZoneInfo("Europe/London")
SPAN = timedelta(days=548)  # 18 months
RECENT = timedelta(days=14)  # younger concerns may still be in the triage queue

PERSONA_EMAIL = {persona.role: persona.email for persona in PERSONAS}
REFERRER = PERSONA_EMAIL[Role.REFERRER]
HUB_PRACTITIONER = PERSONA_EMAIL[Role.HUB_PRACTITIONER]
HUB_MANAGER = PERSONA_EMAIL[Role.HUB_MANAGER]
INTELLIGENCE_OFFICER = PERSONA_EMAIL[Role.INTELLIGENCE_OFFICER]
# Who triages: mostly the social care hub team (the demo practitioner and manager), but also
# hub colleagues in other teams, so some children have no relationship with the persona's team.
TRIAGERS: tuple[tuple[str, float], ...] = (
    (HUB_PRACTITIONER, 0.5),
    (HUB_MANAGER, 0.15),
    (cat.HUB_COLLEAGUES[0].email, 0.2),
    (cat.HUB_COLLEAGUES[1].email, 0.15),
)
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
INTEL_FIXTURES: tuple[timedelta, ...] = (
    timedelta(hours=5),
    timedelta(hours=18),
    timedelta(days=3),
)


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
        return datetime.combine(_add_years(self.date_of_birth, 10), time(), tzinfo=UTC)


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
    members: dict[str, dict[str, object]] = field(default_factory=dict)

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


# --- Picking things fairly --------------------------------------------------------------------
class Pool[T]:
    """Hands out the least-used item first, so every place, phone and car turns up somewhere."""

    def __init__(self, items: Sequence[T]) -> None:
        self.items = list(items)
        self.uses: Counter[int] = Counter()

    def take(self, rng: random.Random, where: Callable[[T], bool] | None = None) -> T:
        candidates = [i for i, item in enumerate(self.items) if where is None or where(item)]
        if not candidates:
            candidates = list(range(len(self.items)))
        least = min(self.uses[i] for i in candidates)
        # Reuse is allowed once everything has been used: people and places recur.
        pick = [i for i in candidates if self.uses[i] <= least + (1 if rng.random() < 0.5 else 0)]
        index = rng.choice(pick)
        self.uses[index] += 1
        return self.items[index]

    def reserve(self, rng: random.Random, where: Callable[[T], bool] | None = None) -> T:
        """Take an item out of the pool for good (before anything is taken from it)."""
        if self.uses:
            raise RuntimeError("Reserve items before taking any")
        candidates = [i for i, item in enumerate(self.items) if where is None or where(item)]
        return self.items.pop(rng.choice(candidates))


def _add_years(day: date, years: int) -> date:
    """The same day ``years`` later (or earlier); 29 February becomes the 28th."""
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def _weighted[T](rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    return rng.choices([item for item, _ in pairs], weights=[w for _, w in pairs])[0]


# --- The planner -----------------------------------------------------------------------------
class Planner:
    def __init__(self, scale: DemoScale, now: datetime) -> None:
        self.scale = scale
        self.now = now
        from faker import Faker  # only needed for the first load; keeps re-runs quick

        self.rng = random.Random(SEED)
        # Times come from their own stream: which weekday a date falls on must not change
        # who or what is picked, so every installation gets the same people and stories.
        self.clock_rng = random.Random(SEED + 1)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(SEED)
        self.nhs_numbers: set[str] = set()
        self.child_keys = 0
        self.aliases_used: set[str] = set()
        self.network_aliases = {adult.alias for net in NETWORKS for adult in net.adults}

    # --- time ----------------------------------------------------------------------------
    def moment(self, newest: timedelta, oldest: timedelta, *, nights: float = 0.1) -> datetime:
        """A working-hours moment between ``oldest`` and ``newest`` ago (fewer at weekends)."""
        rng = self.clock_rng
        for _ in range(60):
            ago = newest + (oldest - newest) * rng.random()
            day = (self.now - ago).astimezone(LONDON).date()
            weight = 0.35 if day.weekday() >= 5 else 1.0
            if day.month == 8 or (day.month == 7 and day.day > 22):
                weight *= 0.8  # referrals dip in the summer holiday
            if rng.random() > weight:
                continue
            if rng.random() < nights:
                clock = time(rng.choice((19, 20, 21, 22, 23, 0, 1)), rng.randrange(60))
            else:
                clock = time(rng.randint(8, 17), rng.randrange(60), rng.randrange(60))
            at = datetime.combine(day, clock, tzinfo=LONDON).astimezone(UTC)
            if self.now - oldest <= at <= self.now - newest:
                return at
        return self.now - (newest + oldest) / 2

    # --- places and things ----------------------------------------------------------------
    def postcode(self, town: str) -> str:
        rng = self.rng
        letters = cat.INWARD_LETTERS
        district = rng.choice(cat.TOWNS[town])
        return f"{district} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"

    def street(self) -> str:
        return f"{self.fake.last_name()} {self.rng.choice(cat.STREET_SUFFIXES)}"

    def place(self, entry: cat.PlaceEntry) -> PlaceSpec:
        if entry.kind in {LocationKind.FLAT, LocationKind.HOME} and entry.name[0].isdigit():
            address = f"{entry.street}, {entry.town}"  # the name is the house number
        elif entry.kind == LocationKind.FLAT:
            address = f"{entry.name.split(', ')[1]}, {entry.street}, {entry.town}"
        else:
            address = f"{self.rng.randint(1, 180)} {entry.street}, {entry.town}"
        return PlaceSpec(
            entry.key, entry.name, entry.kind, address, entry.town, self.postcode(entry.town)
        )

    def places(self) -> list[PlaceSpec]:
        network = [self.place(entry) for entry in cat.NETWORK_PLACES]
        schools = [self.place(entry) for entry in cat.SCHOOLS]
        others = [self.place(entry) for entry in cat.OTHER_PLACES]
        unnamed = []
        for i in range(cat.UNNAMED_ADDRESS_COUNT):
            town = self.rng.choice(sorted(cat.TOWNS))
            kind = LocationKind.HOME if i % 2 else LocationKind.FLAT
            address = f"{self.rng.randint(1, 140)} {self.street()}, {town}"
            unnamed.append(PlaceSpec(f"address-{i}", "", kind, address, town, self.postcode(town)))
        room = max(0, self.scale.places - len(network) - len(schools))
        return network + schools + (others + unnamed)[:room]

    def vehicles(self) -> list[VehicleSpec]:
        rng = self.rng
        seen: set[str] = set()
        out: list[VehicleSpec] = []
        while len(out) < self.scale.vehicles:
            letters = cat.PLATE_LETTERS
            plate = f"U{rng.choice(letters)}{rng.choice(cat.PLATE_AGES)} " + "".join(
                rng.choice(letters) for _ in range(3)
            )
            if plate not in seen:
                seen.add(plate)
                out.append(VehicleSpec(plate, rng.choice(cat.VEHICLE_MODELS)))
        return out

    def phone_numbers(self, count: int) -> list[str]:
        # Ofcom's drama range: 07700 900000 to 07700 900999 is never given to a real phone.
        return [f"07700 {n}" for n in self.rng.sample(range(900000, 901000), count)]

    def accounts(self, whatsapp_numbers: list[str]) -> list[AccountSpec]:
        rng, out, seen = self.rng, [], set()
        total = sum(w for _, w in cat.PLATFORM_MIX)
        wanted = [
            (platform, max(1, round(weight * self.scale.accounts / total)))
            for platform, weight in cat.PLATFORM_MIX
        ]
        numbers = iter(whatsapp_numbers)
        for platform, count in wanted:
            made = 0
            while made < count:
                if platform == "whatsapp":
                    handle = next(numbers)
                else:
                    separator = {"facebook": ".", "telegram": "_", "x": "_"}.get(
                        platform, rng.choice("._")
                    )
                    handle = f"{rng.choice(cat.HANDLE_WORDS)}{separator}nv{rng.randint(10, 9999)}"
                if (platform, handle) not in seen:
                    seen.add((platform, handle))
                    out.append(AccountSpec(platform, handle))
                    made += 1
        return out

    # --- people ---------------------------------------------------------------------------
    def ethnicity(self) -> Ethnicity:
        return _weighted(self.rng, cat.ETHNICITY_WEIGHTS)

    def nhs_number(self) -> str:
        # 999 numbers are reserved by NHS England for testing; they still pass Modulus 11.
        while True:
            first_nine = "999" + "".join(str(self.rng.randrange(10)) for _ in range(6))
            check = nhs_check_digit(first_nine)
            if check is not None and (number := f"{first_nine}{check}") not in self.nhs_numbers:
                self.nhs_numbers.add(number)
                return number

    def child_first_name(self, sex: Sex) -> str:
        allowed = cat.CHILD_FIRST_NAMES_FEMALE if sex == Sex.FEMALE else cat.CHILD_FIRST_NAMES_MALE
        draw = self.fake.first_name_female if sex == Sex.FEMALE else self.fake.first_name_male
        for _ in range(200):
            name = draw()
            if name in allowed:
                return name
        return self.rng.choice(sorted(allowed))

    def child(
        self,
        schools: list[PlaceSpec],
        homes: list[PlaceSpec],
        *,
        sex: Sex | None = None,
        ages: tuple[int, int] = (11, 17),
        network: str = "",
    ) -> ChildSpec:
        rng = self.rng
        if sex is None:
            sex = _weighted(rng, ((Sex.FEMALE, 0.52), (Sex.MALE, 0.47), (Sex.NOT_KNOWN, 0.01)))
        name_sex = sex if sex != Sex.NOT_KNOWN else rng.choice((Sex.FEMALE, Sex.MALE))
        gender = _weighted(
            rng,
            (
                (Gender.SAME_AS_SEX, 0.95),
                (Gender.NON_BINARY, 0.015),
                (Gender.MAN_OR_BOY if name_sex == Sex.FEMALE else Gender.WOMAN_OR_GIRL, 0.01),
                (Gender.NOT_KNOWN, 0.025),
            ),
        )
        pronouns = {
            Gender.NON_BINARY: "they",
            Gender.MAN_OR_BOY: "he",
            Gender.WOMAN_OR_GIRL: "she",
        }.get(gender, "she" if name_sex == Sex.FEMALE else "he")
        weights = {11: 4, 12: 7, 13: 12, 14: 18, 15: 22, 16: 22, 17: 15}
        age = _weighted(rng, [(a, w) for a, w in weights.items() if ages[0] <= a <= ages[1]])
        today = self.now.astimezone(LONDON).date()
        dob = _add_years(today, -age) - timedelta(days=rng.randint(1, 364))
        given = self.child_first_name(name_sex)
        known_as = cat.KNOWN_AS.get(given, "") if rng.random() < 0.5 else ""
        if gender in {Gender.MAN_OR_BOY, Gender.WOMAN_OR_GIRL}:
            # A trans child is known by the name they use, which is the one professionals use.
            known_as = self.child_first_name(
                Sex.MALE if gender == Gender.MAN_OR_BOY else Sex.FEMALE
            )
        send = rng.random() < 0.15
        care = _weighted(
            rng,
            (
                (CareStatus.NONE_KNOWN, 0.45),
                (CareStatus.CHILD_IN_NEED, 0.18),
                (CareStatus.CHILD_PROTECTION, 0.10),
                (CareStatus.LOOKED_AFTER, 0.17),
                (CareStatus.NOT_KNOWN, 0.10),
            ),
        )
        children_home = rng.choice(homes) if care == CareStatus.LOOKED_AFTER and homes else None
        if children_home is not None and rng.random() > 0.4:
            children_home = None  # most looked-after children live with foster carers
        if age >= 16 and rng.random() < 0.4:
            school = next((s for s in schools if s.key == "sixth-form"), schools[0])
        else:
            school = _weighted(
                rng,
                [(s, w) for s, w in zip(schools, (25, 20, 18, 12, 10, 15, 0), strict=False) if w],
            )
        town = school.town if rng.random() < 0.8 else rng.choice(sorted(cat.TOWNS))
        if children_home is not None:
            address, postcode = children_home.address, children_home.postcode
        else:
            address = f"{rng.randint(1, 160)} {self.street()}, {town}"
            postcode = self.postcode(town)
        if sex == Sex.FEMALE or (sex == Sex.NOT_KNOWN and name_sex == Sex.FEMALE):
            forms = ((text.CSE, 42), (text.CCE, 22), (text.ONLINE, 24), (text.TRAFFICKING, 4))
        else:
            forms = ((text.CCE, 45), (text.CSE, 16), (text.ONLINE, 24), (text.TRAFFICKING, 5))
        form = _weighted(rng, (*forms, (text.RADICALISATION, 3), (text.NOT_SURE, 6)))
        self.child_keys += 1
        return ChildSpec(
            key=self.child_keys,
            given=given,
            family=self.fake.last_name(),
            known_as=known_as,
            sex=sex,
            gender=gender,
            pronouns=pronouns,
            ethnicity=self.ethnicity(),
            date_of_birth=dob,
            send=send,
            learning_disability=send and rng.random() < 0.25,
            care_status=care,
            nhs_number=self.nhs_number() if rng.random() < 0.75 else "",
            school=school,
            address=address,
            postcode=postcode,
            children_home=children_home,
            form=form,
            network=network,
        )

    def adult(
        self, key: str, *, alias: str = "", sex: str = "", ages: tuple[int, int] = (19, 45)
    ) -> AdultSpec:
        rng = self.rng
        if not sex:
            sex = "female" if rng.random() < 0.18 else "male"
        female = sex == "female"
        if not alias:
            names = cat.STREET_NAMES_FEMALE if female else cat.STREET_NAMES_MALE
            free = [
                n for n in names if n not in self.aliases_used and n not in self.network_aliases
            ]
            if not free:  # several adults can share a street name, but never a network's
                free = [n for n in names if n not in self.network_aliases]
            alias = rng.choice(free)
        self.aliases_used.add(alias)
        age = rng.randint(*ages)
        today = self.now.astimezone(LONDON).date()
        dob = _add_years(today, -age) - timedelta(days=rng.randint(1, 364))
        decade = {1: "late teens", 2: "twenties", 3: "thirties", 4: "forties"}[age // 10]
        if decade != "late teens":
            part = "early" if age % 10 < 4 else "mid" if age % 10 < 7 else "late"
            decade = f"{part} {decade}"
        pronoun = "her" if female else "his"
        description = (
            f"{'Woman' if female else 'Man'} in {pronoun} {decade}, "
            f"{rng.choice(cat.ADULT_BUILDS)}, {rng.choice(cat.ADULT_HAIR)}, "
            f"{rng.choice(cat.ADULT_FEATURES)}; {rng.choice(cat.ADULT_CLOTHES)}."
        )
        return AdultSpec(
            key=key,
            given=self.fake.first_name_female() if female else self.fake.first_name_male(),
            family=self.fake.last_name(),
            alias=alias,
            sex=Sex.FEMALE if female else Sex.MALE,
            ethnicity=self.ethnicity(),
            date_of_birth=dob,
            description=description,
        )

    def professionals(self) -> list[ProfessionalSpec]:
        out = [
            ProfessionalSpec(
                colleague.email,
                colleague.full_name,
                colleague.agency,
                colleague.kind,
                colleague.team,
                True,
                colleague.job_title,
                colleague.role,
                "hub",
            )
            for colleague in cat.HUB_COLLEAGUES
        ]
        emails = {p.email for p in out}
        share = min(1.0, self.scale.factor * 3)
        for agency in cat.POOL:
            for _ in range(max(1, round(agency.people * share))):
                female = self.rng.random() < 0.6
                given = self.fake.first_name_female() if female else self.fake.first_name_male()
                family = self.fake.last_name()
                local = "".join(c for c in f"{given}.{family}".lower() if c.isalpha() or c == ".")
                email, n = f"{local}@demo.cehub.test", 1
                while email in emails:
                    n += 1
                    email = f"{local}{n}@demo.cehub.test"
                emails.add(email)
                out.append(
                    ProfessionalSpec(
                        email,
                        f"{given} {family}",
                        agency.name,
                        agency.kind,
                        agency.team,
                        agency.is_hub_team,
                        self.rng.choice(agency.job_titles),
                        Role.REFERRER,
                        agency.tag,
                    )
                )
        return out


# --- Building the plan -------------------------------------------------------------------
class PlanBuilder(Planner):
    def __init__(self, scale: DemoScale, now: datetime) -> None:
        super().__init__(scale, now)
        self.plan = Plan(
            now=now,
            scale=scale,
            professionals=self.professionals(),
            children=[],
            adults=[],
            places=self.places(),
            vehicles=self.vehicles(),
            phones=[],
            accounts=[],
        )
        numbers = self.phone_numbers(self.scale.phones + 10)
        self.plan.phones = [PhoneSpec(n) for n in numbers[: self.scale.phones]]
        self.plan.accounts = self.accounts(numbers[self.scale.phones :])
        self.by_tag: dict[str, list[ProfessionalSpec]] = {}
        for professional in self.plan.professionals:
            self.by_tag.setdefault(professional.tag, []).append(professional)
        self.schools = [p for p in self.plan.places if p.kind == LocationKind.SCHOOL]
        self.homes = [
            p for p in self.plan.places if p.kind == LocationKind.HOME and p.name.endswith("home")
        ]
        places = {p.key: p for p in self.plan.places}
        network_places = {key for net in NETWORKS for _, key in net.places}
        self.place_pool = Pool(
            [p for p in self.plan.places if p.key not in network_places and p not in self.schools]
        )
        self.vehicle_pool = Pool(self.plan.vehicles)
        self.phone_pool = Pool(self.plan.phones)
        self.account_pool = Pool(self.plan.accounts)
        self.places_by_key = places

    # --- authors ----------------------------------------------------------------------------
    def author_for(self, tag: str) -> ProfessionalSpec:
        return self.rng.choice(self.by_tag.get(tag) or self.by_tag["police"])

    def author_of(self, tag: str) -> tuple[str, str]:
        """(email, tag) of someone with this tag."""
        author = self.author_for(tag)
        return author.email, author.tag

    def concern_author(self, child: ChildSpec, tags: Sequence[str] = ()) -> tuple[str, str]:
        """(email, author tag) for someone who plausibly writes a concern about this child."""
        rng = self.rng
        if tags:
            tag = rng.choice(list(tags))
        elif child.children_home is not None and rng.random() < 0.4:
            tag = "care-home"
        else:
            tag = _weighted(
                rng,
                (
                    ("school", 0.31),
                    ("police", 0.14),
                    ("missing", 0.05),
                    ("social-care", 0.12),
                    ("hospital", 0.05),
                    ("sexual-health", 0.03 if child.form == text.CSE else 0.0),
                    ("school-nurse", 0.05),
                    ("youth-justice", 0.07),
                    ("voluntary", 0.12),
                ),
            )
        if tag == "school":
            # The referrer persona shares Riverside's concerns with two pastoral colleagues.
            if child.school.name == "Riverside Academy" and rng.random() < 0.1:
                return REFERRER, tag
            staff = [p for p in self.by_tag.get(tag, []) if p.agency == child.school.name]
            if staff:
                return rng.choice(staff).email, tag
            tag = "social-care"
        return self.author_for(tag).email, tag

    @staticmethod
    def kind_of(tag: str) -> str:
        return {
            "school": "education",
            "police": "police",
            "missing": "police",
            "social-care": "childrens-social-care",
            "hospital": "health",
            "sexual-health": "health",
            "school-nurse": "health",
            "youth-justice": "youth-justice",
            "voluntary": "voluntary",
        }.get(tag, "other")

    # --- triage -------------------------------------------------------------------------------
    def sharing_decision(
        self, form: ExploitationForm, consent: Awareness, voice: text.Voice, clear: bool
    ) -> SharingDecisionInput:
        """Share, usually; a decision not to share (also recorded) only when harm is unclear."""
        rng = self.rng
        if rng.random() < 0.25 and not clear:
            return SharingDecisionInput(
                outcome=SharingOutcome.NOT_SHARE,
                purpose=rng.choice(text.SHARE_PURPOSES),
                lawful_basis=LawfulBasis.NONE_NEEDED,
                consent_status=ConsentStatus.NOT_NEEDED,
                rationale=rng.choice(text.NOT_SHARE_RATIONALES),
            )
        if consent == Awareness.YES:
            basis = rng.choice((LawfulBasis.CONSENT, LawfulBasis.PUBLIC_TASK))
            consent_status = ConsentStatus.GIVEN
            rationale = text.SHARE_RATIONALES[1]
        else:
            basis = rng.choice(
                (LawfulBasis.PUBLIC_TASK, LawfulBasis.SAFEGUARDING, LawfulBasis.LAW_ENFORCEMENT)
            )
            consent_status = rng.choice(
                (ConsentStatus.NOT_SOUGHT_RISK, ConsentStatus.NOT_SOUGHT_OTHER)
                if consent == Awareness.NO
                else (ConsentStatus.NOT_SOUGHT_RISK, ConsentStatus.REFUSED)
            )
            rationale = rng.choice(
                (text.SHARE_RATIONALES[0], text.SHARE_RATIONALES[2], text.SHARE_RATIONALES[3])
                if clear
                else (text.SHARE_RATIONALE_UNCLEAR, text.SHARE_RATIONALES[2])
            )
        return SharingDecisionInput(
            outcome=SharingOutcome.SHARE,
            purpose=rng.choice(text.SHARE_PURPOSES),
            lawful_basis=basis,
            consent_status=consent_status,
            rationale=text.fill(rationale, voice),
            recipients=rng.choice(text.SHARE_RECIPIENTS[form]),
            information=rng.choice(text.SHARE_INFORMATION),
        )

    def working_time(
        self, at: datetime, when: timedelta, limit: timedelta, duty: bool
    ) -> timedelta:
        """Move a triage step into the hub's hours: 8am-8pm on its duty rota (weekends too),
        8am-6pm Monday to Friday otherwise; unchanged if that would pass ``limit``."""
        local = (at + when).astimezone(LONDON)
        closes = 20 if duty else 18
        if 8 <= local.hour < closes and (duty or local.weekday() < 5):
            return when
        day = local.date() if local.hour < 8 else local.date() + timedelta(days=1)
        while not duty and day.weekday() >= 5:
            day += timedelta(days=1)
        opens = datetime.combine(day, time(8), tzinfo=LONDON).astimezone(UTC)
        moved = opens + timedelta(minutes=self.clock_rng.randint(5, 150)) - at
        return moved if moved < limit else when

    def triage(
        self,
        at: datetime,
        state: str,
        *,
        form: ExploitationForm,
        consent: Awareness,
        voice: text.Voice,
        clear: bool,
    ) -> TriagePlan | None:
        """How far triage got by now; every step happens before the moment of loading."""
        if state == "none":
            return None
        rng = self.rng
        triager = _weighted(rng, TRIAGERS)
        limit = self.now - at - timedelta(minutes=10)
        link = min(timedelta(minutes=rng.randint(15, 4 * 60)), limit * 0.3)
        link = self.working_time(at, link, limit * 0.4, duty=True)
        if state == "linked":
            return TriagePlan(triager, link_after=link)
        late = rng.random() < 0.08 and limit > timedelta(days=3)
        gap = (
            timedelta(hours=rng.uniform(26, 60)) if late else timedelta(hours=rng.uniform(0.25, 5))
        )
        decision_after = min(link + gap, link + (limit - link) * 0.5)
        decision_after = max(link, self.working_time(at, decision_after, limit * 0.6, duty=True))
        decision = self.sharing_decision(form, consent, voice, clear)
        if state == "decided":
            return TriagePlan(triager, link, decision_after, decision)
        next_after = min(
            decision_after + timedelta(hours=rng.uniform(0.5, 72)),
            decision_after + (limit - decision_after) * 0.8,
        )
        next_after = max(decision_after, self.working_time(at, next_after, limit, duty=False))
        step = _weighted(
            rng,
            (
                (NextStep.SCREEN, 0.95 if clear else 0.45),
                (NextStep.NO_FURTHER_ACTION, 0.05 if clear else 0.25),
                (NextStep.SIGNPOST, 0.0 if clear else 0.3),
            ),
        )
        if step == NextStep.NO_FURTHER_ACTION:
            reason = (
                text.NO_FURTHER_ACTION_REASONS[2]  # the child's case is already open
                if clear
                else rng.choice(text.NO_FURTHER_ACTION_REASONS[:2])
            )
        elif step == NextStep.SIGNPOST:
            reason = rng.choice(text.SIGNPOST_REASONS)
        else:
            reason = ""
        return TriagePlan(triager, link, decision_after, decision, next_after, step, reason)

    # --- concerns -----------------------------------------------------------------------------
    def voice_for(self, child: ChildSpec) -> tuple[text.Voice, bool]:
        """How the referrer names the child; True if only by the name the child is known by."""
        only_known_as = bool(child.known_as) and self.rng.random() < 0.1
        uses_known_as = child.gender in {Gender.MAN_OR_BOY, Gender.WOMAN_OR_GIRL}
        if child.known_as and (self.rng.random() < 0.3 or uses_known_as):
            name = child.known_as
        else:
            name = child.given
        return text.Voice.for_pronouns(name, child.pronouns), only_known_as

    def common_slots(self, voice: text.Voice, tag: str) -> dict[str, str]:
        rng = self.rng
        observers = cat.OBSERVERS[self.kind_of(tag)]  # type: ignore[index]
        return {
            "observer": text.fill(rng.choice(observers), voice),
            "time": rng.choice(text.TIMES),
            "day": rng.choice(text.DAYS),
            "cash": str(rng.choice((80, 150, 200, 300, 450, 600))),
            "debt": str(rng.choice((200, 400, 500, 800, 1200))),
            "days": str(rng.randint(2, 6)),
        }

    def submission(
        self,
        *,
        child: ChildSpec,
        voice: text.Voice,
        only_known_as: bool,
        tag: str,
        what: str,
        forms: Sequence[ExploitationForm],
        at: datetime,
        involved: Involved,
        where: str,
    ) -> ConcernSubmission:
        rng = self.rng
        kind = self.kind_of(tag)
        words = ""
        if rng.random() < 0.7:
            quote = rng.choice(text.CHILD_WORDS[forms[0]])
            words = f'"{quote}" ' + text.fill(rng.choice(text.WISHES), voice)
        child_aware = _weighted(
            rng, ((Awareness.YES, 0.6), (Awareness.NO, 0.25), (Awareness.NOT_SURE, 0.15))
        )
        family_aware = _weighted(
            rng, ((Awareness.YES, 0.55), (Awareness.NO, 0.3), (Awareness.NOT_SURE, 0.15))
        )
        consent = (
            Awareness.YES
            if child_aware == Awareness.YES and family_aware == Awareness.YES and rng.random() < 0.7
            else _weighted(rng, ((Awareness.NO, 0.7), (Awareness.NOT_SURE, 0.3)))
        )
        danger = rng.random() < 0.06
        knows_dob = kind in {"education", "childrens-social-care", "health", "youth-justice"} or (
            rng.random() < 0.6
        )
        age_now = (at.date() - child.date_of_birth).days // 365
        happened = (
            at.astimezone(LONDON) - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 6)))
        ).date()
        return ConcernSubmission(
            child_given_name="" if only_known_as else child.given,
            child_family_name="" if only_known_as else child.family,
            child_known_as=child.known_as if (only_known_as or rng.random() < 0.5) else "",
            child_date_of_birth=child.date_of_birth if knows_dob else None,
            child_age_estimate=None if knows_dob else max(10, age_now + rng.choice((-1, 0, 1))),
            child_nhs_number=child.nhs_number if kind == "health" else "",
            child_address=child.address if rng.random() < 0.7 else "",
            child_postcode=child.postcode if rng.random() < 0.7 else "",
            child_school=child.school.name if kind == "education" or rng.random() < 0.6 else "",
            what_happened=what,
            happened_on=happened,
            happened_where=where,
            forms_suspected=list(forms),
            child_words=words,
            child_aware=child_aware,
            family_aware=family_aware,
            consent_given=consent,
            no_consent_reason=""
            if consent == Awareness.YES
            else text.fill(
                rng.choice(
                    text.NO_CONSENT_REASONS_FAMILY_AWARE
                    if family_aware == Awareness.YES
                    else text.NO_CONSENT_REASONS
                ),
                voice,
            ),
            immediate_danger=danger,
            immediate_action_taken=text.fill(rng.choice(text.IMMEDIATE_ACTIONS), voice)
            if danger
            else "",
            involved=involved,
        )

    def scenario_place(self, scenario: text.Scenario, child: ChildSpec) -> PlaceSpec:
        preferred = {
            "cse-car": ("school", "park", "shop", "takeaway"),
            "cse-party": ("home", "flat", "hotel"),
            "cse-disclosure": ("hotel", "flat", "home", "park"),
            "cse-missing": ("park", "other", "hotel", "flat", "business"),
            "cse-gifts": ("shop", "takeaway", "business", "park"),
            "cce-out-of-area": ("station",),
            "cce-phone": ("park", "station", "shop", "other", "business"),
            "cce-knife": ("station", "park", "shop", "other"),
            "cce-flat": ("flat", "home"),
            "online-meet": ("park", "shop", "station", "business"),
            "trafficking-moved": ("flat", "hotel", "home", "other"),
            "not-sure-gate": ("school", "park", "shop", "business"),
        }.get(scenario.key, ("park", "other"))
        if "school" in preferred and self.rng.random() < 0.35:
            return child.school
        kinds = set(preferred) - {"school"}
        return self.place_pool.take(self.rng, lambda p: p.kind in kinds)

    def background_concern(
        self, child: ChildSpec, at: datetime, state: str, author: tuple[str, str] | None = None
    ) -> ConcernPlan:
        rng = self.rng
        email, tag = author or self.concern_author(child)
        scenarios = [
            s
            for s in text.SCENARIOS
            if child.form in s.forms and (child.sex == Sex.FEMALE or s.key not in text.FEMALE_ONLY)
        ]
        scenario = rng.choice(scenarios)
        voice, only_known_as = self.voice_for(child)
        slots = self.common_slots(voice, tag)
        people: list[ReportedPerson] = []
        adults: list[AdultSpec] = []
        places: list[PlaceSpec] = []
        vehicles: list[VehicleSpec] = []
        phones: list[PhoneSpec] = []
        accounts: list[AccountSpec] = []
        extra: list[str] = []

        def add_adult() -> str:
            adult = self.adult_pool.take(rng)
            named = rng.random() < 0.93
            people.append(adult.reported(named=named))
            if named:
                adults.append(adult)
            # Referrers and children use the street name; the form carries the full name.
            return f"'{adult.alias}'"

        if "place" in scenario.needs:
            place = self.scenario_place(scenario, child)
            places.append(place)
            slots["place"] = place.label
        if "vehicle" in scenario.needs:
            vehicle = self.vehicle_pool.take(rng)
            vehicles.append(vehicle)
            slots["vehicle"] = vehicle.description
        if "phone" in scenario.needs:
            phone = self.phone_pool.take(rng)
            phones.append(phone)
            slots["phone"] = phone.number
        if "account" in scenario.needs:
            account = self.account_pool.take(rng)
            accounts.append(account)
            slots["handle"], slots["platform"] = account.handle, account.platform_label
        if "adult" in scenario.needs:
            slots["adult"] = add_adult()
        elif rng.random() < 0.22:
            who = add_adult()
            extra.append(
                text.fill(
                    "An adult, {adult}, has been seen with {obj} several times.", voice, adult=who
                )
            )
        if people and not phones and rng.random() < 0.5:
            phone = self.phone_pool.take(rng)
            phones.append(phone)
            extra.append(
                text.fill(
                    "{Pos} phone shows repeated calls from {phone}.", voice, phone=phone.number
                )
            )
        if not vehicles and rng.random() < 0.1:
            vehicle = self.vehicle_pool.take(rng)
            vehicles.append(vehicle)
            extra.append(
                text.fill(
                    "A {vehicle}, registration {registration}, has been seen waiting near {pos} "
                    "home.",
                    voice,
                    vehicle=vehicle.description,
                    registration=vehicle.registration,
                )
            )
        sentences = [text.fill(rng.choice(scenario.openings), voice, **slots)]
        sentences += [
            text.fill(s, voice, **slots)
            for s in rng.sample(scenario.details, k=min(len(scenario.details), rng.randint(1, 2)))
        ]
        sentences += extra
        if rng.random() < 0.2:
            quote = rng.choice(text.CHILD_WORDS[scenario.forms[0]])
            sentences.append(f'{voice.name} said: "{quote}"')
        if rng.random() < 0.6:
            sentences.append(text.fill(rng.choice(text.CLOSINGS), voice))
        forms = [scenario.forms[0]]
        if len(scenario.forms) > 1 and rng.random() < 0.4:
            forms.append(scenario.forms[1])
        submission = self.submission(
            child=child,
            voice=voice,
            only_known_as=only_known_as,
            tag=tag,
            what=" ".join(sentences),
            forms=forms,
            at=at,
            involved=Involved(
                people=people,
                places=[p.reported() for p in places],
                vehicles=[v.reported() for v in vehicles],
                phones=[p.number for p in phones],
                accounts=[a.reported() for a in accounts],
            ),
            where=places[0].label if places else "",
        )
        return ConcernPlan(
            at=at,
            author=email,
            child=child,
            submission=submission,
            adults=tuple(adults),
            triage=self.triage(
                at,
                state,
                form=forms[0],
                consent=submission.consent_given,
                voice=voice,
                clear=scenario.key in text.CLEAR_HARM,
            ),
        )

    # --- networks ---------------------------------------------------------------------------
    def network_members(self, net: Network) -> dict[str, object]:
        members: dict[str, object] = {}
        for spec in net.adults:
            members[spec.key] = self.adult(
                f"{net.key}:{spec.key}", alias=spec.alias, sex=spec.sex, ages=spec.ages
            )
        for key, place_key in net.places:
            members[key] = self.places_by_key[place_key]
        for key, model in net.vehicles:
            vehicle = self.vehicle_pool.reserve(self.rng)
            members[key] = network_vehicle = VehicleSpec(vehicle.registration, model)
            self.plan.vehicles[self.plan.vehicles.index(vehicle)] = network_vehicle
        for key in net.phones:
            members[key] = self.phone_pool.reserve(self.rng)
        for key, platform in net.accounts:

            def on_platform(account: AccountSpec, platform: str = platform) -> bool:
                return account.platform == platform

            members[key] = self.account_pool.reserve(self.rng, on_platform)
        return members

    def beat_slots(
        self, members: dict[str, object], beat: Beat
    ) -> tuple[dict[str, str], Involved, tuple[AdultSpec, ...]]:
        slots: dict[str, str] = {}
        for key, member in members.items():
            if isinstance(member, AdultSpec):
                slots[key] = f"'{member.alias}'"
                slots[f"{key}_full"] = f"{member.full_name} (known as '{member.alias}')"
            elif isinstance(member, PlaceSpec):
                slots[key] = member.label
            elif isinstance(member, VehicleSpec):
                slots[key] = member.description
                if key in beat.involves:
                    slots["reg"] = member.registration
            elif isinstance(member, PhoneSpec):
                slots[key] = member.number
            elif isinstance(member, AccountSpec):
                slots[key] = member.handle
        involved = [members[key] for key in beat.involves]
        adults = tuple(m for m in involved if isinstance(m, AdultSpec))
        return (
            slots,
            Involved(
                people=[a.reported(named=True) for a in adults],
                places=[m.reported() for m in involved if isinstance(m, PlaceSpec)],
                vehicles=[m.reported() for m in involved if isinstance(m, VehicleSpec)],
                phones=[m.number for m in involved if isinstance(m, PhoneSpec)],
                accounts=[m.reported() for m in involved if isinstance(m, AccountSpec)],
            ),
            adults,
        )

    def network(self, net: Network) -> None:
        rng = self.rng
        members = self.network_members(net)
        self.plan.members[net.key] = members
        count = max(2, round(len(net.child_sexes) * self.scale.network_share))
        newest, oldest = (timedelta(days=d) for d in reversed(net.active_days_ago))
        beats = Pool(net.concern_beats)
        for letter in net.child_sexes[:count]:
            child = self.child(
                self.schools,
                self.homes,
                sex=Sex.FEMALE if letter == "F" else Sex.MALE,
                ages=net.child_ages,
                network=net.key,
            )
            if net.key == "takeaway-hotel" and rng.random() < 0.6:
                home = self.places_by_key[cat.CHILDRENS_HOME_NETWORK]
                child = _replace_child(child, home)
            self.plan.children.append(child)
            for _ in range(rng.randint(*net.concerns_per_child)):
                at = self.moment(newest, oldest)
                beat = beats.take(rng)
                voice, only_known_as = self.voice_for(child)
                email, tag = self.concern_author(child, beat.authors)
                slots, involved, adults = self.beat_slots(members, beat)
                slots |= self.common_slots(voice, tag)
                what = text.fill(beat.text, voice, **slots)
                if rng.random() < 0.5:
                    what += " " + text.fill(rng.choice(text.CLOSINGS), voice)
                where = next(
                    (
                        p.label
                        for p in (members[k] for k in beat.involves)
                        if isinstance(p, PlaceSpec)
                    ),
                    "",
                )
                submission = self.submission(
                    child=child,
                    voice=voice,
                    only_known_as=only_known_as,
                    tag=tag,
                    what=what,
                    forms=beat.forms,
                    at=at,
                    involved=involved,
                    where=where,
                )
                self.plan.concerns.append(
                    ConcernPlan(
                        at=at,
                        author=email,
                        child=child,
                        submission=submission,
                        adults=adults,
                        triage=self.triage(
                            at,
                            "full",
                            form=beat.forms[0],
                            consent=submission.consent_given,
                            voice=voice,
                            clear=True,
                        ),
                        to_group=bool(net.group_name),
                        network=net.key,
                    )
                )
        span = (oldest - newest) / max(1, len(net.intel_beats))
        for i, beat in enumerate(net.intel_beats):
            # Spread through the network's life, so the picture builds up over time.
            at = self.moment(newest + span * i, newest + span * (i + 1), nights=0.2)
            slots, involved, adults = self.beat_slots(members, beat)
            tag = rng.choice(beat.authors)
            # The referrer persona shares one piece of information, for "My submissions".
            author = (REFERRER, "school") if tag == "referrer" else self.author_of(tag)
            self.plan.intelligence.append(
                self.intel_plan(
                    at=at,
                    author=author,
                    information=beat.text.format(**slots),
                    source=beat.source,
                    involved=involved,
                    adults=adults,
                    state="graded",
                    force_conditions=i == 0,
                    uses=tuple(
                        (members[a], members[o])  # type: ignore[misc]
                        for a, o in beat.uses
                    ),
                    members=tuple(members[k] for k in beat.members),  # type: ignore[misc]
                    network=net.key,
                )
            )
        if net.group_name:
            self.plan.group = GroupSpec(net.group_name, net.group_description)

    # --- partner information ---------------------------------------------------------------
    def grading(self, tag: str, source: str, force_conditions: bool) -> GradingPlan:
        rng = self.rng
        if tag in {"police", "missing"}:
            evaluation = _weighted(rng, (("A", 0.5), ("B", 0.45), ("C", 0.05)))
        else:
            evaluation = _weighted(rng, (("A", 0.2), ("B", 0.6), ("C", 0.2)))
        if source.startswith("Seen myself"):
            assessment = "1"
        elif source.startswith("From CCTV"):
            assessment = "2"
        else:
            assessment = _weighted(rng, (("2", 0.3), ("3", 0.5), ("4", 0.15), ("5", 0.05)))
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

    def intel_plan(
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
            grading = replace(grading, after=self.working_time(at, after, cap, duty=False))
        decision_after, decision = None, None
        if grading is not None:  # graded items are shared (or not) too, or they stay queued
            cap = ago - timedelta(minutes=20)
            decision_after = min(timedelta(hours=rng.uniform(1, 30)), cap * 0.6)
            decision_after = self.working_time(at, decision_after, cap, duty=True)
            share = rng.random() < 0.7
            decision = SharingDecisionInput(
                outcome=SharingOutcome.SHARE if share else SharingOutcome.NOT_SHARE,
                purpose="To disrupt the adults involved and protect children in the area",
                lawful_basis=LawfulBasis.LAW_ENFORCEMENT if share else LawfulBasis.NONE_NEEDED,
                consent_status=ConsentStatus.NOT_NEEDED,
                rationale=rng.choice(
                    text.INTEL_SHARE_RATIONALES if share else text.INTEL_NOT_SHARE_RATIONALES
                ),
                recipients="Northvale Police neighbourhood team; Northvale Council licensing"
                if share
                else "",
                information="The information as graded, without the source's details"
                if share
                else "",
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

    def background_intel(self, at: datetime, state: str) -> IntelPlan:
        rng = self.rng
        subject = _weighted(
            rng,
            (("place", 0.5), ("vehicle", 0.18), ("phone", 0.1), ("account", 0.12), ("adult", 0.1)),
        )
        slots: dict[str, str] = {}
        people: list[ReportedPerson] = []
        adults: list[AdultSpec] = []
        places: list[PlaceSpec] = []
        vehicles: list[VehicleSpec] = []
        phones: list[PhoneSpec] = []
        accounts: list[AccountSpec] = []
        sentences: list[str] = []
        tags: tuple[str, ...]

        def named_adult() -> AdultSpec:
            adult = self.adult_pool.take(rng)
            people.append(adult.reported(named=True))
            adults.append(adult)
            return adult

        if subject in {"place", "vehicle", "adult"}:
            place = self.place_pool.take(rng)
            places.append(place)
            slots["place"] = place.label
            slots["town"] = place.town
        if subject == "place":
            kind = places[0].kind
            if kind in {"business", "school"} or (kind == "home" and places[0].name):
                kind = "other"  # a business or a children's home
            elif kind == "home":
                kind = "flat"  # an address of concern
            sentences.append(
                rng.choice(text.INTEL_PLACE.get(kind, text.INTEL_PLACE["other"])).format(**slots)
            )
            tags = ("licensing", "housing", "police", "school", "voluntary")
        elif subject == "vehicle":
            vehicle = self.vehicle_pool.take(rng)
            vehicles.append(vehicle)
            slots |= {"vehicle": vehicle.description, "registration": vehicle.registration}
            if rng.random() < 0.5:
                school = rng.choice(self.schools)
                places[0] = school
                slots["place"] = school.label
                sentences.append(text.INTEL_VEHICLE_SCHOOL.format(**slots))
            else:
                sentences.append(rng.choice(text.INTEL_VEHICLE).format(**slots))
            tags = ("police", "school", "care-home")
        elif subject == "phone":
            phone = self.phone_pool.take(rng)
            phones.append(phone)
            slots |= {"phone": phone.number, "town": rng.choice(sorted(cat.TOWNS))}
            sentences.append(rng.choice(text.INTEL_PHONE).format(**slots))
            tags = ("police", "missing", "youth-justice")
        elif subject == "account":
            account = self.account_pool.take(rng, lambda a: a.platform != "whatsapp")
            accounts.append(account)
            slots |= {"handle": account.handle, "platform": account.platform_label}
            sentences.append(rng.choice(text.INTEL_ACCOUNT).format(**slots))
            tags = ("school", "police", "school-nurse")
        else:
            adult = named_adult()
            slots["adult"] = f"{adult.full_name} (known as '{adult.alias}')"
            sentences.append(rng.choice(text.INTEL_ADULT).format(**slots))
            if rng.random() < 0.6:
                phone = self.phone_pool.take(rng)
                phones.append(phone)
                sentences.append(f"The number children have for {adult.given} is {phone.number}.")
            tags = ("police", "missing", "social-care")
        if subject in {"place", "vehicle"} and rng.random() < 0.35:
            adult = named_adult()
            sentences.append(f"{adult.full_name} (known as '{adult.alias}') is often seen there.")
        author = self.author_of(rng.choice(tags))
        return self.intel_plan(
            at=at,
            author=author,
            information=" ".join(sentences),
            source=rng.choice(text.SOURCES),
            involved=Involved(
                people=people,
                places=[p.reported() for p in places],
                vehicles=[v.reported() for v in vehicles],
                phones=[p.number for p in phones],
                accounts=[a.reported() for a in accounts],
            ),
            adults=tuple(adults),
            state=state,
        )

    # --- the whole partnership --------------------------------------------------------------
    def build(self) -> Plan:
        rng, plan = self.rng, self.plan
        for net in NETWORKS:
            self.network(net)
        network_adults = [
            m for ms in plan.members.values() for m in ms.values() if isinstance(m, AdultSpec)
        ]
        background_adults = [
            self.adult(f"adult:{i}") for i in range(max(4, self.scale.adults - len(network_adults)))
        ]
        self.adult_pool = Pool(background_adults)
        plan.adults = network_adults + background_adults

        background = [
            self.child(self.schools, self.homes)
            for _ in range(max(4, self.scale.children - len(plan.children)))
        ]
        plan.children += background
        oldest, newest = SPAN, RECENT

        def when(child: ChildSpec) -> datetime:
            latest_start = min(oldest, self.now - child.first_concern_possible())
            return self.moment(newest, max(latest_start, newest + timedelta(days=1)))

        network_concerns = len(plan.concerns)
        recent_count = max(2, round(self.scale.concerns * RECENT / SPAN))
        older = max(
            len(background),
            self.scale.concerns - network_concerns - len(QUEUE_FIXTURES) - recent_count,
        )
        # Every child on record has at least one triaged concern; the referrer persona wrote a
        # few of them, so "My submissions" has history at any scale.
        by_referrer = [c for c in background if c.school.name == "Riverside Academy"][:3]
        for child in background:
            author = (REFERRER, "school") if child in by_referrer else None
            plan.concerns.append(self.background_concern(child, when(child), "full", author))
        weights = [2.5 if c.form in {text.CSE, text.CCE} else 1.0 for c in background]
        for _ in range(older - len(background)):
            child = rng.choices(background, weights=weights)[0]
            plan.concerns.append(self.background_concern(child, when(child), "full"))

        # Recent concerns: some about children the hub knows, some about children new to it.
        def recent_child() -> ChildSpec:
            if rng.random() < 0.45:
                return rng.choice(background)
            child = self.child(self.schools, self.homes, ages=(12, 17))
            plan.children.append(child)
            return child

        riverside = [c for c in background if c.school.name == "Riverside Academy"]
        for i, (ago, state) in enumerate(QUEUE_FIXTURES):
            child = rng.choice(riverside) if i == 1 and riverside else recent_child()
            author = (REFERRER, "school") if i == 1 and riverside else None
            plan.concerns.append(self.background_concern(child, self.now - ago, state, author))
        for _ in range(recent_count):
            at = self.moment(timedelta(days=1), RECENT)
            state = _weighted(
                rng, (("full", 0.5), ("none", 0.25), ("linked", 0.1), ("decided", 0.15))
            )
            plan.concerns.append(self.background_concern(recent_child(), at, state))

        network_intel = len(plan.intelligence)
        recent_intel = max(1, round(self.scale.intelligence * 5 / 548))
        for _ in range(
            max(2, self.scale.intelligence - network_intel - len(INTEL_FIXTURES) - recent_intel)
        ):
            at = self.moment(timedelta(days=5), SPAN, nights=0.2)
            plan.intelligence.append(self.background_intel(at, "graded"))
        for ago in INTEL_FIXTURES:
            plan.intelligence.append(self.background_intel(self.now - ago, "submitted"))
        for _ in range(recent_intel):
            at = self.moment(timedelta(days=1), timedelta(days=5), nights=0.2)
            plan.intelligence.append(
                self.background_intel(at, "graded" if rng.random() < 0.5 else "submitted")
            )
        return plan


def _replace_child(child: ChildSpec, home: PlaceSpec) -> ChildSpec:
    return replace(
        child,
        care_status=CareStatus.LOOKED_AFTER,
        children_home=home,
        address=home.address,
        postcode=home.postcode,
    )


def build_plan(*, scale: DemoScale, now: datetime) -> Plan:
    return PlanBuilder(scale, now).build()
