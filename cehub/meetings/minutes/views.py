"""Pages for the daily multi-agency exploitation meeting: the list, setting one up, the
meeting page (agenda, attendance, closing, corrections), running each item, and the minutes.

Views parse forms and call the services (writes) and selectors (reads, which check access and
write the access log); ``core.form_views.submit`` runs each POST. After a successful POST
they redirect; on a problem they draw the page again with the error summary, keeping what
was typed, and nothing is saved. Minutes are for hub roles only.
"""

from __future__ import annotations

import uuid
from http import HTTPStatus

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cehub.core.access import permission_required, request_user
from cehub.core.errors import ServiceError
from cehub.core.form_views import submit

from ..models import AgendaItem, Meeting, MeetingStatus
from . import selectors, services
from .forms import (
    ACTION_ERROR_FIELDS,
    AgendaItemForm,
    CorrectionForm,
    ItemRunForm,
    MeetingCreateForm,
    StartForm,
)


def _items(meeting: Meeting) -> list[AgendaItem]:
    """The agenda in order, without removed items (prefetched by ``meeting_get``)."""
    return sorted((i for i in meeting.items.all() if not i.removed), key=lambda i: i.position)


def _status_flags(meeting: Meeting) -> dict[str, bool]:
    return {
        "planned": meeting.status == MeetingStatus.PLANNED,
        "in_progress": meeting.status == MeetingStatus.IN_PROGRESS,
        "closed": meeting.status == MeetingStatus.CLOSED,
    }


def _detail_url(meeting_id: uuid.UUID) -> str:
    return reverse("meetings:meeting_detail", kwargs={"meeting_id": meeting_id})


# --- Meetings ------------------------------------------------------------------------------
@permission_required("meetings.view")
@require_http_methods(["GET"])
def meeting_list(request: HttpRequest) -> HttpResponse:
    viewer = request_user(request)
    context = {
        "meetings": selectors.meeting_list(viewer=viewer),
        "can_manage": viewer.has_perm("meetings.manage"),
        "today": timezone.localdate(),
    }
    return render(request, "meetings/meeting_list.html", context)


@permission_required("meetings.manage")
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    viewer = request_user(request)
    if request.method == "POST":
        form = MeetingCreateForm(request.POST)
        outcome = submit(
            form,
            save=lambda: services.meeting_create(
                actor=viewer,
                meeting_date=form.cleaned_data["meeting_date"],
                chair=form.cleaned_data["chair"],
            ),
        )
        if outcome.saved and outcome.value is not None:
            messages.success(request, "Meeting set up and its agenda built")
            return redirect("meetings:meeting_detail", meeting_id=outcome.value.pk)
    else:
        chair = viewer.pk if viewer.has_perm("meetings.chair") else None
        form = MeetingCreateForm(initial={"meeting_date": timezone.localdate(), "chair": chair})
    return render(request, "meetings/meeting_create.html", {"form": form})


def _render_detail(
    request: HttpRequest,
    meeting: Meeting,
    *,
    add_form: AgendaItemForm | None = None,
    start_form: StartForm | None = None,
    correction_form: CorrectionForm | None = None,
    page_error: str = "",
) -> HttpResponse:
    items = _items(meeting)
    context = {
        "meeting": meeting,
        "items": items,
        "first_item": items[0] if items else None,
        "attendance": sorted(meeting.attendance.all(), key=lambda a: a.user.full_name),
        "corrections": [c for c in meeting.corrections.all() if c.item_id is None],
        "can_manage": request_user(request).has_perm("meetings.manage"),
        **_status_flags(meeting),
        "add_form": add_form or AgendaItemForm(),
        "start_form": start_form or StartForm(),
        "correction_form": correction_form or CorrectionForm(),
        "page_error": page_error,
        "all_forms": [add_form, start_form, correction_form],
    }
    return render(request, "meetings/meeting_detail.html", context)


@permission_required("meetings.view")
@require_http_methods(["GET"])
def meeting_detail(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting = selectors.meeting_get(viewer=request_user(request), meeting_id=meeting_id)
    return _render_detail(request, meeting)


@permission_required("meetings.manage")
@require_http_methods(["POST"])
def item_add(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    meeting = selectors.meeting_get(viewer=viewer, meeting_id=meeting_id)
    form = AgendaItemForm(request.POST)
    outcome = submit(
        form,
        save=lambda: services.agenda_item_add(
            actor=viewer, meeting=meeting, summary=form.cleaned_data["summary"]
        ),
    )
    if outcome.saved:
        messages.success(request, "Item added to the end of the agenda")
        return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    return _render_detail(request, meeting, add_form=form)


def _item_for_change(request: HttpRequest, item_id: uuid.UUID) -> AgendaItem:
    item = selectors.agenda_item_get(viewer=request_user(request), item_id=item_id)
    if item.removed:
        raise Http404
    return item


def _page_error(request: HttpRequest, meeting_id: uuid.UUID, error: ServiceError) -> HttpResponse:
    """A button's refusal, shown above the meeting page (no form to attach it to)."""
    meeting = selectors.meeting_get(viewer=request_user(request), meeting_id=meeting_id)
    return _render_detail(request, meeting, page_error=str(error))


@permission_required("meetings.manage")
@require_http_methods(["POST"])
def item_remove(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = _item_for_change(request, item_id)
    try:
        services.agenda_item_remove(actor=request_user(request), item=item)
    except ServiceError as error:
        return _page_error(request, item.meeting_id, error)
    # No summary in the message: messages can travel in a cookie, summaries name children.
    messages.success(request, "Item removed from the agenda")
    return redirect("meetings:meeting_detail", meeting_id=item.meeting_id)


@permission_required("meetings.manage")
@require_http_methods(["POST"])
def item_move(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = _item_for_change(request, item_id)
    direction = request.POST.get("direction")
    if direction not in {"up", "down"}:
        return _page_error(request, item.meeting_id, ServiceError("Choose to move up or down"))
    try:
        services.agenda_item_move(
            actor=request_user(request), item=item, offset=-1 if direction == "up" else 1
        )
    except ServiceError as error:
        return _page_error(request, item.meeting_id, error)
    return redirect(_detail_url(item.meeting_id) + f"#item-{item.pk}")


@permission_required("meetings.manage")
@require_http_methods(["POST"])
def meeting_start(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    meeting = selectors.meeting_get(viewer=viewer, meeting_id=meeting_id)
    form = StartForm(request.POST)
    outcome = submit(
        form,
        save=lambda: services.meeting_start(
            actor=viewer, meeting=meeting, attendees=form.attendees()
        ),
        fields={"attendees": "hub_attendees"},
    )
    if not outcome.saved:
        return _render_detail(request, meeting, start_form=form)
    messages.success(request, "Meeting started and attendance recorded")
    items = _items(meeting)
    if items:
        return redirect("meetings:item_run", item_id=items[0].pk)
    return redirect("meetings:meeting_detail", meeting_id=meeting.pk)


@permission_required("meetings.manage")
@require_http_methods(["POST"])
def meeting_close(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    meeting = selectors.meeting_get(viewer=viewer, meeting_id=meeting_id)
    try:
        services.meeting_close(actor=viewer, meeting=meeting)
    except ServiceError as error:
        return _render_detail(request, meeting, page_error=str(error))
    messages.success(request, "Meeting closed: the minutes are now locked")
    return redirect("meetings:meeting_detail", meeting_id=meeting.pk)


@permission_required("meetings.manage")
@require_http_methods(["POST"])
def correction_add(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    """A correction to the minutes as a whole (corrections to one item are on its page)."""
    viewer = request_user(request)
    meeting = selectors.meeting_get(viewer=viewer, meeting_id=meeting_id)
    form = CorrectionForm(request.POST)
    outcome = submit(
        form,
        save=lambda: services.correction_add(
            actor=viewer, meeting=meeting, text=form.cleaned_data["text"]
        ),
    )
    if outcome.saved:
        messages.success(request, "Correction added to the minutes")
        return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    return _render_detail(request, meeting, correction_form=form)


# --- Running one item ----------------------------------------------------------------------
@permission_required("meetings.view")
@require_http_methods(["GET", "POST"])
def item_run(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    """One item being discussed: what was said, decided and who does what by when.

    "Save and go to the next item" is the form's first (so default) submit button."""
    viewer = request_user(request)
    found = selectors.agenda_item_get(viewer=viewer, item_id=item_id)
    # The minutes are read through meeting_get, which writes the access log.
    meeting = selectors.meeting_get(viewer=viewer, meeting_id=found.meeting_id)
    item = next((i for i in meeting.items.all() if i.pk == found.pk), None)
    if item is None or item.removed:
        raise Http404
    items = _items(meeting)
    index = next(i for i, row in enumerate(items) if row.pk == item.pk)
    next_item = items[index + 1] if index + 1 < len(items) else None
    form = ItemRunForm(initial={"discussion": item.discussion, "decisions": item.decisions})
    correction_form = CorrectionForm()
    status: int = HTTPStatus.OK
    if request.method == "POST":
        if not viewer.has_perm("meetings.manage"):
            raise Http404
        if request.POST.get("form") == "correction":
            correction_form = CorrectionForm(request.POST)
            added = submit(
                correction_form,
                save=lambda: services.correction_add(
                    actor=viewer,
                    meeting=meeting,
                    text=correction_form.cleaned_data["text"],
                    item=item,
                ),
            )
            if added.saved:
                messages.success(request, "Correction added to the minutes")
                return redirect("meetings:item_run", item_id=item.pk)
            status = added.status
        else:
            form = ItemRunForm(request.POST)
            recorded = submit(
                form,
                save=lambda: services.item_minutes_record(
                    actor=viewer,
                    item=item,
                    discussion=form.cleaned_data["discussion"],
                    decisions=form.cleaned_data["decisions"],
                    action=form.action(),
                ),
                fields=ACTION_ERROR_FIELDS,
            )
            if recorded.saved:
                messages.success(request, "Discussion saved")
                if "next" not in request.POST:
                    return redirect("meetings:item_run", item_id=item.pk)
                if next_item is not None:
                    return redirect("meetings:item_run", item_id=next_item.pk)
                return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
            status = recorded.status
        # A closed meeting refuses every change: say so as a conflict, not a typing error.
        if meeting.status == MeetingStatus.CLOSED:
            status = HTTPStatus.CONFLICT
    context = {
        "meeting": meeting,
        "item": item,
        "position": index + 1,
        "count": len(items),
        "previous_item": items[index - 1] if index > 0 else None,
        "next_item": next_item,
        "actions": sorted(item.actions.all(), key=lambda a: (a.created_at, a.pk)),
        "corrections": list(item.corrections.all()),
        "form": form,
        "correction_form": correction_form,
        "all_forms": [form, correction_form],
        "can_manage": viewer.has_perm("meetings.manage"),
        **_status_flags(meeting),
    }
    return render(request, "meetings/item_run.html", context, status=status)


# --- Minutes -------------------------------------------------------------------------------
@permission_required("meetings.view")
@require_http_methods(["GET"])
def minutes_print(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting = selectors.meeting_get(viewer=request_user(request), meeting_id=meeting_id)
    context = {
        "meeting": meeting,
        "items": _items(meeting),
        "attendance": sorted(meeting.attendance.all(), key=lambda a: a.user.full_name),
        "corrections": list(meeting.corrections.all()),
        "closed": meeting.status == MeetingStatus.CLOSED,
    }
    return render(request, "meetings/minutes_print.html", context)
