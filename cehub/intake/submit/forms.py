"""Forms for the referrer's side of intake: a concern about a child, and partner information.

Each page is one main form (these) plus a formset per group of people, places and things
involved (``involved_forms``), put together by ``drafts``. The forms parse what was typed; the
rules a report must meet, and their messages, are the services' (``concern_problems``,
``intelligence_problems``), which the page runs too so that every problem shows at once.
"""

from __future__ import annotations

from typing import Any

from django import forms

from cehub.contexts.models import LocationKind
from cehub.core.govuk_forms import DraftForm, GovukDateField
from cehub.core.identifier_fields import NHSNumberField, PersonNameField, PostcodeField
from cehub.language.forms import language_checked

from ..models import Awareness, ExploitationForm, IntelligenceSubjectKind
from .drafts import Draft, PageSpec, Section, draft_date
from .involved_forms import (
    CONCERN_GROUPS,
    INTELLIGENCE_GROUPS,
    age_field,
    optional_text,
    short_box,
    text_box,
)
from .services import (
    ConcernSubmission,
    IntelligenceSubmission,
    Involved,
    ReportedAccount,
    ReportedPerson,
    ReportedPlace,
    ReportedVehicle,
)

LONG_TEXT = 5000


def _when(label: str) -> GovukDateField:
    """The day something was seen or heard: today or before, and a best estimate will do."""
    return GovukDateField(
        label=label,
        required=False,
        must_be_past=True,
        allow_today=True,
        help_text="If you are not sure, give your best estimate. For example, 27 3 2026",
    )


# --- The concern ---------------------------------------------------------------------------
YES_NO = [("yes", "Yes"), ("no", "No")]


class ConcernForm(DraftForm):
    # About the child
    child_given_name = PersonNameField(label="Given name", required=False)
    child_family_name = PersonNameField(label="Family name", required=False)
    child_known_as = optional_text("Known as", 200, help_text="A nickname or another name they use")
    child_date_of_birth = GovukDateField(
        label="Date of birth", required=False, must_be_past=True, help_text="For example, 27 3 2012"
    )
    child_age_estimate = age_field(
        17, example=14, too_old="Approximate age must be 17 or less – the hub is for children"
    )
    child_nhs_number = NHSNumberField(
        label="NHS number",
        required=False,
        help_text="If you know it. It is 10 digits, like 943 476 5919",
    )
    child_address = optional_text("Address", 300, widget=text_box(3))
    child_postcode = PostcodeField(label="Postcode", required=False, autocomplete=None)
    child_school = optional_text("School or college", 200, widget=short_box("two-thirds"))
    # What has happened
    # Needed: the service says so (concern_problems)
    what_happened = optional_text(
        "What have you seen or heard?",
        LONG_TEXT,
        help_text=(
            "Say what happened, who was there and what you noticed. Give facts, dates and "
            "places where you can."
        ),
        widget=text_box(8),
    )
    happened_on = _when("Date it happened")
    happened_where = optional_text(
        "Where it happened", 300, help_text="For example, an address, a park, a shop or a station"
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
    child_words = optional_text(
        "What has the child said, and what do they want to happen?",
        LONG_TEXT,
        help_text="Use their words. Put what they said in quotation marks.",
        widget=text_box(5),
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
        help_text=(
            "You can share information without agreement when a child is being harmed or "
            "could be. Do not ask if asking could make things more dangerous for the child."
        ),
        error_messages={"required": "Select whether the child and their family have agreed"},
    )
    no_consent_reason = optional_text(
        "If they have not agreed, or you have not asked, why not?", LONG_TEXT, widget=text_box(3)
    )
    # Immediate danger
    immediate_danger = forms.ChoiceField(
        label="Is the child in immediate danger?",
        choices=YES_NO,
        widget=forms.RadioSelect(attrs={"govuk_inline": True, "govuk_size": "s"}),
        error_messages={"required": "Select yes if the child is in immediate danger"},
    )
    immediate_action_taken = optional_text(
        "If yes, what have you already done?",
        LONG_TEXT,
        help_text="For example, you called 999 and were given a log number",
        widget=text_box(3),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        forms_suspected = data.get("forms_suspected") or []
        if ExploitationForm.NOT_SURE in forms_suspected and len(forms_suspected) > 1:
            self.add_error(
                "forms_suspected",
                "Select the forms of exploitation you suspect, or Not sure – not both",
            )
        return data


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
    # Needed: the service says so (intelligence_problems)
    information = optional_text(
        "What do you know?",
        LONG_TEXT,
        help_text=(
            "Give facts: what you saw or heard, when, where and who was there. You do not "
            "need to name a child."
        ),
        widget=text_box(8),
    )
    observed_on = _when("Date you saw or heard it")
    # Needed: the service says so
    source_description = optional_text(
        "How do you know this?",
        200,
        help_text=(
            "For example, you saw it yourself, a colleague told you, or a member of the "
            "public reported it"
        ),
    )


INTELLIGENCE_SECTIONS_BEFORE = (
    Section(
        "information",
        "The information",
        ("subject_kinds", "information", "observed_on", "source_description"),
    ),
)


# --- A page: the main form and its groups ----------------------------------------------------
CONCERN_PAGE = PageSpec(
    ConcernForm, CONCERN_GROUPS, CONCERN_SECTIONS_BEFORE, CONCERN_SECTIONS_AFTER
)
INTELLIGENCE_PAGE = PageSpec(IntelligenceForm, INTELLIGENCE_GROUPS, INTELLIGENCE_SECTIONS_BEFORE)


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
                date_of_birth=draft_date(item.get("date_of_birth")),
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


def _awareness(answers: Draft, name: str) -> Awareness:
    # Unanswered only while the page shows that answer's own error; the rules that read it
    # wait for it meanwhile (``unread``), so the stand-in is never judged.
    return Awareness(answers.get(name) or Awareness.NOT_SURE)


def concern_submission(draft: Draft) -> ConcernSubmission:
    """The concern as the service takes it. From the page's ``answers()`` before everything
    parsed, an answer that did not parse reads as blank."""
    answers = draft["form"]
    return ConcernSubmission(
        child_given_name=answers.get("child_given_name") or "",
        child_family_name=answers.get("child_family_name") or "",
        child_known_as=answers.get("child_known_as") or "",
        child_date_of_birth=draft_date(answers.get("child_date_of_birth")),
        child_age_estimate=answers.get("child_age_estimate"),
        child_nhs_number=answers.get("child_nhs_number") or "",
        child_address=answers.get("child_address") or "",
        child_postcode=answers.get("child_postcode") or "",
        child_school=answers.get("child_school") or "",
        what_happened=answers.get("what_happened") or "",
        happened_on=draft_date(answers.get("happened_on")),
        happened_where=answers.get("happened_where") or "",
        forms_suspected=[ExploitationForm(value) for value in answers.get("forms_suspected", [])],
        child_words=answers.get("child_words") or "",
        child_aware=_awareness(answers, "child_aware"),
        family_aware=_awareness(answers, "family_aware"),
        consent_given=_awareness(answers, "consent_given"),
        no_consent_reason=answers.get("no_consent_reason") or "",
        immediate_danger=answers.get("immediate_danger") == "yes",
        immediate_action_taken=answers.get("immediate_action_taken") or "",
        involved=_involved(draft),
    )


def intelligence_submission(draft: Draft) -> IntelligenceSubmission:
    """As for a concern: an answer that did not parse reads as blank."""
    answers = draft["form"]
    return IntelligenceSubmission(
        information=answers.get("information") or "",
        source_description=answers.get("source_description") or "",
        subject_kinds=list(answers.get("subject_kinds", [])),
        observed_on=draft_date(answers.get("observed_on")),
        involved=_involved(draft),
    )


language_checked(
    ConcernForm.base_fields["what_happened"],
    ConcernForm.base_fields["child_words"],
    ConcernForm.base_fields["no_consent_reason"],
    ConcernForm.base_fields["immediate_action_taken"],
    IntelligenceForm.base_fields["information"],
)
