"""A form, and a formset of them, that can be drawn bound but unchecked.

After "Add another" (a row of actions, a person involved) nothing is wrong yet: the page is
drawn again with what was typed and no error messages. ``check_input=False`` does that.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.formsets import BaseFormSet
from django.forms.utils import ErrorDict
from django.http import QueryDict


class DraftForm(forms.Form):
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


class DraftFormSet(BaseFormSet):
    """Rows of ``DraftForm``; ``check_input=False`` leaves the formset and each row unchecked."""

    def __init__(self, *args: Any, check_input: bool = True, **kwargs: Any) -> None:
        self.check_input = check_input
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs: dict[str, Any] = super().get_form_kwargs(index)
        return {**kwargs, "check_input": self.check_input}

    def full_clean(self) -> None:
        if self.check_input:
            super().full_clean()
            return
        self._errors = [ErrorDict() for _ in self.forms]
        self._non_form_errors = self.error_class(error_class="nonform")

    def is_valid(self) -> bool:
        return self.check_input and super().is_valid()


def with_one_more_row(data: QueryDict, prefix: str, maximum: int) -> QueryDict:
    """A copy of ``data`` whose formset ``prefix`` has one more row (between 1 and ``maximum``)."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        count = int(data.get(key, "1"))
    except ValueError:
        count = 1
    data[key] = str(max(1, min(count + 1, maximum)))
    return data
