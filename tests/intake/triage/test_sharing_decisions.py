"""Sharing decisions on concerns and intelligence: both outcomes need a lawful basis and reasons."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.core.models import AccessAction, AccessEvent
from cehub.intake.models import Concern, PartnerIntelligence, SharingDecision
from cehub.intake.triage.services import concern_link_child
from cehub.people.models import ChronologyEntry, ChronologyKind
from tests.factories import create_child, submit_concern, submit_intelligence
from tests.intake.pages import refused


@pytest.fixture
def concern(teacher: User) -> Concern:
    return submit_concern(
        referrer=teacher, what_happened="An adult has been giving her lifts and cash after school."
    )


@pytest.fixture
def item(teacher: User) -> PartnerIntelligence:
    return submit_intelligence(
        submitter=teacher,
        information="A taxi firm on Station Road drives children to a flat late at night.",
        source_description="Told by a colleague who saw it",
        subject_kinds=["business"],
    )


def sharing_url(concern: Concern) -> str:
    return reverse("intake:concern_sharing", args=[concern.pk])


def decision(**overrides: str) -> dict[str, str]:
    data = {
        "outcome": "share",
        "recipients": "Northvale Police child exploitation team",
        "information": "The concern as submitted, and the car's registration.",
        "purpose": "To protect Kayley and disrupt the adult",
        "lawful_basis": "public-task",
        "consent_status": "not-sought-risk",
        "rationale": "Asking the family first could alert the adult; police need this today.",
    }
    data.update(overrides)
    return {f"sharing-{key}": value for key, value in data.items()}


@pytest.mark.django_db
def test_a_decision_to_share_is_recorded_with_its_lawful_basis(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(hub_social_worker)

    response = client.post(sharing_url(concern), decision())

    assert response.status_code == 302
    assert response["Location"] == reverse("intake:concern_triage", args=[concern.pk])
    row = SharingDecision.objects.get(concern=concern)
    assert (row.outcome, row.lawful_basis, row.consent_status, row.decided_by) == (
        "share",
        "public-task",
        "not-sought-risk",
        hub_social_worker,
    )
    assert row.recipients == "Northvale Police child exploitation team"
    assert row.rationale.startswith("Asking the family first")
    assert AccessEvent.objects.filter(
        user=hub_social_worker,
        action=AccessAction.CREATE,
        object_type="sharing-decision",
        object_id=str(row.pk),
    ).exists()

    page = client.get(response["Location"]).content.decode()
    assert "Decision to share with Northvale Police child exploitation team recorded" in page
    assert "UK GDPR Article 6(1)(e): public task" in page
    assert "Not sought: asking would increase risk to the child" in page
    assert "Asking the family first could alert the adult" in page
    assert 'data-deadline-state="met"' in page
    assert "Decision recorded" in page


@pytest.mark.django_db
def test_a_decision_not_to_share_is_recorded_with_its_rationale(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(hub_social_worker)
    response = client.post(
        sharing_url(concern),
        decision(
            outcome="not-share",
            recipients="",
            information="",
            lawful_basis="none-needed",
            consent_status="not-needed",
            rationale="Police raised this concern and already hold everything in it.",
        ),
    )
    assert response.status_code == 302
    row = SharingDecision.objects.get(concern=concern)
    assert (row.outcome, row.lawful_basis, row.recipients) == ("not-share", "none-needed", "")
    page = client.get(response["Location"]).content.decode()
    assert "Decision not to share recorded" in page
    assert "Police raised this concern and already hold everything in it." in page
    assert "Do not share" in page


@pytest.mark.django_db
def test_a_decision_on_a_linked_concern_goes_on_the_childs_chronology(
    concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    child = create_child(actor=None, given_name="Kayley", family_name="Brooks")
    concern_link_child(actor=hub_social_worker, concern=concern, person=child)
    signed_in(hub_social_worker).post(
        sharing_url(concern),
        decision(outcome="not-share", lawful_basis="none-needed", rationale="Already held"),
    )
    entry = ChronologyEntry.objects.get(person=child, kind=ChronologyKind.SHARING)
    assert entry.summary == f"Decided not to share information ({concern.reference})"


@pytest.mark.parametrize("outcome", ["share", "not-share"])
@pytest.mark.django_db
def test_no_rationale_is_refused_for_either_outcome_and_nothing_is_saved(
    outcome: str, concern: Concern, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    response = signed_in(hub_social_worker).post(
        sharing_url(concern), decision(outcome=outcome, rationale="   ")
    )
    html = refused(response, "Explain the reasons for this decision", on="id_sharing-rationale")
    assert "To protect Kayley and disrupt the adult" in html  # what was typed is kept
    assert not SharingDecision.objects.exists()
    assert not AccessEvent.objects.filter(object_type="sharing-decision").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("recipients", "", "Say who the information is shared with"),
        ("information", "", "Say what information is shared"),
        ("lawful_basis", "none-needed", "Choose the lawful basis for sharing"),
        ("purpose", "", "Say what the sharing decision is for"),
        ("lawful_basis", "", "Select the lawful basis"),
        ("consent_status", "", "Select whether consent was given, refused or not sought"),
        ("outcome", "", "Select whether to share or not to share"),
        ("lawful_basis", "made-up", "Select the lawful basis"),
    ],
)
@pytest.mark.django_db
def test_a_share_needs_who_what_and_a_lawful_basis(
    field: str,
    value: str,
    message: str,
    concern: Concern,
    hub_social_worker: User,
    signed_in: Callable[[User], Client],
) -> None:
    response = signed_in(hub_social_worker).post(sharing_url(concern), decision(**{field: value}))
    refused(response, message, on=f"id_sharing-{field}")
    assert not SharingDecision.objects.exists()


@pytest.mark.django_db
def test_intelligence_has_sharing_decisions_too(
    item: PartnerIntelligence, hub_social_worker: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(hub_social_worker)
    url = reverse("intake:intelligence_sharing", args=[item.pk])

    refused(client.post(url, decision(rationale="")), "Explain the reasons for this decision")
    assert not SharingDecision.objects.exists()

    response = client.post(url, decision(recipients="Northvale licensing team"))
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:intelligence_triage", args=[item.pk])
    row = SharingDecision.objects.get(intelligence=item)
    assert (row.recipients, row.concern) == ("Northvale licensing team", None)
    page = client.get(response["Location"]).content.decode()
    assert "Decision to share with Northvale licensing team recorded" in page
    assert 'data-deadline-state="met"' in page
