"""Who may open the safety plan pages (tests/core/test_access_policy.py walks them)."""

from cehub.core.roles import Role
from tests.access_roles import HUB

# cases.manage: hub practitioners and managers (an intelligence officer reads, but does not plan).
CASE_WORKERS = frozenset({Role.HUB_PRACTITIONER, Role.HUB_MANAGER})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "cases:safety_plan_new": CASE_WORKERS,
    "cases:safety_plan_detail": HUB,
    "cases:safety_plan_print": HUB,
}
