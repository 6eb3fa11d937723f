"""What the apps above people add to the person page and to who may open a record.

People may not import them, so they register (``people.record_sections``,
``people.access.register_record_access_rule``); cases registers the page's summary and a hub
manager's reason to open a child waiting for allocation. The page and access behave as they
did when people asked cases directly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from cehub.accounts.models import User
from cehub.cases.record_sections import awaits_allocation_by, person_summary_section
from cehub.cases.screening.services import screening_submit
from cehub.core.roles import Role
from cehub.people import access, record_sections
from cehub.people.access import can_open_record
from cehub.people.models import Person
from cehub.people.record_sections import RecordSection, register_record_section
from tests.factories import create_adult, create_child
from tests.html import text as page_text

pytestmark = pytest.mark.django_db

# The project's templates, and the test's own section template beside this file.
TEMPLATES_WITH_OURS = [
    {**engine, "DIRS": [*engine["DIRS"], Path(__file__).parent / "templates"]}
    for engine in settings.TEMPLATES
]


def _url(person: Person) -> str:
    return reverse("people:person_detail", kwargs={"person_id": person.pk})


def test_cases_registers_the_summary_and_its_reason_to_open() -> None:
    assert person_summary_section in record_sections._providers
    assert awaits_allocation_by in access._record_access_rules


def test_sections_are_drawn_in_the_order_registered_and_none_draws_nothing(
    monkeypatch: pytest.MonkeyPatch,
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
) -> None:
    monkeypatch.setattr(record_sections, "_providers", [])
    seen: list[tuple[User, Person]] = []

    def nothing(viewer: User, person: Person) -> None:
        seen.append((viewer, person))

    def second(viewer: User, person: Person) -> RecordSection:
        return RecordSection("tests/record_section.html", {"words": "Second section"})

    def first(viewer: User, person: Person) -> RecordSection:
        return RecordSection("tests/record_section.html", {"words": "First section"})

    for provider in (first, nothing, second, first):  # a second registration is ignored
        register_record_section(provider)
    child = create_child(actor=hub_social_worker, date_of_birth=None)
    with override_settings(TEMPLATES=TEMPLATES_WITH_OURS):
        text = page_text(signed_in(hub_social_worker).get(_url(child)))
    assert text.count("First section about Kayleigh Brookes") == 1
    assert text.index("First section") < text.index("Second section") < text.index("Who they are")
    assert "Not yet screened" not in text  # cases' summary was not registered here
    assert seen == [(hub_social_worker, child)]


def test_a_child_gets_cases_summary_and_an_adult_the_disruption_links(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    client = signed_in(hub_social_worker)
    child_page = page_text(
        client.get(_url(create_child(actor=hub_social_worker, date_of_birth=None)))
    )
    assert "Summary Risk level Not yet screened" in child_page
    assert "Actions against this adult" not in child_page
    adult = create_adult(actor=hub_social_worker)
    adult_page = client.get(_url(adult))
    assert "Summary Disruption Actions against this adult" in page_text(adult_page)
    assert "Risk level" not in page_text(adult_page)
    assert reverse("cases:disruption_list", args=[adult.node_id]) in adult_page.content.decode()


def test_a_registered_rule_opens_a_childs_record_for_hub_members_only(
    monkeypatch: pytest.MonkeyPatch,
    make_persona: Callable[..., User],
    hub_social_worker: User,
    teacher: User,
) -> None:
    monkeypatch.setattr(access, "_record_access_rules", [])
    child = create_child(actor=hub_social_worker, date_of_birth=None)
    colleague = make_persona(Role.HUB_PRACTITIONER)
    assert not can_open_record(colleague, child)
    access.register_record_access_rule(lambda user, person: True)
    assert can_open_record(colleague, child)
    assert not can_open_record(teacher, child)  # a rule widens hub access, never beyond it


def test_a_hub_manager_opens_a_child_whose_case_waits_for_allocation(
    make_persona: Callable[..., User], client: Client, hub_social_worker: User
) -> None:
    child = create_child(actor=hub_social_worker, date_of_birth=None)
    manager = make_persona(Role.HUB_MANAGER)  # another team: no relationship with the child
    practitioner = make_persona(Role.HUB_PRACTITIONER)
    client.force_login(manager)
    assert client.get(_url(child)).templates[0].name == "people/person_locked.html"

    screening_submit(
        actor=hub_social_worker, person=child, answers=[], disclosure=True, final_level="high"
    )  # a high level opens a case waiting for allocation
    response = client.get(_url(child))
    assert response.templates[0].name == "people/person_detail.html"
    assert "Waiting to be allocated" in page_text(response)
    client.force_login(practitioner)
    assert client.get(_url(child)).templates[0].name == "people/person_locked.html"
