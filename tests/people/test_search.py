"""Finding people, places and objects: POSTed, audited, fuzzy names, exact identifiers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.contexts.models import LocationKind, Relation
from cehub.contexts.services import (
    location_find_or_create,
    phone_find_or_create,
    vehicle_find_or_create,
)
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import HUB_ROLES, Role
from cehub.people.models import Person
from tests.factories import create_child, record_link

SEARCH = "/people/search/"


def _form(**fields: str) -> dict[str, str]:
    data = {
        "name": "",
        "date_of_birth_day": "",
        "date_of_birth_month": "",
        "date_of_birth_year": "",
        "nhs_number": "",
        "phone": "",
        "vehicle": "",
        "postcode": "",
    }
    data.update(fields)
    return data


@pytest.fixture
def kayleigh(hub_social_worker: User) -> Person:
    return create_child(
        actor=hub_social_worker,
        date_of_birth=date(2010, 3, 14),
        nhs_number="9434765919",
        known_as=["Kayz"],
        aliases=["Little K"],
    )


@pytest.fixture
def searcher(signed_in: Callable[[User], Client], hub_social_worker: User) -> Client:
    return signed_in(hub_social_worker)


def _names(response: object) -> list[str]:
    return [row.name for row in response.context["people"]]  # type: ignore[attr-defined]


def test_the_search_page_shows_a_form_and_no_results(searcher: Client) -> None:
    response = searcher.get(reverse("people:search"))
    assert response.status_code == 200
    assert response.context["form"].is_bound is False
    assert "results" not in response.context
    assert 'method="post"' in response.content.decode()


def test_a_misspelt_name_finds_thea_child(searcher: Client, kayleigh: Person) -> None:
    create_child(actor=None, given_name="Marcus", family_name="Ellington", date_of_birth=None)
    response = searcher.post(SEARCH, _form(name="Kayley Brooks"))
    assert response.status_code == 200
    assert _names(response) == ["Kayleigh Brookes"]
    row = response.context["people"][0]
    assert row.reasons == ["Name is similar"]
    assert row.category == "Child or young person"
    assert row.date_of_birth == "14 March 2010"
    assert row.url == f"/people/{kayleigh.pk}/"
    assert row.can_open is True  # the searcher's team created the record
    assert "You can open this record" in response.content.decode()


@pytest.mark.parametrize("typed", ["Kayz", "little k"])
def test_a_known_as_name_or_alias_finds_thea_child(
    searcher: Client, kayleigh: Person, typed: str
) -> None:
    response = searcher.post(SEARCH, _form(name=typed))
    assert _names(response) == ["Kayleigh Brookes"]


def test_date_of_birth_finds_thea_child(searcher: Client, kayleigh: Person) -> None:
    create_child(
        actor=None, given_name="Marcus", family_name="Ellington", date_of_birth=date(2011, 3, 14)
    )
    response = searcher.post(
        SEARCH, _form(date_of_birth_day="14", date_of_birth_month="3", date_of_birth_year="2010")
    )
    assert _names(response) == ["Kayleigh Brookes"]
    assert response.context["people"][0].reasons == ["Date of birth matches"]


def test_an_nhs_number_typed_with_spaces_finds_thea_child(
    searcher: Client, kayleigh: Person
) -> None:
    response = searcher.post(SEARCH, _form(nhs_number="943 476 5919"))
    assert _names(response) == ["Kayleigh Brookes"]
    assert response.context["people"][0].reasons == ["NHS number matches"]


def test_a_national_phone_number_finds_the_person_linked_to_it(
    searcher: Client, kayleigh: Person, hub_social_worker: User
) -> None:
    phone = phone_find_or_create(number="+447700900123")
    assert phone.phone_number == "+447700900123"
    record_link(kayleigh.node, Relation.USES, phone.node, actor=hub_social_worker)
    response = searcher.post(SEARCH, _form(phone="07700 900123"))
    assert _names(response) == ["Kayleigh Brookes"]
    assert response.context["people"][0].reasons == ["Linked to the phone or vehicle"]
    assert response.context["results"].objects == [phone]
    assert f"/contexts/objects/{phone.pk}/" in response.content.decode()


def test_a_lower_case_registration_with_spaces_finds_the_vehicle_and_person(
    searcher: Client, kayleigh: Person, hub_social_worker: User
) -> None:
    car = vehicle_find_or_create(registration="AB12CDE", description="Silver hatchback")
    record_link(
        kayleigh.node,
        Relation.SEEN_WITH,
        car.node,
        actor=hub_social_worker,
        source_type="intelligence",
    )
    response = searcher.post(SEARCH, _form(vehicle=" ab12  cde "))
    assert response.context["results"].objects == [car]
    assert _names(response) == ["Kayleigh Brookes"]
    assert "AB12 CDE (Silver hatchback)" in response.content.decode()


def test_a_postcode_with_odd_spacing_finds_the_place_and_who_is_linked(
    searcher: Client, kayleigh: Person, hub_social_worker: User
) -> None:
    shop = location_find_or_create(kind=LocationKind.SHOP, name="Corner Vapes", postcode="NV1 2AB")
    elsewhere = location_find_or_create(
        kind=LocationKind.PARK, name="Mill Park", postcode="NV9 9ZZ"
    )
    record_link(kayleigh.node, Relation.FREQUENTS, shop.node, actor=hub_social_worker)
    response = searcher.post(SEARCH, _form(postcode="nv 12ab"))
    assert response.context["results"].places == [shop]
    assert elsewhere not in response.context["results"].places
    assert _names(response) == ["Kayleigh Brookes"]
    assert f"/contexts/places/{shop.pk}/" in response.content.decode()


def test_a_child_the_team_does_not_work_with_is_found_but_needs_emergency_access(
    searcher: Client,
) -> None:
    other = create_child(actor=None, given_name="Jordan", family_name="Mills", date_of_birth=None)
    response = searcher.post(SEARCH, _form(name="Jordan Mills"))
    assert _names(response) == ["Jordan Mills"]
    assert response.context["people"][0].can_open is False
    page = response.content.decode()
    assert "Emergency access needed" in page
    assert reverse("people:break_glass", kwargs={"person_id": other.pk}) in page


def test_a_search_with_nothing_filled_in_says_what_to_enter(searcher: Client) -> None:
    before = AccessEvent.objects.filter(action=AccessAction.SEARCH).count()
    response = searcher.post(SEARCH, _form())
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "name": [
            "Enter a name, date of birth, NHS number, phone number, vehicle registration or "
            "postcode"
        ]
    }
    assert "results" not in response.context
    assert "There is a problem" in response.content.decode()
    assert AccessEvent.objects.filter(action=AccessAction.SEARCH).count() == before


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("phone", "12345", "Enter a real phone number, like 07700 900 982 or +44 7700 900 982"),
        ("postcode", "NOT A CODE", "Enter a real postcode, like SW1A 1AA"),
    ],
)
def test_a_bad_identifier_gets_its_own_error_and_keeps_what_was_typed(
    searcher: Client, field: str, typed: str, message: str
) -> None:
    response = searcher.post(SEARCH, _form(name="Kayleigh", **{field: typed}))
    form = response.context["form"]
    assert form.errors == {field: [message]}
    assert f'value="{typed}"' in response.content.decode()
    assert "results" not in response.context


def test_a_bad_nhs_number_and_future_date_of_birth_are_reported(searcher: Client) -> None:
    response = searcher.post(
        SEARCH,
        _form(
            nhs_number="123 456 7890",
            date_of_birth_day="1",
            date_of_birth_month="1",
            date_of_birth_year="2999",
        ),
    )
    errors = response.context["form"].errors
    assert set(errors) == {"nhs_number", "date_of_birth"}
    assert errors["date_of_birth"] == ["Date of birth must be in the past"]


def test_a_search_is_audited_with_field_names_only(searcher: Client, kayleigh: Person) -> None:
    response = searcher.post(SEARCH, _form(name="Kayley Brooks", phone="07700 900123"))
    assert response.status_code == 200
    event = AccessEvent.objects.filter(action=AccessAction.SEARCH).latest("id")
    assert event.object_type == "person-search"
    assert event.details == {"fields": ["name", "phone"], "result_count": 1}
    logged = f"{event.details} {event.reason} {event.object_id}"
    assert "Kayley" not in logged and "Brooks" not in logged and "7700" not in logged


def test_searching_leaves_nothing_personal_in_the_url(searcher: Client, kayleigh: Person) -> None:
    response = searcher.post(SEARCH, _form(name="Kayleigh Brookes"), follow=True)
    assert response.redirect_chain == []
    assert response.request["PATH_INFO"] == "/people/search/"
    assert response.request["QUERY_STRING"] == ""
    # A GET with a name in the query string is not a search: nothing is looked up.
    response = searcher.get(SEARCH, {"name": "Kayleigh Brookes"})
    assert "results" not in response.context
    assert "Kayleigh Brookes" not in response.content.decode()


@pytest.mark.parametrize("role", [role for role in Role if role not in HUB_ROLES])
def test_roles_outside_the_hub_cannot_search(
    make_persona: Callable[..., User], client: Client, role: Role, kayleigh: Person
) -> None:
    client.force_login(make_persona(role))
    assert client.get(SEARCH).status_code == 404
    assert client.post(SEARCH, _form(name="Kayleigh Brookes")).status_code == 404
    assert not AccessEvent.objects.filter(action=AccessAction.SEARCH).exists()


@pytest.mark.parametrize("role", [Role.HUB_MANAGER, Role.INTELLIGENCE_OFFICER])
def test_every_hub_role_can_search(
    make_persona: Callable[..., User], client: Client, role: Role, kayleigh: Person
) -> None:
    client.force_login(make_persona(role))
    response = client.post(SEARCH, _form(name="Kayleigh Brookes"))
    assert _names(response) == ["Kayleigh Brookes"]
    # Another team: found, but the record needs a relationship or emergency access.
    assert response.context["people"][0].can_open is False
