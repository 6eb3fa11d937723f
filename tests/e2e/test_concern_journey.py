"""Issue 3 end to end: a teacher's concern reaches the hub, is triaged and lands on the
child's record — in a real browser, with axe-core on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from cehub.accounts.models import User
from tests.factories import create_child

from .conftest import SignInAs, assert_accessible, sign_out

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_concern_from_school_is_triaged_onto_the_childs_record(
    page: Page, sign_in_as: SignInAs, teacher: User, hub_social_worker: User
) -> None:
    # The child is already known to the hub, but not to Sam's team.
    create_child(actor=None)

    # --- The teacher raises the concern ----------------------------------------------------
    base = sign_in_as(page, teacher)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Raise a concern").click()
    page.locator("#id_child_given_name").fill("Kayley")
    page.locator("#id_child_family_name").fill("Brooks")
    page.locator("#id_child_school").fill("Riverside Academy")
    page.locator("#id_what_happened").fill(
        "An adult man waits for Kayley after school in a grey car and gives her a new phone."
    )
    page.locator("#id_forms_suspected").check()  # child sexual exploitation
    page.locator("#id_people-0-kind").check()  # an adult
    page.locator("#id_people-0-given_name").fill("Darren")
    page.locator("#id_people-0-family_name").fill("Cole")
    page.locator("#id_vehicles-0-registration").fill("ab12 cde")
    page.locator("#id_vehicles-0-description").fill("Grey Vauxhall Astra")
    page.locator("#id_phones-0-number").fill("07700 900123")
    page.locator("#id_child_words").fill("She said \u201che is just a friend who helps me\u201d.")
    page.locator("#id_child_aware").check()
    page.locator("#id_family_aware").check()
    page.locator("#id_consent_given").check()
    page.locator("#id_immediate_danger_2").check()  # No
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{base}/intake/concerns/new/check/")
    assert_accessible(page)
    page.get_by_role("button", name="Send to the hub").click()
    reference = page.locator(".govuk-panel--confirmation strong").inner_text().strip()
    assert re.fullmatch(r"CON-\w{8}", reference)
    sign_out(page)

    # --- The hub practitioner triages it -------------------------------------------------
    sign_in_as(page, hub_social_worker)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Triage").click()
    row = page.get_by_role("row", name=re.compile(reference))
    expect(row).to_contain_text(re.compile(r"Due in 2[0-3] hours"))
    assert_accessible(page)
    row.get_by_role("link", name=reference).click()
    assert_accessible(page)

    # Which child? The name as the teacher spelt it finds the existing record.
    expect(page.get_by_label("Name", exact=True)).to_have_value("Kayley Brooks")
    page.get_by_role("button", name="Search for the child").click()
    page.get_by_label(re.compile("Kayleigh Brookes")).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()

    # A decision not to share, with its reasons.
    page.get_by_label("Do not share").check()
    page.get_by_label("Purpose").fill("Deciding whether to tell the family about the concern")
    page.get_by_label("Not applicable: nothing is being shared").check()
    page.get_by_label("Not sought: asking would increase risk to the child").check()
    page.get_by_label("Rationale").fill(
        "Telling the family now could alert the adult; the police are making enquiries first."
    )
    page.get_by_role("button", name="Record sharing decision").click()
    expect(page.locator("main")).to_contain_text("Telling the family now could alert the adult")
    assert_accessible(page)

    # The child's record: the concern on the chronology, the adult and the car among links.
    page.get_by_role("link", name=re.compile("record and chronology")).click()
    main = page.locator("main")
    expect(main).to_contain_text(reference)
    expect(main).to_contain_text("Darren Cole")
    expect(main).to_contain_text("AB12 CDE")
    assert_accessible(page)
