"""What a score gives back: the level, the score and a reason for each part of it, in the
JSON shape a screening stores and ``screening_score`` prints."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal


class _ReasonJson:
    """A reason as JSON: ``kind`` first, then each field in the order declared, tuples as lists.
    The field order is the contract (stored screenings and ``screening_score`` use it)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": getattr(self, "kind")}  # noqa: B009 - on every subclass
        for field_ in fields(self):  # type: ignore[arg-type]  # every subclass is a dataclass
            if field_.name != "kind":
                value = getattr(self, field_.name)
                data[field_.name] = list(value) if isinstance(value, tuple) else value
        return data


@dataclass(frozen=True, slots=True)
class IndicatorReason(_ReasonJson):
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


@dataclass(frozen=True, slots=True)
class BandReason(_ReasonJson):
    level: str
    min: int
    max: int | None
    score: int
    text: str
    kind: Literal["band"] = "band"


@dataclass(frozen=True, slots=True)
class OverrideReason(_ReasonJson):
    override: str
    label: str
    explanation: str
    minimum_level: str
    # True when this rule lifted the level above the band level.
    raised: bool
    indicators: tuple[str, ...]
    text: str
    kind: Literal["override"] = "override"


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
