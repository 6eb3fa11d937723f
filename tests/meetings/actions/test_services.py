"""The actions tracker's reads and writes: the owner sees and completes an action with its
outcome; nobody else completes it; the meeting's actions export safely as CSV."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.http import Http404

from cehub.accounts.models import User
from cehub.core.errors import ServiceError
from cehub.meetings.actions.selectors import actions_csv, my_actions
from cehub.meetings.actions.services import action_complete
from cehub.meetings.minutes.services import action_create
from cehub.meetings.models import Action, ActionStatus, AgendaItem

pytestmark = pytest.mark.django_db


def _action(chair: User, item: AgendaItem, owner: User, description: str) -> Action:
    return action_create(
        actor=chair,
        item=item,
        description=description,
        owner=owner,
        due_date=date.today() + timedelta(days=2),
    )


def test_the_officer_sees_the_action_and_completes_it_with_an_outcome(
    chair: User, started_item: AgendaItem, officer: User
) -> None:
    action = _action(chair, started_item, officer, "Check the hotel register")
    assert list(my_actions(viewer=officer)) == [action]
    with pytest.raises(ServiceError, match="outcome"):
        action_complete(actor=officer, action=action, outcome="")
    action = action_complete(actor=officer, action=action, outcome="Register checked; two visits")
    assert action.status == ActionStatus.COMPLETED


def test_someone_else_cannot_complete_an_officers_action(
    chair: User, started_item: AgendaItem, officer: User, teacher: User
) -> None:
    action = _action(chair, started_item, officer, "Visit")
    with pytest.raises(Http404):
        action_complete(actor=teacher, action=action, outcome="done")


def test_actions_csv_neutralises_spreadsheet_formulas(
    chair: User, started_item: AgendaItem, officer: User
) -> None:
    _action(chair, started_item, officer, "=HYPERLINK(1)")
    text = actions_csv(viewer=chair, meeting=started_item.meeting)
    assert "'=HYPERLINK" in text
