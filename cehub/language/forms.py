"""Marking free-text form fields for the live language check."""

from __future__ import annotations

from django import forms


def language_checked(*fields: forms.Field) -> None:
    """Findings appear under these fields as the author types (see the GOV.UK renderer)."""
    for field in fields:
        field.widget.attrs["govuk_language_check"] = True
