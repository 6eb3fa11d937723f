"""Safety plan pages: write a new version (with actions by agency), read one, print one.

Views parse forms and call the plan services and selectors, which check access and write the
access log. Forbidden and missing are both 404.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.cases.casework.selectors import case_get
from cehub.cases.models import CaseStatus, SafetyPlan
from cehub.cases.pages import identity
from cehub.core.access import permission_required, request_user
from cehub.core.form_views import submit

from . import selectors, services
from .forms import (
    PlanActionFormSet,
    SafetyPlanForm,
    plan_action_formset,
    plan_actions_data,
    plan_initial,
    safety_plan_input,
)


@permission_required("cases.manage")
@require_http_methods(["GET", "POST"])
def safety_plan_new(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Write a new version of the plan, starting from the latest one ("Add another action"
    adds a blank row and checks nothing)."""
    viewer = request_user(request)
    case = case_get(viewer=viewer, case_id=case_id)
    latest = selectors.case_safety_plans(viewer=viewer, case=case).first()
    latest_number = latest.version_number if latest else 0
    form: SafetyPlanForm
    formset: PlanActionFormSet
    if request.method == "POST":
        add_one = "add_action" in request.POST
        form = SafetyPlanForm(request.POST, check_input=not add_one)
        formset = plan_action_formset(request.POST, add_one=add_one)
        outcome = submit(
            form,
            formset,
            save=lambda: services.safety_plan_save(
                actor=viewer,
                case=case,
                plan=safety_plan_input(form, formset),
                based_on_version=form.cleaned_data["based_on"],
            ),
            # Someone saved a newer version: the form, as typed, is now based on it.
            current_version=lambda: latest_number,
            version_field="based_on",
        )
        if outcome.saved and outcome.value is not None:
            plan = outcome.value
            messages.success(request, f"Safety plan version {plan.version_number} saved")
            return redirect("cases:safety_plan_detail", plan_id=plan.pk)
        status = outcome.status
    else:
        status = 200
        if latest is not None:
            form = SafetyPlanForm(initial=plan_initial(latest))
            formset = plan_action_formset(plan_actions_data(latest), check_input=False)
        else:
            form, formset = SafetyPlanForm(initial={"based_on": 0}), plan_action_formset()
    return render(
        request,
        "cases/work/safety_plan_form.html",
        {
            **identity(case.person),
            "case": case,
            "latest": latest,
            "form": form,
            "formset": formset,
            "all_forms": [form, formset],
            "case_closed": case.status == CaseStatus.CLOSED,
        },
        status=status,
    )


def _plan_context(request: HttpRequest, plan_id: uuid.UUID) -> dict[str, Any]:
    viewer = request_user(request)
    plan = selectors.safety_plan_get(viewer=viewer, plan_id=plan_id)
    versions = list(selectors.case_safety_plans(viewer=viewer, case=plan.case))
    # The copy from the versions list has its actions (and their agencies) prefetched.
    shown: SafetyPlan = next((v for v in versions if v.pk == plan.pk), plan)
    return {
        **identity(plan.case.person),
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
