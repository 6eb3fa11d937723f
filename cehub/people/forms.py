"""Forms for finding people, filtering a chronology, and emergency (break-glass) access."""

from __future__ import annotations

from typing import Any

from django import forms

from cehub.core.govuk_forms import GovukDateField
from cehub.core.identifier_fields import (
    NHSNumberField,
    PersonNameField,
    PhoneNumberField,
    PostcodeField,
    VehicleRegistrationField,
)
from cehub.language.forms import language_checked

from .models import BreakGlassCategory, BreakGlassReview, ChronologyKind
from .selectors import SearchCriteria
from .services import BREAK_GLASS_MINIMUM_REASON

SEARCH_NEEDS_ONE = (
    "Enter a name, date of birth, NHS number, phone number, vehicle registration or postcode"
)


def _search_field[F: forms.Field](
    field_class: type[F], label: str, help_text: str, missing: str, **kwargs: Any
) -> F:
    """One optional way to search; ``missing`` is what to enter when a search needs it."""
    return field_class(
        label=label,
        required=False,
        help_text=help_text,
        error_messages={"required": missing},
        **kwargs,
    )


class PersonSearchForm(forms.Form):
    """Posted, never sent as a query string: what is typed here is personal data."""

    name = _search_field(
        PersonNameField,
        "Name",
        "Full name, part of a name, a known-as name or an alias. Spelling can vary.",
        "Enter a name",
        widget=forms.TextInput(attrs={"autocomplete": "off", "govuk_width": 20}),
    )
    date_of_birth = _search_field(
        GovukDateField,
        "Date of birth",
        "For example, 27 3 2010",
        "Enter a date of birth",
        must_be_past=True,
    )
    nhs_number = _search_field(
        NHSNumberField, "NHS number", "10 digits, for example 485 777 3456", "Enter an NHS number"
    )
    phone = _search_field(
        PhoneNumberField,
        "Phone number",
        "For example, 07700 900123 or +44 7700 900123",
        "Enter a phone number",
    )
    vehicle = _search_field(
        VehicleRegistrationField,
        "Vehicle registration",
        "For example, AB12 CDE",
        "Enter a vehicle registration",
    )
    postcode = _search_field(
        PostcodeField, "Postcode", "For example, NV1 2AB", "Enter a postcode", autocomplete=None
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not any(cleaned.get(name) for name in self.fields):
            # Linked from the first field, as GOV.UK asks of errors about a group of fields.
            self.add_error("name", SEARCH_NEEDS_ONE)
        return cleaned

    def criteria(self) -> SearchCriteria:
        data = self.cleaned_data
        return SearchCriteria(
            name=data["name"],
            date_of_birth=data["date_of_birth"],
            nhs_number=data["nhs_number"],
            phone=data["phone"],
            vehicle=data["vehicle"],
            postcode=data["postcode"],
        )


class ChronologyFilterForm(forms.Form):
    """A GET form: it carries only kind codes, never anything about the person."""

    kind = forms.MultipleChoiceField(
        label="Show only",
        choices=ChronologyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"govuk_small": True}),
        error_messages={
            "required": "Select at least one kind of event",
            "invalid_choice": "Select kinds of event from the list",
        },
    )


def _radios(label: str, choices: list[tuple[str, str]], message: str) -> forms.ChoiceField:
    """One answer from a list, with one message for none chosen and for a choice not listed."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


def _explanation(
    label: str, help_text: str, *, required: bool, messages: dict[str, str]
) -> forms.CharField:
    """Up to 2,000 characters of free text, in a four-row box."""
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=2000,
        widget=forms.Textarea(attrs={"govuk_rows": 4}),
        error_messages=messages,
    )


class BreakGlassForm(forms.Form):
    category = _radios(
        "Why do you need to open this record?",
        BreakGlassCategory.choices,
        "Select why you need to open this record",
    )
    reason = _explanation(
        "Explain why you need this record now",
        f"At least {BREAK_GLASS_MINIMUM_REASON} characters. Say what has happened and who "
        "asked, if anyone. The privacy officer reads this.",
        required=True,
        messages={
            "required": "Explain why you need to open this record",
            "max_length": "Explanation must be 2000 characters or fewer",
        },
    )


class BreakGlassReviewForm(forms.Form):
    outcome = _radios(
        "Was this use of emergency access appropriate?",
        BreakGlassReview.choices,
        "Select whether this use was appropriate",
    )
    note = _explanation(
        "Note",
        "Required if it needs follow-up: say what the user's manager should look at.",
        required=False,
        messages={
            "required": "Say what needs following up",
            "max_length": "Note must be 2000 characters or fewer",
        },
    )


language_checked(BreakGlassForm.base_fields["reason"], BreakGlassReviewForm.base_fields["note"])
