"""Permissions owned by the cases app (record-level relationship checks are in people.access)."""

import rules

from cehub.core.access import (
    is_hub_manager,
    is_hub_member,
    is_hub_practitioner,
)

rules.add_perm("cases.view_case", is_hub_member)
rules.add_perm("cases.manage", is_hub_practitioner | is_hub_manager)
rules.add_perm("cases.allocate", is_hub_manager)
rules.add_perm("cases.record_missing", is_hub_member)
rules.add_perm("cases.disrupt", is_hub_member)
rules.add_perm("cases.view_queues", is_hub_manager)
