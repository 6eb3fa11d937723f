"""Turn a bound field into the context the GOV.UK field templates render.

Everything the templates need (ids, classes, aria-describedby, items, values) is worked out
here so the templates stay free of logic. Values are passed as plain strings: the templates
autoescape them. Per-field options are described in ``options``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.forms.boundfield import BoundField

from .dates import DATE_PARTS, GovukDateInput
from .field_review import field_review
from .options import (
    SIZES,
    attr_pairs,
    base_id,
    date_parts_in_error,
    error_target_id,
    field_options,
    join_classes,
    widget_kind,
    width_class,
)


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
        "label_for": id_,
        "is_page_heading": heading,
        "hint": hint,
        "hint_id": hint_id,
        "errors": errors,
        "error_id": error_id,
        "described_by": join_classes(
            widget.attrs.get("aria-describedby"), hint and hint_id, errors and error_id
        ),
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
    if isinstance(widget, forms.EmailInput) or data["type"] == "email":
        attrs.setdefault("spellcheck", "false")
    context.update(
        type=data["type"],
        value=data["value"],
        classes=_sized_classes("govuk-input", attrs, options, context, fixed=True),
        attrs=attr_pairs(attrs, bf.field),
    )


def _sized_classes(
    module: str,
    attrs: dict[str, Any],
    options: dict[str, Any],
    context: dict[str, Any],
    *,
    fixed: bool,
) -> str:
    """A text input's or a select's classes: its width, its own classes and the error state."""
    return join_classes(
        module,
        width_class(options.get("width"), fixed=fixed),
        attrs.get("class"),
        options.get("classes"),
        context["errors"] and f"{module}--error",
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
    if options.get("language_check"):
        # As the author types (debounced), the language checker's findings appear below the
        # field; without JavaScript the form's own check on submit does the same job.
        from django.urls import reverse

        findings_id = f"{context['id']}-language"
        attrs.update(
            {
                "hx-post": reverse("language:check"),
                "hx-trigger": "input changed delay:700ms, change",
                "hx-target": f"#{findings_id}",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
                # Send this field only, not the whole form, on every pause in typing.
                "hx-params": context["name"],
            }
        )
        context["language_findings_id"] = findings_id
        context.update(field_review().field_context(bf))
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
        classes=_sized_classes("govuk-select", attrs, options, context, fixed=False),
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
    context["label_for"] = error_target_id(bf)


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
