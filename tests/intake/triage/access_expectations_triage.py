"""Who may open the hub's triage pages (read by tests/core/test_access_policy.py)."""

from cehub.core.roles import Role
from tests.access_roles import HUB

EXPECTED: dict[str, str | frozenset[Role]] = {
    "intake:triage_queue": HUB,
    "intake:concern_triage": HUB,
    "intake:concern_find_child": HUB,
    "intake:concern_link_child": HUB,
    "intake:concern_create_child": HUB,
    "intake:concern_sharing": HUB,
    "intake:concern_next_step": HUB,
    "intake:intelligence_triage": HUB,
    "intake:intelligence_sharing": HUB,
    # Grading is the intelligence officer's alone; other hub roles see the grading only.
    "intake:intelligence_grade": frozenset({Role.INTELLIGENCE_OFFICER}),
}
