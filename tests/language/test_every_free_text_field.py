"""Every free-text field in CE Hub's forms gets the language check, unless it is not prose."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from django import forms

import cehub
from cehub.language.review import is_language_checked

# (form class, field name): why the field is not prose about a child.
NOT_PROSE = {
    ("PlaceForm", "address"): "an address",
    ("ConcernForm", "child_address"): "an address",
    ("MissingImportForm", "csv_text"): "rows of a spreadsheet pasted for import",
}


def _form_classes() -> list[type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    for module_info in pkgutil.walk_packages(cehub.__path__, "cehub."):
        if ".migrations" in module_info.name or module_info.name.endswith("tests"):
            continue
        module = importlib.import_module(module_info.name)
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(obj, forms.BaseForm)
                and obj.__module__ == module.__name__
                and obj.__module__.startswith("cehub.")
            ):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return list(found.values())


def _free_text_fields() -> list[tuple[str, str, forms.Field]]:
    return [
        (form_class.__name__, name, field)
        for form_class in _form_classes()
        for name, field in getattr(form_class, "base_fields", {}).items()
        if isinstance(field.widget, forms.Textarea)
    ]


def test_the_walk_finds_the_forms_it_should() -> None:
    names = {form_name for form_name, _field, _ in _free_text_fields()}
    # A walk that silently found nothing would pass the next test: prove it sees known forms.
    assert {"ConcernForm", "SafetyPlanForm", "ItemRunForm", "SharingDecisionForm"} <= names


def test_every_free_text_field_is_checked_unless_it_is_not_prose() -> None:
    unchecked = sorted(
        f"{form_name}.{name}"
        for form_name, name, field in _free_text_fields()
        if not is_language_checked(field) and (form_name, name) not in NOT_PROSE
    )
    assert unchecked == [], "mark these with cehub.language.forms.language_checked"


def test_fields_listed_as_not_prose_exist_and_are_not_checked() -> None:
    fields = {(form_name, name): field for form_name, name, field in _free_text_fields()}
    for key in NOT_PROSE:
        assert key in fields, f"{key} is listed as not prose but is no longer a free-text field"
        assert not is_language_checked(fields[key])
