"""Permissions owned by the people app (record-level checks are in people.access)."""

import rules

from cehub.core.access import is_hub_member, is_privacy_officer

rules.add_perm("people.search", is_hub_member)
rules.add_perm("people.view_person", is_hub_member)
rules.add_perm("people.create_person", is_hub_member)
rules.add_perm("people.break_glass", is_hub_member)
rules.add_perm("people.review_break_glass", is_privacy_officer)
