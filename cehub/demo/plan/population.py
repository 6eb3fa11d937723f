"""The demo partnership's people, places and things: who and what the stories are about.

Drawn from the catalogue (``catalogue.py``) and Faker en_GB, both seeded, so every installation
gets the same people. Everything that looks like an identifier is one that can never be real:
NHS numbers in the 999 test range, postcodes in the unissued "NV" area, plates starting "U",
and phone numbers in Ofcom's drama range.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import TYPE_CHECKING

from cehub.contexts.models import LocationKind
from cehub.core.identifiers import nhs_check_digit
from cehub.core.roles import Role
from cehub.intake.models import ExploitationForm
from cehub.people.models import CareStatus, Ethnicity, Gender, Sex

from .. import catalogue as cat
from ..draws import LONDON, date_of_birth, weighted
from ..networks import NETWORKS
from .specs import (
    AccountSpec,
    AdultSpec,
    ChildSpec,
    DemoScale,
    PlaceSpec,
    ProfessionalSpec,
    VehicleSpec,
)

if TYPE_CHECKING:
    from faker import Faker  # imported when a plan is built: ``seed_demo`` re-runs stay quick


class Population:
    """Draws the people, places and things of one plan (and remembers what is taken)."""

    def __init__(self, *, rng: random.Random, fake: Faker, now: datetime, scale: DemoScale) -> None:
        self.rng = rng
        self.fake = fake
        self.today = now.astimezone(LONDON).date()
        self.scale = scale
        self.nhs_numbers: set[str] = set()
        self.child_keys = 0
        self.aliases_used: set[str] = set()
        self.network_aliases = {adult.alias for net in NETWORKS for adult in net.adults}

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
        return weighted(self.rng, cat.ETHNICITY_WEIGHTS)

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
            sex = weighted(rng, ((Sex.FEMALE, 0.52), (Sex.MALE, 0.47), (Sex.NOT_KNOWN, 0.01)))
        name_sex = sex if sex != Sex.NOT_KNOWN else rng.choice((Sex.FEMALE, Sex.MALE))
        gender = weighted(
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
        age = weighted(rng, [(a, w) for a, w in weights.items() if ages[0] <= a <= ages[1]])
        dob = date_of_birth(rng, self.today, age)
        given = self.child_first_name(name_sex)
        known_as = cat.KNOWN_AS.get(given, "") if rng.random() < 0.5 else ""
        if gender in {Gender.MAN_OR_BOY, Gender.WOMAN_OR_GIRL}:
            # A trans child is known by the name they use, which is the one professionals use.
            known_as = self.child_first_name(
                Sex.MALE if gender == Gender.MAN_OR_BOY else Sex.FEMALE
            )
        send = rng.random() < 0.15
        care = weighted(
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
            school = weighted(
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
            forms = (
                (ExploitationForm.CSE, 42),
                (ExploitationForm.CCE, 22),
                (ExploitationForm.ONLINE, 24),
                (ExploitationForm.TRAFFICKING, 4),
            )
        else:
            forms = (
                (ExploitationForm.CCE, 45),
                (ExploitationForm.CSE, 16),
                (ExploitationForm.ONLINE, 24),
                (ExploitationForm.TRAFFICKING, 5),
            )
        form = weighted(
            rng, (*forms, (ExploitationForm.RADICALISATION, 3), (ExploitationForm.NOT_SURE, 6))
        )
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
        dob = date_of_birth(rng, self.today, age)
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
