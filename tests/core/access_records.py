"""Real records for the URL × role walk (test_access_policy.py): one of every kind a URL
carries, made through the services, so that a record page answers what its policy says and
never 404 merely because the record does not exist.

The user under test has what their role normally has, and nothing more:

- the hub practitioner created the child's record and was allocated the case; the hub
  manager is in the same team and chairs the meeting; the intelligence officer (another
  team) triaged the concern, which is how the hub's police side comes to know a child;
- the referrer submitted the concern and the partner information the hub triages;
- everyone submitted their own concern and information (the confirmation pages are the
  submitter's alone) and owns an action from the meeting (anyone may be given one);
- nobody has a relationship with the second child, so emergency access to it is a real
  question; a hub practitioner on duty in another team has already used it once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from cehub.accounts.models import User
from cehub.core.roles import HUB_ROLES, Role
from tests.factories import (
    add_agenda_item,
    add_case_note,
    allocate_case,
    create_child,
    create_group,
    create_place,
    create_vehicle,
    give_action,
    hold_meeting,
    open_break_glass,
    record_disruption,
    record_missing_episode,
    refer_to_nrm,
    screen_to_case,
    submit_concern,
    submit_intelligence,
    triage_concern,
    write_safety_plan,
)

# Which record fills a route's <uuid:parameter>: first by URL name and parameter, then by
# app and parameter (``item_id`` is an intelligence item in intake, an agenda item in
# meetings), then by the parameter alone. The values are names in ``RecordIds``.
BY_ROUTE: dict[tuple[str, str], str] = {
    # The confirmation pages are the submitter's: the user under test's own submissions.
    ("intake:concern_submitted", "concern_id"): "own_concern",
    ("intake:intelligence_submitted", "item_id"): "own_intelligence",
    # Emergency access is asked for a child one has no relationship with.
    ("people:break_glass", "person_id"): "unrelated_child",
}
BY_APP: dict[tuple[str, str], str] = {
    ("intake", "item_id"): "intelligence",
    ("meetings", "item_id"): "agenda_item",
}
BY_PARAMETER: dict[str, str] = {
    "user_id": "colleague",
    "concern_id": "concern",
    "person_id": "child",
    "screening_id": "screening",
    "case_id": "case",
    "note_id": "case_note",
    "plan_id": "safety_plan",
    "episode_id": "missing_episode",
    "referral_id": "nrm_referral",
    "node_id": "place_node",  # disruption is recorded against a place here
    "location_id": "place",
    "object_id": "vehicle",
    "group_id": "group",
    "meeting_id": "meeting",
    "action_id": "action",
    "grant_id": "break_glass_grant",
}


class NoRecordForRouteError(LookupError):
    pass


@dataclass(frozen=True)
class RecordIds:
    """The ids of the real records, by the names the tables above use."""

    colleague: uuid.UUID
    own_concern: uuid.UUID
    own_intelligence: uuid.UUID
    concern: uuid.UUID
    intelligence: uuid.UUID
    child: uuid.UUID
    unrelated_child: uuid.UUID
    screening: uuid.UUID
    case: uuid.UUID
    case_note: uuid.UUID
    safety_plan: uuid.UUID
    missing_episode: uuid.UUID
    nrm_referral: uuid.UUID
    place: uuid.UUID
    place_node: uuid.UUID
    vehicle: uuid.UUID
    group: uuid.UUID
    meeting: uuid.UUID
    agenda_item: uuid.UUID
    action: uuid.UUID
    break_glass_grant: uuid.UUID

    def for_route(self, url_name: str, parameter: str) -> uuid.UUID:
        app = url_name.split(":")[0] if ":" in url_name else ""
        record = (
            BY_ROUTE.get((url_name, parameter))
            or BY_APP.get((app, parameter))
            or BY_PARAMETER.get(parameter)
        )
        if record is None:
            raise NoRecordForRouteError(
                f"{url_name}: say which real record fills <uuid:{parameter}> in "
                "tests/core/access_records.py"
            )
        value: uuid.UUID = getattr(self, record)
        return value


def records_for(user: User, make_persona: Callable[..., User]) -> RecordIds:
    """Build the records around ``user`` (see the module docstring for who did what)."""
    role = Role(user.role)
    if role == Role.HUB_MANAGER:
        manager = user
        worker = make_persona(Role.HUB_PRACTITIONER, team=user.team, agency=user.agency)
    else:
        worker = user if role == Role.HUB_PRACTITIONER else make_persona(Role.HUB_PRACTITIONER)
        manager = make_persona(Role.HUB_MANAGER, team=worker.team, agency=worker.agency)
    referrer = user if role == Role.REFERRER else make_persona(Role.REFERRER)
    triager = user if role in HUB_ROLES else worker

    child = create_child(actor=worker, nhs_number="943 476 5919")
    concern = triage_concern(actor=triager, concern=submit_concern(referrer=referrer), child=child)
    intelligence = submit_intelligence(submitter=referrer)
    own_concern = concern if user == referrer else submit_concern(referrer=user)
    own_intelligence = intelligence if user == referrer else submit_intelligence(submitter=user)

    screening = screen_to_case(actor=worker, child=child, concern=concern)
    case = allocate_case(manager=manager, worker=worker, child=child)
    place = create_place()

    unrelated_child = create_child(
        actor=None, given_name="Jordan", family_name="Pike", date_of_birth=None
    )
    duty_worker = make_persona(Role.HUB_PRACTITIONER)

    meeting = hold_meeting(chair=manager)
    item = add_agenda_item(actor=manager, meeting=meeting, person=child)

    return RecordIds(
        colleague=worker.pk,
        own_concern=own_concern.pk,
        own_intelligence=own_intelligence.pk,
        concern=concern.pk,
        intelligence=intelligence.pk,
        child=child.pk,
        unrelated_child=unrelated_child.pk,
        screening=screening.pk,
        case=case.pk,
        case_note=add_case_note(actor=worker, case=case).pk,
        safety_plan=write_safety_plan(actor=worker, case=case).pk,
        missing_episode=record_missing_episode(actor=worker, child=child).pk,
        nrm_referral=refer_to_nrm(actor=worker, child=child).pk,
        place=place.pk,
        place_node=record_disruption(actor=worker, target=place.node).target_id,
        vehicle=create_vehicle().pk,
        group=create_group().pk,
        meeting=meeting.pk,
        agenda_item=item.pk,
        action=give_action(actor=manager, item=item, owner=user).pk,
        break_glass_grant=open_break_glass(actor=duty_worker, child=unrelated_child).pk,
    )
