"""A case in the demo's case work, once it is open: safety plans, closing (or stepping down),
and National Referral Mechanism referrals.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from cehub.cases.models import ClosureOutcome
from cehub.people.models import CareStatus

from .. import catalogue as cat
from .. import narratives as text
from ..draws import LONDON, london, weighted
from ..personas import AGENCIES
from ..plan.specs import ChildSpec
from .context import CaseworkContext, form_group
from .steps import (
    ActionSpec,
    AllocateStep,
    ChildStory,
    CloseStep,
    NRMStep,
    SafetyPlanStep,
    ScreenStep,
)

# Schools in the partnership: a child's school owns an action in the safety plan.
SCHOOL_AGENCIES = frozenset(
    {agency.name for agency in cat.POOL if agency.kind == "education"}
    | {agency.name for agency in AGENCIES if agency.kind == "education"}
)


class CaseSteps:
    """What the allocated worker writes once a case is open, drawn from the shared streams."""

    def __init__(self, ctx: CaseworkContext) -> None:
        self.ctx = ctx
        self.rng = ctx.rng

    def safety_plan(
        self, child: ChildSpec, at: datetime, author: str, version: int
    ) -> SafetyPlanStep:
        rng = self.rng
        group = form_group(child)
        living = "care" if child.care_status == CareStatus.LOOKED_AFTER else "home"
        danger = text.DANGER_STATEMENTS.get(child.network) or text.DANGER_STATEMENTS[group]
        quote = rng.choice(text.PLAN_CHILD_WORDS[group])
        words = f'"{quote}" ' + self.ctx.fill(rng.choice(text.PLAN_WISHES), child)
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
            actions.append(self.action(child, text.ACTION_AGENCY[owner], action, owner))
        return SafetyPlanStep(
            at=at,
            author=author,
            danger_statement=self.ctx.fill(rng.choice(danger), child),
            safety_goal=self.ctx.fill(rng.choice(text.SAFETY_GOALS), child),
            child_words=words,
            trusted_adults=self.ctx.fill(rng.choice(text.TRUSTED_ADULTS[living]), child),
            safe_places=self.ctx.fill(rng.choice(text.SAFE_PLACES[living]), child),
            strategies=" ".join(
                self.ctx.fill(s, child)
                for s in rng.sample(text.STRATEGIES, 2 if version == 1 else 3)
            ),
            review_in_days=rng.randint(35, 70),
            actions=tuple(sorted(actions, key=lambda a: a.due_in_days)),
        )

    def action(self, child: ChildSpec, agency: str, action: str, owner: str) -> ActionSpec:
        return ActionSpec(agency, self.ctx.fill(action, child), owner, self.rng.randint(3, 42))

    def closure(self, child: ChildSpec, at: datetime, actor: str, level: str) -> CloseStep:
        outcome = weighted(
            self.rng,
            (
                (ClosureOutcome.RISK_REDUCED, 0.5),
                (ClosureOutcome.STEPPED_DOWN, 0.42),
                (ClosureOutcome.MOVED_AWAY, 0.08),
            ),
        )
        reason = self.ctx.fill(self.rng.choice(text.CLOSURE_REASONS[outcome]), child, level=level)
        # A case stepped down stays live (and due for review); older ones have since closed.
        recent = self.ctx.now - at < timedelta(days=80)
        step_down = outcome == ClosureOutcome.STEPPED_DOWN and recent
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
        referred_at = self.ctx.later(start, 24, 7 * 24)
        if referred_at > self.ctx.latest - timedelta(days=3):
            return []
        referred = referred_at.astimezone(LONDON).date()
        responder = rng.choice(("Northvale Police", "Northvale Children's Services"))
        steps = [NRMStep(referred_at, actor, referred, responder)]
        grounds = referred + timedelta(days=rng.randint(2, 5))
        guardian = grounds + timedelta(days=rng.randint(5, 16))
        decided_at = self.ctx.later(london(guardian, time(9)), 0, 6)
        if decided_at > self.ctx.latest:
            return steps
        steps.append(NRMStep(decided_at, actor, referred, responder, grounds, None, guardian))
        conclusive = referred + timedelta(days=rng.randint(110, 220))
        concluded_at = self.ctx.later(london(conclusive, time(9)), 0, 6)
        if rng.random() < 0.9 and concluded_at < self.ctx.latest:
            steps.append(
                NRMStep(concluded_at, actor, referred, responder, grounds, conclusive, guardian)
            )
        return steps
