"""Who may open the case pages (tests/core/test_access_policy.py walks them)."""

from cehub.core.roles import Role
from tests.access_roles import HUB

EXPECTED: dict[str, str | frozenset[Role]] = {
    "cases:allocation_queue": frozenset({Role.HUB_MANAGER}),
    "cases:case_detail": HUB,
    "cases:case_allocate": frozenset({Role.HUB_MANAGER}),
    "cases:case_close": frozenset({Role.HUB_PRACTITIONER, Role.HUB_MANAGER}),
}
