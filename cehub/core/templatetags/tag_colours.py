"""Which colour each status's tag has: the one place the project decides it.

Keyed by the kind of thing, then by its stored value (the ``TextChoices`` value, or the state a
selector or view computes). A template names the kind and passes the value:
``{% status_tag "case" case.status case.get_status_display %}``. The words always carry the
meaning and the colour only repeats it, so two kinds may colour the same word differently (a
meeting "in progress" is live and green; a disruption action "in progress" is still being
worked and blue).

Screening risk levels are not here: their colours come with the screening tool's level data.
"""

from __future__ import annotations

# The colours govuk-frontend styles as ``govuk-tag--<colour>``.
TAG_COLOURS = frozenset(
    {
        "grey",
        "green",
        "turquoise",
        "blue",
        "light-blue",
        "purple",
        "pink",
        "red",
        "orange",
        "yellow",
    }
)

STATUS_COLOURS: dict[str, dict[str, str]] = {
    # cases.models.CaseStatus
    "case": {
        "awaiting-allocation": "yellow",
        "open": "blue",
        "stepped-down": "grey",
        "closed": "grey",
    },
    # core.deadlines.DeadlineStatus.state, and a return interview not yet due
    "deadline": {
        "overdue": "red",
        "due-soon": "orange",
        "due": "blue",
        "met": "green",
        "not-found": "grey",
    },
    # The state meetings.views.due_words gives an action from the daily meeting
    "action": {
        "overdue": "red",
        "due-today": "orange",
        "open": "blue",
        "completed": "green",
    },
    # meetings.models.MeetingStatus
    "meeting": {
        "planned": "blue",
        "in-progress": "green",
        "closed": "grey",
    },
    # meetings: an agenda item once its discussion is recorded
    "agenda-item": {
        "discussed": "green",
    },
    # screening.models.ScreeningStatus
    "screening": {
        "final": "green",
        "awaiting-approval": "yellow",
        "approved": "green",
        "not-approved": "orange",
    },
    # screening: the live preview could not compute a level
    "screening-preview": {
        "problem": "red",
    },
    # cases.models.DisruptionStatus
    "disruption": {
        "planned": "grey",
        "in-progress": "blue",
        "completed": "green",
        "not-pursued": "grey",
    },
    # cases: a missing episode whose child has not been found
    "missing-episode": {
        "missing": "red",
    },
    # cases: one version of a safety plan
    "plan-version": {
        "current": "green",
        "replaced": "grey",
    },
    # cases: a case note and its correction (a correction is a new note)
    "case-note": {
        "corrected": "grey",
        "correction": "blue",
    },
    # intake.models.ConcernStatus and IntelligenceStatus, as the person who submitted sees them
    "submission": {
        "submitted": "blue",
        "in-triage": "light-blue",
        "for-screening": "purple",
        "no-further-action": "grey",
        "signposted": "grey",
        "graded": "green",
    },
    # intake: a concern whose referrer reported immediate danger
    "concern": {
        "immediate-danger": "red",
    },
    # intake: a triage step (a task list item)
    "task": {
        "done": "green",
        "to-do": "blue",
    },
    # people: whether the viewer may open a record found by a search
    "record-access": {
        "open": "green",
        "emergency": "yellow",
    },
    # people.models.BreakGlassReview, and a use of emergency access not yet reviewed
    "emergency-access-review": {
        "appropriate": "green",
        "follow-up": "orange",
        "not-reviewed": "yellow",
    },
    # privacy: the last check of the access log's hash chain
    "log-check": {
        "intact": "green",
        "failed": "red",
        "in-progress": "blue",
    },
    # accounts: a user account
    "account": {
        "active": "green",
        "disabled": "grey",
    },
}


def status_colour(kind: str, value: object) -> str:
    """The colour for ``value`` of ``kind``; "" (the plain tag) for a value not listed yet.

    An unknown kind is a typo in a template and fails loudly; an unknown value is a status
    added since, and shows in words on the plain tag rather than breaking the page.
    """
    return STATUS_COLOURS[kind].get(str(value), "")
