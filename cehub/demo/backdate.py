"""Demo only: date the demo partnership's records across the last 18 months.

CE Hub's services stamp ``timezone.now()`` on what they write (submitted, decided, triaged,
graded, recorded), which is right for real use. A demo loaded in one go would then look as if
every concern arrived this minute, with no history, no trends and no overdue work. So the loader
runs each step of each story inside ``DemoClock.step(when)``, which notes the real interval the
step ran in, and ``DemoClock.apply`` moves every timestamp written inside that interval to the
moment the story says it happened, keeping the order within a step.

Some values are not stamped from the clock but computed from it: a case's review date (now plus
the review interval), a safety plan's review date and its actions' due dates (days after the day
it was written). They move with the step that wrote them. Times the demo gives the services
directly (when a child went missing and was found, NRM and disruption dates) are already where
the story puts them and are left alone.

What is not touched: the access log (``AccessEvent`` rows keep the real time they were written,
so the hash chain still verifies, and the database refuses changes to it anyway) and the
pghistory event tables, which record the re-dating itself as a change made by ``seed_demo``.
Never use this outside the demo loader.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import pghistory
from django.db import connection, models
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.models import (
    Case,
    CaseLevelChange,
    CaseNote,
    DisruptionAction,
    MissingEpisode,
    NRMReferral,
    SafetyPlan,
    SafetyPlanAction,
)
from cehub.contexts.models import Group, Link, Location, Node, Object
from cehub.core.deadlines import return_interview_due, review_interval, sharing_decision_due
from cehub.intake.models import Concern, IntelligenceGrading, PartnerIntelligence, SharingDecision
from cehub.people.models import ChronologyEntry, Person, PersonTeamAccess
from cehub.screening.models import Screening

# Every timestamp the services (or auto_now_add) set from the clock, by model.
STAMPED: tuple[tuple[type[models.Model], tuple[str, ...]], ...] = (
    (User, ("created_at",)),
    (Node, ("created_at",)),
    (Location, ("created_at",)),
    (Object, ("created_at",)),
    (Group, ("created_at",)),
    (Link, ("created_at",)),
    (Person, ("created_at",)),
    (ChronologyEntry, ("occurred_at", "recorded_at")),
    (PersonTeamAccess, ("started_at",)),
    (Concern, ("submitted_at", "triaged_at")),
    (PartnerIntelligence, ("submitted_at",)),
    (IntelligenceGrading, ("graded_at",)),
    (SharingDecision, ("decided_at",)),
    (Screening, ("assessed_at", "decided_at")),
    (Case, ("opened_at", "allocated_at", "closed_at")),
    (CaseLevelChange, ("changed_at",)),
    (SafetyPlan, ("created_at",)),
    (CaseNote, ("recorded_at",)),
    # Given directly by the demo (already in the past) except recorded_at; listed so that an
    # episode written "now" would be dated by its step too.
    (
        MissingEpisode,
        (
            "missing_from",
            "reported_at",
            "found_at",
            "interview_offered_at",
            "interview_completed_at",
            "recorded_at",
        ),
    ),
    (DisruptionAction, ("recorded_at",)),
    (NRMReferral, ("recorded_at",)),
)
# The shift of the step a row's anchor time fell in, and the same shift in whole London days.
_SHIFT = "(c.virtual_start - c.real_start)"
_DAYS = (
    "(((a.anchor + (c.virtual_start - c.real_start)) AT TIME ZONE 'Europe/London')::date "
    "- (a.anchor AT TIME ZONE 'Europe/London')::date)"
)


@dataclass(frozen=True)
class _Step:
    real_start: datetime
    real_end: datetime
    virtual_start: datetime


class DemoClock:
    """Records which real interval each demo step ran in, and when it should seem to have run."""

    def __init__(self) -> None:
        self.steps: list[_Step] = []

    @contextmanager
    def step(self, when: datetime) -> Iterator[None]:
        start = timezone.now()
        # Intervals must not share an instant, or a row could be dated by the wrong step.
        while self.steps and start <= self.steps[-1].real_end:
            start = timezone.now()
        yield
        self.steps.append(_Step(start, timezone.now(), when))

    def apply(
        self,
        *,
        concerns: list[uuid.UUID],
        intelligence: list[uuid.UUID],
        missing_episodes: list[uuid.UUID] | None = None,
    ) -> None:
        if not self.steps:
            return
        since = self.steps[0].real_start
        due_after = sharing_decision_due(since) - since
        interview_after = return_interview_due(since) - since
        with (
            pghistory.context(reason="seed_demo: dating the demo partnership"),
            connection.cursor() as cursor,
        ):
            cursor.execute("DROP TABLE IF EXISTS demo_clock")
            cursor.execute(
                "CREATE TEMPORARY TABLE demo_clock (span tstzrange NOT NULL, "
                "real_start timestamptz NOT NULL, virtual_start timestamptz NOT NULL) "
                "ON COMMIT DROP"
            )
            cursor.execute(
                "INSERT INTO demo_clock SELECT tstzrange(a, b, '[]'), a, v "
                "FROM unnest(%s::timestamptz[], %s::timestamptz[], %s::timestamptz[]) "
                "AS x(a, b, v)",
                [
                    [step.real_start for step in self.steps],
                    [step.real_end for step in self.steps],
                    [step.virtual_start for step in self.steps],
                ],
            )
            cursor.execute("CREATE INDEX ON demo_clock USING gist (span)")
            cursor.execute("ANALYZE demo_clock")
            # Computed from the clock: moved before the times they were computed from.
            for sql, params in _derived_sql(since):
                cursor.execute(sql, params)
            for model, fields in STAMPED:
                sql, params = _shift_sql(model, fields, since)
                cursor.execute(sql, params)
            # Deadlines follow from the (new) submission time, as the services compute them.
            for model, ids in ((Concern, concerns), (PartnerIntelligence, intelligence)):
                cursor.execute(
                    f"UPDATE {model._meta.db_table} "  # noqa: S608 - table names from models
                    "SET sharing_due_at = submitted_at + make_interval(secs => %s) "
                    "WHERE id = ANY(%s)",
                    [due_after.total_seconds(), ids],
                )
            cursor.execute(
                f"UPDATE {MissingEpisode._meta.db_table} "  # noqa: S608 - table name from model
                "SET interview_due_at = found_at + make_interval(secs => %s) "
                "WHERE found_at IS NOT NULL AND id = ANY(%s)",
                [interview_after.total_seconds(), missing_episodes or []],
            )
            # Links reported without a date are dated by the event that reported them.
            for source_type, model, day_field, ids in (
                ("concern", Concern, "happened_on", concerns),
                ("intelligence", PartnerIntelligence, "observed_on", intelligence),
            ):
                cursor.execute(
                    f"UPDATE {Link._meta.db_table} AS l "  # noqa: S608 - table names from models
                    "SET first_seen = COALESCE(l.first_seen, s.day), "
                    "last_seen = COALESCE(l.last_seen, s.day) "
                    f"FROM (SELECT id, COALESCE({day_field}, "
                    "(submitted_at AT TIME ZONE 'Europe/London')::date) AS day "
                    f"FROM {model._meta.db_table} WHERE id = ANY(%s)) AS s "
                    "WHERE l.source_type = %s AND l.source_id = s.id "
                    "AND (l.first_seen IS NULL OR l.last_seen IS NULL)",
                    [ids, source_type],
                )
            cursor.execute("DROP TABLE demo_clock")


def _derived_sql(since: datetime) -> list[tuple[str, list[float] | list[datetime]]]:
    """Values computed from the clock, moved by the step their anchor time falls in."""
    case, plan, action = (m._meta.db_table for m in (Case, SafetyPlan, SafetyPlanAction))
    interval = review_interval().total_seconds()
    return [
        # Case review: now + the review interval, written by each screening of the case.
        (
            f"UPDATE {case} AS t SET review_due_at = t.review_due_at + {_SHIFT} "  # noqa: S608 - names from models
            "FROM demo_clock c WHERE c.span @> (t.review_due_at - make_interval(secs => %s))",
            [interval],
        ),
        # A plan's actions are due, and the plan reviewed, days after the day it was written.
        (
            f"UPDATE {action} AS t SET due_date = t.due_date + {_DAYS} "  # noqa: S608 - names from models
            f"FROM (SELECT id, created_at AS anchor FROM {plan} WHERE created_at >= %s) AS a, "
            "demo_clock c WHERE t.plan_id = a.id AND c.span @> a.anchor",
            [since],
        ),
        (
            f"UPDATE {plan} AS t SET review_date = t.review_date + {_DAYS} "  # noqa: S608 - names from models
            f"FROM (SELECT id, created_at AS anchor FROM {plan} WHERE created_at >= %s) AS a, "
            "demo_clock c WHERE t.id = a.id AND c.span @> a.anchor",
            [since],
        ),
    ]


def _shift_sql(
    model: type[models.Model], fields: tuple[str, ...], since: datetime
) -> tuple[str, list[datetime]]:
    """One UPDATE per table (one history row per record), moving each field by its step."""
    columns = [model._meta.get_field(name).column for name in fields]  # type: ignore[union-attr]
    assignments = ", ".join(
        f"{column} = COALESCE((SELECT c.virtual_start + (t.{column} - c.real_start) "  # noqa: S608 - names from models
        f"FROM demo_clock c WHERE c.span @> t.{column}), t.{column})"
        for column in columns
    )
    where = " OR ".join(f"t.{column} >= %s" for column in columns)
    return (
        f"UPDATE {model._meta.db_table} AS t SET {assignments} WHERE {where}",  # noqa: S608 - names from models
        [since] * len(columns),
    )
