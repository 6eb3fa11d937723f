"""What the demo's case work is made of: each child's story after triage, step by step, and the
missing episodes and disruption around it. Plain dataclasses, planned by ``planner.py`` and
written through the services by ``loader.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from cehub.cases.missing.services import MissingEpisodeInput
from cehub.cases.models import (
    CaseNoteKind,
    ClosureOutcome,
    DisruptionKind,
    DisruptionStatus,
    InterviewAcceptance,
)
from cehub.screening.services import AnswerInput, tool_get

from ..plan.specs import ChildSpec, ConcernPlan

# The screening tool's levels, lowest first.
LEVELS = ("none", "low", "medium", "high")


@cache
def case_rank() -> int:
    """The rank in LEVELS of the lowest level that opens a case: the tool's data decides, as it
    does in screening.services, so the demo plans the cases the loader will really open."""
    tool = tool_get()
    return next(rank for rank, level in enumerate(LEVELS) if tool.opens_case(level))


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
