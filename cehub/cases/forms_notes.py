"""Forms for case notes: add a note, and correct one (the same note, plus why).

The date and time of the contact follow the GOV.UK pattern used for missing episodes: a date
input and a 24-hour time box, combined in ``clean`` into a UK time. The note text is checked
for wording that blames the child, as the author types and again on submit.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from cehub.core.govuk_forms import GovukDateField
from cehub.language.forms import language_checked

from .forms_work import TimeOfDayField, combine_moment
from .models import (
    NOTE_CORRECTION_REASON_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    NOTE_PRESENT_MAX_LENGTH,
    CaseNote,
    CaseNoteKind,
)
from .note_services import CaseNoteInput

YES, NO = "yes", "no"
DATE_MESSAGE = "Enter the date of the contact"
TIME_MESSAGE = "Enter the time of the contact"
FUTURE_TIME = "The time of the contact must be in the past"
CHILD_SEEN_MESSAGE = "Select whether the child was seen"
TEXT_TOO_LONG = f"The case note must be {NOTE_MAX_LENGTH:,} characters or fewer"

# A service's field name -> the box on the page that shows its problem.
NOTE_ERROR_FIELDS = {"contact_at": "contact_time"}


class NoteTextField(forms.CharField):
    """Free text whose line breaks count once (browsers send CRLF), as the service counts."""

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        return text.replace("\r\n", "\n") if isinstance(text, str) else text


def _seen(value: str) -> bool | None:
    return {YES: True, NO: False}.get(value)


class CaseNoteForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of contact was it?",
        choices=CaseNoteKind.choices,
        widget=forms.RadioSelect(attrs={"govuk_size": "s"}),
        error_messages={
            "required": "Select the kind of contact",
            "invalid_choice": "Select the kind of contact",
        },
    )
    contact_date = GovukDateField(
        label="Date of the contact",
        must_be_past=True,
        allow_today=True,
        required_message=DATE_MESSAGE,
        help_text="For example, 27 3 2026",
    )
    contact_time = TimeOfDayField(label="Time of the contact", required_message=TIME_MESSAGE)
    child_seen = forms.TypedChoiceField(
        label="Was the child seen?",
        help_text="Needed for a visit. Seen means you saw the child in person.",
        choices=[(YES, "Yes"), (NO, "No")],
        coerce=_seen,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"govuk_size": "s", "govuk_inline": True}),
        error_messages={"invalid_choice": CHILD_SEEN_MESSAGE},
    )
    present = forms.CharField(
        label="Who was there, or who did you speak to? (optional)",
        help_text="Names and roles. For example, the child and their mum, or the school's "
        "designated safeguarding lead.",
        required=False,
        max_length=NOTE_PRESENT_MAX_LENGTH,
        error_messages={
            "max_length": f"Who was there must be {NOTE_PRESENT_MAX_LENGTH} characters or fewer"
        },
    )
    text = NoteTextField(
        label="Case note",
        help_text="What happened, what the child said (their words in quotation marks), what "
        "you and others will do next. Write it for the child: they may read it when they are "
        "older. Say what adults did, not what the child should have done.",
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"govuk_rows": 12, "govuk_threshold": 75}),
        error_messages={"required": "Enter the case note", "max_length": TEXT_TOO_LONG},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        contact_at = combine_moment(
            self, data, "contact", date_message=DATE_MESSAGE, time_message=TIME_MESSAGE
        )
        if contact_at is not None and contact_at > timezone.now():
            self.add_error("contact_time", FUTURE_TIME)
            contact_at = None
        data["contact_at"] = contact_at
        if (
            data.get("kind") == CaseNoteKind.VISIT
            and data.get("child_seen") is None
            and "child_seen" not in self.errors
        ):
            self.add_error("child_seen", CHILD_SEEN_MESSAGE)
        return data

    def to_input(self) -> CaseNoteInput:
        data = self.cleaned_data
        return CaseNoteInput(
            kind=data["kind"],
            contact_at=data["contact_at"],
            text=data["text"],
            present=data.get("present") or "",
            child_seen=data.get("child_seen"),
        )


class CaseNoteCorrectionForm(CaseNoteForm):
    correction_reason = NoteTextField(
        label="Why does the note need correcting?",
        help_text="For example, the wrong date, or wording that did not say what adults did. "
        "The note you are correcting stays on the record, marked as corrected.",
        max_length=NOTE_CORRECTION_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"govuk_rows": 3}),
        error_messages={
            "required": "Say why you are correcting the note",
            "max_length": (
                f"The reason must be {NOTE_CORRECTION_REASON_MAX_LENGTH} characters or fewer"
            ),
        },
    )

    field_order = ["correction_reason"]


def correction_initial(note: CaseNote) -> dict[str, Any]:
    """The note as it was recorded, to change what was wrong."""
    local = timezone.localtime(note.contact_at)
    return {
        "kind": note.kind,
        "contact_date": local.date(),
        "contact_time": f"{local:%H:%M}",
        "child_seen": "" if note.child_seen is None else (YES if note.child_seen else NO),
        "present": note.present,
        "text": note.text,
    }


language_checked(CaseNoteForm.base_fields["text"])
language_checked(
    CaseNoteCorrectionForm.base_fields["text"],
    CaseNoteCorrectionForm.base_fields["correction_reason"],
)
