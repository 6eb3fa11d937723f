"""What the case pages share: the child the page is about, and who they are at its top."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, Protocol

from django.http import Http404, HttpRequest

from cehub.core.access import request_user
from cehub.core.identifiers import format_nhs_number
from cehub.people.display import date_of_birth_text
from cehub.people.models import Person
from cehub.people.selectors import RecordLockedError, person_get


def person_or_404(request: HttpRequest, person_id: uuid.UUID) -> Person:
    """The person, if the viewer may open their record; otherwise 404 like a missing record."""
    try:
        return person_get(viewer=request_user(request), person_id=person_id)
    except RecordLockedError:
        raise Http404 from None


def identity(person: Person) -> dict[str, Any]:
    """The context of ``cases/work/_identity.html``: name, date of birth and NHS number."""
    return {
        "person": person,
        "date_of_birth": date_of_birth_text(person),
        "nhs_number": format_nhs_number(person.nhs_number) if person.nhs_number else "",
    }


class _Versioned(Protocol):
    version: int


class RecordOnPage[R: _Versioned]:
    """The record a form page is about; after a conflict it is read again, so the page is
    drawn with the other person's changes and the form carries the current version."""

    def __init__(self, read: Callable[[], R]) -> None:
        self._read = read
        self.record = read()

    def current_version(self) -> int:
        self.record = self._read()
        return self.record.version
