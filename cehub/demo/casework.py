"""The hub's work after triage, in the demo partnership: screenings, cases, safety plans,
missing episodes, National Referral Mechanism referrals and disruption.

``plan_casework`` turns the partnership's plan into each child's story after triage. It is pure
Python and deterministic: its own seeded streams (one for who and what, one for times), the
screening tool's own scoring, and every time measured back from the moment of loading.
``CaseworkLoader`` then writes the stories through CE Hub's services, each step inside
``DemoClock.step`` so that it is dated when the story says.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone

from cehub.accounts.models import Agency, User
from cehub.cases.models import (
    Case,
    CaseNote,
    CaseNoteKind,
    CaseStatus,
    ClosureOutcome,
    DisruptionKind,
    DisruptionStatus,
    InterviewAcceptance,
    MissingEpisode,
    NRMDecision,
    NRMReferral,
    PoliceRiskGrade,
)
from cehub.cases.note_services import CaseNoteInput, case_note_add, case_note_correct
from cehub.cases.screening.services import screening_decide, screening_submit
from cehub.cases.services import (
    MissingEpisodeInput,
    PlanAction,
    SafetyPlanInput,
    case_allocate,
    case_close,
    disruption_record,
    missing_episode_found,
    missing_episode_record,
    nrm_record,
    return_interview_record,
    safety_plan_save,
)
from cehub.contexts.models import Location, Node, Object, ObjectKind
from cehub.core.identifiers import normalise_vehicle_registration
from cehub.intake.models import Concern, ExploitationForm, NextStep
from cehub.people.models import CareStatus, Gender, Person
from cehub.screening.engine import ChildFacts, Tool
from cehub.screening.models import Screening
from cehub.screening.services import AnswerInput, screening_compute, tool_get

from . import catalogue as cat
from . import narratives as text
from .backdate import DemoClock
from .personas import AGENCIES, PERSONAS
from .plan import (
    HUB_MANAGER,
    HUB_PRACTITIONER,
    INTELLIGENCE_OFFICER,
    LONDON,
    SEED,
    AdultSpec,
    ChildSpec,
    ConcernPlan,
    PlaceSpec,
    Plan,
    VehicleSpec,
)

LEVELS = ("none", "low", "medium", "high")
CASE_RANK = LEVELS.index("medium")  # medium or high opens a case (screening.services)
MAX_SCREENINGS = 4  # a first screening and up to three more
REVIEW_EVERY = (75, 95)  # days: re-screen at least every 3 months while a case is open
REVIEW = timedelta(days=91)
MARGIN = timedelta(hours=2)  # nothing is dated closer to the moment of loading than this

POLICE_HUB, HEALTH_HUB = (colleague.email for colleague in cat.HUB_COLLEAGUES)
# The hub team a triager belongs to, and who in that team screens and records.
TEAM_OF = {
    HUB_PRACTITIONER: "social-care",
    HUB_MANAGER: "social-care",
    POLICE_HUB: "police",
    HEALTH_HUB: "health",
}
PRACTITIONER_OF = {"social-care": HUB_PRACTITIONER, "police": POLICE_HUB, "health": HEALTH_HUB}
RECORDERS_OF = {
    "social-care": ((HUB_PRACTITIONER, 0.8), (HUB_MANAGER, 0.2)),
    "police": ((POLICE_HUB, 0.6), (INTELLIGENCE_OFFICER, 0.4)),
    "health": ((HEALTH_HUB, 1.0),),
}
SCHOOL_AGENCIES = frozenset(
    {agency.name for agency in cat.POOL if agency.kind == "education"}
    | {agency.name for agency in AGENCIES if agency.kind == "education"}
)
# Which agency each plan action belongs to, by owner.
ACTION_AGENCY = {
    "Neighbourhood sergeant": "Northvale Police",
    "Exploitation hub detective constable": "Northvale Police",
    "School nurse": "Northvale Community Health",
    "Sexual health nurse": "Northvale Hospitals NHS Trust",
    "Youth worker": "Safe Steps Youth Charity",
    "Youth justice case manager": "Northvale Youth Justice Service",
    "Hub social worker": "Northvale Children's Services",
}

# Signs that fit each network's story; other children's signs come from the tool by form.
NETWORK_SIGNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "county-line": (
        (
            "missing-overnight",
            "found-in-unconnected-town",
            "controlled-by-adult",
            "told-they-owe-debt",
            "found-with-drugs-or-cash",
            "made-to-hold-items",
            "held-against-will",
            "injured-by-assault-or-weapon",
            "threats-to-child-or-family",
        ),
        (
            "several-phones-or-sims",
            "travelling-on-tickets-bought-by-others",
            "seen-at-places-of-concern",
            "unexplained-absence",
            "whereabouts-unknown",
            "tired-or-unwell",
            "fearful-or-withdrawn",
            "unexplained-money-or-items",
        ),
    ),
    "takeaway-hotel": (
        (
            "taken-to-hotels-or-parties",
            "substances-from-adults",
            "things-given-for-sexual-activity",
            "in-cars-with-unknown-adults",
            "with-adults-of-concern",
            "missing-overnight",
            "sexually-abused-by-adult",
        ),
        (
            "gifts-from-adults",
            "taxis-paid-by-others",
            "seen-at-places-of-concern",
            "found-intoxicated",
            "unexplained-money-or-items",
            "keys-to-unknown-places",
            "whereabouts-unknown",
            "sudden-change-in-presentation",
        ),
    ),
    "online-group": (
        ("asked-for-sexual-images", "blackmailed", "sexual-images-shared"),
        (
            "adults-contacting-online",
            "hidden-accounts",
            "withdrawn-into-online",
            "fearful-or-withdrawn",
            "unexplained-absence",
            "low-self-worth",
        ),
    ),
}
NETWORK_FORM = {"county-line": "cce", "takeaway-hotel": "cse", "online-group": "online"}
EXTRA_VULNERABILITIES = (
    "abused-or-neglected",
    "domestic-abuse-at-home",
    "carer-substance-misuse",
    "carer-mental-ill-health",
    "isolated",
    "no-protective-adult",
    "own-mental-health-needs",
    "loss-or-bereavement",
    "previously-exploited",
)


# --- The stories -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ScreenStep:
    at: datetime
    assessor: str
    answers: tuple[AnswerInput, ...]
    disclosure: bool
    computed: str  # what the tool gives; checked again when loading
    final: str
    rationale: str = ""
    advice: str = ""
    signposted: str = ""
    concern: ConcernPlan | None = None

    @property
    def lowered(self) -> bool:
        return LEVELS.index(self.final) < LEVELS.index(self.computed)


@dataclass(frozen=True)
class DecideStep:
    at: datetime
    agree: bool
    note: str


@dataclass(frozen=True)
class AllocateStep:
    at: datetime
    worker: str


@dataclass(frozen=True)
class ActionSpec:
    agency: str
    action: str
    owner: str
    due_in_days: int  # from the day the plan is written


@dataclass(frozen=True)
class SafetyPlanStep:
    at: datetime
    author: str
    danger_statement: str
    safety_goal: str
    child_words: str
    trusted_adults: str
    safe_places: str
    strategies: str
    review_in_days: int
    actions: tuple[ActionSpec, ...]


@dataclass(frozen=True)
class CloseStep:
    at: datetime
    actor: str
    outcome: ClosureOutcome
    reason: str
    step_down: bool


@dataclass(frozen=True)
class NRMStep:
    at: datetime
    actor: str
    referred_on: date
    first_responder: str
    reasonable_grounds_on: date | None = None
    conclusive_grounds_on: date | None = None
    guardian_allocated_on: date | None = None


@dataclass(frozen=True)
class CaseNoteStep:
    """A contact the allocated worker records; ``corrects`` puts an earlier note right."""

    at: datetime  # when it was written up
    author: str
    kind: CaseNoteKind
    contact_at: datetime
    present: str
    child_seen: bool | None
    text: str
    corrects: CaseNoteStep | None = None
    correction_reason: str = ""


Step = ScreenStep | DecideStep | AllocateStep | SafetyPlanStep | CloseStep | NRMStep | CaseNoteStep


@dataclass
class ChildStory:
    child: ChildSpec
    steps: list[Step] = field(default_factory=list)


@dataclass(frozen=True)
class InterviewPlan:
    at: datetime
    offered_at: datetime
    acceptance: InterviewAcceptance
    completed_at: datetime | None
    interview_by: str
    summary: str


@dataclass(frozen=True)
class EpisodePlan:
    child: ChildSpec
    recorder: str
    recorded_at: datetime
    data: MissingEpisodeInput  # as first reported: not yet found
    found_step_at: datetime | None = None
    found_at: datetime | None = None
    found_where: str = ""
    found_with: str = ""
    harm_disclosed: str = ""
    interview: InterviewPlan | None = None


@dataclass(frozen=True)
class DisruptionPlan:
    at: datetime
    network: str
    member: str
    kind: DisruptionKind
    status: DisruptionStatus
    started_on: date
    ended_on: date | None
    description: str
    outcome: str
    owner_agency: str


@dataclass
class Casework:
    stories: list[ChildStory]
    episodes: list[EpisodePlan]
    disruptions: list[DisruptionPlan]


# Disruption of the networks: (network, member, kind, status, started days ago, took days,
# owner). Negative "days ago" is still to come.
_K, _S = DisruptionKind, DisruptionStatus
DISRUPTIONS: tuple[tuple[str, str, DisruptionKind, DisruptionStatus, int, int, str], ...] = (
    ("county-line", "dex", _K.CAWN, _S.COMPLETED, 150, 2, "police"),
    ("county-line", "tee", _K.CAWN, _S.COMPLETED, 95, 1, "police"),
    ("county-line", "nino", _K.CAWN, _S.IN_PROGRESS, 25, 0, "police"),
    ("county-line", "kels", _K.CAWN, _S.PLANNED, -6, 0, "police"),
    ("county-line", "flat", _K.CIVIL_ORDER, _S.COMPLETED, 120, 21, "police"),
    ("county-line", "car", _K.VEHICLE_STOP, _S.COMPLETED, 60, 0, "police"),
    ("takeaway-hotel", "takeaway", _K.LICENSING, _S.COMPLETED, 200, 56, "council"),
    ("takeaway-hotel", "hotel", _K.LICENSING, _S.IN_PROGRESS, 75, 0, "council"),
    ("takeaway-hotel", "taxi", _K.VEHICLE_STOP, _S.IN_PROGRESS, 40, 0, "police"),
    ("takeaway-hotel", "vinnie", _K.CIVIL_ORDER, _S.IN_PROGRESS, 50, 0, "police"),
    ("takeaway-hotel", "roxy", _K.WARNING_LETTER, _S.COMPLETED, 110, 1, "police"),
)
OWNER_AGENCY = {"police": "Northvale Police", "council": "Northvale Council"}


def _weighted[T](rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    return rng.choices([item for item, _ in pairs], weights=[w for _, w in pairs])[0]


def _form_group(form: ExploitationForm, network: str) -> str:
    if network:
        return {"county-line": "cce", "takeaway-hotel": "cse", "online-group": "online"}[network]
    return {
        ExploitationForm.CSE: "cse",
        ExploitationForm.CCE: "cce",
        ExploitationForm.TRAFFICKING: "cce",
        ExploitationForm.ONLINE: "online",
    }.get(form, "other")


def _tool_forms(forms: set[str]) -> set[str]:
    """The tool's form ids for the forms suspected ("not sure" could be either main form)."""
    out = {f for f in forms if f != ExploitationForm.NOT_SURE}
    if ExploitationForm.NOT_SURE in forms or not out:
        out |= {"cse", "cce"}
    return out


def _day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


# --- Planning --------------------------------------------------------------------------------
class CaseworkPlanner:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.now = plan.now
        self.latest = plan.now - MARGIN
        self.rng = random.Random(SEED + 2)
        # Times come from their own stream, as in plan.py: when a story happens must not
        # change who is in it.
        self.clock = random.Random(SEED + 3)
        self.tool: Tool = tool_get()
        self.today = plan.now.astimezone(LONDON).date()
        self.authors = {p.email: (p.job_title, p.agency) for p in plan.professionals} | {
            p.email: (p.job_title, p.agency) for p in PERSONAS
        }
        self.by_child: dict[int, list[ConcernPlan]] = {}
        for concern in sorted(plan.concerns, key=lambda c: c.at):
            self.by_child.setdefault(concern.child.key, []).append(concern)
        # When each hub team first had a relationship with each child (triage links it).
        self.first_link: dict[int, dict[str, datetime]] = {}
        for key, concerns in self.by_child.items():
            for concern in concerns:
                triage = concern.triage
                if triage is None or triage.link_after is None:
                    continue
                team = TEAM_OF[triage.triager]
                linked = concern.at + triage.link_after
                teams = self.first_link.setdefault(key, {})
                teams[team] = min(teams.get(team, linked), linked)
        self.vulnerabilities: dict[int, list[str]] = {}
        self.interviews = 0
        for signs in NETWORK_SIGNS.values():
            for sign in (*signs[0], *signs[1]):
                if sign not in self.tool.indicators:  # pragma: no cover - a tool edit
                    raise RuntimeError(f"The screening tool has no indicator {sign!r}")

    # --- time --------------------------------------------------------------------------------
    def later(self, start: datetime, least_hours: float, most_hours: float) -> datetime:
        """A moment in the hub's working hours (8am-6pm, Monday to Friday) after ``start``."""
        at = start + timedelta(hours=self.clock.uniform(least_hours, most_hours))
        local = at.astimezone(LONDON)
        day = local.date()
        if local.hour >= 18:
            day += timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        if day != local.date() or not 8 <= local.hour < 18:
            clock = time(self.clock.randint(8, 16), self.clock.randrange(60))
            at = datetime.combine(day, clock, tzinfo=LONDON).astimezone(UTC)
        return max(at, start + timedelta(minutes=5))

    def age(self, child: ChildSpec) -> int:
        dob, today = child.date_of_birth, self.today
        return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))

    # --- the whole of it -----------------------------------------------------------------------
    def build(self) -> Casework:
        screened = self.screened_children()
        waiting = self.waiting_for_allocation(screened)
        nrm = self.nrm_children(screened)
        stories = [
            self.story(child, t0, target, waiting=child.key in waiting, nrm=child.key in nrm)
            for child, t0, target in screened
        ]
        self.await_approval(stories, waiting)
        NotePlanner(self).add_to(stories)
        return Casework(
            stories=stories,
            episodes=self.episodes(),
            disruptions=self.disruptions(),
        )

    def screened_children(self) -> list[tuple[ChildSpec, datetime, int]]:
        """Children with a concern triaged to screening, when first screened, and the level
        their story starts at. Most are screened; the last few are still waiting."""
        rng, out = self.rng, []
        for child in self.plan.children:
            first = self.screen_concerns(child)[:1]
            skip = rng.random() < 0.06
            target = self.first_target(child)
            if not first:
                continue
            t0 = self.later(self.finished(first[0]), 4, 6 * 24)
            if t0 > self.latest - timedelta(hours=12) or skip:
                continue
            out.append((child, t0, target))
        return out

    def screen_concerns(self, child: ChildSpec) -> list[ConcernPlan]:
        return [
            c
            for c in self.by_child.get(child.key, [])
            if c.triage is not None and c.triage.next_step == NextStep.SCREEN
        ]

    @staticmethod
    def finished(concern: ConcernPlan) -> datetime:
        triage = concern.triage
        if triage is None or triage.next_after is None:  # pragma: no cover - screened ones are
            raise RuntimeError("This concern was not triaged to screening")
        return concern.at + triage.next_after

    def first_target(self, child: ChildSpec) -> int:
        rng = self.rng
        if child.network == "county-line":
            return _weighted(rng, ((3, 0.8), (2, 0.2)))
        if child.network == "takeaway-hotel":
            return _weighted(rng, ((3, 0.5), (2, 0.5)))
        if child.network == "online-group":
            return _weighted(rng, ((2, 0.6), (1, 0.4)))
        if child.form in {ExploitationForm.CSE, ExploitationForm.CCE, ExploitationForm.TRAFFICKING}:
            weights = (0.27, 0.38, 0.25, 0.1)
        elif child.form == ExploitationForm.ONLINE:
            weights = (0.35, 0.4, 0.2, 0.05)
        else:
            weights = (0.55, 0.37, 0.08, 0.0)
        return _weighted(rng, list(enumerate(weights)))

    def waiting_for_allocation(self, screened: list[tuple[ChildSpec, datetime, int]]) -> set[int]:
        """The newest cases wait for a hub manager to allocate them: the queue has items."""
        count = max(1, round(4 * self.plan.scale.factor))
        candidates = [(t0, child) for child, t0, target in screened if target >= CASE_RANK]
        # Children outside the networks, whose stories are told elsewhere, if there are any.
        outside = [(t0, child.key) for t0, child in candidates if not child.network]
        others = [(t0, child.key) for t0, child in candidates if child.network != "county-line"]
        return {key for _, key in sorted(outside or others, reverse=True)[:count]}

    def nrm_children(self, screened: list[tuple[ChildSpec, datetime, int]]) -> set[int]:
        """A few children in the county line are referred to the National Referral Mechanism."""
        line = [child.key for child, _, _ in screened if child.network == "county-line"]
        return set(line[: max(1, round(len(line) / 2))])

    # --- one child's story ---------------------------------------------------------------
    def story(
        self, child: ChildSpec, t0: datetime, target: int, *, waiting: bool, nrm: bool
    ) -> ChildStory:
        rng = self.rng
        story = ChildStory(child)
        steps = story.steps
        concerns = self.screen_concerns(child)
        first_concern, pending = concerns[0], concerns[1:]
        triage = first_concern.triage
        assessor = PRACTITIONER_OF[TEAM_OF[triage.triager if triage else HUB_PRACTITIONER]]
        flagged = child.network == "county-line" and self.is_flagged(child)
        mode = self.mode(child, flagged)
        if waiting and t0 < self.latest - timedelta(days=12):
            t0 = max(t0, self.later(self.latest - timedelta(days=9), 0, 6 * 24))
            t0 = min(t0, self.latest - timedelta(hours=1))
        case = ""  # "", "awaiting", "open", "stepped-down", "closed"
        worker = ""
        plans, last_plan, plan_review = 0, t0, t0
        t, count = t0, 0
        concern: ConcernPlan | None = first_concern
        last = t0
        while True:
            screen = self.screening(child, t, target, assessor, concern, story)
            steps.append(screen)
            last = t
            count += 1
            standing = LEVELS.index(screen.computed if screen.lowered else screen.final)
            effective = standing
            if screen.lowered:
                decided = self.later(t, 20, 96)
                if decided < self.latest:
                    agree = rng.random() < 0.8
                    note = text.DECISION_AGREE if agree else (text.DECISION_NOT_AGREE,)
                    steps.append(DecideStep(decided, agree, self.fill(rng.choice(note), child)))
                    last = decided
                    if agree:
                        effective = LEVELS.index(screen.final)
            if standing >= CASE_RANK:
                if case in {"", "closed"}:
                    case, worker, plans = "awaiting", "", 0
                elif case == "stepped-down":
                    case = "open" if worker else "awaiting"
                if case == "awaiting" and not waiting:
                    allocated = self.later(last, 6, 96)
                    if allocated < self.latest:
                        worker = self.worker_for(assessor)
                        steps.append(AllocateStep(allocated, worker))
                        case, last = "open", allocated
                        assessor = worker
                if case == "open" and plans < 2:
                    first_plan = plans == 0 and rng.random() < 0.88
                    second_plan = (
                        plans == 1 and count > 1 and t - last_plan > timedelta(days=30)
                    ) and rng.random() < 0.3
                    written = self.later(last, 24, 10 * 24)
                    if (first_plan or second_plan) and written < self.latest:
                        plans += 1
                        written_plan = self.safety_plan(child, written, worker, plans)
                        steps.append(written_plan)
                        last = last_plan = written
                        plan_review = written + timedelta(days=written_plan.review_in_days)
            if case in {"awaiting", "open"} and effective < CASE_RANK:
                closed = self.later(last, 48, 14 * 24)
                if closed < self.latest:
                    step = self.closure(child, closed, worker or assessor, LEVELS[effective])
                    steps.append(step)
                    case = "stepped-down" if step.step_down else "closed"
                    last = closed
            # When is the next screening: a new concern, or the review while a case is open.
            while pending and self.finished(pending[0]) < last:
                pending.pop(0)  # known before this screening: it was taken into account
            options: list[tuple[datetime, ConcernPlan | None]] = []
            if pending:
                options.append((self.later(self.finished(pending[0]), 4, 5 * 24), pending[0]))
            if case in {"awaiting", "open"} and not waiting:
                review = t + timedelta(days=self.clock.uniform(*REVIEW_EVERY))
                options.append((self.later(review, 0, 8), None))
            if not options or count >= MAX_SCREENINGS:
                break
            if waiting:  # the newest cases: nothing has happened since
                break
            t, concern = min(options, key=lambda option: option[0])
            if t > self.latest - timedelta(days=1):
                break
            if concern is not None:
                pending.remove(concern)
            t = max(t, last + timedelta(days=1))
            live = case in {"awaiting", "open"}
            target = self.next_target(mode, effective, live)
            if live and count == MAX_SCREENINGS - 1 and t + REVIEW < self.now:
                target = min(target, CASE_RANK - 1)  # the last review: the work has helped
        if case == "open" and plans and plan_review < self.now:
            # The plan is reviewed when it says: a new version in the last few weeks.
            written = self.later(max(last, self.now - timedelta(days=rng.uniform(5, 45))), 0, 24)
            if written < self.latest:
                plans += 1
                steps.append(self.safety_plan(child, written, worker, plans))
        if nrm:
            steps += self.nrm(child, story)
        steps.sort(key=lambda step: step.at)
        return story

    def is_flagged(self, child: ChildSpec) -> bool:
        """The first children in the county line go missing often in the last month."""
        line = [c.key for c in self.plan.children if c.network == "county-line"]
        return child.key in line[: max(1, round(len(line) * 0.4))]

    def mode(self, child: ChildSpec, flagged: bool) -> str:
        if flagged:
            return "steady"
        if child.network == "county-line":
            return _weighted(self.rng, (("improving", 0.5), ("steady", 0.5)))
        return _weighted(self.rng, (("improving", 0.55), ("steady", 0.3), ("escalating", 0.15)))

    def next_target(self, mode: str, level: int, case_live: bool) -> int:
        if not case_live:  # a new concern about a child screened below medium
            return max(0, min(3, level + _weighted(self.rng, ((1, 0.35), (0, 0.45), (-1, 0.2)))))
        if mode == "improving":
            return max(0, level - 1)
        if mode == "escalating":
            return min(3, level + 1)
        return level

    def worker_for(self, assessor: str) -> str:
        """Mostly the demo practitioner; children known to other hub teams often stay there."""
        if assessor == HUB_PRACTITIONER:
            return _weighted(
                self.rng, ((HUB_PRACTITIONER, 0.85), (POLICE_HUB, 0.1), (HEALTH_HUB, 0.05))
            )
        return _weighted(self.rng, ((assessor, 0.55), (HUB_PRACTITIONER, 0.45)))

    def fill(self, template: str, child: ChildSpec, **slots: str) -> str:
        return text.fill(template, self.voice(child), **slots)

    @staticmethod
    def voice(child: ChildSpec) -> text.Voice:
        """Workers use the name the child uses."""
        trans = child.gender in {Gender.MAN_OR_BOY, Gender.WOMAN_OR_GIRL}
        name = child.known_as if trans and child.known_as else child.given
        return text.Voice.for_pronouns(name, child.pronouns)

    # --- screening -------------------------------------------------------------------------
    def screening(
        self,
        child: ChildSpec,
        at: datetime,
        target: int,
        assessor: str,
        concern: ConcernPlan | None,
        story: ChildStory,
    ) -> ScreenStep:
        rng = self.rng
        judgement = "same"
        roll = rng.random()
        if roll < 0.05 and target >= 1:
            judgement = "raise"
        elif roll < 0.1 and 1 <= target <= 2:
            judgement = "lower"
        build = (
            target - 1 if judgement == "raise" else target + 1 if judgement == "lower" else target
        )
        earlier = [s for s in story.steps if isinstance(s, ScreenStep)]
        answers, disclosure = self.answers(child, at, build, earlier)
        facts = ChildFacts(
            age=self.age(child),
            learning_disability=child.learning_disability,
            disclosure=disclosure,
        )
        computed = screening_compute(tool=self.tool, answers=answers, facts=facts).computed_level
        final, rationale = computed, ""
        rank = LEVELS.index(computed)
        if judgement == "raise" and rank < target:
            final = LEVELS[target]
            rationale = self.fill(rng.choice(text.RAISE_RATIONALES), child, level=final)
        elif judgement == "lower" and rank > target:
            final = LEVELS[target]
            rationale = self.fill(rng.choice(text.LOWER_RATIONALES), child, level=final)
        standing = computed if LEVELS.index(final) < rank else final
        advice = signposted = ""
        if LEVELS.index(standing) < CASE_RANK:
            advice = self.fill(rng.choice(text.ADVICE), child)
            signposts = text.SIGNPOSTS[_form_group(child.form, child.network)]
            signposted = rng.choice(signposts) if rng.random() < 0.85 else ""
        return ScreenStep(
            at=at,
            assessor=assessor,
            answers=tuple(answers),
            disclosure=disclosure,
            computed=computed,
            final=final,
            rationale=rationale,
            advice=advice,
            signposted=signposted,
            concern=concern,
        )

    def answers(
        self, child: ChildSpec, at: datetime, level: int, earlier: list[ScreenStep]
    ) -> tuple[list[AnswerInput], bool]:
        """Ticked indicators that fit the child's concerns and give about ``level``."""
        rng, tool = self.rng, self.tool
        known = [c for c in self.by_child.get(child.key, []) if c.at <= at]
        forms = _tool_forms({f for c in known for f in c.submission.forms_suspected} | {child.form})
        if child.network in NETWORK_SIGNS:
            significant, moderate = (list(s) for s in NETWORK_SIGNS[child.network])
        else:
            significant, moderate = [], []
            for indicator in tool.indicators.values():
                if forms.isdisjoint(indicator.forms):
                    continue
                if indicator.tier == "significant":
                    significant.append(indicator.id)
                elif indicator.tier == "moderate":
                    moderate.append(indicator.id)
        young = self.age(child) <= 13 or child.learning_disability
        if level < CASE_RANK and young and not child.network:
            # Signs of sexual exploitation in a younger or disabled child mean at least medium.
            moderate = [m for m in moderate if "cse" not in tool.indicators[m].forms]
        vulnerabilities = self.child_vulnerabilities(child)
        ticked: list[tuple[str, str]] = []  # (indicator, when)
        if level == 0:
            wanted = rng.randint(0, max(0, 5 - len(vulnerabilities)))
            ticked += [(m, "current") for m in rng.sample(moderate, min(len(moderate), wanted))]
        elif level == 1:
            # Signs that were significant before and are older now (after work with the hub).
            before = {a.indicator for s in earlier for a in s.answers}
            older = [s for s in significant if s in before][:2]
            ticked += [(s, "previous") for s in older]
            wanted = rng.randint(6, 9) - len(vulnerabilities) - len(older)
            ticked += [
                (m, "current") for m in rng.sample(moderate, min(len(moderate), max(0, wanted)))
            ]
        else:
            n_significant = 1 if level == 2 else rng.choice((2, 3))
            picks = rng.sample(significant, min(len(significant), n_significant))
            ticked += [(s, "current") for s in picks]
            if level == 2:
                wanted = rng.randint(1, max(1, 10 - len(vulnerabilities)))
            else:
                wanted = max(0, 16 - 5 * len(picks) - len(vulnerabilities)) + rng.randint(0, 2)
            ticked += [(m, "current") for m in rng.sample(moderate, min(len(moderate), wanted))]
        form = NETWORK_FORM.get(child.network)
        if form and not any(form in tool.indicators[i].forms for i, _ in ticked):
            # A network child's screening always shows the harm the network does.
            fitting = [m for m in moderate if form in tool.indicators[m].forms]
            ticked.append((rng.choice(fitting), "current"))
        ticked += [(v, "current") for v in vulnerabilities]
        disclosed = any(
            "disclosed" in c.submission.what_happened for c in known if at - c.at < timedelta(91)
        )
        answers = [self.answer(child, indicator, when, at, known) for indicator, when in ticked]
        return answers, level == 3 and disclosed

    def child_vulnerabilities(self, child: ChildSpec) -> list[str]:
        if child.key not in self.vulnerabilities:
            found = []
            if child.care_status == CareStatus.LOOKED_AFTER:
                found.append("care-experienced")
            if child.send:
                found.append("special-educational-needs")
            found += self.rng.sample(EXTRA_VULNERABILITIES, self.rng.choice((0, 1, 1, 2)))
            self.vulnerabilities[child.key] = found or ["no-protective-adult"]
        return self.vulnerabilities[child.key]

    def answer(
        self, child: ChildSpec, indicator: str, when: str, at: datetime, known: list[ConcernPlan]
    ) -> AnswerInput:
        rng = self.rng
        tier = self.tool.indicators[indicator].tier
        if tier == "vulnerability":
            evidence = self.fill(rng.choice(text.EVIDENCE_RECORDS), child)
            return AnswerInput(indicator=indicator, when=when, confirmed=True, evidence=evidence)
        recent = [c for c in known if at - c.at < timedelta(days=91)] or known[-1:]
        if when == "previous" or not recent:
            month = (at - timedelta(days=rng.randint(95, 170))).astimezone(LONDON)
            evidence = text.EVIDENCE_OLDER.format(month=f"{month:%B %Y}")
        elif rng.random() < 0.2:
            seen = (at - timedelta(days=rng.randint(2, 20))).astimezone(LONDON).date()
            evidence = self.fill(text.EVIDENCE_VISIT, child, date=_day_words(seen))
        else:
            source = rng.choice(recent)
            title, agency = self.authors.get(source.author, ("professional", "a partner agency"))
            article = "an" if title[0].lower() in "aeiou" else "a"
            evidence = text.EVIDENCE_REPORTED.format(
                author=f"{article} {title.lower()} at {agency}",
                date=_day_words(source.at.astimezone(LONDON).date()),
            )
        confirmed = rng.random() < (0.7 if tier == "significant" else 0.5)
        return AnswerInput(indicator=indicator, when=when, confirmed=confirmed, evidence=evidence)

    def await_approval(self, stories: list[ChildStory], waiting: set[int]) -> None:
        """The newest screenings of a few children wait for the hub manager to agree a level
        one below the computed one, and at least one earlier lower level has been decided. The
        level that stands is unchanged (or, agreed, stays medium or above), so the rest of each
        story still holds."""
        count = 1 if self.plan.scale.factor < 0.5 else 3
        latest: list[tuple[datetime, ChildStory, int, ScreenStep]] = []
        for story in stories:
            if story.child.key in waiting or story.child.network:
                continue
            index = max(
                (i for i, s in enumerate(story.steps) if isinstance(s, ScreenStep)), default=None
            )
            if index is None:
                continue
            screen = story.steps[index]
            assert isinstance(screen, ScreenStep)  # noqa: S101
            decided = any(isinstance(s, DecideStep) and s.at > screen.at for s in story.steps)
            if screen.final == screen.computed and screen.computed != "none" and not decided:
                latest.append((screen.at, story, index, screen))
        latest.sort(key=lambda item: item[0], reverse=True)
        for _, story, index, screen in latest[:count]:
            story.steps[index] = self.lowered(screen, story.child)
        if any(isinstance(s, DecideStep) for story in stories for s in story.steps):
            return
        for story in stories:
            steps = story.steps
            for index, screen in enumerate(steps[:-1]):
                if not isinstance(screen, ScreenStep) or screen.final != screen.computed:
                    continue
                if screen.computed != "high":  # agreed at medium: the case stays as it is
                    continue
                decided_at = self.later(screen.at, 20, 72)
                if decided_at >= min(steps[index + 1].at, self.latest):
                    continue
                steps[index] = self.lowered(screen, story.child)
                note = self.fill(self.rng.choice(text.DECISION_AGREE), story.child)
                steps.insert(index + 1, DecideStep(decided_at, True, note))
                return

    def lowered(self, screen: ScreenStep, child: ChildSpec) -> ScreenStep:
        """The same screening with the assessor's level one below the computed one."""
        lower = LEVELS[LEVELS.index(screen.computed) - 1]
        rationale = self.fill(self.rng.choice(text.LOWER_RATIONALES), child, level=lower)
        return replace(screen, final=lower, rationale=rationale)

    # --- case work -------------------------------------------------------------------------------
    def safety_plan(
        self, child: ChildSpec, at: datetime, author: str, version: int
    ) -> SafetyPlanStep:
        rng = self.rng
        group = _form_group(child.form, child.network)
        living = "care" if child.care_status == CareStatus.LOOKED_AFTER else "home"
        danger = text.DANGER_STATEMENTS.get(child.network) or text.DANGER_STATEMENTS[group]
        quote = rng.choice(text.PLAN_CHILD_WORDS[group])
        words = f'"{quote}" ' + self.fill(rng.choice(text.PLAN_WISHES), child)
        actions: list[ActionSpec] = []
        if child.school.name in SCHOOL_AGENCIES:
            action, owner = rng.choice(text.PLAN_ACTIONS["education"])
            actions.append(self.action(child, child.school.name, action, owner))
        kinds = ["police", "health", "youth"] + (["social-care"] if rng.random() < 0.4 else [])
        for kind in kinds:
            options = text.PLAN_ACTIONS[kind]
            if kind == "health" and group != "cse":
                options = tuple(o for o in options if o[1] != "Sexual health nurse")
            if kind == "youth" and group != "cce":
                options = tuple(o for o in options if o[1] != "Youth justice case manager")
            action, owner = rng.choice(options)
            actions.append(self.action(child, ACTION_AGENCY[owner], action, owner))
        return SafetyPlanStep(
            at=at,
            author=author,
            danger_statement=self.fill(rng.choice(danger), child),
            safety_goal=self.fill(rng.choice(text.SAFETY_GOALS), child),
            child_words=words,
            trusted_adults=self.fill(rng.choice(text.TRUSTED_ADULTS[living]), child),
            safe_places=self.fill(rng.choice(text.SAFE_PLACES[living]), child),
            strategies=" ".join(
                self.fill(s, child) for s in rng.sample(text.STRATEGIES, 2 if version == 1 else 3)
            ),
            review_in_days=rng.randint(35, 70),
            actions=tuple(sorted(actions, key=lambda a: a.due_in_days)),
        )

    def action(self, child: ChildSpec, agency: str, action: str, owner: str) -> ActionSpec:
        return ActionSpec(agency, self.fill(action, child), owner, self.rng.randint(3, 42))

    def closure(self, child: ChildSpec, at: datetime, actor: str, level: str) -> CloseStep:
        outcome = _weighted(
            self.rng,
            (
                (ClosureOutcome.RISK_REDUCED, 0.5),
                (ClosureOutcome.STEPPED_DOWN, 0.42),
                (ClosureOutcome.MOVED_AWAY, 0.08),
            ),
        )
        reason = self.fill(self.rng.choice(text.CLOSURE_REASONS[outcome]), child, level=level)
        # A case stepped down stays live (and due for review); older ones have since closed.
        step_down = outcome == ClosureOutcome.STEPPED_DOWN and self.now - at < timedelta(days=80)
        return CloseStep(at, actor, outcome, reason, step_down)

    def nrm(self, child: ChildSpec, story: ChildStory) -> list[NRMStep]:
        """Referred soon after the case opened: reasonable grounds, a guardian, and for some
        (months later) conclusive grounds."""
        rng = self.rng
        allocations = [s for s in story.steps if isinstance(s, AllocateStep)]
        screens = [s for s in story.steps if isinstance(s, ScreenStep)]
        start, actor = (
            (allocations[0].at, allocations[0].worker)
            if allocations
            else (screens[0].at, screens[0].assessor)
        )
        referred_at = self.later(start, 24, 7 * 24)
        if referred_at > self.latest - timedelta(days=3):
            return []
        referred = referred_at.astimezone(LONDON).date()
        responder = rng.choice(("Northvale Police", "Northvale Children's Services"))
        steps = [NRMStep(referred_at, actor, referred, responder)]
        grounds = referred + timedelta(days=rng.randint(2, 5))
        guardian = grounds + timedelta(days=rng.randint(5, 16))
        decided_at = self.later(
            datetime.combine(guardian, time(9), tzinfo=LONDON).astimezone(UTC), 0, 6
        )
        if decided_at > self.latest:
            return steps
        steps.append(NRMStep(decided_at, actor, referred, responder, grounds, None, guardian))
        conclusive = referred + timedelta(days=rng.randint(110, 220))
        concluded_at = self.later(
            datetime.combine(conclusive, time(9), tzinfo=LONDON).astimezone(UTC), 0, 6
        )
        if rng.random() < 0.9 and concluded_at < self.latest:
            steps.append(
                NRMStep(concluded_at, actor, referred, responder, grounds, conclusive, guardian)
            )
        return steps

    # --- missing episodes ------------------------------------------------------------------
    def episodes(self) -> list[EpisodePlan]:
        rng, clock = self.rng, self.clock
        linked = [c for c in self.plan.children if c.key in self.first_link]
        line = [c for c in linked if c.network == "county-line"]
        hotel = [c for c in linked if c.network == "takeaway-hotel"]
        others = [c for c in linked if not c.network]

        def weight(child: ChildSpec) -> float:
            w = 2.0 if child.form in {ExploitationForm.CSE, ExploitationForm.CCE} else 0.4
            if child.form == ExploitationForm.TRAFFICKING:
                w = 3.0
            return w * (2.5 if child.care_status == CareStatus.LOOKED_AFTER else 1.0)

        wanted = max(0, round(60 * self.plan.scale.factor) - len(line) - len(hotel))
        ranked = sorted(others, key=lambda c: rng.random() ** (1 / weight(c)), reverse=True)
        chosen = line + hotel + ranked[:wanted]
        flagged = [c for c in line if self.is_flagged(c)]
        out: list[EpisodePlan] = []
        # (missing hours ago, found hours after) in the last month, for the children the line
        # exploits most: three or more episodes in 30 days.
        recent = ((27 * 24, 30), (16 * 24, 20), (8 * 24, 40))
        for child in chosen:
            team, since = self.recording_team(child)
            recorder = _weighted(rng, RECORDERS_OF[team])
            times: list[tuple[datetime, timedelta]] = []
            if child in flagged:
                times += [(self.now - timedelta(hours=h), timedelta(hours=f)) for h, f in recent]
                older = rng.randint(0, 2)
            elif child.network == "county-line":
                older = rng.randint(2, 4)
            elif child.network == "takeaway-hotel":
                older = rng.randint(1, 3)
            else:
                older = _weighted(rng, ((1, 0.6), (2, 0.3), (3, 0.1)))
            window_end = self.now - timedelta(days=33 if child in flagged else 5)
            start = since + timedelta(days=1)
            for _ in range(older):
                if window_end - start < timedelta(days=2):
                    break
                at = start + (window_end - start) * clock.random()
                if all(abs(at - t) > timedelta(days=4) for t, _ in times):
                    times.append((at, timedelta(hours=clock.uniform(6, 80))))
            for missing_from, away in sorted(times):
                out.append(self.episode(child, recorder, missing_from, away))
        return self.recent_fixtures(out, flagged, chosen)

    def recording_team(self, child: ChildSpec) -> tuple[str, datetime]:
        teams = self.first_link[child.key]
        team = "social-care" if "social-care" in teams else min(teams, key=teams.__getitem__)
        return team, teams[team]

    def episode(
        self,
        child: ChildSpec,
        recorder: str,
        missing_from: datetime,
        away: timedelta,
        *,
        interview: str = "usual",
    ) -> EpisodePlan:
        """One episode: reported within hours, found ``away`` later, then the return interview
        (``interview``: "usual", or "none" while it is still due)."""
        rng, clock = self.rng, self.clock
        network = child.network if child.network in text.MISSING_FOUND_WHERE else ""
        reported = missing_from + timedelta(hours=clock.uniform(0.5, 6))
        last_seen = text.MISSING_LAST_SEEN[network]
        if child.children_home is not None:
            last_seen = (*last_seen, f"{child.children_home.name}, after tea")
        grade = _weighted(
            rng,
            (
                (PoliceRiskGrade.HIGH, 0.45 if network else 0.1),
                (PoliceRiskGrade.MEDIUM, 0.5),
                (PoliceRiskGrade.LOW, 0.05 if network else 0.3),
                (PoliceRiskGrade.NO_APPARENT_RISK, 0.0 if network else 0.1),
            ),
        )
        data = MissingEpisodeInput(
            missing_from=missing_from,
            reported_at=reported,
            police_risk_grade=grade,
            last_seen_where=rng.choice(last_seen),
            police_reference=f"NVP-{missing_from:%y}-{rng.randint(10000, 99999)}",
        )
        recorded_at = min(reported + timedelta(hours=clock.uniform(0.3, 3)), self.latest)
        found_at = missing_from + away
        if found_at > self.latest:  # still missing
            return EpisodePlan(child, recorder, recorded_at, data)
        harm = ""
        if rng.random() < (0.45 if network else 0.2):
            harm = self.fill(rng.choice(text.MISSING_HARM[network]), child)
        found_step_at = max(recorded_at, found_at) + timedelta(minutes=clock.randint(10, 120))
        found_step_at = min(found_step_at, self.latest)
        plan = None
        if interview == "usual":
            plan = self.interview(child, network, found_at, found_step_at)
        return EpisodePlan(
            child=child,
            recorder=recorder,
            recorded_at=min(recorded_at, found_step_at),
            data=data,
            found_step_at=found_step_at,
            found_at=found_at,
            found_where=self.fill(rng.choice(text.MISSING_FOUND_WHERE[network]), child),
            found_with=rng.choice(text.MISSING_FOUND_WITH[network]),
            harm_disclosed=harm,
            interview=plan,
        )

    def interview(
        self, child: ChildSpec, network: str, found_at: datetime, found_step_at: datetime
    ) -> InterviewPlan | None:
        """Offered within 72 hours for most; some are declined, most completed."""
        rng, clock = self.rng, self.clock
        # One in seven is offered late, at any scale (a draw would make small demos lumpy).
        self.interviews += 1
        late = self.interviews % 7 == 4
        offered = found_at + timedelta(
            hours=clock.uniform(75, 140) if late else clock.uniform(3, 66)
        )
        offered = max(offered, found_step_at + timedelta(minutes=5))
        if offered > self.latest:
            return None
        declined = self.interviews % 4 == 1
        by = rng.choice(text.INTERVIEW_BY)
        if declined:
            return InterviewPlan(
                at=offered + timedelta(minutes=30),
                offered_at=offered,
                acceptance=InterviewAcceptance.DECLINED,
                completed_at=None,
                interview_by=by,
                summary="",
            )
        completed = offered + timedelta(hours=clock.uniform(2, 72))
        if completed > self.latest:
            return InterviewPlan(offered, offered, InterviewAcceptance.ACCEPTED, None, by, "")
        summary = self.fill(rng.choice(text.INTERVIEW_SUMMARIES[network]), child)
        return InterviewPlan(
            at=completed + timedelta(hours=1),
            offered_at=offered,
            acceptance=InterviewAcceptance.ACCEPTED,
            completed_at=completed,
            interview_by=by,
            summary=summary,
        )

    def recent_fixtures(
        self, episodes: list[EpisodePlan], flagged: list[ChildSpec], chosen: list[ChildSpec]
    ) -> list[EpisodePlan]:
        """The newest episodes show every state of the 72-hour interview deadline: two still
        due, one overdue, and one child still missing."""
        out = list(episodes)
        if not chosen:
            return out
        hours = timedelta(hours=1)
        first = flagged[0] if flagged else chosen[0]
        others = [c for c in chosen if c.key != first.key]
        # (child, found hours ago, missing for hours, interview): found 80 hours ago with no
        # interview offered is overdue; 20 and 69 hours ago, still due (one due soon).
        fixtures = [(first, 80, 6, "none")]
        fixtures += [
            (child, found, away, "none")
            for child, (found, away) in zip([*others, first], ((20, 50), (69, 12)), strict=False)
        ]
        # Still missing: reported this morning.
        line = [c for c in others if c.network == "county-line"] or others[-1:]
        fixtures += [(child, -39, 48, "usual") for child in line[:1]]
        for child, found, away, interview in fixtures:
            team, _ = self.recording_team(child)
            recorder = _weighted(self.rng, RECORDERS_OF[team])
            missing_from = self.now - (found + away) * hours
            out.append(
                self.episode(child, recorder, missing_from, away * hours, interview=interview)
            )
        return out

    # --- disruption ------------------------------------------------------------------------------
    def disruptions(self) -> list[DisruptionPlan]:
        out = []
        for network, member, kind, status, ago, took, owner in DISRUPTIONS:
            started = self.today - timedelta(days=ago)
            ended = started + timedelta(days=took) if status == DisruptionStatus.COMPLETED else None
            recorded = ended or min(started, self.today - timedelta(days=2))
            at = self.later(
                datetime.combine(recorded, time(8), tzinfo=LONDON).astimezone(UTC), 0, 8
            )
            description, outcome = text.DISRUPTION_TEXTS[member]
            out.append(
                DisruptionPlan(
                    at=min(at, self.latest),
                    network=network,
                    member=member,
                    kind=kind,
                    status=status,
                    started_on=started,
                    ended_on=ended,
                    description=description,
                    outcome=outcome if status == DisruptionStatus.COMPLETED else "",
                    owner_agency=OWNER_AGENCY[owner],
                )
            )
        return out


# --- Case notes ------------------------------------------------------------------------------
# What the allocated worker writes up after a contact: plain and factual, the child's own words
# in quotation marks, and about what adults did (PRACTICE.md §7). Slots: the child's name and
# pronouns, {carer} (who the child lives with) and {school}.
NoteText = tuple[CaseNoteKind, str, str, bool | None]  # kind, who was there, text, child seen
_N = CaseNoteKind
FIRST_VISITS: tuple[NoteText, ...] = (
    (
        _N.VISIT,
        "{child} and {pos} {carer}",
        "First visit since the case came to me. {child} was at home with {pos} {carer}. I "
        "explained what the hub does, who else will be involved, and that what adults have done "
        'is not {pos} fault. {Subj} said: "I don\'t want to get anyone in trouble." We agreed to '
        "meet after school next week, at home.",
        True,
    ),
    (
        _N.VISIT,
        "{child} and {pos} {carer}",
        "Home visit. I saw {child} on {pos} own in {pos} room for part of the visit. {Subj} "
        "talked about school and showed me {pos} drawings. When I asked about the evenings {subj} "
        'went quiet, then said: "They always know where I am." I said that adults tracking a '
        "child like that is never the child's fault, and that we will work on it together. "
        "{Pos} {carer} has the out-of-hours number.",
        True,
    ),
    (
        _N.VISIT,
        "{child}'s {carer}",
        "Visit as arranged, but {child} was not at home. {Pos} {carer} said a car picked {obj} up "
        "at about four and nobody knows where it went. Agreed {pos} {carer} will report {obj} "
        "missing to the police if {subj} is not home by nine, and will ring me in the morning. "
        "I will visit again on Thursday after school.",
        False,
    ),
)
LATER_NOTES: tuple[NoteText, ...] = (
    (
        _N.DIRECT_WORK,
        "{child}",
        "Direct work session at {school}. We mapped the people around {obj} with the circles "
        "exercise. {child} put {pos} {carer} and a teacher in the inner circle. {Subj} said the "
        'adults who message {obj} make {obj} feel "watched all the time". We went through how '
        "to save messages and who to tell. Next session in two weeks.",
        True,
    ),
    (
        _N.DIRECT_WORK,
        "{child}",
        "Direct work session. {child} chose to talk about what {subj} would like to do after "
        "school and about {pos} boxing club. We read {pos} safety plan together and {subj} added "
        "the youth worker as someone to call. {Subj} said: \"It helps having someone who doesn't "
        'just tell me off."',
        True,
    ),
    (
        _N.CALL,
        "{child}",
        "Video call with {child} as agreed. {Subj} sounded tired and said {subj} had not slept "
        "well. {Subj} did not want to talk about Friday night yet, and I said that was fine. We "
        "agreed to talk again tomorrow. With {pos} agreement I let the designated safeguarding "
        "lead at {school} know, so staff can check in with {obj}.",
        None,
    ),
    (
        _N.PARENT_CARER,
        "{child}'s {carer}",
        "Phone call with {child}'s {carer}, who is worried about calls {child} gets late at "
        "night from numbers {subj} does not know. We went through the safety plan: phones "
        "downstairs overnight, and a call to the police if an unknown car waits outside. {Pos} "
        "{carer} will ring me after the weekend.",
        None,
    ),
    (
        _N.AGENCY,
        "Designated safeguarding lead, {school}",
        "Spoke to the designated safeguarding lead at {school}. {child}'s attendance is up to "
        "four days a week. Staff have twice seen a car waiting near the gates at the end of the "
        "day; the registration has gone to the police exploitation team. School will tell me "
        "the same day if it is seen again.",
        None,
    ),
    (
        _N.AGENCY,
        "Exploitation detective constable, Northvale Police",
        "Call with the exploitation detective constable. Police have served a warning notice on "
        "an adult who has been contacting {child}. Agreed that police will explain the notice to "
        "{pos} {carer}, and I will talk it through with {child} at the next visit.",
        None,
    ),
)
# The one note in the demo that is corrected: as written, as corrected, and why.
_CHECK_IN = (
    "Phone call with {child} after school to check in after the weekend. {Subj} said it had "
    'been "quiet" and that {subj} stayed at {pos} {carer}\'s on Saturday night. I reminded '
    "{obj} of the number to ring out of hours. Next visit booked for {day} after school."
)
CORRECTED_NOTE: tuple[NoteText, NoteText, str] = (
    (_N.CALL, "{child}", _CHECK_IN.replace("{day}", "Tuesday"), None),
    (_N.CALL, "{child}", _CHECK_IN.replace("{day}", "Wednesday"), None),
    "The note gave the wrong day for the next visit.",
)
CONTACT_HOURS: dict[CaseNoteKind, tuple[int, int]] = {
    _N.VISIT: (15, 17),
    _N.CALL: (16, 17),
    _N.DIRECT_WORK: (10, 14),
    _N.PARENT_CARER: (10, 16),
    _N.AGENCY: (9, 16),
}
NOTES_WHILE_OPEN = 4  # at most, for a case still open; a case since closed keeps its first


class NotePlanner:
    """Case notes for each allocated case: a first visit soon after allocation and, while the
    case stays open, a contact every week or few. A stream of its own, so the rest of the plan
    is the same with or without them."""

    def __init__(self, planner: CaseworkPlanner) -> None:
        self.planner = planner
        self.rng = random.Random(SEED + 4)
        self.latest = planner.latest
        self.carers: dict[int, str] = {}
        self.corrected = False

    def add_to(self, stories: list[ChildStory]) -> None:
        for story in stories:
            notes: list[Step] = []
            for index, step in enumerate(story.steps):
                if not isinstance(step, AllocateStep):
                    continue
                after = story.steps[index + 1 :]
                ends = [s.at for s in after if isinstance(s, (CloseStep, AllocateStep))]
                live = not any(isinstance(s, CloseStep) for s in after)
                notes += self.while_open(story.child, step, min([*ends, self.latest]), live)
            if notes:
                story.steps += notes
                story.steps.sort(key=lambda step: step.at)

    def carer(self, child: ChildSpec) -> str:
        if child.key not in self.carers:
            if child.care_status == CareStatus.LOOKED_AFTER:
                self.carers[child.key] = (
                    "key worker" if child.children_home is not None else "foster carer"
                )
            else:
                self.carers[child.key] = self.rng.choice(("mum", "dad", "nan", "aunt"))
        return self.carers[child.key]

    def contact_time(self, after: datetime, days: tuple[float, float], kind: str) -> datetime:
        """A weekday, at an hour that suits the kind of contact, ``days`` after ``after``."""
        rng = self.rng
        day = (after + timedelta(days=rng.uniform(*days))).astimezone(LONDON).date()
        while day.weekday() >= 5:
            day += timedelta(days=1)
        first, last = CONTACT_HOURS[CaseNoteKind(kind)]
        clock = time(rng.randint(first, last), rng.choice((0, 10, 15, 30, 40, 45)))
        at = datetime.combine(day, clock, tzinfo=LONDON).astimezone(UTC)
        return max(at, after + timedelta(hours=1))

    def while_open(
        self, child: ChildSpec, allocated: AllocateStep, end: datetime, live: bool
    ) -> list[CaseNoteStep]:
        rng = self.rng
        wanted = rng.randint(2, NOTES_WHILE_OPEN) if live else 1
        texts = [rng.choice(FIRST_VISITS), *rng.sample(LATER_NOTES, wanted - 1)]
        correct_second = not self.corrected and wanted >= 2
        if correct_second:
            texts[1] = CORRECTED_NOTE[0]
        out: list[CaseNoteStep] = []
        contact = allocated.at
        for index, note in enumerate(texts):
            days = (1.0, 4.0) if index == 0 else (6.0, 20.0)
            contact = self.contact_time(contact, days, note[0])
            written = contact + timedelta(hours=rng.uniform(0.3, 2.5))  # written up the same day
            if written >= end:
                break
            step = self.step(child, allocated.worker, note, contact, written)
            out.append(step)
            fixed_at = written + timedelta(hours=rng.uniform(20, 60))
            if index == 1 and correct_second and fixed_at < end:
                self.corrected = True
                out.append(
                    replace(
                        self.step(child, allocated.worker, CORRECTED_NOTE[1], contact, fixed_at),
                        corrects=step,
                        correction_reason=CORRECTED_NOTE[2],
                    )
                )
        return out

    def step(
        self,
        child: ChildSpec,
        author: str,
        note: NoteText,
        contact: datetime,
        written: datetime,
    ) -> CaseNoteStep:
        kind, present, body, seen = note
        slots = {"carer": self.carer(child), "school": child.school.name}
        return CaseNoteStep(
            at=written,
            author=author,
            kind=kind,
            contact_at=contact,
            present=self.planner.fill(present, child, **slots),
            child_seen=seen,
            text=self.planner.fill(body, child, **slots),
        )


def plan_casework(plan: Plan) -> Casework:
    return CaseworkPlanner(plan).build()


# --- Loading -----------------------------------------------------------------------------------
Progress = Callable[[str, int, int], None]


@dataclass
class CaseworkLoaded:
    episodes: list[uuid.UUID] = field(default_factory=list)


class CaseworkLoader:
    """Writes the stories through the screening and case services, one dated step at a time."""

    def __init__(
        self,
        *,
        plan: Plan,
        casework: Casework,
        clock: DemoClock,
        users: dict[str, User],
        children: dict[int, Person],
        adults: dict[str, Person],
        concerns: dict[int, uuid.UUID],
        progress: Progress,
    ) -> None:
        self.plan = plan
        self.casework = casework
        self.clock = clock
        self.users = users
        self.children = children
        self.adults = adults
        self.concern_ids = concerns  # id() of each ConcernPlan -> the Concern written for it
        self.progress = progress
        self.loaded = CaseworkLoaded()

    def run(self) -> CaseworkLoaded:
        self.agencies = {agency.name: agency for agency in Agency.objects.all()}
        self.concerns = Concern.objects.in_bulk(list(self.concern_ids.values()))
        stories = self.casework.stories
        stage = "Screening and case work"
        for done, story in enumerate(stories, start=1):
            self.story(story)
            if done % 25 == 0 or done == len(stories):
                self.progress(stage, done, len(stories))
        work: list[EpisodePlan | DisruptionPlan] = [
            *self.casework.episodes,
            *self.casework.disruptions,
        ]
        stage = "Recording missing episodes and disruption"
        for done, item in enumerate(work, start=1):
            if isinstance(item, EpisodePlan):
                self.episode(item)
            else:
                self.disruption(item)
            if done % 25 == 0 or done == len(work):
                self.progress(stage, done, len(work))
        return self.loaded

    # --- a child's story ---------------------------------------------------------------------
    def story(self, story: ChildStory) -> None:
        person = self.children[story.child.key]
        manager = self.users[HUB_MANAGER]
        screening: Screening | None = None
        referral: NRMReferral | None = None
        notes: dict[int, CaseNote] = {}  # id() of each CaseNoteStep -> the note written
        for step in story.steps:
            with self.clock.step(step.at):
                if isinstance(step, CaseNoteStep):
                    notes[id(step)] = self.case_note(person, step, notes)
                elif isinstance(step, ScreenStep):
                    screening = self.screen(person, step)
                elif isinstance(step, DecideStep):
                    assert screening is not None  # noqa: S101 - decisions follow a screening
                    screening = screening_decide(
                        actor=manager, screening=screening, agree=step.agree, note=step.note
                    )
                elif isinstance(step, AllocateStep):
                    case_allocate(
                        actor=manager, case=self.live_case(person), worker=self.users[step.worker]
                    )
                elif isinstance(step, SafetyPlanStep):
                    self.safety_plan(person, step)
                elif isinstance(step, CloseStep):
                    case_close(
                        actor=self.users[step.actor],
                        case=self.live_case(person),
                        outcome=step.outcome,
                        reason=step.reason,
                        step_down=step.step_down,
                    )
                else:
                    referral = nrm_record(
                        actor=self.users[step.actor],
                        person=person,
                        referred_on=step.referred_on,
                        first_responder=self.agencies[step.first_responder],
                        reasonable_grounds=NRMDecision.POSITIVE
                        if step.reasonable_grounds_on
                        else NRMDecision.PENDING,
                        reasonable_grounds_on=step.reasonable_grounds_on,
                        conclusive_grounds=NRMDecision.POSITIVE
                        if step.conclusive_grounds_on
                        else NRMDecision.PENDING,
                        conclusive_grounds_on=step.conclusive_grounds_on,
                        guardian_allocated_on=step.guardian_allocated_on,
                        referral=referral,
                    )

    def screen(self, person: Person, step: ScreenStep) -> Screening:
        concern = None
        if step.concern is not None:
            concern = self.concerns[self.concern_ids[id(step.concern)]]
        screening = screening_submit(
            actor=self.users[step.assessor],
            person=person,
            answers=list(step.answers),
            disclosure=step.disclosure,
            final_level=step.final,
            rationale=step.rationale,
            concern=concern,
            advice_given=step.advice,
            signposted_to=step.signposted,
        )
        if screening.computed_level != step.computed:  # pragma: no cover - plan and tool agree
            raise RuntimeError("The demo plan and the screening tool disagree about a level")
        return screening

    @staticmethod
    def live_case(person: Person) -> Case:
        return Case.objects.exclude(status=CaseStatus.CLOSED).get(person=person)

    def safety_plan(self, person: Person, step: SafetyPlanStep) -> None:
        # Dates are written relative to today; the clock then moves them with the plan.
        today = timezone.localdate()
        safety_plan_save(
            actor=self.users[step.author],
            case=self.live_case(person),
            plan=SafetyPlanInput(
                danger_statement=step.danger_statement,
                safety_goal=step.safety_goal,
                child_words=step.child_words,
                review_date=today + timedelta(days=step.review_in_days),
                trusted_adults=step.trusted_adults,
                safe_places=step.safe_places,
                strategies=step.strategies,
                actions=[
                    PlanAction(
                        agency=self.agencies[a.agency],
                        action=a.action,
                        owner=a.owner,
                        due_date=today + timedelta(days=a.due_in_days),
                    )
                    for a in step.actions
                ],
            ),
        )

    def case_note(
        self, person: Person, step: CaseNoteStep, written: dict[int, CaseNote]
    ) -> CaseNote:
        actor = self.users[step.author]
        note = CaseNoteInput(
            kind=step.kind,
            contact_at=step.contact_at,
            text=step.text,
            present=step.present,
            child_seen=step.child_seen,
        )
        if step.corrects is None:
            row = case_note_add(actor=actor, case=self.live_case(person), note=note)
        else:
            row = case_note_correct(
                actor=actor,
                original=written[id(step.corrects)],
                note=note,
                reason=step.correction_reason,
            )
        return row

    # --- missing episodes ------------------------------------------------------------------------
    def episode(self, plan: EpisodePlan) -> None:
        actor = self.users[plan.recorder]
        person = self.children[plan.child.key]
        with self.clock.step(plan.recorded_at):
            episode: MissingEpisode = missing_episode_record(
                actor=actor, person=person, data=plan.data
            )
        self.loaded.episodes.append(episode.pk)
        if plan.found_at is None or plan.found_step_at is None:
            return
        with self.clock.step(plan.found_step_at):
            episode = missing_episode_found(
                actor=actor,
                episode=episode,
                found_at=plan.found_at,
                found_where=plan.found_where,
                found_with=plan.found_with,
                harm_disclosed=plan.harm_disclosed,
            )
        interview = plan.interview
        if interview is None:
            return
        with self.clock.step(interview.at):
            return_interview_record(
                actor=actor,
                episode=episode,
                offered_at=interview.offered_at,
                acceptance=interview.acceptance,
                completed_at=interview.completed_at,
                interview_by=interview.interview_by,
                summary=interview.summary,
            )

    # --- disruption --------------------------------------------------------------------------
    def disruption(self, plan: DisruptionPlan) -> None:
        target = self.target(plan.network, plan.member)
        if target is None:  # the member is not in any report at this scale
            return
        with self.clock.step(plan.at):
            disruption_record(
                actor=self.users[INTELLIGENCE_OFFICER],
                target=target,
                kind=plan.kind,
                status=plan.status,
                started_on=plan.started_on,
                ended_on=plan.ended_on,
                owner_agency=self.agencies[plan.owner_agency],
                description=plan.description,
                outcome=plan.outcome,
            )

    def target(self, network: str, member_key: str) -> Node | None:
        member = self.plan.members[network][member_key]
        if isinstance(member, AdultSpec):
            adult = self.adults.get(member.key)
            return adult.node if adult is not None else None
        if isinstance(member, PlaceSpec):
            place = Location.objects.filter(name=member.name, postcode=member.postcode).first()
            return place.node if place is not None else None
        if isinstance(member, VehicleSpec):
            registration = normalise_vehicle_registration(member.registration)
            vehicle = Object.objects.filter(
                kind=ObjectKind.VEHICLE, registration=registration
            ).first()
            return vehicle.node if vehicle is not None else None
        raise RuntimeError(f"Disruption is planned against a {type(member).__name__}")
