"""Screening a child in a real browser: the level updates as you tick (htmx), the form works
without JavaScript, and every page passes axe-core."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from cehub.accounts.models import User
from cehub.people.models import Person
from cehub.screening.models import Screening
from tests.cases.screening.screening_form import SIGNIFICANT, SIGNIFICANT_LABEL, screen_url

from .conftest import SignInAs, assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_without_javascript(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    yield page
    context.close()
    # A CSP violation shows up here even without scripts.
    assert errors == [], f"Browser console errors: {errors}"


def _previewed(page: Page, change: Callable[[], None]) -> None:
    """Make a change and wait for the live preview it sends, so that sending the form next does
    not cut that request off (htmx reports an aborted request as a console error)."""
    with page.expect_response(lambda response: "/preview/" in response.url):
        change()


def test_screening_in_a_browser_updates_as_you_tick_and_is_accessible(
    page: Page,
    sign_in_as: SignInAs,
    hub_social_worker: User,
    child: Person,
) -> None:
    kayleigh = child
    base = sign_in_as(page, hub_social_worker)
    page.goto(base + screen_url(kayleigh))
    expect(page.get_by_role("heading", level=1)).to_have_text("Screen the risk of exploitation")
    details = page.locator(f"#indicator-{SIGNIFICANT}-details")
    expect(details).to_be_hidden()  # revealed only when ticked, with JavaScript
    assert_accessible(page)

    page.locator("#id_disclosure_2").check()  # No
    page.get_by_label(SIGNIFICANT_LABEL, exact=True).check()
    expect(details).to_be_visible()
    result = page.locator("#screening-result")
    expect(result).to_contain_text("Not counted until you say when")
    details.get_by_label("Within the last 3 months").check()
    details.get_by_label("Confirmed").check()
    details.get_by_label("Evidence").fill("Police found her in Leeds at 3am")
    _previewed(page, details.get_by_label("Evidence").blur)  # a text box changes on leaving it
    # htmx swapped in the new level without a page load.
    expect(result).to_contain_text("Computed level Medium")
    expect(result).to_contain_text("A significant indicator in the last 3 months:")
    assert page.url == base + screen_url(kayleigh)
    assert not Screening.objects.exists()
    assert_accessible(page)

    # Sent without a level: the error summary, and the answers kept.
    page.get_by_role("button", name="Record the screening").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select the level you judge the risk to be"
    )
    expect(details).to_be_visible()
    assert_accessible(page)

    _previewed(page, page.get_by_label("Medium", exact=True).check)
    page.get_by_role("button", name="Record the screening").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Screening on")
    expect(page.locator("main")).to_contain_text("Police found her in Leeds at 3am")
    assert_accessible(page)
    assert Screening.objects.get().final_level == "medium"

    page.get_by_role("link", name="Go to the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hub case")
    assert_accessible(page)

    page.goto(base + reverse("screening:low_risk_guidance"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("low risk")
    assert_accessible(page)


def test_screening_without_javascript_calculates_on_the_server(
    page_without_javascript: Page,
    sign_in_as: SignInAs,
    hub_social_worker: User,
    child: Person,
) -> None:
    page, kayleigh = page_without_javascript, child
    base = sign_in_as(page, hub_social_worker)
    page.goto(base + screen_url(kayleigh))
    details = page.locator(f"#indicator-{SIGNIFICANT}-details")
    expect(details).to_be_visible()  # nothing is hidden without JavaScript
    page.locator("#id_disclosure_2").check()
    page.get_by_label(SIGNIFICANT_LABEL, exact=True).check()
    details.get_by_label("Within the last 3 months").check()
    details.get_by_label("Suspected").check()
    details.get_by_label("Evidence").fill("Seen by a youth worker at the station")
    page.get_by_role("button", name="Calculate the level").click()
    expect(page.locator("#screening-result")).to_contain_text("Computed level Medium")
    assert page.url.endswith("#screening-result-heading")
    assert not Screening.objects.exists()
    page.get_by_label("Medium", exact=True).check()
    page.get_by_role("button", name="Record the screening").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Screening on")
    assert Screening.objects.get().answers[0]["confirmed"] is False
