"""The form for a disruption action against an adult, a place or a vehicle."""

from __future__ import annotations

from django import forms

from cehub.cases.fields import agency_field, choose, text_box
from cehub.cases.models import DisruptionKind, DisruptionStatus
from cehub.core.govuk_forms import GovukDateField
from cehub.language.forms import language_checked

from .services import CHOOSE_KIND, CHOOSE_STATUS


class DisruptionForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of disruption is it?",
        choices=DisruptionKind.choices,
        widget=forms.RadioSelect,
        error_messages=choose(CHOOSE_KIND),
    )
    description = text_box("What is being done, and why (optional)", rows=4)
    status = forms.ChoiceField(
        label="Status",
        choices=DisruptionStatus.choices,
        widget=forms.RadioSelect(attrs={"govuk_size": "s"}),
        error_messages=choose(CHOOSE_STATUS),
    )
    started_on = GovukDateField(
        label="Start date",
        required_message="Enter the start date",
        help_text="Or the date it is planned to start. For example, 27 3 2026",
    )
    ended_on = GovukDateField(
        label="End date (optional)",
        required=False,
        help_text="For example, 27 6 2026",
    )
    outcome = text_box("Outcome (optional)", "Needed once the action is completed", rows=3)
    owner_agency = agency_field("Agency leading it", "Choose the agency leading it")


language_checked(DisruptionForm.base_fields["description"], DisruptionForm.base_fields["outcome"])
