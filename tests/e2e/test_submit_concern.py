"""A teacher raises a concern in a real browser, with the keyboard only, and gets a reference."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from cehub.accounts.models import User
from cehub.intake.models import Concern

from .conftest import SignInAs, assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _tab_to(page: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until ``selector`` has focus: proves it is reachable in order, by keyboard."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{selector} was not reached with {limit} presses of Tab")


def _type(page: Page, selector: str, text: str) -> None:
    _tab_to(page, selector)
    page.keyboard.type(text)


def _type_in_order(page: Page, fields: list[tuple[str, str]]) -> None:
    """Tab to each field in turn and type into it: the order is the page's tab order."""
    for selector, text in fields:
        _type(page, selector, text)


CHILD_AND_WHAT_HAPPENED = [
    ("#id_child_given_name", "Kai"),
    ("#id_child_family_name", "Morgan"),
    ("#id_child_date_of_birth_day", "4"),
    ("#id_child_date_of_birth_month", "3"),
    ("#id_child_date_of_birth_year", "2011"),
    ("#id_child_school", "Riverside Academy"),
    ("#id_what_happened", "Kai was collected from school by an adult in a car."),
    ("#id_happened_where", "Outside the school gates"),
]
THE_ADULT_THEIR_CAR_AND_PHONE = [
    ("#id_people-0-known_as", "Tall Dee"),
    ("#id_people-0-age", "25"),
    ("#id_people-0-description", "Waits at the gates in a silver car"),
    ("#id_vehicles-0-registration", "ab12 cde"),
    ("#id_vehicles-0-description", "Silver Ford Focus"),
    ("#id_phones-0-number", "07700 900123"),
]


def test_a_teacher_raises_a_concern_with_the_keyboard(
    page: Page, sign_in_as: SignInAs, teacher: User
) -> None:
    base = sign_in_as(page, teacher)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Raise a concern").click()
    expect(page).to_have_url(f"{base}/intake/concerns/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Raise a concern about a child")
    expect(page.locator(".govuk-warning-text")).to_contain_text("call 999 now")
    assert_accessible(page)

    # From the skip link into the form, then only Tab, typing, Space and arrow keys.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    _type_in_order(page, CHILD_AND_WHAT_HAPPENED)
    _tab_to(page, "#id_forms_suspected")  # first checkbox: child sexual exploitation
    page.keyboard.press("Space")
    _tab_to(page, "#id_forms_suspected_2")
    page.keyboard.press("Space")
    # The adult: radios take the arrow keys; the first Tab lands on the group.
    _tab_to(page, "#id_people-0-kind")
    page.keyboard.press("Space")
    _type_in_order(page, THE_ADULT_THEIR_CAR_AND_PHONE)
    # Add a second phone without a mouse or JavaScript: focus continues on the new row.
    _tab_to(page, 'button[value="phones"]')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/intake/concerns/new/#phones-2$"))
    expect(page.locator("#id_phones-0-number")).to_have_value("07700 900123")
    expect(page.locator("#id_child_given_name")).to_have_value("Kai")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    page.keyboard.press("Tab")
    expect(page.locator("#id_phones-1-number")).to_be_focused()
    page.keyboard.type("07700 900456")
    _tab_to(page, "#id_child_aware")  # Yes
    page.keyboard.press("Space")
    _tab_to(page, "#id_family_aware")
    page.keyboard.press("ArrowRight")  # No
    _tab_to(page, "#id_consent_given")
    page.keyboard.press("ArrowDown")  # No, or I have not asked
    # Forget the reason and the danger question: the errors say what is missing.
    _tab_to(page, "button.govuk-button:not(.govuk-button--secondary)")
    page.keyboard.press("Enter")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(
        "Say why the child or family have not agreed, or why you have not asked"
    )
    expect(summary).to_contain_text("Select yes if the child is in immediate danger")
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)

    # Follow the error summary's link to the reason, and carry on from there.
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#id_no_consent_reason")).to_be_focused()
    page.keyboard.type("Telling the family could make things more dangerous for Kai.")
    _tab_to(page, "#id_immediate_danger")
    page.keyboard.press("ArrowRight")  # No
    expect(page.locator("#id_immediate_danger_2")).to_be_checked()
    _tab_to(page, "button.govuk-button:not(.govuk-button--secondary)")
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{base}/intake/concerns/new/check/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending your concern"
    )
    for shown in ("Kai", "4 March 2011", "AB12 CDE", "07700 900456", "Tall Dee"):
        expect(page.locator("main")).to_contain_text(shown)
    assert_accessible(page)

    # Change the child's name through the "Change" link for that section.
    page.get_by_role("link", name="Change (About the child)").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}/intake/concerns/new/#child")
    expect(page.locator("#id_child_given_name")).to_have_value("Kai")
    expect(page.locator("#id_immediate_danger_2")).to_be_checked()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("not sent yet")
    assert_accessible(page)
    page.keyboard.press("Tab")
    expect(page.locator("#id_child_given_name")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Kaiden")
    # Enter in a text box continues (the hidden default button), not "Add another".
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}/intake/concerns/new/check/")
    expect(page.locator("main")).to_contain_text("Kaiden")

    _tab_to(page, "button.govuk-button")
    expect(page.get_by_role("button", name="Send to the hub")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/intake/concerns/[0-9a-f-]{36}/submitted/$"))
    panel = page.locator(".govuk-panel--confirmation")
    expect(panel).to_contain_text("Concern sent to the hub")
    reference = panel.locator("strong").inner_text().strip()
    assert re.fullmatch(r"CON-[2-9A-HJ-NP-Z]{8}", reference)
    assert_accessible(page)

    concern = Concern.objects.get()
    assert concern.reference == reference
    assert concern.child_given_name == "Kaiden"
    roles = sorted(concern.involvements.values_list("role", flat=True))
    assert roles == sorted(["adult", "vehicle", "phone", "phone"])

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My submissions").click()
    expect(page.locator("table")).to_contain_text(reference)
    expect(page.locator("table")).to_contain_text("Received by the hub")
    assert_accessible(page)
