"""The manager's pages in a real browser, axe-core checked: the allocation queue, allocating a
case (with the error when no worker is chosen), and deciding a lowered screening level."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from cehub.cases.models import Case
from tests.cases.records import screen, screen_lowered

from .conftest import HubTeam, SignInAs, assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_manager_pages_in_a_browser_are_accessible(
    page: Page, sign_in_as: SignInAs, hub_team: HubTeam
) -> None:
    worker, manager, child = hub_team.worker, hub_team.manager, hub_team.child
    screen(worker, child)
    lowered = screen_lowered(worker, child)
    case = Case.objects.get(person=child)

    base = sign_in_as(page, manager)
    page.goto(base + reverse("cases:allocation_queue"))
    expect(page.get_by_role("table")).to_contain_text("Kayleigh Brookes")
    assert_accessible(page)
    page.get_by_role("link", name="Allocate the case of Kayleigh Brookes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hub case")
    expect(page.locator("svg circle")).to_have_count(2)
    assert_accessible(page)

    page.get_by_role("button", name="Allocate").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select the worker to allocate the case to"
    )
    assert_accessible(page)
    page.get_by_label("Allocate the case to").select_option(
        label=f"Sam Okafor ({hub_team.team.name})"
    )
    page.get_by_role("button", name="Allocate").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Case allocated")
    case.refresh_from_db()
    assert case.allocated_worker == worker

    page.goto(base + reverse("cases:approval_queue"))
    assert_accessible(page)
    page.get_by_role("link", name="Decide").click()
    expect(page).to_have_url(
        base + reverse("cases:screening_detail", kwargs={"screening_id": lowered.pk})
    )
    assert_accessible(page)
    page.get_by_role("button", name="Record your decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select whether you agree with the lower level"
    )
    assert_accessible(page)
    page.get_by_label("No, the computed level stands").check()
    page.get_by_label("Reasons for your decision").fill("Missing overnight is serious")
    page.get_by_role("button", name="Record your decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Lower level not agreed")
    assert_accessible(page)
