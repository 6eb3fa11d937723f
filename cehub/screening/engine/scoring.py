"""Scoring one screening with one tool (the rules are in the package docstring)."""

from __future__ import annotations

from collections.abc import Sequence

from cehub.screening.errors import InvalidAnswerError

from .inputs import Answer, ScreeningInput
from .reasons import BandReason, IndicatorReason, OverrideReason, ScreeningResult
from .tool import Indicator, Tool


def _answered(tool: Tool, answers: Sequence[Answer]) -> list[tuple[Answer, Indicator]]:
    """Resolve answers against the tool, refusing unknown, repeated or badly timed ones."""
    answered: list[tuple[Answer, Indicator]] = []
    seen: set[str] = set()
    for index, answer in enumerate(answers):
        where = f"answers[{index}]"
        indicator = tool.indicators.get(answer.indicator)
        if indicator is None:
            raise InvalidAnswerError(
                f"{where}: unknown indicator {answer.indicator!r} in tool {tool.ref}. "
                "`screening_tool show --json` lists the indicator ids.",
                code="unknown_indicator",
            )
        if answer.indicator in seen:
            raise InvalidAnswerError(
                f"{where}: indicator {answer.indicator!r} is answered more than once; "
                "give each indicator once, with its most recent window.",
                code="duplicate_indicator",
            )
        seen.add(answer.indicator)
        if answer.when not in tool.recency_ids:
            windows = ", ".join(f"{w.id!r} ({w.label.lower()})" for w in tool.recency)
            raise InvalidAnswerError(
                f"{where} ({answer.indicator}): when must be one of {windows}, "
                f"not {answer.when!r}.",
                code="invalid_when",
            )
        answered.append((answer, indicator))
    return answered


def _indicator_reason(tool: Tool, answer: Answer, indicator: Indicator) -> IndicatorReason:
    counted = answer.confirmed or tool.count_suspected
    points = tool.points_for(indicator, answer.when) if counted else 0
    window = next(w for w in tool.recency if w.id == answer.when)
    status = "confirmed" if answer.confirmed else "suspected"
    note = "" if counted else " (this tool does not score suspected indicators)"
    return IndicatorReason(
        indicator=indicator.id,
        label=indicator.label,
        domain=indicator.domain,
        tier=indicator.tier,
        forms=indicator.forms,
        when=answer.when,
        confirmed=answer.confirmed,
        points=points,
        text=(
            f"{indicator.label}: {tool.tiers[indicator.tier].label.lower()}, "
            f"{window.label.lower()}, {status}: {points} point{'' if points == 1 else 's'}"
            f"{note}."
        ),
    )


def score(tool: Tool, screening: ScreeningInput) -> ScreeningResult:
    """Score one screening. Raises :class:`InvalidAnswerError` for a bad answer."""
    answered = _answered(tool, screening.answers)
    indicator_reasons = [_indicator_reason(tool, answer, ind) for answer, ind in answered]
    total = sum(reason.points for reason in indicator_reasons)

    band = tool.band_for(total)
    band_reason = BandReason(
        level=band.level,
        min=band.min,
        max=band.max,
        score=total,
        text=(
            f"Score {total} is in the {band.label} band: "
            f"{tool.level_details[band.level].label.lower()}."
        ),
    )

    level = band.level
    override_reasons: list[OverrideReason] = []
    for rule in tool.overrides:
        fired, matched = rule.condition.evaluate(screening.child, answered)
        if not fired:
            continue
        raised = tool.level_rank(rule.minimum_level) > tool.level_rank(band.level)
        if tool.level_rank(rule.minimum_level) > tool.level_rank(level):
            level = rule.minimum_level
        effect = (
            f"the level is at least {rule.minimum_level} whatever the score"
            if raised
            else f"the score already gives {band.level}, at or above {rule.minimum_level}"
        )
        override_reasons.append(
            OverrideReason(
                override=rule.id,
                label=rule.label,
                explanation=rule.explanation,
                minimum_level=rule.minimum_level,
                raised=raised,
                indicators=matched,
                text=f"{rule.label}: {effect}. {rule.explanation}",
            )
        )

    return ScreeningResult(
        tool_id=tool.id,
        tool_version=tool.version,
        computed_level=level,
        score=total,
        band_level=band.level,
        reasons=(*indicator_reasons, band_reason, *override_reasons),
    )
