"""Triaging a concern: which child it is about, and what happens next."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.contexts.models import Link, Object
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.intake.models import Concern, ConcernStatus
from cehub.intake.submit.services import Involved, ReportedPerson, ReportedVehicle
from cehub.intake.triage.services import concern_link_child, sharing_decision_record
from cehub.people.models import ChronologyEntry, ChronologyKind, Person, PersonCategory
from tests.factories import NOT_SHARING, create_adult, create_child, submit_concern
from tests.intake.pages import refused, shown

CONFLICT_MESSAGE = "Someone else changed this concern while you were looking at it"


@pytest.fixture
def concern(teacher: User) -> Concern:
    """A teacher's concern, with the child's name misspelt and an adult and a car named."""
    return submit_concern(
        referrer=teacher,
        child_given_name="Kayley",
        child_family_name="Brooks",
        what_happened=(
            "An adult in a silver car collects Kayley from the school gate and she has "
            "a new phone she will not explain."
        ),
        happened_on=date(2026, 1, 12),
        child_words="He says he is my boyfriend and buys me things. I'm not allowed to tell.",
        no_consent_reason="Telling the family now could increase the danger to Kayley.",
        immediate_danger=True,
        immediate_action_taken="Called 999 on 12 January; police attended the school.",
        involved=Involved(
            people=[
                ReportedPerson(
                    given_name="Dean",
                    family_name="Marsh",
                    date_of_birth=date(1990, 4, 2),
                    description="Adult man, about 35, who collects her",
                )
            ],
            vehicles=[ReportedVehicle(registration="AB12 CDE", description="Silver Focus")],
        ),
    )


@pytest.fixture
def kayleigh() -> Person:
    """The child's existing record, made elsewhere (so nobody here has a relationship, unlike
    the shared ``child``), with a description the search results must not show."""
    return create_child(
        actor=None,
        date_of_birth=date(2011, 5, 3),
        description="RECORD CONTENT NOT FOR SEARCH RESULTS",
    )


def page_url(concern: Concern) -> str:
    return reverse("intake:concern_triage", args=[concern.pk])


def url(name: str, concern: Concern) -> str:
    return reverse(f"intake:concern_{name}", args=[concern.pk])


def search(client: Client, concern: Concern, **fields: str) -> Any:
    data = {f"find-{key}": value for key, value in fields.items()}
    return client.post(url("find_child", concern), data)


# --- The page ------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_page_shows_the_concern_as_told_with_its_deadline_and_steps(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    html = shown(signed_in(hub_social_worker), page_url(concern))
    assert f"Concern {concern.reference}" in html
    assert "Immediate danger reported. What the referrer has already done: Called 999" in html
    assert 'class="govuk-warning-text" id="immediate-danger"' in html
    assert "Kayley Brooks" in html
    assert "Not known (about 14 years old)" in html
    assert "Child sexual exploitation" in html
    assert '<blockquote class="govuk-inset-text" id="child-words">He says he is my boyfriend' in (
        html.replace("&#x27;", "'")
    )
    assert "Telling the family now could increase the danger to Kayley." in html
    assert 'data-deadline-state="due"' in html
    assert "Due in 24 hours" in html or "Due in 23 hours" in html
    # People and things involved are listed, with what the referrer said about them.
    assert "Adult of concern" in html
    assert "Dean Marsh" in html
    assert "AB12 CDE" in html
    # Three steps, none done yet; the child search is prefilled from the concern.
    assert html.count('<strong class="govuk-tag govuk-tag--blue">To do</strong>') == 6
    assert 'name="find-name"' in html
    assert 'value="Kayley Brooks"' in html
    event = AccessEvent.objects.filter(user=hub_social_worker, object_type="concern").get()
    assert (event.action, event.object_id) == (AccessAction.VIEW, str(concern.pk))


@pytest.mark.django_db
def test_a_concern_linked_to_a_child_another_team_works_with_is_hidden(
    concern: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    make_persona: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    concern_link_child(actor=hub_social_worker, concern=concern, person=kayleigh)
    other_team = make_persona(Role.HUB_PRACTITIONER)
    assert signed_in(other_team).get(page_url(concern)).status_code == 404


# --- Which child is this? ------------------------------------------------------------------
@pytest.mark.django_db
def test_a_misspelt_name_finds_the_existing_child_with_identity_only(
    concern: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    adult = create_adult(actor=None, given_name="Kayley", family_name="Brooks")

    response = search(signed_in(hub_social_worker), concern, name="Kayley Brooks")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{kayleigh.pk}"' in html
    assert "Kayleigh Brookes" in html
    assert "Born 3 May 2011. Why it matched: name is similar" in html
    assert "None of these — create a new record from the concern" in html
    # Adults are not offered as the child, and nothing from the child's record is shown.
    assert str(adult.pk) not in html
    assert "RECORD CONTENT NOT FOR SEARCH RESULTS" not in html
    # The search is audited by the fields used, never their values.
    event = AccessEvent.objects.filter(user=hub_social_worker, action=AccessAction.SEARCH).get()
    assert event.details["fields"] == ["name"]
    assert "Kayley" not in str(event.details)


@pytest.mark.django_db
def test_linking_the_child_puts_the_concern_on_their_chronology_and_links_the_adult_and_car(
    concern: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    client = signed_in(hub_social_worker)
    search(client, concern, name="Kayley Brooks")

    response = client.post(
        url("link_child", concern),
        {"find-name": "Kayley Brooks", "link-person": str(kayleigh.pk), "link-version": "1"},
    )

    assert response.status_code == 302
    assert response["Location"] == page_url(concern)
    concern.refresh_from_db()
    assert concern.child == kayleigh
    assert concern.status == ConcernStatus.IN_TRIAGE
    entry = ChronologyEntry.objects.get(person=kayleigh, kind=ChronologyKind.CONCERN)
    assert entry.source_id == concern.pk
    assert concern.reference in entry.summary
    linked = Link.objects.filter(
        from_node=kayleigh.node, source_type="concern", source_id=concern.pk
    )
    dean = Person.objects.get(given_name="Dean", family_name="Marsh")
    car = Object.objects.get(registration="AB12CDE")
    assert {link.to_node_id for link in linked} == {dean.node_id, car.node_id}
    assert AccessEvent.objects.filter(
        user=hub_social_worker,
        action=AccessAction.UPDATE,
        object_type="concern",
        object_id=str(concern.pk),
        details={"status": "child linked"},
    ).exists()

    page = client.get(page_url(concern)).content.decode()
    assert f"Concern {concern.reference} linked to Kayleigh Brookes&#x27;s record" in page
    assert 'id="linked-child"' in page
    assert "Kayleigh Brookes" in page
    assert 'name="find-name"' not in page  # step 1 is done: no search any more


@pytest.mark.django_db
def test_choosing_nobody_is_an_error_and_the_choices_are_shown_again(
    concern: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    response = signed_in(hub_social_worker).post(
        url("link_child", concern), {"find-name": "Kayley Brooks", "link-version": "1"}
    )

    html = refused(response, "Select the child this concern is about, or create a new record")
    assert f'value="{kayleigh.pk}"' in html
    concern.refresh_from_db()
    assert concern.child is None


@pytest.mark.django_db
def test_an_adult_cannot_be_linked_as_the_child(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    adult = create_adult(actor=None, given_name="Kay", family_name="Brook")
    response = signed_in(hub_social_worker).post(
        url("link_child", concern),
        {"find-name": "Kayley Brooks", "link-person": str(adult.pk), "link-version": "1"},
    )
    refused(response, "Choose a child or young person, not an adult", on="id_link-person")
    concern.refresh_from_db()
    assert concern.child is None
    assert not ChronologyEntry.objects.filter(kind=ChronologyKind.CONCERN).exists()


@pytest.mark.django_db
def test_linking_after_a_colleague_did_is_a_conflict_and_changes_nothing(
    concern: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    make_persona: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    colleague = make_persona(
        Role.HUB_MANAGER, team=hub_social_worker.team, agency=hub_social_worker.agency
    )
    other = create_child(actor=None, given_name="Kayla", family_name="Brooks")
    concern_link_child(actor=colleague, concern=concern, person=other, expected_version=1)

    response = signed_in(hub_social_worker).post(
        url("link_child", concern),
        {"find-name": "Kayley Brooks", "link-person": str(kayleigh.pk), "link-version": "1"},
    )

    refused(response, CONFLICT_MESSAGE, status=409)
    concern.refresh_from_db()
    assert concern.child == other
    assert not ChronologyEntry.objects.filter(person=kayleigh, kind=ChronologyKind.CONCERN).exists()


@pytest.mark.django_db
def test_none_of_these_offers_a_new_record_prefilled_from_the_concern(
    concern: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    response = signed_in(hub_social_worker).post(
        url("link_child", concern),
        {"find-name": "Kayley Brooks", "link-person": "new", "link-version": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Create a new record from the concern" in html
    assert reverse("intake:concern_create_child", args=[concern.pk]) in html
    assert 'name="create-given_name" type="text" value="Kayley"' in html or (
        'name="create-given_name"' in html and 'value="Kayley"' in html
    )
    assert 'value="Brooks"' in html
    concern.refresh_from_db()
    assert concern.child is None  # nothing is created until the form is sent


@pytest.mark.django_db
def test_a_search_that_finds_nobody_goes_straight_to_creating_a_record(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    response = search(signed_in(hub_social_worker), concern, name="Zebedee Quartermaine")
    html = response.content.decode()
    assert "No child's record matches that search." in html
    assert "Create a new record from the concern" in html


@pytest.mark.django_db
def test_a_search_needs_something_to_search_for(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    response = search(signed_in(hub_social_worker), concern, name="", nhs_number="")
    refused(
        response,
        "Enter a name, date of birth, NHS number or postcode to search",
        on="id_find-name",
    )
    assert not AccessEvent.objects.filter(action=AccessAction.SEARCH).exists()


@pytest.mark.django_db
def test_a_bad_nhs_number_in_the_search_is_a_field_error(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    response = search(signed_in(hub_social_worker), concern, nhs_number="123")
    html = refused(response, "NHS number", on="id_find-nhs_number")
    assert 'value="123"' in html  # what was typed is kept


@pytest.mark.django_db
def test_creating_a_new_child_links_the_concern_to_them(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    response = signed_in(hub_social_worker).post(
        url("create_child", concern),
        {
            "create-given_name": "Kayley",
            "create-family_name": "Brooks",
            "create-known_as": "Kay",
            "create-date_of_birth_day": "3",
            "create-date_of_birth_month": "5",
            "create-date_of_birth_year": "2011",
            "create-dob_precision": "estimated",
            "create-nhs_number": "943 476 5919",
            "create-sex": "female",
            "create-version": "1",
        },
    )

    assert response.status_code == 302
    concern.refresh_from_db()
    child = concern.child
    assert child is not None
    assert (child.category, child.full_name, child.date_of_birth) == (
        PersonCategory.CHILD,
        "Kayley Brooks",
        date(2011, 5, 3),
    )
    assert (child.nhs_number, child.sex, child.dob_precision) == (
        "9434765919",
        "female",
        "estimated",
    )
    assert [alias.name for alias in child.aliases.all()] == ["Kay"]
    assert ChronologyEntry.objects.filter(person=child, kind=ChronologyKind.CONCERN).exists()
    assert AccessEvent.objects.filter(action=AccessAction.CREATE, object_type="person").exists()


@pytest.mark.django_db
def test_a_new_child_needs_a_name(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    before = Person.objects.count()
    response = signed_in(hub_social_worker).post(
        url("create_child", concern),
        {"create-dob_precision": "exact", "create-sex": "not-known", "create-version": "1"},
    )
    refused(response, "Enter the child's given name or family name", on="id_create-given_name")
    assert Person.objects.count() == before


@pytest.mark.django_db
def test_a_new_child_with_a_known_nhs_number_is_refused_and_nothing_is_created(
    concern: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    Person.objects.filter(pk=kayleigh.pk).update(nhs_number="9434765919")
    before = Person.objects.count()
    response = signed_in(hub_social_worker).post(
        url("create_child", concern),
        {
            "create-given_name": "Kayley",
            "create-family_name": "Brooks",
            "create-nhs_number": "9434765919",
            "create-dob_precision": "exact",
            "create-sex": "not-known",
            "create-version": "1",
        },
    )
    refused(
        response,
        "Someone with this NHS number is already recorded: search for them instead",
        on="id_create-nhs_number",
    )
    assert Person.objects.count() == before
    concern.refresh_from_db()
    assert concern.child is None


@pytest.mark.django_db
def test_creating_from_a_stale_page_is_a_conflict_and_creates_nobody(
    concern: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    concern_link_child(actor=hub_social_worker, concern=concern, person=kayleigh)
    before = Person.objects.count()
    response = signed_in(hub_social_worker).post(
        url("create_child", concern),
        {
            "create-given_name": "Kayley",
            "create-dob_precision": "exact",
            "create-sex": "not-known",
            "create-version": "1",
        },
    )
    refused(response, CONFLICT_MESSAGE, status=409)
    assert Person.objects.count() == before


# --- What happens next ---------------------------------------------------------------------
def linked_and_shared(concern: Concern, child: Person, actor: User) -> Concern:
    concern = concern_link_child(actor=actor, concern=concern, person=child)
    sharing_decision_record(actor=actor, decision=NOT_SHARING, concern=concern)
    return concern


@pytest.fixture
def ready(concern: Concern, kayleigh: Person, hub_social_worker: User) -> Concern:
    """The concern at its last step: linked to Kayleigh and its sharing decided (version 2)."""
    return linked_and_shared(concern, kayleigh, hub_social_worker)


def decide(
    client: Client, concern: Concern, next_step: str, *, reason: str | None = None, version: str
) -> Any:
    """Send the next-step form as the triage page does."""
    data = {"next-next_step": next_step, "next-version": version}
    if reason is not None:
        data["next-reason"] = reason
    return client.post(url("next_step", concern), data)


@pytest.mark.django_db
def test_screening_finishes_triage_and_goes_on_the_chronology(
    ready: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    client = signed_in(hub_social_worker)

    response = decide(client, ready, "screen", version="2")

    assert response.status_code == 302
    ready.refresh_from_db()
    assert (ready.status, ready.triaged_by) == (ConcernStatus.FOR_SCREENING, hub_social_worker)
    assert ChronologyEntry.objects.filter(person=kayleigh, kind=ChronologyKind.TRIAGE).exists()
    page = client.get(page_url(ready)).content.decode()
    assert "Triage finished: screen the risk of exploitation" in page
    assert 'id="triage-outcome"' in page
    assert 'name="next-next_step"' not in page


@pytest.mark.parametrize(
    ("next_step", "message"),
    [
        ("no-further-action", "Explain why there is no further action"),
        ("signpost", "Say which service the child or family are signposted to, and why"),
    ],
)
@pytest.mark.django_db
def test_closing_or_signposting_needs_a_reason(
    next_step: str,
    message: str,
    ready: Concern,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    response = decide(signed_in(hub_social_worker), ready, next_step, reason="  ", version="2")
    refused(response, message, on="id_next-reason")
    ready.refresh_from_db()
    assert (ready.triaged_at, ready.next_step) == (None, "")


@pytest.mark.django_db
def test_no_further_action_with_a_reason_closes_the_concern(
    ready: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    reason = "Already open to the exploitation team, who have this."
    response = decide(
        signed_in(hub_social_worker), ready, "no-further-action", reason=reason, version="2"
    )
    assert response.status_code == 302
    ready.refresh_from_db()
    assert ready.status == ConcernStatus.NO_FURTHER_ACTION
    assert ready.next_step_reason == "Already open to the exploitation team, who have this."


@pytest.mark.django_db
def test_next_step_before_any_sharing_decision_is_refused(
    concern: Concern,
    kayleigh: Person,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    concern = concern_link_child(actor=hub_social_worker, concern=concern, person=kayleigh)
    response = decide(signed_in(hub_social_worker), concern, "screen", version="2")
    refused(
        response,
        "Record what will and will not be shared before finishing triage",
        on="id_next-next_step",
    )
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.IN_TRIAGE
    assert concern.triaged_at is None


@pytest.mark.django_db
def test_next_step_before_the_child_is_known_is_refused(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(hub_social_worker)
    response = decide(client, concern, "signpost", reason="Early help", version="1")
    refused(
        response,
        "Link the concern to a child before deciding what happens next",
        on="id_next-next_step",
    )
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.SUBMITTED


@pytest.mark.django_db
def test_next_step_from_a_stale_page_is_a_conflict_and_changes_nothing(
    ready: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    # The page was drawn before the child was linked (version 1); linking made it version 2.
    client = signed_in(hub_social_worker)
    response = decide(client, ready, "no-further-action", reason="Not needed", version="1")
    html = refused(response, CONFLICT_MESSAGE, status=409)
    assert "Nothing you entered has been saved" in html
    assert "Not needed" in html  # what was typed is kept
    assert 'name="next-version" value="2"' in html  # the page now shows the current record
    ready.refresh_from_db()
    assert (ready.status, ready.triaged_at, ready.version) == (ConcernStatus.IN_TRIAGE, None, 2)


@pytest.mark.django_db
def test_a_tampered_version_is_an_error_not_a_crash(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    response = decide(signed_in(hub_social_worker), concern, "screen", version="abc")
    refused(response, "This page is out of date: reload it and try again")


@pytest.mark.django_db
def test_pages_answer_only_their_methods(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(hub_social_worker)
    assert client.post(page_url(concern)).status_code == 405
    assert client.get(url("find_child", concern)).status_code == 405
    assert client.get(url("next_step", concern)).status_code == 405
