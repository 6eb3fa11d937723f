"""Forms for the referrer's side of intake: a concern about a child, and partner information.

Each page is one main form plus a formset per group of people, places and things involved
("Add another" adds a row without JavaScript). Valid answers are kept in the session as a
JSON-safe *draft* (dates as ISO strings) until the referrer sends them from the check page;
the same draft rebuilds the page when they follow a "Change" link.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms.formsets import BaseFormSet, formset_factory
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.utils.dateformat import format as format_date

from cehub.contexts.models import LocationKind
from cehub.core.govuk_forms import GovukDateField
from cehub.core.identifier_fields import (
    NHSNumberField,
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

from .models import Awareness, ExploitationForm, IntelligenceSubjectKind
from .services import (
    ConcernSubmission,
    IntelligenceSubmission,
    Involved,
    ReportedAccount,
    ReportedPerson,
    ReportedPlace,
    ReportedVehicle,
)

MAX_ITEMS = 10  # per group: enough for one report, and a bound on what one POST can create
LONG_TEXT = 5000
NOT_GIVEN = "Not given"

Draft = dict[str, Any]


def _text(widget_rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": widget_rows})


def _short(width: int | str) -> forms.TextInput:
    return forms.TextInput(attrs={"govuk_width": width})


class DraftForm(forms.Form):
    """A form that can be shown bound but unchecked: after "Add another", nothing is wrong yet."""

    def __init__(self, *args: Any, check_input: bool = True, **kwargs: Any) -> None:
        self.check_input = check_input
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        if self.check_input:
            super().full_clean()
            return
        self._errors = ErrorDict()
        self.cleaned_data = {}

    def is_valid(self) -> bool:
        return self.check_input and super().is_valid()


class ItemFormSet(BaseFormSet):
    """Rows of one group. Blank rows are extra forms, so Django leaves them unchecked."""

    default_error_messages = {
        "missing_management_form": "The form was incomplete when it reached us. Go back to the "
        "start of the form and try again",
        "too_many_forms": "You can add up to %(num)d in each group. Describe any others where "
        "you say what you know",
        "too_few_forms": "Add at least %(num)d",
    }

    def __init__(self, *args: Any, check_input: bool = True, **kwargs: Any) -> None:
        self.check_input = check_input
        kwargs["form_kwargs"] = {**kwargs.get("form_kwargs", {}), "check_input": check_input}
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        if self.check_input:
            super().full_clean()
            return
        self._errors = [ErrorDict() for _ in self.forms]
        self._non_form_errors = self.error_class(error_class="nonform")

    def is_valid(self) -> bool:
        return self.check_input and super().is_valid()

    def items(self) -> list[dict[str, Any]]:
        """The cleaned rows that say something (blank rows are ignored)."""
        return [form.cleaned_data for form in self.forms if form.cleaned_data]


# --- The people, places and things involved ------------------------------------------------
class PersonForm(DraftForm):
    kind = forms.ChoiceField(
        label="Is this person an adult or another child?",
        choices=[("adult", "An adult"), ("young-person", "Another child or young person")],
        widget=forms.RadioSelect(attrs={"govuk_inline": True}),
        error_messages={"required": "Select whether this person is an adult or another child"},
    )
    given_name = PersonNameField(label="Given name", required=False)
    family_name = PersonNameField(label="Family name", required=False)
    known_as = forms.CharField(
        label="Known as or street name",
        required=False,
        max_length=100,
        help_text="Any nickname, street name or online name they use",
    )
    age = forms.IntegerField(
        label="Approximate age",
        required=False,
        min_value=0,
        max_value=120,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "govuk_width": 3}),
        help_text="If you do not know their date of birth",
        error_messages={
            "invalid": "Approximate age must be a whole number, like 25",
            "min_value": "Approximate age must be 0 or more",
            "max_value": "Approximate age must be 120 or less",
        },
    )
    date_of_birth = GovukDateField(
        label="Date of birth", required=False, must_be_past=True, help_text="For example, 5 9 1998"
    )
    description = forms.CharField(
        label="Description",
        required=False,
        max_length=300,
        widget=_text(3),
        help_text="What they look like, and how they are connected to the child or the place",
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
                    "When you do not know their real name, the name they are known by must "
                    "only include letters, spaces, hyphens and apostrophes",
                )
        return data


class PlaceForm(DraftForm):
    name = forms.CharField(
        label="Name of the place",
        required=False,
        max_length=200,
        help_text="For example, the name of a shop, takeaway, park or hotel",
    )
    kind = forms.ChoiceField(
        label="What kind of place is it?",
        required=False,
        choices=[("", "Choose the kind of place"), *LocationKind.choices],
    )
    address = forms.CharField(label="Address", required=False, max_length=300, widget=_text(2))
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
            "required": "Enter the registration number – if you do not know it, describe the "
            "vehicle where you say what you have seen or heard"
        },
    )
    description = forms.CharField(
        label="Make, model and colour",
        required=False,
        max_length=200,
        widget=_short("two-thirds"),
        help_text="For example, a silver Ford Focus",
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


# --- The concern ---------------------------------------------------------------------------
YES_NO = [("yes", "Yes"), ("no", "No")]


class ConcernForm(DraftForm):
    # About the child
    child_given_name = PersonNameField(label="Given name", required=False)
    child_family_name = PersonNameField(label="Family name", required=False)
    child_known_as = forms.CharField(
        label="Known as",
        required=False,
        max_length=200,
        help_text="A nickname or another name they use",
    )
    child_date_of_birth = GovukDateField(
        label="Date of birth", required=False, must_be_past=True, help_text="For example, 27 3 2012"
    )
    child_age_estimate = forms.IntegerField(
        label="Approximate age",
        required=False,
        min_value=0,
        max_value=17,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "govuk_width": 2}),
        help_text="If you do not know their date of birth",
        error_messages={
            "invalid": "Approximate age must be a whole number, like 14",
            "min_value": "Approximate age must be 0 or more",
            "max_value": "Approximate age must be 17 or less – the hub is for children",
        },
    )
    child_nhs_number = NHSNumberField(
        label="NHS number",
        required=False,
        help_text="If you know it. It is 10 digits, like 943 476 5919",
    )
    child_address = forms.CharField(
        label="Address", required=False, max_length=300, widget=_text(3)
    )
    child_postcode = PostcodeField(label="Postcode", required=False, autocomplete=None)
    child_school = forms.CharField(
        label="School or college", required=False, max_length=200, widget=_short("two-thirds")
    )
    # What has happened
    what_happened = forms.CharField(
        label="What have you seen or heard?",
        max_length=LONG_TEXT,
        widget=_text(8),
        help_text="Say what happened, who was there and what you noticed. Give facts, dates and "
        "places where you can.",
        error_messages={"required": "Describe what you have seen or heard"},
    )
    happened_on = GovukDateField(
        label="Date it happened",
        required=False,
        must_be_past=True,
        allow_today=True,
        help_text="If you are not sure, give your best estimate. For example, 27 3 2026",
    )
    happened_where = forms.CharField(
        label="Where it happened",
        required=False,
        max_length=300,
        help_text="For example, an address, a park, a shop or a station",
    )
    # Exploitation suspected
    forms_suspected = forms.MultipleChoiceField(
        label="Which forms of exploitation do you suspect?",
        choices=ExploitationForm.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages={
            "required": "Select the forms of exploitation you suspect, or select Not sure"
        },
    )
    # The child's own words
    child_words = forms.CharField(
        label="What has the child said, and what do they want to happen?",
        required=False,
        max_length=LONG_TEXT,
        widget=_text(5),
        help_text="Use their words. Put what they said in quotation marks.",
    )
    # Consent
    child_aware = forms.ChoiceField(
        label="Does the child know you are telling the hub?",
        choices=Awareness.choices,
        widget=forms.RadioSelect(attrs={"govuk_inline": True, "govuk_size": "s"}),
        error_messages={"required": "Select whether the child knows you are telling the hub"},
    )
    family_aware = forms.ChoiceField(
        label="Does the child's family know?",
        choices=Awareness.choices,
        widget=forms.RadioSelect(attrs={"govuk_inline": True, "govuk_size": "s"}),
        error_messages={"required": "Select whether the child's family know"},
    )
    consent_given = forms.ChoiceField(
        label="Have the child and their family agreed to you telling the hub?",
        choices=[
            (Awareness.YES, "Yes"),
            (Awareness.NO, "No, or I have not asked"),
            (Awareness.NOT_SURE, "Not sure"),
        ],
        widget=forms.RadioSelect(attrs={"govuk_size": "s"}),
        help_text="You can share information without agreement when a child is being harmed or "
        "could be. Do not ask if asking could make things more dangerous for the child.",
        error_messages={"required": "Select whether the child and their family have agreed"},
    )
    no_consent_reason = forms.CharField(
        label="If they have not agreed, or you have not asked, why not?",
        required=False,
        max_length=LONG_TEXT,
        widget=_text(3),
    )
    # Immediate danger
    immediate_danger = forms.ChoiceField(
        label="Is the child in immediate danger?",
        choices=YES_NO,
        widget=forms.RadioSelect(attrs={"govuk_inline": True, "govuk_size": "s"}),
        error_messages={"required": "Select yes if the child is in immediate danger"},
    )
    immediate_action_taken = forms.CharField(
        label="If yes, what have you already done?",
        required=False,
        max_length=LONG_TEXT,
        widget=_text(3),
        help_text="For example, you called 999 and were given a log number",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        names = ("child_given_name", "child_family_name", "child_known_as")
        if not any(name in self.errors for name in names) and not any(
            (data.get(name) or "").strip() for name in names
        ):
            self.add_error(
                "child_given_name", "Enter the child's name, or the name they are known by"
            )
        forms_suspected = data.get("forms_suspected") or []
        if ExploitationForm.NOT_SURE in forms_suspected and len(forms_suspected) > 1:
            self.add_error(
                "forms_suspected",
                "Select the forms of exploitation you suspect, or Not sure – not both",
            )
        consent = data.get("consent_given")
        reason = (data.get("no_consent_reason") or "").strip()
        if consent and consent != Awareness.YES and not reason:
            self.add_error(
                "no_consent_reason",
                "Say why the child or family have not agreed, or why you have not asked",
            )
        if (
            data.get("immediate_danger") == "yes"
            and not (data.get("immediate_action_taken") or "").strip()
        ):
            self.add_error(
                "immediate_action_taken",
                "Say what you have already done about the immediate danger "
                "(for example, called 999)",
            )
        return data


@dataclass(frozen=True)
class Section:
    """A part of the main form with its own heading (and "Change" link on the check page)."""

    anchor: str
    heading: str
    fields: tuple[str, ...]


CONCERN_SECTIONS_BEFORE = (
    Section(
        "child",
        "About the child",
        (
            "child_given_name",
            "child_family_name",
            "child_known_as",
            "child_date_of_birth",
            "child_age_estimate",
            "child_nhs_number",
            "child_address",
            "child_postcode",
            "child_school",
        ),
    ),
    Section(
        "what-happened", "What has happened", ("what_happened", "happened_on", "happened_where")
    ),
    Section("exploitation", "Exploitation you suspect", ("forms_suspected",)),
)
CONCERN_SECTIONS_AFTER = (
    Section("child-words", "The child's own words and wishes", ("child_words",)),
    Section(
        "consent",
        "What the child and family know",
        ("child_aware", "family_aware", "consent_given", "no_consent_reason"),
    ),
    Section("danger", "Immediate danger", ("immediate_danger", "immediate_action_taken")),
)


# --- Partner information ---------------------------------------------------------------------
class IntelligenceForm(DraftForm):
    subject_kinds = forms.MultipleChoiceField(
        label="What is the information about?",
        choices=IntelligenceSubjectKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages={"required": "Select what the information is about"},
    )
    information = forms.CharField(
        label="What do you know?",
        max_length=LONG_TEXT,
        widget=_text(8),
        help_text="Give facts: what you saw or heard, when, where and who was there. You do not "
        "need to name a child.",
        error_messages={"required": "Describe what you know"},
    )
    observed_on = GovukDateField(
        label="Date you saw or heard it",
        required=False,
        must_be_past=True,
        allow_today=True,
        help_text="If you are not sure, give your best estimate. For example, 27 3 2026",
    )
    source_description = forms.CharField(
        label="How do you know this?",
        max_length=200,
        help_text="For example, you saw it yourself, a colleague told you, or a member of the "
        "public reported it",
        error_messages={"required": "Say how you know this"},
    )


INTELLIGENCE_SECTIONS_BEFORE = (
    Section(
        "information",
        "The information",
        ("subject_kinds", "information", "observed_on", "source_description"),
    ),
)


# --- A page: the main form and its groups ----------------------------------------------------
@dataclass(frozen=True)
class PageSpec:
    form_class: type[DraftForm]
    groups: tuple[Group, ...]
    sections_before: tuple[Section, ...]
    sections_after: tuple[Section, ...] = ()


CONCERN_PAGE = PageSpec(
    ConcernForm, CONCERN_GROUPS, CONCERN_SECTIONS_BEFORE, CONCERN_SECTIONS_AFTER
)
INTELLIGENCE_PAGE = PageSpec(IntelligenceForm, INTELLIGENCE_GROUPS, INTELLIGENCE_SECTIONS_BEFORE)


@dataclass
class Page:
    spec: PageSpec
    form: DraftForm
    formsets: dict[str, ItemFormSet]

    @property
    def all_forms(self) -> list[DraftForm | ItemFormSet]:
        return [self.form, *self.formsets.values()]

    def is_valid(self) -> bool:
        results = [item.is_valid() for item in self.all_forms]  # every one, to show all errors
        return all(results)

    def draft(self) -> Draft:
        """The cleaned answers, JSON-safe, for the session."""
        return {
            "form": _json_safe(self.form.cleaned_data),
            **{
                prefix: [_json_safe(item) for item in formset.items()]
                for prefix, formset in self.formsets.items()
            },
        }

    def sections(self, which: Sequence[Section]) -> list[dict[str, Any]]:
        return [
            {"section": section, "fields": [self.form[name] for name in section.fields]}
            for section in which
        ]

    def groups(self) -> list[dict[str, Any]]:
        return [
            {
                "group": group,
                "formset": self.formsets[group.prefix],
                "can_add": self.formsets[group.prefix].total_form_count() < MAX_ITEMS,
                "next_number": self.formsets[group.prefix].total_form_count() + 1,
            }
            for group in self.spec.groups
        ]


def _formset_class(group: Group, extra: int) -> type[ItemFormSet]:
    return formset_factory(  # type: ignore[return-value]  # it is our formset class
        group.form_class,
        formset=ItemFormSet,
        extra=extra,
        max_num=MAX_ITEMS,
        absolute_max=MAX_ITEMS,
        validate_max=True,
    )


def build_page(
    spec: PageSpec,
    data: QueryDict | None = None,
    *,
    check_input: bool = True,
    add_to: str = "",
) -> Page:
    """The page, blank or bound to ``data``; ``add_to`` a group prefix adds one blank row there."""
    if data is not None and add_to in {group.prefix for group in spec.groups}:
        data = data.copy()
        key = f"{add_to}-TOTAL_FORMS"
        try:
            count = int(data.get(key, "1"))
        except ValueError:
            count = 1
        data[key] = str(max(1, min(count + 1, MAX_ITEMS)))
        check_input = False
    form = spec.form_class(data, check_input=check_input)
    formsets = {
        group.prefix: _formset_class(group, extra=1)(
            data, prefix=group.prefix, check_input=check_input
        )
        for group in spec.groups
    }
    return Page(spec, form, formsets)


def draft_data(spec: PageSpec, draft: Draft) -> QueryDict:
    """Form data that rebuilds the page from a draft (for "Change" links)."""
    data = QueryDict(mutable=True)
    _fill(data, spec.form_class, draft.get("form", {}), prefix="")
    for group in spec.groups:
        items = draft.get(group.prefix, [])
        data[f"{group.prefix}-TOTAL_FORMS"] = str(max(1, len(items)))
        data[f"{group.prefix}-INITIAL_FORMS"] = "0"
        for index, item in enumerate(items):
            _fill(data, group.form_class, item, prefix=f"{group.prefix}-{index}-")
    return data


def _fill(
    data: QueryDict, form_class: type[forms.Form], values: Mapping[str, Any], prefix: str
) -> None:
    for name, field in form_class.base_fields.items():
        value = values.get(name)
        key = prefix + name
        if isinstance(field, GovukDateField):
            day = month = year = ""
            if value:
                when = datetime.date.fromisoformat(value)
                day, month, year = str(when.day), str(when.month), str(when.year)
            data[f"{key}_day"], data[f"{key}_month"], data[f"{key}_year"] = day, month, year
        elif isinstance(value, list):
            data.setlist(key, [str(item) for item in value])
        else:
            data[key] = "" if value is None else str(value)


def _json_safe(values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: value.isoformat() if isinstance(value, datetime.date) else value
        for name, value in values.items()
    }


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


# --- From a draft to what the services take --------------------------------------------------
def _involved(draft: Draft) -> Involved:
    people = []
    for item in draft.get("people", []):
        description = item.get("description") or ""
        if item.get("age") is not None:
            # ReportedPerson has no age field: keep the estimate with the description.
            description = f"Approximate age {item['age']}. {description}".strip()
        people.append(
            ReportedPerson(
                given_name=item.get("given_name") or "",
                family_name=item.get("family_name") or "",
                known_as=(item.get("known_as") or "").strip(),
                date_of_birth=_date(item.get("date_of_birth")),
                description=description,
                is_young_person=item.get("kind") == "young-person",
            )
        )
    return Involved(
        people=people,
        places=[
            ReportedPlace(
                name=(item.get("name") or "").strip(),
                address=(item.get("address") or "").strip(),
                postcode=item.get("postcode") or "",
                kind=item.get("kind") or LocationKind.OTHER,
            )
            for item in draft.get("places", [])
        ],
        vehicles=[
            ReportedVehicle(
                registration=item["registration"],
                description=(item.get("description") or "").strip(),
            )
            for item in draft.get("vehicles", [])
        ],
        phones=[item["number"] for item in draft.get("phones", [])],
        accounts=[
            ReportedAccount(platform=item["platform"], handle=item["handle"])
            for item in draft.get("accounts", [])
        ],
    )


def concern_submission(draft: Draft) -> ConcernSubmission:
    answers = draft["form"]
    return ConcernSubmission(
        child_given_name=answers.get("child_given_name") or "",
        child_family_name=answers.get("child_family_name") or "",
        child_known_as=answers.get("child_known_as") or "",
        child_date_of_birth=_date(answers.get("child_date_of_birth")),
        child_age_estimate=answers.get("child_age_estimate"),
        child_nhs_number=answers.get("child_nhs_number") or "",
        child_address=answers.get("child_address") or "",
        child_postcode=answers.get("child_postcode") or "",
        child_school=answers.get("child_school") or "",
        what_happened=answers["what_happened"],
        happened_on=_date(answers.get("happened_on")),
        happened_where=answers.get("happened_where") or "",
        forms_suspected=[ExploitationForm(value) for value in answers.get("forms_suspected", [])],
        child_words=answers.get("child_words") or "",
        child_aware=Awareness(answers["child_aware"]),
        family_aware=Awareness(answers["family_aware"]),
        consent_given=Awareness(answers["consent_given"]),
        no_consent_reason=answers.get("no_consent_reason") or "",
        immediate_danger=answers.get("immediate_danger") == "yes",
        immediate_action_taken=answers.get("immediate_action_taken") or "",
        involved=_involved(draft),
    )


def intelligence_submission(draft: Draft) -> IntelligenceSubmission:
    answers = draft["form"]
    return IntelligenceSubmission(
        information=answers["information"],
        source_description=answers["source_description"],
        subject_kinds=list(answers.get("subject_kinds", [])),
        observed_on=_date(answers.get("observed_on")),
        involved=_involved(draft),
    )


# --- What the check page shows ---------------------------------------------------------------
def _display(field: forms.Field, value: Any) -> str:
    if value in (None, "", []):
        return NOT_GIVEN
    if isinstance(field, GovukDateField):
        return format_date(datetime.date.fromisoformat(value), "j F Y")
    if isinstance(field, forms.ChoiceField):
        choices: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]
        labels = {str(key): str(label) for key, label in choices}
        if isinstance(value, list):
            return "\n".join(labels.get(str(item), str(item)) for item in value)
        return labels.get(str(value), str(value))
    prepared = field.prepare_value(value)  # identifiers: "AB12 CDE", "943 476 5919"
    return str(prepared)


def _rows(
    form_class: type[forms.Form], values: Mapping[str, Any], *, skip_blank: bool
) -> list[dict[str, str]]:
    rows = []
    for name, field in form_class.base_fields.items():
        value = values.get(name)
        if skip_blank and value in (None, "", []):
            continue
        rows.append({"key": str(field.label), "value": _display(field, value)})
    return rows


def draft_summary(spec: PageSpec, draft: Draft) -> dict[str, Any]:
    """Summary cards for the check page: one per section, and one per person, place or thing."""
    answers = draft.get("form", {})

    def sections(which: Sequence[Section]) -> list[dict[str, Any]]:
        return [
            {
                "anchor": section.anchor,
                "heading": section.heading,
                "rows": [
                    {
                        "key": str(spec.form_class.base_fields[name].label),
                        "value": _display(spec.form_class.base_fields[name], answers.get(name)),
                    }
                    for name in section.fields
                ],
            }
            for section in which
        ]

    groups = []
    for group in spec.groups:
        items = draft.get(group.prefix, [])
        groups.append(
            {
                "group": group,
                "items": [
                    {
                        "title": f"{group.item} {number}",
                        "anchor": f"{group.prefix}-{number}",
                        "rows": _rows(group.form_class, item, skip_blank=True),
                    }
                    for number, item in enumerate(items, start=1)
                ],
            }
        )
    return {
        "before": sections(spec.sections_before),
        "groups": groups,
        "after": sections(spec.sections_after),
    }


language_checked(
    PersonForm.base_fields["description"],
    ConcernForm.base_fields["what_happened"],
    ConcernForm.base_fields["child_words"],
    ConcernForm.base_fields["no_consent_reason"],
    ConcernForm.base_fields["immediate_action_taken"],
    IntelligenceForm.base_fields["information"],
)
