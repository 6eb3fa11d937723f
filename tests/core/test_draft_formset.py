"""Rows of draft forms drawn bound but unchecked (after "Add another"). No database."""

from __future__ import annotations

from django import forms
from django.forms.formsets import formset_factory

from cehub.core.govuk_forms import DraftForm, DraftFormSet


class RowForm(DraftForm):
    name = forms.CharField()


Rows: type[DraftFormSet] = formset_factory(  # type: ignore[assignment]  # our formset class
    RowForm, formset=DraftFormSet, extra=1
)
DATA = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-name": "", "form-1-name": "x"}


def test_unchecked_rows_show_no_errors_and_are_not_valid() -> None:
    rows = Rows({**DATA, "form-0-name": "Kai"}, check_input=False)
    assert not rows.is_valid()
    assert rows.errors == [{}, {}] and not rows.non_form_errors()
    assert all(form.check_input is False for form in rows.forms)
    assert rows.empty_form.check_input is False


def test_checked_rows_are_checked() -> None:
    rows = Rows({**DATA, "form-0-name": "Kai"})
    assert rows.is_valid()
    assert [form.cleaned_data for form in rows.forms] == [{"name": "Kai"}, {"name": "x"}]
