"""The form for a National Referral Mechanism referral and its decisions."""

from __future__ import annotations

from typing import Any

from django import forms

from cehub.cases.fields import agency_field, choose, past_date
from cehub.cases.models import NRMDecision, NRMReferral

DECISION_FIELDS = (
    "referred_on",
    "reasonable_grounds",
    "reasonable_grounds_on",
    "conclusive_grounds",
    "conclusive_grounds_on",
    "guardian_allocated_on",
)


def _decision(label: str, message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=NRMDecision.choices,
        initial=NRMDecision.PENDING,
        widget=forms.RadioSelect(attrs={"govuk_size": "s", "govuk_inline": True}),
        error_messages=choose(message),
    )


class NRMForm(forms.Form):
    referred_on = past_date("Referral date", "Enter the referral date")
    first_responder = agency_field(
        "First responder agency",
        "Choose the first responder agency",
        help_text="The agency that made the referral",
    )
    reasonable_grounds = _decision(
        "Reasonable grounds decision", "Choose the reasonable grounds decision"
    )
    reasonable_grounds_on = past_date(
        "Date of the reasonable grounds decision (optional)",
        "Enter the date of the reasonable grounds decision",
        required=False,
    )
    conclusive_grounds = _decision(
        "Conclusive grounds decision", "Choose the conclusive grounds decision"
    )
    conclusive_grounds_on = past_date(
        "Date of the conclusive grounds decision (optional)",
        "Enter the date of the conclusive grounds decision",
        required=False,
    )
    guardian_allocated_on = past_date(
        "Date an Independent Child Trafficking Guardian was allocated (optional)",
        "Enter the date the guardian was allocated",
        required=False,
    )


def nrm_initial(referral: NRMReferral) -> dict[str, Any]:
    """The referral as recorded, to update its decisions."""
    return {
        "first_responder": referral.first_responder_id,
        **{name: getattr(referral, name) for name in DECISION_FIELDS},
    }
