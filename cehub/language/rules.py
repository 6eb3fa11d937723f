"""Permissions owned by the language app: the report is for managers and the partnership."""

import rules

from cehub.core.access import is_hub_manager, is_partnership_lead

rules.add_perm("language.view_report", is_hub_manager | is_partnership_lead)
