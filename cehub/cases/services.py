"""Writes for cases: opening, allocation, level changes, plans, missing episodes, disruption,
NRM and closure. Each writes the child's chronology and the access log in one transaction."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from cehub.core.audit import audit_record
from cehub.core.deadlines import return_interview_due
from cehub.core.errors import ConflictError, ServiceError
from cehub.core.identifiers import InvalidIdentifier, normalise_nhs_number
from cehub.core.models import AccessAction
from cehub.core.roles import Role
from cehub.language.services import kept_wording_record
from cehub.people.access import can_open_record
from cehub.people.models import ChronologyKind, Person, PersonCategory, TeamAccessReason
from cehub.people.services import chronology_record, team_access_grant

from .models import (
    Case,
    CaseLevelChange,
    CaseStatus,
    ClosureOutcome,
    DisruptionAction,
    DisruptionKind,
    DisruptionStatus,
    InterviewAcceptance,
    MissingEpisode,
    NRMDecision,
    NRMReferral,
    PoliceRiskGrade,
    SafetyPlan,
    SafetyPlanAction,
)

if TYPE_CHECKING:
    from cehub.accounts.models import Agency, User
    from cehub.contexts.models import Node
    from cehub.screening.models import Screening


def review_interval() -> timedelta:
    """Re-screen at least every 3 months (PRACTICE.md §3); configurable."""
    return timedelta(days=getattr(settings, "CEHUB_REVIEW_INTERVAL_DAYS", 91))


def _require(actor: User, permission: str, person: Person) -> None:
    if not actor.has_perm(permission) or not can_open_record(actor, person):
        raise Http404


def _lock_case(case: Case, expected_version: int | None) -> Case:
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            "Someone else changed this case while you were looking at it. Nothing you entered "
            "has been saved: reload the page to see their changes."
        )
    return locked


def _chronology(
    person: Person,
    actor: User,
    summary: str,
    source: str,
    pk: object,
    kind: ChronologyKind = ChronologyKind.CASE,
    when: datetime | None = None,
) -> None:
    chronology_record(
        person=person,
        kind=kind,
        occurred_at=when or timezone.now(),
        summary=summary,
        source_type=source,
        source_id=pk,  # type: ignore[arg-type]
        actor=actor,
    )


# --- Case lifecycle ------------------------------------------------------------------------
def case_open_or_update(*, actor: User, person: Person, level: str, screening: Screening) -> Case:
    """Medium or high: open a case waiting for allocation, or move the live case's level."""
    now = timezone.now()
    case = (
        Case.objects.select_for_update()
        .filter(person=person)
        .exclude(status=CaseStatus.CLOSED)
        .first()
    )
    if case is None:
        case = Case.objects.create(
            person=person,
            status=CaseStatus.AWAITING_ALLOCATION,
            level=level,
            opened_at=now,
            opened_by=actor,
            review_due_at=now + review_interval(),
        )
        _chronology(
            person,
            actor,
            f"Hub case opened at level {level}, waiting for allocation",
            "case",
            case.pk,
        )
        audit_record(action=AccessAction.CREATE, user=actor, object_type="case", object_id=case.pk)
    else:
        previous = case.level
        case.level, case.review_due_at = level, now + review_interval()
        if case.status == CaseStatus.STEPPED_DOWN:
            case.closure_outcome, case.closure_reason = "", ""
            case.status = (
                CaseStatus.OPEN if case.allocated_worker_id else CaseStatus.AWAITING_ALLOCATION
            )
        case.version += 1
        case.save()
        if previous != level:
            _chronology(
                person, actor, f"Case level changed from {previous} to {level}", "case", case.pk
            )
    CaseLevelChange.objects.create(
        case=case, level=level, screening=screening, changed_at=now, changed_by=actor
    )
    return case


def case_rescreened_below_threshold(
    *, actor: User, person: Person, level: str, screening: Screening
) -> None:
    """A child with a live case re-screened at none or low: the case keeps going (closing it
    is a decision), but its level and review date follow the screening."""
    case = (
        Case.objects.select_for_update()
        .filter(person=person)
        .exclude(status=CaseStatus.CLOSED)
        .first()
    )
    if case is None:
        return
    now = timezone.now()
    previous = case.level
    case.level, case.review_due_at = level, now + review_interval()
    case.version += 1
    case.save(update_fields=["level", "review_due_at", "version"])
    CaseLevelChange.objects.create(
        case=case, level=level, screening=screening, changed_at=now, changed_by=actor
    )
    if previous != level:
        _chronology(
            person, actor, f"Case level changed from {previous} to {level}", "case", case.pk
        )


def case_level_follow_screening(*, actor: User, screening: Screening) -> None:
    """A manager agreed a lower level: the live case (if any) takes it."""
    case = Case.objects.filter(person=screening.person).exclude(status=CaseStatus.CLOSED).first()
    if case is None:
        return
    case.level = screening.final_level
    case.version += 1
    case.save(update_fields=["level", "version"])
    CaseLevelChange.objects.create(
        case=case,
        level=case.level,
        screening=screening,
        changed_at=timezone.now(),
        changed_by=actor,
    )


def case_allocate(
    *, actor: User, case: Case, worker: User, expected_version: int | None = None
) -> Case:
    """A hub manager allocates the case to a worker; their team gains the relationship."""
    if not actor.has_perm("cases.allocate"):
        raise Http404
    if worker.role not in (Role.HUB_PRACTITIONER, Role.HUB_MANAGER) or not worker.is_active:
        raise ServiceError("Choose a hub practitioner or manager", "worker")
    if worker.team_id is None:
        raise ServiceError(
            "This worker is not in a team: ask an administrator to add them", "worker"
        )
    with transaction.atomic():
        case = _lock_case(case, expected_version)
        if case.status == CaseStatus.CLOSED:
            raise ServiceError("This case is closed")
        case.allocated_worker, case.allocated_team = worker, worker.team
        case.allocated_at, case.status = timezone.now(), CaseStatus.OPEN
        case.version += 1
        case.save()
        team_access_grant(person=case.person, team=worker.team, reason=TeamAccessReason.ALLOCATION)  # type: ignore[arg-type]
        _chronology(case.person, actor, f"Case allocated to {worker.full_name}", "case", case.pk)
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="case",
            object_id=case.pk,
            details={"status": "allocated"},
        )
    return case


def case_close(
    *,
    actor: User,
    case: Case,
    outcome: ClosureOutcome | str,
    reason: str,
    step_down: bool = False,
    expected_version: int | None = None,
) -> Case:
    """Close the case, or step it down, with the outcome and the reasons."""
    _require(actor, "cases.manage", case.person)
    if outcome not in ClosureOutcome.values:
        raise ServiceError("Choose the outcome", "outcome")
    if not reason.strip():
        raise ServiceError("Give the reasons for closing the case", "reason")
    with transaction.atomic():
        case = _lock_case(case, expected_version)
        if case.status in (CaseStatus.CLOSED,):
            raise ServiceError("This case is already closed")
        case.status = CaseStatus.STEPPED_DOWN if step_down else CaseStatus.CLOSED
        case.closure_outcome, case.closure_reason = outcome, reason.strip()
        if not step_down:
            case.closed_at = timezone.now()
        case.version += 1
        case.save()
        _chronology(
            case.person,
            actor,
            f"Case {'stepped down' if step_down else 'closed'}: {ClosureOutcome(outcome).label}",
            "case",
            case.pk,
        )
        kept_wording_record(actor=actor, texts={"case.closure_reason": case.closure_reason})
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="case",
            object_id=case.pk,
            details={"status": "stepped down" if step_down else "closed"},
        )
    return case


# --- Safety plan ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PlanAction:
    agency: Agency
    action: str
    owner: str
    due_date: date


@dataclass(frozen=True)
class SafetyPlanInput:
    danger_statement: str
    safety_goal: str
    child_words: str
    review_date: date
    trusted_adults: str = ""
    safe_places: str = ""
    strategies: str = ""
    actions: list[PlanAction] = field(default_factory=list)


def safety_plan_save(
    *, actor: User, case: Case, plan: SafetyPlanInput, based_on_version: int | None = None
) -> SafetyPlan:
    """Write a new version of the child's safety plan (earlier versions are kept).

    ``based_on_version`` is the version the author started from (0 for none): if someone
    saved a newer one meanwhile, nothing is written and ``ConflictError`` says so.
    """
    _require(actor, "cases.manage", case.person)
    for name, message in (
        ("danger_statement", "Describe what we are worried about"),
        ("safety_goal", "Describe the safety goal"),
        (
            "child_words",
            "Record the child's own words and wishes — if they chose not to say, write that",
        ),
    ):
        if not getattr(plan, name).strip():
            raise ServiceError(message, name)
    today = timezone.localdate()
    if plan.review_date <= today:
        raise ServiceError("The review date must be in the future", "review_date")
    for index, action in enumerate(plan.actions):
        if not action.action.strip() or not action.owner.strip():
            raise ServiceError(
                f"Action {index + 1}: enter what will be done and who owns it", "actions"
            )
        if action.due_date < today:
            raise ServiceError(
                f"Action {index + 1}: the due date must be today or in the future", "actions"
            )
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.status == CaseStatus.CLOSED:
            raise ServiceError("This case is closed")
        latest = case.safety_plans.order_by("-version_number").first()
        latest_number = latest.version_number if latest else 0
        if based_on_version is not None and based_on_version != latest_number:
            raise ConflictError(
                f"Someone else saved version {latest_number} of this plan while you were "
                "writing. Nothing you entered has been saved: read their version, then save "
                "yours again."
            )
        row = SafetyPlan.objects.create(
            case=case,
            version_number=latest_number + 1,
            danger_statement=plan.danger_statement.strip(),
            safety_goal=plan.safety_goal.strip(),
            child_words=plan.child_words.strip(),
            trusted_adults=plan.trusted_adults.strip(),
            safe_places=plan.safe_places.strip(),
            strategies=plan.strategies.strip(),
            review_date=plan.review_date,
            created_by=actor,
            created_at=timezone.now(),
        )
        kept_wording_record(
            actor=actor,
            texts={
                f"safety_plan.{name}": getattr(row, name)
                for name in (
                    "danger_statement",
                    "safety_goal",
                    "child_words",
                    "trusted_adults",
                    "safe_places",
                    "strategies",
                )
            },
        )
        SafetyPlanAction.objects.bulk_create(
            SafetyPlanAction(
                plan=row,
                agency=a.agency,
                action=a.action.strip(),
                owner=a.owner.strip(),
                due_date=a.due_date,
            )
            for a in plan.actions
        )
        _chronology(
            case.person,
            actor,
            f"Safety plan version {row.version_number} written",
            "safety-plan",
            row.pk,
            kind=ChronologyKind.PLAN,
        )
        audit_record(
            action=AccessAction.CREATE, user=actor, object_type="safety-plan", object_id=row.pk
        )
    return row


# --- Missing episodes ----------------------------------------------------------------------
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


def _missing_problems(data: MissingEpisodeInput) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    now = timezone.now()
    if data.missing_from > now:
        problems.append(("missing_from", "The time the child went missing must be in the past"))
    if data.reported_at < data.missing_from:
        problems.append(
            ("reported_at", "The time reported must be the same as or after the time missing")
        )
    if data.found_at is not None:
        if data.found_at < data.missing_from:
            problems.append(
                ("found_at", "The time found must be after the time the child went missing")
            )
        if data.found_at > now:
            problems.append(("found_at", "The time found must be in the past"))
    if data.police_risk_grade not in PoliceRiskGrade.values:
        problems.append(("police_risk_grade", "Choose the police risk grade"))
    return problems


def _missing_create(actor: User, person: Person, data: MissingEpisodeInput) -> MissingEpisode:
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
    summary = "Missing episode: " + ("found and safe" if data.found_at else "still missing")
    _chronology(
        person,
        actor,
        summary,
        "missing-episode",
        episode.pk,
        kind=ChronologyKind.MISSING,
        when=data.missing_from,
    )
    kept_wording_record(actor=actor, texts={"missing.harm_disclosed": episode.harm_disclosed})
    audit_record(
        action=AccessAction.CREATE, user=actor, object_type="missing-episode", object_id=episode.pk
    )
    return episode


def missing_episode_record(
    *, actor: User, person: Person, data: MissingEpisodeInput
) -> MissingEpisode:
    _require(actor, "cases.record_missing", person)
    if person.category != PersonCategory.CHILD:
        raise ServiceError("Missing episodes are recorded for children")
    problems = _missing_problems(data)
    if problems:
        raise ServiceError(problems[0][1], problems[0][0])
    with transaction.atomic():
        return _missing_create(actor, person, data)


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
    """The child is found and safe: the 72-hour return interview clock starts."""
    _require(actor, "cases.record_missing", episode.person)
    with transaction.atomic():
        episode = MissingEpisode.objects.select_for_update().get(pk=episode.pk)
        if expected_version is not None and episode.version != expected_version:
            raise ConflictError("Someone else updated this episode: reload to see their changes")
        if episode.found_at is not None:
            raise ServiceError("This episode already records when the child was found", "found_at")
        if found_at < episode.missing_from:
            raise ServiceError(
                "The time found must be after the time the child went missing", "found_at"
            )
        if found_at > timezone.now():
            raise ServiceError("The time found must be in the past", "found_at")
        episode.found_at, episode.interview_due_at = found_at, return_interview_due(found_at)
        episode.found_where, episode.found_with = found_where.strip(), found_with.strip()
        episode.harm_disclosed = harm_disclosed.strip() or episode.harm_disclosed
        episode.version += 1
        episode.save()
        _chronology(
            episode.person,
            actor,
            "Found after a missing episode",
            "missing-episode",
            episode.pk,
            kind=ChronologyKind.MISSING,
            when=found_at,
        )
        kept_wording_record(actor=actor, texts={"missing.harm_disclosed": harm_disclosed.strip()})
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="missing-episode",
            object_id=episode.pk,
            details={"status": "found"},
        )
    return episode


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
    _require(actor, "cases.record_missing", episode.person)
    if episode.found_at is None:
        raise ServiceError("A return interview is offered once the child is found", "offered_at")
    if offered_at < episode.found_at:
        raise ServiceError("The interview must be offered after the child was found", "offered_at")
    if completed_at is not None and completed_at < offered_at:
        raise ServiceError(
            "The interview cannot be completed before it was offered", "completed_at"
        )
    now = timezone.now()
    if offered_at > now or (completed_at is not None and completed_at > now):
        raise ServiceError("Interview times must be in the past", "offered_at")
    if acceptance not in InterviewAcceptance.values:
        raise ServiceError("Say whether the child accepted the interview", "acceptance")
    if completed_at is not None and acceptance != InterviewAcceptance.ACCEPTED:
        raise ServiceError("Only an accepted interview can be completed", "completed_at")
    with transaction.atomic():
        episode = MissingEpisode.objects.select_for_update().get(pk=episode.pk)
        if expected_version is not None and episode.version != expected_version:
            raise ConflictError("Someone else updated this episode: reload to see their changes")
        episode.interview_offered_at, episode.interview_acceptance = offered_at, acceptance
        episode.interview_completed_at = completed_at
        episode.interview_by, episode.interview_summary = interview_by.strip(), summary.strip()
        episode.version += 1
        episode.save()
        text = "Return home interview " + (
            "completed" if completed_at else InterviewAcceptance(acceptance).label.lower()
        )
        _chronology(
            episode.person,
            actor,
            text,
            "missing-episode",
            episode.pk,
            kind=ChronologyKind.MISSING,
            when=completed_at or offered_at,
        )
        kept_wording_record(
            actor=actor, texts={"missing.interview_summary": episode.interview_summary}
        )
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="missing-episode",
            object_id=episode.pk,
            details={"status": "interview"},
        )
    return episode


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


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based, counting the header as row 1 (as spreadsheets do)
    column: str
    message: str


class BulkImportError(ServiceError):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the list; nothing was saved"
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


def missing_episodes_bulk_import(*, actor: User, csv_text: str) -> list[MissingEpisode]:
    """Import a police list of missing episodes: every row valid, or nothing is saved."""
    if not actor.has_perm("cases.record_missing"):
        raise Http404
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
    missing_columns = [
        c
        for c in ("nhs_number", "missing_from", "reported_at", "police_risk_grade")
        if c not in header
    ]
    if missing_columns:
        raise BulkImportError([RowError(1, c, "This column is missing") for c in missing_columns])
    unknown = [c for c in header if c not in BULK_COLUMNS]
    if unknown:
        raise BulkImportError([RowError(1, c, "Unknown column") for c in unknown])
    errors: list[RowError] = []
    parsed: list[tuple[Person, MissingEpisodeInput]] = []
    for number, raw in enumerate(raw_rows, start=2):
        row = {key.strip().lower(): (value or "").strip() for key, value in raw.items() if key}
        person: Person | None = None
        try:
            nhs = normalise_nhs_number(row.get("nhs_number", ""))
            person = Person.objects.filter(nhs_number=nhs, category=PersonCategory.CHILD).first()
            if person is None:
                errors.append(
                    RowError(
                        number, "nhs_number", "No child with this NHS number is known to the hub"
                    )
                )
            elif not can_open_record(actor, person):
                errors.append(
                    RowError(
                        number,
                        "nhs_number",
                        "You do not have a working relationship with this child",
                    )
                )
                person = None
        except InvalidIdentifier as error:
            errors.append(RowError(number, "nhs_number", error.message))
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
        if person is None or times["missing_from"] is None or times["reported_at"] is None:
            continue
        data = MissingEpisodeInput(
            missing_from=times["missing_from"],
            reported_at=times["reported_at"],
            found_at=times["found_at"],
            police_risk_grade=row.get("police_risk_grade", ""),
            last_seen_where=row.get("last_seen_where", ""),
            found_where=row.get("found_where", ""),
            found_with=row.get("found_with", ""),
            police_reference=row.get("police_reference", ""),
        )
        problems = _missing_problems(data)
        errors += [RowError(number, column, message) for column, message in problems]
        if not problems:
            parsed.append((person, data))
    if errors:
        raise BulkImportError(errors)
    if not parsed:
        raise BulkImportError([RowError(2, "nhs_number", "The file has no episodes")])
    with transaction.atomic():
        return [_missing_create(actor, person, data) for person, data in parsed]


# --- Disruption and NRM ----------------------------------------------------------------------
def disruption_record(
    *,
    actor: User,
    target: Node,
    kind: DisruptionKind | str,
    status: DisruptionStatus | str,
    started_on: date,
    owner_agency: Agency,
    description: str = "",
    ended_on: date | None = None,
    outcome: str = "",
) -> DisruptionAction:
    """Disruption against an adult, place or vehicle (never against a child)."""
    if not actor.has_perm("cases.disrupt"):
        raise Http404
    person = getattr(target, "person", None)
    if person is not None and person.category == PersonCategory.CHILD:
        raise ServiceError(
            "Disruption is against the adults, places and vehicles that exploit children", "target"
        )
    if kind not in DisruptionKind.values:
        raise ServiceError("Choose the kind of disruption", "kind")
    if status not in DisruptionStatus.values:
        raise ServiceError("Choose the status", "status")
    if ended_on is not None and ended_on < started_on:
        raise ServiceError("The end date must be the same as or after the start date", "ended_on")
    if status == DisruptionStatus.COMPLETED and not outcome.strip():
        raise ServiceError("Record the outcome of the completed disruption", "outcome")
    with transaction.atomic():
        action = DisruptionAction.objects.create(
            target=target,
            kind=kind,
            description=description.strip(),
            status=status,
            started_on=started_on,
            ended_on=ended_on,
            outcome=outcome.strip(),
            owner_agency=owner_agency,
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        kept_wording_record(
            actor=actor,
            texts={
                "disruption.description": action.description,
                "disruption.outcome": action.outcome,
            },
        )
        audit_record(
            action=AccessAction.CREATE, user=actor, object_type="disruption", object_id=action.pk
        )
    return action


def nrm_record(
    *,
    actor: User,
    person: Person,
    referred_on: date,
    first_responder: Agency,
    reasonable_grounds: NRMDecision | str = NRMDecision.PENDING,
    reasonable_grounds_on: date | None = None,
    conclusive_grounds: NRMDecision | str = NRMDecision.PENDING,
    conclusive_grounds_on: date | None = None,
    guardian_allocated_on: date | None = None,
    referral: NRMReferral | None = None,
) -> NRMReferral:
    """Record a National Referral Mechanism referral, or update its decisions."""
    _require(actor, "cases.manage", person)
    today = timezone.localdate()
    if referred_on > today:
        raise ServiceError("The referral date must be today or in the past", "referred_on")
    for decision, on, name in (
        (reasonable_grounds, reasonable_grounds_on, "reasonable_grounds_on"),
        (conclusive_grounds, conclusive_grounds_on, "conclusive_grounds_on"),
    ):
        if decision != NRMDecision.PENDING and on is None:
            raise ServiceError("Enter the date of the decision", name)
        if on is not None and on < referred_on:
            raise ServiceError("A decision cannot come before the referral", name)
    if conclusive_grounds != NRMDecision.PENDING and reasonable_grounds == NRMDecision.PENDING:
        raise ServiceError(
            "A conclusive grounds decision follows a reasonable grounds decision",
            "conclusive_grounds",
        )
    with transaction.atomic():
        if referral is None:
            referral = NRMReferral(person=person, recorded_by=actor, recorded_at=timezone.now())
        referral.referred_on, referral.first_responder = referred_on, first_responder
        referral.reasonable_grounds, referral.reasonable_grounds_on = (
            reasonable_grounds,
            reasonable_grounds_on,
        )
        referral.conclusive_grounds, referral.conclusive_grounds_on = (
            conclusive_grounds,
            conclusive_grounds_on,
        )
        referral.guardian_allocated_on = guardian_allocated_on
        referral.save()
        _chronology(
            person,
            actor,
            "National Referral Mechanism: "
            f"reasonable grounds {NRMDecision(reasonable_grounds).label.lower()}, "
            f"conclusive grounds {NRMDecision(conclusive_grounds).label.lower()}",
            "nrm",
            referral.pk,
            kind=ChronologyKind.NRM,
        )
        audit_record(
            action=AccessAction.UPDATE, user=actor, object_type="nrm", object_id=referral.pk
        )
    return referral
