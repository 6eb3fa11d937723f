"""The errors services raise when a request breaks a rule.

Every app's services raise these two, so one form helper (``core.form_views``) can show any
service's problem on the field it belongs to, and answer a stale page with 409. The service
owns the rule and its message; the form only parses.
"""

from __future__ import annotations


class ServiceError(ValueError):
    """A rule broken by a request; ``field`` names the input the message belongs to."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ConflictError(ServiceError):
    """Someone else changed the record since the page was drawn (optimistic locking).

    Nothing was saved; the page is drawn again with the record's current version.
    """
