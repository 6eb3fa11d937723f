"""Issue 4 end to end: a hub practitioner screens a child to medium, the manager allocates
the case, the worker writes a safety plan with the child's words, and a missing episode's
return home interview shows as due within 72 hours — in a real browser, axe-core checked."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from .conftest import HubTeam, SignInAs, assert_accessible, sign_out

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SIGNIFICANT_LABEL = "Missing overnight or longer"  # significant: at least medium when current


def _fill_date(page: Page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_day").fill(str(day.day))
    page.locator(f"#id_{prefix}_month").fill(str(day.month))
    page.locator(f"#id_{prefix}_year").fill(str(day.year))


def test_screen_allocate_plan_and_record_a_missing_episode(
    page: Page, sign_in_as: SignInAs, hub_team: HubTeam
) -> None:
    worker, child = hub_team.worker, hub_team.child

    # --- The practitioner screens Kayleigh -------------------------------------------------
    base = sign_in_as(page, worker)
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name=re.compile("Screen the risk")).click()
    page.locator("#id_disclosure_2").check()  # No disclosure
    page.get_by_label(SIGNIFICANT_LABEL, exact=True).check()
    details = page.locator("#indicator-missing-overnight-details")
    details.get_by_label("Within the last 3 months").check()
    details.get_by_label("Confirmed").check()
    details.get_by_label("Evidence").fill("Police found her in another town at 3am on Saturday")
    # The computed level updates as the form changes (htmx), before anything is saved.
    expect(page.locator("#screening-result")).to_contain_text("Medium")
    assert_accessible(page)
    page.get_by_label("Medium", exact=True).check()
    page.get_by_role("button", name="Record the screening").click()
    expect(page.locator("main")).to_contain_text("Medium")
    sign_out(page)

    # --- The manager allocates the case -------------------------------------------------
    sign_in_as(page, hub_team.manager)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Allocations").click()
    expect(page.locator("main")).to_contain_text("Kayleigh Brookes")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Kayleigh Brookes")).first.click()
    page.get_by_label("Allocate the case to").select_option(value=str(worker.pk))
    page.get_by_role("button", name="Allocate").click()
    expect(page.locator("main")).to_contain_text("Sam Okafor")
    assert_accessible(page)
    case_url = page.url
    sign_out(page)

    # --- The worker writes the safety plan with Kayleigh's words ------------------------------
    sign_in_as(page, worker)
    page.goto(case_url)
    page.get_by_role("link", name=re.compile("safety plan", re.IGNORECASE)).first.click()
    page.get_by_label("What are we worried about?").fill(
        "Adults are taking Kayleigh to other towns overnight and she comes back hurt"
    )
    page.get_by_label("What will safety look like?").fill(
        "Kayleigh is at home or with trusted adults every night"
    )
    page.get_by_label("The child's own words and wishes").fill(
        "\u201cI want to stay at my nan's and go back to netball.\u201d"
    )
    _fill_date(page, "review_date", timezone.localdate() + timedelta(days=28))
    page.get_by_role("button", name="Save the safety plan").click()
    expect(page.locator("main")).to_contain_text(
        "I want to stay at my nan's and go back to netball"
    )
    assert_accessible(page)

    # --- A missing episode: the return home interview is due within 72 hours --------------------
    page.goto(f"{base}/cases/people/{child.pk}/missing/new/")
    now = timezone.localtime()
    went = now - timedelta(hours=20)
    found = now - timedelta(hours=2)
    _fill_date(page, "missing_date", went.date())
    page.get_by_label("Time the child went missing").fill(went.strftime("%H:%M"))
    _fill_date(page, "reported_date", went.date())
    page.get_by_label("Time reported missing").fill(
        (went + timedelta(minutes=30)).strftime("%H:%M")
    )
    _fill_date(page, "found_date", found.date())
    page.get_by_label("Time the child was found (optional)").fill(found.strftime("%H:%M"))
    page.get_by_label("Medium", exact=True).check()
    page.get_by_role("button", name="Record the missing episode").click()
    expect(page.locator("#interview-deadline")).to_contain_text(
        re.compile(r"Due in 2 days (2[0-2]|19) hours")
    )
    assert_accessible(page)
