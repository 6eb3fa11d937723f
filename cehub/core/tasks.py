"""Background jobs owned by the core app, run by ``manage.py db_worker``."""

from __future__ import annotations

from typing import Any

from django.tasks import task

from .audit import verify_chain


@task
def verify_access_log() -> dict[str, Any]:
    """Recompute the whole hash chain (the same check as ``manage.py audit_verify``)."""
    report = verify_chain()
    broken = report.first_break
    return {
        "checked": report.checked,
        "intact": broken is None,
        "first_broken_id": broken.event_id if broken else None,
        "problem": broken.problem if broken else "",
    }
