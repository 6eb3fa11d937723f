"""Phone numbers, stored in E.164 ("+447700900123") and checked with ``phonenumbers``.

Decisions:

- National ("07700 900123", "(0161) 496 0000") and international ("+44 7700 900123",
  "0044 7700 900123", "+44 (0)7700 900123", "+33 6 12 34 56 78") forms are accepted, with spaces,
  hyphens, full stops, slashes and brackets. Numbers without "+" or "00" are read as ``region``.
- Letters are rejected. ``phonenumbers`` would otherwise turn "0800 FLOWERS" into digits, and
  would split off "ext 12" as an extension, which E.164 has no room for.
- The number must be valid (an allocated range), not just the right length, with one
  exception: Ofcom's ranges reserved for drama, 07700 900000-900999 and 01632 960000-960999.
  ``phonenumbers`` reports them as not valid (they are not allocated to any network), but CE Hub's
  demo and test data use them precisely so that no real person's number appears, so they are
  accepted. The other drama ranges (such as 020 7946 0xxx and 0161 496 0xxx) are inside
  allocated ranges and already pass.
- Short codes and emergency numbers (999, 111, 116 123) are not contact numbers and are rejected.
"""

from __future__ import annotations

import re

import phonenumbers

from ._text import fold_compat
from .errors import InvalidIdentifier

__all__ = ["format_phone", "normalise_phone"]

MESSAGE_EMPTY = "Enter a phone number"
MESSAGE_INVALID = "Enter a real phone number, like 07700 900 982 or +44 7700 900 982"

_ALLOWED_RE = re.compile(r"[0-9+\-().\/\s]+")
# National significant numbers (no leading 0) of Ofcom's unallocated drama ranges.
_DRAMA_PREFIXES = ("7700900", "1632960")
_UK_COUNTRY_CODE = 44


def _is_drama_number(number: phonenumbers.PhoneNumber) -> bool:
    national = phonenumbers.national_significant_number(number)
    return (
        number.country_code == _UK_COUNTRY_CODE
        and len(national) == 10
        and national.startswith(_DRAMA_PREFIXES)
    )


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber:
    if not text or not text.strip():
        raise InvalidIdentifier(MESSAGE_EMPTY)
    folded = fold_compat(text).strip()
    if not _ALLOWED_RE.fullmatch(folded) or not any(ch.isdigit() for ch in folded):
        raise InvalidIdentifier(MESSAGE_INVALID)
    try:
        number = phonenumbers.parse(folded, region)
    except phonenumbers.NumberParseException:
        raise InvalidIdentifier(MESSAGE_INVALID) from None
    if number.extension or not (phonenumbers.is_valid_number(number) or _is_drama_number(number)):
        raise InvalidIdentifier(MESSAGE_INVALID)
    return number


def normalise_phone(text: str, region: str = "GB") -> str:
    """Return the number in E.164 form ("+447700900123") or raise ``InvalidIdentifier``."""
    return phonenumbers.format_number(_parse(text, region), phonenumbers.PhoneNumberFormat.E164)


def format_phone(text: str, region: str = "GB") -> str:
    """The number for display: UK national form ("07700 900123") for +44, else international.

    Decided on the +44 country code, not ``phonenumbers``' region: Jersey, Guernsey and the Isle
    of Man share +44 and are dialled the same way from the UK, and some UK mobile ranges are
    reported as "GG" or "JE".
    """
    number = _parse(text, region)
    if number.country_code == _UK_COUNTRY_CODE:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
