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
    NavItem("Access log", "core:access_log", "core.view_access_log"),
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
                items.append(
                    {
                        "label": item.label,
                        "href": item.href(),
                        "active": item.url_name == current_name,
                    }
                )
    return {
        "service_name": settings.SERVICE_NAME,
        "partnership_name": settings.PARTNERSHIP_NAME,
        "demo_mode": settings.DEMO_MODE,
        "service_navigation": items,
    }
