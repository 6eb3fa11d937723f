"""Writes for missing episodes: one recorded (or a police list of them), found, and the return
home interview offered and completed.

Each writes the child's chronology and ends with the access-log event, in one transaction.
The return home interview is due within the practice deadline (``core.deadlines``) of the
child being found.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from cehub.cases.access import lock_versioned, log_case_work, require
from cehub.cases.models import InterviewAcceptance, MissingEpisode, PoliceRiskGrade
from cehub.core.deadlines import return_interview_due
from cehub.core.errors import Problem, ServiceError
from cehub.core.identifiers import InvalidIdentifier, normalise_nhs_number
from cehub.core.models import AccessAction
from cehub.people.access import can_open_record
from cehub.people.models import ChronologyKind, Person, PersonCategory

if TYPE_CHECKING:
    from cehub.accounts.models import User

CHOOSE_RISK_GRADE = "Choose the police risk grade"
SAY_IF_ACCEPTED = "Say whether the child accepted the interview"
EPISODE_CHANGED = "Someone else updated this episode: reload to see their changes"


@dataclass(frozen=True)
class MissingEpisodeInput:
    missing_from: datetime
    reported_at: datetime
    police_risk_grade: PoliceRiskGrade | str
    found_at: datetime | None = None
    last_seen_where: str = ""
    found_where: str = ""
    found_with: str = ""
    harm_disclosed: str = ""
    police_reference: str = ""


def _found_problems(missing_from: datetime, found_at: datetime, now: datetime) -> list[Problem]:
    problems: list[Problem] = []
    if found_at < missing_from:
        problems.append(
            ("found_at", "The time found must be after the time the child went missing")
        )
    if found_at > now:
        problems.append(("found_at", "The time found must be in the past"))
    return problems


def _problems(data: MissingEpisodeInput) -> list[Problem]:
    problems: list[Problem] = []
    now = timezone.now()
    if data.missing_from > now:
        problems.append(("missing_from", "The time the child went missing must be in the past"))
    if data.reported_at < data.missing_from:
        problems.append(
            ("reported_at", "The time reported must be the same as or after the time missing")
        )
    if data.found_at is not None:
        problems += _found_problems(data.missing_from, data.found_at, now)
    if data.police_risk_grade not in PoliceRiskGrade.values:
        problems.append(("police_risk_grade", CHOOSE_RISK_GRADE))
    return problems


def _log(actor: User, episode: MissingEpisode, summary: str, when: datetime, **how: Any) -> None:
    log_case_work(
        actor,
        episode.person,
        "missing-episode",
        episode.pk,
        summary,
        kind=ChronologyKind.MISSING,
        when=when,
        **how,
    )


def _create(actor: User, person: Person, data: MissingEpisodeInput) -> MissingEpisode:
    episode = MissingEpisode.objects.create(
        person=person,
        police_reference=data.police_reference.strip(),
        missing_from=data.missing_from,
        reported_at=data.reported_at,
        found_at=data.found_at,
        last_seen_where=data.last_seen_where.strip(),
        found_where=data.found_where.strip(),
        found_with=data.found_with.strip(),
        police_risk_grade=data.police_risk_grade,
        harm_disclosed=data.harm_disclosed.strip(),
        interview_due_at=return_interview_due(data.found_at) if data.found_at else None,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    _log(
        actor,
        episode,
        "Missing episode: " + ("found and safe" if data.found_at else "still missing"),
        data.missing_from,
        action=AccessAction.CREATE,
        wording={"missing.harm_disclosed": episode.harm_disclosed},
    )
    return episode


def missing_episode_record(
    *, actor: User, person: Person, data: MissingEpisodeInput
) -> MissingEpisode:
    require(actor, "cases.record_missing", person)
    if person.category != PersonCategory.CHILD:
        raise ServiceError("Missing episodes are recorded for children")
    if problems := _problems(data):
        raise ServiceError.of(problems)
    with transaction.atomic():
        return _create(actor, person, data)


def missing_episode_found(
    *,
    actor: User,
    episode: MissingEpisode,
    found_at: datetime,
    found_where: str = "",
    found_with: str = "",
    harm_disclosed: str = "",
    expected_version: int | None = None,
) -> MissingEpisode:
    """The child is found and safe: the return interview clock starts."""
    require(actor, "cases.record_missing", episode.person)
    with transaction.atomic():
        episode = lock_versioned(episode, expected_version, EPISODE_CHANGED)
        if episode.found_at is not None:
            raise ServiceError("This episode already records when the child was found", "found_at")
        if problems := _found_problems(episode.missing_from, found_at, timezone.now()):
            raise ServiceError.of(problems)
        episode.found_at, episode.interview_due_at = found_at, return_interview_due(found_at)
        episode.found_where, episode.found_with = found_where.strip(), found_with.strip()
        episode.harm_disclosed = harm_disclosed.strip() or episode.harm_disclosed
        episode.version += 1
        episode.save()
        _log(
            actor,
            episode,
            "Found after a missing episode",
            found_at,
            details={"status": "found"},
            wording={"missing.harm_disclosed": harm_disclosed.strip()},
        )
    return episode


def _interview_problems(
    episode: MissingEpisode,
    offered_at: datetime,
    acceptance: str,
    completed_at: datetime | None,
) -> list[Problem]:
    if episode.found_at is None:
        return [("offered_at", "A return interview is offered once the child is found")]
    problems: list[Problem] = []
    if offered_at < episode.found_at:
        problems.append(("offered_at", "The interview must be offered after the child was found"))
    if completed_at is not None and completed_at < offered_at:
        problems.append(("completed_at", "The interview cannot be completed before it was offered"))
    now = timezone.now()
    if offered_at > now or (completed_at is not None and completed_at > now):
        problems.append(("offered_at", "Interview times must be in the past"))
    if acceptance not in InterviewAcceptance.values:
        problems.append(("acceptance", SAY_IF_ACCEPTED))
    elif completed_at is not None and acceptance != InterviewAcceptance.ACCEPTED:
        problems.append(("completed_at", "Only an accepted interview can be completed"))
    return problems


def return_interview_record(
    *,
    actor: User,
    episode: MissingEpisode,
    offered_at: datetime,
    acceptance: InterviewAcceptance | str,
    completed_at: datetime | None = None,
    interview_by: str = "",
    summary: str = "",
    expected_version: int | None = None,
) -> MissingEpisode:
    require(actor, "cases.record_missing", episode.person)
    if problems := _interview_problems(episode, offered_at, acceptance, completed_at):
        raise ServiceError.of(problems)
    with transaction.atomic():
        episode = lock_versioned(episode, expected_version, EPISODE_CHANGED)
        episode.interview_offered_at, episode.interview_acceptance = offered_at, acceptance
        episode.interview_completed_at = completed_at
        episode.interview_by, episode.interview_summary = interview_by.strip(), summary.strip()
        episode.version += 1
        episode.save()
        outcome = "completed" if completed_at else InterviewAcceptance(acceptance).label.lower()
        _log(
            actor,
            episode,
            f"Return home interview {outcome}",
            completed_at or offered_at,
            details={"status": "interview"},
            wording={"missing.interview_summary": episode.interview_summary},
        )
    return episode


# --- A police list of episodes ---------------------------------------------------------------
BULK_COLUMNS = (
    "nhs_number",
    "missing_from",
    "reported_at",
    "found_at",
    "police_risk_grade",
    "last_seen_where",
    "found_where",
    "found_with",
    "police_reference",
)
BULK_REQUIRED = ("nhs_number", "missing_from", "reported_at", "police_risk_grade")


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based, counting the header as row 1 (as spreadsheets do)
    column: str
    message: str


class BulkImportError(ServiceError):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the list; "
            "nothing was saved",
            "csv_text",
        )
        self.errors = errors


def _parse_time(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    parsed = parse_datetime(value.replace(" ", "T", 1) if "T" not in value else value)
    if parsed is None:
        raise ValueError("use the form 2026-03-27 14:30")
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)  # police lists are in UK local time
    return parsed


def _read_rows(csv_text: str) -> list[dict[str, str]]:
    """The list's rows, keyed by column (tidied); the header is checked first."""
    try:
        # Materialise now so a malformed file (e.g. an over-long field) is one clear error.
        reader = csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff")))
        raw_rows = list(reader)
    except csv.Error as error:
        raise BulkImportError(
            [RowError(1, "file", f"The list could not be read as CSV ({error})")]
        ) from error
    # Spreadsheets often add empty columns (a trailing comma): those are ignored.
    header = [name.strip().lower() for name in (reader.fieldnames or []) if name and name.strip()]
    if missing := [c for c in BULK_REQUIRED if c not in header]:
        raise BulkImportError([RowError(1, c, "This column is missing") for c in missing])
    if unknown := [c for c in header if c not in BULK_COLUMNS]:
        raise BulkImportError([RowError(1, c, "Unknown column") for c in unknown])
    return [
        {key.strip().lower(): (value or "").strip() for key, value in raw.items() if key}
        for raw in raw_rows
    ]


def _row_child(
    actor: User, number: int, row: dict[str, str], errors: list[RowError]
) -> Person | None:
    try:
        nhs = normalise_nhs_number(row.get("nhs_number", ""))
    except InvalidIdentifier as error:
        errors.append(RowError(number, "nhs_number", error.message))
        return None
    person = Person.objects.filter(nhs_number=nhs, category=PersonCategory.CHILD).first()
    if person is None:
        errors.append(
            RowError(number, "nhs_number", "No child with this NHS number is known to the hub")
        )
        return None
    if not can_open_record(actor, person):
        errors.append(
            RowError(number, "nhs_number", "You do not have a working relationship with this child")
        )
        return None
    return person


def _row_episode(
    actor: User, number: int, row: dict[str, str], errors: list[RowError]
) -> tuple[Person, MissingEpisodeInput] | None:
    person = _row_child(actor, number, row, errors)
    times: dict[str, datetime | None] = {}
    for column in ("missing_from", "reported_at", "found_at"):
        try:
            times[column] = _parse_time(row.get(column, ""))
        except ValueError as error:
            errors.append(RowError(number, column, f"Not a date and time: {error}"))
            times[column] = None
    for column in ("missing_from", "reported_at"):
        if column in row and not row[column]:
            errors.append(RowError(number, column, "Enter a date and time"))
    missing_from, reported_at = times["missing_from"], times["reported_at"]
    if person is None or missing_from is None or reported_at is None:
        return None
    data = MissingEpisodeInput(
        missing_from=missing_from,
        reported_at=reported_at,
        found_at=times["found_at"],
        police_risk_grade=row.get("police_risk_grade", ""),
        last_seen_where=row.get("last_seen_where", ""),
        found_where=row.get("found_where", ""),
        found_with=row.get("found_with", ""),
        police_reference=row.get("police_reference", ""),
    )
    problems = _problems(data)
    errors += [RowError(number, str(column), message) for column, message in problems]
    return None if problems else (person, data)


def missing_episodes_bulk_import(*, actor: User, csv_text: str) -> list[MissingEpisode]:
    """Import a police list of missing episodes: every row valid, or nothing is saved."""
    if not actor.has_perm("cases.record_missing"):
        raise Http404
    errors: list[RowError] = []
    parsed = [
        episode
        for number, row in enumerate(_read_rows(csv_text), start=2)
        if (episode := _row_episode(actor, number, row, errors)) is not None
    ]
    if errors:
        raise BulkImportError(errors)
    if not parsed:
        raise BulkImportError([RowError(2, "nhs_number", "The file has no episodes")])
    with transaction.atomic():
        return [_create(actor, person, data) for person, data in parsed]
