"""Forms for case notes: add a note, and correct one (the same note, plus why).

The date and time of the contact follow the GOV.UK pattern used for missing episodes: a date
input and a 24-hour time box, combined in ``clean`` into a UK time. The note text is checked
for wording that blames the child, as the author types and again on submit. The services own
the rules (a contact in the past, whether the child was seen on a visit) and every message.
"""

from __future__ import annotations

from typing import Any

from django import forms

from cehub.cases.fields import (
    Moment,
    MomentForm,
    TimeOfDayField,
    choose,
    local_moment_initial,
    past_date,
)
from cehub.cases.models import (
    NOTE_CORRECTION_REASON_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    NOTE_PRESENT_MAX_LENGTH,
    CaseNote,
    CaseNoteKind,
)
from cehub.language.forms import language_checked

from .services import (
    ENTER_REASON,
    ENTER_TEXT,
    PRESENT_TOO_LONG,
    REASON_TOO_LONG,
    SELECT_CHILD_SEEN,
    SELECT_KIND,
    TEXT_TOO_LONG,
    CaseNoteInput,
)

YES, NO = "yes", "no"
CONTACT = Moment("contact", "Enter the date of the contact", "Enter the time of the contact")

# A service's field name -> the box on the page that shows its problem.
NOTE_ERROR_FIELDS = {"contact_at": "contact_time"}


class NoteTextField(forms.CharField):
    """Free text whose line breaks count once (browsers send CRLF), as the service counts."""

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        return text.replace("\r\n", "\n") if isinstance(text, str) else text


def _seen(value: str) -> bool | None:
    return {YES: True, NO: False}.get(value)


class CaseNoteForm(MomentForm):
    moments = {"contact_at": CONTACT}

    kind = forms.ChoiceField(
        label="What kind of contact was it?",
        choices=CaseNoteKind.choices,
        widget=forms.RadioSelect(attrs={"govuk_size": "s"}),
        error_messages=choose(SELECT_KIND),
    )
    contact_date = past_date("Date of the contact", CONTACT.date_message)
    contact_time = TimeOfDayField(
        label="Time of the contact", required_message=CONTACT.time_message
    )
    child_seen = forms.TypedChoiceField(
        label="Was the child seen?",
        help_text="Needed for a visit. Seen means you saw the child in person.",
        choices=[(YES, "Yes"), (NO, "No")],
        coerce=_seen,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"govuk_size": "s", "govuk_inline": True}),
        error_messages={"invalid_choice": SELECT_CHILD_SEEN},
    )
    present = forms.CharField(
        label="Who was there, or who did you speak to? (optional)",
        help_text="Names and roles. For example, the child and their mum, or the school's "
        "designated safeguarding lead.",
        required=False,
        max_length=NOTE_PRESENT_MAX_LENGTH,
        error_messages={"max_length": PRESENT_TOO_LONG},
    )
    text = NoteTextField(
        label="Case note",
        help_text="What happened, what the child said (their words in quotation marks), what "
        "you and others will do next. Write it for the child: they may read it when they are "
        "older. Say what adults did, not what the child should have done.",
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"govuk_rows": 12, "govuk_threshold": 75}),
        error_messages={"required": ENTER_TEXT, "max_length": TEXT_TOO_LONG},
    )

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
        error_messages={"required": ENTER_REASON, "max_length": REASON_TOO_LONG},
    )

    field_order = ["correction_reason"]


def correction_initial(note: CaseNote) -> dict[str, Any]:
    """The note as it was recorded, to change what was wrong."""
    return {
        "kind": note.kind,
        **local_moment_initial(CONTACT.prefix, note.contact_at),
        "child_seen": "" if note.child_seen is None else (YES if note.child_seen else NO),
        "present": note.present,
        "text": note.text,
    }


language_checked(CaseNoteForm.base_fields["text"])
language_checked(
    CaseNoteCorrectionForm.base_fields["text"],
    CaseNoteCorrectionForm.base_fields["correction_reason"],
)
