"""Template context every page needs: service name, demo banner, role-based navigation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None  # None: any signed-in user

    def href(self) -> str:
        return reverse(self.url_name)


# Service navigation, in order. An item shows only to users who hold its permission; the
# pages enforce the same permission, so the navigation is a convenience, not the control.
NAVIGATION: tuple[NavItem, ...] = (
    NavItem("Home", "home", None),
    NavItem("Triage", "intake:triage_queue", "intake.triage"),
    NavItem("Search", "people:search", "people.search"),
    NavItem("Daily meeting", "meetings:meeting_list", "meetings.view"),
    NavItem("My actions", "meetings:my_actions", "meetings.own_actions"),
    NavItem("Allocations", "cases:allocation_queue", "cases.view_queues"),
    NavItem("Approvals", "cases:approval_queue", "screening.approve_lower_level"),
    NavItem("Import missing episodes", "cases:missing_import", "cases.record_missing"),
    NavItem("Raise a concern", "intake:concern_start", "intake.submit_concern"),
    NavItem("Share information", "intake:intelligence_start", "intake.submit_intelligence"),
    NavItem("My submissions", "intake:my_submissions", "intake.view_own_submissions"),
    NavItem("Language report", "language:report", "language.view_report"),
    NavItem("Access log", "privacy:access_log", "core.view_access_log"),
    NavItem("Emergency access", "privacy:break_glass_queue", "people.review_break_glass"),
    NavItem("Users", "accounts:user_list", "accounts.manage_users"),
)


def service(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    items: list[dict[str, Any]] = []
    if user is not None and user.is_authenticated:
        current = request.resolver_match.url_name if request.resolver_match else None
        namespace = request.resolver_match.namespace if request.resolver_match else ""
        current_name = f"{namespace}:{current}" if namespace else current
        for item in NAVIGATION:
            if item.permission is None or user.has_perm(item.permission):
                href = item.href()
                items.append(
                    {"label": item.label, "href": href, "active": item.url_name == current_name}
                )
    return {
        "service_name": settings.SERVICE_NAME,
        "partnership_name": settings.PARTNERSHIP_NAME,
        "demo_mode": settings.DEMO_MODE,
        "service_navigation": items,
    }
