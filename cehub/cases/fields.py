"""Form fields the case pages share: a time of day, a date and time as one UK moment, a past
date, an agency, a choice, and the hidden version that refuses a stale page.

Times follow the GOV.UK pattern: a date input and a separate 24-hour time box, combined in a
form's ``clean`` into an aware datetime in UK time (Europe/London, the project's TIME_ZONE).
These only parse what was typed; the services own the rules about what the values mean.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from cehub.accounts.models import Agency
from cehub.core.govuk_forms import GovukDateField

TIME_HINT = "Use the 24-hour clock. For example, 14:30"
STALE_PAGE = "This page is out of date: reload it and try again"
STALE_PAGE_ERRORS = {"required": STALE_PAGE, "invalid": STALE_PAGE, "min_value": STALE_PAGE}
_TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def choose(message: str) -> dict[str, str]:
    """The same message for nothing chosen and for a value that is not one of the choices."""
    return {"required": message, "invalid_choice": message}


def textarea(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def text_box(
    label: str, help_text: str = "", *, rows: int = 5, required_message: str | None = None
) -> forms.CharField:
    """A free-text box, optional unless ``required_message`` says what to ask for."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required_message is not None,
        widget=textarea(rows),
        error_messages={"required": required_message} if required_message else None,
    )


def agency_field(label: str, message: str, **kwargs: Any) -> forms.ModelChoiceField:
    # Agencies are organisations, not personal data: a plain queryset is fine here.
    return forms.ModelChoiceField(
        queryset=Agency.objects.order_by("name"),
        label=label,
        empty_label="Choose an agency",
        error_messages=choose(message),
        **kwargs,
    )


def version_field(min_value: int = 1) -> forms.IntegerField:
    """The record's version when the page was drawn: a stale one is refused (optimistic lock)."""
    return forms.IntegerField(
        widget=forms.HiddenInput, min_value=min_value, error_messages=STALE_PAGE_ERRORS
    )


def past_date(label: str, message: str, *, required: bool = True, **kwargs: Any) -> GovukDateField:
    """A date that has happened (today included)."""
    return GovukDateField(
        label=label,
        required=required,
        must_be_past=True,
        allow_today=True,
        required_message=message,
        help_text=kwargs.pop("help_text", "For example, 27 3 2026"),
        **kwargs,
    )


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


def local_moment_initial(name: str, value: datetime.datetime | None) -> dict[str, Any]:
    """A recorded moment as the initial ``<name>_date`` and ``<name>_time`` of a form."""
    if value is None:
        return {}
    local = timezone.localtime(value)
    return {f"{name}_date": local.date(), f"{name}_time": f"{local:%H:%M}"}


@dataclass(frozen=True)
class Moment:
    """A date input ``<prefix>_date`` and a time box ``<prefix>_time`` that name one moment,
    with what to ask for when one of them is left blank."""

    prefix: str
    date_message: str
    time_message: str


class ServiceForm(forms.Form):
    """A form whose cleaned ``service_fields`` are its service's keyword arguments, with the
    record's version the page was drawn with (when it has one) as ``expected_version``."""

    service_fields: ClassVar[tuple[str, ...]] = ()

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        kwargs = {name: data[name] for name in self.service_fields}
        if "version" in self.fields:
            kwargs["expected_version"] = data["version"]
        return kwargs


class MomentForm(ServiceForm):
    """A form whose ``moments`` (cleaned name -> its two boxes) are combined in ``clean``."""

    moments: ClassVar[dict[str, Moment]] = {}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, moment in self.moments.items():
            data[name] = combine_moment(
                self,
                data,
                moment.prefix,
                date_message=moment.date_message,
                time_message=moment.time_message,
            )
        return data
