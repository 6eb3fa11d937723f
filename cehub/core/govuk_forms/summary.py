"""Collect a page's form errors for the GOV.UK error summary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.forms import BaseForm
from django.forms.formsets import BaseFormSet

from .options import error_target_id


def iter_forms(objects: Iterable[Any]) -> Iterator[BaseForm | BaseFormSet]:
    """Forms and formsets from the arguments, flattening lists and skipping None."""
    for obj in objects:
        if isinstance(obj, (BaseForm, BaseFormSet)):
            yield obj
        elif isinstance(obj, (list, tuple)):
            yield from iter_forms(obj)
        elif obj is None or obj == "":  # "" is what a missing template variable becomes
            continue
        else:
            raise TypeError(f"Expected a form, formset or list of them, not {type(obj).__name__}")


def _form_items(form: BaseForm) -> list[dict[str, str]]:
    if not form.is_bound or not form.errors:
        return []
    items = [{"text": str(error), "href": ""} for error in form.non_field_errors()]
    for bf in form:
        if bf.name not in form.errors:
            continue
        href = "" if bf.is_hidden else f"#{error_target_id(bf)}"
        items.extend({"text": str(error), "href": href} for error in bf.errors)
    return items


def error_summary_items(*objects: Any) -> list[dict[str, str]]:
    """One item per error, in page order: ``{"text": ..., "href": "#id" or ""}``."""
    items: list[dict[str, str]] = []
    for obj in iter_forms(objects):
        if isinstance(obj, BaseFormSet):
            if not obj.is_bound:
                continue
            items.extend({"text": str(error), "href": ""} for error in obj.non_form_errors())
            for form in obj.forms:
                items.extend(_form_items(form))
        else:
            items.extend(_form_items(obj))
    return items


def has_errors(*objects: Any) -> bool:
    return bool(error_summary_items(*objects))
