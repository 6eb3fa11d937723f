"""Filling in a report's page as a referrer does: its groups, its draft, and sending it."""

from __future__ import annotations

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


def draft_key(kind: str, user: User) -> str:
    """Where the session keeps ``user``'s unsent answers ("concern" or "intelligence")."""
    return f"cehub.intake.draft.{kind}.{user.pk}"


def send[R: (Concern, PartnerIntelligence)](
    client: Client, kind: str, model: type[R], data: dict[str, Any]
) -> R:
    """Fill in the page, check the answers and send: the whole referrer's journey."""
    start, check = reverse(f"intake:{kind}_start"), reverse(f"intake:{kind}_check")
    response = client.post(start, data)
    assert response.status_code == 302, error_summary(response)
    assert response["Location"] == check
    response = client.post(check)
    assert response.status_code == 302
    submitted = resolve(response["Location"])
    assert submitted.view_name == f"intake:{kind}_submitted"
    (record_id,) = submitted.kwargs.values()
    return model.objects.get(pk=record_id)
