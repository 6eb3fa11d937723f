"""National Referral Mechanism pages: a new referral for a child, and updating its decisions.

Views parse forms and call the NRM services and selectors, which check access and write the
access log. Forbidden and missing are both 404.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.cases.models import NRMReferral
from cehub.cases.pages import identity, person_or_404
from cehub.core.access import permission_required, request_user
from cehub.core.form_views import Outcome, submit
from cehub.people.models import Person

from . import selectors, services
from .forms import NRMForm, nrm_initial


def _save(
    request: HttpRequest, form: NRMForm, person: Person, referral: NRMReferral | None
) -> Outcome[NRMReferral]:
    return submit(
        form,
        save=lambda: services.nrm_record(
            actor=request_user(request), person=person, referral=referral, **form.cleaned_data
        ),
    )


@permission_required("cases.manage")
@require_http_methods(["GET", "POST"])
def nrm_new(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    person = person_or_404(request, person_id)
    form = NRMForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        outcome = _save(request, form, person, None)
        if outcome.saved and outcome.value is not None:
            messages.success(request, "National Referral Mechanism referral recorded")
            return redirect("cases:nrm_edit", referral_id=outcome.value.pk)
    return render(
        request,
        "cases/work/nrm_form.html",
        {
            **identity(person),
            "form": form,
            "referral": None,
            "existing": list(selectors.nrm_for(viewer=viewer, person=person)),
        },
    )


@permission_required("cases.manage")
@require_http_methods(["GET", "POST"])
def nrm_edit(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = selectors.nrm_referral_get(viewer=request_user(request), referral_id=referral_id)
    if request.method == "POST":
        form = NRMForm(request.POST)
        if _save(request, form, referral.person, referral).saved:
            messages.success(request, "National Referral Mechanism referral updated")
            return redirect("cases:nrm_edit", referral_id=referral.pk)
    else:
        form = NRMForm(initial=nrm_initial(referral))
    return render(
        request,
        "cases/work/nrm_form.html",
        {**identity(referral.person), "form": form, "referral": referral, "existing": []},
    )
