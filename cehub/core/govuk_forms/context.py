"""Turn a bound field into the context the GOV.UK field templates render.

Everything the templates need (ids, classes, aria-describedby, items, values) is worked out
here so the templates stay free of logic. Values are passed as plain strings: the templates
autoescape them.

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
``classes``, ``form_group_classes``, ``label_classes``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


def widget_kind(widget: forms.Widget) -> str:
    if isinstance(widget, GovukDateInput):
        return "date_input"
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.ClearableFileInput):
        return "other"
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


def build_field_context(bf: BoundField) -> dict[str, Any]:
    widget = bf.field.widget
    kind = widget_kind(widget)
    options = field_options(bf)
    id_ = base_id(bf)
    errors = [str(error) for error in bf.errors]
    hint = options.get("hint", bf.help_text)
    heading = bool(options.get("heading"))
    size = options.get("size") or ("l" if heading else "")
    if size and size not in SIZES:
        raise ValueError(f"Unknown GOV.UK size {size!r}; use one of s, m, l, xl")
    hint_id = f"{id_}-hint"
    error_id = f"{id_}-error"
    context: dict[str, Any] = {
        "kind": kind,
        "template": f"govuk/forms/widgets/{kind}.html",
        "id": id_,
        "name": bf.html_name,
        "label": bf.label,
        "is_page_heading": heading,
        "hint": hint,
        "hint_id": hint_id,
        "errors": errors,
        "error_id": error_id,
        "described_by": join_classes(hint and hint_id, errors and error_id),
        "group_classes": join_classes(
            "govuk-form-group",
            errors and "govuk-form-group--error",
            options.get("form_group_classes"),
        ),
        "label_classes": join_classes(
            "govuk-label", size and f"govuk-label--{size}", options.get("label_classes")
        ),
        "legend_classes": join_classes(
            "govuk-fieldset__legend",
            size and f"govuk-fieldset__legend--{size}",
            options.get("label_classes"),
        ),
        "hidden_initial": (bf.as_hidden(only_initial=True) if bf.field.show_hidden_initial else ""),
    }
    builder = _BUILDERS.get(kind)
    if builder is not None:
        builder(bf, context, options)
    return context


def _widget_context(bf: BoundField, id_: str) -> dict[str, Any]:
    context: dict[str, Any] = bf.field.widget.get_context(bf.html_name, bf.value(), {"id": id_})
    return dict(context["widget"])


def _input(bf: BoundField, context: dict[str, Any], options: dict[str, Any]) -> None:
    widget = bf.field.widget
    data = _widget_context(bf, context["id"])
    attrs = dict(data["attrs"])
    if isinstance(widget, forms.EmailInput):
        attrs.setdefault("spellcheck", "false")
    context.update(
        type=data["type"],
        value=data["value"],
        classes=join_classes(
            "govuk-input",
            width_class(options.get("width"), fixed=True),
            attrs.get("class"),
            options.get("classes"),
            context["errors"] and "govuk-input--error",
        ),
        attrs=attr_pairs(attrs, bf.field),
    )


def _file(bf: BoundField, context: dict[str, Any], options: dict[str, Any]) -> None:
    attrs = dict(_widget_context(bf, context["id"])["attrs"])
    context.update(
        classes=join_classes(
            "govuk-file-upload",
            attrs.get("class"),
            options.get("classes"),
            context["errors"] and "govuk-file-upload--error",
        ),
        attrs=attr_pairs(attrs, bf.field),
    )


def _textarea(bf: BoundField, context: dict[str, Any], options: dict[str, Any]) -> None:
    data = _widget_context(bf, context["id"])
    attrs = dict(data["attrs"])
    attrs.pop("cols", None)
    rows = attrs.pop("rows", None)
    if options.get("rows"):
        rows = options["rows"]
    elif rows in (None, "10", 10):  # Django's default; GOV.UK's is 5
        rows = 5
    maxlength = int(getattr(bf.field, "max_length", None) or attrs.get("maxlength") or 0)
    counted = maxlength > 0 and options.get("character_count", True) is not False
    classes = [
        "govuk-textarea",
        counted and "govuk-js-character-count",
        width_class(options.get("width"), fixed=False),
        attrs.get("class"),
        options.get("classes"),
        context["errors"] and "govuk-textarea--error",
    ]
    if counted:
        # The character count tells users the limit; a hard maxlength would cut them off.
        attrs.pop("maxlength", None)
        info_id = f"{context['id']}-info"
        context.update(
            kind="character_count",
            template="govuk/forms/widgets/character_count.html",
            maxlength=maxlength,
            threshold=options.get("threshold"),
            info_id=info_id,
            described_by=join_classes(info_id, context["described_by"]),
        )
    context.update(
        rows=rows,
        value=data["value"],
        classes=join_classes(*classes),
        attrs=attr_pairs(attrs, bf.field),
    )


def _select(bf: BoundField, context: dict[str, Any], options: dict[str, Any]) -> None:
    data = _widget_context(bf, context["id"])
    groups = []
    for group_name, group_options, _index in data["optgroups"]:
        groups.append(
            {
                "label": group_name,
                "options": [
                    {
                        "value": "" if option["value"] is None else str(option["value"]),
                        "label": option["label"],
                        "selected": bool(option["selected"]),
                        "disabled": bool(option["attrs"].get("disabled")),
                    }
                    for option in group_options
                ],
            }
        )
    attrs = dict(data["attrs"])
    context.update(
        groups=groups,
        classes=join_classes(
            "govuk-select",
            width_class(options.get("width"), fixed=False),
            attrs.get("class"),
            options.get("classes"),
            context["errors"] and "govuk-select--error",
        ),
        attrs=attr_pairs(attrs, bf.field),
    )


def _choices(bf: BoundField, context: dict[str, Any], options: dict[str, Any]) -> None:
    """Radios and checkboxes: the first input has the group's id, so links land on it."""
    data = _widget_context(bf, context["id"])
    module = "govuk-radios" if context["kind"] == "radios" else "govuk-checkboxes"
    item_hints: Mapping[Any, Any] = options.get("item_hints") or {}
    items: list[dict[str, Any]] = []
    for option in _flatten(data["optgroups"]):
        value = "" if option["value"] is None else str(option["value"])
        if value == "":
            continue  # a blank choice ("---------") makes no sense as a radio or checkbox
        item_id = context["id"] if not items else f"{context['id']}_{len(items) + 1}"
        hint = item_hints.get(option["value"], item_hints.get(value))
        items.append(
            {
                "id": item_id,
                "value": value,
                "label": option["label"],
                "checked": bool(option["selected"]),
                "hint": hint,
                "hint_id": f"{item_id}-item-hint",
                "attrs": attr_pairs(option["attrs"], bf.field),
            }
        )
    context.update(
        module=module,
        items=items,
        classes=join_classes(
            module,
            options.get("inline") and f"{module}--inline",
            options.get("small") and f"{module}--small",
            options.get("classes"),
        ),
    )


def _flatten(optgroups: Iterable[tuple[Any, list[dict[str, Any]], int]]) -> list[dict[str, Any]]:
    return [option for _name, group_options, _index in optgroups for option in group_options]


def _checkbox(bf: BoundField, context: dict[str, Any], options: dict[str, Any]) -> None:
    data = _widget_context(bf, context["id"])
    attrs = dict(data["attrs"])
    context.update(
        value="true" if data["value"] in (None, "") else str(data["value"]),
        checked=bool(attrs.get("checked")),
        legend=options.get("legend"),
        classes=join_classes(
            "govuk-checkboxes", options.get("small") and "govuk-checkboxes--small"
        ),
        attrs=attr_pairs(attrs, bf.field),
        label_classes=join_classes(
            "govuk-label govuk-checkboxes__label", options.get("label_classes")
        ),
    )


def _date_input(bf: BoundField, context: dict[str, Any], options: dict[str, Any]) -> None:
    widget = bf.field.widget
    if not isinstance(widget, GovukDateInput):  # pragma: no cover - widget_kind chose us
        return
    value = bf.value()
    if not isinstance(value, (list, tuple)):
        value = widget.decompress(value)
    parts_in_error = date_parts_in_error(bf) if context["errors"] else ()
    autocomplete = options.get("autocomplete") or widget.attrs.get("autocomplete")
    items: list[dict[str, Any]] = []
    for index, part in enumerate(DATE_PARTS):
        raw = value[index] if index < len(value) else None
        items.append(
            {
                "part": part,
                "id": f"{context['id']}_{part}",
                "name": bf.html_name + widget.widgets_names[index],
                "label": part.capitalize(),
                "value": "" if raw is None else str(raw),
                "autocomplete": f"{autocomplete}-{part}" if autocomplete else "",
                "classes": join_classes(
                    "govuk-input govuk-date-input__input",
                    "govuk-input--width-4" if part == "year" else "govuk-input--width-2",
                    part in parts_in_error and "govuk-input--error",
                ),
            }
        )
    context.update(items=items, disabled=bf.field.disabled)


def _other(bf: BoundField, context: dict[str, Any], options: dict[str, Any]) -> None:
    attrs = {"aria-describedby": context["described_by"]} if context["described_by"] else None
    context["widget_html"] = bf.as_widget(attrs=attrs)


_BUILDERS = {
    "input": _input,
    "file": _file,
    "textarea": _textarea,
    "select": _select,
    "radios": _choices,
    "checkboxes": _choices,
    "checkbox": _checkbox,
    "date_input": _date_input,
    "other": _other,
}
