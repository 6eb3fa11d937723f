"""The three networks built into the demo partnership, so network features have structure.

1. A county line: two "line" phones run by adults, a cuckooed flat (the trap house), a car and
   a railway station; children are linked to the phones and the flat across concerns and
   partner information.
2. Adults using a takeaway and a hotel: children are seen at both with the same adults and a
   private hire car.
3. An online group chat (a Group of kind "online") whose accounts contact children.

The networks are data (``data/networks.yaml``); this module reads them once. Each text ("beat")
names the members it involves; the planner turns them into involvements, so every beat adds
links through the same shared nodes. In the templates ``{dex}`` is how a child or referrer
names an adult ("'Dex'") and ``{dex_full}`` how police do ("Dean Smith, known as 'Dex'").
"""

from __future__ import annotations

from dataclasses import dataclass

from cehub.cases.models import DisruptionKind, DisruptionStatus
from cehub.intake.models import ExploitationForm

from .catalogue import PLACE_KEYS
from .datafiles import Entry, datafile, record


@dataclass(frozen=True)
class NetworkAdult:
    key: str
    alias: str
    sex: str  # "male" or "female"
    ages: tuple[int, int]


@dataclass(frozen=True)
class Beat:
    """One thing that happened in a network, as a concern or a piece of partner information."""

    text: str
    involves: tuple[str, ...]  # member keys: adults, places, vehicles, phones, accounts
    forms: tuple[ExploitationForm, ...] = ()
    # Author tags (catalogue.POOL, or "referrer" for the persona); concerns: any if empty.
    authors: tuple[str, ...] = ()
    source: str = ""  # partner information: how the author knows
    uses: tuple[tuple[str, str], ...] = ()  # (adult, object) the information says they use
    members: tuple[str, ...] = ()  # accounts the information places in the online group


@dataclass(frozen=True)
class Disruption:
    """Disruption of one of the network's adults, places or vehicles."""

    member: str
    kind: DisruptionKind
    status: DisruptionStatus
    started_days_ago: int  # negative: still to come
    took_days: int  # until it was completed
    owner_agency: str
    description: str
    outcome: str  # when completed


@dataclass(frozen=True)
class Network:
    key: str
    adults: tuple[NetworkAdult, ...]
    places: tuple[tuple[str, str], ...]  # (member key, catalogue place key)
    vehicles: tuple[tuple[str, str], ...]  # (member key, make and model)
    phones: tuple[str, ...]
    accounts: tuple[tuple[str, str], ...]  # (member key, platform)
    child_sexes: str  # one letter per child at full scale: F or M
    child_ages: tuple[int, int]
    active_days_ago: tuple[int, int]  # (from, to)
    concerns_per_child: tuple[int, int]
    concern_beats: tuple[Beat, ...]
    intel_beats: tuple[Beat, ...]
    # What its children's screenings show: the tool's form id, and signs that fit the story
    # (other children's signs come from the tool by form).
    screening_form: str
    significant_signs: tuple[str, ...]
    moderate_signs: tuple[str, ...]
    disruptions: tuple[Disruption, ...] = ()
    group_name: str = ""
    group_description: str = ""


def _range(entry: Entry) -> tuple[int, int]:
    least, most = entry.integers(2)
    return least, most


@record
def _adult(row: Entry, key: str) -> NetworkAdult:
    sex = row["sex"].one_of(("male", "female"), "male or female")
    return NetworkAdult(key, row["alias"].text(), sex, _range(row["ages"]))


def _pairs(entry: Entry) -> tuple[tuple[str, str], ...]:
    return tuple(entry.map(Entry.text).items())


@dataclass(frozen=True)
class _Keys:
    """A network's member keys, by what they are: what its beats and disruption may name."""

    adults: frozenset[str]
    places: frozenset[str]
    vehicles: frozenset[str]
    phones: frozenset[str]
    accounts: frozenset[str]

    @property
    def things(self) -> frozenset[str]:
        """What an adult can be said to use."""
        return self.vehicles | self.phones | self.accounts

    @property
    def all(self) -> frozenset[str]:
        return self.adults | self.places | self.things


def _use(pair: Entry, keys: _Keys) -> tuple[str, str]:
    """(adult, object): a network adult and a vehicle, phone or account they use."""
    entries = pair.each()
    if len(entries) != 2:
        pair.fail("expected an (adult, object) pair")
    adult, thing = entries
    return (
        adult.one_of(keys.adults, "an adult of this network"),
        thing.one_of(keys.things, "a vehicle, phone or account of this network"),
    )


@record
def _beat(row: Entry, keys: _Keys, *, intel: bool) -> Beat:
    """A concern (the forms suspected; any authors if none are named) or a piece of partner
    information (its authors and source, and what it says about who uses what)."""
    text = row["text"].text()
    involves = tuple(e.one_of(keys.all, "a member of this network") for e in row["involves"].each())
    if intel:
        return Beat(
            text=text,
            involves=involves,
            authors=row["authors"].texts(),
            source=row["source"].text(),
            uses=tuple(_use(pair, keys) for pair in row.get("uses", []).each()),
            members=tuple(
                e.one_of(keys.accounts, "an account of this network")
                for e in row.get("members", []).each()
            ),
        )
    return Beat(
        text=text,
        involves=involves,
        forms=row["forms"].members(ExploitationForm),
        authors=row.get("authors", []).texts(),
    )


@record
def _disruption(row: Entry, keys: _Keys) -> Disruption:
    targets = keys.adults | keys.places | keys.vehicles
    return Disruption(
        member=row["member"].one_of(targets, "an adult, place or vehicle of this network"),
        kind=row["kind"].member(DisruptionKind),
        status=row["status"].member(DisruptionStatus),
        started_days_ago=row["started_days_ago"].integer(),
        took_days=row["took_days"].integer(),
        owner_agency=row["owner"].text(),
        description=row["description"].text(),
        outcome=row.get("outcome", "").text(empty=True),
    )


@record
def _network(row: Entry, key: str) -> Network:
    for _, place in row["places"].entries():
        place.one_of(PLACE_KEYS, "a place key in places.yaml")
    phones = row["phones"].texts()

    def keys_of(table: str) -> frozenset[str]:
        return frozenset(member for member, _ in row[table].entries())

    keys = _Keys(
        adults=keys_of("adults"),
        places=keys_of("places"),
        vehicles=keys_of("vehicles"),
        phones=frozenset(phones),
        accounts=keys_of("accounts"),
    )
    sexes = row["child_sexes"].text()
    if set(sexes) - {"F", "M"}:
        row["child_sexes"].fail("expected one letter per child, F or M")
    screening = row["screening"].keys("form", "significant", "moderate")
    group = row.get("group", {"name": "", "description": ""}).keys("name", "description")
    return Network(
        key=key,
        adults=tuple(_adult(adult, k) for k, adult in row["adults"].entries()),
        places=_pairs(row["places"]),
        vehicles=_pairs(row["vehicles"]),
        phones=phones,
        accounts=_pairs(row["accounts"]),
        child_sexes=sexes,
        child_ages=_range(row["child_ages"]),
        active_days_ago=_range(row["active_days_ago"]),
        concerns_per_child=_range(row["concerns_per_child"]),
        concern_beats=tuple(_beat(b, keys, intel=False) for b in row["concern_beats"].each()),
        intel_beats=tuple(_beat(b, keys, intel=True) for b in row["intel_beats"].each()),
        screening_form=screening["form"].text(),
        significant_signs=screening["significant"].texts(),
        moderate_signs=screening["moderate"].texts(),
        disruptions=tuple(_disruption(d, keys) for d in row.get("disruptions", []).each()),
        group_name=group["name"].text(empty=True),
        group_description=group["description"].text(empty=True),
    )


NETWORKS = tuple(_network(row, key) for key, row in datafile("networks").entries())
NETWORK_BY_KEY = {network.key: network for network in NETWORKS}
