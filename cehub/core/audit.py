"""Writing and verifying the hash-chained access log (SECURITY.md §9–11).

``audit_record`` is the only way events are written. It takes a transaction-scoped advisory
lock, reads the last hash, and inserts the new row with its own hash — so concurrent writers
form one chain. Called inside a service's transaction, the event commits (or rolls back) with
the change it describes; if the write fails, the exception propagates and the request fails.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import GENESIS_HASH, AccessAction, AccessEvent
from .request_context import current_request_context

if TYPE_CHECKING:
    from cehub.accounts.models import User

# An arbitrary, fixed key for pg_advisory_xact_lock: "CEHUB-AU" as a 64-bit integer.
AUDIT_CHAIN_LOCK_KEY = int.from_bytes(b"CEHUBAU1", "big") & 0x7FFFFFFFFFFFFFFF

# Keys allowed in ``details``: counts and codes only, never names or free text about people.
ALLOWED_DETAIL_KEYS = frozenset(
    {
        "count",
        "result_count",
        "page",
        "filters",
        "field",
        "fields",
        "from_role",
        "to_role",
        "from_team",
        "to_team",
        "from_active",
        "to_active",
        "method",
        "status",
        "identifier_digest",
        "kind",
        "format",
        "expires_at",
        "category",
    }
)


def _canonical(event: AccessEvent) -> bytes:
    payload = [
        event.prev_hash,
        event.id,
        event.occurred_at.isoformat(),
        str(event.user_id) if event.user_id else None,
        event.role,
        str(event.agency_id) if event.agency_id else None,
        event.action,
        event.object_type,
        event.object_id,
        event.reason,
        event.details,
        str(event.request_id) if event.request_id else None,
        event.ip_address,
    ]
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()


def compute_hash(event: AccessEvent) -> str:
    return hashlib.sha256(_canonical(event)).hexdigest()


def identifier_digest(identifier: str) -> str:
    """A keyed digest of a typed identifier (e.g. the email of a failed sign-in).

    Lets a privacy officer see repeated attempts against one account without the log holding
    the address itself.
    """
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, identifier.strip().lower().encode(), hashlib.sha256).hexdigest()[:16]


def audit_record(
    *,
    action: AccessAction | str,
    user: User | None = None,
    object_type: str = "",
    object_id: str | uuid.UUID = "",
    reason: str = "",
    details: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
) -> AccessEvent:
    """Append one event to the access log, in the caller's transaction if there is one."""
    details = details or {}
    unknown = set(details) - ALLOWED_DETAIL_KEYS
    if unknown:
        raise ValueError(f"Audit details may not carry {sorted(unknown)}: keep personal data out")
    request_context = current_request_context()
    if user is None and request_context.user_id is not None:
        user_id, role, agency_id = (
            request_context.user_id,
            request_context.role,
            request_context.agency_id,
        )
    elif user is not None:
        user_id, role, agency_id = user.pk, user.role, user.agency_id
    else:
        user_id, role, agency_id = None, "", None

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [AUDIT_CHAIN_LOCK_KEY])
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [AccessEvent._meta.db_table]
            )
            (next_id,) = cursor.fetchone()
        last_hash = (
            AccessEvent.objects.order_by("-id").values_list("hash", flat=True).first()
            or GENESIS_HASH
        )
        event = AccessEvent(
            id=next_id,
            occurred_at=occurred_at or timezone.now(),
            user_id=user_id,
            role=role or "",
            agency_id=agency_id,
            action=str(action),
            object_type=object_type,
            object_id=str(object_id) if object_id else "",
            reason=reason,
            details=details,
            request_id=request_context.request_id,
            ip_address=request_context.ip_address,
            prev_hash=last_hash,
        )
        event.hash = compute_hash(event)
        event.save(force_insert=True)
    return event


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    problem: str


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_break: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.first_break is None


def verify_chain(*, progress_every: int = 0, on_progress: Any = None) -> ChainReport:
    """Recompute every hash in id order and report the first row that does not fit."""
    expected_prev = GENESIS_HASH
    checked = 0
    rows: Iterator[AccessEvent] = AccessEvent.objects.order_by("id").iterator(chunk_size=5000)
    for event in rows:
        if event.prev_hash != expected_prev:
            return ChainReport(
                checked,
                ChainBreak(
                    event.id,
                    "its previous-hash does not match the row before it "
                    "(a row was removed or reordered)",
                ),
            )
        if compute_hash(event) != event.hash:
            return ChainReport(
                checked, ChainBreak(event.id, "its contents do not match its hash (row altered)")
            )
        expected_prev = event.hash
        checked += 1
        if progress_every and on_progress and checked % progress_every == 0:
            on_progress(checked)
    return ChainReport(checked, None)
