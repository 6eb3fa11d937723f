"""Fixed ingredients of the demo partnership: Northvale's towns, places, agencies and words.

Everything here is invented. Northvale is a made-up English county. Its postcodes use the area
"NV", which Royal Mail has never issued, so they pass CE Hub's postcode check but can never be
a real address. Vehicle plates start with "U", which is not a DVLA region letter, so no plate
can be on a real car; phone numbers come from Ofcom's drama range (07700 900000-900999).
"""

from __future__ import annotations

from dataclasses import dataclass

from cehub.contexts.models import LocationKind
from cehub.core.roles import AgencyKind, Role
from cehub.people.models import Ethnicity

# --- Towns and postcode districts ----------------------------------------------------------
TOWNS: dict[str, tuple[str, ...]] = {
    "Aldergate": ("NV1", "NV2", "NV3"),
    "Brinmoor": ("NV4", "NV5"),
    "Fallowby": ("NV6", "NV7"),
    "Hensley Cross": ("NV8",),
    "Wyke Ferris": ("NV9",),
}
# Letters allowed in the inward code (never C, I, K, M, O or V).
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
STREET_SUFFIXES = (
    "Road",
    "Street",
    "Lane",
    "Close",
    "Avenue",
    "Way",
    "Drive",
    "Crescent",
    "Grove",
    "Terrace",
    "Gardens",
    "Place",
)


@dataclass(frozen=True)
class PlaceEntry:
    key: str
    name: str
    kind: LocationKind
    town: str
    street: str  # the address is "<number> <street>" unless the name already says where


# Places referred to by key in the networks; the rest are drawn on at random.
TRAP_FLAT = "calder-court"
LINE_STATION = "brinmoor-station"
TAKEAWAY = "late-bites"
HOTEL = "fallowby-court-hotel"
CHILDRENS_HOME_NETWORK = "willow-lodge"

NETWORK_PLACES: tuple[PlaceEntry, ...] = (
    PlaceEntry(TRAP_FLAT, "Flat 7, Calder Court", LocationKind.FLAT, "Brinmoor", "Mill Lane"),
    PlaceEntry(
        LINE_STATION, "Brinmoor railway station", LocationKind.STATION, "Brinmoor", "Station Road"
    ),
    PlaceEntry(TAKEAWAY, "Late Bites", LocationKind.TAKEAWAY, "Fallowby", "Market Street"),
    PlaceEntry(HOTEL, "The Fallowby Court Hotel", LocationKind.HOTEL, "Fallowby", "Court Road"),
    PlaceEntry(
        CHILDRENS_HOME_NETWORK,
        "Willow Lodge children's home",
        LocationKind.HOME,
        "Fallowby",
        "Orchard Close",
    ),
)

SCHOOLS: tuple[PlaceEntry, ...] = (
    PlaceEntry("riverside", "Riverside Academy", LocationKind.SCHOOL, "Aldergate", "Riverside Way"),
    PlaceEntry(
        "brinmoor-high", "Brinmoor High School", LocationKind.SCHOOL, "Brinmoor", "Moor Lane"
    ),
    PlaceEntry(
        "fallowby-college",
        "Fallowby Community College",
        LocationKind.SCHOOL,
        "Fallowby",
        "College Road",
    ),
    PlaceEntry(
        "st-annes", "St Anne's Catholic High School", LocationKind.SCHOOL, "Aldergate", "Abbey Road"
    ),
    PlaceEntry(
        "learning-centre",
        "Northvale Learning Centre",
        LocationKind.SCHOOL,
        "Hensley Cross",
        "Chapel Street",
    ),
    PlaceEntry(
        "wyke-academy", "Wyke Ferris Academy", LocationKind.SCHOOL, "Wyke Ferris", "Ferry Lane"
    ),
    PlaceEntry(
        "sixth-form",
        "Aldergate Sixth Form College",
        LocationKind.SCHOOL,
        "Aldergate",
        "Northgate",
    ),
)

OTHER_PLACES: tuple[PlaceEntry, ...] = (
    PlaceEntry(
        "oakfield", "Oakfield House children's home", LocationKind.HOME, "Brinmoor", "Oak Road"
    ),
    PlaceEntry("castle-park", "Castle Park", LocationKind.PARK, "Aldergate", "Castle Street"),
    PlaceEntry(
        "riverside-rec", "Riverside Recreation Ground", LocationKind.PARK, "Aldergate", "Wharf Road"
    ),
    PlaceEntry(
        "memorial-park", "Brinmoor Memorial Park", LocationKind.PARK, "Brinmoor", "Park Road"
    ),
    PlaceEntry(
        "country-park",
        "Fallowby Country Park car park",
        LocationKind.PARK,
        "Fallowby",
        "Heath Lane",
    ),
    PlaceEntry(
        "skate-park", "Hensley Cross skate park", LocationKind.PARK, "Hensley Cross", "Green Lane"
    ),
    PlaceEntry(
        "millbrook", "Millbrook playing fields", LocationKind.PARK, "Wyke Ferris", "Millbrook Road"
    ),
    PlaceEntry("golden-fryer", "Golden Fryer", LocationKind.TAKEAWAY, "Aldergate", "Northgate"),
    PlaceEntry("pizza-point", "Pizza Point", LocationKind.TAKEAWAY, "Brinmoor", "High Street"),
    PlaceEntry(
        "station-grill", "Station Grill", LocationKind.TAKEAWAY, "Aldergate", "Station Approach"
    ),
    PlaceEntry(
        "chicken-stop", "Chicken Stop", LocationKind.TAKEAWAY, "Hensley Cross", "Chapel Street"
    ),
    PlaceEntry("lucky-dragon", "Lucky Dragon", LocationKind.TAKEAWAY, "Wyke Ferris", "Quay Street"),
    PlaceEntry("ringway-lodge", "Ringway Lodge", LocationKind.HOTEL, "Aldergate", "Ringway"),
    PlaceEntry(
        "kingfisher", "Kingfisher Guest House", LocationKind.HOTEL, "Wyke Ferris", "Riverside"
    ),
    PlaceEntry(
        "aldergate-station",
        "Aldergate railway station",
        LocationKind.STATION,
        "Aldergate",
        "Station Approach",
    ),
    PlaceEntry(
        "aldergate-bus", "Aldergate bus station", LocationKind.STATION, "Aldergate", "Bridge Street"
    ),
    PlaceEntry(
        "fallowby-bus",
        "Fallowby bus interchange",
        LocationKind.STATION,
        "Fallowby",
        "Market Street",
    ),
    PlaceEntry("cloud-nine", "Cloud Nine Vapes", LocationKind.SHOP, "Brinmoor", "High Street"),
    PlaceEntry(
        "mill-lane-market", "Mill Lane Mini Market", LocationKind.SHOP, "Brinmoor", "Mill Lane"
    ),
    PlaceEntry(
        "fallowby-food", "Fallowby Food and Wine", LocationKind.SHOP, "Fallowby", "Church Street"
    ),
    PlaceEntry(
        "hensley-convenience",
        "Hensley Cross Convenience Store",
        LocationKind.SHOP,
        "Hensley Cross",
        "Green Lane",
    ),
    PlaceEntry(
        "shopping-centre", "Aldergate Shopping Centre", LocationKind.SHOP, "Aldergate", "Northgate"
    ),
    PlaceEntry(
        "phone-repairs", "Northgate Phone Repairs", LocationKind.SHOP, "Aldergate", "Northgate"
    ),
    PlaceEntry(
        "wyke-parade",
        "Wyke Ferris shopping parade",
        LocationKind.SHOP,
        "Wyke Ferris",
        "Quay Street",
    ),
    PlaceEntry(
        "sefton-house", "Flat 2, Sefton House", LocationKind.FLAT, "Aldergate", "Sefton Road"
    ),
    PlaceEntry(
        "ropewalk", "14 Ropewalk Terrace", LocationKind.FLAT, "Fallowby", "Ropewalk Terrace"
    ),
    PlaceEntry(
        "beacon-tower", "Flat 11, Beacon Tower", LocationKind.FLAT, "Hensley Cross", "Beacon Way"
    ),
    PlaceEntry(
        "car-wash", "Northvale Hand Car Wash", LocationKind.BUSINESS, "Aldergate", "Ringway"
    ),
    PlaceEntry(
        "kings-cuts", "Kings Cuts barbers", LocationKind.BUSINESS, "Brinmoor", "High Street"
    ),
    PlaceEntry(
        "snooker", "Fallowby Snooker Club", LocationKind.BUSINESS, "Fallowby", "Church Street"
    ),
    PlaceEntry(
        "arcade", "Promenade Amusements", LocationKind.BUSINESS, "Wyke Ferris", "The Promenade"
    ),
    PlaceEntry(
        "leisure-centre", "Brinmoor Leisure Centre", LocationKind.BUSINESS, "Brinmoor", "Park Road"
    ),
    PlaceEntry("gym", "Iron Works Gym", LocationKind.BUSINESS, "Aldergate", "Foundry Lane"),
    PlaceEntry(
        "car-park",
        "Castle Street multi-storey car park",
        LocationKind.OTHER,
        "Aldergate",
        "Castle Street",
    ),
    PlaceEntry("underpass", "Wharf Road underpass", LocationKind.OTHER, "Aldergate", "Wharf Road"),
    PlaceEntry("towpath", "Brinmoor canal towpath", LocationKind.OTHER, "Brinmoor", "Canal Side"),
    PlaceEntry("allotments", "Fallowby allotments", LocationKind.OTHER, "Fallowby", "Heath Lane"),
    PlaceEntry("library", "Aldergate Library", LocationKind.OTHER, "Aldergate", "Castle Street"),
    PlaceEntry("retail-park", "Brinmoor Retail Park", LocationKind.SHOP, "Brinmoor", "Canal Side"),
    PlaceEntry(
        "bowling", "Strike Lanes bowling alley", LocationKind.BUSINESS, "Aldergate", "Ringway"
    ),
    PlaceEntry(
        "youth-club",
        "Hensley Cross youth club",
        LocationKind.OTHER,
        "Hensley Cross",
        "Chapel Street",
    ),
)
# Addresses with no name: houses where parties were held, flats where children were found.
UNNAMED_ADDRESS_COUNT = 8


# --- Agencies, teams and the professionals who write to the hub -----------------------------
@dataclass(frozen=True)
class PoolAgency:
    tag: str  # how plans refer to this kind of author
    name: str
    kind: AgencyKind
    team: str
    is_hub_team: bool
    job_titles: tuple[str, ...]
    people: int  # at full scale


# Agencies from personas.AGENCIES are reused by name; the others exist only in the demo data.
POOL: tuple[PoolAgency, ...] = (
    PoolAgency(
        "school",
        "Riverside Academy",
        AgencyKind.EDUCATION,
        "Pastoral Team",
        False,
        ("Head of year", "Pastoral manager", "Form tutor"),
        2,
    ),
    PoolAgency(
        "school",
        "Brinmoor High School",
        AgencyKind.EDUCATION,
        "Safeguarding Team",
        False,
        ("Designated safeguarding lead", "Head of year", "Attendance officer"),
        3,
    ),
    PoolAgency(
        "school",
        "Fallowby Community College",
        AgencyKind.EDUCATION,
        "Safeguarding Team",
        False,
        ("Designated safeguarding lead", "Pastoral support worker"),
        2,
    ),
    PoolAgency(
        "school",
        "St Anne's Catholic High School",
        AgencyKind.EDUCATION,
        "Safeguarding Team",
        False,
        ("Designated safeguarding lead",),
        1,
    ),
    PoolAgency(
        "school",
        "Northvale Learning Centre",
        AgencyKind.EDUCATION,
        "Safeguarding Team",
        False,
        ("Designated safeguarding lead", "Learning mentor"),
        2,
    ),
    PoolAgency(
        "school",
        "Wyke Ferris Academy",
        AgencyKind.EDUCATION,
        "Safeguarding Team",
        False,
        ("Designated safeguarding lead",),
        1,
    ),
    PoolAgency(
        "police",
        "Northvale Police",
        AgencyKind.POLICE,
        "Neighbourhood Policing North",
        False,
        ("Police constable", "Police community support officer", "Sergeant"),
        4,
    ),
    PoolAgency(
        "missing",
        "Northvale Police",
        AgencyKind.POLICE,
        "Missing Persons Unit",
        False,
        ("Missing persons coordinator", "Detective constable"),
        2,
    ),
    PoolAgency(
        "social-care",
        "Northvale Children's Services",
        AgencyKind.CHILDRENS_SOCIAL_CARE,
        "Front Door",
        False,
        ("Social worker", "Senior practitioner"),
        3,
    ),
    PoolAgency(
        "hospital",
        "Northvale Hospitals NHS Trust",
        AgencyKind.HEALTH,
        "Emergency Department",
        False,
        ("Staff nurse", "Safeguarding nurse"),
        2,
    ),
    PoolAgency(
        "sexual-health",
        "Northvale Hospitals NHS Trust",
        AgencyKind.HEALTH,
        "Sexual Health Service",
        False,
        ("Sexual health nurse",),
        1,
    ),
    PoolAgency(
        "school-nurse",
        "Northvale Community Health",
        AgencyKind.HEALTH,
        "School Nursing",
        False,
        ("School nurse",),
        2,
    ),
    PoolAgency(
        "youth-justice",
        "Northvale Youth Justice Service",
        AgencyKind.YOUTH_JUSTICE,
        "Youth Justice",
        False,
        ("Youth justice worker", "Case manager"),
        2,
    ),
    PoolAgency(
        "voluntary",
        "Safe Steps Youth Charity",
        AgencyKind.VOLUNTARY,
        "Return Home Interviews",
        False,
        ("Return home interview worker", "Youth worker"),
        3,
    ),
    PoolAgency(
        "care-home",
        "Oakfield Care",
        AgencyKind.OTHER,
        "Residential Homes",
        False,
        ("Registered manager", "Residential support worker"),
        2,
    ),
    PoolAgency(
        "housing",
        "Northvale Council",
        AgencyKind.OTHER,
        "Housing Services",
        False,
        ("Housing officer", "Tenancy enforcement officer"),
        2,
    ),
    PoolAgency(
        "licensing",
        "Northvale Council",
        AgencyKind.OTHER,
        "Licensing and Trading Standards",
        False,
        ("Licensing officer", "Trading standards officer"),
        2,
    ),
)


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


HUB_COLLEAGUES: tuple[HubColleague, ...] = (
    HubColleague(
        "exploitation-dc@demo.cehub.test",
        "DC Jordan Hale",
        "Northvale Police",
        AgencyKind.POLICE,
        "Exploitation Hub (Police)",
        "Exploitation detective constable",
    ),
    HubColleague(
        "named-nurse@demo.cehub.test",
        "Ruth Adeyemi",
        "Northvale Integrated Care Board",
        AgencyKind.HEALTH,
        "Safeguarding Children (Health)",
        "Named nurse for safeguarding children",
    ),
)

# How the people in each kind of agency refer to themselves or the person who noticed.
OBSERVERS: dict[AgencyKind, tuple[str, ...]] = {
    AgencyKind.EDUCATION: ("{pos} form tutor", "a teaching assistant", "the head of year", "me"),
    AgencyKind.POLICE: ("officers", "a police community support officer", "me"),
    AgencyKind.CHILDRENS_SOCIAL_CARE: ("{pos} social worker", "me", "the duty social worker"),
    AgencyKind.HEALTH: ("the school nurse", "a nurse", "me"),
    AgencyKind.YOUTH_JUSTICE: ("{pos} youth justice worker", "me"),
    AgencyKind.VOLUNTARY: ("{pos} youth worker", "a return home interview worker", "me"),
    AgencyKind.OTHER: ("staff", "me"),
}


# --- People ----------------------------------------------------------------------------------
# One distribution for every person in the demo, children and adults alike, roughly that of an
# English shire county's young people (ONS 2021 categories, percent). Ethnicity is sampled
# independently of everything else, so it says nothing about who harms or who is harmed.
ETHNICITY_WEIGHTS: tuple[tuple[Ethnicity, float], ...] = (
    (Ethnicity.WHITE_BRITISH, 73.0),
    (Ethnicity.WHITE_IRISH, 0.6),
    (Ethnicity.WHITE_GYPSY_TRAVELLER, 0.5),
    (Ethnicity.WHITE_ROMA, 0.4),
    (Ethnicity.WHITE_OTHER, 5.5),
    (Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN, 1.8),
    (Ethnicity.MIXED_WHITE_BLACK_AFRICAN, 0.9),
    (Ethnicity.MIXED_WHITE_ASIAN, 1.4),
    (Ethnicity.MIXED_OTHER, 1.2),
    (Ethnicity.ASIAN_INDIAN, 2.2),
    (Ethnicity.ASIAN_PAKISTANI, 1.5),
    (Ethnicity.ASIAN_BANGLADESHI, 0.6),
    (Ethnicity.ASIAN_CHINESE, 0.5),
    (Ethnicity.ASIAN_OTHER, 0.9),
    (Ethnicity.BLACK_AFRICAN, 2.5),
    (Ethnicity.BLACK_CARIBBEAN, 0.8),
    (Ethnicity.BLACK_OTHER, 0.5),
    (Ethnicity.OTHER_ARAB, 0.4),
    (Ethnicity.OTHER_ANY, 0.8),
    (Ethnicity.NOT_STATED, 1.0),
    (Ethnicity.NOT_KNOWN, 2.5),
)


def _words(names: str) -> frozenset[str]:
    return frozenset(names.split())


# Faker en_GB's first names are for the whole population; these are the ones in its lists
# that are common among children born 2008-2015, so a 14-year-old is not called Margaret.
CHILD_FIRST_NAMES_FEMALE = _words(
    "Abbie Abigail Aimee Alice Amber Amelia Amy Bethany Charlotte Chloe Danielle Eleanor "
    "Elizabeth Ellie Emily Emma Georgia Grace Hannah Harriet Hollie Holly Jade Jasmine Jessica "
    "Jodie Katie Lauren Leah Lucy Megan Molly Naomi Natalie Natasha Nicole Olivia Paige Rebecca "
    "Rosie Shannon Sophie Victoria Zoe"
)
CHILD_FIRST_NAMES_MALE = _words(
    "Aaron Adam Alex Alexander Ben Benjamin Bradley Brandon Callum Cameron Charlie Connor Daniel "
    "Declan Dylan Elliot George Harry Henry Jack Jacob Jake James Jamie Jordan Joseph Joshua "
    "Kieran Kyle Leon Lewis Liam Luke Marcus Matthew Max Michael Mohammed Nathan Oliver Owen "
    "Reece Rhys Ryan Samuel Scott Sean Stanley Thomas Toby William"
)
KNOWN_AS: dict[str, str] = {
    "Abigail": "Abbie",
    "Alexander": "Alex",
    "Benjamin": "Ben",
    "Charlotte": "Lottie",
    "Daniel": "Danny",
    "Elizabeth": "Lizzie",
    "Eleanor": "Ellie",
    "Harriet": "Hattie",
    "Jacob": "Jake",
    "James": "Jay",
    "Jessica": "Jess",
    "Joseph": "Joe",
    "Joshua": "Josh",
    "Matthew": "Matt",
    "Michael": "Mikey",
    "Natasha": "Tash",
    "Nicole": "Nikki",
    "Oliver": "Olly",
    "Rebecca": "Becca",
    "Samuel": "Sam",
    "Thomas": "Tom",
    "Victoria": "Tori",
    "William": "Will",
    "Kieran": "Kez",
    "Bradley": "Brad",
    "Cameron": "Cam",
    "Jasmine": "Jaz",
    "Olivia": "Liv",
    "Megan": "Meg",
}
# Street names adults are known by. Invented; no digits, as CE Hub's name check requires.
STREET_NAMES_MALE = (
    "Dex",
    "Tee",
    "Smokey",
    "Nino",
    "Ghost",
    "Blue",
    "Big J",
    "Sparks",
    "Moose",
    "Jinx",
    "Dizzy",
    "Flex",
    "Ace",
    "Red",
    "Milo",
    "Tank",
    "Bugsy",
    "Kane",
    "Digger",
    "Boots",
    "Rocco",
    "Shadow",
    "Chops",
    "Snipes",
    "Dutch",
    "Vinnie",
    "Taz",
    "Rizla",
    "Brick",
    "Mack",
    "Benny",
    "Cash",
    "Dino",
    "Eddie",
    "Fitz",
    "Gunner",
    "Hutch",
    "Ice",
    "Jonno",
    "Kai",
    "Lenny",
    "Manny",
    "Nico",
    "Ozzy",
    "Pacey",
    "Quinny",
    "Sonny",
    "Tiny",
    "Tonka",
    "Bash",
    "Viper",
    "Wiz",
    "Yogi",
    "Ziggy",
    "Bones",
    "Chino",
    "Dodge",
    "Frosty",
    "Goose",
    "Junior",
)
STREET_NAMES_FEMALE = (
    "Kels",
    "Mimi",
    "Roxy",
    "Jojo",
    "Bex",
    "Lulu",
    "Dee",
    "Shaz",
    "Kiki",
    "Nat",
    "Steph",
    "Tash",
    "Vee",
    "Gigi",
    "Toni",
    "Jules",
    "Bella",
    "Cass",
)

ADULT_BUILDS = ("slim build", "medium build", "stocky build", "heavy build", "tall and thin")
ADULT_HAIR = (
    "short dark hair",
    "shaved head",
    "short fair hair",
    "brown hair tied back",
    "long dark hair",
    "ginger hair and a beard",
    "grey hair",
    "dyed blonde hair",
    "short curly hair",
    "dark hair and a trimmed beard",
)
ADULT_FEATURES = (
    "a tattoo on the right hand",
    "a scar above the left eyebrow",
    "glasses",
    "a pierced left ear",
    "a tattoo on the neck",
    "a gold front tooth",
    "a limp",
    "a nose ring",
    "a small tattoo under one eye",
    "no distinctive marks known",
)
ADULT_CLOTHES = (
    "usually in a dark puffer jacket",
    "often wears a grey hooded top",
    "usually wears a baseball cap",
    "wears a high-visibility work jacket",
    "often in sportswear",
    "usually smartly dressed",
    "wears a black bomber jacket",
    "often carries a small shoulder bag",
)

# --- Objects ---------------------------------------------------------------------------------
VEHICLE_MODELS = (
    "silver Ford Focus",
    "black Audi A3",
    "white Vauxhall Astra",
    "grey BMW 1 Series",
    "blue Volkswagen Golf",
    "red Seat Leon",
    "white Ford Transit van",
    "black Mercedes C-Class",
    "silver Toyota Prius",
    "grey Nissan Qashqai",
    "black Range Rover Evoque",
    "white Kia Sportage",
    "blue Ford Fiesta",
    "black Vauxhall Corsa",
    "silver Peugeot 208",
    "green Skoda Octavia",
    "white Mercedes Sprinter van",
    "grey Hyundai i30",
)
# Age identifiers issued since 2009 (March "09", September "59", ...).
PLATE_AGES = tuple(f"{y:02d}" for y in range(9, 25)) + tuple(f"{y}" for y in range(59, 75))
PLATE_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"  # no I, Q or Z in the random letters

PLATFORM_MIX: tuple[tuple[str, int], ...] = (
    ("snapchat", 14),
    ("instagram", 10),
    ("tiktok", 6),
    ("telegram", 3),
    ("discord", 3),
    ("whatsapp", 3),
    ("facebook", 1),
)
HANDLE_WORDS = (
    "nova",
    "blaze",
    "ghost",
    "lux",
    "vibe",
    "moonlit",
    "drip",
    "kairo",
    "velvet",
    "neon",
    "rico",
    "sunny",
    "frost",
    "jetset",
    "nightowl",
    "koko",
    "zed",
    "honey",
    "storm",
    "prime",
    "ruby",
    "echo",
    "lucky",
    "max",
)
