"""Reads for case notes: a case's notes, a page at a time, and one note to correct.

Who may read them is who may read the case (``casework.selectors.case_get``): a hub role and
a relationship with the child. Every read writes an access-log event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse

from cehub.cases.access import readable_case
from cehub.cases.models import Case, CaseNote
from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

if TYPE_CHECKING:
    from cehub.accounts.models import User

NOTES_PER_PAGE = 50


def _notes(case: Case) -> QuerySet[CaseNote]:
    # The id breaks ties, so pages never overlap or skip a note.
    return (
        CaseNote.objects.filter(case=case)
        .select_related("author", "author_agency", "author_team", "corrects", "correction")
        .order_by("-contact_at", "-recorded_at", "-id")
    )


def page_of(note: CaseNote) -> int:
    """Which page of its case's notes ``note`` is on (for links between a note and its
    correction, which may be on different pages)."""
    before = CaseNote.objects.filter(case_id=note.case_id).filter(
        Q(contact_at__gt=note.contact_at)
        | Q(contact_at=note.contact_at, recorded_at__gt=note.recorded_at)
        | Q(contact_at=note.contact_at, recorded_at=note.recorded_at, id__gt=note.id)
    )
    return before.count() // NOTES_PER_PAGE + 1


@dataclass(frozen=True)
class NoteLink:
    note: CaseNote
    page: int

    @property
    def url(self) -> str:
        """The note on its page of the case's notes."""
        path = reverse("cases:case_notes", kwargs={"case_id": self.note.case_id})
        return f"{path}{f'?page={self.page}' if self.page > 1 else ''}#note-{self.note.pk}"


@dataclass(frozen=True)
class NoteRow:
    note: CaseNote
    correction: NoteLink | None  # the newer note that corrects this one
    corrects: NoteLink | None  # the older note this one corrects


@dataclass(frozen=True)
class CaseNotesPage:
    case: Case
    page: Page[CaseNote]
    rows: list[NoteRow]


def _link(note: CaseNote | None, page_number: int, on_page: set[uuid.UUID]) -> NoteLink | None:
    if note is None:
        return None
    return NoteLink(note, page_number if note.pk in on_page else page_of(note))


def correction_of(note: CaseNote) -> CaseNote | None:
    try:
        return note.correction
    except CaseNote.DoesNotExist:
        return None


def case_notes_page(*, viewer: User, case_id: uuid.UUID, page: str | None) -> CaseNotesPage:
    """One page of a case's notes, newest contact first; a page number out of range gives
    the last page, anything else not a number the first."""
    case = readable_case(viewer, Case.objects.select_related("person").filter(pk=case_id).first())
    page_obj = Paginator(_notes(case), NOTES_PER_PAGE).get_page(page)
    notes = list(page_obj.object_list)
    on_page = {note.pk for note in notes}
    rows = [
        NoteRow(
            note=note,
            correction=_link(correction_of(note), page_obj.number, on_page),
            corrects=_link(note.corrects, page_obj.number, on_page),
        )
        for note in notes
    ]
    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type="case-notes",
        object_id=case.pk,
        details={"page": page_obj.number, "count": len(notes)},
    )
    return CaseNotesPage(case=case, page=page_obj, rows=rows)


def case_note_get(*, viewer: User, case_id: uuid.UUID, note_id: uuid.UUID) -> CaseNote:
    """One note of the case ``case_id`` (a note of another case is missing, as is a case or
    note that does not exist)."""
    note = (
        CaseNote.objects.select_related("case__person", "author", "author_agency", "correction")
        .filter(pk=note_id, case_id=case_id)
        .first()
    )
    if note is None:
        raise Http404
    readable_case(viewer, note.case)
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="case-note", object_id=note.pk)
    return note


@dataclass(frozen=True)
class RecentNotes:
    notes: list[CaseNote]
    total: int


def case_notes_recent(*, viewer: User, case: Case, count: int = 3) -> RecentNotes:
    """The newest notes for the case page, which has already checked and logged the viewer's
    access to the case (so no second event is written here)."""
    readable_case(viewer, case)
    notes = _notes(case)
    return RecentNotes(notes=list(notes[:count]), total=notes.count())
