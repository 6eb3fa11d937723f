"""The screening form (with and without JavaScript), the live preview, who may screen, and
screening from a concern.

Unhappy paths are tested as hard as happy ones: every bad input gets its own message on its
own field, and nothing is saved.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from html import unescape
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

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
from tests.html import error_summary, text

from .screening_form import (
    EVIDENCE,
    SIGNIFICANT,
    SIGNIFICANT_LABEL,
    TOOL,
    field_error,
    form_data,
    low,
    medium,
    preview_url,
    screen_url,
)

pytestmark = pytest.mark.django_db

type Post = Callable[..., Any]


def _nothing_saved(child: Person) -> None:
    assert not Screening.objects.exists()
    assert not Case.objects.exists()
    assert not ChronologyEntry.objects.filter(person=child, kind="screening").exists()


# --- The form ----------------------------------------------------------------------------
def test_the_form_shows_every_domain_the_child_facts_and_the_levels(
    worker: Client, child: Person
) -> None:
    response = worker.get(screen_url(child))
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
    shown = text(response)
    assert "Age 15" in shown
    assert "Learning disability No" in shown
    assert "never uses the child's ethnicity, sex, gender or religion" in shown
    for level in tool.levels:
        assert f'name="final_level" type="radio" value="{level}"' in html
    assert reverse("screening:low_risk_guidance") in html
    # Live preview with htmx, and a button that does the same without JavaScript.
    assert f'hx-post="{preview_url(child)}"' in html
    assert 'hx-trigger="change"' in html
    assert 'aria-live="polite"' in html
    assert 'name="action" value="calculate"' in html
    assert f'name="tool" value="{TOOL}"' in html
    # Opening the form opened the child's record: logged.
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="person", object_id=str(child.pk)
    ).exists()


def test_the_pages_live_under_cases(child: Person) -> None:
    assert screen_url(child) == f"/cases/screening/people/{child.pk}/new/"
    assert preview_url(child) == f"/cases/screening/people/{child.pk}/preview/"
    assert reverse("cases:approval_queue") == "/cases/screening/approvals/"
    assert reverse("screening:low_risk_guidance") == "/screening/guidance/low-risk/"


def test_medium_opens_a_case_that_appears_on_the_allocation_queue(
    screen: Post, signed_in: Callable[[User], Client], hub_manager: User, child: Person
) -> None:
    response = screen(ticked=medium(), final_level="medium")
    screening = Screening.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "cases:screening_detail", kwargs={"screening_id": screening.pk}
    )
    assert (screening.computed_level, screening.final_level) == ("medium", "medium")
    assert screening.computed_score == 5
    assert screening.status == ScreeningStatus.FINAL
    assert screening.outcome == Outcome.CASE
    assert screening.tool_ref == TOOL
    assert screening.answers == [
        {"indicator": SIGNIFICANT, "when": "current", "confirmed": True, "evidence": EVIDENCE}
    ]
    case = Case.objects.get(person=child)
    assert case.status == CaseStatus.AWAITING_ALLOCATION
    assert AccessEvent.objects.filter(
        action=AccessAction.CREATE, object_type="screening", object_id=str(screening.pk)
    ).exists()

    queue = signed_in(hub_manager).get(reverse("cases:allocation_queue"))
    assert queue.status_code == 200
    shown = text(queue)
    assert "Kayleigh Brookes" in shown
    assert "1 case waiting to be allocated" in shown
    assert "A significant indicator in the last 3 months" in shown  # why: the override
    assert reverse("cases:case_detail", kwargs={"case_id": case.pk}) in queue.content.decode()


def test_low_records_the_advice_and_opens_no_case(screen: Post) -> None:
    response = screen(
        ticked=low(),
        final_level="low",
        advice="Agreed with school that her form tutor checks in daily",
        signposted="Northvale youth club; school nurse",
    )
    assert response.status_code == 302
    screening = Screening.objects.get()
    assert (screening.computed_level, screening.computed_score) == ("low", 7)
    assert screening.outcome == Outcome.ADVICE
    assert screening.advice_given == "Agreed with school that her form tutor checks in daily"
    assert screening.signposted_to == "Northvale youth club; school nurse"
    assert not Case.objects.exists()


def test_low_without_advice_is_refused_on_the_advice_field(screen: Post, child: Person) -> None:
    response = screen(ticked=low(), final_level="low")
    assert response.status_code == 200
    assert field_error(response, "id_advice_given") == (
        "Error: Record the advice given and any services the child or family were signposted to"
    )
    assert 'href="#id_advice_given"' in response.content.decode()
    _nothing_saved(child)


def test_a_different_level_without_a_rationale_is_refused_and_what_was_typed_is_kept(
    screen: Post, child: Person
) -> None:
    response = screen(ticked=medium(), final_level="high")
    assert response.status_code == 200
    assert response.content.decode().count("govuk-error-summary__list") == 1
    assert error_summary(response) == [
        "Explain why your level is different from the computed level"
    ]
    assert field_error(response, "id_rationale") == (
        "Error: Explain why your level is different from the computed level"
    )
    html = response.content.decode()
    assert EVIDENCE in html  # the evidence typed
    assert f'value="{SIGNIFICANT}" checked' in html
    assert re.search(r'value="high"\s+checked', html) or 'value="high" checked' in html
    assert response["Content-Type"].startswith("text/html")
    assert text(response).startswith("Error: ") or "<title>Error: " in html
    _nothing_saved(child)


def test_a_ticked_indicator_needs_when_confirmed_and_evidence(screen: Post, child: Person) -> None:
    data = form_data(final_level="medium")
    data["indicators"] = [SIGNIFICANT, "care-experienced"]
    data["care-experienced__when"] = "current"
    data["care-experienced__confirmed"] = "confirmed"
    data["care-experienced__evidence"] = "Looked after since 2019"
    response = screen(data)
    assert response.status_code == 200
    assert field_error(response, f"id_{SIGNIFICANT}__when") == (
        f"Error: Say when ‘{SIGNIFICANT_LABEL}’ was last seen"
    )
    assert field_error(response, f"id_{SIGNIFICANT}__confirmed") == (
        f"Error: Say whether ‘{SIGNIFICANT_LABEL}’ is confirmed or suspected"
    )
    assert field_error(response, f"id_{SIGNIFICANT}__evidence") == (
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


def test_answers_of_unticked_indicators_are_ignored(screen: Post) -> None:
    data = form_data(ticked=medium(), final_level="medium")
    data["care-experienced__evidence"] = "Typed, then the box was unticked"
    data["care-experienced__when"] = "current"
    assert screen(data).status_code == 302
    assert [a["indicator"] for a in Screening.objects.get().answers] == [SIGNIFICANT]


def test_an_unknown_tool_version_is_refused_with_the_known_ones(
    screen: Post, child: Person
) -> None:
    response = screen(ticked=medium(), final_level="medium", tool="cehub-default@9")
    assert response.status_code == 200
    assert error_summary(response) == [
        "Unknown screening tool 'cehub-default@9' ('cehub-default' has no version 9). "
        "Known tools: cehub-default@1. Give 'ID' for the latest version or 'ID@VERSION' for "
        "an exact one."
    ]
    # Drawn again with the installed tool, answers kept, so it can be checked and sent again.
    html = response.content.decode()
    assert f'name="tool" value="{TOOL}"' in html
    assert EVIDENCE in html
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
    screen: Post, child: Person, change: dict[str, str], field_id: str, message: str
) -> None:
    data = form_data(ticked=medium(), final_level="medium")
    data.update(change)
    response = screen(data)
    assert response.status_code == 200
    assert field_error(response, field_id).startswith(f"Error: {message}")
    _nothing_saved(child)


def test_a_made_up_indicator_is_refused(screen: Post, child: Person) -> None:
    data = form_data(ticked=medium(), final_level="medium")
    data["indicators"] = [SIGNIFICANT, "ethnicity"]
    response = screen(data)
    assert response.status_code == 200
    assert error_summary(response) == [
        "Choose indicators from the list: ethnicity is not one of them"
    ]
    assert f'href="#indicator-{SIGNIFICANT}"' in response.content.decode()
    _nothing_saved(child)


# --- The level as you tick ---------------------------------------------------------------
def test_the_preview_calculates_and_saves_nothing(worker: Client, child: Person) -> None:
    data = form_data(ticked=medium(), disclosure="", final_level="")
    data["indicators"].append("care-experienced")  # ticked, no "when" yet
    before = set(AccessEvent.objects.values_list("action", "object_type"))
    response = worker.post(preview_url(child), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.content.decode()  # a fragment for the results region
    shown = text(response)
    assert "Computed level Medium" in shown
    assert "Score 5" in shown
    assert f"{SIGNIFICANT_LABEL} Significant indicator Within the last 3 months Confirmed 5" in (
        shown
    )
    assert "Score 5 is in the 0-5 band: no identified risk (universal)." in shown
    assert "A significant indicator in the last 3 months: at least medium" in shown
    assert "which raised the level above the score's band" in shown
    # What is not counted yet, said plainly.
    assert "Not counted until you say when each was last seen: Looked after, or has left care" in (
        shown
    )
    assert "You have not said yet whether the child has disclosed" in shown
    _nothing_saved(child)
    # Only the record opening is logged: nothing created or changed.
    after = set(AccessEvent.objects.values_list("action", "object_type"))
    assert after - before <= {(AccessAction.VIEW.value, "person")}


def test_the_preview_shows_a_disclosure_makes_the_level_high(worker: Client, child: Person) -> None:
    shown = text(worker.post(preview_url(child), form_data(disclosure="yes")))
    assert "Computed level High" in shown
    assert "Score 0" in shown
    assert "Disclosure of exploitation: at least high" in shown


def test_the_preview_reports_an_unknown_tool(worker: Client, child: Person) -> None:
    response = worker.post(preview_url(child), form_data(tool="nope@1"))
    assert response.status_code == 200
    assert "Cannot calculate Unknown screening tool 'nope@1'" in text(response)


def test_calculate_without_javascript_draws_the_result_and_saves_nothing(
    screen: Post, child: Person
) -> None:
    response = screen(ticked=low(), action="calculate")
    assert response.status_code == 200
    assert "govuk-error-summary" not in response.content.decode()  # no level chosen is fine
    shown = text(response)
    assert "Computed level Low" in shown
    assert "Score 7" in shown
    assert "Reported by school staff" in response.content.decode()  # answers kept
    _nothing_saved(child)
    # Then the assessor completes the decision and records it.
    response = screen(ticked=low(), final_level="low", advice="Talked with her foster carer")
    assert response.status_code == 302
    assert Screening.objects.get().final_level == "low"


def test_calculate_with_a_missing_when_shows_the_error_and_a_partial_result(
    screen: Post, child: Person
) -> None:
    data = form_data(ticked=low(), action="calculate")
    data["indicators"].append(SIGNIFICANT)
    response = screen(data)
    assert error_summary(response) == [
        f"Say when ‘{SIGNIFICANT_LABEL}’ was last seen",
        f"Say whether ‘{SIGNIFICANT_LABEL}’ is confirmed or suspected",
        f"Give the evidence for ‘{SIGNIFICANT_LABEL}’: what was seen or heard, and by whom",
    ]
    shown = text(response)
    assert "Computed level Low" in shown
    assert "Some answers need correcting" in shown
    _nothing_saved(child)


# --- Who may screen ----------------------------------------------------------------------
def _cannot_screen(client: Client, person: Person | uuid.UUID) -> None:
    """Opening the form, sending it and asking for a preview all answer 404."""
    assert client.get(screen_url(person)).status_code == 404
    sent = form_data(ticked=medium(), final_level="medium")
    assert client.post(screen_url(person), sent).status_code == 404
    assert client.post(preview_url(person), form_data(ticked=medium())).status_code == 404


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
    _cannot_screen(signed_in(user), child)
    _nothing_saved(child)


def test_a_practitioner_without_a_relationship_gets_404(
    signed_in: Callable[[User], Client], make_persona: Callable[..., User], child: Person
) -> None:
    stranger = make_persona(Role.HUB_PRACTITIONER, full_name="Ola Bright")
    _cannot_screen(signed_in(stranger), child)
    _nothing_saved(child)
    # The refusals are logged.
    assert (
        AccessEvent.objects.filter(
            action=AccessAction.DENIED, object_type="person", object_id=str(child.pk), user=stranger
        ).count()
        == 3
    )


def test_adults_are_not_screened(worker: Client, hub_social_worker: User) -> None:
    adult = person_create(
        actor=hub_social_worker,
        details=PersonDetails(
            category=PersonCategory.ADULT, given_name="Dean", family_name="Marsh"
        ),
    )
    assert worker.get(screen_url(adult)).status_code == 404
    assert worker.post(preview_url(adult), form_data()).status_code == 404


def test_a_person_who_does_not_exist_is_404(worker: Client) -> None:
    missing = uuid.uuid4()
    assert worker.get(screen_url(missing)).status_code == 404
    assert worker.post(preview_url(missing), form_data()).status_code == 404


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
    worker: Client, screen: Post, child: Person, concern: Concern
) -> None:
    shown = worker.get(screen_url(child), {"concern": str(concern.pk)})
    assert shown.status_code == 200
    assert f"This screening follows concern {concern.reference}" in text(shown)
    assert f'name="concern" value="{concern.pk}"' in shown.content.decode()
    response = screen(ticked=medium(), final_level="medium", concern=str(concern.pk))
    assert response.status_code == 302
    assert Screening.objects.get().concern == concern


def test_a_concern_about_another_child_is_refused(
    worker: Client, hub_social_worker: User, child: Person, concern: Concern
) -> None:
    sibling = person_create(
        actor=hub_social_worker,
        details=PersonDetails(
            category=PersonCategory.CHILD, given_name="Jayden", family_name="Brookes"
        ),
    )
    assert worker.get(screen_url(sibling), {"concern": str(concern.pk)}).status_code == 404
    assert worker.get(screen_url(child), {"concern": "not-a-uuid"}).status_code == 404
    assert worker.get(screen_url(child), {"concern": str(uuid.uuid4())}).status_code == 404
    response = worker.post(
        screen_url(sibling),
        form_data(ticked=medium(), final_level="medium", concern=str(concern.pk)),
    )
    assert response.status_code == 200
    assert error_summary(response) == [
        "The concern this screening follows is about a different child: start the screening "
        "from this child's concern"
    ]
    assert not Screening.objects.exists()
