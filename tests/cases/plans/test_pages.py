"""Safety plan pages: writing a version (with actions by agency), viewing it, printing it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.casework.services import case_close
from cehub.cases.models import Case, ClosureOutcome, SafetyPlan, SafetyPlanAction
from cehub.cases.plans.services import PlanAction
from cehub.cases.plans.services import safety_plan_save as save_plan
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from tests.cases.records import CHILD_WORDS, PLAN_TEXT, assert_form_problem, plan_input
from tests.html import date_fields
from tests.html import text as page_text

pytestmark = pytest.mark.django_db

CHILD_WORDS_HINT = "Use their words, in quotation marks. If they chose not to say, write that."


def _post_data(user: User, rows: int = 2, /, **overrides: str) -> dict[str, str]:
    today = timezone.localdate()
    data = {
        **PLAN_TEXT,
        "trusted_adults": "Her nan, Pat",
        "safe_places": "Nan's house; the boxing club",
        "strategies": "If an adult she does not know offers a lift, she calls her nan",
        **date_fields("review_date", today + timedelta(days=28)),
        "based_on": "0",
        "actions-TOTAL_FORMS": str(rows),
        "actions-INITIAL_FORMS": "0",
        "actions-0-agency": str(user.agency_id),
        "actions-0-action": "Weekly boxing session",
        "actions-0-owner": "Youth worker Jo",
        **date_fields("actions-0-due_date", today + timedelta(days=7)),
    }
    for index in range(1, rows):  # blank rows are left out of the plan
        row = f"actions-{index}-"
        data.update({row + "agency": "", row + "action": "", row + "owner": ""})
        data.update(date_fields(row + "due_date", None))
    data.update(overrides)
    return data


def _new_url(case: Case) -> str:
    return reverse("cases:safety_plan_new", kwargs={"case_id": case.pk})


def _plan(user: User, case: Case, **overrides: object) -> SafetyPlan:
    action = PlanAction(
        user.agency,  # type: ignore[arg-type]
        "Weekly boxing session",
        "Youth worker Jo",
        timezone.localdate() + timedelta(days=7),
    )
    plan = plan_input(**{"actions": [action], **overrides})
    return save_plan(actor=user, case=case, plan=plan)


# --- Writing a plan ------------------------------------------------------------------------
def test_the_form_asks_for_the_childs_own_words(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    response = signed_in(hub_social_worker).get(_new_url(case))
    assert response.status_code == 200
    text = page_text(response)
    assert "Write a safety plan" in text
    assert "The child's own words and wishes" in text
    assert CHILD_WORDS_HINT in text
    assert "Add another action" in text
    assert 'name="actions-TOTAL_FORMS"' in response.content.decode()


def test_the_worker_writes_a_plan_with_the_childs_words_and_actions(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    client = signed_in(hub_social_worker)
    response = client.post(_new_url(case), _post_data(hub_social_worker))
    plan = SafetyPlan.objects.get(case=case)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:safety_plan_detail", kwargs={"plan_id": plan.pk})
    assert plan.version_number == 1
    assert plan.child_words == CHILD_WORDS
    assert plan.created_by == hub_social_worker
    action = SafetyPlanAction.objects.get(plan=plan)  # the blank second row was left out
    assert (action.action, action.owner) == ("Weekly boxing session", "Youth worker Jo")
    assert AccessEvent.objects.filter(
        action=AccessAction.CREATE, object_type="safety-plan", object_id=str(plan.pk)
    ).exists()

    page = client.get(response["Location"])
    text = page_text(page)
    assert CHILD_WORDS in text
    assert "Safety plan version 1 saved" in text
    assert "Weekly boxing session" in text and "Youth worker Jo" in text
    assert "Print this plan" in text
    assert reverse("cases:safety_plan_print", kwargs={"plan_id": plan.pk}) in page.content.decode()
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW,
        object_type="safety-plan",
        object_id=str(plan.pk),
        user=hub_social_worker,
    ).exists()


def test_without_the_childs_words_nothing_is_saved_and_what_was_typed_is_kept(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    response = signed_in(hub_social_worker).post(
        _new_url(case), _post_data(hub_social_worker, child_words="   ")
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "<title>Error: " in response.content.decode()
    assert "There is a problem" in text
    assert "Record the child's own words and wishes — if they chose not to say, write that" in text
    assert "Adults at the takeaway are giving Kayleigh vapes and lifts" in text
    assert 'value="Weekly boxing session"' in response.content.decode()
    assert not SafetyPlan.objects.exists()


def test_an_action_due_in_the_past_is_refused(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    yesterday = timezone.localdate() - timedelta(days=1)
    response = signed_in(hub_social_worker).post(
        _new_url(case),
        _post_data(hub_social_worker, **date_fields("actions-0-due_date", yesterday)),
    )
    assert_form_problem(
        response, "Action 1: due date must be today or in the future", "actions-0-due_date_day"
    )
    assert not SafetyPlan.objects.exists()


def test_a_half_filled_action_names_its_row(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    response = signed_in(hub_social_worker).post(
        _new_url(case),
        _post_data(hub_social_worker, **{"actions-1-action": "Disruption visit to the takeaway"}),
    )
    text = page_text(response)
    assert "Action 2: choose the agency" in text
    assert "Action 2: enter who is responsible" in text
    assert "Action 2: enter the due date" in text
    assert "Action 1:" not in text
    assert not SafetyPlan.objects.exists()


def test_the_review_date_must_be_in_the_future(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    response = signed_in(hub_social_worker).post(
        _new_url(case),
        _post_data(hub_social_worker, **date_fields("review_date", timezone.localdate())),
    )
    assert "Review date must be in the future" in page_text(response)
    assert not SafetyPlan.objects.exists()


def test_the_required_parts_each_have_their_own_message(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    data = _post_data(
        hub_social_worker,
        danger_statement="",
        safety_goal="",
        **date_fields("review_date", None),
    )
    text = page_text(signed_in(hub_social_worker).post(_new_url(case), data))
    assert "Describe what we are worried about" in text
    assert "Describe the safety goal" in text
    assert "Enter the review date" in text
    assert not SafetyPlan.objects.exists()


def test_add_another_action_adds_a_row_without_saving_or_complaining(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    data = _post_data(hub_social_worker, 1, child_words="", add_action="1")
    response = signed_in(hub_social_worker).post(_new_url(case), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="actions-TOTAL_FORMS" value="2"' in html
    assert 'id="action-2"' in html
    assert "There is a problem" not in html  # the empty child's words are not an error yet
    assert "Weekly boxing session" in html
    assert not SafetyPlan.objects.exists()


def test_too_many_actions_are_refused(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    data = _post_data(hub_social_worker, **{"actions-TOTAL_FORMS": "25"})
    response = signed_in(hub_social_worker).post(_new_url(case), data)
    assert "You can add up to 20 actions" in page_text(response)
    assert not SafetyPlan.objects.exists()


def test_a_new_version_starts_from_the_latest_and_keeps_the_old_one(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    first = _plan(hub_social_worker, case)
    client = signed_in(hub_social_worker)
    form = client.get(_new_url(case))
    html = form.content.decode()
    assert "Update the safety plan" in page_text(form)
    assert "The current plan is version 1" in page_text(form)
    assert "Saving writes version 2" in page_text(form)
    assert 'name="based_on" value="1"' in html
    assert "Adults at the takeaway are giving Kayleigh vapes and lifts" in html
    assert 'value="Weekly boxing session"' in html  # the actions are carried over
    assert 'name="actions-TOTAL_FORMS" value="2"' in html  # plus one blank row
    assert "There is a problem" not in html

    data = _post_data(
        hub_social_worker, safety_goal="Kayleigh goes to boxing twice a week", based_on="1"
    )
    response = client.post(_new_url(case), data)
    second = SafetyPlan.objects.get(case=case, version_number=2)
    assert response["Location"] == reverse(
        "cases:safety_plan_detail", kwargs={"plan_id": second.pk}
    )
    assert SafetyPlan.objects.get(pk=first.pk).safety_goal != second.safety_goal

    old = client.get(reverse("cases:safety_plan_detail", kwargs={"plan_id": first.pk}))
    text = page_text(old)
    assert "This is an earlier version. The current plan is version 2." in text
    assert reverse("cases:safety_plan_detail", kwargs={"plan_id": second.pk}) in (
        old.content.decode()
    )
    current = page_text(client.get(response["Location"]))
    assert "Version 2 (shown)" in current
    assert "Version 1" in current
    assert "earlier version" not in current


def test_a_version_saved_by_someone_else_meanwhile_is_not_overwritten(
    signed_in: Callable[[User], Client], hub_social_worker: User, hub_manager: User, case: Case
) -> None:
    _plan(hub_social_worker, case)
    # The worker opened the form on version 1; the manager then saved version 2.
    _plan(hub_manager, case, safety_goal="Kayleigh stays with her nan at weekends")
    data = _post_data(hub_social_worker, safety_goal="My goal, typed on version 1", based_on="1")
    response = signed_in(hub_social_worker).post(_new_url(case), data)
    assert response.status_code == 409
    text = page_text(response)
    assert "Someone else saved version 2 of this plan while you were writing" in text
    assert "My goal, typed on version 1" in text
    assert 'name="based_on" value="2"' in response.content.decode()
    assert SafetyPlan.objects.filter(case=case).count() == 2

    # Having seen their version, saving again writes version 3.
    data["based_on"] = "2"
    assert signed_in(hub_social_worker).post(_new_url(case), data).status_code == 302
    assert SafetyPlan.objects.get(case=case, version_number=3).safety_goal == (
        "My goal, typed on version 1"
    )


def test_a_closed_case_cannot_have_a_new_plan(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    case_close(
        actor=hub_social_worker,
        case=case,
        outcome=ClosureOutcome.RISK_REDUCED,
        reason="Kayleigh is settled and the adults have moved away",
    )
    client = signed_in(hub_social_worker)
    assert "This case is closed" in page_text(client.get(_new_url(case)))
    response = client.post(_new_url(case), _post_data(hub_social_worker))
    assert response.status_code == 200
    assert "This case is closed" in page_text(response)
    assert not SafetyPlan.objects.exists()


# --- Printing ------------------------------------------------------------------------------
def test_the_print_view_holds_the_whole_plan(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    plan = _plan(
        hub_social_worker,
        case,
        trusted_adults="Her nan, Pat",
        safe_places="The boxing club",
        strategies="She calls her nan if an adult she does not know offers a lift",
    )
    response = signed_in(hub_social_worker).get(
        reverse("cases:safety_plan_print", kwargs={"plan_id": plan.pk})
    )
    assert response.status_code == 200
    text = page_text(response)
    for expected in (
        "Safety plan for Kayleigh Brookes",
        "Date of birth 14 May 2011",
        "Version 1",
        f"Written {timezone.localdate():%-d %B %Y}",
        "Written by Sam Okafor",
        "What we are worried about Adults at the takeaway are giving Kayleigh vapes and lifts",
        "Safety goal Kayleigh spends evenings",
        f"The child's own words and wishes {CHILD_WORDS}",
        "Trusted adults Her nan, Pat",
        "Safe places The boxing club",
        "Agreed strategies She calls her nan",
        "Weekly boxing session",
        "Youth worker Jo",
        f"To be reviewed by {plan.review_date:%-d %B %Y}",
    ):
        assert expected in text, expected
    assert text.count("Official – Sensitive") == 2
    html = response.content.decode()
    assert "<caption" in html
    assert "<form" not in html.split('id="main-content"')[1]  # nothing to fill in on paper


# --- Who may see it ------------------------------------------------------------------------
def test_roles_without_permission_get_404(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    case: Case,
) -> None:
    plan = _plan(hub_social_worker, case)
    officer = make_persona(Role.INTELLIGENCE_OFFICER, team=hub_social_worker.team)
    client = signed_in(officer)
    # An intelligence officer in the team may read the plan but not write one.
    assert client.get(_new_url(case)).status_code == 404
    assert client.post(_new_url(case), _post_data(hub_social_worker)).status_code == 404
    assert (
        client.get(reverse("cases:safety_plan_detail", kwargs={"plan_id": plan.pk})).status_code
        == 200
    )
    teacher = make_persona(Role.REFERRER)
    client = signed_in(teacher)
    for url in (
        _new_url(case),
        reverse("cases:safety_plan_detail", kwargs={"plan_id": plan.pk}),
        reverse("cases:safety_plan_print", kwargs={"plan_id": plan.pk}),
    ):
        assert client.get(url).status_code == 404, url
    assert SafetyPlan.objects.count() == 1


def test_a_hub_worker_without_a_relationship_gets_404(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    case: Case,
) -> None:
    plan = _plan(hub_social_worker, case)
    stranger = make_persona(Role.HUB_PRACTITIONER)  # another team
    client = signed_in(stranger)
    for url in (
        _new_url(case),
        reverse("cases:safety_plan_detail", kwargs={"plan_id": plan.pk}),
        reverse("cases:safety_plan_print", kwargs={"plan_id": plan.pk}),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(_new_url(case), _post_data(stranger)).status_code == 404
    assert SafetyPlan.objects.count() == 1
    assert not AccessEvent.objects.filter(
        user=stranger, action=AccessAction.VIEW, object_type="safety-plan"
    ).exists()


# --- Wording that blames the child ---------------------------------------------------------
def test_a_plan_with_flagged_wording_is_shown_again_then_kept_if_the_worker_chooses(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    from cehub.language.models import KeptWording
    from cehub.language.review import REVIEW_FIELD

    client = signed_in(hub_social_worker)
    flagged = "Kayleigh is making poor choices and has an older boyfriend"
    data = _post_data(hub_social_worker, danger_statement=flagged)
    response = client.post(_new_url(case), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check the wording" in html and 'href="#id_danger_statement"' in html
    assert not SafetyPlan.objects.exists()  # nothing saved yet
    assert not KeptWording.objects.exists()
    token = re.search(rf'name="{REVIEW_FIELD}" value="([0-9a-f]+)"', html)
    assert token is not None

    response = client.post(_new_url(case), {**data, REVIEW_FIELD: token[1]})
    assert response.status_code == 302
    assert SafetyPlan.objects.get().danger_statement == flagged
    kept = KeptWording.objects.filter(field="safety_plan.danger_statement")
    assert kept.count() == 2
    assert {row.user_id for row in kept} == {hub_social_worker.pk}
