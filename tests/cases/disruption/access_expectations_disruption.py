"""Who may open the disruption pages (tests/core/test_access_policy.py walks them)."""

from cehub.core.roles import Role
from tests.access_roles import HUB

EXPECTED: dict[str, str | frozenset[Role]] = {
    "cases:disruption_list": HUB,
    "cases:disruption_new": HUB,
}
