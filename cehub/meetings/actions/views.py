"""The actions tracker's pages: my actions, my team's, overdue across the hub, completing one
with its outcome, and a meeting's actions as a CSV download.

Anyone signed in sees (and completes) the actions they own; the team and overdue lists, and
where an action came from, are for hub roles, as the minutes are.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cehub.core.access import permission_required, request_user
from cehub.core.form_views import submit

from ..minutes.selectors import meeting_get
from ..models import Action, ActionStatus
from . import selectors, services
from .forms import ActionCompleteForm


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


# Each list: its template, its URL name (where completing an action returns) and its read.
PAGES = {
    "mine": ("meetings/my_actions.html", "meetings:my_actions", selectors.my_actions),
    "team": ("meetings/team_actions.html", "meetings:team_actions", selectors.team_actions),
    "overdue": (
        "meetings/overdue_actions.html",
        "meetings:overdue_actions",
        selectors.overdue_actions,
    ),
}


def _actions_page(
    request: HttpRequest,
    page: str,
    *,
    failed: tuple[uuid.UUID, ActionCompleteForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = request_user(request)
    template, _, listing = PAGES[page]
    today = timezone.localdate()
    can_manage = viewer.has_perm("meetings.manage")
    rows: list[ActionRow] = []
    for action in listing(viewer=viewer):
        words, state = due_words(action, today)
        form: ActionCompleteForm | None = None
        if action.status == ActionStatus.OPEN and (action.owner_id == viewer.pk or can_manage):
            if failed is not None and failed[0] == action.pk:
                form = failed[1]
            else:
                form = ActionCompleteForm(prefix=f"a-{action.pk}")
        rows.append(ActionRow(action=action, due_text=words, state=state, form=form))
    context = {
        "open_rows": [r for r in rows if r.action.status == ActionStatus.OPEN],
        "completed_rows": [r for r in rows if r.action.status == ActionStatus.COMPLETED],
        "page": page,
        # Minutes (and so the item an action came from) are for hub roles only.
        "sees_minutes": viewer.has_perm("meetings.view"),
        "failed_form": failed[1] if failed else None,
    }
    return render(request, template, context, status=status)


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
    outcome = submit(
        form,
        save=lambda: services.action_complete(
            actor=viewer, action=action, outcome=form.cleaned_data["outcome"]
        ),
    )
    if outcome.saved:
        messages.success(request, "Action completed")
        return redirect(PAGES[page][1])
    return _actions_page(request, page, failed=(action.pk, form), status=outcome.status)


@permission_required("meetings.view")
@require_http_methods(["GET"])
def actions_csv(request: HttpRequest, meeting_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    meeting = meeting_get(viewer=viewer, meeting_id=meeting_id)
    content = selectors.actions_csv(viewer=viewer, meeting=meeting)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"meeting-actions-{meeting.date:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
