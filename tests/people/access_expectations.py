"""Who may open the people pages (tests/core/test_access_policy.py walks them)."""

from cehub.accounts.roles import Role
from tests.access_roles import HUB

EXPECTED: dict[str, str | frozenset[Role]] = {
    "people:search": HUB,
    "people:person_detail": HUB,
    "people:break_glass": HUB,
    "people:break_glass_queue": frozenset({Role.PRIVACY_OFFICER}),
    "people:break_glass_review": frozenset({Role.PRIVACY_OFFICER}),
}
