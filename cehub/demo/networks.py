"""The three networks built into the demo partnership, so network features have structure.

1. A county line: two "line" phones run by adults, a cuckooed flat (the trap house), a car and
   a railway station; children are linked to the phones and the flat across concerns and
   partner information.
2. Adults using a takeaway and a hotel: children are seen at both with the same adults and a
   private hire car.
3. An online group chat (a Group of kind "online") whose accounts contact children.

Each text ("beat") names the members it involves; the planner turns them into involvements,
so every beat adds links through the same shared nodes. In the templates ``{dex}`` is how a
child or referrer names an adult ("'Dex'") and ``{dex_full}`` how police do ("Dean Smith,
known as 'Dex'").
"""

from __future__ import annotations

from dataclasses import dataclass

from cehub.intake.models import ExploitationForm

from .catalogue import CHILDRENS_HOME_NETWORK, HOTEL, LINE_STATION, TAKEAWAY, TRAP_FLAT

CSE = ExploitationForm.CSE
CCE = ExploitationForm.CCE
ONLINE = ExploitationForm.ONLINE
TRAFFICKING = ExploitationForm.TRAFFICKING


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
    group_name: str = ""
    group_description: str = ""


COUNTY_LINE = Network(
    key="county-line",
    adults=(
        NetworkAdult("dex", "Dex", "male", (24, 31)),
        NetworkAdult("tee", "Tee", "male", (19, 23)),
        NetworkAdult("nino", "Nino", "male", (20, 27)),
        NetworkAdult("kels", "Kels", "female", (24, 34)),
    ),
    places=(("flat", TRAP_FLAT), ("station", LINE_STATION)),
    vehicles=(("car", "silver Ford Focus"),),
    phones=("line1", "line2"),
    accounts=(),
    child_sexes="MMMFMMFM",
    child_ages=(13, 17),
    active_days_ago=(330, 20),
    concerns_per_child=(3, 5),
    concern_beats=(
        Beat(
            "{child}'s mum found a second phone in {pos} room. It gets calls at all hours from "
            "{line1}, and {child} goes out after each call.",
            ("line1",),
            (CCE,),
            authors=("social-care", "youth-justice", "school"),
        ),
        Beat(
            "{child} was found by police at Brinmoor railway station at {time} with £{cash} in "
            "cash and a phone. Messages from {line2} told {obj} which train to catch. A woman "
            "known as {kels} had bought {pos} ticket.",
            ("station", "line2", "kels"),
            (CCE, TRAFFICKING),
            authors=("police", "missing"),
        ),
        Beat(
            "Staff saw {child} get into a {car} ({reg}) outside school at lunchtime. The driver "
            "matches the description of an adult known as {tee}.",
            ("car", "tee"),
            (CCE,),
            authors=("school",),
        ),
        Beat(
            "{child} was found by police at Flat 7, Calder Court, where adults were storing "
            "drugs. {Subj} had been missing for {days} days. An adult known as {nino} was "
            "arrested at the address.",
            ("flat", "nino"),
            (CCE, TRAFFICKING),
            authors=("police", "missing"),
        ),
        Beat(
            "{child} told {observer} that an adult called {dex} says {subj} owes £{debt}, after "
            "drugs {subj} had been made to carry were taken from {obj}. The calls come from "
            "{line1}.",
            ("dex", "line1"),
            (CCE,),
        ),
        Beat(
            "{child} has a cut to {pos} face. {Subj} said: \"They said that's what happens when "
            "the money's short.\" {Subj} had been kept at Flat 7, Calder Court for two nights "
            "and given instructions from {line2}.",
            ("flat", "line2"),
            (CCE,),
        ),
        Beat(
            "{child} was collected from Brinmoor railway station by a {car} ({reg}) and driven "
            "to Flat 7, Calder Court. {Pos} phone shows calls from {line1} just before.",
            ("station", "car", "flat", "line1"),
            (CCE, TRAFFICKING),
        ),
        Beat(
            "{child} disclosed that adults at Flat 7, Calder Court made {obj} hide drugs on "
            "{pos} body, and that an adult known as {nino} sexually abused {obj} there.",
            ("flat", "nino"),
            (CCE, CSE),
        ),
    ),
    intel_beats=(
        Beat(
            "Neighbours at Calder Court report young people arriving at Flat 7 at all hours. The "
            "tenant, who has learning disabilities, has told the housing officer that men have "
            "taken over the flat.",
            ("flat",),
            authors=("housing",),
            source="From a housing officer's visit",
        ),
        Beat(
            "ANPR shows the {car} ({reg}) travelling between the city and Brinmoor most days. "
            "When it was stopped, the driver, {tee_full}, had a phone that rang from {line1}.",
            ("car", "tee", "line1"),
            authors=("police",),
            source="Seen myself while on duty",
            uses=(("tee", "car"),),
        ),
        Beat(
            "Bulk messages advertising drugs in Brinmoor are sent from {line1} and {line2}. Both "
            "numbers are believed to be controlled by {dex_full}.",
            ("dex", "line1", "line2"),
            authors=("police",),
            source="Reported by a colleague in my team",
            uses=(("dex", "line1"), ("dex", "line2")),
        ),
        Beat(
            "Staff at Brinmoor railway station report children travelling alone on late trains, "
            "met by a woman and driven off in a {car} ({reg}).",
            ("station", "car"),
            authors=("police", "voluntary"),
            source="Told by a member of the public who does not want to be named",
        ),
        Beat(
            "Two children missing from Oakfield House children's home were found at Flat 7, "
            "Calder Court with {nino_full}.",
            ("flat", "nino"),
            authors=("missing",),
            source="Seen myself while on duty",
        ),
        Beat(
            "{kels_full} has bought train tickets for young people with the same bank card on "
            "several occasions at Brinmoor railway station. Her phone is {line2}.",
            ("kels", "station", "line2"),
            authors=("police",),
            source="From CCTV reviewed by the licensing team",
            uses=(("kels", "line2"),),
        ),
        Beat(
            "{nino_full} has been seen letting children into Flat 7, Calder Court late at night; "
            "the {car} ({reg}) is often parked outside.",
            ("nino", "flat", "car"),
            authors=("police", "housing"),
            source="From a neighbour's phone call",
        ),
        Beat(
            "A young person told their youth worker that {line1} is 'the Dex line' and that "
            "children who lose money are taken to Flat 7, Calder Court.",
            ("line1", "flat", "dex"),
            authors=("voluntary", "youth-justice"),
            source="Told by a young person",
        ),
    ),
)

TAKEAWAY_HOTEL = Network(
    key="takeaway-hotel",
    adults=(
        NetworkAdult("vinnie", "Vinnie", "male", (33, 42)),
        NetworkAdult("mack", "Mack", "male", (24, 31)),
        NetworkAdult("roxy", "Roxy", "female", (21, 28)),
        NetworkAdult("dutch", "Dutch", "male", (30, 45)),
    ),
    places=(("takeaway", TAKEAWAY), ("hotel", HOTEL), ("home", CHILDRENS_HOME_NETWORK)),
    vehicles=(("taxi", "silver Toyota Prius private hire car"),),
    phones=(),
    accounts=(),
    child_sexes="FFFMFF",
    child_ages=(13, 16),
    active_days_ago=(480, 60),
    concerns_per_child=(3, 5),
    concern_beats=(
        Beat(
            "{child} told {observer} that adults at Late Bites give {obj} and {pos} friends free "
            "food and vapes, and that a man called {mack} lets them stay after closing.",
            ("takeaway", "mack"),
            (CSE,),
        ),
        Beat(
            "Hotel staff called police after {child} was seen going into a room at The Fallowby "
            "Court Hotel booked by an adult man. Officers found {obj} with {vinnie} and another "
            "adult, and alcohol in the room.",
            ("hotel", "vinnie"),
            (CSE,),
            authors=("police",),
        ),
        Beat(
            "{child} was collected from Willow Lodge children's home at 11pm by a {taxi} "
            "({reg}) booked by an adult. Carers do not know who the adult is.",
            ("home", "taxi"),
            (CSE,),
            authors=("care-home",),
        ),
        Beat(
            "{child} disclosed that adults {subj} met at Late Bites have sexually abused {obj} at "
            "The Fallowby Court Hotel. {Subj} named {vinnie} and said a woman called {roxy} first "
            "introduced {obj} to them.",
            ("takeaway", "hotel", "vinnie", "roxy"),
            (CSE,),
        ),
        Beat(
            "A woman known as {roxy} has been messaging {child} and offering to take {obj} for "
            "food at Late Bites. {child} has come back to Willow Lodge with expensive clothes.",
            ("roxy", "takeaway", "home"),
            (CSE,),
        ),
        Beat(
            "{child} was found by police at The Fallowby Court Hotel at {time}, having been "
            "driven there in a {taxi} ({reg}) from Late Bites. {Subj} was very drunk.",
            ("hotel", "taxi", "takeaway"),
            (CSE,),
            authors=("police", "missing"),
        ),
    ),
    intel_beats=(
        Beat(
            "Rooms at The Fallowby Court Hotel are being booked in cash by the same man, "
            "{vinnie_full}, with girls who look under 16 arriving late at night.",
            ("hotel", "vinnie"),
            authors=("licensing",),
            source="From CCTV reviewed by the licensing team",
        ),
        Beat(
            "The {taxi} ({reg}), licensed to {dutch_full}, has been seen collecting girls from "
            "Willow Lodge children's home and dropping them at The Fallowby Court Hotel.",
            ("taxi", "dutch", "home", "hotel"),
            authors=("licensing", "care-home"),
            source="Reported by a colleague in my team",
            uses=(("dutch", "taxi"),),
        ),
        Beat(
            "Late Bites is selling vapes to children and letting groups of girls stay after "
            "closing with adult men.",
            ("takeaway",),
            authors=("licensing",),
            source="Told by a parent",
        ),
        Beat(
            "{mack_full} and {vinnie_full} were seen at Late Bites with three girls of school "
            "age, then driving towards The Fallowby Court Hotel.",
            ("mack", "vinnie", "takeaway", "hotel"),
            authors=("police",),
            source="Seen myself while on duty",
        ),
        Beat(
            "{roxy_full} has been seen waiting outside Willow Lodge children's home and walking "
            "girls to Late Bites.",
            ("roxy", "home", "takeaway"),
            authors=("care-home",),
            source="Seen myself while on duty",
        ),
    ),
)

ONLINE_GROUP = Network(
    key="online-group",
    adults=(
        NetworkAdult("ghost", "Ghost", "male", (27, 36)),
        NetworkAdult("jinx", "Jinx", "male", (19, 24)),
    ),
    places=(),
    vehicles=(),
    phones=(),
    accounts=(
        ("acc1", "snapchat"),
        ("acc2", "snapchat"),
        ("acc3", "instagram"),
        ("acc4", "snapchat"),
        ("acc5", "discord"),
    ),
    child_sexes="FMFFMF",
    child_ages=(12, 16),
    active_days_ago=(240, 16),
    concerns_per_child=(2, 4),
    concern_beats=(
        Beat(
            "{child} has been added to a group chat called 'Night Owls' on Snapchat. Adults in "
            "the group, including {acc1}, have been messaging {obj} privately and asking for "
            "images.",
            ("acc1",),
            (ONLINE, CSE),
        ),
        Beat(
            "{child} told {observer} that {acc2}, from the 'Night Owls' group chat, threatened to "
            "share images of {obj} with {pos} friends unless {subj} paid £{cash}.",
            ("acc2",),
            (ONLINE,),
        ),
        Beat(
            "Adults using {acc3} and {acc1} have been sending {child} gaming credit and asking "
            "{obj} to keep their chats secret. Both accounts are in the 'Night Owls' group.",
            ("acc3", "acc1"),
            (ONLINE, CSE),
        ),
        Beat(
            "{acc4} has asked {child} to meet at Aldergate Shopping Centre. The account says it "
            "belongs to a 15-year-old but the voice notes are of an adult man. {child} was added "
            "to the chat through 'Night Owls'.",
            ("acc4",),
            (ONLINE, CSE),
        ),
        Beat(
            "{child} is being blackmailed by {acc5} on Discord after being contacted through the "
            "'Night Owls' group. {Subj} has stopped coming to school.",
            ("acc5",),
            (ONLINE,),
        ),
    ),
    intel_beats=(
        Beat(
            "The 'Night Owls' group chat on Snapchat includes the accounts {acc1}, {acc2} and "
            "{acc4}. Members add children from local schools and then message them privately.",
            ("acc1", "acc2", "acc4"),
            authors=("police",),
            source="Reported by a colleague in my team",
            members=("acc1", "acc2", "acc4"),
        ),
        Beat(
            "{ghost_full} is believed to run the accounts {acc1} and {acc3}; both were logged in "
            "on a phone seized from him.",
            ("ghost", "acc1", "acc3"),
            authors=("police",),
            source="Seen myself while on duty",
            uses=(("ghost", "acc1"), ("ghost", "acc3")),
            members=("acc3",),
        ),
        Beat(
            "Several pupils in Year 9 have been added to a group called 'Night Owls' by {acc2}.",
            ("acc2",),
            authors=("referrer",),
            source="Told by a pupil",
            members=("acc2",),
        ),
        Beat(
            "{jinx_full} uses {acc5} on Discord to invite children into the 'Night Owls' group "
            "chat.",
            ("jinx", "acc5"),
            authors=("police",),
            source="Reported by a colleague in my team",
            uses=(("jinx", "acc5"),),
            members=("acc5",),
        ),
    ),
    group_name="Night Owls group chat",
    group_description=(
        "A Snapchat group chat that adults use to contact children across Northvale. Members "
        "change their display names often; the hub knows several of its accounts."
    ),
)

NETWORKS: tuple[Network, ...] = (COUNTY_LINE, TAKEAWAY_HOTEL, ONLINE_GROUP)
