"""Who may open the screening pages (tests/core/test_access_policy.py walks them)."""

from cehub.core.roles import Role
from tests.access_roles import ALL_ROLES, HUB

SCREENERS = frozenset({Role.HUB_PRACTITIONER, Role.HUB_MANAGER})
MANAGERS = frozenset({Role.HUB_MANAGER})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "screening:screen": SCREENERS,
    "screening:preview": SCREENERS,
    "screening:detail": HUB,
    "screening:decide": MANAGERS,
    "screening:approval_queue": MANAGERS,
    # Guidance for anyone working with a child screened at a low level.
    "screening:low_risk_guidance": ALL_ROLES,
}
