"""Permissions owned by the intake app."""

import rules

from cehub.core.access import is_hub_member, is_intelligence_officer, is_signed_in

# Any professional in the partnership can tell the hub about a worry or share information.
rules.add_perm("intake.submit_concern", is_signed_in)
rules.add_perm("intake.submit_intelligence", is_signed_in)
rules.add_perm("intake.view_own_submissions", is_signed_in)
# The hub triages, decides what to share and grades.
rules.add_perm("intake.triage", is_hub_member)
rules.add_perm("intake.view_concern", is_hub_member)
rules.add_perm("intake.view_intelligence", is_hub_member)
rules.add_perm("intake.grade_intelligence", is_intelligence_officer)
