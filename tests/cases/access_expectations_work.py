"""Who may open the case-work pages (tests/core/test_access_policy.py walks them)."""

from cehub.core.roles import Role
from tests.access_roles import HUB

# cases.manage: hub practitioners and managers (an intelligence officer reads, but does not plan).
CASE_WORKERS = frozenset({Role.HUB_PRACTITIONER, Role.HUB_MANAGER})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "cases:safety_plan_new": CASE_WORKERS,
    "cases:safety_plan_detail": HUB,
    "cases:safety_plan_print": HUB,
    "cases:missing_list": HUB,
    "cases:missing_new": HUB,
    "cases:missing_detail": HUB,
    "cases:missing_found": HUB,
    "cases:missing_interview": HUB,
    "cases:missing_import": HUB,
    "cases:disruption_list": HUB,
    "cases:disruption_new": HUB,
    "cases:nrm_new": CASE_WORKERS,
    "cases:nrm_edit": CASE_WORKERS,
}
