"""When an author submits wording the checker flagged, that choice is recorded — without
the text itself, so the managers' report never holds note content."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cehub.core.models import UUIDModel


class KeptWording(UUIDModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, null=True, related_name="+"
    )
    field = models.CharField(
        max_length=64, help_text="Which form field, e.g. concern.what_happened"
    )
    rule_id = models.CharField(max_length=64)
    category = models.CharField(max_length=32)
    recorded_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        return f"{self.rule_id} kept"
