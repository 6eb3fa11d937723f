"""National Referral Mechanism pages: a referral, then its decisions; who may."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.cases.models import (
    NRMDecision,
    NRMReferral,
)
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.people.models import Person
from tests.cases.records import assert_form_problem
from tests.html import date_fields
from tests.html import text as page_text

pytestmark = pytest.mark.django_db


# --- National Referral Mechanism -------------------------------------------------------------
def _nrm_data(user: User, **overrides: str) -> dict[str, str]:
    data = {
        **date_fields("referred_on", date(2026, 9, 1)),
        "first_responder": str(user.agency_id),
        "reasonable_grounds": NRMDecision.PENDING,
        **date_fields("reasonable_grounds_on", None),
        "conclusive_grounds": NRMDecision.PENDING,
        **date_fields("conclusive_grounds_on", None),
        **date_fields("guardian_allocated_on", None),
    }
    data.update(overrides)
    return data


def _nrm_new_url(person: Person) -> str:
    return reverse("cases:nrm_new", kwargs={"person_id": person.pk})


def test_a_referral_is_recorded_then_its_decisions_follow(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    client = signed_in(hub_social_worker)
    form = client.get(_nrm_new_url(child))
    assert form.status_code == 200
    assert "Record a National Referral Mechanism referral" in page_text(form)

    response = client.post(_nrm_new_url(child), _nrm_data(hub_social_worker))
    referral = NRMReferral.objects.get(person=child)
    edit_url = reverse("cases:nrm_edit", kwargs={"referral_id": referral.pk})
    assert response.status_code == 302
    assert response["Location"] == edit_url
    assert referral.referred_on == date(2026, 9, 1)
    assert referral.first_responder == hub_social_worker.agency
    assert referral.reasonable_grounds == NRMDecision.PENDING

    page = client.get(edit_url)
    text = page_text(page)
    assert "National Referral Mechanism referral recorded" in text
    assert "Referred 1 Sep 2026" in text
    assert "Reasonable grounds Waiting for a decision" in text
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="nrm", object_id=str(referral.pk)
    ).exists()

    response = client.post(
        edit_url,
        _nrm_data(
            hub_social_worker,
            reasonable_grounds=NRMDecision.POSITIVE,
            **date_fields("reasonable_grounds_on", date(2026, 9, 4)),
            **date_fields("guardian_allocated_on", date(2026, 9, 10)),
        ),
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.reasonable_grounds == NRMDecision.POSITIVE
    assert referral.reasonable_grounds_on == date(2026, 9, 4)
    assert referral.guardian_allocated_on == date(2026, 9, 10)
    assert NRMReferral.objects.count() == 1
    assert AccessEvent.objects.filter(
        action=AccessAction.UPDATE, object_type="nrm", object_id=str(referral.pk)
    ).exists()
    text = page_text(client.get(edit_url))
    assert "Reasonable grounds Positive (4 Sep 2026)" in text
    assert "Guardian allocated 10 Sep 2026" in text
    # The form is filled in with what is recorded.
    assert "Referrals already recorded" in page_text(client.get(_nrm_new_url(child)))


@pytest.mark.parametrize(
    ("overrides", "message", "field"),
    [
        (
            {
                "conclusive_grounds": NRMDecision.POSITIVE,
                **date_fields("conclusive_grounds_on", date(2026, 10, 1)),
            },
            "A conclusive grounds decision follows a reasonable grounds decision",
            "conclusive_grounds",
        ),
        (
            {"reasonable_grounds": NRMDecision.NEGATIVE},
            "Enter the date of the decision",
            "reasonable_grounds_on_day",
        ),
        (
            {
                "reasonable_grounds": NRMDecision.POSITIVE,
                **date_fields("reasonable_grounds_on", date(2026, 8, 1)),
            },
            "A decision cannot come before the referral",
            "reasonable_grounds_on_day",
        ),
        (
            date_fields("referred_on", date(2099, 1, 1)),
            "Referral date must be today or in the past",
            "referred_on_day",
        ),
        (date_fields("referred_on", None), "Enter the referral date", "referred_on_day"),
        ({"first_responder": ""}, "Choose the first responder agency", "first_responder"),
    ],
)
def test_nrm_problems_get_specific_messages(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    child: Person,
    overrides: dict[str, str],
    message: str,
    field: str,
) -> None:
    response = signed_in(hub_social_worker).post(
        _nrm_new_url(child), _nrm_data(hub_social_worker, **overrides)
    )
    assert_form_problem(response, message, field)
    assert not NRMReferral.objects.exists()


def test_a_failed_update_changes_nothing(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    client = signed_in(hub_social_worker)
    client.post(_nrm_new_url(child), _nrm_data(hub_social_worker))
    referral = NRMReferral.objects.get()
    response = client.post(
        reverse("cases:nrm_edit", kwargs={"referral_id": referral.pk}),
        _nrm_data(hub_social_worker, reasonable_grounds=NRMDecision.POSITIVE),
    )
    assert response.status_code == 200
    assert "Enter the date of the decision" in page_text(response)
    referral.refresh_from_db()
    assert referral.reasonable_grounds == NRMDecision.PENDING


def test_nrm_pages_need_permission_and_a_relationship(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    child: Person,
) -> None:
    signed_in(hub_social_worker).post(_nrm_new_url(child), _nrm_data(hub_social_worker))
    referral = NRMReferral.objects.get()
    edit_url = reverse("cases:nrm_edit", kwargs={"referral_id": referral.pk})
    # An intelligence officer in the team reads the record but does not make referrals.
    officer = make_persona(Role.INTELLIGENCE_OFFICER, team=hub_social_worker.team)
    stranger = make_persona(Role.HUB_PRACTITIONER)  # another team: no relationship
    for user in (officer, stranger, make_persona(Role.REFERRER)):
        client = signed_in(user)
        assert client.get(_nrm_new_url(child)).status_code == 404
        assert client.get(edit_url).status_code == 404
        posted = client.post(_nrm_new_url(child), _nrm_data(hub_social_worker))
        assert posted.status_code == 404
        updated = client.post(
            edit_url,
            _nrm_data(
                hub_social_worker,
                reasonable_grounds=NRMDecision.NEGATIVE,
                **date_fields("reasonable_grounds_on", date(2026, 9, 4)),
            ),
        )
        assert updated.status_code == 404
    assert NRMReferral.objects.count() == 1
    referral.refresh_from_db()
    assert referral.reasonable_grounds == NRMDecision.PENDING
