"""A service's rules shown together with what did not parse (``form_views.submit(problems=)``).

No database: the forms are plain, and the "service" is a function of what was typed.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import pytest
from django import forms

from cehub.core.errors import Problem, Rule, ServiceError, problems_of, raise_problems
from cehub.core.form_views import attach_error, submit

NO_REASON = "Say why"
NO_NAME = "Enter a name"


class ReasonForm(forms.Form):
    name = forms.CharField(required=False, max_length=5)
    answer = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")])
    why = forms.CharField(required=False)


def _rules(data: dict[str, Any], unread: Collection[str] = ()) -> list[Problem]:
    return problems_of(
        Rule(not data.get("name"), "name", NO_NAME),
        Rule(data.get("answer") == "no" and not data.get("why"), "why", NO_REASON, ("answer",)),
        unread=unread,
    )


def _save(data: dict[str, Any]) -> str:
    raise_problems(_rules(data))
    return "saved"


def test_every_broken_rule_is_raised_at_once_the_first_as_the_message() -> None:
    with pytest.raises(ServiceError) as refused:
        _save({"answer": "no"})
    assert (str(refused.value), refused.value.field) == (NO_NAME, "name")
    assert refused.value.problems == (("name", NO_NAME), ("why", NO_REASON))
    assert _save({"name": "Kai", "answer": "yes"}) == "saved"


def test_a_plain_service_error_is_its_own_one_problem() -> None:
    assert ServiceError("Nope", "why").problems == (("why", "Nope"),)


def test_a_rule_that_reads_an_unread_input_waits() -> None:
    assert _rules({"answer": None}, unread={"answer"}) == [("name", NO_NAME)]
    assert _rules({"name": ""}, unread={"name"}) == []


def test_each_problem_goes_on_its_field_or_above_the_form() -> None:
    form = ReasonForm({"name": "Kai", "answer": "yes"})
    assert form.is_valid()
    attach_error([form], ServiceError.of([("why", NO_REASON), (None, "Not now"), ("gone", "X")]))
    assert form.errors["why"] == [NO_REASON]
    assert form.non_field_errors() == ["Not now", "X"]


def test_problems_show_with_what_did_not_parse_and_nothing_is_saved() -> None:
    saved: list[str] = []
    # "answer" did not parse, so the reason rule waits; the name rule does not need it.
    form = ReasonForm({"name": "", "answer": "maybe"})
    outcome = submit(
        form,
        save=lambda: saved.append("x"),
        problems=lambda unread: _rules(form.cleaned_data, unread),
        review_wording=False,
    )
    assert not outcome.saved and saved == []
    assert set(form.errors) == {"answer", "name"}
    assert form.errors["name"] == [NO_NAME]


def test_problems_rename_fields_both_ways() -> None:
    form = ReasonForm({"name": "Kai", "answer": "no"})
    seen: list[frozenset[str]] = []

    def rules(unread: frozenset[str]) -> list[Problem]:
        seen.append(unread)
        return [("reason", NO_REASON)]

    outcome = submit(
        form, save=lambda: "x", problems=rules, fields={"reason": "why"}, review_wording=False
    )
    assert not outcome.saved
    assert form.errors["why"] == [NO_REASON]
    assert seen == [frozenset()]


def test_with_nothing_wrong_the_service_runs() -> None:
    form = ReasonForm({"name": "Kai", "answer": "yes"})
    outcome = submit(
        form,
        save=lambda: _save(form.cleaned_data),
        problems=lambda unread: _rules(form.cleaned_data, unread),
        review_wording=False,
    )
    assert (outcome.saved, outcome.value) == (True, "saved")
