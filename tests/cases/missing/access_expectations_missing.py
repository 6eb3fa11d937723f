"""Who may open the missing episode pages (tests/core/test_access_policy.py walks them)."""

from cehub.core.roles import Role
from tests.access_roles import HUB

EXPECTED: dict[str, str | frozenset[Role]] = {
    "cases:missing_list": HUB,
    "cases:missing_new": HUB,
    "cases:missing_detail": HUB,
    "cases:missing_found": HUB,
    "cases:missing_interview": HUB,
    "cases:missing_import": HUB,
}
