"""The words in the demo partnership's records, written as PRACTICE.md section 7 asks.

Each text says what adults did to the child and what was seen, never what the child "chose".
A child's own words are always in quotation marks. The words themselves are data, one file per
part of the hub's work (``data/concerns.yaml``, ``triage.yaml``, ``intelligence.yaml``,
``screening.yaml``, ``cases.yaml``, ``missing.yaml``); this module reads them once and fills
their templates. Templates use ``str.format`` slots: ``{child}`` the name the writer uses,
``{subj}``/``{Subj}``, ``{obj}`` and ``{pos}``/``{Pos}`` pronouns, ``{was}``/``{is}``/``{has}``
agreeing with the pronoun, and the slots a scenario declares (``{place}``, ``{vehicle}``,
``{phone}``, ``{handle}``, ``{platform}``, ``{adult}``). ``tests/demo`` runs the language checker
over every generated text, and ``tests/language`` over every string in the data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cehub.cases.models import ClosureOutcome
from cehub.intake.models import ExploitationForm

from .datafiles import Entry, datafile, record

# Safety plans, signposts and the children's own words are chosen by these groups of forms.
FORM_GROUPS = ("cse", "cce", "online", "other")


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
    place_kinds: frozenset[str] = frozenset()  # where it happens ("school": the child's own)
    clear_harm: bool = False  # exploitation (or harm) already: always screened, always shared
    female_only: bool = False  # only written about a child whose recorded sex is female


@dataclass(frozen=True)
class ShareRationales:
    """Why triage shares a concern: the first four when harm is clear, ``unclear`` when not."""

    exploited: str
    agreed: str  # the child and family agreed
    what_each_needs: str
    serious_harm: str
    unclear: str


_NEEDS = ("place", "vehicle", "phone", "account", "adult")


@record
def _scenario(row: Entry) -> Scenario:
    needs = frozenset(
        entry.one_of(_NEEDS, f"one of {', '.join(_NEEDS)}") for entry in row["needs"].each()
    )
    if ("place" in needs) != row.has("place_kinds"):
        row.fail("a scenario that needs a place says which kinds (place_kinds), and only then")
    return Scenario(
        key=row["key"].text(),
        forms=row["forms"].members(ExploitationForm),
        needs=needs,
        openings=row["openings"].texts(),
        details=row["details"].texts(),
        place_kinds=frozenset(row.get("place_kinds", []).texts()),
        clear_harm=row.get("clear_harm", False).flag(),
        female_only=row.get("female_only", False).flag(),
    )


def _by_form_group(entry: Entry) -> dict[str, tuple[str, ...]]:
    return entry.keys(*FORM_GROUPS).map(Entry.texts)


def _by_network(entry: Entry) -> dict[str, tuple[str, ...]]:
    """Texts by network key; "default" (every child outside a network) is read as ""."""
    texts = entry.keys("default", optional=["county-line", "takeaway-hotel"]).map(Entry.texts)
    return {("" if key == "default" else key): value for key, value in texts.items()}


# --- Concerns (concerns.yaml) ------------------------------------------------------------------
_concerns = datafile("concerns")
SCENARIOS = tuple(_scenario(row) for row in _concerns["scenarios"].each())
CLOSINGS = _concerns["closings"].texts()
TIMES = _concerns["times"].texts()
DAYS = _concerns["days"].texts()
# Sentences added when a concern also names an adult, a phone or a vehicle.
EXTRA_DETAILS = _concerns["extra_details"].keys("adult", "phone", "vehicle").map(Entry.text)
CHILD_WORDS = _concerns["child_words"].keyed_by(ExploitationForm, Entry.texts)
WISHES = _concerns["wishes"].texts()
# Why consent was not given or sought, for a family who do not know and for one who do.
NO_CONSENT_REASONS = _concerns["no_consent_reasons"].texts()
NO_CONSENT_REASONS_FAMILY_AWARE = _concerns["no_consent_reasons_family_aware"].texts()
IMMEDIATE_ACTIONS = _concerns["immediate_actions"].texts()
_concerns.no_other_keys()

# --- Triage (triage.yaml) ----------------------------------------------------------------------
_triage = datafile("triage")
SHARE_RECIPIENTS = _triage["share_recipients"].keyed_by(ExploitationForm, Entry.texts)
SHARE_INFORMATION = _triage["share_information"].texts()
SHARE_PURPOSES = _triage["share_purposes"].texts()
SHARE_RATIONALES = ShareRationales(
    **_triage["share_rationales"]
    .keys("exploited", "agreed", "what_each_needs", "serious_harm", "unclear")
    .map(Entry.text)
)
NOT_SHARE_RATIONALES = _triage["not_share_rationales"].texts()
_no_further_action = _triage["no_further_action"]
# When harm is unclear, checks found nothing more; when it is clear, the case is already open.
NO_FURTHER_ACTION_REASONS = _no_further_action["nothing_found"].texts()
NO_FURTHER_ACTION_CASE_OPEN = _no_further_action["case_already_open"].text()
_no_further_action.no_other_keys()
SIGNPOST_REASONS = _triage["signpost_reasons"].texts()
_triage.no_other_keys()

# --- Partner information (intelligence.yaml) -------------------------------------------------
_intel = datafile("intelligence")
INTEL_PLACE = (
    _intel["place"]
    .keys("other", optional=["shop", "takeaway", "park", "flat", "hotel", "station"])
    .map(Entry.texts)
)
INTEL_VEHICLE_SCHOOL = _intel["vehicle_at_school"].text()
INTEL_VEHICLE = _intel["vehicle"].texts()
INTEL_PHONE = _intel["phone"].texts()
INTEL_ACCOUNT = _intel["account"].texts()
INTEL_ADULT = _intel["adult"].texts()
INTEL_ADULT_PHONE = _intel["adult_phone"].text()
INTEL_ADULT_SEEN_THERE = _intel["adult_seen_there"].text()
SOURCES = _intel["sources"].texts()
HANDLING_CONDITIONS = _intel["handling_conditions"].texts()
EVALUATION_REASONS = _intel["evaluation_reasons"].keys("A", "B", "C").map(Entry.text)
ASSESSMENT_REASONS = _intel["assessment_reasons"].keys("1", "2", "3", "4", "5").map(Entry.text)
_intel_sharing = _intel["sharing"]
INTEL_SHARE_PURPOSE = _intel_sharing["purpose"].text()
INTEL_SHARE_RECIPIENTS = _intel_sharing["recipients"].text()
INTEL_SHARE_INFORMATION = _intel_sharing["information"].text()
_intel_sharing.no_other_keys()
INTEL_SHARE_RATIONALES = _intel["share_rationales"].texts()
INTEL_NOT_SHARE_RATIONALES = _intel["not_share_rationales"].texts()
_intel.no_other_keys()

# --- Screening (screening.yaml) ----------------------------------------------------------------
_screening = datafile("screening")
# Evidence for each ticked indicator: what was seen or heard, and by whom.
EVIDENCE_REPORTED = _screening["evidence_reported"].text()
EVIDENCE_OLDER = _screening["evidence_older"].text()
EVIDENCE_VISIT = _screening["evidence_visit"].text()
EVIDENCE_RECORDS = _screening["evidence_records"].texts()
# Screening tool indicators a child may have besides being in care or having SEND.
EXTRA_VULNERABILITIES = _screening["extra_vulnerabilities"].texts()
ADVICE = _screening["advice"].texts()
SIGNPOSTS = _by_form_group(_screening["signposts"])
RAISE_RATIONALES = _screening["raise_rationales"].texts()
LOWER_RATIONALES = _screening["lower_rationales"].texts()
DECISION_AGREE = _screening["decision_agree"].texts()
DECISION_NOT_AGREE = _screening["decision_not_agree"].text()
_screening.no_other_keys()

# --- Cases and safety plans (cases.yaml) -------------------------------------------------------
_cases = datafile("cases")
CLOSURE_REASONS = _cases["closure_reasons"].keyed_by(ClosureOutcome, Entry.texts)
# By network for a child in one, else by form group.
DANGER_STATEMENTS = (
    _cases["danger_statements"]
    .keys(*FORM_GROUPS, optional=["county-line", "takeaway-hotel", "online-group"])
    .map(Entry.texts)
)
SAFETY_GOALS = _cases["safety_goals"].texts()
# The child's own words, in quotation marks: what they want, never what they "did".
PLAN_CHILD_WORDS = _by_form_group(_cases["plan_child_words"])
PLAN_WISHES = _cases["plan_wishes"].texts()
# At home with family, and in care (foster carers or a children's home).
TRUSTED_ADULTS = _cases["trusted_adults"].keys("home", "care").map(Entry.texts)
SAFE_PLACES = _cases["safe_places"].keys("home", "care").map(Entry.texts)
STRATEGIES = _cases["strategies"].texts()


# The agency each action's owner works for (a school's owners work for the child's school).
ACTION_AGENCY = _cases["action_agencies"].map(Entry.text)


@record
def _action(row: Entry, kind: str) -> tuple[str, str]:
    """(action, owner as a role title) for one kind of agency."""
    if kind == "education":
        owner = row["owner"].text()
    else:
        owner = row["owner"].one_of(ACTION_AGENCY, "an owner in action_agencies")
    return row["action"].text(), owner


# Actions by the agencies around the child, by kind of agency.
PLAN_ACTIONS = {
    kind: tuple(_action(row, kind) for row in entry.each())
    for kind, entry in _cases["plan_actions"]
    .keys("education", "police", "health", "youth", "social-care")
    .entries()
}
_cases.no_other_keys()

# --- Missing episodes (missing.yaml) -----------------------------------------------------------
_missing = datafile("missing")
MISSING_LAST_SEEN = _by_network(_missing["last_seen"])
MISSING_FOUND_WHERE = _by_network(_missing["found_where"])
MISSING_FOUND_WITH = _by_network(_missing["found_with"])
MISSING_HARM = _by_network(_missing["harm"])
INTERVIEW_BY = _missing["interview_by"].texts()
INTERVIEW_SUMMARIES = _by_network(_missing["interview_summaries"])
_missing.no_other_keys()
