"""Marking free-text form fields for the language check, and the managers' report filters."""

from __future__ import annotations

import uuid
from typing import cast

from django import forms
from django.http import QueryDict

from .selectors import NO_TEAM, NO_TEAM_LABEL, PERIODS, ReportFilters


def language_checked(*fields: forms.Field) -> None:
    """Findings appear under these fields as the author types (see the GOV.UK renderer)."""
    for field in fields:
        field.widget.attrs["govuk_language_check"] = True


class ReportFilterForm(forms.Form):
    """The report's filters, sent by GET: a team's UUID and a number of months, nothing personal."""

    team = forms.ChoiceField(
        label="Team",
        required=False,
        error_messages={
            "required": "Select a team",
            "invalid_choice": "Select a team from the list",
        },
    )
    period = forms.TypedChoiceField(
        label="Period",
        choices=[(str(months), f"Last {months} months") for months in PERIODS],
        coerce=int,
        required=False,
        empty_value=None,
        initial="12",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a period",
            "invalid_choice": "Select the last 3, 6 or 12 months",
        },
    )
    govuk_options = {"period": {"inline": True, "small": True}}

    def __init__(self, data: QueryDict | None, *, teams: list[tuple[str, str]]) -> None:
        super().__init__(data)
        team = cast(forms.ChoiceField, self.fields["team"])
        team.choices = [("", "All teams"), *teams, (NO_TEAM, NO_TEAM_LABEL)]

    def filters(self) -> ReportFilters:
        team = self.cleaned_data.get("team") or None
        return ReportFilters(
            team=team if team in {None, NO_TEAM} else uuid.UUID(team),
            months=self.cleaned_data.get("period") or 12,
        )
