"""Every practice deadline, computed in one place (DESIGN.md rule 6).

Times are stored in UTC; "due" and "overdue" are judged against UTC now and shown in
Europe/London. Durations are practice defaults (PRACTICE.md) and can be set in settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

SHARING_DECISION_WITHIN = timedelta(hours=24)  # seed 003: consult and share within 24 hours
RETURN_INTERVIEW_WITHIN = timedelta(hours=72)  # DfE statutory guidance
DUE_SOON_WITHIN = timedelta(hours=4)


def sharing_decision_due(submitted_at: datetime) -> datetime:
    return submitted_at + getattr(
        settings, "CEHUB_SHARING_DECISION_WITHIN", SHARING_DECISION_WITHIN
    )


def return_interview_due(returned_at: datetime) -> datetime:
    return returned_at + getattr(settings, "CEHUB_RETURN_INTERVIEW_WITHIN", RETURN_INTERVIEW_WITHIN)


@dataclass(frozen=True)
class DeadlineStatus:
    """How a deadline stands now, in words as well as a state (never colour alone)."""

    state: str  # "met", "overdue", "due-soon", "due"
    due_at: datetime
    text: str


def _duration_words(delta: timedelta) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} hour{'s' if hours != 1 else ''}"
    if hours:
        return f"{hours} hour{'s' if hours != 1 else ''} {minutes} min"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def deadline_status(
    due_at: datetime, *, met_at: datetime | None = None, now: datetime | None = None
) -> DeadlineStatus:
    now = now or timezone.now()
    if met_at is not None:
        late = met_at > due_at
        return DeadlineStatus("met", due_at, "Met late" if late else "Met")
    remaining = due_at - now
    if remaining <= timedelta(0):
        return DeadlineStatus("overdue", due_at, f"Overdue by {_duration_words(remaining)}")
    state = "due-soon" if remaining <= DUE_SOON_WITHIN else "due"
    return DeadlineStatus(state, due_at, f"Due in {_duration_words(remaining)}")
