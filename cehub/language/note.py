"""Reading one note: its sentences, clauses and quotations, who a phrase is about, what is
negated or hedged, and what the note says has already happened.

The matcher (``matcher.py``) finds candidate phrases; the guards of every rule ask these
questions of the note, so the answers are worked out once per note, lazily, and shared.
Offsets are Python string indices into the note's text.
"""

from __future__ import annotations

import bisect
import re

from cehub.language.loader import RuleSet
from cehub.language.patterns import normalise_token

# A word: letters and digits, with inner apostrophes ("didn't", "Jade’s").
TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Sentence ends: terminal punctuation (with any closing quote/bracket) then space, or a newline.
_BOUNDARY_RE = re.compile(r"[.!?;]+[\"'”’)\]]*(?=\s|$)|\n")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "no", "prof", "eg", "ie", "etc", "pc"})
_CLAUSE_PUNCT_RE = re.compile(r"[,;:()\[\]—–]|\s-\s")
# Straight single quotes: an opening one starts a word, a closing one ends it.
_SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{:—–\-\"“]))'(?=[^\W_])")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[^\s'])'(?![^\W_])")
_CURLY_SINGLE_CLOSE_RE = re.compile(r"’(?![^\W_])")
_OTHER_REFS = frozenset({"other_child"})
# A reference right after a preposition (and up to two more words) is not a subject.
_AFTER_PREPOSITION_RE = re.compile(
    r"(?<!\w)(?:by|with|from|to|for|of|at|about|than|like|towards|against|between|among"
    r"|around|near|alongside|via)\s+(?:[^\W_]+(?:['’][^\W_]+)*\s+){0,2}$",
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(
    r"(?<!\w)who(?:\s+(?:is|are|was|were|has|have|had|been|being|also|now|then|often|regularly))*\s*$",
    re.IGNORECASE,
)
_KIND_TO_SUBJECT = {"adult": "adult", "other_child": "other"}
_LAST_WORD_RE = re.compile(r"([^\W_]+(?:['’][^\W_]+)*)\s*$")


class Note:
    """Lazily computed facts about one note, shared by the guards of all its matches."""

    def __init__(self, text: str, ruleset: RuleSet) -> None:
        self.text = text
        self.ruleset = ruleset
        self._quotes: list[tuple[int, int]] | None = None
        self._quote_starts: list[int] = []
        self._boundaries: list[int] | None = None
        # Person references, found one sentence at a time (keyed by sentence start).
        self._refs: dict[int, tuple[list[tuple[int, int, str]], list[int]]] = {}
        self._evidence: dict[str, bool] = {}

    # --- quotation marks ----------------------------------------------------------------

    def quote_region(self, pos: int) -> tuple[int, int] | None:
        if self._quotes is None:
            self._quotes = quote_regions(self.text)
            self._quote_starts = [q[0] for q in self._quotes]
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and pos < self._quotes[i][1]:
            return self._quotes[i]
        return None

    # --- sentences and clauses ----------------------------------------------------------

    def _sentence_ends(self) -> list[int]:
        if self._boundaries is None:
            self._boundaries = []
            for match in _BOUNDARY_RE.finditer(self.text):
                if match.group().startswith("."):
                    before = TOKEN_RE.findall(self.text[max(0, match.start() - 6) : match.start()])
                    if before and before[-1].lower() in _ABBREVIATIONS:
                        continue
                self._boundaries.append(match.end())
        return self._boundaries

    def sentence_start(self, pos: int) -> int:
        ends = self._sentence_ends()
        i = bisect.bisect_right(ends, pos) - 1
        return ends[i] if i >= 0 else 0

    def _sentence_end(self, pos: int) -> int:
        ends = self._sentence_ends()
        i = bisect.bisect_right(ends, pos)
        return ends[i] if i < len(ends) else len(self.text)

    def clause_start(self, pos: int) -> int:
        """Start of the sentence, or of the quotation when ``pos`` is inside one."""
        start = self.sentence_start(pos)
        region = self.quote_region(pos)
        if region is not None:
            start = max(start, region[0])
        return start

    # --- who is this about? -------------------------------------------------------------

    def _references(self, pos: int) -> tuple[list[tuple[int, int, str]], list[int]]:
        """Person references in the sentence around ``pos``, and their start offsets."""
        start = self.sentence_start(pos)
        if start not in self._refs:
            end = self._sentence_end(pos)
            refs = [
                (m.start(), m.end(), m.lastgroup or "")
                for m in self.ruleset.references.finditer(self.text, start, end)
            ]
            self._refs[start] = (refs, [r[0] for r in refs])
        return self._refs[start]

    def subject_kind(self, start: int) -> str:
        """Who a match at ``start`` is about: "adult", "other" (another child) or "child".

        The nearest person reference before the match in the same sentence decides. A
        reporting word ("Mum says ...", "... that ...") ends the search: what follows is
        about someone else, by default the child. Names are unknown to us, so a capitalised
        word directly before the match is taken to be the child's name ("Mr Jones" is not).
        """
        refs, starts = self._references(start)
        floor = self.clause_start(start)
        i = bisect.bisect_left(starts, start) - 1
        while i >= 0 and refs[i][1] > start:
            i -= 1
        relative = _RELATIVE_RE.search(self.text, floor, start)
        if relative is not None:
            # "men who sell drugs": the subject is whoever "who" refers back to.
            j = i
            while j >= 0 and refs[j][1] > relative.start():
                j -= 1
            if j >= 0 and refs[j][0] >= floor:
                return _KIND_TO_SUBJECT.get(refs[j][2], "child")
        prev = _LAST_WORD_RE.search(self.text, floor, start)
        if prev is not None and prev.group(1)[:1].isupper():
            covered = i >= 0 and refs[i][1] > prev.start(1)
            if not covered:
                titled = (
                    i >= 0
                    and refs[i][2] == "adult"
                    and refs[i][0] >= floor
                    and not self.text[refs[i][1] : prev.start(1)].strip()
                )
                return "adult" if titled else "child"
        while i >= 0 and refs[i][0] >= floor:
            kind = refs[i][2]
            touching = not self.text[refs[i][1] : start].strip()
            if (
                kind != "breaker"
                and not touching
                and _AFTER_PREPOSITION_RE.search(self.text, floor, refs[i][0])
            ):
                # "was raped by two men", "is with older males": not the subject. But in
                # "by people supplying drugs" the noun right before the match is its subject.
                i -= 1
                continue
            if kind == "adult":
                return "adult"
            if kind in _OTHER_REFS:
                return "other"
            if kind != "object_pronoun":
                return "child"
            i -= 1
        return "child"

    def object_kind(self, end: int) -> str:
        """Who follows a match ("... with the 14-year-old"): "adult", "child" or "unknown"."""
        refs, starts = self._references(max(0, end - 1))
        limit = min(self._sentence_end(max(0, end - 1)), end + 60)
        kinds = []
        i = bisect.bisect_left(starts, end)
        while i < len(refs) and refs[i][0] < limit:
            kinds.append(refs[i][2])
            i += 1
        if "child" in kinds:
            return "child"
        if "adult" in kinds:
            return "adult"
        return "unknown"

    # --- negation and hedging -----------------------------------------------------------

    def _words_before(self, start: int, limit: int, *, stop_at_clause: bool) -> list[str]:
        floor = self.clause_start(start)
        window = self.text[max(floor, start - 160) : start]
        if stop_at_clause:
            parts = _CLAUSE_PUNCT_RE.split(window)
            window = parts[-1] if parts else window
        words = [normalise_token(w) for w in TOKEN_RE.findall(window)]
        return words[-limit:]

    def is_negated(self, start: int) -> bool:
        rs = self.ruleset
        words = self._words_before(start, rs.negation_window, stop_at_clause=True)
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            if word in rs.negation_stops:
                return False
            if word in rs.negation_cues or word.endswith("n't"):
                follower = words[i + 1] if i + 1 < len(words) else ""
                # "not only ... but" adds rather than denies.
                return not (word == "not" and follower in {"only", "just"})
        return False

    def _is_hedged(self, start: int) -> bool:
        rs = self.ruleset
        words = self._words_before(start, rs.hedge_window, stop_at_clause=False)
        return any(w in rs.hedge_cues or w.endswith("n't") for w in words)

    def has_evidence(self, kind: str) -> bool:
        """Does the note state, without hedging, that harm of this kind happened to the child?"""
        if kind not in self._evidence:
            self._evidence[kind] = self._find_evidence(kind)
        return self._evidence[kind]

    def _find_evidence(self, kind: str) -> bool:
        evidence = self.ruleset.evidence[kind]
        for pattern in evidence.subject_patterns:
            for match in pattern.regex.finditer(self.text):
                if self._is_hedged(match.start()):
                    continue
                if self.subject_kind(match.start()) == "child":
                    return True
        for pattern in evidence.object_patterns:
            for match in pattern.regex.finditer(self.text):
                if not self._is_hedged(match.start()):
                    return True
        return False


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of text inside quotation marks, merged and sorted.

    Straight double quotes pair up in order; curly double and single quotes pair opening
    with closing. A curly ’ only closes a quote when it does not sit inside a word (so that
    it can still be an apostrophe); straight single quotes count only as a clear pair
    ("she said 'x'"), never an apostrophe ("Jade's", "the boys' mother"). An unclosed
    double quote runs to the end of the line: an unfinished quotation is still a quotation.
    """
    regions: list[tuple[int, int]] = []

    def line_end(pos: int) -> int:
        nl = text.find("\n", pos)
        return len(text) if nl == -1 else nl

    pos = 0
    while (open_at := text.find('"', pos)) != -1:
        close_at = text.find('"', open_at + 1)
        if close_at == -1 or close_at > line_end(open_at):
            regions.append((open_at, line_end(open_at)))
            pos = line_end(open_at) + 1
            if pos > len(text):
                break
            continue
        regions.append((open_at, close_at + 1))
        pos = close_at + 1

    pos = 0
    while (open_at := text.find("“", pos)) != -1:
        close_at = text.find("”", open_at + 1)
        end = line_end(open_at) if close_at == -1 else close_at + 1
        regions.append((open_at, end))
        pos = end

    pos = 0
    while (open_at := text.find("‘", pos)) != -1:
        close = _CURLY_SINGLE_CLOSE_RE.search(text, open_at + 1)
        if close is None:
            break
        regions.append((open_at, close.end()))
        pos = close.end()

    pos = 0
    while (opening := _SINGLE_OPEN_RE.search(text, pos)) is not None:
        close = _SINGLE_CLOSE_RE.search(text, opening.end())
        if close is None or close.start() > line_end(opening.start()):
            pos = opening.end()
            continue
        regions.append((opening.start(), close.end()))
        pos = close.end()

    regions.sort()
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
