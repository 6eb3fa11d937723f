"""Case notes: a case's notes, adding one, and correcting one.

Anyone who may read the case reads its notes (hub roles with a relationship to the child);
hub practitioners and managers with that relationship write them (``cases.manage``, as for
safety plans). Intelligence officers read but do not write. Forbidden and missing are both
404. Notes are append-only, so there is no edit or delete page: a correction is a new note.

Views parse forms and call the note services and selectors, which check access and write the
access log. Wording that could blame the child is shown once before saving (PRACTICE.md §7).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from cehub.cases.casework.selectors import case_get
from cehub.cases.models import Case, CaseStatus
from cehub.core.access import permission_required, request_user
from cehub.core.form_views import submit

from . import selectors, services
from .forms import NOTE_ERROR_FIELDS, CaseNoteCorrectionForm, CaseNoteForm, correction_initial


def _form_context(case: Case, form: CaseNoteForm, **extra: Any) -> dict[str, Any]:
    return {
        "case": case,
        "person": case.person,
        "form": form,
        "case_closed": case.status == CaseStatus.CLOSED,
        "closed_message": services.CLOSED_CASE,
        **extra,
    }


@permission_required("cases.view_case")
@require_http_methods(["GET"])
def case_notes(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    result = selectors.case_notes_page(viewer=viewer, case_id=case_id, page=request.GET.get("page"))
    case = result.case
    closed = case.status == CaseStatus.CLOSED
    return render(
        request,
        "cases/notes/list.html",
        {
            "case": case,
            "person": case.person,
            "page": result.page,
            "rows": result.rows,
            "may_write": viewer.has_perm("cases.manage") and not closed,
            "case_closed": closed,
        },
    )


@permission_required("cases.manage")
@require_http_methods(["GET", "POST"])
def case_note_new(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    case = case_get(viewer=viewer, case_id=case_id)
    form = CaseNoteForm(request.POST if request.method == "POST" else None)
    # A closed case shows why nothing can be added, and saves nothing.
    if request.method == "POST" and case.status != CaseStatus.CLOSED:
        outcome = submit(
            form,
            save=lambda: services.case_note_add(actor=viewer, case=case, note=form.to_input()),
            fields=NOTE_ERROR_FIELDS,
        )
        if outcome.saved:
            messages.success(request, "Case note added")
            return redirect(
                reverse("cases:case_detail", kwargs={"case_id": case.pk}) + "#case-notes"
            )
    return render(request, "cases/notes/form.html", _form_context(case, form))


@permission_required("cases.manage")
@require_http_methods(["GET", "POST"])
def case_note_correct(request: HttpRequest, case_id: uuid.UUID, note_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    original = selectors.case_note_get(viewer=viewer, case_id=case_id, note_id=note_id)
    case = original.case
    correction = selectors.correction_of(original)
    form = (
        CaseNoteCorrectionForm(request.POST)
        if request.method == "POST"
        else CaseNoteCorrectionForm(initial=correction_initial(original))
    )
    writable = case.status != CaseStatus.CLOSED and correction is None
    if request.method == "POST" and writable:
        outcome = submit(
            form,
            save=lambda: services.case_note_correct(
                actor=viewer,
                original=original,
                note=form.to_input(),
                reason=form.cleaned_data["correction_reason"],
            ),
            fields=NOTE_ERROR_FIELDS,
        )
        if outcome.saved and outcome.value is not None:
            note = outcome.value
            messages.success(request, "Correction added. The note it corrects is kept.")
            return redirect(selectors.NoteLink(note, selectors.page_of(note)).url)
    return render(
        request,
        "cases/notes/form.html",
        _form_context(
            case,
            form,
            original=original,
            correction=(
                selectors.NoteLink(correction, selectors.page_of(correction))
                if correction
                else None
            ),
        ),
    )
