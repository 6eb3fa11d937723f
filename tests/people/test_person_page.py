"""A person's record page: identity, summary, chronology (filterable) and linked records."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.contexts.models import LocationKind, Relation
from cehub.contexts.services import (
    group_create,
    location_find_or_create,
    phone_find_or_create,
)
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import HUB_ROLES, Role
from cehub.people.models import (
    CareStatus,
    ChronologyKind,
    DobPrecision,
    Ethnicity,
    Person,
    Sex,
)
from cehub.people.services import chronology_record
from tests.factories import create_adult, create_child, record_link
from tests.html import text as page_text


def _url(person: Person) -> str:
    return reverse("people:person_detail", kwargs={"person_id": person.pk})


@pytest.fixture
def kayleigh(hub_social_worker: User) -> Person:
    return create_child(
        actor=hub_social_worker,
        date_of_birth=date(2010, 3, 14),
        sex=Sex.FEMALE,
        ethnicity=Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN,
        disability_send=True,
        nhs_number="9434765919",
        care_status=CareStatus.LOOKED_AFTER,
        known_as=["Kayz"],
    )


@pytest.fixture
def events(kayleigh: Person, hub_social_worker: User) -> None:
    for day, kind, summary in [
        (2, ChronologyKind.CONCERN, "Concern raised by school"),
        (9, ChronologyKind.MISSING, "Missing from placement overnight"),
        (5, ChronologyKind.INTELLIGENCE, "Partner information received"),
    ]:
        chronology_record(
            person=kayleigh,
            kind=kind,
            occurred_at=datetime(2026, 1, day, 10, 30, tzinfo=UTC),
            summary=summary,
            source_type=str(kind),
            source_id=uuid.uuid4(),
            actor=hub_social_worker,
        )


def test_a_team_member_sees_identity_summary_and_flags(
    signed_in: Callable[[User], Client], hub_social_worker: User, kayleigh: Person
) -> None:
    response = signed_in(hub_social_worker).get(_url(kayleigh))
    assert response.status_code == 200
    text = page_text(response)
    assert "Kayleigh Brookes" in text
    assert "Kayz (known as)" in text
    assert "14 March 2010" in text
    assert "943 476 5919" in text
    assert "Ethnicity For equality monitoring only Mixed: White and Black Caribbean" in text
    assert "Risk level Not yet screened" in text
    assert "Case None" in text
    assert "screening issue" not in text
    for flag in ["Child or young person", "Looked after (in care)", "Disability or special"]:
        assert flag in text
    assert "Emergency access until" not in text


def test_the_chronology_is_newest_first(
    signed_in: Callable[[User], Client], hub_social_worker: User, kayleigh: Person, events: None
) -> None:
    response = signed_in(hub_social_worker).get(_url(kayleigh))
    summaries = [entry.summary for entry in response.context["page"]]
    # "Record created" is today, so newest of all.
    assert summaries == [
        "Record created in CE Hub",
        "Missing from placement overnight",
        "Partner information received",
        "Concern raised by school",
    ]
    text = page_text(response)
    assert text.index("Missing from placement") < text.index("Concern raised by school")
    assert "9 Jan 2026 10:30" in text  # shown in Europe/London (GMT in January)


def test_the_chronology_can_be_filtered_by_kind(
    signed_in: Callable[[User], Client], hub_social_worker: User, kayleigh: Person, events: None
) -> None:
    client = signed_in(hub_social_worker)
    response = client.get(_url(kayleigh), {"kind": ["concern", "missing"]})
    summaries = [entry.summary for entry in response.context["page"]]
    assert summaries == ["Missing from placement overnight", "Concern raised by school"]
    assert "Show all events" in response.content.decode()
    # The filter's form keeps the boxes ticked.
    assert response.context["filter_form"].cleaned_data["kind"] == ["concern", "missing"]


def test_an_unknown_kind_in_the_filter_is_an_error_not_a_crash(
    signed_in: Callable[[User], Client], hub_social_worker: User, kayleigh: Person, events: None
) -> None:
    response = signed_in(hub_social_worker).get(_url(kayleigh), {"kind": ["nonsense"]})
    assert response.status_code == 200
    assert response.context["filter_form"].errors == {
        "kind": ["Select kinds of event from the list"]
    }
    assert len(response.context["page"].object_list) == 4  # unfiltered


def test_links_show_relation_source_grading_and_handling_conditions(
    signed_in: Callable[[User], Client], hub_social_worker: User, kayleigh: Person
) -> None:
    flat = location_find_or_create(
        kind=LocationKind.FLAT, address="Flat 3, 14 Mill Lane", postcode="NV1 2AB"
    )
    phone = phone_find_or_create(number="07700 900123")
    group = group_create(kind="peer", name="Mill Lane group")
    record_link(
        kayleigh.node,
        Relation.SEEN_AT,
        flat.node,
        actor=hub_social_worker,
        source_type="intelligence",
        seen_on=date(2026, 1, 4),
        grading=("B", "3", "C"),
        handling_conditions="Do not share with the family",
    )
    record_link(kayleigh.node, Relation.CONTACTED_BY, phone.node, actor=hub_social_worker)
    record_link(
        kayleigh.node,
        Relation.MEMBER_OF,
        group.node,
        actor=hub_social_worker,
        grading=("A", "1", "P"),
    )
    response = signed_in(hub_social_worker).get(_url(kayleigh))
    text = page_text(response)
    assert "Being linked is not the same as being involved: check the source and grading." in text
    assert "This person was seen at House or flat of concern, Flat 3, 14 Mill Lane, NV1 2AB" in text
    assert "Partner information recorded" in text
    assert "B3C" in text and "3 – Known indirectly" in text
    assert "Handling conditions: Do not share with the family" in text
    assert "Seen 4 Jan 2026" in text
    assert "This person was contacted by 07700 900123 Phone number Concern recorded" in text
    assert "A1P" in text and "Handling conditions" not in text.split("A1P")[1]
    assert "Not graded" in text
    page = response.content.decode()
    assert reverse("contexts:location_detail", kwargs={"location_id": flat.pk}) in page
    assert reverse("contexts:object_detail", kwargs={"object_id": phone.pk}) in page
    assert reverse("contexts:group_detail", kwargs={"group_id": group.pk}) in page


def test_viewing_a_record_writes_a_view_event(
    signed_in: Callable[[User], Client], hub_social_worker: User, kayleigh: Person
) -> None:
    signed_in(hub_social_worker).get(_url(kayleigh))
    event = AccessEvent.objects.latest("id")
    assert (event.action, event.object_type, event.object_id) == (
        AccessAction.VIEW,
        "person",
        str(kayleigh.pk),
    )
    assert event.user_id == hub_social_worker.pk
    assert event.reason == ""


def test_a_hub_user_from_another_team_gets_the_locked_page_and_a_denied_event(
    make_persona: Callable[..., User], client: Client, kayleigh: Person, events: None
) -> None:
    colleague = make_persona(Role.HUB_PRACTITIONER)
    client.force_login(colleague)
    response = client.get(_url(kayleigh))
    assert response.status_code == 200
    text = page_text(response)
    assert "You do not have a working relationship with this child" in text
    assert "Kayleigh Brookes" in text and "14 March 2010" in text
    # Identity only: nothing from the record.
    assert "Missing from placement" not in text
    assert "943 476 5919" not in text
    assert (
        reverse("people:break_glass", kwargs={"person_id": kayleigh.pk})
        in response.content.decode()
    )
    event = AccessEvent.objects.latest("id")
    assert (event.action, event.user_id, event.object_id) == (
        AccessAction.DENIED,
        colleague.pk,
        str(kayleigh.pk),
    )
    assert not AccessEvent.objects.filter(
        action=AccessAction.VIEW, user=colleague, object_id=str(kayleigh.pk)
    ).exists()


def test_an_adults_record_opens_without_a_relationship(
    make_persona: Callable[..., User], client: Client, hub_social_worker: User
) -> None:
    adult = create_adult(
        actor=hub_social_worker,
        date_of_birth=date(1990, 1, 1),
        dob_precision=DobPrecision.YEAR,
        description="Drives a silver hatchback",
        aliases=["Deano"],
    )
    colleague = make_persona(Role.INTELLIGENCE_OFFICER)
    client.force_login(colleague)
    response = client.get(_url(adult))
    assert response.status_code == 200
    text = page_text(response)
    assert "Dean Harker" in text and "Adult" in text
    assert "Date of birth 1990 Year known" in text
    assert "About " in text  # age is approximate when only the year is known
    assert "Drives a silver hatchback" in text
    assert "Deano (alias or street name)" in text
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, user=colleague, object_id=str(adult.pk)
    ).exists()


def test_a_missing_record_is_a_404(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    response = signed_in(hub_social_worker).get(
        reverse("people:person_detail", kwargs={"person_id": uuid.uuid4()})
    )
    assert response.status_code == 404


@pytest.mark.parametrize("role", [role for role in Role if role not in HUB_ROLES])
def test_roles_outside_the_hub_get_404_for_a_record_that_exists(
    make_persona: Callable[..., User], client: Client, role: Role, kayleigh: Person
) -> None:
    user = make_persona(role)
    client.force_login(user)
    assert client.get(_url(kayleigh)).status_code == 404
    assert (
        client.get(reverse("people:break_glass", kwargs={"person_id": kayleigh.pk})).status_code
        == 404
    )
    assert not AccessEvent.objects.filter(user=user, object_id=str(kayleigh.pk)).exists()
