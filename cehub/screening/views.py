"""Screening pages: screen a child, the live preview, a screening, the manager's approvals,
and the low-risk guidance.

The engine computes and the professional decides (PRACTICE.md §3). The screening form works
without JavaScript: "Calculate the level" posts the same form back and draws the result. With
JavaScript, htmx posts the form to the preview on every change and swaps in the result; the
preview only calculates and never saves anything.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.accounts.models import User
from cehub.cases.casework.selectors import approval_queue as approval_queue_select
from cehub.cases.casework.selectors import person_risk_summary, screening_get
from cehub.core.access import permission_required, request_user, signed_in
from cehub.core.errors import ServiceError
from cehub.intake.models import Concern
from cehub.intake.triage.selectors import concern_get
from cehub.language.review import wording_review_pending
from cehub.people.models import Person, PersonCategory
from cehub.people.selectors import RecordLockedError, person_get

from .engine import ChildFacts, Tool
from .forms import LowerLevelDecisionForm, ScreeningForm
from .models import Screening, ScreeningStatus
from .services import (
    child_facts_for,
    screening_compute,
    screening_decide_lower_level,
    screening_record,
    tool_get,
)

# Colour backs up the words in each tag; it never replaces them.
LEVEL_TAG_CLASSES = {
    "none": "govuk-tag--grey",
    "low": "govuk-tag--blue",
    "medium": "govuk-tag--orange",
    "high": "govuk-tag--red",
}
STATUS_TAG_CLASSES = {
    ScreeningStatus.FINAL: "govuk-tag--green",
    ScreeningStatus.AWAITING_APPROVAL: "govuk-tag--yellow",
    ScreeningStatus.APPROVED: "govuk-tag--green",
    ScreeningStatus.NOT_APPROVED: "govuk-tag--orange",
}


def _attach(form: forms.Form, error: ServiceError) -> None:
    """A service error on its field, or above the form when the form has no such field."""
    form.add_error(error.field if error.field in form.fields else None, str(error))


# --- How levels and reasons are shown ------------------------------------------------------
@dataclass(frozen=True)
class LevelTag:
    level: str
    label: str
    classes: str


def tool_or_none(ref: str) -> Tool | None:
    """The tool a stored screening used, if it is still installed (its reasons stand alone)."""
    try:
        return tool_get(ref)
    except ServiceError:
        return None


def level_tag(level: str, tool: Tool | None = None) -> LevelTag:
    tool = tool or tool_or_none("cehub-default")
    detail = tool.level_details.get(level) if tool else None
    label = detail.label if detail else level.capitalize()
    return LevelTag(level=level, label=label, classes=LEVEL_TAG_CLASSES.get(level, ""))


@dataclass(frozen=True)
class IndicatorReasonRow:
    indicator: str
    label: str
    tier: str
    when: str
    status: str
    points: int


@dataclass(frozen=True)
class OverrideRow:
    label: str
    explanation: str
    minimum: LevelTag
    raised: bool


@dataclass(frozen=True)
class Explanation:
    """The computed level, the score and the reasons for both, ready for a page."""

    level: LevelTag
    response: str
    score: int
    indicators: list[IndicatorReasonRow]
    band_text: str
    overrides: list[OverrideRow]


def _label(mapping: Mapping[str, Any], key: str) -> str:
    item = mapping.get(key)
    return str(getattr(item, "label", "")) or key.replace("-", " ").capitalize()


def explain(
    reasons: Sequence[Mapping[str, Any]], *, level: str, score: int, tool: Tool | None
) -> Explanation:
    """Reasons in the engine's JSON shape (stored or fresh) as rows for a page."""
    tiers: Mapping[str, Any] = tool.tiers if tool else {}
    windows: Mapping[str, Any] = {w.id: w for w in tool.recency} if tool else {}
    indicators: list[IndicatorReasonRow] = []
    overrides: list[OverrideRow] = []
    band_text = ""
    for reason in reasons:
        kind = reason.get("kind")
        if kind == "indicator":
            indicators.append(
                IndicatorReasonRow(
                    indicator=str(reason["indicator"]),
                    label=str(reason["label"]),
                    tier=_label(tiers, str(reason["tier"])),
                    when=_label(windows, str(reason["when"])),
                    status="Confirmed" if reason.get("confirmed") else "Suspected",
                    points=int(reason["points"]),
                )
            )
        elif kind == "band":
            band_text = str(reason["text"])
        elif kind == "override":
            overrides.append(
                OverrideRow(
                    label=str(reason["label"]),
                    explanation=str(reason["explanation"]),
                    minimum=level_tag(str(reason["minimum_level"]), tool),
                    raised=bool(reason.get("raised")),
                )
            )
    detail = tool.level_details.get(level) if tool else None
    return Explanation(
        level=level_tag(level, tool),
        response=detail.response if detail else "",
        score=score,
        indicators=indicators,
        band_text=band_text,
        overrides=overrides,
    )


@dataclass(frozen=True)
class Preview:
    """What the results region shows while the form is being filled in."""

    explanation: Explanation | None = None
    waiting: list[str] = field(default_factory=list)
    disclosure_unanswered: bool = False
    problem: str = ""


def _preview(form: ScreeningForm, person: Person) -> Preview:
    given = form.preview()
    try:
        facts = child_facts_for(person, disclosure=bool(given.disclosure))
        result = screening_compute(tool=form.tool, answers=given.answers, facts=facts)
    except ServiceError as error:
        return Preview(problem=str(error))
    return Preview(
        explanation=explain(
            [reason.to_dict() for reason in result.reasons],
            level=result.computed_level,
            score=result.score,
            tool=form.tool,
        ),
        waiting=given.waiting,
        disclosure_unanswered=given.disclosure is None,
    )


# --- Screening a child ---------------------------------------------------------------------
def _child_to_screen(viewer: User, person_id: uuid.UUID) -> Person:
    """A child whose record the viewer may open; anything else is 404."""
    try:
        person = person_get(viewer=viewer, person_id=person_id)
    except RecordLockedError:
        raise Http404 from None
    if person.category != PersonCategory.CHILD:
        raise Http404
    return person


def _tool_or_latest(ref: str | None) -> tuple[Tool, ServiceError | None]:
    """The tool the form was drawn with; an unknown one is reported, and the latest offered."""
    try:
        return tool_get(ref or None), None
    except ServiceError as error:
        return tool_get(), error


def _concern_for(viewer: User, person: Person, concern_id: uuid.UUID | None) -> Concern | None:
    if concern_id is None:
        return None
    concern = concern_get(viewer=viewer, concern_id=concern_id)
    if concern.child_id != person.pk:
        raise ServiceError(
            "The concern this screening follows is about a different child: start the "
            "screening from this child's concern",
            "concern",
        )
    return concern


def _concern_from_query(request: HttpRequest, viewer: User, person: Person) -> Concern | None:
    """``?concern=<uuid>`` when screening from a concern about this child; anything else 404s."""
    concern_id = request.GET.get("concern")
    try:
        return _concern_for(viewer, person, uuid.UUID(concern_id) if concern_id else None)
    except (ValueError, ServiceError):
        raise Http404 from None


def _facts(person: Person) -> tuple[ChildFacts | None, str]:
    try:
        return child_facts_for(person, disclosure=False), ""
    except ServiceError as error:
        return None, str(error)


def _render_screen(
    request: HttpRequest,
    person: Person,
    form: ScreeningForm,
    *,
    concern: Concern | None,
    preview: Preview | None,
) -> HttpResponse:
    facts, facts_problem = _facts(person)
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
    person = _child_to_screen(viewer, person_id)
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
    valid = form.is_valid()
    if tool_error is not None:
        _attach(form, tool_error)
        valid = False
    concern: Concern | None = None
    if "concern" in form.cleaned_data:
        try:
            concern = _concern_for(viewer, person, form.cleaned_data["concern"])
        except ServiceError as error:
            _attach(form, error)
            valid = False
    if valid and not calculate and not wording_review_pending(form):
        try:
            screening = screening_record(
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
            )
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(request, "Screening recorded")
            return redirect("screening:detail", screening_id=screening.pk)
    return _render_screen(
        request,
        person,
        form,
        concern=concern,
        preview=_preview(form, person),
    )


@permission_required("screening.screen")
@require_http_methods(["POST"])
def preview(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    """The results region for htmx: calculates from the form as it stands, saves nothing."""
    viewer = request_user(request)
    person = _child_to_screen(viewer, person_id)
    tool, tool_error = _tool_or_latest(request.POST.get("tool"))
    if tool_error is not None:
        result = Preview(problem=str(tool_error))
    else:
        result = _preview(ScreeningForm(request.POST, tool=tool, calculate_only=True), person)
    return render(request, "screening/_result.html", {"preview": result})


# --- A screening ---------------------------------------------------------------------------
@dataclass(frozen=True)
class AnswerRow:
    label: str
    tier: str
    when: str
    status: str
    points: int | None
    evidence: str


def _answer_rows(
    screening: Screening, explanation: Explanation, tool: Tool | None
) -> list[AnswerRow]:
    reasons = {row.indicator: row for row in explanation.indicators}
    windows: Mapping[str, Any] = {w.id: w for w in tool.recency} if tool else {}
    rows: list[AnswerRow] = []
    for answer in screening.answers:
        indicator = str(answer.get("indicator", ""))
        reason = reasons.get(indicator)
        rows.append(
            AnswerRow(
                label=reason.label if reason else indicator,
                tier=reason.tier if reason else "",
                when=_label(windows, str(answer.get("when", ""))),
                status="Confirmed" if answer.get("confirmed") else "Suspected",
                points=reason.points if reason else None,
                evidence=str(answer.get("evidence", "")),
            )
        )
    return rows


def _render_detail(
    request: HttpRequest,
    viewer: User,
    screening: Screening,
    decision_form: LowerLevelDecisionForm | None = None,
) -> HttpResponse:
    tool = tool_or_none(screening.tool_ref)
    explanation = explain(
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
        "answers": _answer_rows(screening, explanation, tool),
        "computed": level_tag(screening.computed_level, tool),
        "final": level_tag(screening.final_level, tool),
        "standing": level_tag(screening.effective_level, tool),
        "status_classes": STATUS_TAG_CLASSES.get(ScreeningStatus(screening.status), ""),
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
    if form.is_valid() and not wording_review_pending(form):
        try:
            screening_decide_lower_level(
                actor=viewer,
                screening=screening,
                agree=form.agree(),
                note=form.cleaned_data["note"],
            )
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(
                request,
                "Lower level agreed" if form.agree() else "Lower level not agreed",
            )
            return redirect("screening:detail", screening_id=screening.pk)
    return _render_detail(request, viewer, screening, form)


@permission_required("screening.approve_lower_level")
@require_http_methods(["GET"])
def approval_queue(request: HttpRequest) -> HttpResponse:
    screenings = list(approval_queue_select(viewer=request_user(request)))
    rows = [
        {
            "screening": screening,
            "computed": level_tag(screening.computed_level, tool_or_none(screening.tool_ref)),
            "final": level_tag(screening.final_level, tool_or_none(screening.tool_ref)),
        }
        for screening in screenings
    ]
    return render(request, "screening/approval_queue.html", {"rows": rows})


@signed_in
@require_http_methods(["GET"])
def low_risk_guidance(request: HttpRequest) -> HttpResponse:
    return render(request, "screening/low_risk_guidance.html")
