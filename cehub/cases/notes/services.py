"""Writes for case notes: add a note to a child's case, or correct one.

Notes are append-only: there is no edit or delete. A correction is a new note that points at
the note it puts right, with the reason; the note it corrects stays as it was. Each write adds
one entry to the child's chronology (naming the kind of contact, never the note's text) and
one access-log event, in the same transaction as the note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from cehub.cases.access import log_case_work, require
from cehub.cases.models import (
    NOTE_CORRECTION_REASON_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    NOTE_PRESENT_MAX_LENGTH,
    Case,
    CaseNote,
    CaseNoteKind,
    CaseStatus,
)
from cehub.core.errors import Problem, ServiceError
from cehub.core.models import AccessAction
from cehub.people.models import ChronologyKind

if TYPE_CHECKING:
    from cehub.accounts.models import User

CLOSED_CASE = (
    "This case is closed, so case notes can no longer be added to it. If the hub is working "
    "with the child again, screen them: a new case opens at medium or high."
)
ALREADY_CORRECTED = (
    "This note has already been corrected. To change it again, correct the newer note."
)
SELECT_KIND = "Select the kind of contact"
CONTACT_IN_FUTURE = "The time of the contact must be in the past"
SELECT_CHILD_SEEN = "Select whether the child was seen"
PRESENT_TOO_LONG = f"Who was there must be {NOTE_PRESENT_MAX_LENGTH} characters or fewer"
ENTER_TEXT = "Enter the case note"
TEXT_TOO_LONG = f"The case note must be {NOTE_MAX_LENGTH:,} characters or fewer"
ENTER_REASON = "Say why you are correcting the note"
REASON_TOO_LONG = f"The reason must be {NOTE_CORRECTION_REASON_MAX_LENGTH} characters or fewer"


@dataclass(frozen=True)
class CaseNoteInput:
    kind: CaseNoteKind | str
    contact_at: datetime
    text: str
    present: str = ""
    child_seen: bool | None = None


def _require_writer(actor: User, case: Case) -> None:
    """Hub practitioners and managers with a relationship to the child (as for safety plans);
    everyone else gets the same 404 as for a case that does not exist."""
    require(actor, "cases.manage", case.person)


def kind_words(kind: CaseNoteKind | str) -> str:
    """'Visit to the child' -> 'visit to the child', for sentences and chronology summaries."""
    label = str(CaseNoteKind(kind).label)
    return label[:1].lower() + label[1:]


def _tidy(text: str) -> str:
    # Browsers send a textarea's line breaks as CRLF: kept as plain newlines.
    return text.replace("\r\n", "\n").strip()


def _problems(note: CaseNoteInput) -> list[Problem]:
    problems: list[Problem] = []
    if note.kind not in CaseNoteKind.values:
        problems.append(("kind", SELECT_KIND))
    if note.contact_at > timezone.now():
        problems.append(("contact_at", CONTACT_IN_FUTURE))
    if note.kind == CaseNoteKind.VISIT and note.child_seen is None:
        problems.append(("child_seen", SELECT_CHILD_SEEN))
    if len(note.present.strip()) > NOTE_PRESENT_MAX_LENGTH:
        problems.append(("present", PRESENT_TOO_LONG))
    text = _tidy(note.text)
    if not text:
        problems.append(("text", ENTER_TEXT))
    elif len(text) > NOTE_MAX_LENGTH:
        problems.append(("text", TEXT_TOO_LONG))
    return problems


def _reason_problems(reason: str) -> list[Problem]:
    if not reason:
        return [("correction_reason", ENTER_REASON)]
    if len(reason) > NOTE_CORRECTION_REASON_MAX_LENGTH:
        return [("correction_reason", REASON_TOO_LONG)]
    return []


def _check(problems: list[Problem]) -> None:
    if problems:
        raise ServiceError.of(problems)


def _create(
    actor: User,
    case: Case,
    note: CaseNoteInput,
    *,
    corrects: CaseNote | None = None,
    reason: str = "",
) -> CaseNote:
    """Inside the caller's transaction, with the case row locked."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.status == CaseStatus.CLOSED:
        raise ServiceError(CLOSED_CASE)
    row = CaseNote.objects.create(
        case=locked,
        person_id=locked.person_id,
        kind=note.kind,
        contact_at=note.contact_at,
        present=note.present.strip(),
        child_seen=note.child_seen,
        text=_tidy(note.text),
        author=actor,
        author_agency_id=actor.agency_id,
        author_team_id=actor.team_id,
        recorded_at=timezone.now(),
        corrects=corrects,
        correction_reason=reason,
    )
    wording = {"case_note.text": row.text}
    if reason:
        wording["case_note.correction_reason"] = reason
    details = {"kind": row.kind, **({"status": "correction"} if corrects else {})}
    log_case_work(
        actor,
        locked.person,
        "case-note",
        row.pk,
        f"Case note{' corrected' if corrects else ''}: {kind_words(row.kind)}",
        action=AccessAction.CREATE,
        details=details,
        kind=ChronologyKind.NOTE,
        when=row.contact_at,
        wording=wording,
    )
    return row


def case_note_add(*, actor: User, case: Case, note: CaseNoteInput) -> CaseNote:
    """Record a contact with (or about) the child on their case."""
    _require_writer(actor, case)
    _check(_problems(note))
    with transaction.atomic():
        return _create(actor, case, note)


def case_note_correct(
    *, actor: User, original: CaseNote, note: CaseNoteInput, reason: str
) -> CaseNote:
    """Put a note right with a new note; the original is kept, marked as corrected."""
    _require_writer(actor, original.case)
    reason = reason.strip()
    _check(_reason_problems(reason) + _problems(note))
    with transaction.atomic():
        # Locked, so two people correcting the same note at once cannot both succeed.
        locked = CaseNote.objects.select_for_update().get(pk=original.pk)
        if CaseNote.objects.filter(corrects=locked).exists():
            raise ServiceError(ALREADY_CORRECTED)
        return _create(actor, original.case, note, corrects=locked, reason=reason)
