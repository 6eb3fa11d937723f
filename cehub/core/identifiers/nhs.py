"""NHS numbers: 10 digits, the last a Modulus 11 check digit.

Decisions:

- Spaces and hyphens are accepted anywhere ("943 476 5919", "943-476-5919"); anything else,
  including letters, is rejected rather than stripped, so "NHS 943..." is not half-read.
- Numbers made of one repeated digit ("0000000000", "4444444444") are rejected. Every one of
  them passes Modulus 11 (the weights sum to 54, and 54d leaves check digit d), but none is
  ever issued, and they are what people type as a placeholder when they do not know the number.
- No range check: English and Welsh numbers (4xx, 6xx, 7xx), Scottish CHI numbers (0xx-3xx)
  and the 999 range reserved for test data all use the same check digit, and a hub may see any
  of them.
"""

from __future__ import annotations

from ._text import fold_compat, squash
from .errors import InvalidIdentifier

__all__ = ["format_nhs_number", "nhs_check_digit", "normalise_nhs_number"]

MESSAGE_EMPTY = "Enter an NHS number"
MESSAGE_NOT_DIGITS = "NHS number must only include numbers"
MESSAGE_LENGTH = "NHS number must be 10 digits"
MESSAGE_CHECK = "Enter a valid NHS number – check the digits"


def nhs_check_digit(first_nine: str) -> int | None:
    """The Modulus 11 check digit for nine digits, or None when no check digit fits (10)."""
    if len(first_nine) != 9 or not (first_nine.isascii() and first_nine.isdigit()):
        raise ValueError("nhs_check_digit needs exactly nine ASCII digits")
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:  # such numbers are never issued
        return None
    return check


def normalise_nhs_number(text: str) -> str:
    """Return the NHS number as 10 digits with no spaces, or raise ``InvalidIdentifier``."""
    if not text or not text.strip():
        raise InvalidIdentifier(MESSAGE_EMPTY)
    digits = squash(fold_compat(text), separators="-")
    # isascii too: str.isdigit() is also true for Arabic-Indic and superscript digits.
    if not (digits.isascii() and digits.isdigit()):
        raise InvalidIdentifier(MESSAGE_NOT_DIGITS)
    if len(digits) != 10:
        raise InvalidIdentifier(MESSAGE_LENGTH)
    if len(set(digits)) == 1 or nhs_check_digit(digits[:9]) != int(digits[9]):
        raise InvalidIdentifier(MESSAGE_CHECK)
    return digits


def format_nhs_number(text: str) -> str:
    """The NHS number for display, in the 3-3-4 groups the NHS uses: "943 476 5919"."""
    digits = normalise_nhs_number(text)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
