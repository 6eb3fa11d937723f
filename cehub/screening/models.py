"""A screening: the tool version used, the answers, the computed and the final level.

Professional judgement is equal to the score (PRACTICE.md §3): both levels are kept, a final
level that differs from the computed one needs a rationale, and lowering it needs a manager.
"""

from __future__ import annotations

import pghistory
from django.db import models
from django.db.models import Q

from cehub.core.models import UUIDModel, optional_user_field, user_field


class ScreeningStatus(models.TextChoices):
    FINAL = "final", "Final"
    AWAITING_APPROVAL = "awaiting-approval", "Waiting for a manager to agree a lower level"
    APPROVED = "approved", "Lower level agreed by a manager"
    NOT_APPROVED = "not-approved", "Lower level not agreed: computed level stands"


class Outcome(models.TextChoices):
    ADVICE = "advice", "Advice and signposting (universal or early help)"
    CASE = "case", "Exploitation hub case"


@pghistory.track()
class Screening(UUIDModel):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="screenings")
    concern = models.ForeignKey(
        "intake.Concern", on_delete=models.PROTECT, null=True, blank=True, related_name="screenings"
    )
    tool_ref = models.CharField(
        max_length=64, help_text="Tool id and version, e.g. cehub-default@1"
    )
    # [{"indicator", "when", "confirmed", "evidence"}], as answered.
    answers = models.JSONField(default=list)
    # {"age", "learning_disability", "disclosure"}: the only child facts the engine sees.
    child_facts = models.JSONField(default=dict)
    computed_level = models.CharField(max_length=16)
    computed_score = models.PositiveIntegerField()
    reasons = models.JSONField(default=list)
    final_level = models.CharField(max_length=16)
    rationale = models.TextField(blank=True)
    assessed_by = user_field()
    assessed_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=32, choices=ScreeningStatus.choices)
    decided_by = optional_user_field()
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    advice_given = models.TextField(blank=True)
    signposted_to = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-assessed_at"]
        indexes = [models.Index(fields=["person", "-assessed_at"], name="screening_person_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(final_level=models.F("computed_level")) | ~Q(rationale=""),
                name="screening_rationale_when_levels_differ",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.final_level} ({self.tool_ref})"

    @property
    def effective_level(self) -> str:
        """The level that stands now: a lower level counts only once a manager agrees."""
        if self.status in (ScreeningStatus.AWAITING_APPROVAL, ScreeningStatus.NOT_APPROVED):
            return self.computed_level
        return self.final_level
