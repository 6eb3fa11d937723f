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
