"""Break-glass (SECURITY.md §7): re-authenticate, give a reason, limited time, reviewed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pyotp
import pytest
import time_machine
from allauth.account.internal.flows.login import record_authentication
from django.test import Client, RequestFactory
from django.urls import reverse

from cehub.accounts.models import User
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.people.models import (
    BreakGlassCategory,
    BreakGlassGrant,
    BreakGlassReview,
    Person,
)
from cehub.people.services import break_glass_open
from tests.factories import TEST_PASSWORD, create_adult
from tests.html import text as page_text

REASON = "Police called: she was found with an adult in a car at 2am"


def _record_url(person: Person) -> str:
    return reverse("people:person_detail", kwargs={"person_id": person.pk})


def _break_glass_url(person: Person) -> str:
    return reverse("people:break_glass", kwargs={"person_id": person.pk})


def ask_to_break_glass(
    client: Client,
    person: Person,
    category: BreakGlassCategory = BreakGlassCategory.IMMEDIATE_RISK,
    reason: str = REASON,
) -> Any:
    """Send the emergency-access form for ``person``."""
    return client.post(_break_glass_url(person), {"category": category, "reason": reason})


def reauthenticated(client: Client, user: User) -> None:
    """Mark the client's session as just re-authenticated, exactly as allauth's views do.

    allauth's reauthentication views call ``record_authentication(..., reauthenticated=True)``,
    which appends ``{"method", "at", "reauthenticated"}`` to the session's authentication
    records; ``did_recently_reauthenticate`` then compares ``at`` with the timeout.
    """
    session = client.session
    request = RequestFactory().get("/")
    request.session = session
    request.user = user
    record_authentication(request, user, method="password", reauthenticated=True)
    session.save()


@pytest.fixture
def duty_worker(make_persona: Callable[..., User]) -> User:
    return make_persona(Role.HUB_PRACTITIONER, full_name="Ola Bright")


@pytest.fixture
def duty_client(client: Client, duty_worker: User) -> Client:
    client.force_login(duty_worker)
    return client


def test_the_page_shows_identity_only_and_explains_what_happens(
    duty_client: Client, duty_worker: User, child: Person
) -> None:
    response = duty_client.get(_break_glass_url(child))
    assert response.status_code == 200
    text = page_text(response)
    assert "Emergency access to a child's record" in text
    assert "Kayleigh Brookes" in text and "14 May 2011" in text
    assert "943 476 5919" not in text  # identity only, not the record
    assert "The privacy officer reviews every use" in text
    assert "access lasts 4 hours" in text
    for category in BreakGlassCategory:
        assert category.label in text
    event = AccessEvent.objects.latest("id")
    assert (event.action, event.object_id, event.details) == (
        AccessAction.VIEW,
        str(child.pk),
        {"kind": "identity"},
    )


def test_without_recent_reauthentication_the_post_goes_to_reauthenticate_first(
    duty_client: Client, child: Person
) -> None:
    response = ask_to_break_glass(duty_client, child)
    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse('account_reauthenticate')}?next=%2Fpeople%2F{child.pk}%2Femergency-access%2F"
    )
    assert not BreakGlassGrant.objects.exists()
    assert not AccessEvent.objects.filter(action=AccessAction.BREAK_GLASS).exists()


def test_a_stale_reauthentication_is_not_enough(
    duty_client: Client, duty_worker: User, child: Person
) -> None:
    with time_machine.travel(datetime.now(tz=UTC), tick=False) as clock:
        reauthenticated(duty_client, duty_worker)
        clock.shift(timedelta(minutes=6))  # ACCOUNT_REAUTHENTICATION_TIMEOUT is 5 minutes
        response = ask_to_break_glass(duty_client, child)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not BreakGlassGrant.objects.exists()


def test_re_authenticating_with_a_password_then_opens_the_record(
    duty_client: Client, duty_worker: User, child: Person
) -> None:
    """The whole journey through allauth: the form's POST is replayed after re-authenticating."""
    first = ask_to_break_glass(duty_client, child, BreakGlassCategory.URGENT_ENQUIRY)
    response = duty_client.post(first["Location"], {"password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == _record_url(child)
    grant = BreakGlassGrant.objects.get()
    assert (grant.user, grant.person, grant.category, grant.reason) == (
        duty_worker,
        child,
        BreakGlassCategory.URGENT_ENQUIRY,
        REASON,
    )


def test_re_authenticating_with_the_authenticator_app_also_works(
    duty_client: Client, duty_worker: User, child: Person
) -> None:
    first = ask_to_break_glass(duty_client, child)
    next_query = first["Location"].split("?", 1)[1]
    code = pyotp.TOTP(duty_worker.test_totp_secret).now()  # type: ignore[attr-defined]
    response = duty_client.post(f"{reverse('mfa_reauthenticate')}?{next_query}", {"code": code})
    assert response.status_code == 302
    assert response["Location"] == _record_url(child)
    assert BreakGlassGrant.objects.get().user == duty_worker


def test_a_wrong_password_does_not_open_the_record(duty_client: Client, child: Person) -> None:
    first = ask_to_break_glass(duty_client, child, BreakGlassCategory.URGENT_ENQUIRY)
    response = duty_client.post(first["Location"], {"password": "not my password at all"})
    assert response.status_code == 200
    assert not BreakGlassGrant.objects.exists()
    assert duty_client.get(_record_url(child)).templates[0].name == "people/person_locked.html"


def test_after_re_authenticating_a_reason_opens_the_record_for_four_hours(
    duty_client: Client, duty_worker: User, child: Person
) -> None:
    # 09:00 UTC in July is 10:00 in London: the banner must show London time.
    with time_machine.travel(datetime(2026, 7, 1, 9, 0, tzinfo=UTC), tick=False) as clock:
        duty_client.force_login(duty_worker)
        reauthenticated(duty_client, duty_worker)
        response = duty_client.post(
            _break_glass_url(child),
            {"category": BreakGlassCategory.IMMEDIATE_RISK, "reason": f"  {REASON}  "},
        )
        assert response.status_code == 302
        assert response["Location"] == _record_url(child)
        grant = BreakGlassGrant.objects.get()
        assert grant.reason == REASON
        assert grant.expires_at - grant.granted_at == timedelta(hours=4)
        event = AccessEvent.objects.get(action=AccessAction.BREAK_GLASS)
        assert (event.user_id, event.object_id) == (duty_worker.pk, str(child.pk))

        record = duty_client.get(_record_url(child))
        assert record.templates[0].name == "people/person_detail.html"
        assert "Emergency access until 14:00 — recorded and reviewed" in page_text(record)
        assert "943 476 5919" in page_text(record)
        view = AccessEvent.objects.filter(action=AccessAction.VIEW).latest("id")
        # The log is in UTC, with its offset.
        assert view.reason == "break-glass until 2026-07-01T13:00:00+00:00"

        clock.shift(timedelta(hours=3, minutes=59))
        duty_client.force_login(duty_worker)  # a new session: the old one has been idle
        assert duty_client.get(_record_url(child)).templates[0].name == (
            "people/person_detail.html"
        )

        clock.shift(timedelta(minutes=2))  # 4 hours and 1 minute after opening
        duty_client.force_login(duty_worker)
        ended = duty_client.get(_record_url(child))
        assert ended.templates[0].name == "people/person_locked.html"
        assert "You do not have a working relationship with this child" in page_text(ended)
        assert AccessEvent.objects.latest("id").action == AccessAction.DENIED


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (
            {"category": BreakGlassCategory.MEETING, "reason": "Need to check it"},
            {"reason": ["Explain why in at least 20 characters"]},
        ),
        (
            {"category": BreakGlassCategory.MEETING, "reason": "   19 characters..   "},
            {"reason": ["Explain why in at least 20 characters"]},
        ),
        (
            {"category": "", "reason": REASON},
            {"category": ["Select why you need to open this record"]},
        ),
        (
            {"category": "curiosity", "reason": ""},
            {
                "category": ["Select why you need to open this record"],
                "reason": ["Explain why you need to open this record"],
            },
        ),
    ],
)
def test_a_missing_category_or_short_reason_is_an_error_and_opens_nothing(
    duty_client: Client,
    duty_worker: User,
    child: Person,
    data: dict[str, str],
    errors: dict[str, list[str]],
) -> None:
    # Mistakes come back at once, before any re-authentication is asked for.
    response = duty_client.post(_break_glass_url(child), data)
    assert response.status_code == 200
    assert response.context["form"].errors == errors
    assert "There is a problem" in response.content.decode()
    if data["reason"].strip():
        assert data["reason"].strip() in response.content.decode()  # kept as typed
    assert not BreakGlassGrant.objects.exists()
    assert not AccessEvent.objects.filter(action=AccessAction.BREAK_GLASS).exists()


def test_someone_who_can_already_open_the_record_is_sent_straight_to_it(
    signed_in: Callable[[User], Client], hub_social_worker: User, child: Person
) -> None:
    client = signed_in(hub_social_worker)
    reauthenticated(client, hub_social_worker)
    for response in (
        client.get(_break_glass_url(child)),
        ask_to_break_glass(client, child, BreakGlassCategory.OTHER),
    ):
        assert response.status_code == 302
        assert response["Location"] == _record_url(child)
    assert not BreakGlassGrant.objects.exists()


def test_an_adult_needs_no_emergency_access(
    duty_client: Client, duty_worker: User, hub_social_worker: User
) -> None:
    adult = create_adult(actor=hub_social_worker)
    response = duty_client.get(_break_glass_url(adult))
    assert response["Location"] == _record_url(adult)


@pytest.mark.parametrize("role", [Role.REFERRER, Role.ANALYST, Role.PRIVACY_OFFICER])
def test_only_hub_roles_are_offered_emergency_access(
    make_persona: Callable[..., User], client: Client, role: Role, child: Person
) -> None:
    user = make_persona(role)
    client.force_login(user)
    reauthenticated(client, user)
    assert client.get(_break_glass_url(child)).status_code == 404
    response = ask_to_break_glass(client, child, BreakGlassCategory.OTHER)
    assert response.status_code == 404
    assert not BreakGlassGrant.objects.exists()


# --- The privacy officer's review ----------------------------------------------------------
@pytest.fixture
def grant(duty_worker: User, child: Person) -> BreakGlassGrant:
    return break_glass_open(
        actor=duty_worker, person=child, category=BreakGlassCategory.DUTY_COVER, reason=REASON
    )


def test_each_use_appears_in_the_privacy_officers_queue(
    signed_in: Callable[[User], Client],
    privacy_officer: User,
    duty_worker: User,
    child: Person,
    grant: BreakGlassGrant,
) -> None:
    response = signed_in(privacy_officer).get(reverse("privacy:break_glass_queue"))
    assert response.status_code == 200
    text = page_text(response)
    assert "Ola Bright" in text and "Hub practitioner, Northvale Children's Services" in text
    assert "Kayleigh Brookes" in text and str(child.pk) in text
    assert "Covering for an absent colleague on duty" in text and REASON in text
    assert "Not yet reviewed" in text
    review_url = reverse("privacy:break_glass_review", kwargs={"grant_id": grant.pk})
    assert f'href="{review_url}"' in response.content.decode()
    # The privacy officer does not open children's records: no link to one.
    assert _record_url(child) not in response.content.decode()
    event = AccessEvent.objects.latest("id")
    assert (event.action, event.object_type) == (AccessAction.VIEW, "break-glass-queue")


def test_unreviewed_uses_come_first(
    signed_in: Callable[[User], Client],
    privacy_officer: User,
    duty_worker: User,
    child: Person,
) -> None:
    with time_machine.travel(datetime(2026, 5, 1, 9, 0, tzinfo=UTC), tick=False) as clock:
        older = break_glass_open(
            actor=duty_worker, person=child, category=BreakGlassCategory.OTHER, reason=REASON
        )
        clock.shift(timedelta(hours=1))
        reviewed = break_glass_open(
            actor=duty_worker, person=child, category=BreakGlassCategory.MEETING, reason=REASON
        )
        clock.shift(timedelta(hours=1))
        newest = break_glass_open(
            actor=duty_worker, person=child, category=BreakGlassCategory.OTHER, reason=REASON
        )
        client = signed_in(privacy_officer)
        client.post(
            reverse("privacy:break_glass_review", kwargs={"grant_id": reviewed.pk}),
            {"outcome": BreakGlassReview.APPROPRIATE, "note": ""},
        )
        response = client.get(reverse("privacy:break_glass_queue"))
    assert [g.pk for g in response.context["page"]] == [newest.pk, older.pk, reviewed.pk]


def test_a_use_can_be_reviewed_as_appropriate(
    signed_in: Callable[[User], Client], privacy_officer: User, grant: BreakGlassGrant
) -> None:
    client = signed_in(privacy_officer)
    url = reverse("privacy:break_glass_review", kwargs={"grant_id": grant.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert REASON in page_text(page)
    viewed = AccessEvent.objects.latest("id")
    assert (viewed.action, viewed.object_type, viewed.object_id) == (
        AccessAction.VIEW,
        "break-glass",
        str(grant.pk),
    )

    response = client.post(url, {"outcome": BreakGlassReview.APPROPRIATE, "note": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:break_glass_queue")
    grant.refresh_from_db()
    assert (grant.reviewed_by, grant.review_outcome) == (
        privacy_officer,
        BreakGlassReview.APPROPRIATE,
    )
    assert AccessEvent.objects.filter(
        action=AccessAction.UPDATE, object_type="break-glass", object_id=str(grant.pk)
    ).exists()
    # Reviewed: the page shows the outcome and no form; a second review is refused.
    again = client.get(url)
    assert "Record review" not in again.content.decode()
    assert "Appropriate" in page_text(again)
    repeat = client.post(url, {"outcome": BreakGlassReview.FOLLOW_UP, "note": "Changed mind"})
    assert repeat.status_code == 200
    assert repeat.context["form"].non_field_errors() == ["This use has already been reviewed"]
    grant.refresh_from_db()
    assert grant.review_outcome == BreakGlassReview.APPROPRIATE


def test_follow_up_needs_a_note(
    signed_in: Callable[[User], Client], privacy_officer: User, grant: BreakGlassGrant
) -> None:
    client = signed_in(privacy_officer)
    url = reverse("privacy:break_glass_review", kwargs={"grant_id": grant.pk})
    response = client.post(url, {"outcome": BreakGlassReview.FOLLOW_UP, "note": "   "})
    assert response.status_code == 200
    assert response.context["form"].errors == {"note": ["Say what needs following up"]}
    grant.refresh_from_db()
    assert grant.reviewed_at is None

    response = client.post(url, {"outcome": "", "note": ""})
    assert response.context["form"].errors == {
        "outcome": ["Select whether this use was appropriate"]
    }

    response = client.post(
        url, {"outcome": BreakGlassReview.FOLLOW_UP, "note": "Ask her manager about the call"}
    )
    assert response.status_code == 302
    grant.refresh_from_db()
    assert (grant.review_outcome, grant.review_note) == (
        BreakGlassReview.FOLLOW_UP,
        "Ask her manager about the call",
    )


def test_a_missing_grant_is_a_404(
    signed_in: Callable[[User], Client], privacy_officer: User
) -> None:
    response = signed_in(privacy_officer).get(
        reverse(
            "privacy:break_glass_review",
            kwargs={"grant_id": "00000000-0000-0000-0000-000000000000"},
        )
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "role", [Role.HUB_PRACTITIONER, Role.HUB_MANAGER, Role.REFERRER, Role.SYSTEM_ADMINISTRATOR]
)
def test_only_the_privacy_officer_reviews(
    make_persona: Callable[..., User], client: Client, role: Role, grant: BreakGlassGrant
) -> None:
    client.force_login(make_persona(role))
    url = reverse("privacy:break_glass_review", kwargs={"grant_id": grant.pk})
    assert client.get(reverse("privacy:break_glass_queue")).status_code == 404
    assert client.get(url).status_code == 404
    assert client.post(url, {"outcome": BreakGlassReview.APPROPRIATE}).status_code == 404
    grant.refresh_from_db()
    assert grant.reviewed_at is None


def test_emergency_access_is_not_held_up_by_a_wording_review_but_kept_wording_is_counted(
    duty_client: Client, duty_worker: User, child: Person
) -> None:
    from cehub.language.models import KeptWording

    reauthenticated(duty_client, duty_worker)
    reason = "Police report she is putting herself at risk tonight; need her plan now"
    response = ask_to_break_glass(duty_client, child, reason=reason)
    assert response.status_code == 302  # straight through: an emergency is not slowed down
    assert BreakGlassGrant.objects.get().reason == reason
    kept = KeptWording.objects.get()
    assert (kept.field, kept.user_id) == ("break_glass.reason", duty_worker.pk)
