"""Permissions owned by the accounts app. Administrators manage users, never case content."""

import rules

from cehub.core.access import is_system_administrator

rules.add_perm("accounts.manage_users", is_system_administrator)
