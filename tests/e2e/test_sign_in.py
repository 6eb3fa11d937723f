"""A professional signs in with a TOTP code, reaches home and signs out — in a real browser."""

from __future__ import annotations

import pyotp
import pytest
from playwright.sync_api import Page, expect

from cehub.core.roles import Role
from tests.factories import TEST_PASSWORD, UserFactory

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_sign_in_with_totp_then_sign_out(page: Page, live_server: object) -> None:
    secret = pyotp.random_base32()
    user = UserFactory(
        email="sam.okafor@northvale.example",
        full_name="Sam Okafor",
        role=Role.HUB_PRACTITIONER,
        totp_secret=secret,
    )
    base = str(live_server)

    page.goto(base + "/")
    expect(page).to_have_url(f"{base}/account/login/?next=/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to CE Hub")
    assert_accessible(page)

    # A wrong password first: GOV.UK error summary, focus moved to it, email kept.
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill("not my password")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.get_by_label("Email address")).to_have_value(user.email)
    assert_accessible(page)

    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/account/2fa/authenticate/")
    assert_accessible(page)

    page.get_by_label("Authenticator code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Sam")
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    # allauth asks for confirmation only on GET; our button POSTs, so we are out at once.
    expect(page).to_have_url(f"{base}/account/login/")
    page.goto(base + "/")
    expect(page).to_have_url(f"{base}/account/login/?next=/")


def test_keyboard_only_sign_in_page(page: Page, live_server: object) -> None:
    """The skip link is the first thing a keyboard user reaches, and it works."""
    page.goto(str(live_server) + "/account/login/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()
