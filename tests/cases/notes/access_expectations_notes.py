"""Who may open the case notes pages (tests/core/test_access_policy.py walks them).

Reading follows the case page (hub roles; the relationship is checked per record). Writing is
case work (``cases.manage``): hub practitioners and managers, not intelligence officers.
"""

from cehub.core.roles import Role
from tests.access_roles import HUB

CASE_WORKERS = frozenset({Role.HUB_PRACTITIONER, Role.HUB_MANAGER})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "cases:case_notes": HUB,
    "cases:case_note_new": CASE_WORKERS,
    "cases:case_note_correct": CASE_WORKERS,
}
