"""A report's page: its main form, a formset per group, and the draft they make.

Valid answers are kept in the session as a JSON-safe *draft* (dates as ISO strings) until the
referrer sends them from the check page; the same draft rebuilds the page when they follow a
"Change" link, and makes the check page's summary cards.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms.formsets import formset_factory
from django.http import QueryDict
from django.utils.dateformat import format as format_date

from cehub.core.form_views import all_valid
from cehub.core.govuk_forms import DraftForm, GovukDateField

from .involved_forms import MAX_ITEMS, Group, ItemFormSet

NOT_GIVEN = "Not given"

Draft = dict[str, Any]


@dataclass(frozen=True)
class Section:
    """A part of the main form with its own heading (and "Change" link on the check page)."""

    anchor: str
    heading: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class PageSpec:
    form_class: type[DraftForm]
    groups: tuple[Group, ...]
    sections_before: tuple[Section, ...]
    sections_after: tuple[Section, ...] = ()


@dataclass
class Page:
    spec: PageSpec
    form: DraftForm
    formsets: dict[str, ItemFormSet]

    @property
    def all_forms(self) -> list[DraftForm | ItemFormSet]:
        return [self.form, *self.formsets.values()]

    def is_valid(self) -> bool:
        return all_valid(*self.all_forms)

    def answers(self) -> Draft:
        """The main form's answers that parsed, as a draft (for its rules, before all parse)."""
        return {"form": _json_safe(self.form.cleaned_data)}

    def draft(self) -> Draft:
        """The cleaned answers, JSON-safe, for the session."""
        groups = {
            prefix: [_json_safe(item) for item in formset.items()]
            for prefix, formset in self.formsets.items()
        }
        return {**self.answers(), **groups}

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


def draft_date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


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
    form_class: type[forms.Form], values: Mapping[str, Any], names: Sequence[str] | None = None
) -> list[dict[str, str]]:
    """Summary rows for the ``names`` given (every one), or else for each answer given."""
    fields = form_class.base_fields
    shown = (
        names
        if names is not None
        else [name for name in fields if values.get(name) not in (None, "", [])]
    )
    return [
        {"key": str(fields[name].label), "value": _display(fields[name], values.get(name))}
        for name in shown
    ]


def draft_summary(spec: PageSpec, draft: Draft) -> dict[str, Any]:
    """Summary cards for the check page: one per section, and one per person, place or thing."""
    answers = draft.get("form", {})

    def sections(which: Sequence[Section]) -> list[dict[str, Any]]:
        return [
            {
                "anchor": section.anchor,
                "heading": section.heading,
                "rows": _rows(spec.form_class, answers, section.fields),
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
                        "rows": _rows(group.form_class, item),
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
