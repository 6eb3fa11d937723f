"""Forms on the case page: allocate the case, and close it or step it down.

Both carry the case's version, so a change made by someone else in the meantime is refused
(HTTP 409) rather than overwritten.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet

from cehub.accounts.models import User
from cehub.cases.fields import ServiceForm, choose, version_field
from cehub.cases.models import ClosureOutcome
from cehub.core.roles import Role
from cehub.language.forms import language_checked

CLOSE, STEP_DOWN = "close", "step-down"


def allocatable_workers() -> QuerySet[User]:
    """Staff a case can go to: active hub practitioners and managers who are in a team."""
    return (
        User.objects.filter(
            role__in=[Role.HUB_PRACTITIONER, Role.HUB_MANAGER],
            is_active=True,
            team__isnull=False,
        )
        .select_related("team")
        .order_by("team__name", "full_name")
    )


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.full_name} ({obj.team.name})" if obj.team else obj.full_name


class AllocateForm(ServiceForm):
    service_fields = ("worker",)

    worker = WorkerChoiceField(
        queryset=User.objects.none(),
        label="Allocate the case to",
        help_text="The worker's team gains a working relationship with the child.",
        empty_label="Choose a worker",
        error_messages={
            "required": "Select the worker to allocate the case to",
            "invalid_choice": "Select a worker from the list",
        },
    )
    version = version_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "allocate")
        super().__init__(*args, **kwargs)
        cast(WorkerChoiceField, self.fields["worker"]).queryset = allocatable_workers()


class CloseForm(ServiceForm):
    service_fields = ("outcome", "reason", "step_down")

    decision = forms.ChoiceField(
        label="Close the case or step it down?",
        choices=[(CLOSE, "Close the case"), (STEP_DOWN, "Step the case down")],
        widget=forms.RadioSelect(
            attrs={
                "govuk_item_hints": {
                    CLOSE: "The hub's work with the child ends.",
                    STEP_DOWN: (
                        "Another service leads the work. A new screening at medium or high "
                        "brings the case back to the hub."
                    ),
                }
            }
        ),
        error_messages=choose("Select whether to close the case or step it down"),
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=ClosureOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the outcome",
            "invalid_choice": "Select one of the outcomes given",
        },
    )
    reason = forms.CharField(
        label="Reasons",
        help_text="What has changed for the child, and who is supporting them now.",
        widget=forms.Textarea(attrs={"govuk_rows": 4}),
        error_messages={"required": "Give the reasons for closing the case or stepping it down"},
    )
    version = version_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "close")
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["step_down"] = data.get("decision") == STEP_DOWN
        return data


language_checked(CloseForm.base_fields["reason"])
