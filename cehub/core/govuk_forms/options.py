"""Per-field options, ids and the small helpers the GOV.UK field context is built from.

Per-field options, later sources winning:

1. ``field.govuk = {...}`` on the form field;
2. widget attrs prefixed ``govuk_`` (``attrs={"govuk_width": 10}``), never rendered as HTML;
3. ``govuk_options = {"field_name": {...}}`` on the form;
4. ``heading_field = "field_name"`` on the form (same as ``{"heading": True}``).

Options: ``width`` (2, 3, 4, 5, 10, 20, 30 for text inputs; "full", "three-quarters",
"two-thirds", "one-half", "one-third", "one-quarter" for anything), ``heading`` (label or
legend is the page's h1), ``size`` ("s", "m", "l", "xl"; "l" for headings), ``hint``
(overrides help_text), ``inline`` and ``small`` (radios, checkboxes), ``rows`` (textareas),
``character_count`` (False to turn it off), ``threshold`` (character count), ``item_hints``
({value: hint} for radios and checkboxes), ``legend`` (a question above a single checkbox),
``autocomplete`` (date inputs: "bday" gives bday-day, bday-month, bday-year), ``classes``,
``form_group_classes``, ``label_classes``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.widgets import Input

from .dates import DATE_PARTS, GovukDateInput, date_error_parts

OPTION_PREFIX = "govuk_"
FIXED_WIDTHS = frozenset({"2", "3", "4", "5", "10", "20", "30"})
FLUID_WIDTHS = frozenset(
    {"full", "three-quarters", "two-thirds", "one-half", "one-third", "one-quarter"}
)
SIZES = frozenset({"s", "m", "l", "xl"})

# Written by the templates themselves, or not part of GOV.UK markup (GOV.UK forms validate on
# the server, so no `required`; the error message and classes replace `aria-invalid`).
_MANAGED_ATTRS = frozenset(
    {
        "id",
        "name",
        "type",
        "value",
        "class",
        "aria-describedby",
        "aria-invalid",
        "required",
        "checked",
        "selected",
    }
)


def join_classes(*classes: object) -> str:
    return " ".join(str(c) for c in classes if c)


# The first class a widget is an instance of names its kind (so subclasses come first: a
# ClearableFileInput is a FileInput is an Input).
WIDGET_KINDS: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.CheckboxSelectMultiple, "checkboxes"),
    (forms.RadioSelect, "radios"),
    (forms.Select, "select"),
    (forms.CheckboxInput, "checkbox"),
    (forms.Textarea, "textarea"),
    (forms.ClearableFileInput, "other"),
    (forms.FileInput, "file"),
    (Input, "input"),
)


def widget_kind(widget: forms.Widget) -> str:
    if isinstance(widget, GovukDateInput):
        return "date_input"
    if widget.is_hidden:
        return "hidden"
    return next((kind for cls, kind in WIDGET_KINDS if isinstance(widget, cls)), "other")
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, Input):
        return "input"
    return "other"


def field_options(bf: BoundField) -> dict[str, Any]:
    options: dict[str, Any] = dict(getattr(bf.field, "govuk", None) or {})
    for key, value in bf.field.widget.attrs.items():
        if key.startswith(OPTION_PREFIX):
            options[key.removeprefix(OPTION_PREFIX)] = value
    form_options: Mapping[str, Mapping[str, Any]] = getattr(bf.form, "govuk_options", None) or {}
    options.update(form_options.get(bf.name, {}))
    if getattr(bf.form, "heading_field", None) == bf.name:
        options["heading"] = True
    return options


def base_id(bf: BoundField) -> str:
    """The field's id: its input's, or for radios, checkboxes and dates the group's."""
    return str(bf.field.widget.attrs.get("id") or bf.auto_id or f"id_{bf.html_name}")


def date_parts_in_error(bf: BoundField) -> tuple[str, ...]:
    found: set[str] = set()
    for error in bf.errors.as_data():
        found.update(date_error_parts(error.code))
    return tuple(part for part in DATE_PARTS if part in found)


def error_target_id(bf: BoundField) -> str:
    """The id of the input an error summary link for this field should land on."""
    if isinstance(bf.field.widget, GovukDateInput):
        parts = date_parts_in_error(bf) or DATE_PARTS
        return f"{base_id(bf)}_{parts[0]}"
    if isinstance(bf.field.widget, forms.MultiWidget):  # Django renders these as <id>_0, _1...
        return f"{base_id(bf)}_0"
    return base_id(bf)


def width_class(width: object, *, fixed: bool) -> str:
    if width is None or width == "":
        return ""
    text = str(width)
    if fixed and text in FIXED_WIDTHS:
        return f"govuk-input--width-{text}"
    if text in FLUID_WIDTHS:
        return f"govuk-!-width-{text}"
    allowed = sorted(FLUID_WIDTHS | (FIXED_WIDTHS if fixed else frozenset()))
    raise ValueError(f"Unknown GOV.UK width {width!r}; use one of {', '.join(allowed)}")


def attr_pairs(attrs: Mapping[str, Any], field: forms.Field) -> list[tuple[str, str | bool]]:
    """Widget attrs as (name, value) pairs; value True means a bare boolean attribute."""
    pairs: list[tuple[str, str | bool]] = []
    for name, value in attrs.items():
        if name in _MANAGED_ATTRS or name.startswith(OPTION_PREFIX):
            continue
        if name == "spellcheck" and isinstance(value, bool):
            pairs.append((name, "true" if value else "false"))
        elif value is True:
            pairs.append((name, True))
        elif value is not None and value is not False:
            pairs.append((name, str(value)))
    if field.disabled and "disabled" not in attrs:
        pairs.append(("disabled", True))
    return pairs
