"""The words in the demo partnership's records, written as PRACTICE.md section 7 asks.

Each text says what adults did to the child and what was seen, never what the child "chose".
A child's own words are always in quotation marks. Templates use ``str.format`` slots:
``{child}`` the name the writer uses, ``{subj}``/``{Subj}``, ``{obj}`` and ``{pos}``/``{Pos}``
pronouns, ``{was}``/``{is}``/``{has}`` agreeing with the pronoun, and the slots a scenario
declares (``{place}``, ``{vehicle}``, ``{phone}``, ``{handle}``, ``{platform}``, ``{adult}``).
``tests/demo`` runs the language checker over every generated text as well as these literals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cehub.intake.models import ExploitationForm

CSE = ExploitationForm.CSE
CCE = ExploitationForm.CCE
ONLINE = ExploitationForm.ONLINE
TRAFFICKING = ExploitationForm.TRAFFICKING
RADICALISATION = ExploitationForm.RADICALISATION
NOT_SURE = ExploitationForm.NOT_SURE


@dataclass(frozen=True)
class Voice:
    """How a text refers to the child: the name the writer knows and the child's pronouns."""

    name: str
    subj: str
    obj: str
    pos: str

    @classmethod
    def for_pronouns(cls, name: str, pronouns: str) -> Voice:
        subj, obj, pos = {
            "she": ("she", "her", "her"),
            "he": ("he", "him", "his"),
        }.get(pronouns, ("they", "them", "their"))
        return cls(name, subj, obj, pos)

    def slots(self) -> dict[str, str]:
        plural = self.subj == "they"
        return {
            "child": self.name,
            "Child": self.name,
            "subj": self.subj,
            "Subj": self.subj.capitalize(),
            "obj": self.obj,
            "pos": self.pos,
            "Pos": self.pos.capitalize(),
            "was": "were" if plural else "was",
            "is": "are" if plural else "is",
            "has": "have" if plural else "has",
        }


# Verbs the templates put after {subj}, and their form after "they".
_AFTER_THEY = {"has": "have", "was": "were", "is": "are", "does": "do"} | {
    verb: verb[:-1] for verb in ("owes", "comes", "seems", "says", "wants", "goes", "leaves")
}
_THEY_VERB = re.compile(r"\b([Tt]hey) (" + "|".join(_AFTER_THEY) + r")\b")


def fill(template: str, voice: Voice, **slots: Any) -> str:
    text = template.format(**(voice.slots() | slots))
    if voice.subj == "they":
        text = _THEY_VERB.sub(lambda m: f"{m[1]} {_AFTER_THEY[m[2]]}", text)
    return text


@dataclass(frozen=True)
class Scenario:
    """One kind of concern: the forms it suggests, the slots it needs and ways to say it."""

    key: str
    forms: tuple[ExploitationForm, ...]
    needs: frozenset[str]
    openings: tuple[str, ...]
    details: tuple[str, ...] = ()


def _s(
    key: str,
    forms: tuple[ExploitationForm, ...],
    needs: str,
    openings: tuple[str, ...],
    details: tuple[str, ...] = (),
) -> Scenario:
    return Scenario(key, forms, frozenset(needs.split()), openings, details)


SCENARIOS: tuple[Scenario, ...] = (
    # --- Sexual exploitation ----------------------------------------------------------------
    _s(
        "cse-car",
        (CSE,),
        "place vehicle",
        (
            "{child} has been picked up from outside {place} by an adult man in a {vehicle} at "
            "least three times in the last fortnight.",
            "Staff saw {child} get into a {vehicle} near {place} at the end of the day. The "
            "driver was an adult man they did not recognise.",
        ),
        (
            "{Subj} came home after midnight with a new phone and clothes the family did not buy.",
            "{Subj} {was} tired and quiet the next day and did not want to talk about where "
            "{subj} had been.",
            "The same car has been seen near the school gates on other days.",
        ),
    ),
    _s(
        "cse-party",
        (CSE,),
        "place adult",
        (
            "{child} told {observer} about parties at {place} where adults give young people "
            "alcohol and cannabis. {Subj} said an adult called {adult} takes photos of the young "
            "people there and has asked {obj} to stay the night.",
            "Friends of {child} say {subj} has been taken to {place} at weekends, where an adult "
            "known as {adult} gives young people vodka and then drives them home.",
        ),
        (
            "{Subj} has had several days off school after weekends.",
            "{Pos} carers say {subj} comes home smelling of alcohol and cannabis and will not say "
            "who {subj} was with because {subj} is frightened.",
        ),
    ),
    _s(
        "cse-disclosure",
        (CSE,),
        "place adult",
        (
            "{child} disclosed to {observer} that an adult man {subj} met at {place} has "
            "sexually abused {obj}. {Subj} named him as {adult}.",
            "{child} told {observer} that {adult} sexually abused {obj} at {place} and then told "
            "{obj} {subj} owed him for the gifts he had bought.",
        ),
        (
            "{Subj} described being given vodka first and a lift home afterwards.",
            "{Subj} said this has happened more than once.",
            "{Subj} was very upset and asked to speak to a female member of staff.",
        ),
    ),
    _s(
        "cse-missing",
        (CSE,),
        "place",
        (
            "{child} was reported missing from home on {day} and found by police the next "
            "morning at {place} with two adult men.",
            "{child} has been missing overnight three times this month. Each time {subj} was "
            "found near {place}, and each time adults had given {obj} food and alcohol.",
        ),
        (
            "{Subj} had a bruise on {pos} arm and had not eaten.",
            "{Subj} had a new phone with only a few numbers saved in it.",
            "{Subj} was cold and frightened and asked to go home.",
        ),
    ),
    _s(
        "cse-contraception",
        (CSE,),
        "adult",
        (
            "{child} came to the clinic asking for emergency contraception. {Subj} said the man "
            "involved is called {adult} and is in his twenties.",
        ),
        (
            "We are worried that {child} is being sexually exploited.",
            "{Subj} did not want {pos} family to know and asked what would happen next.",
        ),
    ),
    _s(
        "cse-health",
        (CSE,),
        "adult",
        (
            "{child} has been treated for a sexually transmitted infection. {Subj} said an adult "
            "called {adult} has been giving {obj} money, cannabis and lifts.",
        ),
        (
            "We are worried that {child} is being sexually exploited.",
            "{Subj} did not want {pos} family to know and asked what would happen next.",
        ),
    ),
    _s(
        "cse-gifts",
        (CSE, NOT_SURE),
        "place",
        (
            "Youth workers saw {child} being given cash and cigarettes by an adult man outside "
            "{place}.",
            "{child} has been seen being given vapes and money by adults outside {place} most "
            "evenings this week.",
        ),
        (
            "Since then {subj} has gone missing after school twice and came back with new "
            "trainers.",
            "{Subj} has become withdrawn in lessons and has stopped going to football.",
        ),
    ),
    # --- Criminal exploitation ----------------------------------------------------------------
    _s(
        "cce-out-of-area",
        (CCE,),
        "place",
        (
            "{child} was found by police at {place} at {time}, a long way from home, with two "
            "phones and £{cash} in cash. {Subj} said an adult had bought {pos} train ticket and "
            "told {obj} where to go.",
            "Staff at {place} called police after seeing {child} travelling alone late at night "
            "with a large amount of cash.",
        ),
        (
            "{Subj} had not eaten all day.",
            "{Subj} had been reported missing by {pos} family two days earlier.",
            "{Subj} had a train ticket bought with a bank card that is not {pos}.",
        ),
    ),
    _s(
        "cce-injuries",
        (CCE,),
        "",
        (
            "{child} came into school with a cut to {pos} hand and bruising to {pos} face. "
            '{Subj} said {subj} "fell over", but a friend told staff that adults hurt {obj} '
            "because money was missing.",
            "{child} was seen in the emergency department with a stab wound to {pos} leg. "
            '{Subj} was too frightened to say who did it and said "it\'s sorted".',
        ),
        (
            "{Subj} has been missing from school for most of the last fortnight.",
            "{Pos} family say {subj} has been receiving calls at all hours.",
        ),
    ),
    _s(
        "cce-debt",
        (CCE,),
        "adult",
        (
            "{child} told {observer} that {subj} owes an adult known as {adult} £{debt}, after "
            "drugs {subj} had been made to carry were taken from {obj}.",
            "{child} says {adult} is threatening {obj}: drugs {subj} was being forced to hold "
            "were stolen, and {subj} has been told {subj} must pay for them.",
        ),
        (
            "{Subj} is frightened to leave the house.",
            "{Subj} said: \"If I don't pay they'll come to my house.\"",
            "{Pos} younger brother has also been approached.",
        ),
    ),
    _s(
        "cce-phone",
        (CCE,),
        "phone place",
        (
            "A phone found with {child} had dozens of messages from {phone} telling {obj} to go "
            "to {place} and wait for a car.",
            "{child}'s mum found a second phone in {pos} room. It gets calls at all hours from "
            "{phone}, and {child} leaves the house after each call; one message names {place}.",
        ),
        (
            "{Subj} has been missing overnight twice this month.",
            "{Subj} has had unexplained cash and new clothes.",
        ),
    ),
    _s(
        "cce-school-car",
        (CCE, NOT_SURE),
        "vehicle",
        (
            "{child} has missed most of the last three weeks of school. Staff have seen {obj} "
            "dropped at the gates by a {vehicle} driven by an adult they do not know.",
            "A {vehicle} has been collecting {child} from school at lunchtime. {Subj} does not "
            "come back for afternoon lessons.",
        ),
        (
            "{Subj} seems exhausted and has lost weight.",
            "The driver has been seen giving {obj} a package.",
        ),
    ),
    _s(
        "cce-knife",
        (CCE,),
        "place",
        (
            "{child} was stopped by police at {place} carrying a knife. {Subj} said an adult "
            'gave it to {obj} "for protection" and that {subj} is scared of the people who have '
            "been making {obj} deliver parcels.",
        ),
        (
            "{Subj} was arrested and then released under investigation; a referral was made to "
            "the hub the same night.",
            "{Pos} mum says {subj} has not been sleeping.",
        ),
    ),
    _s(
        "cce-flat",
        (CCE, TRAFFICKING),
        "place",
        (
            "{child} was found by police at {place}, where adults were storing drugs. {Subj} had "
            "been missing for {days} days.",
            "During a police visit to {place}, officers found {child} hiding in a bedroom with "
            "two phones. Adults at the address were arrested.",
        ),
        (
            "{Subj} was dirty and hungry and had no phone of {pos} own.",
            "{Subj} said adults had told {obj} not to leave the flat.",
        ),
    ),
    # --- Online ---------------------------------------------------------------------------
    _s(
        "online-gifts",
        (ONLINE, CSE),
        "account",
        (
            "Adults have been contacting {child} on {platform} through the account {handle}, "
            "sending gaming credit and then asking {obj} for images.",
            "An account called {handle} on {platform} has been messaging {child} late at night, "
            "telling {obj} not to tell {pos} parents and sending {obj} money.",
        ),
        (
            "{Subj} has been very anxious and has stopped eating at school.",
            "{Pos} parents found the messages and brought the phone to school.",
        ),
    ),
    _s(
        "online-sextortion",
        (ONLINE,),
        "account",
        (
            "{child} told {observer} that the account {handle} on {platform} threatened to share "
            "images of {obj} with {pos} friends unless {subj} paid £{cash}.",
            "{child} is being blackmailed by {handle} on {platform}: the person behind the "
            "account has demanded money and said they will send images of {obj} to {pos} school "
            "contacts.",
        ),
        (
            "{Subj} was very distressed and had not slept.",
            "{Subj} has already paid some money from a birthday card.",
            "The account first pretended to be a girl of {pos} age.",
        ),
    ),
    _s(
        "online-meet",
        (ONLINE, CSE),
        "account place",
        (
            "An adult using the account {handle} on {platform} has been contacting {child} and "
            "has asked to meet {obj} at {place}. The account says it belongs to a 16-year-old, "
            "but the voice notes are of an adult man.",
        ),
        (
            "{child}'s friend told staff because she was worried.",
            "{Subj} has been sent a train ticket.",
        ),
    ),
    _s(
        "online-group",
        (ONLINE,),
        "account",
        (
            "{child} has been added to a group chat on {platform} where adults send young people "
            "links and ask them to move to private chats. One member, {handle}, has been "
            "messaging {obj} directly.",
        ),
        (
            "{Subj} showed staff the messages because {subj} felt uncomfortable.",
            "{Pos} phone shows calls from unknown numbers late at night.",
        ),
    ),
    # --- Trafficking, radicalisation, not sure --------------------------------------------
    _s(
        "trafficking-moved",
        (TRAFFICKING, CCE),
        "place",
        (
            "{child} was found at {place} with adults {subj} did not know, after being moved "
            "between addresses for two weeks.",
            "{child}, who is looked after, was reported missing and found two days later at "
            "{place} with adults from outside Northvale.",
        ),
        (
            "{Subj} had no phone and no money and said {subj} had been told {subj} owed money "
            "for food and travel.",
            "{Subj} said {subj} had been taken to three different towns.",
        ),
    ),
    _s(
        "radicalisation-online",
        (RADICALISATION, ONLINE),
        "",
        (
            "An adult {child} met in an online gaming group has been sending {obj} extremist "
            "videos and asking {obj} to keep their chats secret.",
        ),
        (
            "{child} has started repeating some of the language from the videos in class.",
            "{Pos} parents have noticed {subj} is staying up late on the computer.",
        ),
    ),
    _s(
        "not-sure-gate",
        (NOT_SURE,),
        "place",
        (
            "{child} has become withdrawn and tired in lessons. An adult has been waiting near "
            "{place} at the end of the day and {child} has walked off with him twice.",
            "{child}'s family are worried: {subj} has a second phone and comes home late from "
            "{place} with cash and clothes they did not buy.",
        ),
        (
            "We do not yet know who the adult is.",
            "{Subj} told staff {subj} is fine, but {pos} attendance has dropped sharply.",
        ),
    ),
)
SCENARIO_BY_KEY = {scenario.key: scenario for scenario in SCENARIOS}
# What these describe is exploitation (or harm) already: always screened, always shared.
CLEAR_HARM = frozenset(
    {
        "cse-party",
        "cse-disclosure",
        "cse-missing",
        "cse-contraception",
        "cse-health",
        "cce-out-of-area",
        "cce-injuries",
        "cce-debt",
        "cce-phone",
        "cce-knife",
        "cce-flat",
        "online-gifts",
        "online-sextortion",
        "online-meet",
        "trafficking-moved",
        "radicalisation-online",
    }
)
FEMALE_ONLY = frozenset({"cse-contraception"})

CLOSINGS: tuple[str, ...] = (
    "This has been discussed with our designated safeguarding lead.",
    "Police were told at the time.",
    "A safety plan has been agreed with {pos} carers while the hub looks at this.",
    "No action taken yet other than this referral.",
    "I will keep in close contact with {child} and the family.",
    "School have put extra checks in place at the start and end of the day.",
)
TIMES = ("about 10pm", "half past eleven at night", "just after 1am", "about 4pm", "7am")
DAYS = ("Friday night", "Saturday", "Sunday evening", "Tuesday", "a school night")

CHILD_WORDS: dict[ExploitationForm, tuple[str, ...]] = {
    CSE: (
        "He's the only one who listens to me.",
        "He said I'm special and I can't tell anyone.",
        "I don't want him to get in trouble.",
        "I just want it to stop.",
        "He buys me stuff. He said I owe him.",
        "They said if I tell, they'll tell everyone about me.",
    ),
    CCE: (
        "If I don't go they'll hurt my little brother.",
        "I owe them. I have to pay it off.",
        "I didn't have a choice.",
        "I want to go back to normal. I want to go to college.",
        "They know where I live.",
        "I'm not allowed to say.",
    ),
    ONLINE: (
        "They said they'd send it to everyone at school.",
        "I thought he was fifteen.",
        "I deleted the app but they found me again.",
        "I'm so embarrassed. Please don't tell my dad.",
    ),
    TRAFFICKING: (
        "They said I had to pay back the travel.",
        "I didn't know where I was.",
    ),
    RADICALISATION: (
        "He's the only one who gets it.",
        "It's just videos.",
    ),
    NOT_SURE: (
        "I'm fine, honestly.",
        "Please don't tell my mum.",
        "I'm scared of them.",
    ),
}
WISHES: tuple[str, ...] = (
    "{child} wants to stay at {pos} school.",
    "{child} wants things to go back to how they were.",
    "{child} asked that {pos} mum is told before anyone visits.",
    "{child} asked that police do not come to the house.",
    "{child} would like to keep seeing {pos} youth worker.",
    "{child} wants to move away from the area.",
    "{child} wants to be able to go out with {pos} friends without being found.",
)
# Why consent was not given or sought, for a family who do not know and for one who do.
NO_CONSENT_REASONS: tuple[str, ...] = (
    "Asking the family first could alert the adults involved.",
    "{child} asked me not to tell {pos} parents; I explained that I have to share this to keep "
    "{obj} safe.",
    "Not asked yet: the family could not be reached today.",
    "The adult of concern is a family friend, so telling the family now could increase the "
    "danger to {child}.",
    "{child} is frightened of what the adults will do if they find out; I have not asked.",
)
NO_CONSENT_REASONS_FAMILY_AWARE: tuple[str, ...] = (
    "The family know about the concern but did not agree to a referral. I am sharing because "
    "I am worried {child} is being harmed.",
    "The family know about the concern; they were not asked about sharing because the danger "
    "to {child} is immediate.",
    "{child} is frightened of what the adults will do if they find out; I have not asked.",
)
IMMEDIATE_ACTIONS: tuple[str, ...] = (
    "Called 999; police attended and took {child} to a place of safety.",
    "Called police and stayed with {child} until officers arrived.",
    "Kept {child} in school at the end of the day and called the police.",
    "Called the emergency duty team, who arranged for {child} to stay with a relative tonight.",
)

# --- Partner information --------------------------------------------------------------------
INTEL_PLACE: dict[str, tuple[str, ...]] = {
    "shop": (
        "Staff at {place} are selling vapes and single cigarettes to children in school uniform "
        "after school.",
        "Children are being given free SIM cards and phones at {place} by a man who is not staff.",
    ),
    "takeaway": (
        "Adults at {place} are giving free food to groups of children late in the evening and "
        "letting them stay after closing.",
        "Young people are being taken from {place} in cars by adults after closing time.",
    ),
    "park": (
        "Residents report adults meeting children at {place} after dark, arriving in cars and "
        "leaving within minutes.",
        "Groups of adults gather at {place} most evenings and give alcohol to children.",
    ),
    "flat": (
        "Neighbours report children going in and out of {place} at all hours. The tenant has "
        "told the housing officer that adults are staying there against their wishes.",
        "A strong smell of cannabis and visitors every few minutes at {place}; children in "
        "school uniform have been seen letting themselves in.",
    ),
    "hotel": (
        "Rooms at {place} are being booked in cash by adults, with young people arriving late "
        "at night and leaving in the early morning.",
    ),
    "station": (
        "Children are arriving at {place} alone late at night and being met by adults in cars.",
    ),
    "other": (
        "Adults are meeting young people at {place} in the evenings; the same cars come and go.",
        "Children have been seen being handed small packages at {place}.",
    ),
}
INTEL_VEHICLE_SCHOOL = (
    "A {vehicle} ({registration}) has been parked near {place} at home time on several days; "
    "the driver talks to children at the gates."
)
INTEL_VEHICLE: tuple[str, ...] = (
    "The {vehicle} ({registration}) has been seen picking up children from {place} late at night.",
    "The {vehicle} ({registration}) is often parked at {place} in the evenings; young people "
    "are seen getting in and out of it.",
)
INTEL_PHONE: tuple[str, ...] = (
    "The number {phone} was saved under a nickname on the phones of two children stopped in "
    "{town}; it sends them instructions about where to go.",
    "Bulk messages advertising drugs in {town} are being sent from {phone}.",
)
INTEL_ACCOUNT: tuple[str, ...] = (
    "The account {handle} on {platform} has been sending friend requests to many children at "
    "local schools and offering money for photos.",
    "Pupils report that {handle} on {platform} is asking children for their addresses and "
    "offering free vapes.",
)
INTEL_ADULT: tuple[str, ...] = (
    "{adult} has been seen giving lifts to children from {place}.",
    "{adult} is believed to be renting rooms where children have been taken.",
    "{adult} has been seen with several different young people at {place} this month.",
)
SOURCES: tuple[str, ...] = (
    "Seen myself while on duty",
    "Told by a member of the public who does not want to be named",
    "Reported by a colleague in my team",
    "From CCTV reviewed by the licensing team",
    "Told by a pupil",
    "From a neighbour's phone call",
    "From a housing officer's visit",
    "Told by a parent",
)

# --- Triage and grading -------------------------------------------------------------------
SHARE_RECIPIENTS: dict[ExploitationForm, tuple[str, ...]] = {
    CSE: (
        "Northvale Police (Exploitation Hub); the child's school; Northvale Children's Services",
        "Northvale Police (Exploitation Hub); the school nursing team",
    ),
    CCE: (
        "Northvale Police (Exploitation Hub); Northvale Youth Justice Service; the child's school",
        "Northvale Police (Exploitation Hub); Northvale Children's Services",
    ),
    ONLINE: (
        "Northvale Police (Exploitation Hub); the child's school",
        "Northvale Police online child abuse team; the child's school",
    ),
    TRAFFICKING: (
        "Northvale Police (Exploitation Hub); Northvale Children's Services; the child's "
        "placement provider",
    ),
    RADICALISATION: ("Northvale Police Prevent team; the child's school",),
    NOT_SURE: ("The child's school; Northvale Children's Services Front Door",),
}
SHARE_INFORMATION: tuple[str, ...] = (
    "What was seen and when; the adults, places and vehicles described; the child's school and "
    "address",
    "The concern as reported, the child's own words and the immediate actions taken",
    "The names and descriptions of the adults involved and the places the child was found",
    "A summary of the concern and the hub's decision; no health information",
)
SHARE_PURPOSES: tuple[str, ...] = (
    "To keep the child safe: a joint assessment of exploitation",
    "So partners can act to disrupt the adults involved and protect the child",
    "To agree a safety plan with the agencies who know the child",
)
SHARE_RATIONALES: tuple[str, ...] = (
    "The information shows the child is being exploited by adults. Sharing without consent is "
    "necessary and proportionate to protect {obj}; asking the family first could alert the "
    "adults involved.",
    "The child and family agreed to this information being shared with the agencies named, "
    "who need it to support the child.",
    "Police need the descriptions of the adults and places to act; the agencies who see the "
    "child every day need to know what to look out for. Only what each agency needs is shared.",
    "There is a risk of serious harm. Information is shared with the agencies who can act "
    "today; health details are left out because they are not needed.",
)
# When it is not yet clear that the child is being exploited.
SHARE_RATIONALE_UNCLEAR = (
    "Partners may hold information that shows whether {child} is being exploited. Sharing what "
    "was seen with the agencies named is proportionate to find out; no health information is "
    "shared."
)
NOT_SHARE_RATIONALES: tuple[str, ...] = (
    "The agencies working with the child already hold this information and a plan is in place; "
    "sharing further would not make the child safer. Decision reviewed at the daily meeting.",
    "The information is not yet specific enough to share: the hub will gather more from the "
    "referrer first. No information leaves the hub for now.",
    "The child and family asked that this stays with the agency that referred it, and there is "
    "no current risk of significant harm that would justify sharing without consent.",
)
NO_FURTHER_ACTION_REASONS: tuple[str, ...] = (
    "Checks with school, police and health found no further signs of exploitation. The school "
    "and family are supporting the child and will tell the hub if anything changes.",
    "The school and police had already dealt with this and are supporting the family; checks "
    "found nothing more for the hub to do.",
    "The child's case is already open to the exploitation team; this information has been "
    "added to the existing plan.",
)
SIGNPOST_REASONS: tuple[str, ...] = (
    "Signposted to Early Help (family support) for help with school attendance; no current "
    "signs of exploitation.",
    "Signposted to Safe Steps Youth Charity for ongoing youth work and a trusted adult outside "
    "school.",
    "Signposted to the school nursing team for support with emotional wellbeing.",
    "Signposted to the online safety lead at school, with advice to the family on reporting "
    "accounts.",
)
HANDLING_CONDITIONS: tuple[str, ...] = (
    "Do not disclose the source; share only with police and children's social care.",
    "Not to be used in licensing proceedings without the source's agreement.",
    "Share with the child's allocated worker only; do not share with the premises.",
    "Police use only until the source has been spoken to again.",
)
EVALUATION_REASONS: dict[str, str] = {
    "A": "The source is a professional with a record of reporting accurately.",
    "B": "The source has not reported to the hub before.",
    "C": "The source has given inaccurate information before.",
}
ASSESSMENT_REASONS: dict[str, str] = {
    "1": "They saw it themselves.",
    "2": "They were told by someone else, and CCTV or another report supports it.",
    "3": "They were told by someone else; not yet corroborated.",
    "4": "The source cannot say how they know.",
    "5": "Other information contradicts this account.",
}
INTEL_SHARE_RATIONALES: tuple[str, ...] = (
    "Shared with neighbourhood police and licensing so they can visit the premises; the source "
    "is not named.",
    "Shared with the police team covering the area so patrols can look out for the vehicle.",
)
INTEL_NOT_SHARE_RATIONALES: tuple[str, ...] = (
    "Held in the hub's intelligence picture only: sharing now could identify the source.",
    "Not shared yet: it needs corroborating before partners act on it.",
)

# --- Screening ---------------------------------------------------------------------------
# Evidence for each ticked indicator: what was seen or heard, and by whom.
EVIDENCE_REPORTED = "Reported to the hub by {author} on {date}."
EVIDENCE_OLDER = "Last reported in {month}; nothing like it has been reported since."
EVIDENCE_VISIT = "Seen by the hub worker at a visit to {child} on {date}."
EVIDENCE_RECORDS: tuple[str, ...] = (
    "From children's services records.",
    "Told to the hub by {pos} school.",
    "Told to the hub by {pos} parents or carers.",
    "Known from {pos} health records, shared with the family's agreement.",
)
# Advice when the level is none or low (the low-risk guidance: a trusted relationship, the
# difficult conversations, sharing information and support services).
ADVICE: tuple[str, ...] = (
    "Talked with {child} and {pos} parents about the signs of grooming and how to report "
    "accounts. School will keep a named trusted adult for {obj} and tell the hub anything new.",
    "Shared the low-risk guidance with the designated safeguarding lead: build a trusted "
    "relationship with {child}, keep talking with {obj} about the adults around {obj}, and share "
    "new information with the hub the same day.",
    "Advised school to review {child}'s attendance every day and to have a trusted adult check "
    "in with {obj} weekly. The family know how to contact the hub and the police.",
    "Talked with {pos} carers about what to look out for: new phones, gifts, lifts and being "
    "late home. They will call the police straight away if {subj} is missing.",
    "Met {child} with {pos} youth worker. {Subj} knows who to talk to if anyone makes {obj} feel "
    "unsafe, online or in person. Screen again if anything changes.",
)
SIGNPOSTS: dict[str, tuple[str, ...]] = {
    "cse": (
        "Safe Steps Youth Charity (one-to-one youth work)",
        "School nursing team (emotional wellbeing and sexual health advice)",
        "Early Help (family support)",
    ),
    "cce": (
        "Safe Steps Youth Charity (mentoring and evening activities)",
        "Northvale Youth Justice Service prevention team",
        "Early Help (family support)",
    ),
    "online": (
        "Childline, including the Report Remove service",
        "School online safety lead",
        "School nursing team (emotional wellbeing)",
    ),
    "other": (
        "Early Help (family support)",
        "Safe Steps Youth Charity (youth work)",
        "School nursing team (emotional wellbeing)",
    ),
}
RAISE_RATIONALES: tuple[str, ...] = (
    "Raised to {level}: school and police both report the same adults waiting for {child}, and "
    "the contact is growing faster than the score shows.",
    "Raised to {level}: {child} is very frightened of the adults involved and has no protective "
    "adult at home at the moment. The score does not reflect how isolated {subj} is.",
)
LOWER_RATIONALES: tuple[str, ...] = (
    "Lowered to {level}: the significant signs all come from one week, before the safety plan. "
    "Since then {child} has slept at home every night, is back at school and talks to {pos} "
    "worker every week.",
    "Lowered to {level}: the adults involved have been arrested and are on bail conditions not "
    "to contact children. {child} has had no contact from them for six weeks and says {subj} "
    "feels safer.",
    "Lowered to {level}: the adults have not contacted {child} since {pos} phone number changed "
    "and school changed {pos} route home. The case stays open while this is tested.",
)
DECISION_AGREE: tuple[str, ...] = (
    "Agreed: what has happened since the last screening supports the lower level. Screen again "
    "in six weeks, sooner if anything changes.",
    "Agreed, with the plan kept in place: the protective adults around {child} are acting on "
    "every warning sign.",
)
DECISION_NOT_AGREE = (
    "Not agreed: the adults are still trying to contact {child} and the safety plan has only "
    "just started. The computed level stands."
)

# --- Cases --------------------------------------------------------------------------------
CLOSURE_REASONS: dict[str, tuple[str, ...]] = {
    "risk-reduced": (
        "Screened again at {level}: {child} is back in school full time, is home every night and "
        "has had no contact from the adults for three months. The family know how to reach the "
        "hub.",
        "Screened again at {level}: the adults involved have been charged and are on bail "
        "conditions. {child} is settled and has a trusted adult at school.",
    ),
    "stepped-down": (
        "Stepped down to Early Help: screened again at {level}. Family support continues, with "
        "the youth worker staying the same for {child}.",
        "Stepped down to the school's pastoral team and Safe Steps youth work: screened again at "
        "{level}. Any new concern comes straight back to the hub.",
    ),
    "moved-away": (
        "{child} has moved with {pos} family to another county. The case, the safety plan and "
        "the chronology were sent to the exploitation team there, who have confirmed they have "
        "them.",
    ),
}

# --- Safety plans -----------------------------------------------------------------------------
DANGER_STATEMENTS: dict[str, tuple[str, ...]] = {
    "county-line": (
        "We are worried that adults running a drugs line into Brinmoor, including those known as "
        "'Dex' and 'Nino', are making {child} carry and hide drugs, keeping {obj} at Flat 7, "
        "Calder Court and threatening {obj} over a debt they have made up. {Subj} could be "
        "seriously hurt, or taken to another town again.",
    ),
    "takeaway-hotel": (
        "We are worried that adults who meet children at Late Bites are sexually exploiting "
        "{child}: they give {obj} alcohol, food and gifts, take {obj} to The Fallowby Court Hotel "
        "and book cars to collect {obj} late at night.",
    ),
    "online-group": (
        "We are worried that adults in the 'Night Owls' group chat are contacting {child}, "
        "pressuring {obj} for images and threatening to share them with {pos} friends.",
    ),
    "cse": (
        "We are worried that an adult man is sexually exploiting {child}: he gives {obj} gifts, "
        "lifts and alcohol, and {child} has been sexually abused.",
        "We are worried that adults are taking {child} to parties and flats where {subj} is "
        "given alcohol and drugs and is sexually abused.",
    ),
    "cce": (
        "We are worried that adults are making {child} carry drugs and money and have told "
        "{obj} {subj} owes them a debt. {Subj} has been hurt and is frightened of them.",
        "We are worried that adults are sending {child} to other towns with drugs, and that "
        "{subj} goes missing whenever they call.",
    ),
    "online": (
        "We are worried that adults online are contacting {child}, asking {obj} for images and "
        "blackmailing {obj} for money.",
    ),
    "other": (
        "We are worried that adults outside {pos} family are grooming {child}, and that nobody "
        "yet knows who they all are.",
    ),
}
SAFETY_GOALS: tuple[str, ...] = (
    "{child} is safe from the adults who are exploiting {obj}, sleeps at home every night and is "
    "back in full-time education.",
    "{child} knows who to call when the adults make contact, and every adult around {obj} acts "
    "on a warning sign the same day.",
    "{child} has no contact with the adults of concern, has a trusted adult to talk to every "
    "week and feels safe at school.",
)
# The child's own words, in quotation marks: what they want, never what they "did".
PLAN_CHILD_WORDS: dict[str, tuple[str, ...]] = {
    "cse": (
        "I want to feel safe walking home from school. I don't want him to have my number any "
        "more.",
        "I want to get back to netball and see my real friends.",
        "I want one person I can talk to who won't judge me.",
        "I don't want to keep telling my story to new people. I just want it to stop.",
    ),
    "cce": (
        "I want to finish Year 11 and go to college to do mechanics.",
        "I want them to leave my little brother alone. I want my mum to stop worrying.",
        "I want the calls to stop. I want to go out without looking over my shoulder.",
        "I don't want to move schools. I want to stay near my mates.",
    ),
    "online": (
        "I want the pictures gone. I want to use my phone without panicking every time it buzzes.",
        "I want my dad to know it wasn't my fault.",
        "I want them blocked everywhere and I want to go back to school.",
    ),
    "other": (
        "I want things to go back to normal.",
        "I want someone to listen to me properly.",
    ),
}
PLAN_WISHES: tuple[str, ...] = (
    "{child} wants the same worker to stay with {obj}.",
    "{child} asked that {pos} mum is told before anyone visits.",
    "{child} would like to meet at school rather than at home.",
    "{child} wants to keep {pos} phone, with the numbers of concern blocked.",
    "{child} asked for help to tell {pos} friends why {subj} has changed number.",
)
# At home with family, and in care (foster carers or a children's home).
TRUSTED_ADULTS: dict[str, tuple[str, ...]] = {
    "home": (
        "{Pos} mum; {pos} head of year; {pos} youth worker at Safe Steps",
        "{Pos} nan; {pos} football coach; {pos} form tutor",
        "{Pos} dad; the school nurse; {pos} hub worker",
    ),
    "care": (
        "{Pos} foster carer; the school nurse; {pos} hub worker",
        "{Pos} key worker where {subj} lives; {pos} social worker; {pos} head of year",
    ),
}
SAFE_PLACES: dict[str, tuple[str, ...]] = {
    "home": (
        "Home; {pos} nan's house; the school library at lunchtime",
        "School, with the pastoral office open at break and lunch; home",
        "Home; the leisure centre, where {pos} coach knows the plan",
    ),
    "care": (
        "Where {subj} lives; the youth club on Tuesdays and Thursdays",
        "School, with the pastoral office open at break and lunch; where {subj} lives",
    ),
}
STRATEGIES: tuple[str, ...] = (
    "If the adults call or message, {child} will not reply and will show the message to a "
    "trusted adult, who will tell the police and the hub the same day.",
    "The adults {subj} lives with will report {obj} missing straight away if {subj} is not home "
    "by the agreed time, and give police the details of any car or address they know.",
    "School will meet {child} at the gate and check in at lunch; any absence is followed up by "
    "10am.",
    "{child} has a safe word to text a trusted adult when {subj} wants to be collected, with no "
    "questions asked.",
)
# Actions by the agencies around the child: (action, owner as a role title).
PLAN_ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "education": (
        (
            "Meet {child} at the gate each morning and check in at lunch; tell the hub the same "
            "day if {subj} is missing from lessons.",
            "Designated safeguarding lead",
        ),
        (
            "Agree a named trusted adult for {child} in school and a quiet place to go when "
            "{subj} feels unsafe.",
            "Head of year",
        ),
        (
            "Support a return to a full timetable, with help to catch up on the work {subj} "
            "missed.",
            "Designated safeguarding lead",
        ),
    ),
    "police": (
        (
            "Flag {child}'s home address and the places of concern for patrols; act on any "
            "sighting of the adults or vehicles involved.",
            "Neighbourhood sergeant",
        ),
        (
            "Pursue the adults involved, including child abduction warning notices, and share "
            "what is found with the hub.",
            "Exploitation hub detective constable",
        ),
        (
            "Treat any stop or arrest of {child} as a safeguarding matter and tell the hub "
            "worker the same day.",
            "Exploitation hub detective constable",
        ),
    ),
    "health": (
        (
            "Offer {child} a health check and a confidential space to talk, and a referral for "
            "emotional wellbeing support if {subj} wants it.",
            "School nurse",
        ),
        (
            "Offer sexual health advice and a follow-up appointment with the same nurse.",
            "Sexual health nurse",
        ),
    ),
    "youth": (
        (
            "Weekly one-to-one sessions with the same youth worker, including help to plan for "
            "college.",
            "Youth worker",
        ),
        (
            "Find an evening activity {child} enjoys, such as the boxing club or the youth club, "
            "and go with {obj} the first time.",
            "Youth worker",
        ),
        (
            "Arrange a work experience placement away from the places the adults use.",
            "Youth justice case manager",
        ),
    ),
    "social-care": (
        (
            "Visit {child} every week and review this plan with {obj} and {pos} carers.",
            "Hub social worker",
        ),
    ),
}

# --- Missing episodes -----------------------------------------------------------------------
MISSING_LAST_SEEN: dict[str, tuple[str, ...]] = {
    "county-line": (
        "At home, leaving straight after a phone call",
        "Brinmoor High School at the end of the day",
        "Outside Brinmoor railway station",
    ),
    "takeaway-hotel": (
        "Outside Late Bites, Market Street, Fallowby",
        "Fallowby bus interchange",
    ),
    "": (
        "At home in the evening",
        "Leaving school at home time",
        "In Aldergate town centre with friends",
        "At a friend's house",
    ),
}
MISSING_FOUND_WHERE: dict[str, tuple[str, ...]] = {
    "county-line": (
        "Flat 7, Calder Court, Brinmoor",
        "Brinmoor railway station",
        "A flat in a town in another county, found by the local police",
        "On a train, found by British Transport Police",
    ),
    "takeaway-hotel": (
        "The Fallowby Court Hotel",
        "Late Bites, Market Street, Fallowby",
        "A car park in Fallowby, in a private hire car",
    ),
    "": (
        "A friend's house",
        "Castle Park, Aldergate",
        "Aldergate bus station",
        "Walked back home at 7am and told {pos} carers where {subj} had been",
    ),
}
MISSING_FOUND_WITH: dict[str, tuple[str, ...]] = {
    "county-line": (
        "An adult known as 'Nino' and two other young people",
        "Alone, with two phones and cash",
        "Adults not known to the family",
    ),
    "takeaway-hotel": (
        "Two adult men",
        "A woman known as 'Roxy'",
        "Two other girls from the children's home",
    ),
    "": ("Alone", "Friends of the same age", "An adult not known to the family"),
}
MISSING_HARM: dict[str, tuple[str, ...]] = {
    "county-line": (
        "Said adults made {obj} hold a bag and would not let {obj} leave the flat.",
        "Had a cut to {pos} hand and had not eaten for a day.",
    ),
    "takeaway-hotel": (
        "Said adults gave {obj} vodka at the hotel; taken for a medical and seen by a sexual "
        "health nurse.",
    ),
    "": ("Said an adult gave {obj} alcohol and a lift home.",),
}
INTERVIEW_BY: tuple[str, ...] = (
    "Return home interview worker, Safe Steps Youth Charity",
    "Independent return home interview worker, Safe Steps Youth Charity",
)
INTERVIEW_SUMMARIES: dict[str, tuple[str, ...]] = {
    "county-line": (
        "{child} talked about the adults who call {obj} and said {subj} is frightened of what "
        "they will do. {Subj} wants help to get back into school. Shared with the hub worker the "
        "same day.",
        "{child} said {subj} was taken to another town and told to stay in a flat until the "
        "bags were gone. {Subj} asked for the same worker next time. Passed to the police.",
        '{child} said: "I just want them to leave me alone." {Subj} agreed to weekly sessions '
        "with the youth worker.",
    ),
    "takeaway-hotel": (
        "{child} described adults at the hotel giving {obj} alcohol. {Subj} was supported to "
        "speak to police and a sexual health nurse.",
        "{child} said a woman {subj} met at Late Bites arranged the car. {Subj} asked the adults "
        "caring for {obj} to check on {obj} at night.",
    ),
    "": (
        "{child} said {subj} stayed with friends after an argument at home and felt unable to "
        "go back. Family support offered; no exploitation disclosed this time.",
        "{child} talked about feeling low and wanting space. {Subj} was given the number for "
        "the youth worker and agreed to see the school nurse.",
        "{child} said an adult gave {obj} a lift and alcohol. Shared with police and the hub "
        "worker the same day.",
    ),
}

# --- Disruption of the adults, places and vehicles (networks.py names them) -----------------
DISRUPTION_TEXTS: dict[str, tuple[str, str]] = {
    # key: (description, outcome when completed)
    "dex": (
        "Child abduction warning notice naming the two children seen with him at Flat 7, "
        "Calder Court.",
        "Served in person by the exploitation team. He has been told he must not contact or be "
        "with the children named; a breach will lead to his arrest.",
    ),
    "tee": (
        "Child abduction warning notice after he was seen collecting a child from school in the "
        "silver Ford Focus.",
        "Served after a vehicle stop. He has not been seen near the school since.",
    ),
    "nino": (
        "Child abduction warning notice for the children found at Flat 7, Calder Court, to be "
        "served while he is on bail.",
        "",
    ),
    "kels": (
        "Child abduction warning notice for the children whose train tickets she bought.",
        "",
    ),
    "flat": (
        "Closure order for Flat 7, Calder Court, applied for with housing and the tenant's "
        "support worker.",
        "Full closure order granted by the magistrates for three months. The tenant, whose home "
        "had been taken over, has moved to safe accommodation.",
    ),
    "takeaway": (
        "Licensing review of Late Bites after children were seen with adults there after closing.",
        "Licence conditions added: CCTV kept for 31 days, no under-18s after 9pm without a "
        "parent, and staff trained to spot exploitation.",
    ),
    "hotel": (
        "Licensing referral and a Hotel Watch visit: rooms booked in cash by the same man, with "
        "children arriving late at night.",
        "",
    ),
    "car": (
        "Marker and stop of the silver Ford Focus used to collect children from Brinmoor railway "
        "station.",
        "Stopped on the ring road: the driver was arrested, and drugs and two phones were "
        "seized. A child in the car was taken to a place of safety.",
    ),
    "taxi": (
        "Marker on the private hire car seen collecting girls from Willow Lodge; licensing asked "
        "to review the driver's licence.",
        "",
    ),
    "vinnie": (
        "Application for a sexual risk order, supported by the hotel's CCTV and the children's "
        "accounts.",
        "",
    ),
    "roxy": (
        "Child exploitation warning letter about the girls she walked from Willow Lodge to Late "
        "Bites.",
        "Delivered by police with her housing officer. She has not been seen near Willow Lodge "
        "since.",
    ),
}
