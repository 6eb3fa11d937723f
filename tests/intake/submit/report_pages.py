"""Filling in a report's page as a referrer does: its groups, its draft, and sending it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.test import Client
from django.urls import resolve, reverse

from cehub.accounts.models import User
from cehub.intake.models import Concern, PartnerIntelligence
from tests.html import error_summary

GROUPS = ("people", "places", "vehicles", "phones", "accounts")


def management(**counts: int) -> dict[str, str]:
    """Each group's row count (one unless told), as the page's hidden inputs send it."""
    data: dict[str, str] = {}
    for prefix in GROUPS:
        data[f"{prefix}-TOTAL_FORMS"] = str(counts.get(prefix, 1))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    return data


@dataclass(frozen=True)
class ReportPage[R: (Concern, PartnerIntelligence)]:
    """One kind of report's pages: "concern" or "intelligence", and the record it makes."""

    kind: str
    model: type[R]

    @property
    def start(self) -> str:
        return reverse(f"intake:{self.kind}_start")

    @property
    def check(self) -> str:
        return reverse(f"intake:{self.kind}_check")

    def draft_key(self, user: User) -> str:
        """Where the session keeps ``user``'s unsent answers."""
        return f"cehub.intake.draft.{self.kind}.{user.pk}"

    def send(self, client: Client, data: dict[str, Any]) -> R:
        """Fill in the page, check the answers and send: the whole referrer's journey."""
        response = client.post(self.start, data)
        assert response.status_code == 302, error_summary(response)
        assert response["Location"] == self.check
        response = client.post(self.check)
        assert response.status_code == 302
        submitted = resolve(response["Location"])
        assert submitted.view_name == f"intake:{self.kind}_submitted"
        (record_id,) = submitted.kwargs.values()
        return self.model.objects.get(pk=record_id)


CONCERN = ReportPage("concern", Concern)
INTELLIGENCE = ReportPage("intelligence", PartnerIntelligence)
