"""Forms for the meeting and its minutes: setting it up, the agenda, attendance, running an
item, corrections. They parse only: the services own the rules (an action's owner and due
date among them) and their words."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from cehub.accounts.models import User
from cehub.core.govuk_forms import GovukDateField
from cehub.core.roles import HUB_ROLES, Role
from cehub.language.forms import language_checked

from .services import ActionInput

CHAIR_ROLES = (Role.HUB_MANAGER, Role.HUB_PRACTITIONER)

# A service's field name -> the box on the item's page that shows its problem.
ACTION_ERROR_FIELDS = {
    "description": "action_description",
    "owner": "action_owner",
    "due_date": "action_due_date",
}


def active_staff() -> QuerySet[User]:
    """People who can chair, attend or own an action: active users with an agency.

    Staff data, not case data, so a plain queryset is fine here."""
    return (
        User.objects.filter(is_active=True, agency__isnull=False)
        .select_related("agency")
        .order_by("full_name")
    )


def _staff_label(user: Any) -> str:
    """A person with their agency, so two people with one name can be told apart."""
    return f"{user.full_name} ({user.agency.name})"


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _staff_label(obj)


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _staff_label(obj)


def _choose(message: str) -> dict[str, str]:
    return {"required": message, "invalid_choice": message, "invalid_pk_value": message}


def _attendees_field(queryset: QuerySet[User], label: str, message: str) -> Any:
    return StaffMultipleChoiceField(
        queryset=queryset,
        label=label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choose(message),
    )


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
    hub_attendees = _attendees_field(
        active_staff().filter(role__in=HUB_ROLES),
        "Hub team attending",
        "Select who is attending from the hub team",
    )
    other_attendees = _attendees_field(
        active_staff().exclude(role__in=HUB_ROLES),
        "Attending from other agencies",
        "Select who is attending from other agencies",
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
        error_messages=_choose("Choose who owns the action"),
    )
    action_due_date = GovukDateField(
        label="Due date",
        required=False,
        help_text="For example, 27 3 2026",
    )

    def action(self) -> ActionInput | None:
        """The action typed with the discussion, if any part of one was (the service says
        what is missing)."""
        data = self.cleaned_data
        description = (data.get("action_description") or "").strip()
        owner, due = data.get("action_owner"), data.get("action_due_date")
        if not description and owner is None and due is None:
            return None
        return ActionInput(description=description, owner=owner, due_date=due)


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label="Add a correction",
        help_text="The minutes stay as they were; the correction is added with your name and "
        "the time.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write the correction"},
    )


language_checked(ItemRunForm.base_fields["discussion"], ItemRunForm.base_fields["decisions"])
language_checked(CorrectionForm.base_fields["text"])
