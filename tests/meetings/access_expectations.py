"""Who may open the daily meeting's pages and the actions tracker (see test_access_policy)."""

from cehub.core.roles import Role
from tests.access_roles import ALL_ROLES, HUB

# Hub managers and practitioners run meetings; intelligence officers read the minutes.
MANAGE = frozenset({Role.HUB_MANAGER, Role.HUB_PRACTITIONER})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "meetings:meeting_list": HUB,
    "meetings:meeting_create": MANAGE,
    "meetings:meeting_detail": HUB,
    "meetings:item_add": MANAGE,
    "meetings:meeting_start": MANAGE,
    "meetings:meeting_close": MANAGE,
    "meetings:correction_add": MANAGE,
    "meetings:minutes_print": HUB,
    "meetings:actions_csv": HUB,
    "meetings:item_run": HUB,
    "meetings:item_remove": MANAGE,
    "meetings:item_move": MANAGE,
    # Anyone can be given an action at the meeting, so anyone signed in sees their own.
    "meetings:my_actions": ALL_ROLES,
    "meetings:action_complete": ALL_ROLES,
    "meetings:team_actions": HUB,
    "meetings:overdue_actions": HUB,
}
