from __future__ import annotations

from django import forms

from cehub.accounts.models import User
from cehub.core.govuk_forms import GovukDateField
from cehub.core.models import AccessAction


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
        required=False,
        label="Record ID",
        help_text="The record's reference, like 3f2b8c1e-…",
        error_messages={"invalid": "Enter the record ID in full, as shown on the record"},
    )
    date_from = GovukDateField(
        required=False, label="From", help_text="For example, 27 3 2026", allow_today=True
    )
    date_to = GovukDateField(required=False, label="To", allow_today=True)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "'To' date must be the same as or after the 'from' date")
        return cleaned
