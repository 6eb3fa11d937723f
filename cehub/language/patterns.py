"""The small pattern language used by the language rules, compiled to regular expressions.

A pattern is a sequence of items separated by spaces:

``put``            a lemma: matches every inflection (put, puts, putting), via ``lemminflect``
``=put``           exactly this word form, no inflections ("co-operative" = "co operative")
``(at|in|into)``   alternatives; each alternative is itself a sequence (``(go back|return)``)
``item?``          the item is optional
``{0,2}``          a gap of 0 to 2 arbitrary words (word-order tolerance); ``{2}`` = exactly 2
``{REFLEXIVE}``    a named slot defined in the rules file (a list of patterns, or a raw regex)

Words are matched case-insensitively with word boundaries. Fixed words may be separated by
whitespace, a hyphen, a slash or a comma ("risk-taking", "him/herself", "partner, who is");
gap words are separated by whitespace or hyphens only, so a gap never crosses a comma.
Inflections are generated when the rules are loaded (not looked up per note): the spaCy-free
lookup lemmatisers we tried mangle forms such as "putting" -> "putt", whereas generating the
forms of a known lemma is exact.

Every compiled pattern also records its *anchors*: a set of word forms, one of which must
appear in a note for the pattern to have any chance of matching. The checker uses them to skip
patterns cheaply, which is what makes thousands of notes per second possible.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllInflections

# A word in a note: letters/digits, with internal apostrophes ("didn't", "harm's").
WORD_RE = r"[^\W_]+(?:['’][^\W_]+)*"
# Between two fixed words of a pattern.
SEP_RE = r"(?:\s*[,\-‐‑–/]\s*|\s+)"
# Between the words of a gap (never a comma: "her mother, an adult" must not bridge).
GAP_SEP_RE = r"(?:\s*[\-‐‑–/]\s*|\s+)"

# Anchor choice prefers rare words: a pattern anchored on "herself" runs far less often than
# one anchored on "put". Function words are worst; frequent content words in case notes next.
_FUNCTION_WORDS = frozenset(
    """a an the to of at in on into for with by from and or but as is are was were be been
    being am has have had having do does did her his their its she he they him them it this
    that who which not no own very really some any""".split()  # noqa: SIM905 - a word list
)
_FREQUENT_WORDS = frozenset(
    """make makes made making go goes went gone going get gets got getting take takes took
    taken taking put puts putting give gives gave given come comes came see sees saw seen
    know knows knew known say says said tell tells told work works worked working run runs
    ran running use uses used using find found keep keeps kept stay stays stayed look looks
    looked want wants wanted like likes liked time times people person man men woman women
    child children young risk risks school home mum dad mother father police staff
    social worker plan meeting""".split()  # noqa: SIM905 - a word list
)

_TOKEN_RE = re.compile(
    r"\s*(?:(?P<gap>\{\d+(?:,\d+)?\})|(?P<slot>\{[A-Z][A-Z0-9_]*\})|(?P<open>\()"
    r"|(?P<close>\))|(?P<bar>\|)|(?P<opt>\?)|(?P<word>=?[^\s(){}|?=]+))"
)
_VALID_WORD_RE = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*")
_MAX_GAP = 6


class PatternError(ValueError):
    """A pattern (or slot) is not valid in the pattern language."""


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    source: str
    regex: re.Pattern[str]
    # None when no required word can be found statically (then the pattern always runs).
    anchors: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class SlotDef:
    """A named slot: either alternative patterns or one raw regular expression."""

    patterns: tuple[str, ...] = ()
    regex: str | None = None


@lru_cache(maxsize=4096)
def lemma_forms(lemma: str) -> frozenset[str]:
    """Every inflected form of ``lemma`` (all parts of speech), including the lemma itself."""
    forms = {lemma}
    for variants in getAllInflections(lemma).values():
        forms.update(v.lower() for v in variants)
    return frozenset(forms)


def normalise_token(token: str) -> str:
    return token.lower().replace("’", "'")


# --- parsing -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Word:
    forms: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Slot:
    name: str


@dataclass(frozen=True, slots=True)
class _Gap:
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class _Group:
    alternatives: tuple[_Seq, ...]


@dataclass(frozen=True, slots=True)
class _Item:
    node: _Word | _Slot | _Gap | _Group
    optional: bool


@dataclass(frozen=True, slots=True)
class _Seq:
    items: tuple[_Item, ...]


def _tokenise(source: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    stripped = source.rstrip()
    while pos < len(stripped):
        match = _TOKEN_RE.match(stripped, pos)
        if match is None or match.end() == pos:
            raise PatternError(f"cannot read pattern {source!r} at {stripped[pos:]!r}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(self, source: str, inflect: Callable[[str], frozenset[str]]) -> None:
        self.source = source
        self.tokens = _tokenise(source)
        self.pos = 0
        self.inflect = inflect

    def error(self, message: str) -> PatternError:
        return PatternError(f"pattern {self.source!r}: {message}")

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def parse(self) -> _Seq:
        seq = self.sequence()
        if self.pos != len(self.tokens):
            raise self.error(f"unexpected {self.tokens[self.pos][1]!r}")
        return seq

    def sequence(self) -> _Seq:
        items: list[_Item] = []
        while self.peek() not in (None, "bar", "close"):
            node = self.atom()
            optional = False
            if self.peek() == "opt":
                self.pos += 1
                optional = True
                if isinstance(node, _Gap):
                    raise self.error("a gap cannot be optional; use {0,n}")
            items.append(_Item(node, optional))
        if not items:
            raise self.error("empty sequence")
        if isinstance(items[0].node, _Gap) or isinstance(items[-1].node, _Gap):
            raise self.error("a pattern cannot start or end with a gap")
        if all(item.optional for item in items):
            raise self.error("every item is optional, so it would match nothing")
        return _Seq(tuple(items))

    def atom(self) -> _Word | _Slot | _Gap | _Group:
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "word":
            exact = value.startswith("=")
            word = value.lstrip("=").lower()
            if "-" in word.strip("-"):
                # "co-operative" is written as two words joined by a hyphen; match the parts.
                parts = word.split("-")
                if not all(_VALID_WORD_RE.fullmatch(p) for p in parts):
                    raise self.error(f"{value!r} is not a word (letters, digits, apostrophes)")
                words = tuple(_Item(_Word(frozenset({p.replace("’", "'")})), False) for p in parts)
                return _Group((_Seq(words),))
            if not _VALID_WORD_RE.fullmatch(word):
                raise self.error(f"{value!r} is not a word (letters, digits, apostrophes)")
            plain = word.replace("’", "'")
            if exact or "'" in plain or plain.isdigit():
                return _Word(frozenset({plain}))
            return _Word(self.inflect(plain))
        if kind == "slot":
            return _Slot(value[1:-1])
        if kind == "gap":
            low, _, high = value[1:-1].partition(",")
            lo, hi = int(low), int(high or low)
            if lo > hi or hi > _MAX_GAP:
                raise self.error(f"gap {value} must be {{m,n}} with m <= n <= {_MAX_GAP}")
            return _Gap(lo, hi)
        if kind == "open":
            alternatives = [self.sequence()]
            while self.peek() == "bar":
                self.pos += 1
                alternatives.append(self.sequence())
            if self.peek() != "close":
                raise self.error("missing ')'")
            self.pos += 1
            return _Group(tuple(alternatives))
        raise self.error(f"unexpected {value!r}")


# --- compiling -----------------------------------------------------------------------------


class PatternCompiler:
    """Compiles patterns against a fixed set of slots, caching slot expansions."""

    def __init__(
        self,
        slots: Mapping[str, SlotDef],
        inflect: Callable[[str], frozenset[str]] = lemma_forms,
    ) -> None:
        self.slots = dict(slots)
        self.inflect = inflect
        self._slot_cache: dict[str, tuple[str, frozenset[str] | None]] = {}
        self._resolving: set[str] = set()

    def compile(self, source: str, *, flags: int = re.IGNORECASE) -> CompiledPattern:
        seq = _Parser(source, self.inflect).parse()
        body, anchors = self._seq(seq, source)
        regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)
        return CompiledPattern(source=source, regex=regex, anchors=anchors)

    def fragment(self, source: str) -> str:
        """The regex body of a pattern, without boundaries (for building guard regexes)."""
        body, _ = self._seq(_Parser(source, self.inflect).parse(), source)
        return body

    def _slot(self, name: str, source: str) -> tuple[str, frozenset[str] | None]:
        if name in self._slot_cache:
            return self._slot_cache[name]
        if name not in self.slots:
            raise PatternError(f"pattern {source!r}: unknown slot {{{name}}}")
        if name in self._resolving:
            raise PatternError(f"slot {{{name}}} refers to itself")
        self._resolving.add(name)
        try:
            slot = self.slots[name]
            if slot.regex is not None:
                try:
                    re.compile(slot.regex)
                except re.error as exc:
                    raise PatternError(f"slot {{{name}}}: invalid regex: {exc}") from exc
                result: tuple[str, frozenset[str] | None] = (f"(?:{slot.regex})", None)
            else:
                parts = [self._seq(_Parser(p, self.inflect).parse(), p) for p in slot.patterns]
                result = _alternation(parts)
        finally:
            self._resolving.discard(name)
        self._slot_cache[name] = result
        return result

    def _node(
        self, node: _Word | _Slot | _Gap | _Group, source: str
    ) -> tuple[str, frozenset[str] | None]:
        if isinstance(node, _Word):
            alts = sorted(node.forms, key=lambda f: (-len(f), f))
            body = "|".join(re.escape(f).replace("'", "['’]") for f in alts)
            return f"(?:{body})", node.forms
        if isinstance(node, _Slot):
            return self._slot(node.name, source)
        if isinstance(node, _Group):
            return _alternation([self._seq(alt, source) for alt in node.alternatives])
        raise AssertionError("gaps are compiled by _seq")

    def _seq(self, seq: _Seq, source: str) -> tuple[str, frozenset[str] | None]:
        out: list[str] = []
        started = False  # has a required (non-optional) item been emitted yet?
        candidates: list[frozenset[str]] = []
        for item in seq.items:
            node = item.node
            if isinstance(node, _Gap):
                if not started:
                    raise PatternError(f"pattern {source!r}: a gap must follow a required word")
                out.append(f"(?:{GAP_SEP_RE}{WORD_RE}){{{node.low},{node.high}}}")
                continue
            body, anchors = self._node(node, source)
            if not item.optional and anchors is not None:
                candidates.append(anchors)
            if not started:
                if item.optional:
                    out.append(f"(?:{body}{SEP_RE})?")
                else:
                    out.append(body)
                    started = True
            else:
                out.append(f"(?:{SEP_RE}{body})" + ("?" if item.optional else ""))
        return "".join(out), _best_anchor(candidates)


def _best_anchor(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    if not candidates:
        return None

    def cost(forms: frozenset[str]) -> int:
        return sum(
            1000 if f in _FUNCTION_WORDS else 10 if f in _FREQUENT_WORDS else 1 for f in forms
        )

    return min(candidates, key=cost)


def _alternation(
    parts: list[tuple[str, frozenset[str] | None]],
) -> tuple[str, frozenset[str] | None]:
    """Any one of the compiled parts. Its anchors are the union of theirs; unknown (None) as
    soon as one part's are, since a match could then start anywhere."""
    anchors: set[str] | None = set()
    for _, part_anchors in parts:
        if part_anchors is None or anchors is None:
            anchors = None
        else:
            anchors |= part_anchors
    body = "|".join(part for part, _ in parts)
    return f"(?:{body})", frozenset(anchors) if anchors is not None else None
