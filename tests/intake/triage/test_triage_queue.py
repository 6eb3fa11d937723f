"""The triage queue: oldest first, each item with its 24-hour sharing deadline in words."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.intake.models import Concern, PartnerIntelligence
from cehub.intake.triage.services import intelligence_grade, sharing_decision_record
from tests.factories import (
    NOT_SHARING,
    create_child,
    submit_concern,
    submit_intelligence,
    triage_concern,
)
from tests.intake.pages import shown

QUEUE = reverse("intake:triage_queue")
# January, so Europe/London (what the page shows) is UTC (what the clock below sets).
DAY_1 = datetime(2026, 1, 13, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return DAY_1.replace(day=DAY_1.day + day - 1, hour=hour, minute=minute)


def concern_from(referrer: User, *, danger: bool = False, name: str = "Kayley") -> Concern:
    return submit_concern(
        referrer=referrer,
        child_given_name=name,
        immediate_danger=danger,
        immediate_action_taken="Called 999; police attended" if danger else "",
    )


def intelligence_from(referrer: User) -> PartnerIntelligence:
    return submit_intelligence(
        submitter=referrer,
        information="The vape shop on Mill Lane sells to children and lets adults meet "
        "them in the back room after school.",
        source_description="Seen myself on two afternoons",
        subject_kinds=["place", "business"],
    )


def rows(html: str) -> dict[str, str]:
    """Each queue row's HTML by its reference, in page order."""
    found = re.findall(
        r'<tr class="govuk-table__row" data-reference="([^"]+)">(.*?)</tr>', html, re.S
    )
    return dict(found)


def tag_in(row_html: str) -> tuple[str, str]:
    """The deadline tag's state and its words."""
    match = re.search(
        r'<strong class="govuk-tag ([^"]+)" data-deadline-state="([^"]+)">(.*?)</strong>',
        row_html,
        re.S,
    )
    assert match is not None, row_html
    return match.group(2), " ".join(match.group(3).split())


@pytest.mark.django_db
def test_queue_is_oldest_first_with_each_deadline_in_words(
    teacher: User, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    with time_machine.travel(at(1, 9), tick=False):
        overdue = concern_from(teacher)
    with time_machine.travel(at(1, 10), tick=False):
        met = concern_from(teacher, name="Jade")
    with time_machine.travel(at(1, 11), tick=False):
        sharing_decision_record(actor=hub_social_worker, decision=NOT_SHARING, concern=met)
    with time_machine.travel(at(1, 13), tick=False):
        due_soon = intelligence_from(teacher)
    with time_machine.travel(at(1, 20), tick=False):
        due = concern_from(teacher, name="Mia", danger=True)

    with time_machine.travel(at(2, 11), tick=False):
        html = shown(signed_in(hub_social_worker), QUEUE)

    table = rows(html)
    assert list(table) == [overdue.reference, met.reference, due_soon.reference, due.reference]
    assert tag_in(table[overdue.reference]) == ("overdue", "Overdue by 2 hours 0 min")
    assert 'govuk-tag govuk-tag--red" data-deadline-state="overdue"' in table[overdue.reference]
    assert tag_in(table[met.reference]) == ("met", "Decision recorded")
    assert tag_in(table[due_soon.reference]) == ("due-soon", "Due in 2 hours 0 min")
    assert tag_in(table[due.reference]) == ("due", "Due in 9 hours 0 min")
    # The due time is given too, in Europe/London time.
    assert "Due 14 Jan 2026 09:00" in table[overdue.reference]
    # Immediate danger is flagged in words, and only where reported.
    assert "Immediate danger reported" in table[due.reference]
    assert "Immediate danger reported" not in table[overdue.reference]
    # Each row links to its own triage page; the types are in words.
    assert reverse("intake:concern_triage", args=[overdue.pk]) in table[overdue.reference]
    assert reverse("intake:intelligence_triage", args=[due_soon.pk]) in table[due_soon.reference]
    assert "Partner information" in table[due_soon.reference]
    assert "<caption" in html
    assert "4 items waiting for triage, oldest first" in html


@pytest.mark.django_db
def test_a_late_decision_is_marked_as_late(
    teacher: User, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    with time_machine.travel(at(1, 9), tick=False):
        concern = concern_from(teacher)
    with time_machine.travel(at(2, 10), tick=False):
        sharing_decision_record(actor=hub_social_worker, decision=NOT_SHARING, concern=concern)
        html = shown(signed_in(hub_social_worker), QUEUE)
    assert tag_in(rows(html)[concern.reference]) == (
        "met",
        "Decision recorded late",
    )


@pytest.mark.django_db
def test_finished_and_graded_items_leave_the_queue(
    teacher: User,
    hub_social_worker: User,
    intelligence_officer: User,
    signed_in: Callable[[User], Client],
) -> None:
    finished = concern_from(teacher)
    waiting = concern_from(teacher, name="Jade")
    graded = intelligence_from(teacher)
    child = create_child(actor=None, given_name="Kayley", family_name="Brooks")
    triage_concern(actor=hub_social_worker, concern=finished, child=child)
    intelligence_grade(
        actor=intelligence_officer,
        item=graded,
        source_evaluation="B",
        intelligence_assessment="3",
        handling_code="P",
        expected_version=1,
    )

    # Graded but with no sharing decision yet: the 24-hour deadline still runs.
    assert list(rows(shown(signed_in(hub_social_worker), QUEUE))) == [
        waiting.reference,
        graded.reference,
    ]

    sharing_decision_record(actor=hub_social_worker, decision=NOT_SHARING, intelligence=graded)
    assert list(rows(shown(signed_in(hub_social_worker), QUEUE))) == [waiting.reference]


@pytest.mark.django_db
def test_an_empty_queue_says_so(
    hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    html = shown(signed_in(hub_social_worker), QUEUE)
    assert "Nothing is waiting for triage" in html
    assert "<table" not in html


@pytest.mark.django_db
def test_viewing_the_queue_is_audited(
    teacher: User, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    concern_from(teacher)
    signed_in(hub_social_worker).get(QUEUE)
    event = AccessEvent.objects.filter(user=hub_social_worker, object_type="triage-queue").get()
    assert event.action == AccessAction.VIEW
    assert event.details == {"count": 1}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role",
    [Role.HUB_PRACTITIONER, Role.HUB_MANAGER, Role.INTELLIGENCE_OFFICER],
)
def test_every_hub_role_sees_the_queue(
    role: Role,
    teacher: User,
    make_persona: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    concern = concern_from(teacher)
    assert concern.reference in shown(signed_in(make_persona(role)), QUEUE)


OUTSIDE_THE_HUB = [
    Role.REFERRER,
    Role.ANALYST,
    Role.PRIVACY_OFFICER,
    Role.PARTNERSHIP_LEAD,
    Role.SYSTEM_ADMINISTRATOR,
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", OUTSIDE_THE_HUB)
def test_everyone_outside_the_hub_gets_404_on_every_triage_page(
    role: Role,
    teacher: User,
    make_persona: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    concern = concern_from(teacher)
    item = intelligence_from(teacher)
    client = signed_in(make_persona(role))
    gets = [
        QUEUE,
        reverse("intake:concern_triage", args=[concern.pk]),
        reverse("intake:intelligence_triage", args=[item.pk]),
    ]
    posts = [
        reverse(f"intake:concern_{name}", args=[concern.pk])
        for name in ("find_child", "link_child", "create_child", "sharing", "next_step")
    ] + [
        reverse("intake:intelligence_sharing", args=[item.pk]),
        reverse("intake:intelligence_grade", args=[item.pk]),
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, {"sharing-rationale": "x"}).status_code == 404, url
    # The referrer who raised them is no exception: they see status on their own page only.
    assert concern.sharing_decisions.count() == 0
    assert not AccessEvent.objects.filter(object_type="concern", action=AccessAction.VIEW).exists()


@pytest.mark.django_db
def test_a_missing_record_is_404_for_the_hub_too(
    hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(hub_social_worker)
    missing = uuid.uuid4()
    assert client.get(reverse("intake:concern_triage", args=[missing])).status_code == 404
    assert client.get(reverse("intake:intelligence_triage", args=[missing])).status_code == 404
    assert client.post(reverse("intake:concern_sharing", args=[missing]), {}).status_code == 404
