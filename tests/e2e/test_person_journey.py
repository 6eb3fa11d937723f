"""In a real browser: search, find a child the team does not work with, break glass, read.

Every page on the way is checked with axe-core (WCAG 2.2 AA), and the console must stay free
of errors (a CSP violation would show there).
"""

from __future__ import annotations

from datetime import date

import pyotp
import pytest
from playwright.sync_api import Page, expect

from cehub.contexts.models import Relation
from cehub.contexts.services import phone_find_or_create
from cehub.core.roles import Role
from cehub.people.models import BreakGlassGrant
from tests.contexts.records import a_link
from tests.e2e.conftest import assert_accessible
from tests.factories import TEST_PASSWORD, TeamFactory, UserFactory
from tests.people.records import a_child

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_search_then_emergency_access_then_the_record(page: Page, live_server: object) -> None:
    creator = UserFactory(role=Role.HUB_PRACTITIONER, team=TeamFactory())
    secret = pyotp.random_base32()
    duty = UserFactory(
        email="ola.bright@northvale.example",
        full_name="Ola Bright",
        role=Role.HUB_PRACTITIONER,
        team=TeamFactory(),
        totp_secret=secret,
    )
    child = a_child(
        creator,
        date_of_birth=date(2010, 3, 14),
    )
    phone = phone_find_or_create(number="07700 900123")
    a_link(
        creator,
        child.node,
        phone.node,
        Relation.CONTACTED_BY,
        source_type="intelligence",
        grading=("B", "3", "C"),
        handling_conditions="Do not share with the family",
    )
    base = str(live_server)

    page.goto(base + "/people/search/")
    page.get_by_label("Email address").fill(duty.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Authenticator code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/people/search/")
    assert_accessible(page)

    # Nothing filled in: a GOV.UK error summary.
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Name").fill("Kayley Brooks")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(f"{base}/people/search/")  # nothing typed ends up in the URL
    expect(page.get_by_role("heading", name="1 result")).to_be_visible()
    expect(page.get_by_text("Emergency access needed")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Kayleigh Brookes", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You do not have a working relationship with this child"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Request emergency access").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Emergency access to a child's record"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Open the record").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("A child may be at immediate risk").check()
    page.get_by_label("Explain why you need this record now").fill(
        "Police called at 2am: she was found in a car with an adult"
    )
    page.get_by_role("button", name="Open the record").click()
    expect(page).to_have_url(
        f"{base}/account/reauthenticate/?next=%2Fpeople%2F{child.pk}%2Femergency-access%2F"
    )
    assert_accessible(page)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(f"{base}/people/{child.pk}/")
    expect(page.get_by_text("recorded and reviewed")).to_be_visible()
    expect(page.get_by_text("Do not share with the family")).to_be_visible()
    assert_accessible(page)
    assert BreakGlassGrant.objects.filter(user=duty, person=child).count() == 1
