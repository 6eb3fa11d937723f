"""Shared vocabulary for the URL × role access tables (tests/<app>/access_expectations*.py)."""

from cehub.core.roles import HUB_ROLES, Role

ALL_ROLES = frozenset(Role)
PUBLIC = "public"
HUB = frozenset(HUB_ROLES)
