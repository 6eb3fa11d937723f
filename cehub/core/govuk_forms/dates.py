"""The GOV.UK date input: a day, month and year text box, and the field that cleans them.

Error messages follow the GOV.UK Design System's date input guidance. Each message carries a
code naming the parts that are wrong (``missing_day_month``, ``invalid_year`` and so on) so the
renderer can mark only those inputs with ``govuk-input--error`` and the error summary can link
to the first of them. Codes without parts (``required``, ``invalid``, ``past``, ``future`` or a
validator's own code) mean the whole date.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils import timezone

DATE_PARTS: tuple[str, str, str] = ("day", "month", "year")

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_MONTH_NAMES, start=1):
    _MONTHS[_name] = _number
    _MONTHS[_name[:3]] = _number
_MONTHS["sept"] = 9


def date_error_parts(code: str | None) -> tuple[str, ...]:
    """The date parts an error code points at: all three unless the code names some."""
    if code and code.startswith(("missing_", "invalid_")):
        named = set(code.split("_")[1:])
        parts = tuple(part for part in DATE_PARTS if part in named)
        if parts:
            return parts
    return DATE_PARTS


def lower_first(text: str) -> str:
    """'Date of birth' -> 'date of birth', but leave acronyms such as 'NHS number' alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _describe_missing(parts: Sequence[str]) -> str:
    return "a " + " and ".join(parts)


class GovukDateInput(forms.MultiWidget):
    """Three text inputs named ``<name>_day``, ``<name>_month`` and ``<name>_year``.

    ``attrs={"autocomplete": "bday"}`` gives the inputs ``bday-day``, ``bday-month`` and
    ``bday-year``, as GOV.UK recommends for dates of birth.
    """

    use_fieldset = True

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in DATE_PARTS
        }
        super().__init__(widgets, attrs)
        # Explicit, so nobody falls back to MultiWidget's _0/_1/_2 suffixes.
        self.widgets_names = [f"_{part}" for part in DATE_PARTS]

    def decompress(self, value: Any) -> list[str | None]:
        if isinstance(value, str) and value:
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id")
        if id_:
            for part, subwidget in zip(DATE_PARTS, context["widget"]["subwidgets"], strict=True):
                subwidget["attrs"]["id"] = f"{id_}_{part}"
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_day" if id_ else ""


class GovukDateField(forms.MultiValueField):
    """A date entered as day, month and year, cleaned to a ``datetime.date``.

    Options: ``must_be_past`` / ``must_be_future`` (``allow_today=True`` accepts today too) and
    ``required_message`` (default "Enter <label>"). Messages use the field's label, or the
    form's label for it when the field has none.
    """

    widget = GovukDateInput

    def __init__(
        self,
        *,
        must_be_past: bool = False,
        must_be_future: bool = False,
        allow_today: bool = False,
        required_message: str | None = None,
        **kwargs: Any,
    ) -> None:
        if must_be_past and must_be_future:
            raise ValueError("A date cannot have to be both in the past and in the future.")
        self.must_be_past = must_be_past
        self.must_be_future = must_be_future
        self.allow_today = allow_today
        self.required_message = required_message
        self._bound_label: str | None = None
        fields = (
            forms.CharField(required=False),
            forms.CharField(required=False),
            forms.CharField(required=False),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    # Django calls this with the bound field, which knows the label even when the field
    # itself was declared without one.
    def _clean_bound_field(self, bf: BoundField) -> Any:
        self._bound_label = str(bf.label) if bf.label else None
        return super()._clean_bound_field(bf)  # type: ignore[misc]  # not in django-stubs

    @property
    def message_label(self) -> str:
        if self.label:
            return str(self.label)
        return self._bound_label or "Date"

    def compress(self, data_list: Any) -> datetime.date | None:
        if not data_list or not all(data_list):
            return None
        return datetime.date(int(data_list[2]), int(data_list[1]), int(data_list[0]))

    def clean(self, value: Any) -> datetime.date | None:
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):  # a disabled field cleans its initial value
            self.run_validators(value)
            return value
        raw = list(value) if isinstance(value, (list, tuple)) else [None, None, None]
        raw += [None] * (3 - len(raw))
        day, month, year = (str(part).strip() if part is not None else "" for part in raw[:3])
        label = self.message_label

        if not (day or month or year):
            if self.required:
                message = self.required_message or f"Enter {lower_first(label)}"
                raise ValidationError(message, code="required")
            return None

        missing = [
            part for part, text in zip(DATE_PARTS, (day, month, year), strict=True) if not text
        ]
        if missing:
            raise ValidationError(
                f"{label} must include {_describe_missing(missing)}",
                code="missing_" + "_".join(missing),
            )

        result = self._to_date(day, month, year, label)
        self._check_range(result, label)
        self.run_validators(result)
        return result

    def _to_date(self, day: str, month: str, year: str, label: str) -> datetime.date:
        month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower(), 0)
        bad = []
        if not day.isdigit() or not 1 <= int(day) <= 31:
            bad.append("day")
        if not 1 <= month_number <= 12:
            bad.append("month")
        if bad:
            raise ValidationError(f"{label} must be a real date", code="invalid_" + "_".join(bad))
        if not year.isdigit():
            raise ValidationError(f"{label} must be a real date", code="invalid_year")
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers", code="invalid_year")
        try:
            return datetime.date(int(year), month_number, int(day))
        except ValueError:
            raise ValidationError(f"{label} must be a real date", code="invalid") from None

    def _check_range(self, value: datetime.date, label: str) -> None:
        today = timezone.localdate() if settings.USE_TZ else datetime.date.today()
        or_today = "today or " if self.allow_today else ""
        if self.must_be_past and (value > today or (value == today and not self.allow_today)):
            raise ValidationError(f"{label} must be {or_today}in the past", code="past")
        if self.must_be_future and (value < today or (value == today and not self.allow_today)):
            raise ValidationError(f"{label} must be {or_today}in the future", code="future")
