"""System administrators manage users; every change of access is audited."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def test_administrator_adds_a_user(
    signed_in: Callable[[User], Client], system_administrator: User, hub_social_worker: User
) -> None:
    client = signed_in(system_administrator)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "full_name": "Jo Bloggs",
            "email": "Jo.Bloggs@Northvale.example",
            "job_title": "Youth worker",
            "agency": hub_social_worker.agency_id,
            "team": "",
            "role": Role.REFERRER,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="jo.bloggs@northvale.example")
    assert user.role == Role.REFERRER
    assert not user.has_usable_password()
    assert AccessEvent.objects.filter(
        action=AccessAction.USER_CREATED, object_id=str(user.pk), user=system_administrator
    ).exists()


def test_bad_input_gets_specific_errors_and_keeps_what_was_typed(
    signed_in: Callable[[User], Client], system_administrator: User, hub_social_worker: User
) -> None:
    other_agency_team = TeamFactory()
    client = signed_in(system_administrator)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "full_name": "Jo Bloggs",
            "email": hub_social_worker.email.upper(),
            "agency": hub_social_worker.agency_id,
            "team": other_agency_team.pk,
            "role": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "A user with this email address already exists" in html
    assert "Choose a team in the agency you selected" in html
    assert 'href="#id_role"' in html  # the error summary links to the field
    assert 'value="Jo Bloggs"' in html
    assert User.objects.filter(full_name="Jo Bloggs").count() == 0


def test_changing_a_role_is_audited_with_before_and_after(
    signed_in: Callable[[User], Client], system_administrator: User, hub_social_worker: User
) -> None:
    client = signed_in(system_administrator)
    response = client.post(
        reverse("accounts:user_edit", args=[hub_social_worker.pk]),
        {
            "agency": hub_social_worker.agency_id,
            "team": hub_social_worker.team_id,
            "role": Role.HUB_MANAGER,
            "is_active": "true",
        },
    )
    assert response.status_code == 302
    event = AccessEvent.objects.get(action=AccessAction.PERMISSION_CHANGE)
    assert event.details["from_role"] == Role.HUB_PRACTITIONER
    assert event.details["to_role"] == Role.HUB_MANAGER
    assert event.object_id == str(hub_social_worker.pk)


def test_administrators_cannot_demote_or_disable_themselves(
    signed_in: Callable[[User], Client], system_administrator: User
) -> None:
    client = signed_in(system_administrator)
    response = client.post(
        reverse("accounts:user_edit", args=[system_administrator.pk]),
        {
            "agency": system_administrator.agency_id,
            "team": "",
            "role": Role.SYSTEM_ADMINISTRATOR,
            "is_active": "false",
        },
    )
    assert (
        "You cannot change your own role or disable your own account" in response.content.decode()
    )
    system_administrator.refresh_from_db()
    assert system_administrator.is_active


def test_pghistory_records_who_changed_a_user(
    signed_in: Callable[[User], Client], system_administrator: User, hub_social_worker: User
) -> None:
    from django.apps import apps

    signed_in(system_administrator).post(
        reverse("accounts:user_edit", args=[hub_social_worker.pk]),
        {
            "agency": hub_social_worker.agency_id,
            "team": hub_social_worker.team_id,
            "role": Role.ANALYST,
            "is_active": "true",
        },
    )
    user_events = apps.get_model("accounts", "UserEvent")
    change = user_events.objects.filter(pgh_obj=hub_social_worker).order_by("-pgh_id").first()
    assert change is not None
    assert change.role == Role.ANALYST
    assert change.pgh_context is not None
    assert change.pgh_context.metadata["user"] == str(system_administrator.pk)
