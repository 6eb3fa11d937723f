"""Vehicle registrations: stored upper case with no spaces ("AB12CDE").

Decisions:

- By default any 2 to 8 letters A to Z and numbers are accepted, because foreign plates turn up
  in intelligence. Spaces and hyphens are dropped (French and many other plates are written
  "AB-123-CD"); any other character is rejected. Accented letters (German "MÜ") are rejected:
  the Police National Computer and ANPR record plates in A to Z.
- ``strict=True`` accepts only the UK formats below. Nothing checks that the plate was issued.
- Letter O / zero and I / one confusions are not corrected.

UK formats recognised for display (the space goes where it does on the plate):

=================  ==========  =====================================================
current (2001-)    AB12 CDE    2 letters, 2 digits, 3 letters
prefix (1983-2001) A123 BCD    1 letter, 1-3 digits, 3 letters
suffix (1963-1983) ABC 123D    3 letters, 1-3 digits, 1 letter
northern_ireland   ABZ 1234    3 letters, the last two containing I or Z, 1-4 digits
dateless           AB 1234     1-3 letters then 1-4 digits, or 1-4 digits then 1-3 letters
=================  ==========  =====================================================
"""

from __future__ import annotations

import re
from enum import StrEnum

from ._text import fold_compat, squash
from .errors import InvalidIdentifier

__all__ = [
    "RegistrationFormat",
    "format_vehicle_registration",
    "normalise_vehicle_registration",
    "vehicle_registration_format",
]

MESSAGE_EMPTY = "Enter a vehicle registration"
MESSAGE_CHARACTERS = "Vehicle registration must only include letters a to z and numbers"
MESSAGE_TOO_SHORT = "Vehicle registration must be 2 characters or more"
MESSAGE_TOO_LONG = "Vehicle registration must be 8 characters or fewer"
MESSAGE_NOT_UK = "Enter a UK vehicle registration, like AB12 CDE"

MIN_LENGTH = 2
MAX_LENGTH = 8


class RegistrationFormat(StrEnum):
    CURRENT = "current"
    PREFIX = "prefix"
    SUFFIX = "suffix"
    NORTHERN_IRELAND = "northern_ireland"
    DATELESS = "dateless"


# Each pattern's first group is the part before the space on the plate.
_PATTERNS: tuple[tuple[RegistrationFormat, re.Pattern[str]], ...] = (
    (RegistrationFormat.CURRENT, re.compile(r"([A-Z]{2}[0-9]{2})([A-Z]{3})")),
    (RegistrationFormat.PREFIX, re.compile(r"([A-Z][0-9]{1,3})([A-Z]{3})")),
    (RegistrationFormat.SUFFIX, re.compile(r"([A-Z]{3})([0-9]{1,3}[A-Z])")),
    (
        RegistrationFormat.NORTHERN_IRELAND,
        re.compile(r"([A-Z](?:[A-Z][IZ]|[IZ][A-Z]))([0-9]{1,4})"),
    ),
    (RegistrationFormat.DATELESS, re.compile(r"([A-Z]{1,3})([0-9]{1,4})")),
    (RegistrationFormat.DATELESS, re.compile(r"([0-9]{1,4})([A-Z]{1,3})")),
)
_CHARACTERS_RE = re.compile(r"[A-Z0-9]+")


def _match(compact: str) -> tuple[RegistrationFormat, re.Match[str]] | None:
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(compact)
        if match is not None:
            return kind, match
    return None


def normalise_vehicle_registration(text: str, *, strict: bool = False) -> str:
    """Return the registration upper case with no spaces ("AB12CDE") or raise ``InvalidIdentifier``.

    ``strict=True`` also requires one of the UK formats.
    """
    if not text or not text.strip():
        raise InvalidIdentifier(MESSAGE_EMPTY)
    compact = squash(fold_compat(text), separators="-")
    # Check ASCII before upper-casing: "ß".upper() is "SS".
    if not compact.isascii() or not _CHARACTERS_RE.fullmatch(compact.upper()):
        raise InvalidIdentifier(MESSAGE_CHARACTERS)
    compact = compact.upper()
    if len(compact) < MIN_LENGTH:
        raise InvalidIdentifier(MESSAGE_TOO_SHORT)
    if len(compact) > MAX_LENGTH:
        raise InvalidIdentifier(MESSAGE_TOO_LONG)
    if strict and _match(compact) is None:
        raise InvalidIdentifier(MESSAGE_NOT_UK)
    return compact


def vehicle_registration_format(text: str) -> RegistrationFormat | None:
    """Which UK format the registration is in, or None for a foreign or unrecognised plate."""
    found = _match(normalise_vehicle_registration(text))
    return found[0] if found else None


def format_vehicle_registration(text: str) -> str:
    """The registration for display: "AB12 CDE" for UK formats, else upper case as one block."""
    compact = normalise_vehicle_registration(text)
    found = _match(compact)
    if found is None:
        return compact
    match = found[1]
    return f"{match[1]} {match[2]}"
