"""The people, places and things a referrer names: one repeatable group of rows each.

Adults and other young people, places, vehicles, phone numbers and online accounts: each
group is a formset whose "Add another" adds a row without JavaScript. A blank row is ignored;
a row that says something must say enough to find or create its record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms

from cehub.contexts.models import LocationKind
from cehub.core.govuk_forms import DraftForm, DraftFormSet, GovukDateField
from cehub.core.identifier_fields import (
    PersonNameField,
    PhoneNumberField,
    PostcodeField,
    VehicleRegistrationField,
)
from cehub.core.identifiers import (
    PLATFORMS,
    InvalidIdentifier,
    normalise_online_handle,
    normalise_person_name,
)
from cehub.language.forms import language_checked

MAX_ITEMS = 10  # per group: enough for one report, and a bound on what one POST can create


def text_box(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def short_box(width: int | str) -> forms.TextInput:
    return forms.TextInput(attrs={"govuk_width": width})


def age_field(most: int, *, example: int, too_old: str) -> forms.IntegerField:
    """An approximate age, for when the date of birth is not known."""
    return forms.IntegerField(
        label="Approximate age",
        required=False,
        min_value=0,
        max_value=most,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "govuk_width": len(str(most))}),
        help_text="If you do not know their date of birth",
        error_messages={
            "invalid": f"Approximate age must be a whole number, like {example}",
            "min_value": "Approximate age must be 0 or more",
            "max_value": too_old,
        },
    )


def optional_text(
    label: str, max_length: int, *, help_text: str = "", widget: forms.Widget | None = None
) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=max_length, help_text=help_text, widget=widget
    )


class ItemFormSet(DraftFormSet):
    """Rows of one group. Blank rows are extra forms, so Django leaves them unchecked."""

    default_error_messages = {
        "missing_management_form": (
            "The form was incomplete when it reached us. Go back to the "
            "start of the form and try again"
        ),
        "too_many_forms": (
            "You can add up to %(num)d in each group. Describe any others where you "
            "say what you know"
        ),
        "too_few_forms": "Add at least %(num)d",
    }

    def items(self) -> list[dict[str, Any]]:
        """The cleaned rows that say something (blank rows are ignored)."""
        return [form.cleaned_data for form in self.forms if form.cleaned_data]


# --- The rows of each group ----------------------------------------------------------------
class PersonForm(DraftForm):
    kind = forms.ChoiceField(
        label="Is this person an adult or another child?",
        choices=[("adult", "An adult"), ("young-person", "Another child or young person")],
        widget=forms.RadioSelect(attrs={"govuk_inline": True}),
        error_messages={"required": "Select whether this person is an adult or another child"},
    )
    given_name = PersonNameField(label="Given name", required=False)
    family_name = PersonNameField(label="Family name", required=False)
    known_as = optional_text(
        "Known as or street name",
        100,
        help_text="Any nickname, street name or online name they use",
    )
    age = age_field(120, example=25, too_old="Approximate age must be 120 or less")
    date_of_birth = GovukDateField(
        label="Date of birth", required=False, must_be_past=True, help_text="For example, 5 9 1998"
    )
    description = optional_text(
        "Description",
        300,
        help_text="What they look like, and how they are connected to the child or the place",
        widget=text_box(3),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given, family = data.get("given_name"), data.get("family_name")
        known_as = (data.get("known_as") or "").strip()
        if "given_name" in self.errors or "family_name" in self.errors:
            return data
        if not (given or family or known_as):
            self.add_error("given_name", "Enter the person's name, or the name they are known by")
        elif not (given or family):
            # With no other name, the street name becomes the record's name, so it must be one.
            try:
                normalise_person_name(known_as)
            except InvalidIdentifier:
                self.add_error(
                    "known_as",
                    "When you do not know their real name, the name they are known by must only "
                    "include letters, spaces, hyphens and apostrophes",
                )
        return data


class PlaceForm(DraftForm):
    name = optional_text(
        "Name of the place",
        200,
        help_text="For example, the name of a shop, takeaway, park or hotel",
    )
    kind = forms.ChoiceField(
        label="What kind of place is it?",
        required=False,
        choices=[("", "Choose the kind of place"), *LocationKind.choices],
    )
    address = optional_text("Address", 300, widget=text_box(2))
    postcode = PostcodeField(label="Postcode", required=False, autocomplete=None)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "postcode" not in self.errors and not (
            (data.get("name") or "").strip()
            or (data.get("address") or "").strip()
            or data.get("postcode")
        ):
            self.add_error("name", "Enter the name, address or postcode of the place")
        return data


class VehicleForm(DraftForm):
    registration = VehicleRegistrationField(
        label="Registration number",
        error_messages={
            "required": (
                "Enter the registration number – if you do not know it, describe the "
                "vehicle where you say what you have seen or heard"
            )
        },
    )
    description = optional_text(
        "Make, model and colour",
        200,
        help_text="For example, a silver Ford Focus",
        widget=short_box("two-thirds"),
    )


class PhoneForm(DraftForm):
    number = PhoneNumberField(
        label="Phone number",
        help_text="For example, 07700 900 982",
        error_messages={"required": "Enter the phone number"},
    )


class AccountForm(DraftForm):
    platform = forms.ChoiceField(
        label="App or website",
        choices=[("", "Choose the app or website"), *PLATFORMS],
        error_messages={"required": "Select the app or website"},
    )
    handle = forms.CharField(
        label="Username or link to the profile",
        max_length=300,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "none"}),
        error_messages={"required": "Enter the username, or a link to the profile"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("platform") and data.get("handle"):
            try:
                data["platform"], data["handle"] = normalise_online_handle(
                    data["platform"], data["handle"]
                )
            except InvalidIdentifier as error:
                self.add_error("handle", error.message)
        return data


@dataclass(frozen=True)
class Group:
    """One repeatable group on the page: its formset prefix, form and words."""

    prefix: str
    form_class: type[DraftForm]
    heading: str
    item: str  # "Person" -> legends "Person 1", "Person 2"
    add_label: str
    hint: str = ""


PEOPLE = Group(
    "people",
    PersonForm,
    "Adults and other young people",
    "Person",
    "Add another person",
    "Anyone involved in what you have seen or heard, other than the child.",
)
VEHICLES = Group("vehicles", VehicleForm, "Vehicles", "Vehicle", "Add another vehicle")
PHONES = Group(
    "phones",
    PhoneForm,
    "Phone numbers",
    "Phone",
    "Add another phone number",
    "Numbers used to contact the child, or by the people involved.",
)
ACCOUNTS = Group(
    "accounts",
    AccountForm,
    "Online accounts",
    "Account",
    "Add another online account",
    "Accounts on apps, games or websites.",
)
CONCERN_GROUPS = (
    PEOPLE,
    Group(
        "places",
        PlaceForm,
        "Places",
        "Place",
        "Add another place",
        "Where the child has been seen or taken, or where things happened.",
    ),
    VEHICLES,
    PHONES,
    ACCOUNTS,
)
INTELLIGENCE_GROUPS = (
    Group(
        "people",
        PersonForm,
        "People",
        "Person",
        "Add another person",
        "Anyone the information is about.",
    ),
    Group(
        "places",
        PlaceForm,
        "Places and businesses",
        "Place",
        "Add another place or business",
        "For example, a shop selling vapes to children, a takeaway, a taxi firm or a flat.",
    ),
    VEHICLES,
    PHONES,
    ACCOUNTS,
)


language_checked(PersonForm.base_fields["description"])
