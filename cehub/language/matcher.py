"""Find victim-blaming language in case notes.

Pure Python (no Django), so it can run in a view, a form, a management command or a worker.

    >>> from cehub.language.matcher import check
    >>> [f.text for f in check("She keeps putting herself at risk.").findings]
    ['putting herself at risk']

How a note is checked:

1. The words of the note are looked up in an index of *anchors* (one required word form per
   pattern), so only patterns that could match are run.
2. Each candidate pattern's regex runs over the original text, so spans are offsets into it.
3. Each match passes the rule's guards: exclusions just before/after it, the subject guard
   (the same words about an adult are not a finding), negation, and for "at risk" rules a
   statement elsewhere in the note that the harm has already happened.
4. Matches inside quotation marks are someone's own words: they go to ``quoted``.

Steps 1, 2 and the order of guards are here; what the guards ask of the note (its sentences,
clauses, quotations, subjects, negation, evidence) is in ``note.py``.

Offsets are Python string indices (Unicode code points), not UTF-16 units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from cehub.language.loader import (
    DEFAULT_RULES_PATH,
    Category,
    Rule,
    RuleSet,
    load_ruleset,
)
from cehub.language.note import TOKEN_RE, Note
from cehub.language.patterns import CompiledPattern

__all__ = [
    "CheckResult",
    "Finding",
    "LanguageChecker",
    "check",
    "default_checker",
]


@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    text: str
    rule_id: str
    category: Category
    explanation: str
    suggestions: tuple[str, ...]
    # True when the words are negated but the rule flags them anyway (outdated terms).
    negated: bool = False

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the ``language_check`` command and the UI."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category,
            "suggestions": list(self.suggestions),
            "rule": self.rule_id,
            "explanation": self.explanation,
            "negated": self.negated,
        }


@dataclass(frozen=True, slots=True)
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    quoted: list[Finding] = field(default_factory=list)

    @property
    def categories(self) -> set[str]:
        return {f.category for f in self.findings}

    def as_dict(self) -> dict[str, list[dict[str, object]]]:
        return {
            "findings": [f.as_dict() for f in self.findings],
            "quoted": [f.as_dict() for f in self.quoted],
        }


class LanguageChecker:
    """Checks notes against one rule set. Build once (loading compiles everything), reuse."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        # Word form -> the patterns it anchors, each with its position in the rules file.
        self._index: dict[str, list[tuple[int, Rule, CompiledPattern]]] = {}
        self._always: list[tuple[int, Rule, CompiledPattern]] = []
        order = 0
        for rule in ruleset.rules:
            for pattern in rule.patterns:
                entry = (order, rule, pattern)
                order += 1
                if pattern.anchors is None:
                    self._always.append(entry)
                    continue
                for form in pattern.anchors:
                    self._index.setdefault(form, []).append(entry)

    @classmethod
    def from_path(cls, path: str | Path = DEFAULT_RULES_PATH) -> LanguageChecker:
        return cls(load_ruleset(path))

    def check(self, text: str) -> CheckResult:
        if not text or not text.strip():
            return CheckResult()
        candidates = self._candidates(text)
        if not candidates:
            return CheckResult()
        note = Note(text, self.ruleset)
        matches: list[tuple[int, int, int, Rule, bool]] = []
        rejected: list[tuple[int, int, str]] = []
        for order, rule, pattern in candidates:
            for match in pattern.regex.finditer(text):
                start, end = match.span()
                if start == end:
                    continue
                accepted = self._accept(rule, note, start, end)
                if accepted is None:
                    rejected.append((start, end, rule.id))
                else:
                    matches.append((start, end, order, rule, accepted))
        if rejected:
            # A guard that rejects "no such thing as a child prostitute" also rejects the
            # shorter "prostitute" that another pattern of the same rule finds inside it.
            spans: dict[str, list[tuple[int, int]]] = {}
            for r_start, r_end, r_id in rejected:
                spans.setdefault(r_id, []).append((r_start, r_end))
            matches = [
                m
                for m in matches
                if not any(s <= m[0] and m[1] <= e for s, e in spans.get(m[3].id, ()))
            ]
        findings: list[Finding] = []
        quoted: list[Finding] = []
        for start, end, _, rule, negated in _resolve_overlaps(matches):
            finding = Finding(
                start=start,
                end=end,
                text=text[start:end],
                rule_id=rule.id,
                category=rule.category,
                explanation=rule.explanation,
                suggestions=rule.suggestions,
                negated=negated,
            )
            (quoted if note.quote_region(start) is not None else findings).append(finding)
        return CheckResult(findings=findings, quoted=quoted)

    def _candidates(self, text: str) -> list[tuple[int, Rule, CompiledPattern]]:
        found: dict[int, tuple[int, Rule, CompiledPattern]] = {}
        index = self._index
        for word in set(TOKEN_RE.findall(text.lower().replace("’", "'"))):
            entries = index.get(word)
            if entries:
                for entry in entries:
                    found[entry[0]] = entry
        for entry in self._always:
            found[entry[0]] = entry
        # Rule-file order, so that ties between equal spans are resolved predictably.
        return [found[k] for k in sorted(found)]

    def _accept(self, rule: Rule, note: Note, start: int, end: int) -> bool | None:
        """None when a guard rejects the match, else whether the match is negated."""
        text = note.text
        sentence_start = note.clause_start(start)
        if rule.exclude_preceding is not None:
            window = text[max(sentence_start, start - 120) : start]
            if rule.exclude_preceding.search(window):
                return None
        if rule.exclude_following is not None and rule.exclude_following.match(text, end):
            return None
        if rule.subject == "child" and note.subject_kind(start) == "adult":
            return None
        if (
            rule.subject == "child_involved"
            and note.subject_kind(start) == "adult"
            and note.object_kind(end) == "adult"
        ):
            return None
        negated = note.is_negated(start)
        if negated and rule.negation == "suppress":
            return None
        if rule.requires_evidence and not any(
            note.has_evidence(kind) for kind in rule.requires_evidence
        ):
            return None
        return negated


def _resolve_overlaps(
    matches: list[tuple[int, int, int, Rule, bool]],
) -> list[tuple[int, int, int, Rule, bool]]:
    """Merge overlapping matches of one rule; drop a match inside a longer one of its category.

    Different categories may overlap ("chooses to associate with older males" both blames the
    child and implies consent), so both are kept.
    """
    matches.sort(key=lambda m: (m[0], -(m[1] - m[0]), m[2]))
    merged: list[tuple[int, int, int, Rule, bool]] = []
    active: list[int] = []  # indices into merged whose span may still overlap what comes next
    for match in matches:
        start, end, _order, rule, negated = match
        active = [i for i in active if merged[i][1] > start]
        for i in active:
            k_start, k_end, k_order, k_rule, k_negated = merged[i]
            if k_rule.id == rule.id:
                merged[i] = (k_start, max(k_end, end), k_order, k_rule, k_negated and negated)
                break
            if k_rule.category == rule.category and end <= k_end:
                break
        else:
            merged.append(match)
            active.append(len(merged) - 1)
    return sorted(merged, key=lambda m: (m[0], m[1]))


@cache
def default_checker() -> LanguageChecker:
    """The checker for the rules shipped with CE Hub, loaded once per process."""
    return LanguageChecker.from_path(DEFAULT_RULES_PATH)


def check(text: str) -> CheckResult:
    """Check one note with the default rules."""
    return default_checker().check(text)
