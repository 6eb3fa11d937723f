"""How screenings look on a page: a level as a tag, and the reasons for a computed level.

Every colour and label comes from the screening tool's data (``level_details``), never from
the default tool's level names, so a partnership's own tool (levels ``green``, ``amber``,
``red``, say) shows its own colours. Any app's views may use these (they are not views);
templates use ``{% load screening_levels %}``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cehub.core.errors import ServiceError

from .engine import ChildFacts, Tool
from .models import Screening
from .registry import DEFAULT_TOOL_ID
from .services import child_facts_for, screening_compute, tool_get

if TYPE_CHECKING:
    from cehub.people.models import Person

    from .forms import ScreeningForm


@dataclass(frozen=True)
class LevelTag:
    level: str
    label: str
    # A GOV.UK tag colour from the tool ("orange"), or "" for a level the tool does not know.
    colour: str = ""

    @property
    def classes(self) -> str:
        return f"govuk-tag--{self.colour}" if self.colour else ""


def tool_or_none(ref: str) -> Tool | None:
    """The tool a stored screening used, if it is still installed (its reasons stand alone)."""
    try:
        return tool_get(ref)
    except ServiceError:
        return None


def level_tag(level: str, tool: Tool | None = None) -> LevelTag:
    """``level`` as the tool names and colours it (the latest default tool if none is given)."""
    tool = tool or tool_or_none(DEFAULT_TOOL_ID)
    detail = tool.level_details.get(level) if tool else None
    if detail is None:
        return LevelTag(level=level, label=level.capitalize())
    return LevelTag(level=level, label=detail.label, colour=detail.tag_colour)


@dataclass(frozen=True)
class IndicatorReasonRow:
    indicator: str
    label: str
    tier: str
    when: str
    status: str
    points: int


@dataclass(frozen=True)
class OverrideRow:
    label: str
    explanation: str
    minimum: LevelTag
    raised: bool


@dataclass(frozen=True)
class Explanation:
    """The computed level, the score and the reasons for both, ready for a page."""

    level: LevelTag
    response: str
    score: int
    indicators: list[IndicatorReasonRow]
    band_text: str
    overrides: list[OverrideRow]


def _label(mapping: Mapping[str, Any], key: str) -> str:
    item = mapping.get(key)
    return str(getattr(item, "label", "")) or key.replace("-", " ").capitalize()


def _status(answer_or_reason: Mapping[str, Any]) -> str:
    return "Confirmed" if answer_or_reason.get("confirmed") else "Suspected"


def explain(
    reasons: Sequence[Mapping[str, Any]], *, level: str, score: int, tool: Tool | None
) -> Explanation:
    """Reasons in the engine's JSON shape (stored or fresh) as rows for a page."""
    tiers: Mapping[str, Any] = tool.tiers if tool else {}
    windows: Mapping[str, Any] = {w.id: w for w in tool.recency} if tool else {}
    indicators: list[IndicatorReasonRow] = []
    overrides: list[OverrideRow] = []
    band_text = ""
    for reason in reasons:
        kind = reason.get("kind")
        if kind == "indicator":
            indicators.append(
                IndicatorReasonRow(
                    indicator=str(reason["indicator"]),
                    label=str(reason["label"]),
                    tier=_label(tiers, str(reason["tier"])),
                    when=_label(windows, str(reason["when"])),
                    status=_status(reason),
                    points=int(reason["points"]),
                )
            )
        elif kind == "band":
            band_text = str(reason["text"])
        elif kind == "override":
            overrides.append(
                OverrideRow(
                    label=str(reason["label"]),
                    explanation=str(reason["explanation"]),
                    minimum=level_tag(str(reason["minimum_level"]), tool),
                    raised=bool(reason.get("raised")),
                )
            )
    detail = tool.level_details.get(level) if tool else None
    return Explanation(
        level=level_tag(level, tool),
        response=detail.response if detail else "",
        score=score,
        indicators=indicators,
        band_text=band_text,
        overrides=overrides,
    )


@dataclass(frozen=True)
class AnswerRow:
    label: str
    tier: str
    when: str
    status: str
    points: int | None
    evidence: str


def answer_rows(
    screening: Screening, explanation: Explanation, tool: Tool | None
) -> list[AnswerRow]:
    """A stored screening's answers, each with the points its reason gave."""
    reasons = {row.indicator: row for row in explanation.indicators}
    windows: Mapping[str, Any] = {w.id: w for w in tool.recency} if tool else {}
    rows: list[AnswerRow] = []
    for answer in screening.answers:
        indicator = str(answer.get("indicator", ""))
        reason = reasons.get(indicator)
        rows.append(
            AnswerRow(
                label=reason.label if reason else indicator,
                tier=reason.tier if reason else "",
                when=_label(windows, str(answer.get("when", ""))),
                status=_status(answer),
                points=reason.points if reason else None,
                evidence=str(answer.get("evidence", "")),
            )
        )
    return rows


@dataclass(frozen=True)
class Preview:
    """What the results region shows while the form is being filled in."""

    explanation: Explanation | None = None
    waiting: list[str] = field(default_factory=list)
    disclosure_unanswered: bool = False
    problem: str = ""


def preview(form: ScreeningForm, person: Person) -> Preview:
    """The level the form gives as it stands (complete answers only); saves nothing."""
    given = form.preview()
    try:
        facts = child_facts_for(person, disclosure=bool(given.disclosure))
        result = screening_compute(tool=form.tool, answers=given.answers, facts=facts)
    except ServiceError as error:
        return Preview(problem=str(error))
    return Preview(
        explanation=explain(
            [reason.to_dict() for reason in result.reasons],
            level=result.computed_level,
            score=result.score,
            tool=form.tool,
        ),
        waiting=given.waiting,
        disclosure_unanswered=given.disclosure is None,
    )


def facts_shown(person: Person) -> tuple[ChildFacts | None, str]:
    """The child facts the engine will see, or why they cannot be worked out yet."""
    try:
        return child_facts_for(person, disclosure=False), ""
    except ServiceError as error:
        return None, str(error)
