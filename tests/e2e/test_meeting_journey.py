"""Issue 5 end to end: yesterday's concern and missing episode are on today's agenda; the
chair records a decision and an action for a police officer, who sees it under "My actions";
once overdue it returns to the next agenda; the child's chronology shows the decision."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Page, expect

from cehub.accounts.models import User
from cehub.cases.missing.services import MissingEpisodeInput, missing_episode_record
from cehub.cases.models import PoliceRiskGrade
from cehub.intake.models import Awareness
from cehub.intake.submit.services import ConcernSubmission, concern_submit
from tests.factories import create_child

from .conftest import SignInAs, assert_accessible, sign_out

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 11, 17, 10, 0, tzinfo=LONDON)
WEDNESDAY = datetime(2026, 11, 18, 8, 30, tzinfo=LONDON)
NEXT_MONDAY = datetime(2026, 11, 23, 8, 30, tzinfo=LONDON)


def _set_up_meeting(page: Page) -> None:
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Daily meeting").click()
    page.get_by_role("link", name="Set up today's meeting").click()
    page.get_by_role("button", name="Set up the meeting").click()


def test_daily_meeting_from_agenda_to_action_to_next_agenda(
    page: Page,
    sign_in_as: SignInAs,
    hub_manager: User,
    intelligence_officer: User,
    teacher: User,
) -> None:
    chair, officer = hub_manager, intelligence_officer

    with time_machine.travel(TUESDAY, tick=False):
        child = create_child(actor=chair)
        concern_submit(
            actor=teacher,
            submission=ConcernSubmission(
                child_given_name="Jade",
                child_family_name="Hill",
                what_happened="Adults in a car wait for Jade after school",
                child_aware=Awareness.YES,
                family_aware=Awareness.YES,
                consent_given=Awareness.YES,
            ),
        )
        missing_episode_record(
            actor=chair,
            person=child,
            data=MissingEpisodeInput(
                missing_from=TUESDAY - timedelta(hours=3),
                reported_at=TUESDAY - timedelta(hours=2),
                found_at=TUESDAY - timedelta(hours=1),
                police_risk_grade=PoliceRiskGrade.MEDIUM,
            ),
        )

    # --- Wednesday: the chair's meeting -----------------------------------------------------
    with time_machine.travel(WEDNESDAY, tick=True):
        base = sign_in_as(page, chair)
        _set_up_meeting(page)
        agenda = page.locator("#agenda")
        expect(agenda).to_contain_text("New concern")
        expect(agenda).to_contain_text("Jade Hill")
        expect(agenda).to_contain_text("Missing episode: Kayleigh Brookes")
        assert_accessible(page)
        page.get_by_label(officer.full_name, exact=False).first.check()
        page.get_by_role("button", name="Start the meeting").click()

        page.goto(base + "/meetings/")
        page.get_by_role("link", name=re.compile("Wednesday 18 November 2026")).click()
        page.get_by_role("link", name="Missing episode: Kayleigh Brookes (found)").click()
        page.get_by_label("Discussion summary").fill("Police and school shared what they know.")
        page.get_by_label("Decisions").fill("Strategy discussion today; consider a CAWN")
        page.get_by_label("Action", exact=True).fill("Check the hotel register for the weekend")
        page.get_by_label("Who owns the action").select_option(value=str(officer.pk))
        page.locator("#id_action_due_date_day").fill("20")
        page.locator("#id_action_due_date_month").fill("11")
        page.locator("#id_action_due_date_year").fill("2026")
        assert_accessible(page)
        page.get_by_role("button", name=re.compile("^Save and go")).click()
        expect(page.locator(".govuk-error-summary")).to_have_count(0)
        sign_out(page)

        # The police officer sees the action under "My actions".
        sign_in_as(page, officer)
        page.get_by_role("navigation", name="Menu").get_by_role("link", name="My actions").click()
        expect(page.locator("main")).to_contain_text("Check the hotel register for the weekend")
        assert_accessible(page)
        sign_out(page)

    # --- The next Monday: the action is overdue and back on the agenda ------------------------
    with time_machine.travel(NEXT_MONDAY, tick=True):
        sign_in_as(page, chair)
        _set_up_meeting(page)
        expect(page.locator("#agenda")).to_contain_text(f"Overdue action for {officer.full_name}")
        # The child's chronology shows the decision.
        page.goto(f"{base}/people/{child.pk}/")
        expect(page.locator("main")).to_contain_text("Strategy discussion today; consider a CAWN")
        assert_accessible(page)
