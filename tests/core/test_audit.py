"""The access log: hash-chained, append-only, verified, and never optional (SECURITY.md §9–11)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pyotp
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User
from cehub.core import audit
from cehub.core.audit import audit_record, identifier_digest, verify_chain
from cehub.core.models import GENESIS_HASH, AccessAction, AccessEvent
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def _events(count: int, user: User | None = None) -> list[AccessEvent]:
    return [
        audit_record(action=AccessAction.VIEW, user=user, object_type="test", object_id=str(n))
        for n in range(count)
    ]


def test_each_event_chains_to_the_one_before() -> None:
    first, second, third = _events(3)
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert verify_chain().intact
    assert verify_chain().checked == 3


def test_the_database_refuses_updates_and_deletes() -> None:
    (event,) = _events(1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessEvent.objects.filter(pk=event.pk).update(reason="edited")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessEvent.objects.filter(pk=event.pk).delete()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE core_accessevent SET action = 'login' WHERE id = %s", [event.pk])


def _tamper(sql: str, params: list[object]) -> None:
    """What someone with the database owner's rights could do: switch the trigger off."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks before ALTER
        cursor.execute("ALTER TABLE core_accessevent DISABLE TRIGGER access_event_append_only")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE core_accessevent ENABLE TRIGGER access_event_append_only")


def test_audit_verify_names_an_altered_row() -> None:
    events = _events(5)
    tampered = events[2]
    _tamper("UPDATE core_accessevent SET object_id = 'someone-else' WHERE id = %s", [tampered.pk])

    report = verify_chain()
    assert report.first_break is not None
    assert report.first_break.event_id == tampered.pk
    assert report.checked == 2

    with pytest.raises(CommandError, match=f"broken at event id {tampered.pk}") as raised:
        call_command("audit_verify")
    assert raised.value.returncode == 1


def test_audit_verify_names_the_row_after_a_deleted_one() -> None:
    events = _events(4)
    _tamper("DELETE FROM core_accessevent WHERE id = %s", [events[1].pk])
    report = verify_chain()
    assert report.first_break is not None
    assert report.first_break.event_id == events[2].pk
    assert "removed" in report.first_break.problem


def test_audit_verify_passes_an_intact_log(capsys: pytest.CaptureFixture[str]) -> None:
    _events(3)
    call_command("audit_verify")
    assert "intact: 3 events" in capsys.readouterr().out


def test_details_cannot_carry_personal_data() -> None:
    with pytest.raises(ValueError, match="personal data"):
        audit_record(action=AccessAction.SEARCH, details={"query": "Jane Smith"})
    assert not AccessEvent.objects.exists()


def test_failed_sign_in_is_logged_without_the_address_typed(client: Client) -> None:
    client.post(reverse("account_login"), {"login": "nobody@x.example", "password": "wrong-pw-123"})
    event = AccessEvent.objects.get(action=AccessAction.LOGIN_FAILED)
    assert event.user_id is None
    assert event.details["identifier_digest"] == identifier_digest("nobody@x.example")
    assert "nobody" not in str(event.details)
    assert event.ip_address == "127.0.0.1"
    assert event.request_id is not None


def test_a_failed_audit_write_fails_the_request(
    privacy_officer: User, signed_in: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the access cannot be recorded, the page is not shown (fail closed)."""
    client = signed_in(privacy_officer)
    client.raise_request_exception = False
    before = AccessEvent.objects.count()

    def broken_lock_key() -> None:
        raise DatabaseError("audit table unavailable")

    original = audit_record

    def failing_audit_record(**kwargs: object) -> AccessEvent:
        broken_lock_key()
        return original(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("cehub.privacy.selectors.audit_record", failing_audit_record)
    response = client.get(reverse("privacy:access_log"))
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
    assert b"Traceback" not in response.content
    assert b"audit table unavailable" not in response.content
    assert AccessEvent.objects.count() == before


def test_a_failed_audit_write_fails_the_sign_in(
    client: Client, hub_social_worker: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No audit event, no session: the sign-in does not happen."""
    client.raise_request_exception = False

    def refuse(**kwargs: object) -> None:
        raise DatabaseError("audit table unavailable")

    response = client.post(
        reverse("account_login"), {"login": hub_social_worker.email, "password": TEST_PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    monkeypatch.setattr("cehub.accounts.receivers.audit_record", refuse)
    code = pyotp.TOTP(hub_social_worker.test_totp_secret).now()  # type: ignore[attr-defined]
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 500
    home = client.get(reverse("home"))
    assert home.status_code == 302 and home["Location"].startswith("/account/login/")


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_form_one_chain() -> None:
    """Writes are serialised by the advisory lock, so parallel requests never fork the chain."""
    errors: list[BaseException] = []

    def write_many() -> None:
        try:
            for n in range(25):
                audit_record(action=AccessAction.VIEW, object_type="test", object_id=str(n))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify_chain()
    assert report.intact, report.first_break
    assert report.checked == 100
    assert AccessEvent.objects.values("prev_hash").distinct().count() == 100


def test_lock_key_fits_a_bigint() -> None:
    assert 0 < audit.AUDIT_CHAIN_LOCK_KEY < 2**63
