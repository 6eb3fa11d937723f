"""The screening engine: a tool definition plus answers and child facts give a level.

Pure and typed: standard library only, no Django, no database, no I/O. Tool files are
read and schema-checked by :mod:`cehub.screening.registry`, which hands the parsed data to
:meth:`Tool.from_definition` for the semantic checks done here.

Scoring (every number comes from the tool, none from this code):

1. Each answer scores the points of its indicator's tier for its recency window (or the
   indicator's own points); a suspected answer scores 0 if the tool says
   ``count_suspected: false``.
2. The total falls in exactly one band, which gives the band level.
3. Each override whose conditions all hold sets a minimum level; the computed level is the
   highest of the band level and those minimums.

Points are never negative, bands rise with the score and overrides only raise, so adding
an answer can never lower the score or the level.

The only child facts the engine accepts are age, learning disability and disclosure.
Protected characteristics (ethnicity, sex, religion, ...) are refused by name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Final, Literal

from cehub.screening.errors import (
    InvalidAnswerError,
    InvalidChildFactsError,
    InvalidInputError,
    ProtectedCharacteristicError,
    ToolDefinitionError,
)

__all__ = [
    "CHILD_FACT_KEYS",
    "MAX_CHILD_AGE",
    "Answer",
    "Band",
    "BandReason",
    "ChildFacts",
    "Domain",
    "Form",
    "Indicator",
    "IndicatorCondition",
    "IndicatorReason",
    "LevelDetail",
    "OverrideCondition",
    "OverrideReason",
    "OverrideRule",
    "Reason",
    "Recency",
    "ScreeningInput",
    "ScreeningResult",
    "Tier",
    "Tool",
    "is_protected_characteristic",
    "score",
]

CHILD_FACT_KEYS: Final = ("age", "learning_disability", "disclosure")
ANSWER_KEYS: Final = ("indicator", "when", "confirmed")
INPUT_KEYS: Final = ("answers", "child")
# CE Hub works with children (under 18); transitional safeguarding can run to 25.
MAX_CHILD_AGE: Final = 25

# Protected characteristics (Equality Act 2010) and common names for them. Age and
# learning disability are deliberately absent: the published overrides use them, as
# measures of vulnerability, and they are the only characteristics the engine sees.
_PROTECTED_WORDS: Final = frozenset(
    {
        "belief",
        "beliefs",
        "caste",
        "civil_partnership",
        "color",
        "colour",
        "disabilities",
        "disability",
        "disabled",
        "ethnic",
        "ethnicity",
        "faith",
        "gender",
        "marital",
        "marriage",
        "married",
        "maternity",
        "national_origin",
        "nationality",
        "orientation",
        "pregnancy",
        "pregnant",
        "race",
        "racial",
        "religion",
        "religious",
        "sex",
        "sexual_orientation",
        "sexuality",
        "trans",
        "transgender",
    }
)


def _normalise_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.strip().lower()).strip("_")


def is_protected_characteristic(key: str) -> bool:
    """Whether a key names a protected characteristic (``"Ethnicity"``, ``"child_sex"``, ...)."""
    normalised = _normalise_key(key)
    if normalised in _PROTECTED_WORDS:
        return True
    words = normalised.split("_")
    pairs = {f"{a}_{b}" for a, b in itertools.pairwise(words)}
    return bool(_PROTECTED_WORDS.intersection(words) or _PROTECTED_WORDS.intersection(pairs))


def _check_keys(data: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    """Refuse unknown keys; name protected characteristics as such."""
    for key in data:
        if not isinstance(key, str):
            raise InvalidInputError(f"{where}: keys must be strings, not {key!r}.")
        if key in allowed:
            continue
        if is_protected_characteristic(key):
            raise ProtectedCharacteristicError(key, where, allowed)
        error = InvalidChildFactsError if where == "child" else InvalidInputError
        raise error(
            f"{where}: unknown key {key!r}. Accepted here: {', '.join(allowed)}.",
            code="unknown_child_fact" if where == "child" else "unknown_key",
        )


def _mapping(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidInputError(f"{where} must be a JSON object, not {_type_name(value)}.")
    return value


def _type_name(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a decimal number", str: "a string"}
    if value is None:
        return "null"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return names.get(type(value), type(value).__name__)


# --- Input -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChildFacts:
    """The only facts about a child that reach the engine.

    There is no field for any protected characteristic, and :meth:`from_mapping` refuses
    unknown keys, so ethnicity, sex, religion and the like cannot influence a level.
    ``age`` is ``None`` when unknown: the age override then does not fire.
    """

    age: int | None
    learning_disability: bool
    disclosure: bool

    def __post_init__(self) -> None:
        if self.age is not None:
            if isinstance(self.age, bool) or not isinstance(self.age, int):
                raise InvalidChildFactsError(
                    f"child.age must be a whole number or null, not {_type_name(self.age)}.",
                    code="invalid_age",
                )
            if not 0 <= self.age <= MAX_CHILD_AGE:
                raise InvalidChildFactsError(
                    f"child.age must be between 0 and {MAX_CHILD_AGE}, not {self.age}.",
                    code="invalid_age",
                )
        for name in ("learning_disability", "disclosure"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise InvalidChildFactsError(
                    f"child.{name} must be true or false, not {_type_name(value)}."
                )

    @classmethod
    def from_mapping(cls, data: object) -> ChildFacts:
        facts = _mapping(data, "child")
        _check_keys(facts, CHILD_FACT_KEYS, "child")
        missing = [key for key in CHILD_FACT_KEYS if key not in facts]
        if missing:
            # Required on purpose: a forgotten "disclosure" must not quietly mean "no".
            raise InvalidChildFactsError(
                f"child: missing {', '.join(repr(key) for key in missing)}. Give every one of "
                f"{', '.join(CHILD_FACT_KEYS)} (age may be null when unknown)."
            )
        return cls(
            age=facts["age"],
            learning_disability=facts["learning_disability"],
            disclosure=facts["disclosure"],
        )

    def to_dict(self) -> dict[str, Any]:
        return {field_.name: getattr(self, field_.name) for field_ in fields(self)}


@dataclass(frozen=True, slots=True)
class Answer:
    """One ticked indicator: which, when it was last seen, and whether it is confirmed."""

    indicator: str
    when: str
    confirmed: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.indicator, str) or not self.indicator:
            raise InvalidAnswerError(
                f"answer indicator must be a non-empty string, not {_type_name(self.indicator)}."
            )
        if not isinstance(self.when, str):
            raise InvalidAnswerError(
                f"answer {self.indicator!r}: when must be a string, not {_type_name(self.when)}.",
                code="invalid_when",
            )
        if not isinstance(self.confirmed, bool):
            raise InvalidAnswerError(
                f"answer {self.indicator!r}: confirmed must be true or false, "
                f"not {_type_name(self.confirmed)}."
            )

    @classmethod
    def from_mapping(cls, data: object, index: int) -> Answer:
        where = f"answers[{index}]"
        answer = _mapping(data, where)
        _check_keys(answer, ANSWER_KEYS, where)
        for key in ("indicator", "when"):
            if key not in answer:
                raise InvalidAnswerError(f"{where}: missing {key!r}.")
        try:
            # "confirmed" may be left out: an unconfirmed answer is a suspected one.
            return cls(answer["indicator"], answer["when"], answer.get("confirmed", False))
        except InvalidAnswerError as error:
            raise InvalidAnswerError(f"{where}: {error.message}", code=error.code) from None

    def to_dict(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "when": self.when, "confirmed": self.confirmed}


@dataclass(frozen=True, slots=True)
class ScreeningInput:
    answers: tuple[Answer, ...]
    child: ChildFacts

    @classmethod
    def from_mapping(cls, data: object) -> ScreeningInput:
        """Build from parsed JSON: ``{"answers": [...], "child": {...}}``."""
        payload = _mapping(data, "input")
        _check_keys(payload, INPUT_KEYS, "input")
        if "answers" not in payload:
            raise InvalidInputError("input: missing 'answers' (a list, which may be empty).")
        if "child" not in payload:
            raise InvalidChildFactsError(
                "input: missing 'child' (an object with age, learning_disability, disclosure)."
            )
        answers = payload["answers"]
        if not isinstance(answers, list):
            raise InvalidInputError(f"answers must be a list, not {_type_name(answers)}.")
        return cls(
            answers=tuple(Answer.from_mapping(item, i) for i, item in enumerate(answers)),
            child=ChildFacts.from_mapping(payload["child"]),
        )


# --- Tool definition ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LevelDetail:
    label: str
    response: str


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
        problems = _semantic_problems(data)
        if problems:
            raise ToolDefinitionError(source, problems)
        recency_ids = [window["id"] for window in data["recency"]]
        return cls(
            id=data["id"],
            version=data["version"],
            name=data["name"],
            levels=tuple(data["levels"]),
            level_details={
                level: LevelDetail(label=detail["label"], response=detail["response"])
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


def _duplicates(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    repeated: list[str] = []
    for item in ids:
        if item in seen and item not in repeated:
            repeated.append(item)
        seen.add(item)
    return repeated


def _semantic_problems(data: Mapping[str, Any]) -> list[str]:
    """Cross-reference checks a JSON Schema cannot express. Returns every problem found."""
    problems: list[str] = []
    levels: list[str] = list(data["levels"])
    level_set = set(levels)

    details = set(data["level_details"])
    if missing := [level for level in levels if level not in details]:
        problems.append(f"level_details: no entry for level(s) {', '.join(missing)}")
    if extra := sorted(details - level_set):
        problems.append(f"level_details: {', '.join(extra)} not in levels")

    for section in ("recency", "tiers", "forms", "domains", "indicators", "overrides"):
        for repeated in _duplicates(item["id"] for item in data[section]):
            problems.append(f"{section}: id {repeated!r} is used more than once")

    recency_ids = [window["id"] for window in data["recency"]]
    previous_end = 0
    for window in data["recency"]:
        if window["from_months"] >= window["to_months"]:
            problems.append(f"recency {window['id']!r}: from_months must be less than to_months")
        if window["from_months"] < previous_end:
            problems.append(
                f"recency {window['id']!r}: overlaps the window before it "
                "(list windows most recent first)"
            )
        previous_end = window["to_months"]

    def check_points(points: Mapping[str, int], where: str) -> None:
        if missing := [r for r in recency_ids if r not in points]:
            problems.append(f"{where}: no points for recency {', '.join(missing)}")
        if extra := sorted(set(points) - set(recency_ids)):
            problems.append(f"{where}: points for unknown recency {', '.join(extra)}")

    for tier in data["tiers"]:
        check_points(tier["points"], f"tier {tier['id']!r}")

    tier_ids = {tier["id"] for tier in data["tiers"]}
    form_ids = {form["id"] for form in data["forms"]}
    domain_ids = {domain["id"] for domain in data["domains"]}
    indicator_ids = {indicator["id"] for indicator in data["indicators"]}
    used_domains: set[str] = set()
    for indicator in data["indicators"]:
        where = f"indicator {indicator['id']!r}"
        used_domains.add(indicator["domain"])
        if indicator["domain"] not in domain_ids:
            problems.append(f"{where}: unknown domain {indicator['domain']!r}")
        if indicator["tier"] not in tier_ids:
            problems.append(f"{where}: unknown tier {indicator['tier']!r}")
        if unknown := [form for form in indicator["forms"] if form not in form_ids]:
            problems.append(f"{where}: unknown form(s) {', '.join(unknown)}")
        if "points" in indicator:
            check_points(indicator["points"], where)
    for domain in data["domains"]:
        if domain["id"] not in used_domains:
            problems.append(f"domain {domain['id']!r} has no indicators")

    problems.extend(_band_problems(data["bands"], levels))

    references = {
        "forms_any": form_ids,
        "tiers_any": tier_ids,
        "domains_any": domain_ids,
        "indicators_any": indicator_ids,
        "when_any": set(recency_ids),
    }
    for rule in data["overrides"]:
        where = f"override {rule['id']!r}"
        if rule["minimum_level"] not in level_set:
            problems.append(f"{where}: unknown minimum_level {rule['minimum_level']!r}")
        when = rule["when"]
        low, high = when.get("age_at_least"), when.get("age_at_most")
        if low is not None and high is not None and low > high:
            problems.append(f"{where}: age_at_least is greater than age_at_most")
        for key, known in references.items():
            if unknown := [v for v in when.get("indicators", {}).get(key, []) if v not in known]:
                problems.append(f"{where}: {key} names unknown {', '.join(unknown)}")
    return problems


def _band_problems(bands: Sequence[Mapping[str, Any]], levels: Sequence[str]) -> list[str]:
    problems: list[str] = []
    expected_min: int | None = 0
    previous_rank = -1
    for index, band in enumerate(bands):
        where = f"band {index + 1} ({band['level']})"
        last = index == len(bands) - 1
        if band["level"] not in levels:
            problems.append(f"{where}: unknown level {band['level']!r}")
        else:
            rank = levels.index(band["level"])
            if rank <= previous_rank:
                problems.append(f"{where}: bands must rise through the levels in order")
            previous_rank = rank
        if expected_min is not None and band["min"] != expected_min:
            start = "start at 0" if index == 0 else f"start at {expected_min}"
            problems.append(f"{where}: must {start} so that bands are contiguous")
        if band["max"] is None:
            if not last:
                problems.append(f"{where}: only the last band may be open-ended (max null)")
            expected_min = None
        else:
            if band["max"] < band["min"]:
                problems.append(f"{where}: max is less than min")
            if last:
                problems.append(f"{where}: the last band must be open-ended (max null)")
            expected_min = band["max"] + 1
    return problems


# --- Result ------------------------------------------------------------------------------


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


# --- Scoring -----------------------------------------------------------------------------


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
