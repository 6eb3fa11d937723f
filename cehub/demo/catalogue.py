"""Fixed ingredients of the demo partnership: Northvale's towns, places, agencies and people.

The ingredients themselves are data (``data/places.yaml``, ``agencies.yaml``, ``people.yaml``
and ``objects.yaml``); this module reads them once into typed constants. Everything in them is
invented: Northvale is a made-up English county whose postcodes use the area "NV", which Royal
Mail has never issued; vehicle plates start with "U", which is not a DVLA region letter; phone
numbers come from Ofcom's drama range (07700 900000-900999, see ``plan/population.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from cehub.contexts.models import LocationKind
from cehub.core.roles import AgencyKind, Role
from cehub.people.models import Ethnicity

from .datafiles import DemoDataError, Entry, datafile, record

# Places the code refers to by key: the networks' places (networks.yaml names them too) and the
# children's home whose children the takeaway-hotel network targets.
TRAP_FLAT = "calder-court"
LINE_STATION = "brinmoor-station"
TAKEAWAY = "late-bites"
HOTEL = "fallowby-court-hotel"
CHILDRENS_HOME_NETWORK = "willow-lodge"


@dataclass(frozen=True)
class PlaceEntry:
    key: str
    name: str
    kind: LocationKind
    town: str
    street: str  # the address is "<number> <street>" unless the name already says where


@dataclass(frozen=True)
class PoolAgency:
    tag: str  # how plans refer to this kind of author
    name: str
    kind: AgencyKind
    team: str
    is_hub_team: bool
    job_titles: tuple[str, ...]
    people: int  # at full scale


@dataclass(frozen=True)
class HubColleague:
    """A hub practitioner in another hub team, who triages some of the concerns.

    The children only they triage have no relationship with the demo hub practitioner's team,
    so break-glass can be shown. Fixed, so the loader can tell the partnership is loaded.
    """

    email: str
    full_name: str
    agency: str
    kind: AgencyKind
    team: str
    job_title: str
    role: Role = Role.HUB_PRACTITIONER


# --- Towns and places (places.yaml) --------------------------------------------------------
_places = datafile("places")
TOWNS: dict[str, tuple[str, ...]] = _places["towns"].map(Entry.texts)
INWARD_LETTERS = _places["inward_letters"].text()
STREET_SUFFIXES = _places["street_suffixes"].texts()


@record
def _place(row: Entry, key: str) -> PlaceEntry:
    return PlaceEntry(
        key=key,
        name=row["name"].text(),
        kind=row["kind"].member(LocationKind),
        town=row["town"].one_of(TOWNS, "a town in places.yaml"),
        street=row["street"].text(),
    )


def _place_entries(table: Entry) -> tuple[PlaceEntry, ...]:
    return tuple(_place(row, key) for key, row in table.entries())


NETWORK_PLACES = _place_entries(_places["network_places"])
SCHOOLS = _place_entries(_places["schools"])
OTHER_PLACES = _place_entries(_places["other_places"])
UNNAMED_ADDRESS_COUNT = _places["unnamed_addresses"].integer()
_places.no_other_keys()
PLACE_KEYS = frozenset(p.key for p in (*NETWORK_PLACES, *SCHOOLS, *OTHER_PLACES))
if _missing := sorted(
    {TRAP_FLAT, LINE_STATION, TAKEAWAY, HOTEL, CHILDRENS_HOME_NETWORK} - PLACE_KEYS
):
    raise DemoDataError(f"{_places.file}: network_places: missing {', '.join(_missing)}")


# --- Agencies, teams and the professionals who write to the hub (agencies.yaml) -------------
@record
def _pool_agency(row: Entry) -> PoolAgency:
    return PoolAgency(
        tag=row["tag"].text(),
        name=row["name"].text(),
        kind=row["kind"].member(AgencyKind),
        team=row["team"].text(),
        is_hub_team=row.get("hub_team", False).flag(),
        job_titles=row["job_titles"].texts(),
        people=row["people"].integer(),
    )


@record
def _hub_colleague(row: Entry) -> HubColleague:
    return HubColleague(
        email=row["email"].text(),
        full_name=row["full_name"].text(),
        agency=row["agency"].text(),
        kind=row["kind"].member(AgencyKind),
        team=row["team"].text(),
        job_title=row["job_title"].text(),
    )


_agencies = datafile("agencies")
POOL = tuple(_pool_agency(row) for row in _agencies["pool"].each())
HUB_COLLEAGUES = tuple(_hub_colleague(row) for row in _agencies["hub_colleagues"].each())
# How the people in each kind of agency refer to themselves or the person who noticed.
OBSERVERS = _agencies["observers"].keyed_by(AgencyKind, Entry.texts)
_agencies.no_other_keys()

# --- People (people.yaml) ------------------------------------------------------------------
_people = datafile("people")
# One distribution for every person in the demo, children and adults alike (see people.yaml).
ETHNICITY_WEIGHTS = tuple(_people["ethnicity_weights"].keyed_by(Ethnicity, Entry.number).items())
_first_names = _people["child_first_names"].keys("female", "male")
CHILD_FIRST_NAMES_FEMALE = frozenset(_first_names["female"].texts())
CHILD_FIRST_NAMES_MALE = frozenset(_first_names["male"].texts())
KNOWN_AS = _people["known_as"].map(Entry.text)
_street_names = _people["street_names"].keys("male", "female")
STREET_NAMES_MALE = _street_names["male"].texts()
STREET_NAMES_FEMALE = _street_names["female"].texts()
_looks = _people["adult_descriptions"]
ADULT_BUILDS = _looks["builds"].texts()
ADULT_HAIR = _looks["hair"].texts()
ADULT_FEATURES = _looks["features"].texts()
ADULT_CLOTHES = _looks["clothes"].texts()
_looks.no_other_keys()
_people.no_other_keys()

# --- Objects (objects.yaml) ----------------------------------------------------------------
_objects = datafile("objects")
VEHICLE_MODELS = _objects["vehicle_models"].texts()
# Age identifiers issued since 2009 (March "09", September "59", ...).
PLATE_AGES = tuple(f"{y:02d}" for y in range(9, 25)) + tuple(f"{y}" for y in range(59, 75))
PLATE_LETTERS = _objects["plate_letters"].text()
PLATFORM_MIX = tuple(_objects["platform_mix"].map(Entry.integer).items())
HANDLE_WORDS = _objects["handle_words"].texts()
_objects.no_other_keys()
