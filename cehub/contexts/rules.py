"""Permissions owned by the contexts app: places, objects and groups are hub intelligence."""

import rules

from cehub.core.access import is_hub_member

rules.add_perm("contexts.view_context", is_hub_member)
