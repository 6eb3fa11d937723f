"""Screening pages: screen a child, the live preview, a screening, and the manager's approvals.

They live in cases because they hand the screening to the case and show it (the engine
computes and the professional decides, PRACTICE.md §3). The screening form works without
JavaScript: "Calculate the level" posts the same form back and draws the result. With
JavaScript, htmx posts the form to the preview on every change and swaps in the result; the
preview only calculates and never saves anything.
"""

from __future__ import annotations

import contextlib
import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.accounts.models import User
from cehub.cases.casework.selectors import person_risk_summary
from cehub.core.access import permission_required, request_user
from cehub.core.errors import ServiceError
from cehub.core.form_views import attach_error, submit
from cehub.intake.models import Concern
from cehub.people.models import Person
from cehub.screening import display
from cehub.screening.engine import Tool
from cehub.screening.forms import LowerLevelDecisionForm, ScreeningForm
from cehub.screening.models import Screening, ScreeningStatus
from cehub.screening.selectors import (
    approval_queue as approval_queue_select,
)
from cehub.screening.selectors import (
    child_to_screen,
    screening_concern_get,
    screening_get,
)
from cehub.screening.services import tool_get

from .services import screening_decide, screening_submit


# --- Screening a child ---------------------------------------------------------------------
def _tool_or_latest(ref: str | None) -> tuple[Tool, ServiceError | None]:
    """The tool the form was drawn with; an unknown one is reported, and the latest offered."""
    try:
        return tool_get(ref or None), None
    except ServiceError as error:
        return tool_get(), error


def _concern_from_query(request: HttpRequest, viewer: User, person: Person) -> Concern | None:
    """``?concern=<uuid>`` when screening from a concern about this child; anything else 404s."""
    concern_id = request.GET.get("concern")
    try:
        return screening_concern_get(
            viewer=viewer, person=person, concern_id=uuid.UUID(concern_id) if concern_id else None
        )
    except (ValueError, ServiceError):
        raise Http404 from None


def _render_screen(
    request: HttpRequest,
    person: Person,
    form: ScreeningForm,
    *,
    concern: Concern | None,
    preview: display.Preview | None,
) -> HttpResponse:
    facts, facts_problem = display.facts_shown(person)
    context = {
        "person": person,
        "form": form,
        "tool": form.tool,
        "sections": form.sections(),
        "concern": concern,
        "facts": facts,
        "facts_problem": facts_problem,
        "preview": preview,
        "form_has_errors": bool(form.is_bound and form.errors),
    }
    return render(request, "screening/screen.html", context)


@permission_required("screening.screen")
@require_http_methods(["GET", "POST"])
def screen(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    person = child_to_screen(viewer=viewer, person_id=person_id)
    if request.method == "GET":
        from_concern = _concern_from_query(request, viewer, person)
        form = ScreeningForm(
            tool=tool_get(), initial={"concern": from_concern.pk if from_concern else None}
        )
        return _render_screen(request, person, form, concern=from_concern, preview=None)

    tool, tool_error = _tool_or_latest(request.POST.get("tool"))
    data = request.POST.copy()
    if tool_error is not None:
        # Drawn again with the latest tool, so the assessor can check and send it again.
        data["tool"] = tool.ref
    calculate = request.POST.get("action") == "calculate"
    form = ScreeningForm(data, tool=tool, calculate_only=calculate)
    # Every problem at once: the form's own, an unknown tool and a concern about another child.
    form.is_valid()
    if tool_error is not None:
        attach_error([form], tool_error)
    concern: Concern | None = None
    if "concern" in form.cleaned_data:
        try:
            concern = screening_concern_get(
                viewer=viewer, person=person, concern_id=form.cleaned_data["concern"]
            )
        except ServiceError as error:
            attach_error([form], error)
    if not calculate:
        outcome = submit(
            form,
            save=lambda: screening_submit(
                actor=viewer,
                person=person,
                answers=form.answers(),
                disclosure=form.disclosure(),
                final_level=form.cleaned_data["final_level"],
                rationale=form.cleaned_data["rationale"],
                tool_ref=tool.ref,
                concern=concern,
                advice_given=form.cleaned_data["advice_given"],
                signposted_to=form.cleaned_data["signposted_to"],
            ),
        )
        if outcome.saved and outcome.value is not None:
            messages.success(request, "Screening recorded")
            return redirect("cases:screening_detail", screening_id=outcome.value.pk)
    return _render_screen(
        request, person, form, concern=concern, preview=display.preview(form, person)
    )


@permission_required("screening.screen")
@require_http_methods(["POST"])
def preview(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    """The results region for htmx: calculates from the form as it stands, saves nothing."""
    viewer = request_user(request)
    person = child_to_screen(viewer=viewer, person_id=person_id)
    tool, tool_error = _tool_or_latest(request.POST.get("tool"))
    if tool_error is not None:
        result = display.Preview(problem=str(tool_error))
    else:
        form = ScreeningForm(request.POST, tool=tool, calculate_only=True)
        result = display.preview(form, person)
    return render(request, "screening/_result.html", {"preview": result})


# --- A screening ---------------------------------------------------------------------------
def _render_detail(
    request: HttpRequest,
    viewer: User,
    screening: Screening,
    decision_form: LowerLevelDecisionForm | None = None,
) -> HttpResponse:
    tool = display.tool_or_none(screening.tool_ref)
    explanation = display.explain(
        screening.reasons,
        level=screening.computed_level,
        score=screening.computed_score,
        tool=tool,
    )
    case = None
    # A manager deciding without a relationship sees the screening, not the case.
    with contextlib.suppress(Http404):
        case = person_risk_summary(viewer=viewer, person=screening.person).case
    awaiting = screening.status == ScreeningStatus.AWAITING_APPROVAL
    may_decide = awaiting and viewer.has_perm("screening.approve_lower_level")
    context = {
        "screening": screening,
        "person": screening.person,
        "explanation": explanation,
        "answers": display.answer_rows(screening, explanation, tool),
        "computed": display.level_tag(screening.computed_level, tool),
        "final": display.level_tag(screening.final_level, tool),
        "standing": display.level_tag(screening.effective_level, tool),
        "disclosure": screening.child_facts.get("disclosure"),
        "age": screening.child_facts.get("age"),
        "learning_disability": screening.child_facts.get("learning_disability"),
        "case": case,
        "awaiting": awaiting,
        "may_decide": may_decide and screening.assessed_by_id != viewer.pk,
        "own_lowering": may_decide and screening.assessed_by_id == viewer.pk,
        "decision_form": decision_form or LowerLevelDecisionForm(),
    }
    return render(request, "screening/detail.html", context)


@permission_required("cases.view_case")
@require_http_methods(["GET"])
def detail(request: HttpRequest, screening_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    return _render_detail(request, viewer, screening_get(viewer=viewer, screening_id=screening_id))


@permission_required("screening.approve_lower_level")
@require_http_methods(["POST"])
def decide(request: HttpRequest, screening_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    screening = screening_get(viewer=viewer, screening_id=screening_id)
    form = LowerLevelDecisionForm(request.POST)
    outcome = submit(
        form,
        save=lambda: screening_decide(
            actor=viewer, screening=screening, agree=form.agree(), note=form.cleaned_data["note"]
        ),
    )
    if outcome.saved:
        messages.success(
            request, "Lower level agreed" if form.agree() else "Lower level not agreed"
        )
        return redirect("cases:screening_detail", screening_id=screening.pk)
    return _render_detail(request, viewer, screening, form)


@permission_required("screening.approve_lower_level")
@require_http_methods(["GET"])
def approval_queue(request: HttpRequest) -> HttpResponse:
    rows = []
    for screening in approval_queue_select(viewer=request_user(request)):
        tool = display.tool_or_none(screening.tool_ref)
        rows.append(
            {
                "screening": screening,
                "computed": display.level_tag(screening.computed_level, tool),
                "final": display.level_tag(screening.final_level, tool),
            }
        )
    return render(request, "screening/approval_queue.html", {"rows": rows})
