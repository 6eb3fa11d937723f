"""Permissions owned by the screening app."""

import rules

from cehub.core.access import is_hub_manager, is_hub_practitioner

rules.add_perm("screening.screen", is_hub_practitioner | is_hub_manager)
rules.add_perm("screening.approve_lower_level", is_hub_manager)
