"""Who may open the people pages (tests/core/test_access_policy.py walks them)."""

from cehub.core.roles import Role
from tests.access_roles import HUB

EXPECTED: dict[str, str | frozenset[Role]] = {
    "people:search": HUB,
    "people:person_detail": HUB,
    "people:break_glass": HUB,
}
