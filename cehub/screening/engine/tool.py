"""The tool as the engine holds it: levels, recency windows, tiers, bands, indicators and
override rules, built from a schema-valid definition after the cross-reference checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cehub.screening.errors import ToolDefinitionError

from .definition_checks import definition_problems
from .inputs import Answer, ChildFacts


@dataclass(frozen=True, slots=True)
class LevelDetail:
    label: str
    response: str
    # A GOV.UK tag colour ("orange"): pages colour the level from the tool, never by its name.
    tag_colour: str
    # Whether a screening at this level opens a hub case (or keeps the live one at it).
    opens_case: bool


@dataclass(frozen=True, slots=True)
class Recency:
    id: str
    label: str
    from_months: int
    to_months: int


@dataclass(frozen=True, slots=True)
class Tier:
    id: str
    label: str
    points: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Form:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    domain: str
    tier: str
    forms: tuple[str, ...]
    label: str
    hint: str | None = None
    points: Mapping[str, int] | None = None


@dataclass(frozen=True, slots=True)
class Band:
    level: str
    min: int
    max: int | None

    def contains(self, value: int) -> bool:
        return self.min <= value and (self.max is None or value <= self.max)

    @property
    def label(self) -> str:
        return f"{self.min}+" if self.max is None else f"{self.min}-{self.max}"


@dataclass(frozen=True, slots=True)
class IndicatorCondition:
    """At least ``at_least`` answers whose indicator passes every filter given."""

    forms_any: frozenset[str] | None = None
    tiers_any: frozenset[str] | None = None
    domains_any: frozenset[str] | None = None
    indicators_any: frozenset[str] | None = None
    when_any: frozenset[str] | None = None
    confirmed_only: bool = False
    at_least: int = 1

    def matches(self, indicator: Indicator, answer: Answer) -> bool:
        return (
            (self.forms_any is None or not self.forms_any.isdisjoint(indicator.forms))
            and (self.tiers_any is None or indicator.tier in self.tiers_any)
            and (self.domains_any is None or indicator.domain in self.domains_any)
            and (self.indicators_any is None or indicator.id in self.indicators_any)
            and (self.when_any is None or answer.when in self.when_any)
            and (answer.confirmed or not self.confirmed_only)
        )


@dataclass(frozen=True, slots=True)
class OverrideCondition:
    """Every condition given must hold. Each can only be met by more concern, never less."""

    disclosure: bool = False
    learning_disability: bool = False
    age_at_most: int | None = None
    age_at_least: int | None = None
    indicators: IndicatorCondition | None = None

    def evaluate(
        self, child: ChildFacts, answered: Sequence[tuple[Answer, Indicator]]
    ) -> tuple[bool, tuple[str, ...]]:
        """Whether the rule fires, and the indicators that made it fire."""
        if self.disclosure and not child.disclosure:
            return False, ()
        if self.learning_disability and not child.learning_disability:
            return False, ()
        if self.age_at_most is not None and (child.age is None or child.age > self.age_at_most):
            return False, ()
        if self.age_at_least is not None and (child.age is None or child.age < self.age_at_least):
            return False, ()
        if self.indicators is None:
            return True, ()
        condition = self.indicators
        matched = tuple(ind.id for answer, ind in answered if condition.matches(ind, answer))
        return len(matched) >= condition.at_least, matched


@dataclass(frozen=True, slots=True)
class OverrideRule:
    id: str
    label: str
    condition: OverrideCondition
    minimum_level: str
    explanation: str


@dataclass(frozen=True, repr=False)
class Tool:
    """One version of a screening tool, checked and ready to score with."""

    id: str
    version: int
    name: str
    levels: tuple[str, ...]
    level_details: Mapping[str, LevelDetail]
    recency: tuple[Recency, ...]
    tiers: Mapping[str, Tier]
    count_suspected: bool
    bands: tuple[Band, ...]
    forms: Mapping[str, Form]
    domains: Mapping[str, Domain]
    indicators: Mapping[str, Indicator]
    overrides: tuple[OverrideRule, ...]
    # The parsed file as written, for `screening_tool show --json` and for the record.
    definition: Mapping[str, Any] = field(compare=False, repr=False)
    source: str = field(default="<memory>", compare=False)

    def __repr__(self) -> str:
        # The generated repr runs to thousands of lines (every indicator).
        return f"<Tool {self.ref} from {self.source}>"

    @property
    def ref(self) -> str:
        """``id@version``: what a screening stores to say which tool it used."""
        return f"{self.id}@{self.version}"

    @property
    def recency_ids(self) -> tuple[str, ...]:
        return tuple(window.id for window in self.recency)

    def level_rank(self, level: str) -> int:
        return self.levels.index(level)

    def opens_case(self, level: str) -> bool:
        """Whether a screening whose standing level is ``level`` leads to a hub case."""
        return self.level_details[level].opens_case

    def points_for(self, indicator: Indicator, when: str) -> int:
        points = (
            indicator.points if indicator.points is not None else self.tiers[indicator.tier].points
        )
        return points[when]

    def band_for(self, total: int) -> Band:
        for band in self.bands:
            if band.contains(total):
                return band
        # Unreachable for a checked tool: bands start at 0 and the last is open-ended.
        raise ToolDefinitionError(self.source, [f"no band contains the score {total}"])

    @classmethod
    def from_definition(cls, data: Mapping[str, Any], source: str = "<memory>") -> Tool:
        """Build from a schema-valid definition, running the cross-reference checks.

        Raises :class:`ToolDefinitionError` listing every problem found.
        """
        problems = definition_problems(data)
        if problems:
            raise ToolDefinitionError(source, problems)
        recency_ids = [window["id"] for window in data["recency"]]
        return cls(
            id=data["id"],
            version=data["version"],
            name=data["name"],
            levels=tuple(data["levels"]),
            level_details={
                level: LevelDetail(
                    label=detail["label"],
                    response=detail["response"],
                    tag_colour=detail["tag_colour"],
                    opens_case=detail["opens_case"],
                )
                for level, detail in data["level_details"].items()
            },
            recency=tuple(
                Recency(w["id"], w["label"], w["from_months"], w["to_months"])
                for w in data["recency"]
            ),
            tiers={
                t["id"]: Tier(t["id"], t["label"], {r: t["points"][r] for r in recency_ids})
                for t in data["tiers"]
            },
            count_suspected=data["scoring"]["count_suspected"],
            bands=tuple(Band(b["level"], b["min"], b["max"]) for b in data["bands"]),
            forms={f["id"]: Form(f["id"], f["label"]) for f in data["forms"]},
            domains={d["id"]: Domain(d["id"], d["label"]) for d in data["domains"]},
            indicators={
                i["id"]: Indicator(
                    id=i["id"],
                    domain=i["domain"],
                    tier=i["tier"],
                    forms=tuple(i["forms"]),
                    label=i["label"],
                    hint=i.get("hint"),
                    points=dict(i["points"]) if "points" in i else None,
                )
                for i in data["indicators"]
            },
            overrides=tuple(_override_rule(rule) for rule in data["overrides"]),
            definition=data,
            source=source,
        )


def _override_rule(rule: Mapping[str, Any]) -> OverrideRule:
    when = rule["when"]
    indicators: IndicatorCondition | None = None
    if "indicators" in when:
        spec = when["indicators"]

        def optional_set(key: str) -> frozenset[str] | None:
            return frozenset(spec[key]) if key in spec else None

        indicators = IndicatorCondition(
            forms_any=optional_set("forms_any"),
            tiers_any=optional_set("tiers_any"),
            domains_any=optional_set("domains_any"),
            indicators_any=optional_set("indicators_any"),
            when_any=optional_set("when_any"),
            confirmed_only=spec.get("confirmed_only", False),
            at_least=spec.get("at_least", 1),
        )
    return OverrideRule(
        id=rule["id"],
        label=rule["label"],
        condition=OverrideCondition(
            disclosure=when.get("disclosure", False),
            learning_disability=when.get("learning_disability", False),
            age_at_most=when.get("age_at_most"),
            age_at_least=when.get("age_at_least"),
            indicators=indicators,
        ),
        minimum_level=rule["minimum_level"],
        explanation=rule["explanation"],
    )
