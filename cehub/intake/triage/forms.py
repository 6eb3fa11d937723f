"""Forms for the hub's side of intake: finding the child, sharing decisions, next step, grading.

Each form has a prefix, because several of them share the concern page and their ids must
not clash. The forms parse what was typed; the rules and their messages are the services'
(``child_details_problems``, ``sharing_problems``, ``grading_problems``), which the views run
beside the forms so that every problem shows at once.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms

from cehub.contexts.models import HandlingCode, IntelligenceAssessment, SourceEvaluation
from cehub.core.govuk_forms import GovukDateField
from cehub.core.identifier_fields import NHSNumberField, PersonNameField, PostcodeField
from cehub.language.forms import language_checked
from cehub.people.models import DobPrecision, PersonCategory, Sex
from cehub.people.selectors import PersonMatch
from cehub.people.services import PersonDetails

from ..models import ConsentStatus, LawfulBasis, NextStep, SharingOutcome
from .services import SharingDecisionInput

# The parsers below read what parsed; an answer that did not reads as blank, or as a choice's
# stand-in, while the page shows that answer's own error. The services' rules that read such
# an answer wait for it (``unread``), so a stand-in is never judged.
NEW_RECORD = "new"
STALE_PAGE = "This page is out of date: reload it and try again"
CHOOSE_CHILD = "Select the child this concern is about, or create a new record"


def _radios(
    label: str, choices: Any, message: str, *, initial: str | None = None, **attrs: bool
) -> forms.ChoiceField:
    """Radios with one message for nothing chosen and for a value that is not a choice."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        initial=initial,
        widget=forms.RadioSelect(attrs=attrs),
        error_messages={"required": message, "invalid_choice": message},
    )


def _words(label: str, rows: int, help_text: str = "") -> forms.CharField:
    """Free text, optional to the form (a service says when it is needed)."""
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"govuk_rows": rows}),
        help_text=help_text,
    )


def _version_field() -> forms.IntegerField:
    # The record's version when the page was drawn: a stale one is refused (optimistic lock).
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE, "min_value": STALE_PAGE},
    )


class FindChildForm(forms.Form):
    """Search for the child's existing record before anyone creates a duplicate."""

    prefix = "find"

    name = PersonNameField(
        label="Name",
        required=False,
        help_text="Similar spellings are found too",
        widget=forms.TextInput(attrs={"govuk_width": "two-thirds", "autocomplete": "off"}),
    )
    date_of_birth = GovukDateField(
        label="Date of birth",
        required=False,
        must_be_past=True,
        help_text="For example, 27 3 2011",
    )
    nhs_number = NHSNumberField(label="NHS number", required=False)
    postcode = PostcodeField(
        label="Postcode",
        required=False,
        autocomplete=None,
        help_text="Finds people linked to a place at this postcode",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not any(data.get(key) for key in self.fields):
            self.add_error("name", "Enter a name, date of birth, NHS number or postcode to search")
        return data


class LinkChildForm(forms.Form):
    """Choose one of the children found, or say none of them is this child."""

    prefix = "link"

    person = forms.CharField(
        label="Which child is this concern about?",
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_CHILD},
    )
    version = _version_field()

    def set_candidates(self, candidates: list[PersonMatch]) -> None:
        """The radios to draw: each child found (identity only), then "none of these"."""
        choices: list[tuple[str, str]] = []
        hints: dict[str, str] = {}
        for match in candidates:
            person = match.person
            value = str(person.pk)
            choices.append((value, person.full_name))
            born = (
                f"Born {person.date_of_birth:%-d %B %Y}"
                if person.date_of_birth
                else "Date of birth not recorded"
            )
            hints[value] = f"{born}. Why it matched: {', '.join(match.reasons).lower()}"
        choices.append((NEW_RECORD, "None of these — create a new record from the concern"))
        field = self.fields["person"]
        field.widget.choices = choices
        field.govuk = {"item_hints": hints, "size": "m"}  # type: ignore[attr-defined]

    def clean_person(self) -> str:
        value: str = self.cleaned_data["person"]
        if value == NEW_RECORD:
            return value
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise forms.ValidationError(CHOOSE_CHILD) from None


class CreateChildForm(forms.Form):
    """A new child's record, prefilled from what the referrer told us."""

    prefix = "create"

    given_name = PersonNameField(label="Given name", required=False)
    family_name = PersonNameField(label="Family name", required=False)
    known_as = PersonNameField(
        label="Known as (optional)",
        required=False,
        help_text="A nickname or another name the child uses",
    )
    date_of_birth = GovukDateField(
        label="Date of birth (optional)",
        required=False,
        must_be_past=True,
        help_text="For example, 27 3 2011",
    )
    dob_precision = _radios(
        "How sure is the date of birth?",
        DobPrecision.choices,
        "Select how sure the date of birth is",
        initial=DobPrecision.EXACT,
        govuk_small=True,
    )
    nhs_number = NHSNumberField(label="NHS number (optional)", required=False)
    sex = _radios(
        "Sex",
        Sex.choices,
        "Select the child's sex, or not known",
        initial=Sex.NOT_KNOWN,
        govuk_inline=True,
        govuk_small=True,
    )
    version = _version_field()

    def to_details(self) -> PersonDetails:
        data = self.cleaned_data
        known_as = data.get("known_as") or ""
        return PersonDetails(
            category=PersonCategory.CHILD,
            given_name=data.get("given_name") or "",
            family_name=data.get("family_name") or "",
            date_of_birth=data.get("date_of_birth"),
            dob_precision=DobPrecision(data.get("dob_precision") or DobPrecision.EXACT),
            sex=Sex(data.get("sex") or Sex.NOT_KNOWN),
            nhs_number=data.get("nhs_number") or "",
            known_as=[known_as] if known_as else [],
        )


# The stored labels, except one reworded so that no option's label contains another field's
# ("rationale"): people, screen readers and browser tests find fields by their labels.
CONSENT_CHOICES = [
    (value, "Not sought: other grounds, explained below" if value == "not-sought-other" else label)
    for value, label in ConsentStatus.choices
]


class SharingDecisionForm(forms.Form):
    """A decision to share, or not to share — both with a lawful basis and reasons."""

    prefix = "sharing"

    outcome = _radios(
        "Decision",
        SharingOutcome.choices,
        "Select whether to share or not to share",
        govuk_inline=True,
    )
    recipients = forms.CharField(
        label="Who it is shared with",
        required=False,
        max_length=300,
        help_text="Agencies and teams. Needed when sharing",
        error_messages={"max_length": "Who it is shared with must be 300 characters or fewer"},
    )
    information = _words(
        "What is shared", 3, "Only what is necessary and proportionate. Needed when sharing"
    )
    purpose = forms.CharField(
        label="Purpose",
        required=False,  # needed: the service says so (sharing_problems)
        max_length=300,
        help_text="What the sharing (or not sharing) is for, for example to protect the child",
        error_messages={"max_length": "Purpose must be 300 characters or fewer"},
    )
    lawful_basis = _radios(
        "Lawful basis", LawfulBasis.choices, "Select the lawful basis", govuk_small=True
    )
    consent_status = _radios(
        "Consent status",
        CONSENT_CHOICES,
        "Select whether consent was given, refused or not sought",
        govuk_small=True,
    )
    rationale = _words(
        "Rationale", 4, "Your reasons. Needed for both decisions, to share and not to share"
    )

    def to_input(self) -> SharingDecisionInput:
        data = self.cleaned_data
        return SharingDecisionInput(
            outcome=SharingOutcome(data.get("outcome") or SharingOutcome.NOT_SHARE),
            recipients=data.get("recipients") or "",
            information=data.get("information") or "",
            purpose=data.get("purpose") or "",
            lawful_basis=LawfulBasis(data.get("lawful_basis") or LawfulBasis.NONE_NEEDED),
            consent_status=ConsentStatus(data.get("consent_status") or ConsentStatus.NOT_NEEDED),
            rationale=data.get("rationale") or "",
        )


class NextStepForm(forms.Form):
    prefix = "next"

    next_step = _radios("What happens next?", NextStep.choices, "Select what happens next")
    reason = _words(
        "Reason",
        3,
        "Needed for no further action (why) and for signposting (which service, and why)",
    )
    version = _version_field()


class GradeForm(forms.Form):
    """3x5x2 grading (PRACTICE.md §2)."""

    prefix = "grade"

    source_evaluation = _radios(
        "Source evaluation",
        SourceEvaluation.choices,
        "Select the source evaluation",
        govuk_small=True,
    )
    intelligence_assessment = _radios(
        "Intelligence assessment",
        IntelligenceAssessment.choices,
        "Select the intelligence assessment",
        govuk_small=True,
    )
    handling_code = _radios(
        "Handling code", HandlingCode.choices, "Select the handling code", govuk_small=True
    )
    handling_conditions = _words(
        "Handling conditions", 3, "Needed for code C: who may receive it, and on what terms"
    )
    rationale = _words("Why this grading (optional)", 3)
    version = _version_field()

    def grading(self) -> dict[str, str]:
        """The 3x5x2 grading and its words, as ``intelligence_grade`` takes them."""
        names = (
            "source_evaluation",
            "intelligence_assessment",
            "handling_code",
            "handling_conditions",
            "rationale",
        )
        return {name: self.cleaned_data.get(name) or "" for name in names}


language_checked(
    SharingDecisionForm.base_fields["information"],
    SharingDecisionForm.base_fields["rationale"],
    NextStepForm.base_fields["reason"],
    GradeForm.base_fields["handling_conditions"],
    GradeForm.base_fields["rationale"],
)
