"""Record pages for places, objects and groups, each with the table of what is linked to it.

How a link reads (its sentence, source and grading) is decided in ``contexts.display``, which
the person page uses too.
"""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from cehub.core.access import permission_required, request_user

from . import selectors
from .display import link_rows, object_identifier
from .models import Group, Location, Object


def _render_context_page(
    request: HttpRequest,
    template: str,
    record: Location | Object | Group,
    *,
    this_noun: str,
    extra: dict[str, object] | None = None,
) -> HttpResponse:
    linked = selectors.node_links(viewer=request_user(request), node=record.node)
    context = {
        "record": record,
        "link_rows": link_rows(viewed=record.node, linked=linked, this_noun=this_noun),
        "this_noun": this_noun,
    }
    return render(request, template, {**context, **(extra or {})})


@permission_required("contexts.view_context")
@require_http_methods(["GET"])
def location_detail(request: HttpRequest, location_id: uuid.UUID) -> HttpResponse:
    location = selectors.location_get(viewer=request_user(request), location_id=location_id)
    return _render_context_page(
        request, "contexts/location_detail.html", location, this_noun="this place"
    )


@permission_required("contexts.view_context")
@require_http_methods(["GET"])
def object_detail(request: HttpRequest, object_id: uuid.UUID) -> HttpResponse:
    found = selectors.object_get(viewer=request_user(request), object_id=object_id)
    label, value = object_identifier(found)
    return _render_context_page(
        request,
        "contexts/object_detail.html",
        found,
        this_noun=f"this {found.get_kind_display().lower()}",
        extra={"identifier_label": label, "identifier": value},
    )


@permission_required("contexts.view_context")
@require_http_methods(["GET"])
def group_detail(request: HttpRequest, group_id: uuid.UUID) -> HttpResponse:
    group = selectors.group_get(viewer=request_user(request), group_id=group_id)
    return _render_context_page(
        request, "contexts/group_detail.html", group, this_noun="this group"
    )
