"""A referrer sees the status of what they sent — and never the hub's record of it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.intake.models import Concern, ConsentStatus, NextStep, PartnerIntelligence
from cehub.intake.triage.services import (
    concern_decide_next_step,
    concern_link_child,
    intelligence_grade,
    sharing_decision_record,
)
from tests.factories import NOT_SHARING, create_child, submit_concern, submit_intelligence

pytestmark = pytest.mark.django_db

URL = reverse("intake:my_submissions")


def _concern(actor: User, given_name: str = "Kai") -> Concern:
    return submit_concern(
        referrer=actor,
        child_given_name=given_name,
        child_family_name="Morgan",
        what_happened="Collected from school by an unknown adult in a silver car.",
    )


def _intelligence(actor: User) -> PartnerIntelligence:
    return submit_intelligence(
        submitter=actor,
        information="Children given free food late at night at a takeaway.",
        source_description="Seen myself",
    )


def test_the_referrer_sees_their_own_submissions_and_their_status_only(
    signed_in: Callable[[User], Client],
    teacher: User,
    hub_social_worker: User,
    make_persona: Callable[..., User],
) -> None:
    concern = _concern(teacher)
    item = _intelligence(teacher)
    someone_elses = _concern(make_persona(Role.REFERRER), given_name="Leo")

    # The hub works on the concern: links it to a child's record, decides, closes it.
    child = create_child(
        actor=hub_social_worker, given_name="Kaiden", family_name="Morgan-Whitfield"
    )
    concern = concern_link_child(actor=hub_social_worker, concern=concern, person=child)
    sharing_decision_record(
        actor=hub_social_worker,
        concern=concern,
        decision=dataclasses.replace(
            NOT_SHARING,
            purpose="Safeguarding the child",
            consent_status=ConsentStatus.NOT_NEEDED,
            rationale="Known to early help already; nothing new to share",
        ),
    )
    concern_decide_next_step(
        actor=hub_social_worker,
        concern=concern,
        next_step=NextStep.NO_FURTHER_ACTION,
        reason="Triage note: early help worker already visiting weekly",
    )
    intelligence_grade(
        actor=make_persona(Role.INTELLIGENCE_OFFICER),
        item=item,
        source_evaluation="B",
        intelligence_assessment="2",
        handling_code="C",
        handling_conditions="Do not disclose the source",
        rationale="Matches two other reports",
        expected_version=item.version,
    )

    response = signed_in(teacher).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    # Their own items, by reference, with their status in words.
    assert concern.reference in html
    assert item.reference in html
    assert "Concern about a child" in html
    assert "Partner information" in html
    assert "Closed: no further action by the hub" in html
    assert "Graded and added to the intelligence picture" in html
    assert "<caption" in html
    # Never someone else's, and never the hub's record.
    assert someone_elses.reference not in html
    for hub_only in (
        "Kaiden",  # the child's record the concern was linked to
        "Morgan-Whitfield",
        "Triage note",
        "early help worker already visiting weekly",
        "Known to early help already",
        "Do not disclose the source",
        "Matches two other reports",
        "B2C",
        "Collected from school by an unknown adult",  # what they wrote stays with the hub
    ):
        assert hub_only not in html, hub_only
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="own-submissions", user=teacher
    ).exists()


def test_newest_first_with_each_status_explained(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    first = _concern(teacher)
    second = _intelligence(teacher)
    html = signed_in(teacher).get(URL).content.decode()
    assert html.index(second.reference) < html.index(first.reference)
    assert html.count("Received by the hub") >= 3  # two rows and the explanation
    assert "What the statuses mean" in html
    assert "will decide within 24 hours" in html
    assert "Being looked at by the hub" in html
    assert "Passed to another service" in html


def test_nothing_sent_yet(signed_in: Callable[[User], Client], teacher: User) -> None:
    response = signed_in(teacher).get(URL)
    html = response.content.decode()
    assert "You have not sent anything to the hub yet." in html
    assert "<table" not in html
    assert reverse("intake:concern_start") in html
    assert reverse("intake:intelligence_start") in html


@pytest.mark.parametrize("role", list(Role))
def test_every_role_has_its_own_list(
    role: Role, make_persona: Callable[..., User], client: Client, teacher: User
) -> None:
    _concern(teacher)
    client.force_login(make_persona(role))
    response = client.get(URL)
    assert response.status_code == 200
    assert "You have not sent anything to the hub yet." in response.content.decode()


def test_the_list_answers_get_only(signed_in: Callable[[User], Client], teacher: User) -> None:
    assert signed_in(teacher).post(URL).status_code == 405
