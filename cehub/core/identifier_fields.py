"""Form fields for identifiers, cleaning to the canonical forms in ``cehub.core.identifiers``.

``cleaned_data`` holds the canonical value ("SW1A 1AA", "9434765919", "+447700900123",
"AB12CDE", "O'Brien"). Errors carry the normaliser's GOV.UK-style message with code
"invalid"; an empty required field says "Enter a postcode" and so on (override with
``error_messages={"required": ...}``). Empty optional fields clean to "".

An initial value already in canonical form is shown formatted for people ("943 476 5919",
"07700 900123", "AB12 CDE"); what someone typed is shown back as typed unless it was canonical.
"""

from __future__ import annotations

from typing import Any

from django import forms

from .identifiers import (
    InvalidIdentifier,
    format_nhs_number,
    format_phone,
    format_vehicle_registration,
    normalise_nhs_number,
    normalise_person_name,
    normalise_phone,
    normalise_postcode,
    normalise_vehicle_registration,
)

__all__ = [
    "IdentifierField",
    "NHSNumberField",
    "PersonNameField",
    "PhoneNumberField",
    "PostcodeField",
    "TelInput",
    "VehicleRegistrationField",
]


class TelInput(forms.TextInput):
    """``type="tel"``: a phone keypad on mobiles, without the number spinner of "number"."""

    input_type = "tel"


class IdentifierField(forms.CharField):
    """A CharField that cleans through ``normalise``; subclasses override it and ``display``."""

    required_message = "Enter a value"
    widget_attrs_defaults: dict[str, Any] = {}

    def __init__(self, **kwargs: Any) -> None:
        kwargs["error_messages"] = {
            "required": self.required_message,
            **(kwargs.get("error_messages") or {}),
        }
        super().__init__(**kwargs)

    def normalise(self, value: str) -> str:
        """The canonical value, or ``InvalidIdentifier``."""
        raise NotImplementedError

    def display(self, canonical: str) -> str:
        """How a canonical value is shown in the input."""
        return canonical

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        # Defaults only: attrs passed in with the widget win.
        for key, value in self.widget_attrs_defaults.items():
            if key not in widget.attrs and value is not None:
                attrs[key] = value
        return attrs

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        if not text:  # "" or the field's empty_value
            return text
        try:
            return self.normalise(text)
        except InvalidIdentifier:
            return text  # left for ``validate`` to report, with the message

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        try:
            self.normalise(value)
        except InvalidIdentifier as exc:
            raise forms.ValidationError(exc.message, code="invalid") from exc

    def prepare_value(self, value: Any) -> Any:
        if not isinstance(value, str) or not value:
            return value
        try:
            canonical = self.normalise(value)
        except InvalidIdentifier:
            return value
        return self.display(canonical) if canonical == value else value


class PostcodeField(IdentifierField):
    """A UK postcode, cleaned to "SW1A 1AA".

    ``autocomplete="postal-code"`` makes browsers offer the *user's own* postcode: pass
    ``autocomplete=None`` (or "off") where the form asks about someone else.
    """

    required_message = "Enter a postcode"

    def __init__(self, *, autocomplete: str | None = "postal-code", **kwargs: Any) -> None:
        self.widget_attrs_defaults = {
            "autocomplete": autocomplete,
            "spellcheck": "false",
            "autocapitalize": "characters",
            "govuk_width": 10,
        }
        super().__init__(**kwargs)

    def normalise(self, value: str) -> str:
        return normalise_postcode(value)


class NHSNumberField(IdentifierField):
    """An NHS number, cleaned to 10 digits ("9434765919") and shown as "943 476 5919"."""

    required_message = "Enter an NHS number"
    widget_attrs_defaults = {"inputmode": "numeric", "spellcheck": "false", "govuk_width": 10}

    def normalise(self, value: str) -> str:
        return normalise_nhs_number(value)

    def display(self, canonical: str) -> str:
        return format_nhs_number(canonical)


class PhoneNumberField(IdentifierField):
    """A phone number, cleaned to E.164 ("+447700900123") and shown as "07700 900123".

    ``region`` is where numbers typed without "+" or "00" are from.
    """

    required_message = "Enter a phone number"
    widget = TelInput
    widget_attrs_defaults = {"spellcheck": "false", "govuk_width": 20}

    def __init__(self, *, region: str = "GB", **kwargs: Any) -> None:
        self.region = region
        super().__init__(**kwargs)

    def normalise(self, value: str) -> str:
        return normalise_phone(value, region=self.region)

    def display(self, canonical: str) -> str:
        return format_phone(canonical)


class VehicleRegistrationField(IdentifierField):
    """A vehicle registration, cleaned to "AB12CDE" and shown as "AB12 CDE".

    Foreign plates are accepted unless ``strict=True``, which allows only UK formats.
    """

    required_message = "Enter a vehicle registration"
    widget_attrs_defaults = {
        "spellcheck": "false",
        "autocapitalize": "characters",
        "govuk_width": 10,
    }

    def __init__(self, *, strict: bool = False, **kwargs: Any) -> None:
        self.strict = strict
        super().__init__(**kwargs)

    def normalise(self, value: str) -> str:
        return normalise_vehicle_registration(value, strict=self.strict)

    def display(self, canonical: str) -> str:
        return format_vehicle_registration(canonical)


class PersonNameField(IdentifierField):
    """A person's name: trimmed, spaces collapsed, NFC, apostrophes and hyphens made plain.

    No ``autocomplete``: the name is usually someone else's, not the user's.
    """

    required_message = "Enter a name"
    widget_attrs_defaults = {"spellcheck": "false"}

    def normalise(self, value: str) -> str:
        return normalise_person_name(value)
