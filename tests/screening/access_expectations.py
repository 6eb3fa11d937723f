"""Who may open the screening pages (tests/core/test_access_policy.py walks them).

The pages that hand a screening to a case are cases' (tests/cases/screening/).
"""

from cehub.core.roles import Role
from tests.access_roles import ALL_ROLES

EXPECTED: dict[str, str | frozenset[Role]] = {
    # Guidance for anyone working with a child screened at a low level.
    "screening:low_risk_guidance": ALL_ROLES,
}
