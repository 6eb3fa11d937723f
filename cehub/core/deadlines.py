"""Every practice deadline and threshold, read from one data file and computed in one place
(DESIGN.md rules 4 and 6).

The values live in ``core/practice/cehub-practice-v1.yaml`` (checked against
``core/practice/schema.json``), or in the file ``CEHUB_PRACTICE_RULES_FILE`` names: a
partnership that works to other times changes data, not code. The settings that set a single
value (``CEHUB_SHARING_DECISION_WITHIN``, ``CEHUB_RETURN_INTERVIEW_WITHIN`` as timedeltas,
``CEHUB_REVIEW_INTERVAL_DAYS`` in days) still win over the file.

Times are stored in UTC; "due" and "overdue" are judged against UTC now and shown in
Europe/London.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Final

import jsonschema
import yaml
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

PRACTICE_DIR: Final = Path(__file__).resolve().parent / "practice"
DEFAULT_PRACTICE_RULES: Final = PRACTICE_DIR / "cehub-practice-v1.yaml"
SCHEMA_PATH: Final = PRACTICE_DIR / "schema.json"


class PracticeRulesError(ImproperlyConfigured):
    """The practice rules file is missing, unreadable or does not match its schema."""


@dataclass(frozen=True)
class MissingFlagRule:
    """So many missing episodes within the window raise the flag on the child's record."""

    episodes: int
    window: timedelta


@dataclass(frozen=True)
class PracticeRules:
    """One practice rules file, as read: its id and version, and the rules it sets."""

    id: str
    version: int
    within: Mapping[str, timedelta]  # each deadline's time, by its name in the file
    missing_flag: MissingFlagRule


def _duration(value: Mapping[str, int], origin: str, key: str) -> timedelta:
    duration = timedelta(
        days=value.get("days", 0), hours=value.get("hours", 0), minutes=value.get("minutes", 0)
    )
    if duration <= timedelta(0):
        raise PracticeRulesError(f"{origin}: {key} must be longer than zero")
    return duration


def parse_practice_rules(data: Any, *, origin: str = "<practice rules>") -> PracticeRules:
    """Check parsed data against the schema and build the rules (errors name file and key)."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data),
        key=lambda error: list(map(str, error.absolute_path)),
    )
    if errors:
        lines = [
            f"  at {'.'.join(map(str, error.absolute_path)) or '(top level)'}: {error.message}"
            for error in errors
        ]
        raise PracticeRulesError(
            f"{origin} does not match the practice rules schema:\n" + "\n".join(lines)
        )
    flag = data["missing_flag"]
    return PracticeRules(
        id=data["id"],
        version=data["version"],
        within={
            name: _duration(deadline["within"], origin, f"deadlines.{name}.within")
            for name, deadline in data["deadlines"].items()
        },
        missing_flag=MissingFlagRule(
            episodes=flag["episodes"],
            window=_duration(flag["window"], origin, "missing_flag.window"),
        ),
    )


@cache
def load_practice_rules(path: Path = DEFAULT_PRACTICE_RULES) -> PracticeRules:
    """Read one rules file (once per process: the rules change with a deployment)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PracticeRulesError(f"cannot read the practice rules file {path}: {error}") from None
    except yaml.YAMLError as error:
        raise PracticeRulesError(f"{path}: not valid YAML: {error}") from None
    return parse_practice_rules(data, origin=str(path))


def practice_rules() -> PracticeRules:
    """The rules in force: the file ``CEHUB_PRACTICE_RULES_FILE`` names, or CE Hub's own."""
    return load_practice_rules(
        Path(getattr(settings, "CEHUB_PRACTICE_RULES_FILE", DEFAULT_PRACTICE_RULES))
    )


# --- The deadlines ---------------------------------------------------------------------------
def sharing_decision_within() -> timedelta:
    """Consult partners and decide what to share (seed 003: 24 hours)."""
    override: timedelta | None = getattr(settings, "CEHUB_SHARING_DECISION_WITHIN", None)
    return override or practice_rules().within["sharing_decision"]


def return_interview_within() -> timedelta:
    """Offer a return home interview after a missing child is found (DfE: 72 hours)."""
    override: timedelta | None = getattr(settings, "CEHUB_RETURN_INTERVIEW_WITHIN", None)
    return override or practice_rules().within["return_interview"]


def review_interval() -> timedelta:
    """Re-screen a child on a hub case at least this often (PRACTICE.md §3: 3 months)."""
    days: int | None = getattr(settings, "CEHUB_REVIEW_INTERVAL_DAYS", None)
    return timedelta(days=days) if days is not None else practice_rules().within["case_review"]


def missing_flag_rule() -> MissingFlagRule:
    """How many missing episodes, how recent, prompt a strategy discussion."""
    return practice_rules().missing_flag


def sharing_decision_due(submitted_at: datetime) -> datetime:
    return submitted_at + sharing_decision_within()


def return_interview_due(returned_at: datetime) -> datetime:
    return returned_at + return_interview_within()


def review_due(from_when: datetime) -> datetime:
    return from_when + review_interval()


@dataclass(frozen=True)
class DeadlineStatus:
    """How a deadline stands now, in words as well as a state (never colour alone)."""

    state: str  # "met", "overdue", "due-soon", "due"
    due_at: datetime
    text: str


def period_words(period: timedelta) -> str:
    """A rule's period as practice says it: '72 hours', '24 hours', '30 days', '90 minutes'."""
    minutes = int(period.total_seconds() // 60)
    if minutes % (24 * 60) == 0 and minutes >= 7 * 24 * 60:
        count, unit = minutes // (24 * 60), "day"
    elif minutes % 60 == 0:
        count, unit = minutes // 60, "hour"
    else:
        count, unit = minutes, "minute"
    return f"{count} {unit}{'s' if count != 1 else ''}"


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
    state = "due-soon" if remaining <= practice_rules().within["due_soon"] else "due"
    return DeadlineStatus(state, due_at, f"Due in {_duration_words(remaining)}")
