"""The actions tracker: my actions, my team's, overdue across the hub, completing with an
outcome."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cehub.accounts.models import User
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.meetings.actions import services as action_services
from cehub.meetings.minutes import services
from cehub.meetings.models import Action, ActionStatus, AgendaItem
from tests.html import text as page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(chair: User, officer: User, teacher: User) -> AgendaItem:
    meeting = services.meeting_create(actor=chair, meeting_date=timezone.localdate(), chair=chair)
    item = services.agenda_item_add(
        actor=chair, meeting=meeting, summary="Kayleigh Brookes: seen in a car"
    )
    services.meeting_start(actor=chair, meeting=meeting, attendees=[chair, officer, teacher])
    services.discussion_record(
        actor=chair, item=item, discussion="Seen twice near school", decisions="Vehicle check"
    )
    return item


def _action(chair: User, item: AgendaItem, owner: User, description: str, days: int) -> Action:
    action = services.action_create(
        actor=chair,
        item=item,
        description=description,
        owner=owner,
        due_date=timezone.localdate() + timedelta(days=max(days, 0)),
    )
    if days < 0:
        # Time passes: an action agreed earlier is now past its due date.
        Action.objects.filter(pk=action.pk).update(
            due_date=timezone.localdate() + timedelta(days=days)
        )
        action.refresh_from_db()
    return action


def _complete(action: Action) -> str:
    return reverse("meetings:action_complete", kwargs={"action_id": action.pk})


def test_the_officer_sees_the_action_under_my_actions(
    signed_in: Callable[[User], Client], chair: User, officer: User, item: AgendaItem
) -> None:
    _action(chair, item, officer, "Check the vehicle and its keeper", 7)
    _action(chair, item, chair, "Call the school", 1)
    response = signed_in(officer).get(reverse("meetings:my_actions"))
    assert response.status_code == 200
    text = page_text(response)
    assert "Check the vehicle and its keeper" in text
    assert "Due in 7 days" in text
    assert "Kayleigh Brookes: seen in a car" in text  # a hub role may read the minutes
    assert "Call the school" not in text
    assert AccessEvent.objects.filter(
        user=officer, action=AccessAction.VIEW, object_type="my-actions"
    ).exists()


def test_overdue_is_said_in_words_and_listed_across_the_hub(
    signed_in: Callable[[User], Client], chair: User, officer: User, item: AgendaItem
) -> None:
    _action(chair, item, officer, "Check the vehicle and its keeper", -2)
    _action(chair, item, officer, "Visit the takeaway", -1)
    _action(chair, item, officer, "Speak to the school", 0)
    client = signed_in(officer)
    text = page_text(client.get(reverse("meetings:my_actions")))
    assert "Overdue by 2 days" in text
    assert "Overdue by 1 day" in text
    assert "Due today" in text

    text = page_text(client.get(reverse("meetings:overdue_actions")))
    assert "Check the vehicle and its keeper" in text
    assert "Visit the takeaway" in text
    assert "Speak to the school" not in text
    assert "Grace Adeyemi" in text and "Northvale Police" in text

    text = page_text(client.get(reverse("meetings:team_actions")))
    assert "Speak to the school" in text
    # The chair's team is another team: its actions are not the officer's team's.
    assert "Overdue by 2 days" in page_text(
        signed_in(chair).get(reverse("meetings:overdue_actions"))
    )
    assert "Speak to the school" not in page_text(
        signed_in(chair).get(reverse("meetings:team_actions"))
    )


def test_completing_needs_an_outcome(
    signed_in: Callable[[User], Client], chair: User, officer: User, item: AgendaItem
) -> None:
    action = _action(chair, item, officer, "Check the vehicle and its keeper", 3)
    client = signed_in(officer)
    response = client.post(_complete(action), {"page": "mine", f"a-{action.pk}-outcome": " "})
    assert response.status_code == 200
    text = page_text(response)
    assert "There is a problem" in text
    assert "Record the outcome of the action" in text
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN

    response = client.post(
        _complete(action),
        {"page": "mine", f"a-{action.pk}-outcome": "Keeper traced; car stopped on Friday"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:my_actions")
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETED
    assert action.outcome == "Keeper traced; car stopped on Friday"
    text = page_text(client.get(reverse("meetings:my_actions")))
    assert "Completed actions" in text
    assert "Keeper traced; car stopped on Friday" in text
    assert "You have no open actions" in text


def test_completing_from_the_overdue_list_returns_there(
    signed_in: Callable[[User], Client], chair: User, officer: User, item: AgendaItem
) -> None:
    action = _action(chair, item, officer, "Check the vehicle", -3)
    response = signed_in(chair).post(
        _complete(action), {"page": "overdue", f"a-{action.pk}-outcome": "Done by the duty team"}
    )
    assert response["Location"] == reverse("meetings:overdue_actions")
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETED


def test_a_referrer_sees_only_their_own_actions_and_no_minutes(
    signed_in: Callable[[User], Client],
    chair: User,
    officer: User,
    teacher: User,
    item: AgendaItem,
) -> None:
    mine = _action(chair, item, teacher, "Share attendance records with the hub", 5)
    other = _action(chair, item, officer, "Check the vehicle", 5)
    client = signed_in(teacher)
    text = page_text(client.get(reverse("meetings:my_actions")))
    assert "Share attendance records with the hub" in text
    assert "Check the vehicle" not in text
    # The agenda item names a child: the minutes are for hub roles only.
    assert "Kayleigh" not in text
    for url in (reverse("meetings:team_actions"), reverse("meetings:overdue_actions")):
        assert client.get(url).status_code == 404

    response = client.post(_complete(other), {f"a-{other.pk}-outcome": "Not mine"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == ActionStatus.OPEN

    # A tampered page name cannot open a hub list for them.
    response = client.post(_complete(mine), {"page": "overdue", f"a-{mine.pk}-outcome": "Sent"})
    assert response["Location"] == reverse("meetings:my_actions")
    mine.refresh_from_db()
    assert mine.status == ActionStatus.COMPLETED


def test_another_hub_member_cannot_complete_someone_elses_action(
    signed_in: Callable[[User], Client],
    chair: User,
    officer: User,
    make_persona: Callable[..., User],
    item: AgendaItem,
) -> None:
    colleague = make_persona(Role.INTELLIGENCE_OFFICER, full_name="Jo Park")
    action = _action(chair, item, officer, "Check the vehicle", -2)
    client = signed_in(colleague)
    overdue = page_text(client.get(reverse("meetings:overdue_actions")))
    assert "Check the vehicle" in overdue
    assert "Complete the action" not in overdue  # it is the officer's to complete
    response = client.post(_complete(action), {f"a-{action.pk}-outcome": "Done"})
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_an_action_already_completed_is_not_completed_twice(
    signed_in: Callable[[User], Client], chair: User, officer: User, item: AgendaItem
) -> None:
    action = _action(chair, item, officer, "Check the vehicle", 2)
    action_services.action_complete(actor=officer, action=action, outcome="Checked")
    response = signed_in(officer).post(
        _complete(action), {f"a-{action.pk}-outcome": "Checked again"}
    )
    assert "This action is already complete" in page_text(response)
    action.refresh_from_db()
    assert action.outcome == "Checked"


def test_overdue_actions_return_to_the_next_agenda(
    chair: User, officer: User, item: AgendaItem
) -> None:
    _action(chair, item, officer, "Check the vehicle and its keeper", -1)
    later = services.meeting_create(
        actor=chair, meeting_date=timezone.localdate() + timedelta(days=1), chair=chair
    )
    summaries = [i.summary for i in later.items.all()]
    assert any("Check the vehicle and its keeper" in s for s in summaries)
