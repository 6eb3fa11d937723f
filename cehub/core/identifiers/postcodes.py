"""UK postcodes: canonical form "SW1A 1AA", plus outward-code helpers for search.

The format check follows the Royal Mail / GOV.UK data standard, including which letters may
appear in each position (for example, no C, I, K, M, O or V in the inward code). It does not
check that the postcode exists.

Decisions:

- Spaces anywhere, lower case, full-width characters and surrounding punctuation
  ("(sw1a 1aa).") are accepted; so is a single hyphen as the separator ("SW1A-1AA"), as people
  copy postcodes from systems that use one. Any other punctuation inside is rejected.
- Letter O / zero and I / one confusions are not corrected: "SW1A OAA" is rejected rather
  than guessed at.
- NHS "pseudo-postcodes" such as ZZ99 3VZ (no fixed abode) fail the format and are rejected:
  record "no fixed abode" explicitly rather than as a made-up postcode.
- Overseas territory and BFPO-style codes ("ASCN 1ZZ", "BFPO 123") are rejected; "BF1 3AA" style
  BFPO postcodes pass because they follow the normal format.
"""

from __future__ import annotations

import re

from ._text import fold_compat, squash
from .errors import InvalidIdentifier

__all__ = [
    "normalise_postcode",
    "normalise_postcode_prefix",
    "postcode_area",
    "postcode_outward",
    "postcode_sector",
]

MESSAGE_EMPTY = "Enter a postcode"
MESSAGE_INVALID = "Enter a real postcode, like SW1A 1AA"

_FIRST = "[A-PR-UWYZ]"  # never Q, V or X
_SECOND = "[A-HK-Y]"  # never I, J or Z
_THIRD_A9A = "[A-HJKPSTUW]"
_FOURTH_AA9A = "[ABEHMNPRVWXY]"
_INWARD_LETTER = "[ABD-HJLNP-UW-Z]"  # never C, I, K, M, O or V

_OUTWARD = (
    f"(?:{_FIRST}[0-9]{{1,2}}"
    f"|{_FIRST}{_SECOND}[0-9]{{1,2}}"
    f"|{_FIRST}[0-9]{_THIRD_A9A}"
    f"|{_FIRST}{_SECOND}[0-9]{_FOURTH_AA9A})"
)
_INWARD = f"[0-9]{_INWARD_LETTER}{{2}}"

_OUTWARD_RE = re.compile(_OUTWARD)
_POSTCODE_RE = re.compile(f"(?P<outward>{_OUTWARD})(?P<inward>{_INWARD})|(?P<gir>GIR0AA)")
_INWARD_PREFIX_RE = re.compile(f"[0-9]{_INWARD_LETTER}{{0,2}}")
_AREA_RE = re.compile(f"{_FIRST}{_SECOND}?")


def _compact(text: str) -> str:
    """Upper case with spaces, surrounding punctuation and a single separating hyphen removed."""
    folded = fold_compat(text).strip()
    # Strip wrapping punctuation such as quotes, brackets and a trailing full stop.
    start, end = 0, len(folded)
    while start < end and not folded[start].isalnum():
        start += 1
    while end > start and not folded[end - 1].isalnum():
        end -= 1
    core = folded[start:end]
    if core.count("-") == 1:
        core = core.replace("-", " ")
    compact = squash(core)
    # Check ASCII before upper-casing: "ß".upper() is "SS", which could forge a match.
    if not compact.isascii():
        return ""
    return compact.upper()


def normalise_postcode(text: str) -> str:
    """Return the postcode in canonical form ("SW1A 1AA") or raise ``InvalidIdentifier``."""
    if not text or not text.strip():
        raise InvalidIdentifier(MESSAGE_EMPTY)
    compact = _compact(text)
    match = _POSTCODE_RE.fullmatch(compact)
    if match is None:
        raise InvalidIdentifier(MESSAGE_INVALID)
    if match["gir"]:
        return "GIR 0AA"
    return f"{match['outward']} {match['inward']}"


def postcode_outward(text: str) -> str:
    """The outward code, also called the postcode district: "SW1A 1AA" -> "SW1A"."""
    return normalise_postcode(text).split(" ")[0]


def postcode_sector(text: str) -> str:
    """The postcode sector: "SW1A 1AA" -> "SW1A 1"."""
    return normalise_postcode(text)[:-2]


def postcode_area(text: str) -> str:
    """The postcode area, the outward code's letters: "SW1A 1AA" -> "SW", "M1 1AE" -> "M"."""
    outward = postcode_outward(text)
    return outward[:2] if outward[1].isalpha() else outward[:1]


def normalise_postcode_prefix(text: str) -> str:
    """A canonical prefix of a postcode, for "starts with" searches.

    Accepts a full postcode ("sw1a1aa" -> "SW1A 1AA"), an outward code ("sw1a" -> "SW1A"),
    an outward code with part of the inward code ("sw1a 1" -> "SW1A 1", "SW1A1A" -> "SW1A 1A")
    or an area ("sw" -> "SW"). Without a space, a string that is a whole outward code is read as
    one: "M11" is district M11, not "M1 1"; type the space to search for "M1 1".
    """
    if not text or not text.strip():
        raise InvalidIdentifier(MESSAGE_EMPTY)
    try:
        return normalise_postcode(text)
    except InvalidIdentifier:
        pass
    folded = fold_compat(text).strip()
    parts = folded.split()
    compact = _compact(text)
    if not compact:
        raise InvalidIdentifier(MESSAGE_INVALID)
    if len(parts) == 2 and _compact(parts[0]) and _compact(parts[1]):
        outward, inward = _compact(parts[0]), _compact(parts[1])
        if _OUTWARD_RE.fullmatch(outward) and _INWARD_PREFIX_RE.fullmatch(inward):
            return f"{outward} {inward}"
        raise InvalidIdentifier(MESSAGE_INVALID)
    if _OUTWARD_RE.fullmatch(compact) or _AREA_RE.fullmatch(compact):
        return compact
    # The inward code starts with the last digit: "SW1A1A" splits into "SW1A" and "1A".
    last_digit = max((i for i, ch in enumerate(compact) if ch.isdigit()), default=-1)
    if last_digit > 0:
        outward, inward = compact[:last_digit], compact[last_digit:]
        if _OUTWARD_RE.fullmatch(outward) and _INWARD_PREFIX_RE.fullmatch(inward):
            return f"{outward} {inward}"
    raise InvalidIdentifier(MESSAGE_INVALID)
