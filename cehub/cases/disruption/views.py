"""Disruption pages: the actions against an adult, place, vehicle or group, and a new one.

Views parse forms and call the disruption services and selectors, which check access and
write the access log. A child is never a target: the service refuses, in words.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from cehub.contexts.models import NodeKind
from cehub.core.access import permission_required, request_user
from cehub.core.form_views import submit

from . import selectors, services
from .forms import DisruptionForm

TARGET_PAGES = {
    NodeKind.PERSON: ("people:person_detail", "person_id"),
    NodeKind.LOCATION: ("contexts:location_detail", "location_id"),
    NodeKind.OBJECT: ("contexts:object_detail", "object_id"),
    NodeKind.GROUP: ("contexts:group_detail", "group_id"),
}


def _target_context(target: selectors.NodeTarget) -> dict[str, Any]:
    url_name, kwarg = TARGET_PAGES[NodeKind(target.kind)]
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
    target = selectors.node_target_get(viewer=viewer, node_id=node_id)
    form = DisruptionForm(
        request.POST if request.method == "POST" else None,
        initial={"owner_agency": viewer.agency_id},
    )
    if request.method == "POST":
        outcome = submit(
            form,
            save=lambda: services.disruption_record(
                actor=viewer, target=target.node, **form.cleaned_data
            ),
        )
        if outcome.saved:
            messages.success(request, "Disruption action recorded")
            return redirect("cases:disruption_list", node_id=target.node.pk)
    return render(
        request, "cases/work/disruption_form.html", {**_target_context(target), "form": form}
    )


@permission_required("cases.disrupt")
@require_http_methods(["GET"])
def disruption_list(request: HttpRequest, node_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    target = selectors.node_target_get(viewer=viewer, node_id=node_id)
    actions = selectors.disruptions_for(viewer=viewer, node=target.node).select_related(
        "recorded_by"
    )
    return render(
        request,
        "cases/work/disruption_list.html",
        {**_target_context(target), "actions": list(actions)},
    )
