"""A partner shares soft intelligence: about people, places, vehicles, businesses, online spaces."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cehub.accounts.models import User
from cehub.contexts.models import Location, Object, ObjectKind
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.intake.models import Concern, InvolvementRole, PartnerIntelligence
from cehub.people.models import Person
from tests.intake.pages import refused
from tests.intake.submit.report_pages import INTELLIGENCE, management

pytestmark = pytest.mark.django_db

START, CHECK = INTELLIGENCE.start, INTELLIGENCE.check
draft_key, send = INTELLIGENCE.draft_key, INTELLIGENCE.send


def intelligence_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "subject_kinds": ["business", "vehicle"],
        "information": "Young people in school uniform are given free food at the takeaway "
        "after 10pm and then driven away in a silver car.",
        "observed_on_day": "1",
        "observed_on_month": "2",
        "observed_on_year": "2026",
        "source_description": "I saw it myself on my way home",
        **management(),
        "places-0-name": "Chicken Palace",
        "places-0-kind": "takeaway",
        "places-0-address": "4 High Street",
        "places-0-postcode": "ls1 4ap",
        "vehicles-0-registration": "ab12 cde",
        "vehicles-0-description": "Silver Ford Focus",
    }
    data.update(overrides)
    return data


def test_a_youth_worker_shares_information_about_a_takeaway_without_naming_a_child(
    make_persona: Callable[..., User], signed_in: Callable[[User], Client]
) -> None:
    worker = make_persona(Role.REFERRER, full_name="Dan Price")
    client = signed_in(worker)
    page = client.get(START).content.decode()
    assert "You do not need to name a child" in page
    assert "child_given_name" not in page

    response = client.post(START, intelligence_data())
    assert response.status_code == 302
    assert PartnerIntelligence.objects.count() == 0
    check = client.get(CHECK).content.decode()
    for shown in (
        "Check your answers before sharing this information",
        "A business",
        "A vehicle",
        "1 February 2026",
        "I saw it myself on my way home",
        "Chicken Palace",
        "LS1 4AP",
        "AB12 CDE",
    ):
        assert shown in check, shown

    response = client.post(CHECK)
    item = PartnerIntelligence.objects.get()
    assert response["Location"] == reverse("intake:intelligence_submitted", args=[item.pk])
    assert draft_key(worker) not in client.session
    assert re.fullmatch(r"INT-[2-9A-HJ-NP-Z]{8}", item.reference)
    assert item.subject_kinds == ["business", "vehicle"]
    assert item.observed_on == date(2026, 2, 1)
    assert item.source_description == "I saw it myself on my way home"
    assert item.submitted_by == worker
    assert item.grading == ""  # an intelligence officer grades it later
    roles = set(item.involvements.values_list("role", flat=True))
    assert roles == {InvolvementRole.PLACE, InvolvementRole.VEHICLE}
    assert Location.objects.get().kind == "takeaway"
    assert Object.objects.get(kind=ObjectKind.VEHICLE).registration == "AB12CDE"
    assert Concern.objects.count() == 0
    assert Person.objects.count() == 0
    assert AccessEvent.objects.filter(
        action=AccessAction.CREATE, object_type="intelligence", object_id=str(item.pk), user=worker
    ).exists()

    confirmation = client.get(response["Location"]).content.decode()
    assert "Information sent to the hub" in confirmation
    assert item.reference in confirmation
    assert "within 24 hours" in confirmation
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW,
        object_type="intelligence",
        object_id=str(item.pk),
        details={"kind": "confirmation"},
    ).exists()


def test_information_about_a_person_and_their_accounts(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    data = intelligence_data(
        subject_kinds=["person", "online"],
        **{
            "people-0-kind": "adult",
            "people-0-given_name": "Darren",
            "people-0-family_name": "O’Neill",
            "people-0-date_of_birth_day": "12",
            "people-0-date_of_birth_month": "6",
            "people-0-date_of_birth_year": "1994",
            "accounts-0-platform": "instagram",
            "accounts-0-handle": "https://www.instagram.com/Dazza.94/",
            "phones-0-number": "07700 900456",
            "vehicles-0-registration": "",
            "vehicles-0-description": "",
        },
    )
    item = send(signed_in(teacher), data)
    person = Person.objects.get()
    assert (person.given_name, person.family_name) == ("Darren", "O'Neill")
    assert person.date_of_birth == date(1994, 6, 12)
    account = Object.objects.get(kind=ObjectKind.ONLINE_ACCOUNT)
    assert (account.platform, account.handle) == ("instagram", "dazza.94")
    assert item.involvements.count() == 4  # person, place, account, phone


ERROR_CASES = [
    pytest.param(
        {"information": ""}, "id_information", "Describe what you know", id="no-information"
    ),
    pytest.param(
        {"source_description": " "},
        "id_source_description",
        "Say how you know this",
        id="no-source",
    ),
    pytest.param(
        {"subject_kinds": []},
        "id_subject_kinds",
        "Select what the information is about",
        id="no-subject",
    ),
    pytest.param(
        {"vehicles-0-registration": "AB12 CD€"},
        "id_vehicles-0-registration",
        "Vehicle registration must only include letters a to z and numbers",
        id="bad-registration",
    ),
    pytest.param(
        {"places-0-postcode": "LS1 4A"},
        "id_places-0-postcode",
        "Enter a real postcode, like SW1A 1AA",
        id="bad-postcode",
    ),
    pytest.param(
        {
            "observed_on_day": str((timezone.localdate() + timedelta(days=3)).day),
            "observed_on_month": str((timezone.localdate() + timedelta(days=3)).month),
            "observed_on_year": str((timezone.localdate() + timedelta(days=3)).year),
        },
        "id_observed_on_day",
        "Date you saw or heard it must be today or in the past",
        id="seen-in-the-future",
    ),
]


@pytest.mark.parametrize(("overrides", "field_id", "message"), ERROR_CASES)
def test_each_mistake_is_explained_and_nothing_is_saved(
    signed_in: Callable[[User], Client],
    teacher: User,
    overrides: dict[str, Any],
    field_id: str,
    message: str,
) -> None:
    client = signed_in(teacher)
    html = refused(
        client.post(START, intelligence_data(**overrides)), message, on=field_id, alone=True
    )
    assert PartnerIntelligence.objects.count() == 0
    assert Object.objects.count() == 0
    assert Location.objects.count() == 0
    assert draft_key(teacher) not in client.session
    if "information" not in overrides:
        assert "given free food at the takeaway" in html
    if "places-0-name" not in overrides:
        assert 'value="Chicken Palace"' in html


def test_add_another_place_or_business(signed_in: Callable[[User], Client], teacher: User) -> None:
    client = signed_in(teacher)
    response = client.post(START, intelligence_data(information="", add_another="places"))
    html = response.content.decode()
    assert "govuk-error-summary" not in html
    assert 'name="places-TOTAL_FORMS" value="2"' in html
    assert "Place 2" in html
    data = intelligence_data(
        **management(places=2),
        **{"places-1-name": "Quick Cabs", "places-1-kind": "business", "places-1-postcode": ""},
    )
    item = send(client, data)
    assert item.involvements.filter(role=InvolvementRole.PLACE).count() == 2


def test_the_check_page_without_answers_goes_back_to_the_start(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    assert client.get(CHECK)["Location"] == START
    assert client.post(CHECK)["Location"] == START
    assert PartnerIntelligence.objects.count() == 0


def test_concern_and_intelligence_drafts_are_separate(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    client.post(START, intelligence_data())
    assert client.get(reverse("intake:concern_check"))["Location"] == reverse(
        "intake:concern_start"
    )
    assert client.get(CHECK).status_code == 200


def test_only_the_submitter_sees_the_confirmation(
    signed_in: Callable[[User], Client],
    teacher: User,
    make_persona: Callable[..., User],
    client: Client,
) -> None:
    item = send(signed_in(teacher), intelligence_data())
    url = reverse("intake:intelligence_submitted", args=[item.pk])
    assert client.get(url).status_code == 200
    for role in (Role.REFERRER, Role.INTELLIGENCE_OFFICER, Role.HUB_MANAGER, Role.ANALYST):
        client.force_login(make_persona(role))
        assert client.get(url).status_code == 404, role
    client.force_login(teacher)
    missing = reverse("intake:intelligence_submitted", args=[uuid.uuid4()])
    assert client.get(missing).status_code == 404
    # The concern confirmation does not show intelligence, whoever sent it.
    assert client.get(reverse("intake:concern_submitted", args=[item.pk])).status_code == 404
