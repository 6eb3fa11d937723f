"""Forms for safety plans: the plan's text, and its actions as a formset of rows.

"Add another action" draws the page again with a blank row and checks nothing (``DraftForm``).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import formset_factory
from django.http import QueryDict

from cehub.cases.fields import STALE_PAGE, agency_field, text_box, version_field
from cehub.cases.models import SafetyPlan
from cehub.core.govuk_forms import DraftForm, DraftFormSet, GovukDateField, with_one_more_row
from cehub.core.govuk_forms.dates import lower_first
from cehub.language.forms import language_checked

from .services import REQUIRED_TEXT, TEXT_PARTS, PlanAction, SafetyPlanInput

MAX_ACTIONS = 20  # per plan version: a bound on what one POST can create
CHILD_WORDS_HINT = "Use their words, in quotation marks. If they chose not to say, write that."


class SafetyPlanForm(DraftForm):
    danger_statement = text_box(
        "What are we worried about?",
        "The danger statement: what has happened or could happen, and who is harming or "
        "exploiting the child. Say what adults are doing.",
        required_message=REQUIRED_TEXT["danger_statement"],
    )
    safety_goal = text_box(
        "What will safety look like?",
        "The safety goal: what the child and the adults around them will do so the child is safe",
        rows=4,
        required_message=REQUIRED_TEXT["safety_goal"],
    )
    child_words = text_box(
        "The child's own words and wishes",
        CHILD_WORDS_HINT,
        required_message=REQUIRED_TEXT["child_words"],
    )
    trusted_adults = text_box(
        "Trusted adults (optional)",
        "People the child trusts and can go to, and how to reach them",
        rows=3,
    )
    safe_places = text_box("Safe places (optional)", "Where the child can go to be safe", rows=3)
    strategies = text_box(
        "Agreed strategies (optional)",
        "What the child, their family and professionals will do, including if the child goes "
        "missing or is contacted by the people harming them",
        rows=4,
    )
    review_date = GovukDateField(
        label="Review date",
        must_be_future=True,
        required_message="Enter the review date",
        help_text="When the plan will next be reviewed. For example, 27 3 2027",
    )
    # The version this one was started from (0: the first plan). If someone else has saved a
    # version since, saving would silently undo their changes, so the page says so instead.
    based_on = version_field(min_value=0)


class PlanActionForm(DraftForm):
    """One action by an agency. Messages name the action's number, for the error summary."""

    agency = agency_field("Agency", "Choose the agency")
    action = forms.CharField(
        label="What will be done",
        max_length=500,
        widget=forms.TextInput(attrs={"govuk_width": "full"}),
        error_messages={
            "required": "Enter what will be done",
            "max_length": "What will be done must be 500 characters or fewer",
        },
    )
    owner = forms.CharField(
        label="Who is responsible",
        max_length=200,
        help_text="A named person or role",
        widget=forms.TextInput(attrs={"govuk_width": "two-thirds"}),
        error_messages={
            "required": "Enter who is responsible",
            "max_length": "Who is responsible must be 200 characters or fewer",
        },
    )
    due_date = GovukDateField(
        label="Due date",
        must_be_future=True,
        allow_today=True,
        required_message="Enter the due date",
        help_text="For example, 27 3 2027",
    )

    def __init__(self, *args: Any, number: int = 1, **kwargs: Any) -> None:
        self.number = number
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        super().full_clean()
        # Several rows share labels, so each message says which action it is about. Codes are
        # kept: the date input uses them to mark only the wrong parts.
        for name, errors in list(self._errors.items()):
            self._errors[name] = self.error_class(
                [
                    ValidationError(
                        f"Action {self.number}: {lower_first(' '.join(error.messages))}",
                        code=error.code,
                    )
                    for error in errors.as_data()
                ]
            )

    def to_action(self) -> PlanAction:
        return PlanAction(
            **{part.name: self.cleaned_data[part.name] for part in fields(PlanAction)}
        )


class PlanActionFormSet(DraftFormSet):
    """Every row is optional: a blank row is left out, so clearing a row removes the action."""

    default_error_messages = {
        "missing_management_form": STALE_PAGE,
        "too_many_forms": f"You can add up to {MAX_ACTIONS} actions",
        "too_few_forms": "Add at least %(num)d action",
    }

    def initial_form_count(self) -> int:
        return 0

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "number": (index or 0) + 1}

    def actions(self) -> list[PlanAction]:
        return [form.to_action() for form in self.forms if form.cleaned_data]

    @property
    def can_add(self) -> bool:
        return self.total_form_count() < MAX_ACTIONS

    @property
    def next_number(self) -> int:
        return self.total_form_count() + 1


ACTIONS_PREFIX = "actions"
_ActionFormSetClass: type[PlanActionFormSet] = formset_factory(  # type: ignore[assignment]
    PlanActionForm,
    formset=PlanActionFormSet,
    extra=1,
    max_num=MAX_ACTIONS,
    absolute_max=MAX_ACTIONS,
    validate_max=True,
)


def plan_action_formset(
    data: QueryDict | None = None, *, check_input: bool = True, add_one: bool = False
) -> PlanActionFormSet:
    """The actions, blank or bound; ``add_one`` adds a blank row and checks nothing."""
    if data is not None and add_one:
        data = with_one_more_row(data, ACTIONS_PREFIX, MAX_ACTIONS)
        check_input = False
    return _ActionFormSetClass(data, prefix=ACTIONS_PREFIX, check_input=check_input)


def plan_actions_data(plan: SafetyPlan) -> QueryDict:
    """Form data holding a plan version's actions (plus a blank row), to start the next one."""
    data = QueryDict(mutable=True)
    actions = list(plan.actions.all())
    data[f"{ACTIONS_PREFIX}-TOTAL_FORMS"] = str(min(len(actions) + 1, MAX_ACTIONS))
    data[f"{ACTIONS_PREFIX}-INITIAL_FORMS"] = "0"
    for index, action in enumerate(actions[:MAX_ACTIONS]):
        key = f"{ACTIONS_PREFIX}-{index}-"
        data[key + "agency"] = str(action.agency_id)
        data[key + "action"] = action.action
        data[key + "owner"] = action.owner
        due = action.due_date
        data[key + "due_date_day"] = str(due.day)
        data[key + "due_date_month"] = str(due.month)
        data[key + "due_date_year"] = str(due.year)
    return data


def plan_initial(plan: SafetyPlan) -> dict[str, Any]:
    """The text of a plan version, to start the next one (the review date is set afresh)."""
    return {"based_on": plan.version_number, **{name: getattr(plan, name) for name in TEXT_PARTS}}


def safety_plan_input(form: SafetyPlanForm, formset: PlanActionFormSet) -> SafetyPlanInput:
    data = form.cleaned_data
    return SafetyPlanInput(
        review_date=data["review_date"],
        actions=formset.actions(),
        **{name: data[name] for name in TEXT_PARTS},
    )


language_checked(*(SafetyPlanForm.base_fields[name] for name in TEXT_PARTS))
