"""Pages for the daily multi-agency exploitation meeting and the actions tracker.

Views parse forms and call the services (writes) and selectors (reads, which check access and
write the access log). Minutes are for hub roles; anyone signed in sees the actions they own.
After a successful POST they redirect; on a problem they draw the page again with the error
summary, keeping what was typed, and nothing is saved.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cehub.accounts.models import User
from cehub.core.access import permission_required, request_user
from cehub.core.errors import ServiceError
from cehub.language.review import wording_review_pending

from . import selectors, services
from .forms import (
    ActionCompleteForm,
    AgendaItemForm,
    CorrectionForm,
    ItemRunForm,
    MeetingCreateForm,
    StartForm,
)
from .models import Action, ActionStatus, AgendaItem, Meeting, MeetingStatus


def _attach(form: forms.Form, error: ServiceError, fields: dict[str, str] | None = None) -> None:
    """Show a service's error on its field (renamed by ``fields``), or above the form."""
    field = (fields or {}).get(error.field or "", error.field)
    form.add_error(field if field in form.fields else None, str(error))


def _items(meeting: Meeting) -> list[AgendaItem]:
    """The agenda in order, without removed items (prefetched by ``meeting_get``)."""
    return sorted((i for i in meeting.items.all() if not i.removed), key=lambda i: i.position)


# --- Meetings ------------------------------------------------------------------------------
@permission_required("meetings.view")
@require_http_methods(["GET"])
def meeting_list(request: HttpRequest) -> HttpResponse:
    viewer = request_user(request)
    meetings = selectors.meeting_list(viewer=viewer).annotate(
        item_count=Count("items", filter=Q(items__removed=False))
    )
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "meetings": meetings,
            "can_manage": viewer.has_perm("meetings.manage"),
            "today": timezone.localdate(),
        },
    )


@permission_required("meetings.manage")
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    viewer = request_user(request)
    if request.method == "POST":
        form = MeetingCreateForm(request.POST)
        if form.is_valid():
            try:
                meeting = services.meeting_create(
                    actor=viewer,
                    meeting_date=form.cleaned_data["meeting_date"],
                    chair=form.cleaned_data["chair"],
                )
            except ServiceError as error:
                _attach(form, error)
            else:
                messages.success(request, "Meeting set up and its agenda built")
                return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
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
    status: int = 200,
) -> HttpResponse:
    viewer = request_user(request)
    can_manage = viewer.has_perm("meetings.manage")
    items = _items(meeting)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "first_item": items[0] if items else None,
            "attendance": sorted(meeting.attendance.all(), key=lambda a: a.user.full_name),
            "corrections": [c for c in meeting.corrections.all() if c.item_id is None],
            "can_manage": can_manage,
            "planned": meeting.status == MeetingStatus.PLANNED,
            "in_progress": meeting.status == MeetingStatus.IN_PROGRESS,
            "closed": meeting.status == MeetingStatus.CLOSED,
            "add_form": add_form or AgendaItemForm(),
            "start_form": start_form or StartForm(),
            "correction_form": correction_form or CorrectionForm(),
            "page_error": page_error,
            "all_forms": [add_form, start_form, correction_form],
        },
        status=status,
    )


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
    if form.is_valid():
        try:
            services.agenda_item_add(
                actor=viewer, meeting=meeting, summary=form.cleaned_data["summary"]
            )
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(request, "Item added to the end of the agenda")
            return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    return _render_detail(request, meeting, add_form=form)


def _item_for_change(request: HttpRequest, item_id: uuid.UUID) -> AgendaItem:
    item = selectors.agenda_item_get(viewer=request_user(request), item_id=item_id)
    if item.removed:
        raise Http404
    return item


def _page_error(request: HttpRequest, meeting_id: uuid.UUID, error: ServiceError) -> HttpResponse:
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
    return redirect(
        reverse("meetings:meeting_detail", kwargs={"meeting_id": item.meeting_id})
        + f"#item-{item.pk}"
    )


@permission_required("meetings.manage")
@require_http_methods(["POST"])
def meeting_start(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    meeting = selectors.meeting_get(viewer=viewer, meeting_id=meeting_id)
    form = StartForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_start(actor=viewer, meeting=meeting, attendees=form.attendees())
        except ServiceError as error:
            _attach(form, error, {"attendees": "hub_attendees"})
        else:
            messages.success(request, "Meeting started and attendance recorded")
            items = _items(meeting)
            if items:
                return redirect("meetings:item_run", item_id=items[0].pk)
            return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    return _render_detail(request, meeting, start_form=form)


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
    if form.is_valid() and not wording_review_pending(form):
        try:
            services.correction_add(actor=viewer, meeting=meeting, text=form.cleaned_data["text"])
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(request, "Correction added to the minutes")
            return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    return _render_detail(request, meeting, correction_form=form)


# --- Running one item ----------------------------------------------------------------------
def _item_initial(item: AgendaItem) -> dict[str, Any]:
    return {"discussion": item.discussion, "decisions": item.decisions}


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
    form = ItemRunForm(initial=_item_initial(item))
    correction_form = CorrectionForm()
    status = 200
    if request.method == "POST":
        if not viewer.has_perm("meetings.manage"):
            raise Http404
        if request.POST.get("form") == "correction":
            correction_form = CorrectionForm(request.POST)
            if correction_form.is_valid() and not wording_review_pending(correction_form):
                try:
                    services.correction_add(
                        actor=viewer,
                        meeting=meeting,
                        text=correction_form.cleaned_data["text"],
                        item=item,
                    )
                except ServiceError as error:
                    _attach(correction_form, error)
                else:
                    messages.success(request, "Correction added to the minutes")
                    return redirect("meetings:item_run", item_id=item.pk)
        else:
            form = ItemRunForm(request.POST)
            if form.is_valid() and not wording_review_pending(form):
                try:
                    _save_item(viewer, item, form)
                except ServiceError as error:
                    _attach(
                        form,
                        error,
                        {
                            "description": "action_description",
                            "owner": "action_owner",
                            "due_date": "action_due_date",
                        },
                    )
                else:
                    messages.success(request, "Discussion saved")
                    if "next" in request.POST:
                        if next_item is not None:
                            return redirect("meetings:item_run", item_id=next_item.pk)
                        return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
                    return redirect("meetings:item_run", item_id=item.pk)
        # A closed meeting refuses every change: say so as a conflict, not a typing error.
        status = 409 if meeting.status == MeetingStatus.CLOSED else 200
    actions = sorted(item.actions.all(), key=lambda a: (a.created_at, a.pk))
    return render(
        request,
        "meetings/item_run.html",
        {
            "meeting": meeting,
            "item": item,
            "position": index + 1,
            "count": len(items),
            "previous_item": items[index - 1] if index > 0 else None,
            "next_item": next_item,
            "actions": actions,
            "corrections": list(item.corrections.all()),
            "form": form,
            "correction_form": correction_form,
            "all_forms": [form, correction_form],
            "can_manage": viewer.has_perm("meetings.manage"),
            "in_progress": meeting.status == MeetingStatus.IN_PROGRESS,
            "planned": meeting.status == MeetingStatus.PLANNED,
            "closed": meeting.status == MeetingStatus.CLOSED,
        },
        status=status,
    )


def _save_item(viewer: User, item: AgendaItem, form: ItemRunForm) -> None:
    """The discussion and its action together, or neither."""
    with transaction.atomic():
        services.discussion_record(
            actor=viewer,
            item=item,
            discussion=form.cleaned_data["discussion"],
            decisions=form.cleaned_data["decisions"],
        )
        if form.has_action():
            services.action_create(
                actor=viewer,
                item=item,
                description=form.cleaned_data["action_description"],
                owner=form.cleaned_data["action_owner"],
                due_date=form.cleaned_data["action_due_date"],
            )


# --- Minutes -------------------------------------------------------------------------------
@permission_required("meetings.view")
@require_http_methods(["GET"])
def minutes_print(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting = selectors.meeting_get(viewer=request_user(request), meeting_id=meeting_id)
    return render(
        request,
        "meetings/minutes_print.html",
        {
            "meeting": meeting,
            "items": _items(meeting),
            "attendance": sorted(meeting.attendance.all(), key=lambda a: a.user.full_name),
            "corrections": list(meeting.corrections.all()),
            "closed": meeting.status == MeetingStatus.CLOSED,
        },
    )


@permission_required("meetings.view")
@require_http_methods(["GET"])
def actions_csv(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    meeting = selectors.meeting_get(viewer=viewer, meeting_id=meeting_id)
    content = selectors.actions_csv(viewer=viewer, meeting=meeting)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"meeting-actions-{meeting.date:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Actions tracker -----------------------------------------------------------------------
@dataclass(frozen=True)
class ActionRow:
    action: Action
    due_text: str
    state: str  # "overdue", "due-today", "open" or "completed": for the tag's colour
    form: ActionCompleteForm | None


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def due_words(action: Action, today: date) -> tuple[str, str]:
    """The deadline in words, and a state for the tag's colour (never colour alone)."""
    if action.status == ActionStatus.COMPLETED:
        when = timezone.localtime(action.completed_at) if action.completed_at else None
        return (f"Completed on {when:%-d %b %Y}" if when else "Completed"), "completed"
    if action.due_date < today:
        return f"Overdue by {_days((today - action.due_date).days)}", "overdue"
    if action.due_date == today:
        return "Due today", "due-today"
    return f"Due in {_days((action.due_date - today).days)}", "open"


PAGES = {
    "mine": ("meetings/my_actions.html", "meetings:my_actions"),
    "team": ("meetings/team_actions.html", "meetings:team_actions"),
    "overdue": ("meetings/overdue_actions.html", "meetings:overdue_actions"),
}


def _actions_page(
    request: HttpRequest,
    page: str,
    *,
    failed: tuple[uuid.UUID, ActionCompleteForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = request_user(request)
    listing = {
        "mine": selectors.my_actions,
        "team": selectors.team_actions,
        "overdue": selectors.overdue_actions,
    }[page](viewer=viewer)
    today = timezone.localdate()
    can_manage = viewer.has_perm("meetings.manage")
    rows: list[ActionRow] = []
    for action in listing:
        words, state = due_words(action, today)
        form: ActionCompleteForm | None = None
        if action.status == ActionStatus.OPEN and (action.owner_id == viewer.pk or can_manage):
            if failed is not None and failed[0] == action.pk:
                form = failed[1]
            else:
                form = ActionCompleteForm(prefix=f"a-{action.pk}")
        rows.append(ActionRow(action=action, due_text=words, state=state, form=form))
    template, _ = PAGES[page]
    return render(
        request,
        template,
        {
            "open_rows": [r for r in rows if r.action.status == ActionStatus.OPEN],
            "completed_rows": [r for r in rows if r.action.status == ActionStatus.COMPLETED],
            "page": page,
            # Minutes (and so the item an action came from) are for hub roles only.
            "sees_minutes": viewer.has_perm("meetings.view"),
            "failed_form": failed[1] if failed else None,
        },
        status=status,
    )


@permission_required("meetings.own_actions")
@require_http_methods(["GET"])
def my_actions(request: HttpRequest) -> HttpResponse:
    return _actions_page(request, "mine")


@permission_required("meetings.view")
@require_http_methods(["GET"])
def team_actions(request: HttpRequest) -> HttpResponse:
    return _actions_page(request, "team")


@permission_required("meetings.view")
@require_http_methods(["GET"])
def overdue_actions(request: HttpRequest) -> HttpResponse:
    return _actions_page(request, "overdue")


@permission_required("meetings.own_actions")
@require_http_methods(["POST"])
def action_complete(request: HttpRequest, action_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    action = selectors.action_get(viewer=viewer, action_id=action_id)
    page = request.POST.get("page", "mine")
    if page not in PAGES or not viewer.has_perm("meetings.view"):
        page = "mine"
    form = ActionCompleteForm(request.POST, prefix=f"a-{action.pk}")
    if form.is_valid() and not wording_review_pending(form):
        try:
            services.action_complete(
                actor=viewer, action=action, outcome=form.cleaned_data["outcome"]
            )
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(request, "Action completed")
            return redirect(PAGES[page][1])
    return _actions_page(request, page, failed=(action.pk, form))
