"""The hub's work after triage, in the demo partnership: each child's story from screening on.

``plan_casework`` turns the partnership's plan into each child's story after triage: which
children are screened and at what level, when cases open, are allocated, get safety plans and
close, and who is referred to the National Referral Mechanism; then case notes, missing
episodes and the disruption of the networks. It is pure Python and deterministic (the streams
of ``context.py``, the screening tool's own scoring, and every time measured back from the
moment of loading).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from cehub.cases.models import DisruptionStatus
from cehub.intake.models import ExploitationForm

from .. import narratives as text
from ..draws import london, weighted
from ..networks import NETWORKS, Disruption
from ..personas import HUB_PRACTITIONER
from ..plan.specs import ChildSpec, ConcernPlan, Plan
from .cases import CaseSteps
from .context import HEALTH_HUB, POLICE_HUB, PRACTITIONER_OF, TEAM_OF, CaseworkContext
from .missing import EpisodePlanner
from .notes import NotePlanner
from .screening import Screener
from .steps import (
    LEVELS,
    AllocateStep,
    Casework,
    ChildStory,
    DecideStep,
    DisruptionPlan,
    case_rank,
)

MAX_SCREENINGS = 4  # a first screening and up to three more
REVIEW_EVERY = (75, 95)  # days: re-screen at least every 3 months while a case is open
REVIEW = timedelta(days=91)


def plan_casework(plan: Plan) -> Casework:
    return CaseworkPlanner(plan).build()


class CaseworkPlanner:
    """Which children are screened, and each one's story from then on."""

    def __init__(self, plan: Plan) -> None:
        self.ctx = ctx = CaseworkContext(plan)
        self.rng = ctx.rng
        self.clock = ctx.clock
        self.screener = Screener(ctx)
        self.cases = CaseSteps(ctx)
        self.missing = EpisodePlanner(ctx)

    def build(self) -> Casework:
        screened = self.screened_children()
        waiting = self.waiting_for_allocation(screened)
        nrm = self.nrm_children(screened)
        stories = [
            self.story(child, t0, target, waiting=child.key in waiting, nrm=child.key in nrm)
            for child, t0, target in screened
        ]
        self.screener.await_approval(stories, waiting)
        NotePlanner(self.ctx).add_to(stories)
        return Casework(
            stories=stories,
            episodes=self.missing.episodes(),
            disruptions=self.disruptions(),
        )

    def screened_children(self) -> list[tuple[ChildSpec, datetime, int]]:
        """Children with a concern triaged to screening, when first screened, and the level
        their story starts at. Most are screened; the last few are still waiting."""
        rng, out = self.rng, []
        for child in self.ctx.plan.children:
            first = self.ctx.screen_concerns(child)[:1]
            skip = rng.random() < 0.06
            target = self.first_target(child)
            if not first:
                continue
            t0 = self.ctx.later(self.ctx.finished(first[0]), 4, 6 * 24)
            if t0 > self.ctx.latest - timedelta(hours=12) or skip:
                continue
            out.append((child, t0, target))
        return out

    def first_target(self, child: ChildSpec) -> int:
        rng = self.rng
        if child.network == "county-line":
            return weighted(rng, ((3, 0.8), (2, 0.2)))
        if child.network == "takeaway-hotel":
            return weighted(rng, ((3, 0.5), (2, 0.5)))
        if child.network == "online-group":
            return weighted(rng, ((2, 0.6), (1, 0.4)))
        if child.form in {ExploitationForm.CSE, ExploitationForm.CCE, ExploitationForm.TRAFFICKING}:
            weights = (0.27, 0.38, 0.25, 0.1)
        elif child.form == ExploitationForm.ONLINE:
            weights = (0.35, 0.4, 0.2, 0.05)
        else:
            weights = (0.55, 0.37, 0.08, 0.0)
        return weighted(rng, list(enumerate(weights)))

    def waiting_for_allocation(self, screened: list[tuple[ChildSpec, datetime, int]]) -> set[int]:
        """The newest cases wait for a hub manager to allocate them: the queue has items."""
        count = max(1, round(4 * self.ctx.plan.scale.factor))
        candidates = [(t0, child) for child, t0, target in screened if target >= case_rank()]
        # Children outside the networks, whose stories are told elsewhere, if there are any.
        outside = [(t0, child.key) for t0, child in candidates if not child.network]
        others = [(t0, child.key) for t0, child in candidates if child.network != "county-line"]
        return {key for _, key in sorted(outside or others, reverse=True)[:count]}

    def nrm_children(self, screened: list[tuple[ChildSpec, datetime, int]]) -> set[int]:
        """A few children in the county line are referred to the National Referral Mechanism."""
        line = [child.key for child, _, _ in screened if child.network == "county-line"]
        return set(line[: max(1, round(len(line) / 2))])

    def story(
        self, child: ChildSpec, t0: datetime, target: int, *, waiting: bool, nrm: bool
    ) -> ChildStory:
        rng = self.rng
        story = ChildStory(child)
        steps = story.steps
        concerns = self.ctx.screen_concerns(child)
        first_concern, pending = concerns[0], concerns[1:]
        triage = first_concern.triage
        assessor = PRACTITIONER_OF[TEAM_OF[triage.triager if triage else HUB_PRACTITIONER]]
        flagged = child.network == "county-line" and self.ctx.is_flagged(child)
        mode = self.mode(child, flagged)
        if waiting and t0 < self.ctx.latest - timedelta(days=12):
            t0 = max(t0, self.ctx.later(self.ctx.latest - timedelta(days=9), 0, 6 * 24))
            t0 = min(t0, self.ctx.latest - timedelta(hours=1))
        case = ""  # "", "awaiting", "open", "stepped-down", "closed"
        worker = ""
        plans, last_plan, plan_review = 0, t0, t0
        t, count = t0, 0
        concern: ConcernPlan | None = first_concern
        last = t0
        while True:
            screen = self.screener.screening(child, t, target, assessor, concern, story)
            steps.append(screen)
            last = t
            count += 1
            standing = LEVELS.index(screen.computed if screen.lowered else screen.final)
            effective = standing
            if screen.lowered:
                decided = self.ctx.later(t, 20, 96)
                if decided < self.ctx.latest:
                    agree = rng.random() < 0.8
                    note = text.DECISION_AGREE if agree else (text.DECISION_NOT_AGREE,)
                    steps.append(DecideStep(decided, agree, self.ctx.fill(rng.choice(note), child)))
                    last = decided
                    if agree:
                        effective = LEVELS.index(screen.final)
            if standing >= case_rank():
                if case in {"", "closed"}:
                    case, worker, plans = "awaiting", "", 0
                elif case == "stepped-down":
                    case = "open" if worker else "awaiting"
                if case == "awaiting" and not waiting:
                    allocated = self.ctx.later(last, 6, 96)
                    if allocated < self.ctx.latest:
                        worker = self.worker_for(assessor)
                        steps.append(AllocateStep(allocated, worker))
                        case, last = "open", allocated
                        assessor = worker
                if case == "open" and plans < 2:
                    first_plan = plans == 0 and rng.random() < 0.88
                    second_plan = (
                        plans == 1 and count > 1 and t - last_plan > timedelta(days=30)
                    ) and rng.random() < 0.3
                    written = self.ctx.later(last, 24, 10 * 24)
                    if (first_plan or second_plan) and written < self.ctx.latest:
                        plans += 1
                        written_plan = self.cases.safety_plan(child, written, worker, plans)
                        steps.append(written_plan)
                        last = last_plan = written
                        plan_review = written + timedelta(days=written_plan.review_in_days)
            if case in {"awaiting", "open"} and effective < case_rank():
                closed = self.ctx.later(last, 48, 14 * 24)
                if closed < self.ctx.latest:
                    step = self.cases.closure(child, closed, worker or assessor, LEVELS[effective])
                    steps.append(step)
                    case = "stepped-down" if step.step_down else "closed"
                    last = closed
            # When is the next screening: a new concern, or the review while a case is open.
            while pending and self.ctx.finished(pending[0]) < last:
                pending.pop(0)  # known before this screening: it was taken into account
            options: list[tuple[datetime, ConcernPlan | None]] = []
            if pending:
                options.append(
                    (self.ctx.later(self.ctx.finished(pending[0]), 4, 5 * 24), pending[0])
                )
            if case in {"awaiting", "open"} and not waiting:
                review = t + timedelta(days=self.clock.uniform(*REVIEW_EVERY))
                options.append((self.ctx.later(review, 0, 8), None))
            if not options or count >= MAX_SCREENINGS:
                break
            if waiting:  # the newest cases: nothing has happened since
                break
            t, concern = min(options, key=lambda option: option[0])
            if t > self.ctx.latest - timedelta(days=1):
                break
            if concern is not None:
                pending.remove(concern)
            t = max(t, last + timedelta(days=1))
            live = case in {"awaiting", "open"}
            target = self.next_target(mode, effective, live)
            if live and count == MAX_SCREENINGS - 1 and t + REVIEW < self.ctx.now:
                target = min(target, case_rank() - 1)  # the last review: the work has helped
        if case == "open" and plans and plan_review < self.ctx.now:
            # The plan is reviewed when it says: a new version in the last few weeks.
            written = self.ctx.later(
                max(last, self.ctx.now - timedelta(days=rng.uniform(5, 45))), 0, 24
            )
            if written < self.ctx.latest:
                plans += 1
                steps.append(self.cases.safety_plan(child, written, worker, plans))
        if nrm:
            steps += self.cases.nrm(child, story)
        steps.sort(key=lambda step: step.at)
        return story

    def mode(self, child: ChildSpec, flagged: bool) -> str:
        if flagged:
            return "steady"
        if child.network == "county-line":
            return weighted(self.rng, (("improving", 0.5), ("steady", 0.5)))
        return weighted(self.rng, (("improving", 0.55), ("steady", 0.3), ("escalating", 0.15)))

    def next_target(self, mode: str, level: int, case_live: bool) -> int:
        if not case_live:  # a new concern about a child screened below medium
            return max(0, min(3, level + weighted(self.rng, ((1, 0.35), (0, 0.45), (-1, 0.2)))))
        if mode == "improving":
            return max(0, level - 1)
        if mode == "escalating":
            return min(3, level + 1)
        return level

    def worker_for(self, assessor: str) -> str:
        """Mostly the demo practitioner; children known to other hub teams often stay there."""
        if assessor == HUB_PRACTITIONER:
            return weighted(
                self.rng, ((HUB_PRACTITIONER, 0.85), (POLICE_HUB, 0.1), (HEALTH_HUB, 0.05))
            )
        return weighted(self.rng, ((assessor, 0.55), (HUB_PRACTITIONER, 0.45)))

    def disruptions(self) -> list[DisruptionPlan]:
        out = []
        for network in NETWORKS:
            for planned in network.disruptions:
                out.append(self.disruption(network.key, planned))
        return out

    def disruption(self, network: str, planned: Disruption) -> DisruptionPlan:
        status = planned.status
        started = self.ctx.today - timedelta(days=planned.started_days_ago)
        completed = status == DisruptionStatus.COMPLETED
        ended = started + timedelta(days=planned.took_days) if completed else None
        recorded = ended or min(started, self.ctx.today - timedelta(days=2))
        at = self.ctx.later(london(recorded, time(8)), 0, 8)
        return DisruptionPlan(
            at=min(at, self.ctx.latest),
            network=network,
            member=planned.member,
            kind=planned.kind,
            status=status,
            started_on=started,
            ended_on=ended,
            description=planned.description,
            outcome=planned.outcome if completed else "",
            owner_agency=planned.owner_agency,
        )
