"""Loading and validating a language rules file into compiled, typed rules.

Validation happens in two steps so that errors are specific: first the JSON Schema in
``rules/schema.json`` (shape and vocabulary), then cross-references (unknown slots, sources or
evidence kinds, duplicate ids) and compiling every pattern. Everything expensive (inflection,
regex compilation) happens here, once, so that checking a note does none of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import jsonschema
import yaml

from cehub.language.patterns import (
    SEP_RE,
    CompiledPattern,
    PatternCompiler,
    PatternError,
    SlotDef,
)

RULES_DIR = Path(__file__).resolve().parent / "rules"
DEFAULT_RULES_PATH = RULES_DIR / "cehub-language-v1.yaml"
SCHEMA_PATH = RULES_DIR / "schema.json"

Category = Literal[
    "blames_child",
    "implies_consent",
    "minimises_harm",
    "criminalising_or_outdated",
    "at_risk_after_harm",
]
CATEGORIES: tuple[Category, ...] = (
    "blames_child",
    "implies_consent",
    "minimises_harm",
    "criminalising_or_outdated",
    "at_risk_after_harm",
)
SubjectMode = Literal["child", "child_involved", "any"]
NegationMode = Literal["suppress", "flag"]


class RulesError(ValueError):
    """The rules file is missing, unreadable or invalid. The message says where and why."""


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    year: int
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: Category
    patterns: tuple[CompiledPattern, ...]
    explanation: str
    suggestions: tuple[str, ...]
    sources: tuple[str, ...]
    subject: SubjectMode
    negation: NegationMode
    exclude_preceding: re.Pattern[str] | None
    exclude_following: re.Pattern[str] | None
    requires_evidence: tuple[str, ...]
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    name: str
    subject_patterns: tuple[CompiledPattern, ...]
    object_patterns: tuple[CompiledPattern, ...]


@dataclass(frozen=True, slots=True)
class RuleSet:
    id: str
    title: str
    origin: str
    rules: tuple[Rule, ...]
    sources: Mapping[str, Source]
    evidence: Mapping[str, Evidence]
    # One regex over a note finds every person reference; the named group says which kind.
    references: re.Pattern[str]
    negation_cues: frozenset[str]
    negation_stops: frozenset[str]
    negation_window: int
    hedge_cues: frozenset[str]
    hedge_window: int


def load_schema() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def load_ruleset(path: str | Path = DEFAULT_RULES_PATH) -> RuleSet:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"cannot read rules file {path}: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from exc
    return parse_ruleset(data, origin=str(path))


def parse_ruleset(data: object, *, origin: str = "<rules>") -> RuleSet:
    _validate_schema(data, origin)
    doc = cast(dict[str, Any], data)
    slots = {
        name: SlotDef(regex=value["regex"])
        if isinstance(value, dict)
        else SlotDef(patterns=tuple(value))
        for name, value in doc["slots"].items()
    }
    compiler = PatternCompiler(slots)
    sources = {
        sid: Source(sid, s["title"], s["publisher"], s["year"], s.get("url"))
        for sid, s in doc["sources"].items()
    }
    evidence = {
        name: Evidence(
            name,
            _compile_all(compiler, spec["subject_patterns"], f"evidence {name}", origin),
            _compile_all(compiler, spec.get("object_patterns", []), f"evidence {name}", origin),
        )
        for name, spec in doc["evidence"].items()
    }
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in doc["rules"]:
        rule_id = raw["id"]
        where = f"rule {rule_id!r}"
        if rule_id in seen:
            raise RulesError(f"{origin}: {where} is defined twice")
        seen.add(rule_id)
        for sid in raw["source"]:
            if sid not in sources:
                raise RulesError(f"{origin}: {where} cites unknown source {sid!r}")
        for kind in raw.get("requires_evidence", []):
            if kind not in evidence:
                raise RulesError(f"{origin}: {where} requires unknown evidence {kind!r}")
        rules.append(
            Rule(
                id=rule_id,
                category=raw["category"],
                patterns=_compile_all(compiler, raw["patterns"], where, origin),
                explanation=" ".join(raw["explanation"].split()),
                suggestions=tuple(raw["suggestions"]),
                sources=tuple(raw["source"]),
                subject=raw.get("subject", "child"),
                negation=raw.get("negation", "suppress"),
                exclude_preceding=_guard(
                    compiler, raw.get("exclude_preceding"), "before", where, origin
                ),
                exclude_following=_guard(
                    compiler, raw.get("exclude_following"), "after", where, origin
                ),
                requires_evidence=tuple(raw.get("requires_evidence", [])),
                flag_examples=tuple(raw["examples"]["flag"]),
                pass_examples=tuple(raw["examples"].get("pass", [])),
            )
        )
    subjects = doc["subjects"]
    return RuleSet(
        id=doc["id"],
        title=doc["title"],
        origin=origin,
        rules=tuple(rules),
        sources=sources,
        evidence=evidence,
        references=_references_regex(compiler, subjects, origin),
        negation_cues=frozenset(doc["negation"]["cues"]),
        negation_stops=frozenset(doc["negation"]["stops"]),
        negation_window=doc["negation"]["window"],
        hedge_cues=frozenset(doc["hedges"]["cues"]),
        hedge_window=doc["hedges"]["window"],
    )


def _validate_schema(data: object, origin: str) -> None:
    validator = jsonschema.Draft202012Validator(load_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        lines = []
        for error in errors[:10]:
            where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
            lines.append(f"  at {where}: {error.message}")
        more = f"\n  ... and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise RulesError(f"{origin} does not match the rules schema:\n" + "\n".join(lines) + more)


def _compile_all(
    compiler: PatternCompiler, sources: Sequence[str], where: str, origin: str
) -> tuple[CompiledPattern, ...]:
    compiled = []
    for source in sources:
        try:
            compiled.append(compiler.compile(source))
        except PatternError as exc:
            raise RulesError(f"{origin}: {where}: {exc}") from exc
    return tuple(compiled)


def _guard(
    compiler: PatternCompiler,
    sources: Sequence[str] | None,
    side: Literal["before", "after"],
    where: str,
    origin: str,
) -> re.Pattern[str] | None:
    """One regex for a rule's exclude_preceding / exclude_following list.

    "before" is searched in the text just before a match and must end where the match
    starts; "after" is matched at the end of the match.
    """
    if not sources:
        return None
    try:
        body = "|".join(f"(?:{compiler.fragment(s)})" for s in sources)
    except PatternError as exc:
        raise RulesError(f"{origin}: {where}: {exc}") from exc
    if side == "before":
        return re.compile(rf"(?<!\w)(?:{body}){SEP_RE}$", re.IGNORECASE)
    return re.compile(rf"{SEP_RE}(?:{body})(?!\w)", re.IGNORECASE)


_REFERENCE_KINDS = ("adult", "child", "pronoun", "object_pronoun", "other_child", "breaker")


def _references_regex(
    compiler: PatternCompiler, subjects: Mapping[str, Any], origin: str
) -> re.Pattern[str]:
    groups = []
    try:
        for kind in _REFERENCE_KINDS:
            body = "|".join(f"(?:{compiler.fragment(s)})" for s in subjects[kind])
            groups.append(f"(?P<{kind}>(?:{body})(?!\\w))")
    except PatternError as exc:
        raise RulesError(f"{origin}: subjects: {exc}") from exc
    followers = "|".join(re.escape(w) for w in subjects["name_followers"])
    # A capitalised word (case-sensitive even though the rest is not) before a verb: a name.
    groups.append(rf"(?P<name>(?-i:[A-Z][a-z]+)(?:['’]s)?(?=\s+(?:{followers})(?!\w)))")
    # One word-start check up front lets the engine skip the inside of words quickly.
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + ")", re.IGNORECASE)
