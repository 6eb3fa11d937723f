"""The actions tracker's one form: completing an action with its outcome."""

from __future__ import annotations

from django import forms

from cehub.language.forms import language_checked


class ActionCompleteForm(forms.Form):
    outcome = forms.CharField(
        label="Outcome",
        help_text="What was done, and what happened",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Record the outcome of the action"},
    )


language_checked(ActionCompleteForm.base_fields["outcome"])
