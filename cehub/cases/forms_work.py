"""Forms for the work around a case: safety plans, missing episodes, disruption and NRM.

Times follow the GOV.UK pattern: a date input and a separate 24-hour time box, combined in
``clean`` into an aware datetime in UK time (Europe/London, the project's TIME_ZONE). The
services stay the authority on the rules; forms repeat a rule only where that lets the page
show the problem next to the right box.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.formsets import BaseFormSet, formset_factory
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.utils import timezone

from cehub.accounts.models import Agency
from cehub.core.govuk_forms import GovukDateField
from cehub.core.govuk_forms.dates import lower_first
from cehub.language.forms import language_checked

from .models import (
    DisruptionKind,
    DisruptionStatus,
    InterviewAcceptance,
    NRMDecision,
    PoliceRiskGrade,
    SafetyPlan,
)
from .services import MissingEpisodeInput, PlanAction, SafetyPlanInput

MAX_ACTIONS = 20  # per plan version: a bound on what one POST can create
MAX_IMPORT_BYTES = 1_000_000  # 1 MB: thousands of rows, far more than one police list
TIME_HINT = "Use the 24-hour clock. For example, 14:30"
STALE_PAGE = "This page is out of date: reload it and try again"
_TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def _choose(message: str) -> dict[str, str]:
    """The same message for nothing chosen and for a value that is not one of the choices."""
    return {"required": message, "invalid_choice": message}


def _textarea(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _agency_field(label: str, message: str, **kwargs: Any) -> forms.ModelChoiceField:
    # Agencies are organisations, not personal data: a plain queryset is fine here.
    return forms.ModelChoiceField(
        queryset=Agency.objects.order_by("name"),
        label=label,
        empty_label="Choose an agency",
        error_messages=_choose(message),
        **kwargs,
    )


# --- Time of day, and date + time --------------------------------------------------------
class TimeOfDayField(forms.CharField):
    """A 24-hour time typed as HH:MM (a full stop also works), cleaned to ``datetime.time``."""

    def __init__(self, *, required_message: str, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", TIME_HINT)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"govuk_width": 5, "autocomplete": "off", "spellcheck": False}),
        )
        kwargs["error_messages"] = {"required": required_message}
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        text = str(super().to_python(value) or "").strip()
        if not text:
            return None
        label = str(self.label or "Time")
        match = _TIME_RE.match(text)
        if match is None:
            raise ValidationError(
                f"{label} must be in the 24-hour format, like 14:30", code="invalid"
            )
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise ValidationError(f"{label} must be a real time, like 14:30", code="invalid")
        return datetime.time(hour, minute)

    def validate(self, value: Any) -> None:
        if value is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")


def uk_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """The moment a date and clock time name in the UK (the project's TIME_ZONE)."""
    return timezone.make_aware(
        datetime.datetime.combine(day, time), timezone.get_default_timezone()
    )


def _date(label: str, message: str, *, required: bool = True, **kwargs: Any) -> GovukDateField:
    return GovukDateField(
        label=label,
        required=required,
        must_be_past=True,
        allow_today=True,
        required_message=message,
        help_text=kwargs.pop("help_text", "For example, 27 3 2026"),
        **kwargs,
    )


def combine_moment(
    form: forms.Form,
    data: dict[str, Any],
    name: str,
    *,
    date_message: str,
    time_message: str,
) -> datetime.datetime | None:
    """``<name>_date`` and ``<name>_time`` as one moment, for a form's ``clean``.

    None when neither part was given or either was wrong. When only one part was given, the
    other is asked for with its own message.
    """
    date_name, time_name = f"{name}_date", f"{name}_time"
    if date_name in form.errors or time_name in form.errors:
        return None
    day, time = data.get(date_name), data.get(time_name)
    if day is None and time is None:
        return None
    if day is None:
        form.add_error(date_name, date_message)
        return None
    if time is None:
        form.add_error(time_name, time_message)
        return None
    return uk_datetime(day, time)


def _version_field() -> forms.IntegerField:
    # The record's version when the page was drawn: a stale one is refused (optimistic lock).
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE, "min_value": STALE_PAGE},
    )


# --- Forms that can be shown bound but unchecked ("Add another" is not a mistake) ----------
class UncheckedForm(forms.Form):
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


# --- Safety plan ---------------------------------------------------------------------------
CHILD_WORDS_HINT = "Use their words, in quotation marks. If they chose not to say, write that."


class SafetyPlanForm(UncheckedForm):
    danger_statement = forms.CharField(
        label="What are we worried about?",
        help_text="The danger statement: what has happened or could happen, and who is "
        "harming or exploiting the child. Say what adults are doing.",
        widget=_textarea(5),
        error_messages={"required": "Describe what we are worried about"},
    )
    safety_goal = forms.CharField(
        label="What will safety look like?",
        help_text="The safety goal: what the child and the adults around them will do so the "
        "child is safe",
        widget=_textarea(4),
        error_messages={"required": "Describe the safety goal"},
    )
    child_words = forms.CharField(
        label="The child's own words and wishes",
        help_text=CHILD_WORDS_HINT,
        widget=_textarea(5),
        error_messages={
            "required": "Record the child's own words and wishes — if they chose not to say, "
            "write that"
        },
    )
    trusted_adults = forms.CharField(
        label="Trusted adults (optional)",
        required=False,
        help_text="People the child trusts and can go to, and how to reach them",
        widget=_textarea(3),
    )
    safe_places = forms.CharField(
        label="Safe places (optional)",
        required=False,
        help_text="Where the child can go to be safe",
        widget=_textarea(3),
    )
    strategies = forms.CharField(
        label="Agreed strategies (optional)",
        required=False,
        help_text="What the child, their family and professionals will do, including if the "
        "child goes missing or is contacted by the people harming them",
        widget=_textarea(4),
    )
    review_date = GovukDateField(
        label="Review date",
        must_be_future=True,
        required_message="Enter the review date",
        help_text="When the plan will next be reviewed. For example, 27 3 2027",
    )
    # The version this one was started from (0: the first plan). If someone else has saved a
    # version since, saving would silently undo their changes, so the page says so instead.
    based_on = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE, "min_value": STALE_PAGE},
    )


class PlanActionForm(UncheckedForm):
    """One action by an agency. Messages name the action's number, for the error summary."""

    agency = _agency_field("Agency", "Choose the agency")
    action = forms.CharField(
        label="What will be done",
        max_length=500,
        widget=forms.TextInput(attrs={"govuk_width": "full"}),
        error_messages={
            "required": "Enter what will be done",
            "max_length": "What will be done must be 500 characters or fewer",
        },
    )
    owner = forms.CharField(
        label="Who is responsible",
        max_length=200,
        help_text="A named person or role",
        widget=forms.TextInput(attrs={"govuk_width": "two-thirds"}),
        error_messages={
            "required": "Enter who is responsible",
            "max_length": "Who is responsible must be 200 characters or fewer",
        },
    )
    due_date = GovukDateField(
        label="Due date",
        must_be_future=True,
        allow_today=True,
        required_message="Enter the due date",
        help_text="For example, 27 3 2027",
    )

    def __init__(self, *args: Any, number: int = 1, **kwargs: Any) -> None:
        self.number = number
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        super().full_clean()
        # Several rows share labels, so each message says which action it is about. Codes are
        # kept: the date input uses them to mark only the wrong parts.
        for name, errors in list(self._errors.items()):
            self._errors[name] = self.error_class(
                [
                    ValidationError(
                        f"Action {self.number}: {lower_first(' '.join(error.messages))}",
                        code=error.code,
                    )
                    for error in errors.as_data()
                ]
            )

    def to_action(self) -> PlanAction:
        data = self.cleaned_data
        return PlanAction(
            agency=data["agency"],
            action=data["action"],
            owner=data["owner"],
            due_date=data["due_date"],
        )


class PlanActionFormSet(BaseFormSet):
    """Every row is optional: a blank row is left out, so clearing a row removes the action."""

    default_error_messages = {
        "missing_management_form": STALE_PAGE,
        "too_many_forms": f"You can add up to {MAX_ACTIONS} actions",
        "too_few_forms": "Add at least %(num)d action",
    }

    def __init__(self, *args: Any, check_input: bool = True, **kwargs: Any) -> None:
        self.check_input = check_input
        super().__init__(*args, **kwargs)

    def initial_form_count(self) -> int:
        return 0

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {"number": (index or 0) + 1, "check_input": self.check_input}

    def full_clean(self) -> None:
        if self.check_input:
            super().full_clean()
            return
        self._errors = [ErrorDict() for _ in self.forms]
        self._non_form_errors = self.error_class(error_class="nonform")

    def is_valid(self) -> bool:
        return self.check_input and super().is_valid()

    def actions(self) -> list[PlanAction]:
        return [form.to_action() for form in self.forms if form.cleaned_data]

    @property
    def can_add(self) -> bool:
        return self.total_form_count() < MAX_ACTIONS

    @property
    def next_number(self) -> int:
        return self.total_form_count() + 1


ACTIONS_PREFIX = "actions"
_ActionFormSetClass: type[PlanActionFormSet] = formset_factory(  # type: ignore[assignment]
    PlanActionForm,
    formset=PlanActionFormSet,
    extra=1,
    max_num=MAX_ACTIONS,
    absolute_max=MAX_ACTIONS,
    validate_max=True,
)


def plan_action_formset(
    data: QueryDict | None = None, *, check_input: bool = True, add_one: bool = False
) -> PlanActionFormSet:
    """The actions, blank or bound; ``add_one`` adds a blank row and checks nothing."""
    if data is not None and add_one:
        data = data.copy()
        key = f"{ACTIONS_PREFIX}-TOTAL_FORMS"
        try:
            count = int(data.get(key, "1"))
        except ValueError:
            count = 1
        data[key] = str(max(1, min(count + 1, MAX_ACTIONS)))
        check_input = False
    return _ActionFormSetClass(data, prefix=ACTIONS_PREFIX, check_input=check_input)


def plan_actions_data(plan: SafetyPlan) -> QueryDict:
    """Form data holding a plan version's actions (plus a blank row), to start the next one."""
    data = QueryDict(mutable=True)
    actions = list(plan.actions.all())
    data[f"{ACTIONS_PREFIX}-TOTAL_FORMS"] = str(min(len(actions) + 1, MAX_ACTIONS))
    data[f"{ACTIONS_PREFIX}-INITIAL_FORMS"] = "0"
    for index, action in enumerate(actions[:MAX_ACTIONS]):
        key = f"{ACTIONS_PREFIX}-{index}-"
        data[key + "agency"] = str(action.agency_id)
        data[key + "action"] = action.action
        data[key + "owner"] = action.owner
        due = action.due_date
        data[key + "due_date_day"] = str(due.day)
        data[key + "due_date_month"] = str(due.month)
        data[key + "due_date_year"] = str(due.year)
    return data


def plan_initial(plan: SafetyPlan) -> dict[str, Any]:
    """The text of a plan version, to start the next one (the review date is set afresh)."""
    return {
        "based_on": plan.version_number,
        "danger_statement": plan.danger_statement,
        "safety_goal": plan.safety_goal,
        "child_words": plan.child_words,
        "trusted_adults": plan.trusted_adults,
        "safe_places": plan.safe_places,
        "strategies": plan.strategies,
    }


def safety_plan_input(form: SafetyPlanForm, formset: PlanActionFormSet) -> SafetyPlanInput:
    data = form.cleaned_data
    return SafetyPlanInput(
        danger_statement=data["danger_statement"],
        safety_goal=data["safety_goal"],
        child_words=data["child_words"],
        review_date=data["review_date"],
        trusted_adults=data["trusted_adults"],
        safe_places=data["safe_places"],
        strategies=data["strategies"],
        actions=formset.actions(),
    )


# --- Missing episodes ----------------------------------------------------------------------
# Where each service error belongs on the missing-episode forms (the date input of a moment).
MISSING_ERROR_FIELDS = {
    "missing_from": "missing_date",
    "reported_at": "reported_date",
    "found_at": "found_date",
    "offered_at": "offered_date",
    "completed_at": "completed_date",
}


class MissingEpisodeForm(forms.Form):
    missing_date = _date("Date the child went missing", "Enter the date the child went missing")
    missing_time = TimeOfDayField(
        label="Time the child went missing",
        required_message="Enter the time the child went missing",
    )
    reported_date = _date("Date reported missing", "Enter the date the child was reported missing")
    reported_time = TimeOfDayField(
        label="Time reported missing",
        required_message="Enter the time the child was reported missing",
    )
    found_date = _date(
        "Date the child was found (optional)",
        "Enter the date the child was found",
        required=False,
        help_text="Leave the date and time blank if the child is still missing. "
        "For example, 28 3 2026",
    )
    found_time = TimeOfDayField(
        label="Time the child was found (optional)",
        required=False,
        required_message="Enter the time the child was found",
    )
    last_seen_where = forms.CharField(
        label="Where the child was last seen (optional)",
        required=False,
        max_length=300,
        help_text="For example, an address, a street, a shop or a station",
        error_messages={"max_length": "Where last seen must be 300 characters or fewer"},
    )
    found_where = forms.CharField(
        label="Where the child was found (optional)",
        required=False,
        max_length=300,
        error_messages={"max_length": "Where found must be 300 characters or fewer"},
    )
    found_with = forms.CharField(
        label="Who the child was with (optional)",
        required=False,
        max_length=300,
        help_text="Names or descriptions of anyone with the child when they were found",
        error_messages={"max_length": "Who the child was with must be 300 characters or fewer"},
    )
    police_risk_grade = forms.ChoiceField(
        label="Police risk grade",
        choices=PoliceRiskGrade.choices,
        widget=forms.RadioSelect(attrs={"govuk_size": "s"}),
        error_messages=_choose("Choose the police risk grade"),
    )
    harm_disclosed = forms.CharField(
        label="Harm disclosed (optional)",
        required=False,
        help_text="What the child has said about harm while missing. Use their words, in "
        "quotation marks.",
        widget=_textarea(4),
    )
    police_reference = forms.CharField(
        label="Police reference (optional)",
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"govuk_width": 20, "spellcheck": False}),
        error_messages={"max_length": "Police reference must be 50 characters or fewer"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["missing_from"] = combine_moment(
            self,
            data,
            "missing",
            date_message="Enter the date the child went missing",
            time_message="Enter the time the child went missing",
        )
        data["reported_at"] = combine_moment(
            self,
            data,
            "reported",
            date_message="Enter the date the child was reported missing",
            time_message="Enter the time the child was reported missing",
        )
        data["found_at"] = combine_moment(
            self,
            data,
            "found",
            date_message="Enter the date the child was found",
            time_message="Enter the time the child was found",
        )
        return data

    def to_input(self) -> MissingEpisodeInput:
        data = self.cleaned_data
        return MissingEpisodeInput(
            missing_from=data["missing_from"],
            reported_at=data["reported_at"],
            found_at=data["found_at"],
            police_risk_grade=data["police_risk_grade"],
            last_seen_where=data["last_seen_where"],
            found_where=data["found_where"],
            found_with=data["found_with"],
            harm_disclosed=data["harm_disclosed"],
            police_reference=data["police_reference"],
        )


class FoundForm(forms.Form):
    """The child is found and safe: starts the 72-hour return home interview clock."""

    prefix = "found"

    found_date = _date("Date the child was found", "Enter the date the child was found")
    found_time = TimeOfDayField(
        label="Time the child was found", required_message="Enter the time the child was found"
    )
    found_where = forms.CharField(
        label="Where the child was found (optional)",
        required=False,
        max_length=300,
        error_messages={"max_length": "Where found must be 300 characters or fewer"},
    )
    found_with = forms.CharField(
        label="Who the child was with (optional)",
        required=False,
        max_length=300,
        error_messages={"max_length": "Who the child was with must be 300 characters or fewer"},
    )
    harm_disclosed = forms.CharField(
        label="Harm disclosed (optional)",
        required=False,
        help_text="What the child has said about harm while missing. Use their words, in "
        "quotation marks.",
        widget=_textarea(3),
    )
    version = _version_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["found_at"] = combine_moment(
            self,
            data,
            "found",
            date_message="Enter the date the child was found",
            time_message="Enter the time the child was found",
        )
        return data


class InterviewForm(forms.Form):
    """The return home interview: offered (the 72-hour deadline), accepted or not, completed."""

    prefix = "interview"

    offered_date = _date(
        "Date the interview was offered", "Enter the date the interview was offered"
    )
    offered_time = TimeOfDayField(
        label="Time the interview was offered",
        required_message="Enter the time the interview was offered",
    )
    acceptance = forms.ChoiceField(
        label="Did the child accept the interview?",
        choices=[
            (InterviewAcceptance.ACCEPTED, "Yes, the child accepted"),
            (InterviewAcceptance.DECLINED, "No, the child declined"),
        ],
        widget=forms.RadioSelect(attrs={"govuk_size": "s"}),
        error_messages=_choose("Say whether the child accepted the interview"),
    )
    completed_date = _date(
        "Date the interview was completed (optional)",
        "Enter the date the interview was completed",
        required=False,
        help_text="Leave the date and time blank if it has not happened yet. "
        "For example, 28 3 2026",
    )
    completed_time = TimeOfDayField(
        label="Time the interview was completed (optional)",
        required=False,
        required_message="Enter the time the interview was completed",
    )
    interview_by = forms.CharField(
        label="Who offered the interview (optional)",
        required=False,
        max_length=200,
        help_text="For example, the independent return interview service",
        error_messages={"max_length": "Who offered the interview must be 200 characters or fewer"},
    )
    summary = forms.CharField(
        label="What the child said (optional)",
        required=False,
        help_text="Use their words, in quotation marks.",
        widget=_textarea(4),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["offered_at"] = combine_moment(
            self,
            data,
            "offered",
            date_message="Enter the date the interview was offered",
            time_message="Enter the time the interview was offered",
        )
        data["completed_at"] = combine_moment(
            self,
            data,
            "completed",
            date_message="Enter the date the interview was completed",
            time_message="Enter the time the interview was completed",
        )
        return data


# --- Bulk import ---------------------------------------------------------------------------
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


# --- Disruption ----------------------------------------------------------------------------
class DisruptionForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of disruption is it?",
        choices=DisruptionKind.choices,
        widget=forms.RadioSelect,
        error_messages=_choose("Choose the kind of disruption"),
    )
    description = forms.CharField(
        label="What is being done, and why (optional)",
        required=False,
        widget=_textarea(4),
    )
    status = forms.ChoiceField(
        label="Status",
        choices=DisruptionStatus.choices,
        widget=forms.RadioSelect(attrs={"govuk_size": "s"}),
        error_messages=_choose("Choose the status"),
    )
    started_on = GovukDateField(
        label="Start date",
        required_message="Enter the start date",
        help_text="Or the date it is planned to start. For example, 27 3 2026",
    )
    ended_on = GovukDateField(
        label="End date (optional)",
        required=False,
        help_text="For example, 27 6 2026",
    )
    outcome = forms.CharField(
        label="Outcome (optional)",
        required=False,
        help_text="Needed once the action is completed",
        widget=_textarea(3),
    )
    owner_agency = _agency_field("Agency leading it", "Choose the agency leading it")


# --- National Referral Mechanism ------------------------------------------------------------
class NRMForm(forms.Form):
    referred_on = _date("Referral date", "Enter the referral date")
    first_responder = _agency_field(
        "First responder agency",
        "Choose the first responder agency",
        help_text="The agency that made the referral",
    )
    reasonable_grounds = forms.ChoiceField(
        label="Reasonable grounds decision",
        choices=NRMDecision.choices,
        initial=NRMDecision.PENDING,
        widget=forms.RadioSelect(attrs={"govuk_size": "s", "govuk_inline": True}),
        error_messages=_choose("Choose the reasonable grounds decision"),
    )
    reasonable_grounds_on = _date(
        "Date of the reasonable grounds decision (optional)",
        "Enter the date of the reasonable grounds decision",
        required=False,
    )
    conclusive_grounds = forms.ChoiceField(
        label="Conclusive grounds decision",
        choices=NRMDecision.choices,
        initial=NRMDecision.PENDING,
        widget=forms.RadioSelect(attrs={"govuk_size": "s", "govuk_inline": True}),
        error_messages=_choose("Choose the conclusive grounds decision"),
    )
    conclusive_grounds_on = _date(
        "Date of the conclusive grounds decision (optional)",
        "Enter the date of the conclusive grounds decision",
        required=False,
    )
    guardian_allocated_on = _date(
        "Date an Independent Child Trafficking Guardian was allocated (optional)",
        "Enter the date the guardian was allocated",
        required=False,
    )


language_checked(
    SafetyPlanForm.base_fields["danger_statement"],
    SafetyPlanForm.base_fields["safety_goal"],
    SafetyPlanForm.base_fields["child_words"],
    SafetyPlanForm.base_fields["trusted_adults"],
    SafetyPlanForm.base_fields["safe_places"],
    SafetyPlanForm.base_fields["strategies"],
    MissingEpisodeForm.base_fields["harm_disclosed"],
    FoundForm.base_fields["harm_disclosed"],
    InterviewForm.base_fields["summary"],
    DisruptionForm.base_fields["description"],
    DisruptionForm.base_fields["outcome"],
)
