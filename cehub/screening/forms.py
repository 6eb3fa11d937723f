"""Screening forms: the tool's indicators by domain, and a manager's decision on a lower level.

The screening form is built from the tool, so a partnership's own tool needs no code. Each
indicator is one checkbox (all named ``indicators``) with three answers of its own, named
``<indicator>__when``, ``<indicator>__confirmed`` and ``<indicator>__evidence``. They sit in
the checkbox's conditional reveal, which GOV.UK Frontend only hides when JavaScript runs, so
the form works without it. The answers are checked only for ticked indicators.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.utils.html import format_html

from cehub.language.forms import language_checked

from .engine import Domain, Indicator, Tool
from .services import AnswerInput

YES, NO = "yes", "no"
CONFIRMED, SUSPECTED = "confirmed", "suspected"
EVIDENCE_MAX_LENGTH = 1000
SIGNPOSTED_MAX_LENGTH = 300  # Screening.signposted_to


def when_field(indicator_id: str) -> str:
    return f"{indicator_id}__when"


def confirmed_field(indicator_id: str) -> str:
    return f"{indicator_id}__confirmed"


def evidence_field(indicator_id: str) -> str:
    return f"{indicator_id}__evidence"


def checkbox_id(indicator_id: str) -> str:
    return f"indicator-{indicator_id}"


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as the page draws it: its checkbox and its three answers."""

    indicator: Indicator
    tier_label: str
    checkbox_id: str
    details_id: str
    hint_id: str
    checked: bool
    when: BoundField
    confirmed: BoundField
    evidence: BoundField


@dataclass(frozen=True)
class DomainSection:
    domain: Domain
    rows: list[IndicatorRow]


@dataclass(frozen=True)
class PreviewInput:
    """What a half-filled form already says, for the live preview (never validated)."""

    answers: list[AnswerInput]
    waiting: list[str]  # labels of ticked indicators not yet given a "when"
    disclosure: bool | None


def _hidden_label(text: str, subject: str) -> str:
    # Each indicator's answers repeat the same questions; the hidden part tells screen reader
    # users which indicator a question is about.
    return format_html('{}<span class="govuk-visually-hidden"> ({})</span>', text, subject)


class ScreeningForm(forms.Form):
    """A screening as the assessor enters it. ``calculate_only`` leaves the decision optional."""

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        tool: Tool,
        calculate_only: bool = False,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        self.tool = tool
        self.calculate_only = calculate_only
        self.fields["tool"] = forms.CharField(
            widget=forms.HiddenInput,
            initial=tool.ref,
            error_messages={"required": "The screening tool is missing: reload the page"},
        )
        self.fields["concern"] = forms.UUIDField(
            required=False,
            widget=forms.HiddenInput,
            error_messages={"invalid": "The concern this screening follows is not valid"},
        )
        self.fields["disclosure"] = forms.ChoiceField(
            label="Has the child disclosed that they are being exploited?",
            help_text=(
                "Include anything the child has told anyone, in their own words. A disclosure "
                "makes the level high, whatever the score."
            ),
            choices=[(YES, "Yes"), (NO, "No")],
            widget=forms.RadioSelect(attrs={"govuk_inline": True, "govuk_size": "m"}),
            error_messages={
                "required": "Select yes if the child has disclosed that they are being exploited",
                "invalid_choice": "Select yes or no",
            },
        )
        self.fields["indicators"] = forms.MultipleChoiceField(
            required=False,
            choices=[(i.id, i.label) for i in tool.indicators.values()],
            widget=forms.CheckboxSelectMultiple(
                # The error summary links to the first checkbox on the page.
                attrs={"id": checkbox_id(next(iter(tool.indicators)))}
            ),
            error_messages={
                "invalid_choice": "Choose indicators from the list: %(value)s is not one of them"
            },
        )
        when_choices = [(window.id, window.label) for window in tool.recency]
        for indicator in tool.indicators.values():
            self.fields[when_field(indicator.id)] = forms.ChoiceField(
                label=_hidden_label("When was this last seen?", indicator.label),
                required=False,
                choices=when_choices,
                widget=forms.RadioSelect(attrs={"govuk_inline": True, "govuk_small": True}),
                error_messages={"invalid_choice": "Select one of the times given"},
            )
            self.fields[confirmed_field(indicator.id)] = forms.ChoiceField(
                label=_hidden_label("Is this confirmed or suspected?", indicator.label),
                required=False,
                choices=[(CONFIRMED, "Confirmed"), (SUSPECTED, "Suspected")],
                widget=forms.RadioSelect(attrs={"govuk_inline": True, "govuk_small": True}),
                error_messages={"invalid_choice": "Select confirmed or suspected"},
            )
            self.fields[evidence_field(indicator.id)] = forms.CharField(
                label=_hidden_label("Evidence", indicator.label),
                help_text="What was seen or heard, when, and by whom.",
                required=False,
                max_length=EVIDENCE_MAX_LENGTH,
                widget=forms.Textarea(attrs={"govuk_rows": 2, "govuk_character_count": False}),
                error_messages={
                    "max_length": (
                        f"Evidence must be {EVIDENCE_MAX_LENGTH} characters or fewer: "
                        "put the full account in a case note"
                    )
                },
            )
        self.fields["final_level"] = forms.ChoiceField(
            label="What level do you judge the risk to be?",
            help_text=(
                "Your professional judgement is equal to the score. If your level is different "
                "from the computed level, explain why. A level lower than the computed one "
                "needs a hub manager to agree it."
            ),
            required=not calculate_only,
            choices=[(level, tool.level_details[level].label) for level in tool.levels],
            widget=forms.RadioSelect(
                attrs={
                    "govuk_size": "m",
                    "govuk_item_hints": {
                        level: detail.response for level, detail in tool.level_details.items()
                    },
                }
            ),
            error_messages={
                "required": "Select the level you judge the risk to be",
                "invalid_choice": "Select one of the levels given",
            },
        )
        self.fields["rationale"] = forms.CharField(
            label="Why is your level different from the computed level?",
            help_text="Only needed if your level is different from the computed level.",
            required=False,
            widget=forms.Textarea(attrs={"govuk_rows": 4}),
        )
        self.fields["advice_given"] = forms.CharField(
            label="Advice given",
            help_text=(
                "Needed when the level is none or low. What you advised the child, their family "
                "and the professionals around them."
            ),
            required=False,
            widget=forms.Textarea(attrs={"govuk_rows": 4}),
        )
        self.fields["signposted_to"] = forms.CharField(
            label="Services the child or family were signposted to (optional)",
            required=False,
            max_length=SIGNPOSTED_MAX_LENGTH,
            error_messages={
                "max_length": (
                    f"Services signposted to must be {SIGNPOSTED_MAX_LENGTH} characters or fewer"
                )
            },
        )

        language_checked(
            *(field for name, field in self.fields.items() if name.endswith("__evidence")),
            self.fields["rationale"],
            self.fields["advice_given"],
        )

    # --- Validation ----------------------------------------------------------------------
    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        for indicator_id in cleaned.get("indicators", []):
            label = self.tool.indicators[indicator_id].label
            if not cleaned.get(when_field(indicator_id)) and not self.has_error(
                when_field(indicator_id)
            ):
                self.add_error(when_field(indicator_id), f"Say when ‘{label}’ was last seen")
            if not cleaned.get(confirmed_field(indicator_id)) and not self.has_error(
                confirmed_field(indicator_id)
            ):
                self.add_error(
                    confirmed_field(indicator_id),
                    f"Say whether ‘{label}’ is confirmed or suspected",
                )
            if not cleaned.get(evidence_field(indicator_id), "").strip() and not self.has_error(
                evidence_field(indicator_id)
            ):
                self.add_error(
                    evidence_field(indicator_id),
                    f"Give the evidence for ‘{label}’: what was seen or heard, and by whom",
                )
        return cleaned

    # --- What the services take ----------------------------------------------------------
    def answers(self) -> list[AnswerInput]:
        """The ticked indicators, in the tool's order (call after ``is_valid``)."""
        ticked = set(self.cleaned_data.get("indicators", []))
        return [
            AnswerInput(
                indicator=indicator_id,
                when=self.cleaned_data[when_field(indicator_id)],
                confirmed=self.cleaned_data[confirmed_field(indicator_id)] == CONFIRMED,
                evidence=self.cleaned_data[evidence_field(indicator_id)].strip(),
            )
            for indicator_id in self.tool.indicators
            if indicator_id in ticked
        ]

    def disclosure(self) -> bool:
        return bool(self.cleaned_data.get("disclosure") == YES)

    def preview(self) -> PreviewInput:
        """Read a half-filled form leniently: only complete, known answers are scored."""
        data = self.data
        ticked = set(data.getlist("indicators")) if hasattr(data, "getlist") else set()
        answers: list[AnswerInput] = []
        waiting: list[str] = []
        for indicator in self.tool.indicators.values():
            if indicator.id not in ticked:
                continue
            when = data.get(when_field(indicator.id), "")
            if when not in self.tool.recency_ids:
                waiting.append(indicator.label)
                continue
            confirmed = data.get(confirmed_field(indicator.id)) == CONFIRMED
            answers.append(AnswerInput(indicator=indicator.id, when=when, confirmed=confirmed))
        disclosure = {YES: True, NO: False}.get(str(data.get("disclosure", "")))
        return PreviewInput(answers=answers, waiting=waiting, disclosure=disclosure)

    # --- What the template draws ---------------------------------------------------------
    def sections(self) -> list[DomainSection]:
        ticked = {str(value) for value in (self["indicators"].value() or [])}
        by_domain: dict[str, list[IndicatorRow]] = {domain: [] for domain in self.tool.domains}
        for indicator in self.tool.indicators.values():
            box = checkbox_id(indicator.id)
            by_domain[indicator.domain].append(
                IndicatorRow(
                    indicator=indicator,
                    tier_label=self.tool.tiers[indicator.tier].label,
                    checkbox_id=box,
                    details_id=f"{box}-details",
                    hint_id=f"{box}-hint",
                    checked=indicator.id in ticked,
                    when=self[when_field(indicator.id)],
                    confirmed=self[confirmed_field(indicator.id)],
                    evidence=self[evidence_field(indicator.id)],
                )
            )
        return [
            DomainSection(domain=domain, rows=by_domain[domain_id])
            for domain_id, domain in self.tool.domains.items()
            if by_domain[domain_id]
        ]


AGREE, DISAGREE = "agree", "disagree"


class LowerLevelDecisionForm(forms.Form):
    """A hub manager agrees, or does not agree, a final level below the computed one."""

    decision = forms.ChoiceField(
        label="Do you agree with the lower level?",
        choices=[
            (AGREE, "Yes, agree the lower level"),
            (DISAGREE, "No, the computed level stands"),
        ],
        widget=forms.RadioSelect(attrs={"govuk_size": "m"}),
        error_messages={
            "required": "Select whether you agree with the lower level",
            "invalid_choice": "Select whether you agree with the lower level",
        },
    )
    note = forms.CharField(
        label="Reasons for your decision",
        help_text="These are kept with the screening and shown to the assessor.",
        widget=forms.Textarea(attrs={"govuk_rows": 4}),
        error_messages={"required": "Give the reasons for your decision"},
    )

    def agree(self) -> bool:
        return bool(self.cleaned_data["decision"] == AGREE)


language_checked(LowerLevelDecisionForm.base_fields["note"])
