"""A hub practitioner records a home visit as a case note: wording that blames the child is
shown before saving, she rewords it, and the note appears on the case page and the child's
chronology — in a real browser, axe-core checked on every page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from cehub.cases.casework.services import case_allocate
from cehub.cases.models import Case, CaseNote
from cehub.cases.screening.services import screening_submit
from cehub.language.models import KeptWording
from cehub.screening.services import AnswerInput, tool_get

from .conftest import HubTeam, SignInAs, assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BLAMING = "Visited Kayleigh at home. She keeps putting herself at risk at the flat."
REWORDED = (
    "Visited Kayleigh at home. Adults at the flat are exploiting her.\n"
    "She said \u201cI don't want to go back there\u201d."
)


def test_a_practitioner_rewords_and_saves_a_case_note(
    page: Page, sign_in_as: SignInAs, hub_team: HubTeam
) -> None:
    worker, manager, child = hub_team.worker, hub_team.manager, hub_team.child
    significant = next(i for i in tool_get().indicators.values() if i.tier == "significant")
    screening_submit(
        actor=worker,
        person=child,
        disclosure=False,
        final_level="medium",
        answers=[AnswerInput(significant.id, "current", True)],
    )
    case = case_allocate(actor=manager, case=Case.objects.get(person=child), worker=worker)
    visited = timezone.localtime() - timedelta(days=1)

    base = sign_in_as(page, worker)
    page.goto(base + reverse("cases:case_detail", kwargs={"case_id": case.pk}))
    expect(page.locator("#case-notes")).to_have_text("Case notes")
    assert_accessible(page)
    page.get_by_role("link", name="Add a case note").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a case note")
    assert_accessible(page)

    page.get_by_label("Visit to the child", exact=True).check()
    page.locator("#id_contact_date_day").fill(str(visited.day))
    page.locator("#id_contact_date_month").fill(str(visited.month))
    page.locator("#id_contact_date_year").fill(str(visited.year))
    page.get_by_label("Time of the contact").fill("16:30")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Who was there, or who did you speak to? (optional)").fill(
        "Kayleigh and her nan"
    )
    page.locator("#id_text").fill(BLAMING)
    page.get_by_role("button", name="Save the case note").click()

    # Shown once before saving: the banner, and the suggestions under the note.
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("Check the wording")
    expect(banner).to_contain_text("Nothing has been saved yet")
    expect(page.locator("#id_text-language")).to_contain_text("putting herself at risk")
    assert_accessible(page)
    assert not CaseNote.objects.exists()

    page.locator("#id_text").fill(REWORDED)
    page.get_by_role("button", name="Save the case note").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hub case")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Case note added")
    notes = page.locator("#case-notes ~ .govuk-summary-card")
    expect(notes).to_have_count(1)
    expect(notes.first).to_contain_text("Visit to the child")
    expect(notes.first).to_contain_text("Adults at the flat are exploiting her.")
    expect(page.get_by_role("link", name="All case notes (1)")).to_be_visible()
    assert_accessible(page)
    note = CaseNote.objects.get()
    assert note.text == REWORDED  # line breaks stored as typed (CRLF from the browser tidied)
    assert not KeptWording.objects.exists()

    page.get_by_role("link", name="All case notes (1)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case notes")
    expect(page.locator(f"#note-{note.pk}")).to_contain_text(f"Sam Okafor, {hub_team.team.name}")
    assert_accessible(page)

    page.goto(base + reverse("people:person_detail", kwargs={"person_id": child.pk}))
    chronology = page.get_by_role("table").filter(has_text=re.compile("newest first"))
    expect(chronology).to_contain_text("Case note: visit to the child")
    expect(chronology).not_to_contain_text("exploiting her")
    assert_accessible(page)
