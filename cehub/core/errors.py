"""The errors services raise when a request breaks a rule.

Every app's services raise these two, so one form helper (``core.form_views``) can show any
service's problem on the field it belongs to, and answer a stale page with 409. The service
owns the rule and its message; the form only parses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

Problem = tuple[str | None, str]  # (the input it belongs to, or None for the whole form; message)


class ServiceError(ValueError):
    """A rule broken by a request; ``field`` names the input the message belongs to.

    ``problems`` lists every rule the request broke (the first is the error's own message),
    so a form page can show them all at once.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.problems: tuple[Problem, ...] = ((field, message),)

    @classmethod
    def of(cls, problems: Sequence[Problem]) -> Self:
        """One error for several problems (``problems`` must not be empty)."""
        field, message = problems[0]
        error = cls(message, field)
        error.problems = tuple(problems)
        return error


class ConflictError(ServiceError):
    """Someone else changed the record since the page was drawn (optimistic locking).

    Nothing was saved; the page is drawn again with the record's current version.
    """
