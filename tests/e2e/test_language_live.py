"""Typing wording that blames a child shows the findings under the field, as you type."""

from __future__ import annotations

import pyotp
import pytest
from playwright.sync_api import Page, expect

from cehub.accounts.roles import Role
from tests.factories import TEST_PASSWORD, UserFactory

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_findings_appear_while_typing_a_concern(page: Page, live_server: object) -> None:
    base = str(live_server)
    secret = pyotp.random_base32()
    teacher = UserFactory(email="priya@school.example", role=Role.REFERRER, totp_secret=secret)
    page.goto(base + "/account/login/")
    page.get_by_label("Email address").fill(teacher.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Authenticator code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Sign in").click()

    page.goto(base + "/concerns/new/")
    page.locator("#id_what_happened").press_sequentially(
        "she has been putting herself at risk with an older boyfriend", delay=5
    )
    findings = page.locator("#id_what_happened-language")
    expect(findings).to_contain_text("2 suggestions")
    expect(findings).to_contain_text("Instead, you could write")
    assert_accessible(page)
