"""Partner intelligence: the item page, and 3x5x2 grading by an intelligence officer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.contexts.models import Link
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.intake.models import IntelligenceGrading, IntelligenceStatus, PartnerIntelligence
from cehub.intake.submit.services import Involved, ReportedPerson, ReportedPlace
from cehub.intake.triage.services import intelligence_grade
from tests.factories import submit_intelligence
from tests.intake.pages import refused, shown

CONDITIONS = "Police and children's social care only; do not disclose the source"


@pytest.fixture
def item(teacher: User) -> PartnerIntelligence:
    return submit_intelligence(
        submitter=teacher,
        information=(
            "Adults meet children in the back room of the vape shop on Mill Lane after "
            "school; a man called Lee gives them free vapes."
        ),
        source_description="A member of the public told our receptionist",
        subject_kinds=["place", "person"],
        involved=Involved(
            people=[ReportedPerson(known_as="Lee", description="Man in his 30s")],
            places=[ReportedPlace(name="Mill Lane Vapes", postcode="NV1 2AB", kind="shop")],
        ),
    )


def page(item: PartnerIntelligence) -> str:
    return reverse("intake:intelligence_triage", args=[item.pk])


def grade_url(item: PartnerIntelligence) -> str:
    return reverse("intake:intelligence_grade", args=[item.pk])


def grading(**overrides: str) -> dict[str, str]:
    data = {
        "source_evaluation": "B",
        "intelligence_assessment": "3",
        "handling_code": "C",
        "handling_conditions": CONDITIONS,
        "rationale": "Untested source; second-hand account.",
        "version": "1",
    }
    data.update(overrides)
    return {f"grade-{key}": value for key, value in data.items()}


@pytest.mark.django_db
def test_the_item_page_shows_what_the_partner_told_us(
    item: PartnerIntelligence, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    html = shown(signed_in(hub_social_worker), page(item))
    assert f"Partner information {item.reference}" in html
    assert "Adults meet children in the back room of the vape shop" in html
    assert "A member of the public told our receptionist" in html
    assert "A place" in html
    assert "Mill Lane Vapes" in html
    assert "Lee" in html
    assert "Not graded yet" in html
    assert 'data-deadline-state="due"' in html
    event = AccessEvent.objects.get(user=hub_social_worker, object_type="intelligence")
    assert (event.action, event.object_id) == (AccessAction.VIEW, str(item.pk))


@pytest.mark.django_db
def test_only_the_intelligence_officer_is_offered_the_grading_form(
    item: PartnerIntelligence,
    intelligence_officer: User,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    officer_page = signed_in(intelligence_officer).get(page(item)).content.decode()
    assert grade_url(item) in officer_page
    assert 'name="grade-source_evaluation"' in officer_page
    practitioner_page = signed_in(hub_social_worker).get(page(item)).content.decode()
    assert grade_url(item) not in practitioner_page
    assert 'name="grade-source_evaluation"' not in practitioner_page


@pytest.mark.parametrize("role", [Role.HUB_PRACTITIONER, Role.HUB_MANAGER])
@pytest.mark.django_db
def test_other_hub_roles_cannot_grade(
    role: Role,
    item: PartnerIntelligence,
    make_persona: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    response = signed_in(make_persona(role)).post(grade_url(item), grading())
    assert response.status_code == 404
    item.refresh_from_db()
    assert (item.grading, item.status) == ("", IntelligenceStatus.SUBMITTED)
    assert not IntelligenceGrading.objects.exists()


@pytest.mark.django_db
def test_grading_is_shown_in_full_with_handling_conditions_wherever_the_item_is_shown(
    item: PartnerIntelligence,
    intelligence_officer: User,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    response = signed_in(intelligence_officer).post(grade_url(item), grading())

    assert response.status_code == 302
    assert response["Location"] == page(item)
    item.refresh_from_db()
    assert (item.grading, item.status) == ("B3C", IntelligenceStatus.GRADED)
    assert item.handling_conditions == CONDITIONS
    event = AccessEvent.objects.get(user=intelligence_officer, action=AccessAction.UPDATE)
    assert (event.object_type, event.details) == ("intelligence", {"status": "graded B3C"})
    # Links drawn from this item carry its grading and conditions.
    links = Link.objects.filter(source_type="intelligence", source_id=item.pk)
    assert links.exists()
    assert {(link.grading, link.handling_conditions) for link in links} == {("B3C", CONDITIONS)}

    html = signed_in(hub_social_worker).get(page(item)).content.decode()
    assert "<strong>B3C</strong>" in html
    assert "B – Untested" in html
    assert "3 – Known indirectly" in html
    assert "C – Lawful sharing permitted with conditions" in html
    assert 'class="govuk-warning-text" id="handling-conditions"' in html
    assert f"Handling conditions: {CONDITIONS}".replace("'", "&#x27;") in html


@pytest.mark.django_db
def test_handling_code_c_needs_its_conditions(
    item: PartnerIntelligence, intelligence_officer: User, signed_in: Callable[[User], Client]
) -> None:
    response = signed_in(intelligence_officer).post(
        grade_url(item), grading(handling_conditions=" ")
    )
    refused(response, "Enter the handling conditions", on="id_grade-handling_conditions")
    item.refresh_from_db()
    assert item.grading == ""
    assert not IntelligenceGrading.objects.exists()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("source_evaluation", "Select the source evaluation"),
        ("intelligence_assessment", "Select the intelligence assessment"),
        ("handling_code", "Select the handling code"),
    ],
)
@pytest.mark.django_db
def test_each_part_of_the_grading_is_needed(
    field: str,
    message: str,
    item: PartnerIntelligence,
    intelligence_officer: User,
    signed_in: Callable[[User], Client],
) -> None:
    response = signed_in(intelligence_officer).post(grade_url(item), grading(**{field: ""}))
    refused(response, message, on=f"id_grade-{field}")
    assert not IntelligenceGrading.objects.exists()


@pytest.mark.django_db
def test_regrading_keeps_the_history_and_shows_the_newest(
    item: PartnerIntelligence, intelligence_officer: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(intelligence_officer)
    client.post(grade_url(item), grading())
    response = client.post(
        grade_url(item),
        grading(
            source_evaluation="A",
            intelligence_assessment="2",
            handling_code="P",
            handling_conditions="",
            rationale="Police patrols corroborated it.",
            version="2",
        ),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.grading, item.handling_conditions, item.version) == ("A2P", "", 3)
    assert [str(g) for g in IntelligenceGrading.objects.filter(intelligence=item)] == [
        "A2P",
        "B3C",
    ]
    html = client.get(page(item)).content.decode()
    assert "Graded A2P" in html
    assert "<strong>A2P</strong>" in html
    assert 'id="handling-conditions"' not in html  # P now: no conditions on the item
    history = html[html.index('id="grading-history"') :]
    assert history.index("A2P") < history.index("B3C")
    assert "Police patrols corroborated it." in history
    assert "Untested source; second-hand account." in history
    assert "Grace Adeyemi" in history


@pytest.mark.django_db
def test_grading_from_a_stale_page_is_a_conflict_and_changes_nothing(
    item: PartnerIntelligence,
    intelligence_officer: User,
    make_persona: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    colleague = make_persona(Role.INTELLIGENCE_OFFICER)
    intelligence_grade(
        actor=colleague,
        item=item,
        source_evaluation="A",
        intelligence_assessment="1",
        handling_code="P",
        expected_version=1,
    )

    response = signed_in(intelligence_officer).post(grade_url(item), grading(version="1"))

    html = refused(
        response, "Someone else graded this item while you were looking at it", status=409
    )
    assert "<strong>A1P</strong>" in html  # the page shows their grading
    assert 'name="grade-version" value="2"' in html
    item.refresh_from_db()
    assert (item.grading, item.version) == ("A1P", 2)
    assert IntelligenceGrading.objects.filter(intelligence=item).count() == 1
