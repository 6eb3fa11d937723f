"""Disruption pages: actions against adults, places and vehicles, never a child."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.cases.models import (
    DisruptionAction,
    DisruptionKind,
    DisruptionStatus,
)
from cehub.contexts.models import LocationKind
from cehub.contexts.services import location_find_or_create, vehicle_find_or_create
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.people.models import Person
from tests.cases.records import assert_form_problem
from tests.html import date_fields
from tests.html import text as page_text

pytestmark = pytest.mark.django_db


# --- Disruption ----------------------------------------------------------------------------
def _disruption_data(user: User, **overrides: str) -> dict[str, str]:
    data = {
        "kind": DisruptionKind.CAWN,
        "description": "Notice served after he was seen collecting Kayleigh from school",
        "status": DisruptionStatus.IN_PROGRESS,
        **date_fields("started_on", date(2026, 11, 1)),
        **date_fields("ended_on", None),
        "outcome": "",
        "owner_agency": str(user.agency_id),
    }
    data.update(overrides)
    return data


def _new_url(node_id: uuid.UUID) -> str:
    return reverse("cases:disruption_new", kwargs={"node_id": node_id})


def _list_url(node_id: uuid.UUID) -> str:
    return reverse("cases:disruption_list", kwargs={"node_id": node_id})


def test_a_disruption_action_is_recorded_against_an_adult(
    signed_in: Callable[[User], Client], hub_social_worker: User, adult: Person
) -> None:
    client = signed_in(hub_social_worker)
    form = client.get(_new_url(adult.node_id))
    assert form.status_code == 200
    text = page_text(form)
    assert "Record a disruption action" in text
    assert "Darren Cole" in text
    assert "Child abduction warning notice" in text
    assert "Licensing referral (premises)" in text
    assert AccessEvent.objects.filter(
        user=hub_social_worker,
        action=AccessAction.VIEW,
        object_type="person",
        object_id=str(adult.pk),
        details__kind="disruption-target",
    ).exists()

    response = client.post(_new_url(adult.node_id), _disruption_data(hub_social_worker))
    assert response.status_code == 302
    assert response["Location"] == _list_url(adult.node_id)
    action = DisruptionAction.objects.get(target=adult.node)
    assert action.kind == DisruptionKind.CAWN
    assert action.status == DisruptionStatus.IN_PROGRESS
    assert action.started_on == date(2026, 11, 1)
    assert action.owner_agency == hub_social_worker.agency
    assert AccessEvent.objects.filter(
        action=AccessAction.CREATE, object_type="disruption", object_id=str(action.pk)
    ).exists()

    listing = page_text(client.get(response["Location"]))
    assert "Disruption action recorded" in listing
    assert "Child abduction warning notice" in listing
    assert "In progress" in listing
    assert "From 1 Nov 2026" in listing
    assert hub_social_worker.agency.name in listing


def test_a_vehicle_stop_is_recorded_with_its_outcome(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    car = vehicle_find_or_create(registration="ab12 cde", description="Grey Ford Focus")
    client = signed_in(hub_social_worker)
    response = client.post(
        _new_url(car.node_id),
        _disruption_data(
            hub_social_worker,
            kind=DisruptionKind.VEHICLE_STOP,
            status=DisruptionStatus.COMPLETED,
            outcome="Driver identified and given words of advice",
            **date_fields("ended_on", date(2026, 11, 2)),
        ),
    )
    assert response.status_code == 302
    action = DisruptionAction.objects.get(target=car.node)
    assert action.ended_on == date(2026, 11, 2)
    text = page_text(client.get(_list_url(car.node_id)))
    assert "AB12 CDE" in text
    assert "Vehicle stop or check" in text
    assert "Driver identified and given words of advice" in text
    assert "to 2 Nov 2026" in text


def test_a_place_can_have_a_licensing_referral(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    takeaway = location_find_or_create(
        kind=LocationKind.TAKEAWAY, name="Chicken Palace", postcode="NV1 2AB"
    )
    response = signed_in(hub_social_worker).post(
        _new_url(takeaway.node_id),
        _disruption_data(
            hub_social_worker, kind=DisruptionKind.LICENSING, status=DisruptionStatus.PLANNED
        ),
    )
    assert response.status_code == 302
    assert DisruptionAction.objects.get(target=takeaway.node).kind == DisruptionKind.LICENSING


def test_disruption_is_never_against_a_child(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    client = signed_in(hub_social_worker)
    page = client.get(_new_url(child.node_id))
    assert page.status_code == 200
    assert "never against a child" in page_text(page)
    assert 'id="disruption-form"' not in page.content.decode()
    response = client.post(_new_url(child.node_id), _disruption_data(hub_social_worker))
    assert response.status_code == 200
    assert (
        "Disruption is against the adults, places and vehicles that exploit children"
        in page_text(response)
    )
    assert not DisruptionAction.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message", "field"),
    [
        ({"kind": ""}, "Choose the kind of disruption", "kind"),
        ({"status": "paused"}, "Choose the status", "status"),
        ({"owner_agency": ""}, "Choose the agency leading it", "owner_agency"),
        (date_fields("started_on", None), "Enter the start date", "started_on_day"),
        (
            date_fields("ended_on", date(2026, 10, 1)),
            "The end date must be the same as or after the start date",
            "ended_on_day",
        ),
        (
            {"status": DisruptionStatus.COMPLETED, "outcome": ""},
            "Record the outcome of the completed disruption",
            "outcome",
        ),
    ],
)
def test_disruption_problems_get_specific_messages(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    adult: Person,
    overrides: dict[str, str],
    message: str,
    field: str,
) -> None:
    response = signed_in(hub_social_worker).post(
        _new_url(adult.node_id), _disruption_data(hub_social_worker, **overrides)
    )
    assert_form_problem(response, message, field)
    assert not DisruptionAction.objects.exists()


def test_an_empty_disruption_list_says_so(
    signed_in: Callable[[User], Client], hub_social_worker: User, adult: Person
) -> None:
    response = signed_in(hub_social_worker).get(_list_url(adult.node_id))
    assert response.status_code == 200
    assert "No disruption actions have been recorded." in page_text(response)
    assert _new_url(adult.node_id) in response.content.decode()


def test_disruption_pages_are_for_hub_roles_only(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    adult: Person,
) -> None:
    for role in (Role.REFERRER, Role.ANALYST, Role.PARTNERSHIP_LEAD):
        client = signed_in(make_persona(role))
        assert client.get(_new_url(adult.node_id)).status_code == 404
        assert client.get(_list_url(adult.node_id)).status_code == 404
        posted = client.post(_new_url(adult.node_id), _disruption_data(hub_social_worker))
        assert posted.status_code == 404
    hub = signed_in(hub_social_worker)
    assert hub.get(_new_url(uuid.uuid4())).status_code == 404
    assert hub.get(_list_url(uuid.uuid4())).status_code == 404
    assert not DisruptionAction.objects.exists()
