"""What a score gives back: the level, the score and a reason for each part of it, in the
JSON shape a screening stores and ``screening_score`` prints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class IndicatorReason:
    indicator: str
    label: str
    domain: str
    tier: str
    forms: tuple[str, ...]
    when: str
    confirmed: bool
    points: int
    text: str
    kind: Literal["indicator"] = "indicator"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "indicator": self.indicator,
            "label": self.label,
            "domain": self.domain,
            "tier": self.tier,
            "forms": list(self.forms),
            "when": self.when,
            "confirmed": self.confirmed,
            "points": self.points,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class BandReason:
    level: str
    min: int
    max: int | None
    score: int
    text: str
    kind: Literal["band"] = "band"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "level": self.level,
            "min": self.min,
            "max": self.max,
            "score": self.score,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class OverrideReason:
    override: str
    label: str
    explanation: str
    minimum_level: str
    # True when this rule lifted the level above the band level.
    raised: bool
    indicators: tuple[str, ...]
    text: str
    kind: Literal["override"] = "override"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "override": self.override,
            "label": self.label,
            "explanation": self.explanation,
            "minimum_level": self.minimum_level,
            "raised": self.raised,
            "indicators": list(self.indicators),
            "text": self.text,
        }


type Reason = IndicatorReason | BandReason | OverrideReason


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    tool_id: str
    tool_version: int
    computed_level: str
    score: int
    band_level: str
    reasons: tuple[Reason, ...]

    @property
    def tool_ref(self) -> str:
        return f"{self.tool_id}@{self.tool_version}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``screening_score``."""
        return {
            "tool": self.tool_ref,
            "computed_level": self.computed_level,
            "score": self.score,
            "reasons": [reason.to_dict() for reason in self.reasons],
        }
