"""Form fields for identifiers: canonical cleaned values, GOV.UK messages, input attributes.

No database: the forms are plain ``forms.Form`` subclasses.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django import forms

from cehub.core.identifier_fields import (
    NHSNumberField,
    PersonNameField,
    PhoneNumberField,
    PostcodeField,
    VehicleRegistrationField,
)


class PersonForm(forms.Form):
    postcode = PostcodeField(label="Postcode")
    nhs_number = NHSNumberField(label="NHS number")
    phone = PhoneNumberField(label="Phone number")
    registration = VehicleRegistrationField(label="Vehicle registration")
    name = PersonNameField(label="Full name")


class OptionalForm(forms.Form):
    postcode = PostcodeField(required=False)
    nhs_number = NHSNumberField(required=False)
    phone = PhoneNumberField(required=False)
    registration = VehicleRegistrationField(required=False)
    name = PersonNameField(required=False)


GOOD = {
    "postcode": " sw1a1aa ",
    "nhs_number": "943-476-5919",
    "phone": "07700 900 123",
    "registration": "ab12 cde",
    "name": "  Siobhán  O’Brien ",
}


def test_cleaned_data_is_canonical() -> None:
    form = PersonForm(data=GOOD)
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "postcode": "SW1A 1AA",
        "nhs_number": "9434765919",
        "phone": "+447700900123",
        "registration": "AB12CDE",
        "name": "Siobhán O'Brien",
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        pytest.param("postcode", "SW1A", "Enter a real postcode, like SW1A 1AA", id="postcode"),
        pytest.param(
            "nhs_number",
            "943 476 5918",
            "Enter a valid NHS number – check the digits",
            id="nhs-check-digit",
        ),
        pytest.param("nhs_number", "943 476 591", "NHS number must be 10 digits", id="nhs-short"),
        pytest.param(
            "phone",
            "0800 FLOWERS",
            "Enter a real phone number, like 07700 900 982 or +44 7700 900 982",
            id="phone",
        ),
        pytest.param(
            "registration",
            "AB12*CDE",
            "Vehicle registration must only include letters a to z and numbers",
            id="registration",
        ),
        pytest.param(
            "name",
            "J0hn",
            "Name must only include letters, spaces, hyphens and apostrophes",
            id="name",
        ),
    ],
)
def test_invalid_values_give_the_normaliser_message(field: str, value: str, message: str) -> None:
    form = PersonForm(data={**GOOD, field: value})
    assert not form.is_valid()
    assert form.errors[field] == [message]
    assert form.errors.as_data()[field][0].code == "invalid"
    assert set(form.errors) == {field}


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("postcode", "Enter a postcode"),
        ("nhs_number", "Enter an NHS number"),
        ("phone", "Enter a phone number"),
        ("registration", "Enter a vehicle registration"),
        ("name", "Enter a name"),
    ],
)
def test_required_messages(field: str, message: str) -> None:
    form = PersonForm(data={**GOOD, field: "   "})
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_required_message_can_be_overridden() -> None:
    class ChildForm(forms.Form):
        name = PersonNameField(error_messages={"required": "Enter the child's full name"})

    form = ChildForm(data={"name": ""})
    assert form.errors["name"] == ["Enter the child's full name"]


def test_optional_fields_accept_empty_values() -> None:
    form = OptionalForm(data={"postcode": "", "nhs_number": "  ", "phone": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "postcode": "",
        "nhs_number": "",
        "phone": "",
        "registration": "",
        "name": "",
    }


def test_optional_fields_still_validate_what_is_entered() -> None:
    form = OptionalForm(data={"postcode": "nonsense"})
    assert form.errors["postcode"] == ["Enter a real postcode, like SW1A 1AA"]


def test_vehicle_registration_strict_and_phone_region() -> None:
    class Form(forms.Form):
        uk_registration = VehicleRegistrationField(strict=True)
        any_registration = VehicleRegistrationField()
        french_phone = PhoneNumberField(region="FR")

    form = Form(
        data={
            "uk_registration": "AB-123-CD",
            "any_registration": "AB-123-CD",
            "french_phone": "06 12 34 56 78",
        }
    )
    assert not form.is_valid()
    assert form.errors["uk_registration"] == ["Enter a UK vehicle registration, like AB12 CDE"]
    assert form.cleaned_data["any_registration"] == "AB123CD"
    assert form.cleaned_data["french_phone"] == "+33612345678"


def test_fields_clean_directly() -> None:
    assert PostcodeField().clean("w1a0ax") == "W1A 0AX"
    with pytest.raises(forms.ValidationError) as caught:
        NHSNumberField().clean("0000000000")
    assert caught.value.messages == ["Enter a valid NHS number – check the digits"]


# --- rendering ---------------------------------------------------------------------------------


def input_attrs(form: forms.Form, name: str) -> dict[str, str]:
    html = str(form[name])
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert match, html
    return dict(re.findall(r'([\w-]+)="([^"]*)"', match.group(0)))


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        pytest.param(
            "postcode",
            {"autocomplete": "postal-code", "spellcheck": "false", "autocapitalize": "characters"},
            id="postcode",
        ),
        pytest.param("nhs_number", {"inputmode": "numeric", "spellcheck": "false"}, id="nhs"),
        pytest.param("phone", {"type": "tel", "spellcheck": "false"}, id="phone"),
        pytest.param(
            "registration",
            {"spellcheck": "false", "autocapitalize": "characters"},
            id="registration",
        ),
        pytest.param("name", {"spellcheck": "false"}, id="name"),
    ],
)
def test_widget_attributes(field: str, expected: dict[str, str]) -> None:
    attrs = input_attrs(PersonForm(), field)
    assert expected.items() <= attrs.items()
    assert not any(key.startswith("govuk_") for key in attrs)
    assert "maxlength" not in attrs  # people type spaces the canonical form leaves out
    if field != "postcode":
        assert "autocomplete" not in attrs  # the values are usually someone else's


@pytest.mark.parametrize(
    ("field", "width"),
    [("postcode", "10"), ("nhs_number", "10"), ("phone", "20"), ("registration", "10")],
)
def test_govuk_widths(field: str, width: str) -> None:
    assert PersonForm().fields[field].widget.attrs["govuk_width"] == int(width)
    assert f"govuk-input--width-{width}" in input_attrs(PersonForm(), field)["class"]


def test_postcode_autocomplete_can_be_turned_off_for_someone_elses_address() -> None:
    class Form(forms.Form):
        postcode = PostcodeField(autocomplete=None)
        previous_postcode = PostcodeField(autocomplete="off")

    assert "autocomplete" not in input_attrs(Form(), "postcode")
    assert input_attrs(Form(), "previous_postcode")["autocomplete"] == "off"


def test_attrs_given_with_the_widget_win() -> None:
    class Form(forms.Form):
        nhs_number = NHSNumberField(widget=forms.TextInput(attrs={"govuk_width": 20}))

    assert Form().fields["nhs_number"].widget.attrs["govuk_width"] == 20


@pytest.mark.parametrize(
    ("field", "initial", "shown"),
    [
        pytest.param("nhs_number", "9434765919", "943 476 5919", id="nhs"),
        pytest.param("phone", "+447700900123", "07700 900123", id="uk-phone"),
        pytest.param("phone", "+33612345678", "+33 6 12 34 56 78", id="french-phone"),
        pytest.param("registration", "AB12CDE", "AB12 CDE", id="registration"),
        pytest.param("registration", "AB123CD", "AB123CD", id="foreign-registration"),
        pytest.param("postcode", "SW1A 1AA", "SW1A 1AA", id="postcode"),
        pytest.param("nhs_number", "not a number", "not a number", id="legacy-bad-value-as-is"),
    ],
)
def test_canonical_initial_values_are_shown_formatted(field: str, initial: str, shown: str) -> None:
    assert input_attrs(PersonForm(initial={field: initial}), field)["value"] == shown


def test_what_was_typed_is_shown_back_on_error() -> None:
    data: dict[str, Any] = {**GOOD, "nhs_number": "943 476 5918", "phone": "07700-900-123"}
    form = PersonForm(data=data)
    assert not form.is_valid()
    assert input_attrs(form, "nhs_number")["value"] == "943 476 5918"
    assert input_attrs(form, "phone")["value"] == "07700-900-123"
