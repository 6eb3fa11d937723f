"""Permissions owned by the meetings app. Minutes are for hub roles only."""

import rules

from cehub.core.access import is_hub_manager, is_hub_member, is_hub_practitioner, is_signed_in

rules.add_perm("meetings.view", is_hub_member)
rules.add_perm("meetings.manage", is_hub_manager | is_hub_practitioner)
rules.add_perm("meetings.chair", is_hub_manager | is_hub_practitioner)
# Anyone can be given an action (a police officer, a school's safeguarding lead…).
rules.add_perm("meetings.own_actions", is_signed_in)
