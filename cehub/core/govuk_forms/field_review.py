"""The hook through which a higher app reviews the wording of free-text fields.

The form renderer is core's, but the language checker is ``cehub.language``'s, which builds on
core. So core does not import it: ``LanguageConfig.ready`` registers a ``FieldReview`` here, and
the renderer and ``{% govuk_error_summary %}`` ask whatever is registered. With nothing
registered (core on its own), fields render without findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from django.forms import BoundField


@dataclass(frozen=True)
class FlaggedField:
    """One field with findings, for the notification banner's list of links."""

    id: str
    label: str
    count: int


class FieldReview(Protocol):
    def field_context(self, bf: BoundField) -> dict[str, Any]:
        """Extra template context for one checked field (the findings shown under it)."""
        ...

    def flagged_fields(self, *forms: Any) -> list[FlaggedField]:
        """The fields whose findings the page is showing, in page order."""
        ...

    def review_pending(self, *forms: Any) -> bool:
        """True when the page must be shown again with findings before saving."""
        ...


class _NoReview:
    def field_context(self, bf: BoundField) -> dict[str, Any]:
        return {}

    def flagged_fields(self, *forms: Any) -> list[FlaggedField]:
        return []

    def review_pending(self, *forms: Any) -> bool:
        return False


_registered: list[FieldReview] = [_NoReview()]


def register_field_review(review: FieldReview) -> None:
    """Called once, from an ``AppConfig.ready``; the last registration wins."""
    _registered[0] = review


def field_review() -> FieldReview:
    return _registered[0]
