"""Who may open place, object and group pages (tests/core/test_access_policy.py walks them)."""

from cehub.core.roles import Role
from tests.access_roles import HUB

EXPECTED: dict[str, str | frozenset[Role]] = {
    "contexts:location_detail": HUB,
    "contexts:object_detail": HUB,
    "contexts:group_detail": HUB,
}
