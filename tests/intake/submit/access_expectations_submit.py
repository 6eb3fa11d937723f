"""Who may open the referrer's intake pages: every signed-in professional.

The confirmation pages are for the submitter alone; that record-level rule (404 for anyone
else, hub roles included) is tested in test_submit_concern.py and test_submit_intelligence.py.
"""

from cehub.core.roles import Role
from tests.access_roles import ALL_ROLES

EXPECTED: dict[str, str | frozenset[Role]] = {
    "intake:concern_start": ALL_ROLES,
    "intake:concern_check": ALL_ROLES,
    "intake:concern_submitted": ALL_ROLES,
    "intake:intelligence_start": ALL_ROLES,
    "intake:intelligence_check": ALL_ROLES,
    "intake:intelligence_submitted": ALL_ROLES,
    "intake:my_submissions": ALL_ROLES,
}
