"""Permissions owned by the core app."""

import rules

from .access import is_privacy_officer

rules.add_perm("core.view_access_log", is_privacy_officer)
