"""Forms for missing episodes: one episode, found and safe, the return home interview, and a
police list to import.

A moment is a GOV.UK date input plus a 24-hour time box (``cases.fields.Moment``); the
services check how the moments relate (found after missing, offered after found, ...).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from cehub.cases.fields import (
    Moment,
    MomentForm,
    TimeOfDayField,
    choose,
    local_moment_initial,
    past_date,
    text_box,
    version_field,
)
from cehub.cases.models import InterviewAcceptance, MissingEpisode, PoliceRiskGrade
from cehub.language.forms import language_checked

from .services import CHOOSE_RISK_GRADE, SAY_IF_ACCEPTED, MissingEpisodeInput

MAX_IMPORT_BYTES = 1_000_000  # 1 MB: thousands of rows, far more than one police list

MISSING = Moment(
    "missing", "Enter the date the child went missing", "Enter the time the child went missing"
)
REPORTED = Moment(
    "reported",
    "Enter the date the child was reported missing",
    "Enter the time the child was reported missing",
)
FOUND = Moment("found", "Enter the date the child was found", "Enter the time the child was found")
OFFERED = Moment(
    "offered",
    "Enter the date the interview was offered",
    "Enter the time the interview was offered",
)
COMPLETED = Moment(
    "completed",
    "Enter the date the interview was completed",
    "Enter the time the interview was completed",
)

# Where each service error belongs on these forms: the date input of its moment.
MISSING_ERROR_FIELDS = {
    name: f"{moment.prefix}_date"
    for name, moment in {
        "missing_from": MISSING,
        "reported_at": REPORTED,
        "found_at": FOUND,
        "offered_at": OFFERED,
        "completed_at": COMPLETED,
    }.items()
}


def _place(label: str, message: str, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=300,
        error_messages={"max_length": message},
        **kwargs,
    )


def _found_where() -> forms.CharField:
    return _place(
        "Where the child was found (optional)", "Where found must be 300 characters or fewer"
    )


def _found_with(**kwargs: Any) -> forms.CharField:
    return _place(
        "Who the child was with (optional)",
        "Who the child was with must be 300 characters or fewer",
        **kwargs,
    )


def _harm_disclosed(rows: int) -> forms.CharField:
    return text_box(
        "Harm disclosed (optional)",
        "What the child has said about harm while missing. Use their words, in quotation marks.",
        rows=rows,
    )


class MissingEpisodeForm(MomentForm):
    moments = {"missing_from": MISSING, "reported_at": REPORTED, "found_at": FOUND}

    missing_date = past_date("Date the child went missing", MISSING.date_message)
    missing_time = TimeOfDayField(
        label="Time the child went missing", required_message=MISSING.time_message
    )
    reported_date = past_date("Date reported missing", REPORTED.date_message)
    reported_time = TimeOfDayField(
        label="Time reported missing", required_message=REPORTED.time_message
    )
    found_date = past_date(
        "Date the child was found (optional)",
        FOUND.date_message,
        required=False,
        help_text="Leave the date and time blank if the child is still missing. "
        "For example, 28 3 2026",
    )
    found_time = TimeOfDayField(
        label="Time the child was found (optional)",
        required=False,
        required_message=FOUND.time_message,
    )
    last_seen_where = _place(
        "Where the child was last seen (optional)",
        "Where last seen must be 300 characters or fewer",
        help_text="For example, an address, a street, a shop or a station",
    )
    found_where = _found_where()
    found_with = _found_with(
        help_text="Names or descriptions of anyone with the child when they were found"
    )
    police_risk_grade = forms.ChoiceField(
        label="Police risk grade",
        choices=PoliceRiskGrade.choices,
        widget=forms.RadioSelect(attrs={"govuk_size": "s"}),
        error_messages=choose(CHOOSE_RISK_GRADE),
    )
    harm_disclosed = _harm_disclosed(4)
    police_reference = forms.CharField(
        label="Police reference (optional)",
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"govuk_width": 20, "spellcheck": False}),
        error_messages={"max_length": "Police reference must be 50 characters or fewer"},
    )

    def to_input(self) -> MissingEpisodeInput:
        return MissingEpisodeInput(
            **{part.name: self.cleaned_data[part.name] for part in fields(MissingEpisodeInput)}
        )


class FoundForm(MomentForm):
    """The child is found and safe: starts the return home interview clock."""

    prefix = "found"
    moments = {"found_at": FOUND}
    service_fields = ("found_at", "found_where", "found_with", "harm_disclosed")

    found_date = past_date("Date the child was found", FOUND.date_message)
    found_time = TimeOfDayField(
        label="Time the child was found", required_message=FOUND.time_message
    )
    found_where = _found_where()
    found_with = _found_with()
    harm_disclosed = _harm_disclosed(3)
    version = version_field()


class InterviewForm(MomentForm):
    """The return home interview: offered (the deadline), accepted or not, completed."""

    prefix = "interview"
    moments = {"offered_at": OFFERED, "completed_at": COMPLETED}
    service_fields = ("offered_at", "acceptance", "completed_at", "interview_by", "summary")

    offered_date = past_date("Date the interview was offered", OFFERED.date_message)
    offered_time = TimeOfDayField(
        label="Time the interview was offered", required_message=OFFERED.time_message
    )
    acceptance = forms.ChoiceField(
        label="Did the child accept the interview?",
        choices=[
            (InterviewAcceptance.ACCEPTED, "Yes, the child accepted"),
            (InterviewAcceptance.DECLINED, "No, the child declined"),
        ],
        widget=forms.RadioSelect(attrs={"govuk_size": "s"}),
        error_messages=choose(SAY_IF_ACCEPTED),
    )
    completed_date = past_date(
        "Date the interview was completed (optional)",
        COMPLETED.date_message,
        required=False,
        help_text="Leave the date and time blank if it has not happened yet. "
        "For example, 28 3 2026",
    )
    completed_time = TimeOfDayField(
        label="Time the interview was completed (optional)",
        required=False,
        required_message=COMPLETED.time_message,
    )
    interview_by = forms.CharField(
        label="Who offered the interview (optional)",
        required=False,
        max_length=200,
        help_text="For example, the independent return interview service",
        error_messages={"max_length": "Who offered the interview must be 200 characters or fewer"},
    )
    summary = text_box(
        "What the child said (optional)", "Use their words, in quotation marks.", rows=4
    )


def interview_initial(episode: MissingEpisode) -> dict[str, Any]:
    """What has been recorded about the interview so far, to correct or complete it."""
    initial: dict[str, Any] = {
        **local_moment_initial(OFFERED.prefix, episode.interview_offered_at),
        **local_moment_initial(COMPLETED.prefix, episode.interview_completed_at),
        "interview_by": episode.interview_by,
        "summary": episode.interview_summary,
    }
    if episode.interview_acceptance != InterviewAcceptance.NOT_OFFERED:
        initial["acceptance"] = episode.interview_acceptance
    return initial


# --- A police list ---------------------------------------------------------------------------
class MissingImportForm(forms.Form):
    csv_file = forms.FileField(
        label="Upload a CSV file",
        required=False,
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"empty": "The selected file is empty", "invalid": "Select a CSV file"},
    )
    csv_text = forms.CharField(
        label="Or paste the list",
        required=False,
        help_text="Copy the rows from the spreadsheet, including the row of column names",
        widget=forms.Textarea(
            attrs={"rows": 10, "spellcheck": False, "govuk_character_count": False}
        ),
    )

    def clean_csv_file(self) -> str:
        upload: UploadedFile | None = self.cleaned_data.get("csv_file")
        if not upload:
            return ""
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".txt")):
            raise ValidationError("The selected file must be a CSV")
        if (upload.size or 0) > MAX_IMPORT_BYTES:
            raise ValidationError("The selected file must be smaller than 1 MB")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                "The selected file must be saved as CSV UTF-8 (in Excel, choose "
                "'CSV UTF-8' when you save it)"
            ) from None

    def clean_csv_text(self) -> str:
        text = str(self.cleaned_data.get("csv_text") or "")
        if len(text.encode()) > MAX_IMPORT_BYTES:
            raise ValidationError("The pasted list must be smaller than 1 MB")
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        from_file, pasted = data.get("csv_file", ""), data.get("csv_text", "").strip()
        if from_file and pasted:
            self.add_error("csv_file", "Upload a file or paste the list, not both")
        elif not from_file.strip() and not pasted:
            self.add_error("csv_file", "Upload a CSV file or paste the list of episodes")
        return data

    def csv_data(self) -> str:
        return str(self.cleaned_data.get("csv_file") or self.cleaned_data.get("csv_text") or "")


language_checked(
    MissingEpisodeForm.base_fields["harm_disclosed"],
    FoundForm.base_fields["harm_disclosed"],
    InterviewForm.base_fields["summary"],
)
