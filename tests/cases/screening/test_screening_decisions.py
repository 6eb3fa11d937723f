"""A screening's page, a manager's decision on a lower level, and the approval queue."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.cases.models import Case
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.people.models import Person
from cehub.screening.models import Screening, ScreeningStatus
from tests.html import error_summary, text

from .screening_form import EVIDENCE, decide_url, detail_url, medium

pytestmark = pytest.mark.django_db

type Post = Callable[..., Any]


@pytest.fixture
def manager(signed_in: Callable[[User], Client], hub_manager: User) -> Client:
    return signed_in(hub_manager)


# --- Lowering the level ------------------------------------------------------------------
def test_a_lower_level_waits_for_a_manager_who_agrees(
    lowered: Screening,
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    hub_manager: User,
    child: Person,
) -> None:
    assert lowered.status == ScreeningStatus.AWAITING_APPROVAL
    assert Case.objects.get(person=child).level == "medium"  # the computed level stands

    detail = signed_in(hub_social_worker).get(detail_url(lowered))
    assert "Record your decision" not in detail.content.decode()  # practitioners cannot

    client = signed_in(hub_manager)
    queue = client.get(reverse("cases:approval_queue"))
    assert queue.status_code == 200
    assert "Kayleigh Brookes" in text(queue)
    assert "1 screening waiting for a decision" in text(queue)
    queue_views = AccessEvent.objects.filter(action=AccessAction.VIEW, object_type="approval-queue")
    assert queue_views.count() == 1

    assert "Your decision on the lower level" in text(client.get(detail_url(lowered)))
    response = client.post(
        decide_url(lowered), {"decision": "agree", "note": "Agreed with the school"}
    )
    assert response.status_code == 302
    assert response["Location"] == detail_url(lowered)
    lowered.refresh_from_db()
    assert lowered.status == ScreeningStatus.APPROVED
    assert lowered.decided_by == hub_manager
    assert Case.objects.get(person=child).level == "low"
    assert AccessEvent.objects.filter(
        action=AccessAction.UPDATE, object_type="screening", object_id=str(lowered.pk)
    ).exists()
    assert "0 screenings waiting" in text(client.get(reverse("cases:approval_queue")))


def test_a_manager_who_does_not_agree_leaves_the_computed_level(
    lowered: Screening, manager: Client, child: Person
) -> None:
    response = manager.post(
        decide_url(lowered),
        {"decision": "disagree", "note": "Missing overnight in another city is serious"},
    )
    assert response.status_code == 302
    lowered.refresh_from_db()
    assert lowered.status == ScreeningStatus.NOT_APPROVED
    assert lowered.effective_level == "medium"
    assert Case.objects.get(person=child).level == "medium"
    shown = text(manager.get(detail_url(lowered)))
    assert "Level that stands Medium" in shown
    assert "Lower level not agreed: computed level stands" in shown
    assert "Missing overnight in another city is serious" in shown


def test_a_manager_cannot_agree_a_level_they_lowered(
    lower_as: Callable[[User], Screening],
    signed_in: Callable[[User], Client],
    hub_manager: User,
    second_manager: User,
) -> None:
    screening = lower_as(hub_manager)
    client = signed_in(hub_manager)
    shown = client.get(detail_url(screening))
    assert "another hub manager must decide" in text(shown)
    assert "Record your decision" not in shown.content.decode()
    response = client.post(decide_url(screening), {"decision": "agree", "note": "I am sure"})
    assert response.status_code == 200
    assert error_summary(response) == ["Another manager must agree a level you lowered yourself"]
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.AWAITING_APPROVAL
    assert screening.decided_by is None

    response = signed_in(second_manager).post(
        decide_url(screening), {"decision": "agree", "note": "Discussed with Helen; agreed"}
    )
    assert response.status_code == 302


def test_a_decision_needs_a_choice_and_reasons(lowered: Screening, manager: Client) -> None:
    response = manager.post(decide_url(lowered), {"decision": "", "note": "  "})
    assert response.status_code == 200
    assert error_summary(response) == [
        "Select whether you agree with the lower level",
        "Give the reasons for your decision",
    ]
    lowered.refresh_from_db()
    assert lowered.status == ScreeningStatus.AWAITING_APPROVAL


def test_deciding_twice_is_refused(lowered: Screening, manager: Client) -> None:
    url = decide_url(lowered)
    assert manager.post(url, {"decision": "agree", "note": "Agreed"}).status_code == 302
    response = manager.post(url, {"decision": "disagree", "note": "Changed my mind"})
    assert response.status_code == 200
    assert error_summary(response) == ["This screening is not waiting for a decision"]
    lowered.refresh_from_db()
    assert lowered.status == ScreeningStatus.APPROVED


# --- A screening -------------------------------------------------------------------------
def test_the_screening_page_shows_both_levels_the_reasons_and_the_evidence(
    screen: Post, worker: Client, child: Person
) -> None:
    screen(
        ticked=medium(),
        final_level="high",
        rationale="Adults in three cities are contacting her by phone",
    )
    screening = Screening.objects.get()
    response = worker.get(detail_url(screening))
    assert response.status_code == 200
    shown = text(response)
    assert "Level that stands High" in shown
    assert "Computed level Medium Score 5" in shown
    assert "Assessor's level High Different from the computed level" in shown
    assert "Adults in three cities are contacting her by phone" in shown
    assert "Status Final" in shown
    assert "Exploitation hub case" in shown
    assert EVIDENCE in shown
    assert "A significant indicator in the last 3 months: at least medium" in shown
    html = response.content.decode()
    case = Case.objects.get(person=child)
    assert reverse("cases:case_detail", kwargs={"case_id": case.pk}) in html
    assert reverse("people:person_detail", kwargs={"person_id": child.pk}) in html
    # The tags take their colours from the tool's level data.
    assert '<strong class="govuk-tag govuk-tag--red">High</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--orange">Medium</strong>' in html
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="screening", object_id=str(screening.pk)
    ).exists()


def test_a_screening_that_does_not_exist_is_404(worker: Client) -> None:
    assert worker.get(detail_url(uuid.uuid4())).status_code == 404


def test_a_manager_without_a_relationship_cannot_see_the_screening_page_of_a_final_screening(
    screen: Post, signed_in: Callable[[User], Client], make_persona: Callable[..., User]
) -> None:
    screen(ticked=medium(), final_level="medium")
    outsider = make_persona(Role.INTELLIGENCE_OFFICER)
    assert signed_in(outsider).get(detail_url(Screening.objects.get())).status_code == 404
