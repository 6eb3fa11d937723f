"""Pages for the work around a child's case: safety plans, missing episodes and return home
interviews (one at a time or a police list), disruption of the adults, places and vehicles
that exploit children, and National Referral Mechanism referrals.

Views parse forms and call the services (writes) and selectors (reads, which check access and
write the access log). Forbidden and missing records are both 404, including a child whose
record the viewer has no relationship with. After a successful POST they redirect (post,
redirect, get); on a problem they draw the page again with the error summary, keeping what
was typed (409 when someone else changed the record first).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cehub.contexts.models import NodeKind
from cehub.core.access import permission_required, request_user
from cehub.core.deadlines import DeadlineStatus
from cehub.core.errors import ConflictError, ServiceError
from cehub.core.identifiers import format_nhs_number
from cehub.language.review import wording_review_pending
from cehub.people.models import Person
from cehub.people.selectors import RecordLockedError, person_get
from cehub.people.views import date_of_birth_text

from . import selectors, services, work_selectors
from .forms_work import (
    MISSING_ERROR_FIELDS,
    DisruptionForm,
    FoundForm,
    InterviewForm,
    MissingEpisodeForm,
    MissingImportForm,
    NRMForm,
    PlanActionFormSet,
    SafetyPlanForm,
    plan_action_formset,
    plan_actions_data,
    plan_initial,
    safety_plan_input,
)
from .models import (
    CaseStatus,
    InterviewAcceptance,
    MissingEpisode,
    NRMReferral,
    PoliceRiskGrade,
    SafetyPlan,
)
from .services import BulkImportError

CONFLICT = 409
IMPORTED_SESSION_KEY = "cases:missing-imported"  # episode ids only, for the page after import


def _attach(form: forms.Form, error: Exception, fields: dict[str, str] | None = None) -> None:
    """Show a service's error on its field (renamed by ``fields``), or above the form."""
    field = getattr(error, "field", None)
    field = (fields or {}).get(field or "", field)
    form.add_error(field if field in form.fields else None, str(error))


def _person(request: HttpRequest, person_id: uuid.UUID) -> Person:
    """The person, if the viewer may open their record; otherwise 404 like a missing record."""
    try:
        return person_get(viewer=request_user(request), person_id=person_id)
    except RecordLockedError:
        raise Http404 from None


def _identity(person: Person) -> dict[str, Any]:
    return {
        "person": person,
        "date_of_birth": date_of_birth_text(person),
        "nhs_number": format_nhs_number(person.nhs_number) if person.nhs_number else "",
    }


# --- Safety plans --------------------------------------------------------------------------
@permission_required("cases.manage")
@require_http_methods(["GET", "POST"])
def safety_plan_new(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Write a new version of the plan, starting from the latest one ("Add another action"
    adds a blank row and checks nothing)."""
    viewer = request_user(request)
    case = selectors.case_get(viewer=viewer, case_id=case_id)
    latest = selectors.case_safety_plans(viewer=viewer, case=case).first()
    latest_number = latest.version_number if latest else 0
    form: SafetyPlanForm
    formset: PlanActionFormSet
    status = 200
    if request.method == "POST":
        add_one = "add_action" in request.POST
        form = SafetyPlanForm(request.POST, check_input=not add_one)
        formset = plan_action_formset(request.POST, add_one=add_one)
        # Both are checked, so every problem shows at once.
        if (
            not add_one
            and all([form.is_valid(), formset.is_valid()])
            and not wording_review_pending(form, formset)
        ):
            try:
                plan = services.safety_plan_save(
                    actor=viewer,
                    case=case,
                    plan=safety_plan_input(form, formset),
                    based_on_version=form.cleaned_data["based_on"],
                )
            except ConflictError as error:
                form = _plan_form_now_based_on(request, latest_number, str(error))
                status = CONFLICT
            except ServiceError as error:
                _attach(form, error)
            else:
                messages.success(request, f"Safety plan version {plan.version_number} saved")
                return redirect("cases:safety_plan_detail", plan_id=plan.pk)
    elif latest is not None:
        form = SafetyPlanForm(initial=plan_initial(latest))
        formset = plan_action_formset(plan_actions_data(latest), check_input=False)
    else:
        form, formset = SafetyPlanForm(initial={"based_on": 0}), plan_action_formset()
    return render(
        request,
        "cases/work/safety_plan_form.html",
        {
            **_identity(case.person),
            "case": case,
            "latest": latest,
            "form": form,
            "formset": formset,
            "all_forms": [form, formset],
            "case_closed": case.status == CaseStatus.CLOSED,
        },
        status=status,
    )


def _plan_form_now_based_on(
    request: HttpRequest, latest_number: int, message: str
) -> SafetyPlanForm:
    """The form as typed, now based on the newest version, saying someone else saved one."""
    data = request.POST.copy()
    data["based_on"] = str(latest_number)
    form = SafetyPlanForm(data)
    form.is_valid()
    form.add_error(None, message)
    return form


def _plan_context(request: HttpRequest, plan_id: uuid.UUID) -> dict[str, Any]:
    viewer = request_user(request)
    plan = selectors.safety_plan_get(viewer=viewer, plan_id=plan_id)
    versions = list(selectors.case_safety_plans(viewer=viewer, case=plan.case))
    # The copy from the versions list has its actions (and their agencies) prefetched.
    shown: SafetyPlan = next((v for v in versions if v.pk == plan.pk), plan)
    return {
        **_identity(plan.case.person),
        "plan": shown,
        "actions": list(shown.actions.all()),
        "versions": versions,
        "is_latest": bool(versions) and versions[0].pk == plan.pk,
        "can_write": viewer.has_perm("cases.manage") and plan.case.status != CaseStatus.CLOSED,
    }


@permission_required("cases.view_case")
@require_http_methods(["GET"])
def safety_plan_detail(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponse:
    return render(request, "cases/work/safety_plan_detail.html", _plan_context(request, plan_id))


@permission_required("cases.view_case")
@require_http_methods(["GET"])
def safety_plan_print(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponse:
    return render(request, "cases/work/safety_plan_print.html", _plan_context(request, plan_id))


# --- Missing episodes ----------------------------------------------------------------------
@dataclass(frozen=True)
class EpisodeRow:
    episode: MissingEpisode
    deadline: DeadlineStatus | None


def _episode(request: HttpRequest, episode_id: uuid.UUID) -> MissingEpisode:
    return selectors.missing_episode_get(viewer=request_user(request), episode_id=episode_id)


@permission_required("cases.record_missing")
@require_http_methods(["GET", "POST"])
def missing_new(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    person = _person(request, person_id)
    form = MissingEpisodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and not wording_review_pending(form):
        try:
            episode = services.missing_episode_record(
                actor=viewer, person=person, data=form.to_input()
            )
        except ServiceError as error:
            _attach(form, error, MISSING_ERROR_FIELDS)
        else:
            messages.success(request, "Missing episode recorded")
            return redirect("cases:missing_detail", episode_id=episode.pk)
    return render(request, "cases/work/missing_form.html", {**_identity(person), "form": form})


def _interview_initial(episode: MissingEpisode) -> dict[str, Any]:
    """What has been recorded about the interview so far, to correct or complete it."""
    initial: dict[str, Any] = {}
    for name, value in (
        ("offered", episode.interview_offered_at),
        ("completed", episode.interview_completed_at),
    ):
        if value is not None:
            local = timezone.localtime(value)
            initial[f"{name}_date"] = local.date()
            initial[f"{name}_time"] = f"{local:%H:%M}"
    if episode.interview_acceptance != InterviewAcceptance.NOT_OFFERED:
        initial["acceptance"] = episode.interview_acceptance
    initial["interview_by"] = episode.interview_by
    initial["summary"] = episode.interview_summary
    return initial


def _render_episode(
    request: HttpRequest,
    episode: MissingEpisode,
    *,
    found_form: FoundForm | None = None,
    interview_form: InterviewForm | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = request_user(request)
    if episode.found_at is None:
        found_form = found_form or FoundForm(initial={"version": episode.version})
        interview_form = None
    else:
        found_form = None
        interview_form = interview_form or InterviewForm(initial=_interview_initial(episode))
    context = {
        **_identity(episode.person),
        "episode": episode,
        "deadline": selectors.interview_status(episode),
        "can_record": viewer.has_perm("cases.record_missing"),
        "found_form": found_form,
        "interview_form": interview_form,
        "all_forms": [f for f in (found_form, interview_form) if f is not None],
    }
    return render(request, "cases/work/missing_detail.html", context, status=status)


@permission_required("cases.view_case")
@require_http_methods(["GET"])
def missing_detail(request: HttpRequest, episode_id: uuid.UUID) -> HttpResponse:
    return _render_episode(request, _episode(request, episode_id))


@permission_required("cases.record_missing")
@require_http_methods(["POST"])
def missing_found(request: HttpRequest, episode_id: uuid.UUID) -> HttpResponse:
    episode = _episode(request, episode_id)
    form = FoundForm(request.POST)
    status = 200
    if form.is_valid() and not wording_review_pending(form):
        data = form.cleaned_data
        try:
            services.missing_episode_found(
                actor=request_user(request),
                episode=episode,
                found_at=data["found_at"],
                found_where=data["found_where"],
                found_with=data["found_with"],
                harm_disclosed=data["harm_disclosed"],
                expected_version=data["version"],
            )
        except ConflictError as error:
            # Draw the page as it is now, with what was typed and the current version, so a
            # second submission is made knowing what the other person recorded.
            episode = _episode(request, episode_id)
            fresh = request.POST.copy()
            fresh[form.add_prefix("version")] = str(episode.version)
            form = FoundForm(fresh)
            form.is_valid()
            form.add_error(None, str(error))
            status = CONFLICT
        except ServiceError as error:
            _attach(form, error, MISSING_ERROR_FIELDS)
        else:
            messages.success(
                request, "Recorded as found. The return home interview is due within 72 hours"
            )
            return redirect("cases:missing_detail", episode_id=episode.pk)
    return _render_episode(request, episode, found_form=form, status=status)


@permission_required("cases.record_missing")
@require_http_methods(["POST"])
def missing_interview(request: HttpRequest, episode_id: uuid.UUID) -> HttpResponse:
    episode = _episode(request, episode_id)
    form = InterviewForm(request.POST)
    if form.is_valid() and not wording_review_pending(form):
        data = form.cleaned_data
        try:
            services.return_interview_record(
                actor=request_user(request),
                episode=episode,
                offered_at=data["offered_at"],
                acceptance=data["acceptance"],
                completed_at=data["completed_at"],
                interview_by=data["interview_by"],
                summary=data["summary"],
            )
        except ServiceError as error:
            _attach(form, error, MISSING_ERROR_FIELDS)
        else:
            messages.success(request, "Return home interview recorded")
            return redirect("cases:missing_detail", episode_id=episode.pk)
    return _render_episode(request, episode, interview_form=form)


@permission_required("cases.view_case")
@require_http_methods(["GET"])
def missing_list(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    person = _person(request, person_id)
    episodes = selectors.missing_episodes_for(viewer=viewer, person=person)
    summary = selectors.person_risk_summary(viewer=viewer, person=person)
    rows = [EpisodeRow(episode, selectors.interview_status(episode)) for episode in episodes]
    return render(
        request,
        "cases/work/missing_list.html",
        {
            **_identity(person),
            "rows": rows,
            "missing_flag": summary.missing_flag,
            "missing_recent": summary.missing_recent,
            "can_record": viewer.has_perm("cases.record_missing"),
        },
    )


@permission_required("cases.record_missing")
@require_http_methods(["GET", "POST"])
def missing_import(request: HttpRequest) -> HttpResponse:
    """A police list of missing episodes: every row is checked, and all are saved or none."""
    viewer = request_user(request)
    row_errors: list[services.RowError] = []
    imported: list[MissingEpisode] = []
    from_file = False
    if request.method == "POST":
        form = MissingImportForm(request.POST, request.FILES)
        if form.is_valid():
            text = form.csv_data()
            from_file = bool(form.cleaned_data.get("csv_file"))
            try:
                episodes = services.missing_episodes_bulk_import(actor=viewer, csv_text=text)
            except BulkImportError as error:
                row_errors = error.errors
                # Keep the list in the box (even when it came as a file) so it can be corrected.
                data = request.POST.copy()
                data["csv_text"] = text
                form = MissingImportForm(data)
                form.is_valid()
                form.add_error("csv_text", str(error))
            else:
                request.session[IMPORTED_SESSION_KEY] = [str(e.pk) for e in episodes]
                messages.success(
                    request,
                    f"{len(episodes)} missing episode{'s' if len(episodes) != 1 else ''} imported",
                )
                return redirect("cases:missing_import")
    else:
        form = MissingImportForm()
        for episode_id in request.session.pop(IMPORTED_SESSION_KEY, []):
            try:
                imported.append(
                    selectors.missing_episode_get(viewer=viewer, episode_id=uuid.UUID(episode_id))
                )
            except (Http404, ValueError):
                continue
    return render(
        request,
        "cases/work/missing_import.html",
        {
            "form": form,
            "row_errors": row_errors,
            "from_file": from_file,
            "imported": imported,
            "risk_grades": PoliceRiskGrade.choices,
        },
    )


# --- Disruption ----------------------------------------------------------------------------
def _target_context(target: work_selectors.NodeTarget) -> dict[str, Any]:
    urls = {
        NodeKind.PERSON: ("people:person_detail", "person_id"),
        NodeKind.LOCATION: ("contexts:location_detail", "location_id"),
        NodeKind.OBJECT: ("contexts:object_detail", "object_id"),
        NodeKind.GROUP: ("contexts:group_detail", "group_id"),
    }
    url_name, kwarg = urls[NodeKind(target.kind)]
    kind_label = getattr(target.record, "get_kind_display", None)
    return {
        "target": target,
        "target_url": reverse(url_name, kwargs={kwarg: target.record.pk}),
        "target_kind": (
            str(target.record.get_category_display())
            if target.kind == NodeKind.PERSON
            else str(kind_label() if kind_label else NodeKind(target.kind).label)
        ),
    }


@permission_required("cases.disrupt")
@require_http_methods(["GET", "POST"])
def disruption_new(request: HttpRequest, node_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    target = work_selectors.node_target_get(viewer=viewer, node_id=node_id)
    form = DisruptionForm(
        request.POST if request.method == "POST" else None,
        initial={"owner_agency": viewer.agency_id},
    )
    if request.method == "POST" and form.is_valid() and not wording_review_pending(form):
        data = form.cleaned_data
        try:
            services.disruption_record(
                actor=viewer,
                target=target.node,
                kind=data["kind"],
                status=data["status"],
                started_on=data["started_on"],
                owner_agency=data["owner_agency"],
                description=data["description"],
                ended_on=data["ended_on"],
                outcome=data["outcome"],
            )
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(request, "Disruption action recorded")
            return redirect("cases:disruption_list", node_id=target.node.pk)
    return render(
        request, "cases/work/disruption_form.html", {**_target_context(target), "form": form}
    )


@permission_required("cases.disrupt")
@require_http_methods(["GET"])
def disruption_list(request: HttpRequest, node_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    target = work_selectors.node_target_get(viewer=viewer, node_id=node_id)
    actions = selectors.disruptions_for(viewer=viewer, node=target.node).select_related(
        "recorded_by"
    )
    return render(
        request,
        "cases/work/disruption_list.html",
        {**_target_context(target), "actions": list(actions)},
    )


# --- National Referral Mechanism -------------------------------------------------------------
def _nrm_save(
    request: HttpRequest, form: NRMForm, person: Person, referral: NRMReferral | None
) -> NRMReferral | None:
    data = form.cleaned_data
    try:
        return services.nrm_record(
            actor=request_user(request),
            person=person,
            referred_on=data["referred_on"],
            first_responder=data["first_responder"],
            reasonable_grounds=data["reasonable_grounds"],
            reasonable_grounds_on=data["reasonable_grounds_on"],
            conclusive_grounds=data["conclusive_grounds"],
            conclusive_grounds_on=data["conclusive_grounds_on"],
            guardian_allocated_on=data["guardian_allocated_on"],
            referral=referral,
        )
    except ServiceError as error:
        _attach(form, error)
        return None


@permission_required("cases.manage")
@require_http_methods(["GET", "POST"])
def nrm_new(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    person = _person(request, person_id)
    form = NRMForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        referral = _nrm_save(request, form, person, None)
        if referral is not None:
            messages.success(request, "National Referral Mechanism referral recorded")
            return redirect("cases:nrm_edit", referral_id=referral.pk)
    return render(
        request,
        "cases/work/nrm_form.html",
        {
            **_identity(person),
            "form": form,
            "referral": None,
            "existing": list(selectors.nrm_for(viewer=viewer, person=person)),
        },
    )


@permission_required("cases.manage")
@require_http_methods(["GET", "POST"])
def nrm_edit(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = work_selectors.nrm_referral_get(
        viewer=request_user(request), referral_id=referral_id
    )
    if request.method == "POST":
        form = NRMForm(request.POST)
        if form.is_valid() and _nrm_save(request, form, referral.person, referral) is not None:
            messages.success(request, "National Referral Mechanism referral updated")
            return redirect("cases:nrm_edit", referral_id=referral.pk)
    else:
        form = NRMForm(
            initial={
                "referred_on": referral.referred_on,
                "first_responder": referral.first_responder_id,
                "reasonable_grounds": referral.reasonable_grounds,
                "reasonable_grounds_on": referral.reasonable_grounds_on,
                "conclusive_grounds": referral.conclusive_grounds,
                "conclusive_grounds_on": referral.conclusive_grounds_on,
                "guardian_allocated_on": referral.guardian_allocated_on,
            }
        )
    return render(
        request,
        "cases/work/nrm_form.html",
        {**_identity(referral.person), "form": form, "referral": referral, "existing": []},
    )
