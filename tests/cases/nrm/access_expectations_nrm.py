"""Who may open the National Referral Mechanism pages (tests/core/test_access_policy.py walks
them). Recording a referral is case work (``cases.manage``)."""

from cehub.core.roles import Role

CASE_WORKERS = frozenset({Role.HUB_PRACTITIONER, Role.HUB_MANAGER})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "cases:nrm_new": CASE_WORKERS,
    "cases:nrm_edit": CASE_WORKERS,
}
