"""The case page (level history, trend, review, allocation, closure) and the allocation queue."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.cases.casework.services import case_allocate
from cehub.cases.models import Case, CaseStatus, ClosureOutcome
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.people.models import Person
from cehub.screening.models import Screening
from tests.cases.records import new_person, screen
from tests.html import error_summary
from tests.html import text as page_text

pytestmark = pytest.mark.django_db

CONFLICT = "Someone else changed this case while you were looking at it"


@pytest.fixture
def case(hub_social_worker: User, child: Person) -> Case:
    """Screened at medium, waiting for allocation."""
    screen(hub_social_worker, child)
    return Case.objects.get(person=child)


def _url(name: str, case: Case) -> str:
    return reverse(f"cases:{name}", kwargs={"case_id": case.pk})


# --- The case page -----------------------------------------------------------------------
def test_the_case_page_shows_the_child_status_level_review_and_history(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case, child: Person
) -> None:
    response = signed_in(hub_social_worker).get(_url("case_detail", case))
    assert response.status_code == 200
    text = page_text(response)
    assert "Status Waiting to be allocated" in text
    assert "Level Medium" in text
    assert "Allocated to Not allocated yet" in text
    assert re.search(r"Review due Due in 9[01] days", text)  # every 3 months, in words
    html = response.content.decode()
    assert reverse("people:person_detail", kwargs={"person_id": child.pk}) in html
    assert "Changes to the case's level, oldest first" in text
    screening = Screening.objects.get()
    assert reverse("cases:screening_detail", kwargs={"screening_id": screening.pk}) in html
    assert reverse("cases:screening_new", kwargs={"person_id": child.pk}) in html
    # The rest of the work with the child starts here.
    assert reverse("cases:safety_plan_new", kwargs={"case_id": case.pk}) in html
    assert reverse("cases:missing_new", kwargs={"person_id": child.pk}) in html
    assert reverse("cases:nrm_new", kwargs={"person_id": child.pk}) in html
    # Practitioners close or step down; only managers allocate.
    assert _url("case_close", case) in html
    assert _url("case_allocate", case) not in html
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="case", object_id=str(case.pk)
    ).exists()


def test_the_trend_of_levels_after_two_screenings(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case, child: Person
) -> None:
    screen(hub_social_worker, child, high=True)
    response = signed_in(hub_social_worker).get(_url("case_detail", case))
    html = response.content.decode()
    table = re.search(r"<caption[^>]*>\s*2 screenings, oldest first.*?</table>", html, re.DOTALL)
    assert table, "no trend table"
    rows = [
        page_text(row)
        for row in re.findall(r"<tbody.*?</tbody>", table.group(0), re.DOTALL)[0].split("</tr>")
        if "<td" in row
    ]
    assert [row.split(" ", 3)[3] for row in rows] == ["Medium Medium Medium", "High High High"]
    assert "Level High" in page_text(response)
    # A step chart for sighted users; the table above is its text.
    svg = re.search(r"<svg.*?</svg>", html, re.DOTALL)
    assert svg
    assert 'aria-hidden="true"' in svg.group(0)
    assert svg.group(0).count("<circle") == 2
    assert "style=" not in svg.group(0)


def test_a_case_that_does_not_exist_is_404(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    response = signed_in(hub_social_worker).get(
        reverse("cases:case_detail", kwargs={"case_id": uuid.uuid4()})
    )
    assert response.status_code == 404


def test_the_case_page_needs_a_hub_role_and_a_relationship(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    case: Case,
) -> None:
    url = _url("case_detail", case)
    colleague = make_persona(Role.INTELLIGENCE_OFFICER, team=hub_social_worker.team)
    shown = signed_in(colleague).get(url)
    assert shown.status_code == 200
    # They read the case and record missing episodes, but do not screen, plan or close.
    html = shown.content.decode()
    assert reverse("cases:missing_new", kwargs={"person_id": case.person_id}) in html
    for name in ("case_close", "case_allocate", "safety_plan_new"):
        assert _url(name, case) not in html
    assert reverse("cases:screening_new", kwargs={"person_id": case.person_id}) not in html
    # Any hub manager may read a case waiting for allocation (they allocate); see
    # tests/cases/test_screening_and_case.py. Other outsiders never may.
    if case.status != "awaiting-allocation":
        assert signed_in(make_persona(Role.HUB_MANAGER)).get(url).status_code == 404
    for outsider in (
        make_persona(Role.HUB_PRACTITIONER),  # another team
        make_persona(Role.REFERRER),
        make_persona(Role.ANALYST, team=hub_social_worker.team),
    ):
        assert signed_in(outsider).get(url).status_code == 404, outsider.role


# --- Allocation --------------------------------------------------------------------------
def test_a_manager_allocates_the_case_and_it_leaves_the_queue(
    signed_in: Callable[[User], Client], hub_social_worker: User, hub_manager: User, case: Case
) -> None:
    client = signed_in(hub_manager)
    assert "Kayleigh Brookes" in page_text(client.get(reverse("cases:allocation_queue")))
    shown = client.get(_url("case_detail", case))
    assert "Sam Okafor (" in page_text(shown)  # the worker list names each worker's team
    response = client.post(
        _url("case_allocate", case),
        {"allocate-worker": str(hub_social_worker.pk), "allocate-version": str(case.version)},
    )
    assert response.status_code == 302
    assert response["Location"] == _url("case_detail", case)
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    assert case.allocated_worker == hub_social_worker
    assert case.allocated_team == hub_social_worker.team
    text = page_text(client.get(_url("case_detail", case)))
    assert "Status Open" in text
    assert hub_social_worker.team is not None
    assert f"Allocated to Sam Okafor {hub_social_worker.team.name} Since" in text
    assert AccessEvent.objects.filter(
        action=AccessAction.UPDATE, object_type="case", object_id=str(case.pk)
    ).exists()
    queue = client.get(reverse("cases:allocation_queue"))
    assert "0 cases waiting to be allocated" in page_text(queue)
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="allocation-queue"
    ).exists()


@pytest.mark.parametrize(
    ("worker", "message"),
    [
        ("", "Select the worker to allocate the case to"),
        (str(uuid.uuid4()), "Select a worker from the list"),
        ("not-a-worker", "Select a worker from the list"),
    ],
)
def test_allocating_needs_a_worker_from_the_list(
    signed_in: Callable[[User], Client],
    hub_manager: User,
    case: Case,
    worker: str,
    message: str,
) -> None:
    response = signed_in(hub_manager).post(
        _url("case_allocate", case),
        {"allocate-worker": worker, "allocate-version": str(case.version)},
    )
    assert response.status_code == 200
    assert error_summary(response) == [message]
    assert 'href="#id_allocate-worker"' in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_ALLOCATION
    assert case.allocated_worker is None


def test_only_hub_workers_can_be_allocated(
    signed_in: Callable[[User], Client], teacher: User, hub_manager: User, case: Case
) -> None:
    response = signed_in(hub_manager).post(
        _url("case_allocate", case),
        {"allocate-worker": str(teacher.pk), "allocate-version": str(case.version)},
    )
    assert error_summary(response) == ["Select a worker from the list"]
    assert "Priya Shah" not in response.content.decode()  # not offered either
    case.refresh_from_db()
    assert case.allocated_worker is None


def test_a_stale_allocation_gets_409_and_changes_nothing(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    hub_manager: User,
    case: Case,
) -> None:
    stale_version = case.version
    other = make_persona(Role.HUB_PRACTITIONER, full_name="Ola Bright")
    # Someone else allocates first.
    case_allocate(actor=hub_manager, case=case, worker=hub_social_worker)
    response = signed_in(hub_manager).post(
        _url("case_allocate", case),
        {"allocate-worker": str(other.pk), "allocate-version": str(stale_version)},
    )
    assert response.status_code == 409
    assert error_summary(response)[0].startswith(CONFLICT)
    text = page_text(response)
    assert "Allocated to Sam Okafor" in text  # their change, shown
    case.refresh_from_db()
    assert case.allocated_worker == hub_social_worker
    html = response.content.decode()
    # What was chosen is kept, with the current version, so sending it again is informed.
    assert re.search(rf'<option value="{other.pk}"\s+selected', html)
    assert f'name="allocate-version" value="{case.version}"' in html


def test_practitioners_cannot_allocate(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    response = signed_in(hub_social_worker).post(
        _url("case_allocate", case),
        {"allocate-worker": str(hub_social_worker.pk), "allocate-version": str(case.version)},
    )
    assert response.status_code == 404
    assert signed_in(hub_social_worker).get(reverse("cases:allocation_queue")).status_code == 404
    case.refresh_from_db()
    assert case.allocated_worker is None


def test_the_allocation_queue_puts_high_first(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    hub_manager: User,
    case: Case,
) -> None:
    second = new_person(hub_social_worker, "Jayden", "Okoro", date(2010, 2, 1))
    screen(hub_social_worker, second, high=True)
    text = page_text(signed_in(hub_manager).get(reverse("cases:allocation_queue")))
    assert "2 cases waiting to be allocated" in text
    assert text.index("Jayden Okoro") < text.index("Kayleigh Brookes")
    assert "Disclosure of exploitation" in text


# --- Closure -----------------------------------------------------------------------------
def _close(case: Case, **changes: str) -> dict[str, str]:
    data = {
        "close-decision": "close",
        "close-outcome": ClosureOutcome.RISK_REDUCED.value,
        "close-reason": "No missing episodes since July; she is back in full-time school",
        "close-version": str(case.version),
    }
    data.update(changes)
    return data


def test_closing_a_case_records_the_outcome_and_reason(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    client = signed_in(hub_social_worker)
    response = client.post(_url("case_close", case), _close(case))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.closure_outcome == ClosureOutcome.RISK_REDUCED
    assert case.closed_at is not None
    shown = client.get(_url("case_detail", case))
    text = page_text(shown)
    assert "Status Closed" in text
    assert "Risk reduced: no longer needs the hub" in text
    assert "she is back in full-time school" in text
    assert "Review due" not in text
    assert _url("case_close", case) not in shown.content.decode()
    assert AccessEvent.objects.filter(
        action=AccessAction.UPDATE, object_type="case", object_id=str(case.pk)
    ).exists()
    # Closing again is refused in words.
    response = client.post(_url("case_close", case), _close(case))
    assert response.status_code == 200
    assert error_summary(response) == ["This case is already closed"]


def test_stepping_a_case_down(
    signed_in: Callable[[User], Client], hub_social_worker: User, case: Case
) -> None:
    response = signed_in(hub_social_worker).post(
        _url("case_close", case),
        _close(
            case, **{"close-decision": "step-down", "close-outcome": ClosureOutcome.STEPPED_DOWN}
        ),
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.STEPPED_DOWN
    assert case.closed_at is None
    assert "Status Stepped down" in page_text(
        signed_in(hub_social_worker).get(_url("case_detail", case))
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"close-decision": ""}, "Select whether to close the case or step it down"),
        ({"close-outcome": ""}, "Select the outcome"),
        ({"close-outcome": "fine-now"}, "Select one of the outcomes given"),
        ({"close-reason": "   "}, "Give the reasons for closing the case or stepping it down"),
        ({"close-version": ""}, "This page is out of date: reload it and try again"),
    ],
)
def test_closing_needs_a_decision_an_outcome_and_reasons(
    signed_in: Callable[[User], Client],
    hub_social_worker: User,
    case: Case,
    changes: dict[str, str],
    message: str,
) -> None:
    response = signed_in(hub_social_worker).post(_url("case_close", case), _close(case, **changes))
    assert response.status_code == 200
    assert error_summary(response) == [message]
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_ALLOCATION
    assert case.closure_reason == ""


def test_a_stale_closure_gets_409_and_changes_nothing(
    signed_in: Callable[[User], Client], hub_social_worker: User, hub_manager: User, case: Case
) -> None:
    stale = _close(case)
    case_allocate(actor=hub_manager, case=case, worker=hub_social_worker)
    response = signed_in(hub_social_worker).post(_url("case_close", case), stale)
    assert response.status_code == 409
    assert error_summary(response)[0].startswith(CONFLICT)
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    assert case.closure_reason == ""
    assert "she is back in full-time school" in response.content.decode()  # what was typed


def test_roles_that_do_not_manage_cases_cannot_close_them(
    signed_in: Callable[[User], Client],
    make_persona: Callable[..., User],
    hub_social_worker: User,
    case: Case,
) -> None:
    colleague = make_persona(Role.INTELLIGENCE_OFFICER, team=hub_social_worker.team)
    response = signed_in(colleague).post(_url("case_close", case), _close(case))
    assert response.status_code == 404
    stranger = make_persona(Role.HUB_PRACTITIONER)  # no relationship
    response = signed_in(stranger).post(_url("case_close", case), _close(case))
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_ALLOCATION
