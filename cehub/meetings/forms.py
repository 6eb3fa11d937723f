"""Forms for the daily meeting: setting it up, the agenda, running an item, actions.

The services stay the authority on the rules. The item form repeats the action rules (owner,
due date) so that a bad action is refused before anything is written: the discussion and the
action are saved together or not at all.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from cehub.accounts.models import User
from cehub.core.govuk_forms import GovukDateField
from cehub.core.roles import HUB_ROLES, Role
from cehub.language.forms import language_checked

CHAIR_ROLES = (Role.HUB_MANAGER, Role.HUB_PRACTITIONER)
NO_OWNER = "Choose who owns the action"
PAST_DUE = "The due date must be today or in the future"
NO_DUE_DATE = "Enter the date the action is due"
NO_DESCRIPTION = "Describe the action"


def active_staff() -> QuerySet[User]:
    """People who can chair, attend or own an action: active users with an agency.

    Staff data, not case data, so a plain queryset is fine here."""
    return (
        User.objects.filter(is_active=True, agency__isnull=False)
        .select_related("agency")
        .order_by("full_name")
    )


class StaffChoiceField(forms.ModelChoiceField):
    """A person, shown with their agency so two people with one name can be told apart."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.agency.name})"


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.agency.name})"


def _choose(message: str) -> dict[str, str]:
    return {"required": message, "invalid_choice": message, "invalid_pk_value": message}


class MeetingCreateForm(forms.Form):
    meeting_date = GovukDateField(
        label="Date of the meeting",
        required_message="Enter the date of the meeting",
        help_text="For example, 27 3 2026",
    )
    chair = StaffChoiceField(
        queryset=active_staff().filter(role__in=CHAIR_ROLES),
        label="Who will chair the meeting",
        help_text="A hub manager or hub practitioner",
        empty_label="Choose the chair",
        error_messages=_choose("Select who will chair the meeting"),
    )


class AgendaItemForm(forms.Form):
    summary = forms.CharField(
        label="Add an item to the agenda",
        help_text="What the meeting needs to discuss: a child, an adult, a place, a group or "
        "another topic",
        max_length=300,
        error_messages={
            "required": "Say what the item is about",
            "max_length": "The item must be 300 characters or fewer",
        },
    )


class StartForm(forms.Form):
    hub_attendees = StaffMultipleChoiceField(
        queryset=active_staff().filter(role__in=HUB_ROLES),
        label="Hub team attending",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choose("Select who is attending from the hub team"),
    )
    other_attendees = StaffMultipleChoiceField(
        queryset=active_staff().exclude(role__in=HUB_ROLES),
        label="Attending from other agencies",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choose("Select who is attending from other agencies"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        hub = data.get("hub_attendees")
        other = data.get("other_attendees")
        if not self.errors and not (hub or other):
            self.add_error("hub_attendees", "Select who is attending")
        return data

    def attendees(self) -> list[User]:
        return [*self.cleaned_data["hub_attendees"], *self.cleaned_data["other_attendees"]]


class ItemRunForm(forms.Form):
    discussion = forms.CharField(
        label="Discussion summary",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Summarise the discussion"},
    )
    decisions = forms.CharField(
        label="Decisions",
        help_text="What the meeting agreed. If nothing was decided, write 'No decision'.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Record the decisions, or write 'No decision'"},
    )
    action_description = forms.CharField(
        label="Action",
        help_text="Leave blank if the item needs no action",
        required=False,
        max_length=500,
        error_messages={"max_length": "The action must be 500 characters or fewer"},
    )
    action_owner = StaffChoiceField(
        queryset=active_staff(),
        label="Who owns the action",
        required=False,
        empty_label="Choose who owns the action",
        error_messages=_choose(NO_OWNER),
    )
    action_due_date = GovukDateField(
        label="Due date",
        required=False,
        help_text="For example, 27 3 2026",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        description = (data.get("action_description") or "").strip()
        owner = data.get("action_owner")
        due = data.get("action_due_date")
        errors = self.errors
        if description:
            if owner is None and "action_owner" not in errors:
                self.add_error("action_owner", NO_OWNER)
            if due is None and "action_due_date" not in errors:
                self.add_error("action_due_date", NO_DUE_DATE)
        elif owner is not None or due is not None:
            self.add_error("action_description", NO_DESCRIPTION)
        if due is not None and due < timezone.localdate():
            self.add_error("action_due_date", PAST_DUE)
        return data

    def has_action(self) -> bool:
        return bool((self.cleaned_data.get("action_description") or "").strip())


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label="Add a correction",
        help_text="The minutes stay as they were; the correction is added with your name and "
        "the time.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write the correction"},
    )


class ActionCompleteForm(forms.Form):
    outcome = forms.CharField(
        label="Outcome",
        help_text="What was done, and what happened",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Record the outcome of the action"},
    )


language_checked(ItemRunForm.base_fields["discussion"], ItemRunForm.base_fields["decisions"])
language_checked(CorrectionForm.base_fields["text"], ActionCompleteForm.base_fields["outcome"])
