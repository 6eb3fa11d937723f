"""Reads for the hub's side of intake: the triage queue, and one concern or item to triage.

Each read checks access (404 for forbidden and missing alike) and writes its access event.
A referrer reads only their own submissions, through ``intake.submit.selectors``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.deadlines import DeadlineStatus, deadline_status
from cehub.core.models import AccessAction
from cehub.people.access import can_open_record

from ..models import (
    Concern,
    ConcernStatus,
    IntelligenceStatus,
    Involvement,
    PartnerIntelligence,
    SharingDecision,
)

if TYPE_CHECKING:
    from cehub.accounts.models import User


def concern_visible_to(viewer: User, concern: Concern) -> bool:
    """Hub roles see concerns in triage; once linked, the child's record rules apply."""
    if not viewer.has_perm("intake.view_concern"):
        return False
    return concern.child is None or can_open_record(viewer, concern.child)


@dataclass(frozen=True)
class QueueItem:
    kind: str  # "concern" or "intelligence"
    id: uuid.UUID
    reference: str
    submitted_at: datetime
    agency: str
    summary: str
    deadline: DeadlineStatus
    record: Concern | PartnerIntelligence


def _first_decision_at(model: type[Concern] | type[PartnerIntelligence], field: str) -> QuerySet:
    return model.objects.annotate(
        first_decision_at=Min("sharing_decisions__decided_at"),
        has_decision=Exists(SharingDecision.objects.filter(**{field: OuterRef("pk")})),
    )


def triage_queue(*, viewer: User) -> list[QueueItem]:
    """New concerns and intelligence, oldest first, each with its 24-hour sharing deadline."""
    if not viewer.has_perm("intake.triage"):
        raise Http404
    concerns = (
        _first_decision_at(Concern, "concern")
        .filter(status__in=[ConcernStatus.SUBMITTED, ConcernStatus.IN_TRIAGE])
        .select_related("submitting_agency")
    )
    intelligence = (
        _first_decision_at(PartnerIntelligence, "intelligence")
        # Graded or not, an item stays until its sharing decision is recorded.
        .filter(Q(status=IntelligenceStatus.SUBMITTED) | Q(has_decision=False))
        .select_related("submitting_agency")
    )
    items = [
        QueueItem(
            "concern",
            c.pk,
            c.reference,
            c.submitted_at,
            c.submitting_agency.name,
            "Concern about a child"
            + (" — immediate danger reported" if c.immediate_danger else ""),
            deadline_status(c.sharing_due_at, met_at=c.first_decision_at),
            c,
        )
        for c in concerns
    ] + [
        QueueItem(
            "intelligence",
            i.pk,
            i.reference,
            i.submitted_at,
            i.submitting_agency.name,
            "Partner information",
            deadline_status(i.sharing_due_at, met_at=i.first_decision_at),
            i,
        )
        for i in intelligence
    ]
    audit_record(
        action=AccessAction.VIEW,
        user=viewer,
        object_type="triage-queue",
        details={"count": len(items)},
    )
    return sorted(items, key=lambda item: item.submitted_at)


def _report_prefetch() -> tuple[Prefetch, Prefetch]:
    """What the triage pages show of any report: who and what it names, and the decisions."""
    return (
        Prefetch(
            "involvements",
            queryset=Involvement.objects.select_related(
                "node__person", "node__location", "node__object", "node__group"
            ),
        ),
        Prefetch(
            "sharing_decisions", queryset=SharingDecision.objects.select_related("decided_by")
        ),
    )


def concern_get(*, viewer: User, concern_id: uuid.UUID) -> Concern:
    concern = (
        Concern.objects.select_related("submitted_by", "submitting_agency", "child", "triaged_by")
        .prefetch_related(*_report_prefetch())
        .filter(pk=concern_id)
        .first()
    )
    if concern is None or not concern_visible_to(viewer, concern):
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="concern", object_id=concern.pk)
    return concern


def intelligence_get(*, viewer: User, item_id: uuid.UUID) -> PartnerIntelligence:
    if not viewer.has_perm("intake.view_intelligence"):
        raise Http404
    item = (
        PartnerIntelligence.objects.select_related("submitted_by", "submitting_agency")
        .prefetch_related("gradings__graded_by", *_report_prefetch())
        .filter(pk=item_id)
        .first()
    )
    if item is None:
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="intelligence", object_id=item.pk
    )
    return item


# --- What a triage page shows of a report it has read -----------------------------------------
def sharing_deadline(record: Concern | PartnerIntelligence) -> DeadlineStatus:
    """The 24-hour sharing deadline, met by the first decision recorded (prefetched)."""
    decided = [decision.decided_at for decision in record.sharing_decisions.all()]
    return deadline_status(record.sharing_due_at, met_at=min(decided) if decided else None)


@dataclass(frozen=True)
class InvolvedRow:
    """A person, place or thing in a report, with what the page needs to link to its record."""

    role: str
    description: str
    kind: str
    label: str
    target_id: uuid.UUID | None


def involved_rows(record: Concern | PartnerIntelligence) -> list[InvolvedRow]:
    rows = []
    for involvement in record.involvements.all():
        node = involvement.node
        target = getattr(node, node.kind, None)
        rows.append(
            InvolvedRow(
                role=involvement.get_role_display(),
                description=involvement.description,
                kind=node.kind,
                label=str(target) if target is not None else node.get_kind_display(),
                target_id=target.pk if target is not None else None,
            )
        )
    return rows
