"""What every part of the demo's case-work planning shares: the plan, the clock and the hub.

The case work has seeded streams of its own (one for who and what, one for times), separate
from the plan's, so the plan is the same with or without it; the parts (screening, cases,
missing episodes, case notes) draw from the same two streams in a fixed order.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from cehub.intake.models import ExploitationForm, NextStep
from cehub.people.models import Gender

from .. import catalogue as cat
from .. import narratives as text
from ..draws import LONDON, SEED, HubHours
from ..networks import NETWORK_BY_KEY
from ..personas import HUB_MANAGER, HUB_PRACTITIONER, INTELLIGENCE_OFFICER
from ..plan.specs import ChildSpec, ConcernPlan, Plan

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


def form_group(child: ChildSpec) -> str:
    """The group of forms (narratives.FORM_GROUPS) a child's safety plan and signposts follow:
    the network's, for a child in one."""
    if child.network:
        return NETWORK_BY_KEY[child.network].screening_form
    return {
        ExploitationForm.CSE: "cse",
        ExploitationForm.CCE: "cce",
        ExploitationForm.TRAFFICKING: "cce",
        ExploitationForm.ONLINE: "online",
    }.get(child.form, "other")


class CaseworkContext:
    """The plan, the moment of loading, the two seeded streams and each child's concerns."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.now = plan.now
        self.latest = plan.now - MARGIN
        self.today = plan.now.astimezone(LONDON).date()
        self.rng = random.Random(SEED + 2)
        # Times come from their own stream, as in the plan: when a story happens must not
        # change who is in it.
        self.clock = random.Random(SEED + 3)
        self.hours = HubHours(self.clock, plan.now)
        self.by_child: dict[int, list[ConcernPlan]] = {}
        for concern in sorted(plan.concerns, key=lambda c: c.at):
            self.by_child.setdefault(concern.child.key, []).append(concern)

    def later(self, start: datetime, least_hours: float, most_hours: float) -> datetime:
        """A moment in the hub's working hours (8am-6pm, Monday to Friday) after ``start``."""
        return self.hours.later(start, least_hours, most_hours)

    def age(self, child: ChildSpec) -> int:
        dob, today = child.date_of_birth, self.today
        return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))

    def fill(self, template: str, child: ChildSpec, **slots: str) -> str:
        return text.fill(template, self.voice(child), **slots)

    @staticmethod
    def voice(child: ChildSpec) -> text.Voice:
        """Workers use the name the child uses."""
        trans = child.gender in {Gender.MAN_OR_BOY, Gender.WOMAN_OR_GIRL}
        name = child.known_as if trans and child.known_as else child.given
        return text.Voice.for_pronouns(name, child.pronouns)

    def is_flagged(self, child: ChildSpec) -> bool:
        """The first children in the county line go missing often in the last month."""
        line = [c.key for c in self.plan.children if c.network == "county-line"]
        return child.key in line[: max(1, round(len(line) * 0.4))]

    def screen_concerns(self, child: ChildSpec) -> list[ConcernPlan]:
        """The child's concerns that triage sent to screening, oldest first."""
        return [
            c
            for c in self.by_child.get(child.key, [])
            if c.triage is not None and c.triage.next_step == NextStep.SCREEN
        ]

    @staticmethod
    def finished(concern: ConcernPlan) -> datetime:
        """When triage of a concern sent to screening was finished."""
        triage = concern.triage
        if triage is None or triage.next_after is None:  # pragma: no cover - screened ones are
            raise RuntimeError("This concern was not triaged to screening")
        return concern.at + triage.next_after
