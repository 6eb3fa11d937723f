from __future__ import annotations

from django import forms

from cehub.accounts.models import User

from .models import AccessAction


class AccessLogFilterForm(forms.Form):
    user = forms.ModelChoiceField(
        queryset=User.objects.order_by("full_name"),
        required=False,
        label="User",
        empty_label="Any user",
    )
    action = forms.ChoiceField(
        choices=[("", "Any action"), *AccessAction.choices], required=False, label="Action"
    )
    object_type = forms.CharField(
        required=False, max_length=64, label="Record type", help_text="For example, person"
    )
    object_id = forms.UUIDField(
        required=False, label="Record ID", help_text="The record's reference, like 3f2b…"
    )
    date_from = forms.DateField(required=False, label="From (YYYY-MM-DD)")
    date_to = forms.DateField(required=False, label="To (YYYY-MM-DD)")

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:  # type: ignore[operator]
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return cleaned
