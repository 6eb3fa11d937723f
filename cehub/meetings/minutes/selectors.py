"""Reads of meetings and their minutes: hub roles only, every read audited, 404 otherwise."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

from ..models import AgendaItem, Meeting

if TYPE_CHECKING:
    from cehub.accounts.models import User


def _require_minutes_reader(viewer: User) -> None:
    if not viewer.has_perm("meetings.view"):
        raise Http404


def meeting_list(*, viewer: User) -> QuerySet[Meeting]:
    """Newest first, each with ``item_count``: the items still on its agenda."""
    _require_minutes_reader(viewer)
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="meeting-list")
    return (
        Meeting.objects.select_related("chair")
        .annotate(item_count=Count("items", filter=Q(items__removed=False)))
        .order_by("-date")
    )


def meeting_get(*, viewer: User, meeting_id: uuid.UUID) -> Meeting:
    _require_minutes_reader(viewer)
    meeting = (
        Meeting.objects.select_related("chair")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=AgendaItem.objects.select_related(
                    "person", "discussed_by"
                ).prefetch_related(
                    "actions__owner", "actions__owner_agency", "corrections__recorded_by"
                ),
            ),
            "attendance__user",
            "attendance__agency",
            "corrections__recorded_by",
        )
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="meeting", object_id=meeting.pk)
    return meeting


def agenda_item_get(*, viewer: User, item_id: uuid.UUID) -> AgendaItem:
    _require_minutes_reader(viewer)
    item = AgendaItem.objects.select_related("meeting", "person").filter(pk=item_id).first()
    if item is None:
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="meeting-item", object_id=item.pk
    )
    return item
