"""The daily multi-agency exploitation meeting: agenda (a snapshot), discussion, actions."""

from __future__ import annotations

import pghistory
from django.db import models
from django.db.models import Q

from cehub.core.models import UUIDModel, optional_user_field, user_field


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in-progress", "In progress"
    CLOSED = "closed", "Closed"


@pghistory.track()
class Meeting(UUIDModel):
    date = models.DateField(unique=True)
    chair = user_field()
    status = models.CharField(
        max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    # The agenda covers [agenda_from, agenda_to): built once, then a snapshot.
    agenda_from = models.DateTimeField()
    agenda_to = models.DateTimeField()
    agenda_built_at = models.DateTimeField()
    created_by = user_field()
    started_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"Daily meeting {self.date:%d %b %Y}"


class Attendance(UUIDModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = user_field()
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="attendance_once")]

    def __str__(self) -> str:
        return f"{self.user_id} at {self.meeting_id}"


class ItemKind(models.TextChoices):
    NEW_CONCERN = "new-concern", "New concern"
    NEW_INTELLIGENCE = "new-intelligence", "New partner information"
    MISSING = "missing", "Missing episode"
    INTERVIEW_DUE = "interview-due", "Return home interview due or overdue"
    HIGH_RISK = "high-risk", "Child at high risk"
    LEVEL_CHANGE = "level-change", "Screening level changed"
    REVIEW_DUE = "review-due", "Review due"
    NEW_LINK = "new-link", "Person, place or vehicle newly linked to a child"
    OVERDUE_ACTION = "overdue-action", "Overdue action"
    ADDED = "added", "Added by the chair"


class AgendaItem(UUIDModel):
    """One line of the agenda. Its summary is written when the agenda is built, so later
    changes to the records it points at do not silently change what the meeting saw."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=32, choices=ItemKind.choices)
    summary = models.CharField(max_length=300)
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    node = models.ForeignKey(
        "contexts.Node", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_type = models.CharField(max_length=32, blank=True)
    source_id = models.UUIDField(null=True, blank=True)
    removed = models.BooleanField(default=False)
    # What the meeting said and decided (empty until discussed).
    discussion = models.TextField(blank=True)
    decisions = models.TextField(blank=True)
    discussed_by = optional_user_field()
    discussed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        indexes = [models.Index(fields=["meeting", "position"], name="agenda_position_idx")]

    def __str__(self) -> str:
        return self.summary


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    COMPLETED = "completed", "Completed"


@pghistory.track()
class Action(UUIDModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="actions")
    description = models.CharField(max_length=500)
    owner = user_field(related_name="meeting_actions")
    owner_agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField()
    status = models.CharField(
        max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    created_by = user_field()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["due_date", "created_at"]
        indexes = [models.Index(fields=["status", "due_date"], name="action_due_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open") | (~Q(outcome="") & Q(completed_at__isnull=False)),
                name="action_completed_with_outcome",
            )
        ]

    def __str__(self) -> str:
        return self.description


class MinuteCorrection(UUIDModel):
    """After a meeting closes, its minutes change only by adding a correction."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="corrections")
    item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    text = models.TextField()
    recorded_by = user_field()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self) -> str:
        return "Correction"
