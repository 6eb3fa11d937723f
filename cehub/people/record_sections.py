"""Sections of the person page contributed by the apps above people.

The person page is the one place a practitioner reads a child, and every app above people
(cases, screening, meetings, …) has something to put on it. People may not import those apps
(the layers in pyproject.toml), so they register instead: a provider takes the viewer and the
person and returns the template and context of its section, or ``None`` to show nothing. The
page draws the sections in the order they were registered (the order of INSTALLED_APPS, since
apps register from ``AppConfig.ready``)::

    # cehub/cases/apps.py
    def ready(self) -> None:
        register_record_section(person_summary_section)

A provider runs after the record was opened (access checked, view audited), for that viewer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cehub.accounts.models import User

    from .models import Person


@dataclass(frozen=True)
class RecordSection:
    """One section of the person page: a template and what it needs beyond the page's own
    context (``person``, ``perms``), which it is drawn inside (``{% record_section %}``)."""

    template_name: str
    context: Mapping[str, object] = field(default_factory=dict)


RecordSectionProvider = Callable[["User", "Person"], RecordSection | None]

_providers: list[RecordSectionProvider] = []


def register_record_section(provider: RecordSectionProvider) -> None:
    """Add a section to the person page (once, however often ``ready`` runs)."""
    if provider not in _providers:
        _providers.append(provider)


def record_sections(*, viewer: User, person: Person) -> list[RecordSection]:
    """The sections to draw for this viewer and person, in registration order."""
    sections = (provider(viewer, person) for provider in _providers)
    return [section for section in sections if section is not None]
