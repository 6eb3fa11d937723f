"""The screening pages: the form (with and without JavaScript), the live preview, a screening,
a manager's decision on a lower level, the approval queue and the low-risk guidance.

Unhappy paths are tested as hard as happy ones: every bad input gets its own message on its
own field, and nothing is saved.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Callable
from datetime import date
from html import unescape
from typing import Any

import pyotp
import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect, sync_playwright

from cehub.accounts.models import User
from cehub.cases.models import Case, CaseStatus
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.intake.models import Awareness, Concern
from cehub.intake.submit.services import ConcernSubmission, concern_submit
from cehub.intake.triage.services import concern_link_child
from cehub.people.models import ChronologyEntry, Person, PersonCategory
from cehub.people.services import PersonDetails, person_create
from cehub.screening.models import Outcome, Screening, ScreeningStatus
from cehub.screening.services import tool_get
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, assert_accessible
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

TOOL = "cehub-default@1"
SIGNIFICANT = "missing-overnight"  # significant: 5 points now, and at least medium
SIGNIFICANT_LABEL = "Missing overnight or longer"


# --- Fixtures (as in tests/cases/conftest.py) ------------------------------------------------
@pytest.fixture
def hub_manager(make_persona: Callable[..., User], hub_social_worker: User) -> User:
    # Same hub team as the social worker, so the team's relationships cover both.
    return make_persona(
        Role.HUB_MANAGER,
        full_name="Helen Marsh",
        team=hub_social_worker.team,
        agency=hub_social_worker.agency,
    )


@pytest.fixture
def second_manager(make_persona: Callable[..., User], hub_social_worker: User) -> User:
    return make_persona(
        Role.HUB_MANAGER,
        full_name="Tom Reyes",
        team=hub_social_worker.team,
        agency=hub_social_worker.agency,
    )


@pytest.fixture
def child(hub_social_worker: User) -> Person:
    return person_create(
        actor=hub_social_worker,
        details=PersonDetails(
            category=PersonCategory.CHILD,
            given_name="Kayleigh",
            family_name="Brookes",
            date_of_birth=date(2011, 5, 14),
            nhs_number="943 476 5919",
        ),
    )


# --- Helpers -----------------------------------------------------------------------------
def _text(response: Any) -> str:
    """The page's visible text with whitespace collapsed, for phrase assertions."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def _error_for(response: Any, field_id: str) -> str:
    """The GOV.UK error message drawn next to one field."""
    match = re.search(
        rf'<p id="{re.escape(field_id)}-error" class="govuk-error-message">(.*?)</p>',
        response.content.decode(),
        re.DOTALL,
    )
    assert match, f"no error message for {field_id}"
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", match.group(1)))).strip()


def _summary(response: Any) -> list[str]:
    html = response.content.decode()
    block = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.DOTALL)
    assert block, "no error summary"
    return [
        re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", item))).strip()
        for item in re.findall(r"<li>(.*?)</li>", block.group(0), re.DOTALL)
    ]


def _moderate(count: int) -> list[str]:
    """Moderate indicators that fire no override: 1 point each."""
    tool = tool_get(TOOL)
    ids = [i.id for i in tool.indicators.values() if i.tier == "moderate" and "cse" not in i.forms]
    assert len(ids) >= count
    return ids[:count]


def _data(
    *,
    ticked: dict[str, tuple[str, str, str]] | None = None,
    disclosure: str = "no",
    final_level: str = "",
    rationale: str = "",
    advice: str = "",
    signposted: str = "",
    action: str = "record",
    tool: str = TOOL,
    concern: str = "",
) -> dict[str, Any]:
    ticked = ticked or {}
    data: dict[str, Any] = {
        "tool": tool,
        "concern": concern,
        "disclosure": disclosure,
        "indicators": list(ticked),
        "final_level": final_level,
        "rationale": rationale,
        "advice_given": advice,
        "signposted_to": signposted,
        "action": action,
    }
    for indicator, (when, confirmed, evidence) in ticked.items():
        data[f"{indicator}__when"] = when
        data[f"{indicator}__confirmed"] = confirmed
        data[f"{indicator}__evidence"] = evidence
    return data


def _medium() -> dict[str, tuple[str, str, str]]:
    return {SIGNIFICANT: ("current", "confirmed", "Police found her in Leeds at 3am on 4 Nov")}


def _low() -> dict[str, tuple[str, str, str]]:
    return dict.fromkeys(_moderate(7), ("current", "suspected", "Reported by school staff"))


def _screen_url(person: Person) -> str:
    return reverse("screening:screen", kwargs={"person_id": person.pk})


def _preview_url(person: Person) -> str:
    return reverse("screening:preview", kwargs={"person_id": person.pk})


def _nothing_saved(child: Person) -> None:
    assert not Screening.objects.exists()
    assert not Case.objects.exists()
    assert not ChronologyEntry.objects.filter(person=child, kind="screening").exists()


def _events(action: AccessAction, object_type: str) -> int:
    return AccessEvent.objects.filter(action=action, object_type=object_type).count()


# --- The form ----------------------------------------------------------------------------
def test_the_form_shows_every_domain_the_child_facts_and_the_levels(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    response = signed_in(hub_social_worker).get(_screen_url(child))
    assert response.status_code == 200
    html = response.content.decode()
    tool = tool_get(TOOL)
    for domain in tool.domains.values():
        assert f'<h2 class="govuk-fieldset__heading">{domain.label}</h2>' in unescape(html)
    # Every indicator: a checkbox with its own when, confirmed and evidence answers.
    assert html.count('name="indicators"') == len(tool.indicators)
    for suffix in ("when", "confirmed", "evidence"):
        assert f'name="{SIGNIFICANT}__{suffix}"' in html
    # Conditional reveal: hidden only when GOV.UK Frontend's JavaScript runs.
    assert f'data-aria-controls="indicator-{SIGNIFICANT}-details"' in html
    text = _text(response)
    assert "Age 15" in text
    assert "Learning disability No" in text
    assert "never uses the child's ethnicity, sex, gender or religion" in text
    for level in tool.levels:
        assert f'name="final_level" type="radio" value="{level}"' in html
    assert reverse("screening:low_risk_guidance") in html
    # Live preview with htmx, and a button that does the same without JavaScript.
    assert f'hx-post="{_preview_url(child)}"' in html
    assert 'hx-trigger="change"' in html
    assert 'aria-live="polite"' in html
    assert 'name="action" value="calculate"' in html
    assert f'name="tool" value="{TOOL}"' in html
    # Opening the form opened the child's record: logged.
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="person", object_id=str(child.pk)
    ).exists()


def test_medium_opens_a_case_that_appears_on_the_allocation_queue(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    hub_manager: User,
    child: Person,
) -> None:
    client = signed_in(hub_social_worker)
    response = client.post(_screen_url(child), _data(ticked=_medium(), final_level="medium"))
    screening = Screening.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "screening:detail", kwargs={"screening_id": screening.pk}
    )
    assert (screening.computed_level, screening.final_level) == ("medium", "medium")
    assert screening.computed_score == 5
    assert screening.status == ScreeningStatus.FINAL
    assert screening.outcome == Outcome.CASE
    assert screening.tool_ref == TOOL
    assert screening.answers == [
        {
            "indicator": SIGNIFICANT,
            "when": "current",
            "confirmed": True,
            "evidence": "Police found her in Leeds at 3am on 4 Nov",
        }
    ]
    case = Case.objects.get(person=child)
    assert case.status == CaseStatus.AWAITING_ALLOCATION
    assert AccessEvent.objects.filter(
        action=AccessAction.CREATE, object_type="screening", object_id=str(screening.pk)
    ).exists()

    queue = signed_in(hub_manager).get(reverse("cases:allocation_queue"))
    assert queue.status_code == 200
    text = _text(queue)
    assert "Kayleigh Brookes" in text
    assert "1 case waiting to be allocated" in text
    assert "A significant indicator in the last 3 months" in text  # why: the override
    assert reverse("cases:case_detail", kwargs={"case_id": case.pk}) in queue.content.decode()


def test_low_records_the_advice_and_opens_no_case(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    response = signed_in(hub_social_worker).post(
        _screen_url(child),
        _data(
            ticked=_low(),
            final_level="low",
            advice="Agreed with school that her form tutor checks in daily",
            signposted="Northvale youth club; school nurse",
        ),
    )
    assert response.status_code == 302
    screening = Screening.objects.get()
    assert (screening.computed_level, screening.computed_score) == ("low", 7)
    assert screening.outcome == Outcome.ADVICE
    assert screening.advice_given == "Agreed with school that her form tutor checks in daily"
    assert screening.signposted_to == "Northvale youth club; school nurse"
    assert not Case.objects.exists()


def test_low_without_advice_is_refused_on_the_advice_field(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    response = signed_in(hub_social_worker).post(
        _screen_url(child), _data(ticked=_low(), final_level="low")
    )
    assert response.status_code == 200
    assert _error_for(response, "id_advice_given") == (
        "Error: Record the advice given and any services the child or family were signposted to"
    )
    assert 'href="#id_advice_given"' in response.content.decode()
    _nothing_saved(child)


def test_a_different_level_without_a_rationale_is_refused_and_what_was_typed_is_kept(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    response = signed_in(hub_social_worker).post(
        _screen_url(child), _data(ticked=_medium(), final_level="high")
    )
    assert response.status_code == 200
    assert response.content.decode().count("govuk-error-summary__list") == 1
    assert _summary(response) == ["Explain why your level is different from the computed level"]
    assert _error_for(response, "id_rationale") == (
        "Error: Explain why your level is different from the computed level"
    )
    html = response.content.decode()
    assert "Police found her in Leeds at 3am on 4 Nov" in html  # the evidence typed
    assert f'value="{SIGNIFICANT}" checked' in html
    assert re.search(r'value="high"\s+checked', html) or 'value="high" checked' in html
    assert response["Content-Type"].startswith("text/html")
    assert _text(response).startswith("Error: ") or "<title>Error: " in html
    _nothing_saved(child)


def test_a_ticked_indicator_needs_when_confirmed_and_evidence(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    data = _data(final_level="medium")
    data["indicators"] = [SIGNIFICANT, "care-experienced"]
    data["care-experienced__when"] = "current"
    data["care-experienced__confirmed"] = "confirmed"
    data["care-experienced__evidence"] = "Looked after since 2019"
    response = signed_in(hub_social_worker).post(_screen_url(child), data)
    assert response.status_code == 200
    assert _error_for(response, f"id_{SIGNIFICANT}__when") == (
        f"Error: Say when ‘{SIGNIFICANT_LABEL}’ was last seen"
    )
    assert _error_for(response, f"id_{SIGNIFICANT}__confirmed") == (
        f"Error: Say whether ‘{SIGNIFICANT_LABEL}’ is confirmed or suspected"
    )
    assert _error_for(response, f"id_{SIGNIFICANT}__evidence") == (
        f"Error: Give the evidence for ‘{SIGNIFICANT_LABEL}’: what was seen or heard, and by whom"
    )
    html = response.content.decode()
    assert f'href="#id_{SIGNIFICANT}__when"' in html
    # The complete indicator has no errors, and its answers are kept.
    assert 'id="id_care-experienced__when-error"' not in html
    assert "Looked after since 2019" in html
    # An indicator with errors stays open, so the errors are visible.
    assert f'class="govuk-checkboxes__conditional" id="indicator-{SIGNIFICANT}-details"' in html
    _nothing_saved(child)


def test_answers_of_unticked_indicators_are_ignored(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    data = _data(ticked=_medium(), final_level="medium")
    data["care-experienced__evidence"] = "Typed, then the box was unticked"
    data["care-experienced__when"] = "current"
    response = signed_in(hub_social_worker).post(_screen_url(child), data)
    assert response.status_code == 302
    assert [a["indicator"] for a in Screening.objects.get().answers] == [SIGNIFICANT]


def test_an_unknown_tool_version_is_refused_with_the_known_ones(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    response = signed_in(hub_social_worker).post(
        _screen_url(child),
        _data(ticked=_medium(), final_level="medium", tool="cehub-default@9"),
    )
    assert response.status_code == 200
    assert _summary(response) == [
        "Unknown screening tool 'cehub-default@9' ('cehub-default' has no version 9). "
        "Known tools: cehub-default@1. Give 'ID' for the latest version or 'ID@VERSION' for "
        "an exact one."
    ]
    # Drawn again with the installed tool, answers kept, so it can be checked and sent again.
    html = response.content.decode()
    assert f'name="tool" value="{TOOL}"' in html
    assert "Police found her in Leeds at 3am on 4 Nov" in html
    _nothing_saved(child)


@pytest.mark.parametrize(
    ("change", "field_id", "message"),
    [
        ({"disclosure": ""}, "id_disclosure", "Select yes if the child has disclosed"),
        ({"disclosure": "maybe"}, "id_disclosure", "Select yes or no"),
        ({"final_level": ""}, "id_final_level", "Select the level you judge the risk to be"),
        ({"final_level": "extreme"}, "id_final_level", "Select one of the levels given"),
        (
            {f"{SIGNIFICANT}__when": "last-year"},
            f"id_{SIGNIFICANT}__when",
            "Select one of the times given",
        ),
        (
            {f"{SIGNIFICANT}__confirmed": "rumoured"},
            f"id_{SIGNIFICANT}__confirmed",
            "Select confirmed or suspected",
        ),
        (
            {f"{SIGNIFICANT}__evidence": "x" * 1001},
            f"id_{SIGNIFICANT}__evidence",
            "Evidence must be 1000 characters or fewer",
        ),
        (
            {"signposted_to": "x" * 301},
            "id_signposted_to",
            "Services signposted to must be 300 characters or fewer",
        ),
    ],
)
def test_bad_answers_get_specific_errors_and_save_nothing(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    child: Person,
    change: dict[str, str],
    field_id: str,
    message: str,
) -> None:
    data = _data(ticked=_medium(), final_level="medium")
    data.update(change)
    response = signed_in(hub_social_worker).post(_screen_url(child), data)
    assert response.status_code == 200
    assert _error_for(response, field_id).startswith(f"Error: {message}")
    _nothing_saved(child)


def test_a_made_up_indicator_is_refused(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    data = _data(ticked=_medium(), final_level="medium")
    data["indicators"] = [SIGNIFICANT, "ethnicity"]
    response = signed_in(hub_social_worker).post(_screen_url(child), data)
    assert response.status_code == 200
    assert _summary(response) == ["Choose indicators from the list: ethnicity is not one of them"]
    assert f'href="#indicator-{SIGNIFICANT}"' in response.content.decode()
    _nothing_saved(child)


# --- The level as you tick ---------------------------------------------------------------
def test_the_preview_calculates_and_saves_nothing(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    client = signed_in(hub_social_worker)
    data = _data(ticked=_medium(), disclosure="", final_level="")
    data["indicators"].append("care-experienced")  # ticked, no "when" yet
    before = set(AccessEvent.objects.values_list("action", "object_type"))
    response = client.post(_preview_url(child), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html  # a fragment for the results region
    text = _text(response)
    assert "Computed level Medium" in text
    assert "Score 5" in text
    assert f"{SIGNIFICANT_LABEL} Significant indicator Within the last 3 months Confirmed 5" in text
    assert "Score 5 is in the 0-5 band: no identified risk (universal)." in text
    assert "A significant indicator in the last 3 months: at least medium" in text
    assert "which raised the level above the score's band" in text
    # What is not counted yet, said plainly.
    assert "Not counted until you say when each was last seen: Looked after, or has left care" in (
        text
    )
    assert "You have not said yet whether the child has disclosed" in text
    _nothing_saved(child)
    # Only the record opening is logged: nothing created or changed.
    after = set(AccessEvent.objects.values_list("action", "object_type"))
    assert after - before <= {(AccessAction.VIEW.value, "person")}


def test_the_preview_shows_a_disclosure_makes_the_level_high(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    response = signed_in(hub_social_worker).post(_preview_url(child), _data(disclosure="yes"))
    text = _text(response)
    assert "Computed level High" in text
    assert "Score 0" in text
    assert "Disclosure of exploitation: at least high" in text


def test_the_preview_reports_an_unknown_tool(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    response = signed_in(hub_social_worker).post(_preview_url(child), _data(tool="nope@1"))
    assert response.status_code == 200
    assert "Cannot calculate Unknown screening tool 'nope@1'" in _text(response)


def test_calculate_without_javascript_draws_the_result_and_saves_nothing(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    response = signed_in(hub_social_worker).post(
        _screen_url(child), _data(ticked=_low(), action="calculate")
    )
    assert response.status_code == 200
    assert "govuk-error-summary" not in response.content.decode()  # no level chosen is fine
    text = _text(response)
    assert "Computed level Low" in text
    assert "Score 7" in text
    assert "Reported by school staff" in response.content.decode()  # answers kept
    _nothing_saved(child)
    # Then the assessor completes the decision and records it.
    response = signed_in(hub_social_worker).post(
        _screen_url(child),
        _data(ticked=_low(), final_level="low", advice="Talked with her foster carer"),
    )
    assert response.status_code == 302
    assert Screening.objects.get().final_level == "low"


def test_calculate_with_a_missing_when_shows_the_error_and_a_partial_result(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    data = _data(ticked=_low(), action="calculate")
    data["indicators"].append(SIGNIFICANT)
    response = signed_in(hub_social_worker).post(_screen_url(child), data)
    assert _summary(response) == [
        f"Say when ‘{SIGNIFICANT_LABEL}’ was last seen",
        f"Say whether ‘{SIGNIFICANT_LABEL}’ is confirmed or suspected",
        f"Give the evidence for ‘{SIGNIFICANT_LABEL}’: what was seen or heard, and by whom",
    ]
    text = _text(response)
    assert "Computed level Low" in text
    assert "Some answers need correcting" in text
    _nothing_saved(child)


# --- Lowering the level ------------------------------------------------------------------
def _lowered(client: Client, child: Person) -> Screening:
    response = client.post(
        _screen_url(child),
        _data(
            ticked=_medium(),
            final_level="low",
            rationale="A single episode; the family acted at once and she is back at school",
            advice="Safety advice to her parents",
        ),
    )
    assert response.status_code == 302
    return Screening.objects.get()


def test_a_lower_level_waits_for_a_manager_who_agrees(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    hub_manager: User,
    child: Person,
) -> None:
    screening = _lowered(signed_in(hub_social_worker), child)
    assert screening.status == ScreeningStatus.AWAITING_APPROVAL
    assert Case.objects.get(person=child).level == "medium"  # the computed level stands

    detail = signed_in(hub_social_worker).get(
        reverse("screening:detail", kwargs={"screening_id": screening.pk})
    )
    assert "Record your decision" not in detail.content.decode()  # practitioners cannot

    client = signed_in(hub_manager)
    queue = client.get(reverse("screening:approval_queue"))
    assert queue.status_code == 200
    assert "Kayleigh Brookes" in _text(queue)
    assert "1 screening waiting for a decision" in _text(queue)
    assert _events(AccessAction.VIEW, "approval-queue") == 1

    detail_url = reverse("screening:detail", kwargs={"screening_id": screening.pk})
    shown = client.get(detail_url)
    assert "Your decision on the lower level" in _text(shown)
    decide_url = reverse("screening:decide", kwargs={"screening_id": screening.pk})
    response = client.post(decide_url, {"decision": "agree", "note": "Agreed with the school"})
    assert response.status_code == 302
    assert response["Location"] == detail_url
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.APPROVED
    assert screening.decided_by == hub_manager
    assert Case.objects.get(person=child).level == "low"
    assert AccessEvent.objects.filter(
        action=AccessAction.UPDATE, object_type="screening", object_id=str(screening.pk)
    ).exists()
    assert "0 screenings waiting" in _text(client.get(reverse("screening:approval_queue")))


def test_a_manager_who_does_not_agree_leaves_the_computed_level(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    hub_manager: User,
    child: Person,
) -> None:
    screening = _lowered(signed_in(hub_social_worker), child)
    response = signed_in(hub_manager).post(
        reverse("screening:decide", kwargs={"screening_id": screening.pk}),
        {"decision": "disagree", "note": "Missing overnight in another city is serious"},
    )
    assert response.status_code == 302
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.NOT_APPROVED
    assert screening.effective_level == "medium"
    assert Case.objects.get(person=child).level == "medium"
    shown = signed_in(hub_manager).get(
        reverse("screening:detail", kwargs={"screening_id": screening.pk})
    )
    text = _text(shown)
    assert "Level that stands Medium" in text
    assert "Lower level not agreed: computed level stands" in text
    assert "Missing overnight in another city is serious" in text


def test_a_manager_cannot_agree_a_level_they_lowered(
    signed_in: Callable[[User], Client],
    hub_manager: User,
    second_manager: User,
    child: Person,
) -> None:
    client = signed_in(hub_manager)
    screening = _lowered(client, child)
    shown = client.get(reverse("screening:detail", kwargs={"screening_id": screening.pk}))
    assert "another hub manager must decide" in _text(shown)
    assert "Record your decision" not in shown.content.decode()
    response = client.post(
        reverse("screening:decide", kwargs={"screening_id": screening.pk}),
        {"decision": "agree", "note": "I am sure"},
    )
    assert response.status_code == 200
    assert _summary(response) == ["Another manager must agree a level you lowered yourself"]
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.AWAITING_APPROVAL
    assert screening.decided_by is None

    response = signed_in(second_manager).post(
        reverse("screening:decide", kwargs={"screening_id": screening.pk}),
        {"decision": "agree", "note": "Discussed with Helen; agreed"},
    )
    assert response.status_code == 302


def test_a_decision_needs_a_choice_and_reasons(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    hub_manager: User,
    child: Person,
) -> None:
    screening = _lowered(signed_in(hub_social_worker), child)
    url = reverse("screening:decide", kwargs={"screening_id": screening.pk})
    response = signed_in(hub_manager).post(url, {"decision": "", "note": "  "})
    assert response.status_code == 200
    assert _summary(response) == [
        "Select whether you agree with the lower level",
        "Give the reasons for your decision",
    ]
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.AWAITING_APPROVAL


def test_deciding_twice_is_refused(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    hub_manager: User,
    child: Person,
) -> None:
    screening = _lowered(signed_in(hub_social_worker), child)
    url = reverse("screening:decide", kwargs={"screening_id": screening.pk})
    client = signed_in(hub_manager)
    assert client.post(url, {"decision": "agree", "note": "Agreed"}).status_code == 302
    response = client.post(url, {"decision": "disagree", "note": "Changed my mind"})
    assert response.status_code == 200
    assert _summary(response) == ["This screening is not waiting for a decision"]
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.APPROVED


# --- A screening -------------------------------------------------------------------------
def test_the_screening_page_shows_both_levels_the_reasons_and_the_evidence(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    client = signed_in(hub_social_worker)
    client.post(
        _screen_url(child),
        _data(
            ticked=_medium(),
            final_level="high",
            rationale="Adults in three cities are contacting her by phone",
        ),
    )
    screening = Screening.objects.get()
    response = client.get(reverse("screening:detail", kwargs={"screening_id": screening.pk}))
    assert response.status_code == 200
    text = _text(response)
    assert "Level that stands High" in text
    assert "Computed level Medium Score 5" in text
    assert "Assessor's level High Different from the computed level" in text
    assert "Adults in three cities are contacting her by phone" in text
    assert "Status Final" in text
    assert "Exploitation hub case" in text
    assert "Police found her in Leeds at 3am on 4 Nov" in text
    assert "A significant indicator in the last 3 months: at least medium" in text
    case = Case.objects.get(person=child)
    assert reverse("cases:case_detail", kwargs={"case_id": case.pk}) in response.content.decode()
    assert reverse("people:person_detail", kwargs={"person_id": child.pk}) in (
        response.content.decode()
    )
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="screening", object_id=str(screening.pk)
    ).exists()


def test_a_screening_that_does_not_exist_is_404(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    response = signed_in(hub_social_worker).get(
        reverse("screening:detail", kwargs={"screening_id": uuid.uuid4()})
    )
    assert response.status_code == 404


# --- Who may screen ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "role",
    [
        Role.REFERRER,
        Role.INTELLIGENCE_OFFICER,
        Role.ANALYST,
        Role.PARTNERSHIP_LEAD,
        Role.PRIVACY_OFFICER,
        Role.SYSTEM_ADMINISTRATOR,
    ],
)
def test_roles_that_do_not_screen_get_404(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    child: Person,
    role: Role,
) -> None:
    user = (
        make_persona(role, team=hub_social_worker.team)
        if role != Role.REFERRER
        else (make_persona(role))
    )
    client = signed_in(user)
    assert client.get(_screen_url(child)).status_code == 404
    assert (
        client.post(_screen_url(child), _data(ticked=_medium(), final_level="medium")).status_code
        == 404
    )
    assert client.post(_preview_url(child), _data(ticked=_medium())).status_code == 404
    _nothing_saved(child)


def test_a_practitioner_without_a_relationship_gets_404(
    signed_in: Callable[[User], Client], make_persona: Callable[..., User], child: Person
) -> None:
    stranger = make_persona(Role.HUB_PRACTITIONER, full_name="Ola Bright")
    client = signed_in(stranger)
    assert client.get(_screen_url(child)).status_code == 404
    assert (
        client.post(_screen_url(child), _data(ticked=_medium(), final_level="medium")).status_code
        == 404
    )
    assert client.post(_preview_url(child), _data(ticked=_medium())).status_code == 404
    _nothing_saved(child)
    # The refusals are logged.
    assert (
        AccessEvent.objects.filter(
            action=AccessAction.DENIED, object_type="person", object_id=str(child.pk), user=stranger
        ).count()
        == 3
    )


def test_a_manager_without_a_relationship_cannot_see_the_screening_page_of_a_final_screening(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    child: Person,
) -> None:
    signed_in(hub_social_worker).post(
        _screen_url(child), _data(ticked=_medium(), final_level="medium")
    )
    screening = Screening.objects.get()
    outsider = make_persona(Role.INTELLIGENCE_OFFICER)
    response = signed_in(outsider).get(
        reverse("screening:detail", kwargs={"screening_id": screening.pk})
    )
    assert response.status_code == 404


def test_adults_are_not_screened(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    adult = person_create(
        actor=hub_social_worker,
        details=PersonDetails(
            category=PersonCategory.ADULT, given_name="Dean", family_name="Marsh"
        ),
    )
    client = signed_in(hub_social_worker)
    assert client.get(_screen_url(adult)).status_code == 404
    assert client.post(_preview_url(adult), _data()).status_code == 404


def test_a_person_who_does_not_exist_is_404(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    missing = uuid.uuid4()
    client = signed_in(hub_social_worker)
    assert client.get(reverse("screening:screen", kwargs={"person_id": missing})).status_code == 404
    assert (
        client.post(
            reverse("screening:preview", kwargs={"person_id": missing}), _data()
        ).status_code
        == 404
    )


# --- Screening from a concern ------------------------------------------------------------
@pytest.fixture
def concern(make_persona: Callable[..., User], hub_social_worker: User, child: Person) -> Concern:
    teacher = make_persona(Role.REFERRER)
    concern = concern_submit(
        actor=teacher,
        submission=ConcernSubmission(
            child_given_name="Kayleigh",
            child_family_name="Brookes",
            what_happened="An adult in a silver car collects her from the school gate.",
            child_aware=Awareness.YES,
            family_aware=Awareness.NO,
            consent_given=Awareness.NO,
            no_consent_reason="Telling the family now could increase the danger to her.",
        ),
    )
    return concern_link_child(actor=hub_social_worker, concern=concern, person=child)


def test_a_screening_from_a_concern_is_linked_to_it(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person, concern: Concern
) -> None:
    client = signed_in(hub_social_worker)
    shown = client.get(_screen_url(child), {"concern": str(concern.pk)})
    assert shown.status_code == 200
    assert f"This screening follows concern {concern.reference}" in _text(shown)
    assert f'name="concern" value="{concern.pk}"' in shown.content.decode()
    response = client.post(
        _screen_url(child), _data(ticked=_medium(), final_level="medium", concern=str(concern.pk))
    )
    assert response.status_code == 302
    assert Screening.objects.get().concern == concern


def test_a_concern_about_another_child_is_refused(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person, concern: Concern
) -> None:
    sibling = person_create(
        actor=hub_social_worker,
        details=PersonDetails(
            category=PersonCategory.CHILD, given_name="Jayden", family_name="Brookes"
        ),
    )
    client = signed_in(hub_social_worker)
    assert client.get(_screen_url(sibling), {"concern": str(concern.pk)}).status_code == 404
    assert client.get(_screen_url(child), {"concern": "not-a-uuid"}).status_code == 404
    assert client.get(_screen_url(child), {"concern": str(uuid.uuid4())}).status_code == 404
    response = client.post(
        _screen_url(sibling),
        _data(ticked=_medium(), final_level="medium", concern=str(concern.pk)),
    )
    assert response.status_code == 200
    assert _summary(response) == [
        "The concern this screening follows is about a different child: start the screening "
        "from this child's concern"
    ]
    assert not Screening.objects.exists()


# --- Guidance ----------------------------------------------------------------------------
def test_the_low_risk_guidance_is_for_anyone_signed_in(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    response = signed_in(teacher).get(reverse("screening:low_risk_guidance"))
    assert response.status_code == 200
    text = _text(response)
    for heading in (
        "Build a trusted relationship",
        "Start a difficult conversation",
        "Share information and intelligence",
        "Offer support services",
        "Screen again",
    ):
        assert heading in text


# --- In a real browser -------------------------------------------------------------------
def _in_browser(scenario: Callable[[Page], None], *, javascript: bool = True) -> None:
    """Run ``scenario`` in Chromium, in a thread of its own with its own Playwright.

    Other test modules keep a session-wide sync Playwright running in the main thread (they
    import tests/e2e's fixtures), and a second one there refuses to start. A new thread has no
    event loop, so it can start its own. Console errors (a CSP violation shows there) fail.
    """
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with sync_playwright() as playwright:
                chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    context = chromium.new_context(
                        viewport={"width": 1280, "height": 900}, java_script_enabled=javascript
                    )
                    context.set_default_timeout(10_000)
                    tab = context.new_page()
                    errors: list[str] = []
                    tab.on(
                        "console", lambda m: errors.append(m.text) if m.type == "error" else None
                    )
                    tab.on("pageerror", lambda error: errors.append(str(error)))
                    try:
                        scenario(tab)
                    finally:
                        # Queries made while Playwright's loop runs use their own connection.
                        connections.close_all()
                    assert errors == [], f"Browser console errors: {errors}"
                finally:
                    chromium.close()
        except BaseException as error:  # handed to the test's thread below
            failures.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=600)
    assert not thread.is_alive(), "the browser scenario did not finish"
    if failures:
        raise failures[0]


def _sign_in(tab: Page, base: str, user: User, secret: str) -> None:
    tab.goto(base + "/account/login/")
    tab.get_by_label("Email address").fill(user.email)
    tab.get_by_label("Password").fill(TEST_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.get_by_label("Authenticator code").fill(pyotp.TOTP(secret).now())
    tab.get_by_role("button", name="Sign in").click()


def _worker_with_a_child(make_persona: Callable[..., User], email: str) -> tuple[User, str, Person]:
    secret = pyotp.random_base32()
    worker = make_persona(
        Role.HUB_PRACTITIONER, email=email, full_name="Sam Okafor", totp_secret=secret
    )
    kayleigh = person_create(
        actor=worker,
        details=PersonDetails(
            category=PersonCategory.CHILD,
            given_name="Kayleigh",
            family_name="Brookes",
            date_of_birth=date(2011, 5, 14),
        ),
    )
    return worker, secret, kayleigh


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_screening_in_a_browser_updates_as_you_tick_and_is_accessible(
    live_server: Any, make_persona: Callable[..., User]
) -> None:
    worker, secret, kayleigh = _worker_with_a_child(make_persona, "sam.okafor@northvale.example")
    base = str(live_server)

    def scenario(tab: Page) -> None:
        _sign_in(tab, base, worker, secret)
        tab.goto(base + _screen_url(kayleigh))
        expect(tab.get_by_role("heading", level=1)).to_have_text("Screen the risk of exploitation")
        details = tab.locator(f"#indicator-{SIGNIFICANT}-details")
        expect(details).to_be_hidden()  # revealed only when ticked, with JavaScript
        assert_accessible(tab)

        tab.locator("#id_disclosure_2").check()  # No
        tab.get_by_label(SIGNIFICANT_LABEL, exact=True).check()
        expect(details).to_be_visible()
        result = tab.locator("#screening-result")
        expect(result).to_contain_text("Not counted until you say when")
        details.get_by_label("Within the last 3 months").check()
        details.get_by_label("Confirmed").check()
        details.get_by_label("Evidence").fill("Police found her in Leeds at 3am")
        # htmx swapped in the new level without a page load.
        expect(result).to_contain_text("Computed level Medium")
        expect(result).to_contain_text("A significant indicator in the last 3 months:")
        assert tab.url == base + _screen_url(kayleigh)
        assert not Screening.objects.exists()
        assert_accessible(tab)

        # Sent without a level: the error summary, and the answers kept.
        tab.get_by_role("button", name="Record the screening").click()
        expect(tab.locator(".govuk-error-summary")).to_contain_text(
            "Select the level you judge the risk to be"
        )
        expect(details).to_be_visible()
        assert_accessible(tab)

        tab.get_by_label("Medium", exact=True).check()
        tab.get_by_role("button", name="Record the screening").click()
        expect(tab.get_by_role("heading", level=1)).to_contain_text("Screening on")
        expect(tab.locator("main")).to_contain_text("Police found her in Leeds at 3am")
        assert_accessible(tab)
        assert Screening.objects.get().final_level == "medium"

        tab.get_by_role("link", name="Go to the case").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Hub case")
        assert_accessible(tab)

        tab.goto(base + reverse("screening:low_risk_guidance"))
        expect(tab.get_by_role("heading", level=1)).to_contain_text("low risk")
        assert_accessible(tab)

    _in_browser(scenario)


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_screening_without_javascript_calculates_on_the_server(
    live_server: Any, make_persona: Callable[..., User]
) -> None:
    worker, secret, kayleigh = _worker_with_a_child(make_persona, "ola.bright@northvale.example")
    base = str(live_server)

    def scenario(tab: Page) -> None:
        _sign_in(tab, base, worker, secret)
        tab.goto(base + _screen_url(kayleigh))
        details = tab.locator(f"#indicator-{SIGNIFICANT}-details")
        expect(details).to_be_visible()  # nothing is hidden without JavaScript
        tab.locator("#id_disclosure_2").check()
        tab.get_by_label(SIGNIFICANT_LABEL, exact=True).check()
        details.get_by_label("Within the last 3 months").check()
        details.get_by_label("Suspected").check()
        details.get_by_label("Evidence").fill("Seen by a youth worker at the station")
        tab.get_by_role("button", name="Calculate the level").click()
        expect(tab.locator("#screening-result")).to_contain_text("Computed level Medium")
        assert tab.url.endswith("#screening-result-heading")
        assert not Screening.objects.exists()
        tab.get_by_label("Medium", exact=True).check()
        tab.get_by_role("button", name="Record the screening").click()
        expect(tab.get_by_role("heading", level=1)).to_contain_text("Screening on")
        assert Screening.objects.get().answers[0]["confirmed"] is False

    _in_browser(scenario, javascript=False)
