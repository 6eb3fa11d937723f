"""Place, object and group pages: identity, and who is linked, with provenance and grading."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.contexts.models import GroupKind, LocationKind, Relation
from cehub.contexts.services import (
    group_create,
    location_find_or_create,
    online_account_find_or_create,
    phone_find_or_create,
    vehicle_find_or_create,
)
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import HUB_ROLES, Role
from cehub.people.models import Person
from tests.factories import create_adult, record_link
from tests.html import text as page_text


@pytest.fixture
def dean(hub_social_worker: User) -> Person:
    return create_adult(actor=hub_social_worker)


@pytest.fixture
def colleague_client(make_persona: Callable[..., User], client: Client) -> Client:
    """A hub user from another team: may see places and names, not the child's record."""
    client.force_login(make_persona(Role.INTELLIGENCE_OFFICER))
    return client


def test_a_place_page_shows_the_address_and_who_is_linked(
    colleague_client: Client, hub_social_worker: User, child: Person, dean: Person
) -> None:
    flat = location_find_or_create(
        kind=LocationKind.FLAT, address="Flat 3, 14 Mill Lane", town="Northvale", postcode="nv12ab"
    )
    record_link(
        child.node,
        Relation.SEEN_AT,
        flat.node,
        actor=hub_social_worker,
        source_type="intelligence",
        seen_on=date(2026, 2, 1),
        grading=("B", "2", "C"),
        handling_conditions="Police only until the arrest",
    )
    record_link(dean.node, Relation.LIVES_AT, flat.node, actor=hub_social_worker)
    response = colleague_client.get(
        reverse("contexts:location_detail", kwargs={"location_id": flat.pk})
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "House or flat of concern" in text
    assert "Flat 3, 14 Mill Lane Northvale" in text and "NV1 2AB" in text
    assert "Being linked is not the same as being involved: check the source and grading." in text
    assert "Kayleigh Brookes was seen at this place Child or young person" in text
    assert "Partner information recorded" in text
    assert "B2C" in text and "2 – Known indirectly but corroborated" in text
    assert "Handling conditions: Police only until the arrest" in text
    assert "Seen 1 Feb 2026" in text
    assert "Dean Harker lives at this place Adult Concern recorded" in text
    assert "Not graded" in text
    page = response.content.decode()
    # Names link to the records, which enforce relationships and break-glass themselves.
    assert reverse("people:person_detail", kwargs={"person_id": child.pk}) in page
    assert reverse("people:person_detail", kwargs={"person_id": dean.pk}) in page
    event = AccessEvent.objects.latest("id")
    assert (event.action, event.object_type, event.object_id) == (
        AccessAction.VIEW,
        "location",
        str(flat.pk),
    )


def test_a_linked_childs_record_still_needs_a_relationship(
    colleague_client: Client, hub_social_worker: User, child: Person
) -> None:
    shop = location_find_or_create(kind=LocationKind.SHOP, name="Corner Vapes", postcode="NV1 2AB")
    record_link(child.node, Relation.FREQUENTS, shop.node, actor=hub_social_worker)
    colleague_client.get(reverse("contexts:location_detail", kwargs={"location_id": shop.pk}))
    response = colleague_client.get(reverse("people:person_detail", kwargs={"person_id": child.pk}))
    assert response.templates[0].name == "people/person_locked.html"


@pytest.mark.parametrize(
    ("make", "kind", "identifier"),
    [
        (
            lambda: vehicle_find_or_create(
                registration="ab12cde", description="Silver Ford Fiesta"
            ),
            "Vehicle",
            "Registration AB12 CDE",
        ),
        (lambda: phone_find_or_create(number="+447700900123"), "Phone number", "07700 900123"),
        (
            lambda: online_account_find_or_create(platform="snapchat", handle="mill_lane_k"),
            "Online account",
            "Username or handle mill_lane_k",
        ),
    ],
)
def test_an_object_page_shows_its_formatted_identifier_and_links(
    colleague_client: Client,
    hub_social_worker: User,
    child: Person,
    make: Callable[[], object],
    kind: str,
    identifier: str,
) -> None:
    found = make()
    record_link(child.node, Relation.CONTACTED_BY, found.node, actor=hub_social_worker)  # type: ignore[attr-defined]
    response = colleague_client.get(
        reverse("contexts:object_detail", kwargs={"object_id": found.pk})  # type: ignore[attr-defined]
    )
    assert response.status_code == 200
    text = page_text(response)
    assert kind in text and identifier in text
    assert (
        f"Kayleigh Brookes was contacted by this {kind.lower()} Child or young person Concern"
        in text
    )
    event = AccessEvent.objects.latest("id")
    assert (event.action, event.object_type, event.object_id) == (
        AccessAction.VIEW,
        "object",
        str(found.pk),  # type: ignore[attr-defined]
    )


def test_a_group_page_shows_its_members(
    colleague_client: Client, hub_social_worker: User, child: Person, dean: Person
) -> None:
    group = group_create(
        kind=GroupKind.NETWORK, name="Mill Lane network", description="Seen at the flat"
    )
    record_link(
        dean.node, Relation.MEMBER_OF, group.node, actor=hub_social_worker, grading=("A", "1", "P")
    )
    record_link(child.node, Relation.ASSOCIATE, group.node, actor=hub_social_worker)
    response = colleague_client.get(reverse("contexts:group_detail", kwargs={"group_id": group.pk}))
    assert response.status_code == 200
    text = page_text(response)
    assert "Mill Lane network" in text and "Organised network" in text
    assert "Dean Harker is part of this group Adult" in text
    assert "A1P" in text and "A – Reliable" in text
    assert "Kayleigh Brookes associates with this group" in text
    event = AccessEvent.objects.latest("id")
    assert (event.action, event.object_type, event.object_id) == (
        AccessAction.VIEW,
        "group",
        str(group.pk),
    )


def test_a_page_with_nothing_linked_says_so(colleague_client: Client) -> None:
    park = location_find_or_create(kind=LocationKind.PARK, name="Mill Park")
    text = page_text(
        colleague_client.get(reverse("contexts:location_detail", kwargs={"location_id": park.pk}))
    )
    assert "Nothing is linked to this place yet." in text
    assert "Postcode Not known" in text


@pytest.mark.parametrize(
    ("url_name", "kwarg"),
    [
        ("contexts:location_detail", "location_id"),
        ("contexts:object_detail", "object_id"),
        ("contexts:group_detail", "group_id"),
    ],
)
def test_a_missing_record_is_a_404(colleague_client: Client, url_name: str, kwarg: str) -> None:
    response = colleague_client.get(reverse(url_name, kwargs={kwarg: uuid.uuid4()}))
    assert response.status_code == 404


@pytest.mark.parametrize("role", [role for role in Role if role not in HUB_ROLES])
def test_roles_outside_the_hub_get_404(
    make_persona: Callable[..., User], client: Client, role: Role
) -> None:
    user = make_persona(role)
    client.force_login(user)
    place = location_find_or_create(kind=LocationKind.PARK, name="Mill Park")
    car = vehicle_find_or_create(registration="AB12CDE")
    group = group_create(kind=GroupKind.PEER, name="Mill Lane group")
    for url in (
        reverse("contexts:location_detail", kwargs={"location_id": place.pk}),
        reverse("contexts:object_detail", kwargs={"object_id": car.pk}),
        reverse("contexts:group_detail", kwargs={"group_id": group.pk}),
    ):
        assert client.get(url).status_code == 404
    assert not AccessEvent.objects.filter(user=user, action=AccessAction.VIEW).exists()
