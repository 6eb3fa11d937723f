"""Who may open the privacy office's pages (tests/core/test_access_policy.py walks them)."""

from cehub.core.roles import Role

PRIVACY_OFFICER_ONLY = frozenset({Role.PRIVACY_OFFICER})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "privacy:access_log": PRIVACY_OFFICER_ONLY,
    "privacy:access_log_check": PRIVACY_OFFICER_ONLY,
    "privacy:break_glass_queue": PRIVACY_OFFICER_ONLY,
    "privacy:break_glass_review": PRIVACY_OFFICER_ONLY,
}
