"""Reading pages in tests: the visible text, the error summary, and GOV.UK date fields.

One helper for every test module, so a page is read the same way everywhere.
"""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from typing import Any

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _html(page: Any) -> str:
    """A response's HTML, or the HTML itself."""
    return page if isinstance(page, str) else page.content.decode()


def text(page: Any) -> str:
    """The page's visible text with whitespace collapsed, for phrase assertions.

    Punctuation after an element reads as it does on screen: "<time>…</time>: Visit" gives
    "…: Visit".
    """
    flat = _SPACE.sub(" ", unescape(_TAG.sub(" ", _html(page)))).strip()
    return re.sub(r" ([:,.])", r"\1", flat)


def error_summary(page: Any) -> list[str]:
    """The messages listed in the GOV.UK error summary, in order (fails if there is none)."""
    block = re.search(r'<div class="govuk-error-summary".*?</ul>', _html(page), re.DOTALL)
    assert block, "no error summary"
    items = re.findall(r"<li>(.*?)</li>", block.group(0), re.DOTALL)
    return [_SPACE.sub(" ", unescape(_TAG.sub("", item))).strip() for item in items]


def date_fields(prefix: str, when: date | None) -> dict[str, str]:
    """A GOV.UK date input's three boxes, filled with ``when`` (or left empty)."""
    return {
        f"{prefix}_day": str(when.day) if when else "",
        f"{prefix}_month": str(when.month) if when else "",
        f"{prefix}_year": str(when.year) if when else "",
    }
