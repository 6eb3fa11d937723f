"""A form that can be drawn bound but unchecked.

After "Add another" (a row of actions, a person involved) nothing is wrong yet: the page is
drawn again with what was typed and no error messages. ``check_input=False`` does that.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import ErrorDict


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
