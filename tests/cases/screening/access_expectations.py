"""Who may open the screening pages under /cases/screening/ (tests/core/test_access_policy.py
walks them)."""

from cehub.core.roles import Role
from tests.access_roles import HUB

SCREENERS = frozenset({Role.HUB_PRACTITIONER, Role.HUB_MANAGER})
MANAGERS = frozenset({Role.HUB_MANAGER})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "cases:screening_new": SCREENERS,
    "cases:screening_preview": SCREENERS,
    "cases:screening_detail": HUB,
    "cases:screening_decide": MANAGERS,
    "cases:approval_queue": MANAGERS,
}
