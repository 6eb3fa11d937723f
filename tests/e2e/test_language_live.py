"""Typing wording that blames a child shows the findings under the field, as you type; on
submit the page asks once, and keeping the wording is allowed and recorded."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cehub.accounts.models import User
from cehub.intake.models import Concern
from cehub.language.models import KeptWording

from .conftest import SignInAs, assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FLAGGED = "she has been putting herself at risk with an older boyfriend"


def test_findings_appear_while_typing_and_keeping_the_wording_is_recorded(
    page: Page, sign_in_as: SignInAs, teacher: User
) -> None:
    base = sign_in_as(page, teacher)

    page.goto(base + "/intake/concerns/new/")
    page.locator("#id_child_given_name").fill("Jade")
    page.locator("#id_child_family_name").fill("Hill")
    page.locator("#id_what_happened").press_sequentially(FLAGGED, delay=5)
    findings = page.locator("#id_what_happened-language")
    expect(findings).to_contain_text("2 suggestions")
    expect(findings).to_contain_text("Instead, you could write")
    assert_accessible(page)

    page.locator("#id_forms_suspected").check()
    page.locator("#id_child_aware").check()
    page.locator("#id_family_aware").check()
    page.locator("#id_consent_given").check()
    page.locator("#id_immediate_danger_2").check()  # No
    page.get_by_role("button", name="Continue").click()

    # On submit: nothing is saved yet; a banner links to the field, the findings are under it.
    banner = page.get_by_role("region", name="Check the wording")
    expect(banner).to_contain_text("Nothing has been saved yet")
    expect(page.locator("#id_what_happened")).to_have_value(FLAGGED)
    expect(findings).to_contain_text("putting herself at risk")
    assert_accessible(page)
    banner.get_by_role("link", name="What have you seen or heard?").click()
    expect(page.locator("#id_what_happened")).to_be_focused()

    # The author keeps their wording: no hard block.
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{base}/intake/concerns/new/check/")
    page.get_by_role("button", name="Send to the hub").click()
    expect(page.locator(".govuk-panel--confirmation")).to_be_visible()
    assert Concern.objects.get().what_happened == FLAGGED
    kept = list(KeptWording.objects.values_list("field", "category"))
    assert sorted(kept) == [
        ("concern.what_happened", "blames_child"),
        ("concern.what_happened", "implies_consent"),
    ]
