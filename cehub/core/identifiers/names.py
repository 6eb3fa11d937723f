"""People's names: tidied for storage, and reduced to a key for fuzzy search.

Decisions for ``normalise_person_name``:

- Letters in any script are accepted, with their combining marks (needed by Arabic, Hebrew,
  Indic and other scripts, and by Latin letters with no precomposed form). The text is
  NFC-normalised, so "Zoe" + combining diaeresis is stored as the single character "Zoë".
- Spaces, apostrophes, hyphens and full stops ("St. John", "J. R.") are accepted, and the
  Catalan middle dot ("Gal·la"). Curly and look-alike apostrophes (’ ‘ ʼ ` ´ ′) become "'", and
  Unicode hyphens and dashes become "-", so the same name is always stored the same way.
  Zero-width joiner and non-joiner are kept: Persian and Indic names need them.
- Digits, emoji and other symbols are rejected. The name must contain a letter, and a combining
  mark must follow a letter or another mark.
- Case is left alone: "McDonald", "de la Cruz" and "ALI" are what the person typed.
- At most 100 characters (code points, after normalising).

Decisions for ``name_search_key`` (never raises, also used on search queries):

- Unicode caseless matching: NFKD, case-fold, NFKD again.
- Accents removed: the combining marks Latin, Greek and Cyrillic letters use (U+0300-U+036F),
  plus Arabic's optional vowel marks. Marks in other scripts (for example Devanagari vowel
  signs) are part of the letter and kept. Letters with no decomposition are mapped by hand
  (ł -> l, ø -> o, æ -> ae, ...), matching what PostgreSQL's ``unaccent`` does.
- Apostrophes and full stops are removed ("O'Brien" -> "obrien", so a search for "OBrien"
  finds her) and hyphens become spaces ("Smith-Jones" -> "smith jones", matching
  "Smith Jones"). Whitespace is collapsed and the key recomposed to NFC.
"""

from __future__ import annotations

import unicodedata

from .errors import InvalidIdentifier

__all__ = ["MAX_NAME_LENGTH", "name_search_key", "normalise_person_name"]

MAX_NAME_LENGTH = 100

MESSAGE_EMPTY = "Enter a name"
MESSAGE_CHARACTERS = "Name must only include letters, spaces, hyphens and apostrophes"
MESSAGE_NO_LETTERS = "Name must include at least one letter"
MESSAGE_TOO_LONG = f"Name must be {MAX_NAME_LENGTH} characters or fewer"

_APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4\u2032\uff07"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_PUNCTUATION_TABLE = {ord(c): "'" for c in _APOSTROPHES} | {ord(c): "-" for c in _HYPHENS}
_ALLOWED_PUNCTUATION = frozenset("'-.\u00b7")
_JOINERS = frozenset("\u200c\u200d")  # zero-width non-joiner, zero-width joiner

# Letters NFKD leaves alone but unaccent maps to ASCII (keys are already case-folded).
_UNACCENT_TABLE = {
    ord("ł"): "l",
    ord("ø"): "o",
    ord("đ"): "d",
    ord("ð"): "d",
    ord("ħ"): "h",
    ord("ı"): "i",
    ord("ŧ"): "t",
    ord("æ"): "ae",
    ord("œ"): "oe",
    ord("þ"): "th",
}
_SEARCH_REMOVE = frozenset("'.\u00b7")
_SEARCH_SPACE = frozenset("-")


def normalise_person_name(text: str) -> str:
    """Return the name tidied for storage or raise ``InvalidIdentifier``."""
    if not text or not text.strip():
        raise InvalidIdentifier(MESSAGE_EMPTY)
    name = " ".join(unicodedata.normalize("NFC", text).translate(_PUNCTUATION_TABLE).split())
    previous = " "
    for ch in name:
        category = unicodedata.category(ch)
        if category[0] == "M":
            if not (previous.isalpha() or unicodedata.category(previous)[0] == "M"):
                raise InvalidIdentifier(MESSAGE_CHARACTERS)
        elif not (category[0] == "L" or ch == " " or ch in _ALLOWED_PUNCTUATION or ch in _JOINERS):
            raise InvalidIdentifier(MESSAGE_CHARACTERS)
        previous = ch
    if not any(ch.isalpha() for ch in name):
        raise InvalidIdentifier(MESSAGE_NO_LETTERS)
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidIdentifier(MESSAGE_TOO_LONG)
    return name


def _is_removable_mark(ch: str) -> bool:
    code = ord(ch)
    # Combining Diacritical Marks block, and Arabic harakat, superscript alef and the like.
    return 0x0300 <= code <= 0x036F or 0x064B <= code <= 0x065F or code == 0x0670


def name_search_key(text: str) -> str:
    """A case- and accent-insensitive key for names: "Siobhán O’Brien" -> "siobhan obrien"."""
    # Look-alike apostrophes first: NFKD turns "´" into a space and a combining accent.
    plain = (text or "").translate(_PUNCTUATION_TABLE)
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", plain).casefold())
    kept: list[str] = []
    for ch in folded.translate(_UNACCENT_TABLE):
        if _is_removable_mark(ch) or ch in _SEARCH_REMOVE:
            continue
        kept.append(" " if ch in _SEARCH_SPACE else ch)
    return unicodedata.normalize("NFC", " ".join("".join(kept).split()))
