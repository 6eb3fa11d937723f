"""Reads for missing episodes: a child's episodes, one episode, the interview deadline and
the flag on a child who goes missing often."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from cehub.cases.models import MissingEpisode
from cehub.core.audit import audit_record
from cehub.core.deadlines import DeadlineStatus, deadline_status, missing_flag_rule
from cehub.core.models import AccessAction
from cehub.people.access import can_open_record
from cehub.people.models import Person

if TYPE_CHECKING:
    from cehub.accounts.models import User


def missing_episodes_for(*, viewer: User, person: Person) -> QuerySet[MissingEpisode]:
    if not can_open_record(viewer, person):
        raise Http404
    return MissingEpisode.objects.filter(person=person).order_by("-missing_from")


def missing_episode_get(*, viewer: User, episode_id: uuid.UUID) -> MissingEpisode:
    episode = MissingEpisode.objects.select_related("person").filter(pk=episode_id).first()
    if episode is None or not can_open_record(viewer, episode.person):
        raise Http404
    audit_record(
        action=AccessAction.VIEW, user=viewer, object_type="missing-episode", object_id=episode.pk
    )
    return episode


def interview_status(
    episode: MissingEpisode, *, now: datetime | None = None
) -> DeadlineStatus | None:
    """The return home interview deadline, in words."""
    if episode.interview_due_at is None:
        return None
    return deadline_status(episode.interview_due_at, met_at=episode.interview_offered_at, now=now)


@dataclass(frozen=True)
class MissingFlag:
    recent: int  # episodes that began within the rule's window
    raised: bool  # enough of them to prompt a strategy discussion


def missing_flag(person: Person, *, now: datetime) -> MissingFlag:
    """For a record the caller has already checked (part of the child's risk summary)."""
    rule = missing_flag_rule()
    recent = MissingEpisode.objects.filter(
        person=person, missing_from__gte=now - rule.window
    ).count()
    return MissingFlag(recent=recent, raised=recent >= rule.episodes)
