"""Small text helpers shared by the normalisers."""

from __future__ import annotations

import unicodedata


def fold_compat(text: str) -> str:
    """NFKC-normalise so full-width letters/digits and no-break spaces become plain ASCII.

    Only for identifiers that are ASCII by definition (postcodes, NHS numbers, phone numbers,
    registrations, handles); never for names, where NFKC would rewrite legitimate characters.
    """
    return unicodedata.normalize("NFKC", text)


def squash(text: str, separators: str = "") -> str:
    """Remove all whitespace (any Unicode space) and the given separator characters."""
    compact = "".join(text.split())
    return compact.translate({ord(c): None for c in separators}) if separators else compact
