"""The errors services raise when a request breaks a rule.

Every app's services raise these two, so one form helper (``core.form_views``) can show any
service's problem on the field it belongs to, and answer a stale page with 409. The service
owns the rule and its message; the form only parses.

A service that checks several rules says every broken one at once, so the page can show them
all together (GOV.UK error summary)::

    def sharing_problems(decision, *, unread=()) -> list[Problem]:
        return problems_of(
            Rule(not decision.rationale.strip(), "rationale", "Explain the reasons"),
            Rule(..., "recipients", "Say who it is shared with", reads=("outcome",)),
            unread=unread,
        )

    raise_problems(sharing_problems(decision))  # in the service, before it writes

A page that runs the same rules before saving (``form_views.submit(problems=...)``) passes
``unread``: the inputs that did not parse. A rule that needs one of them waits, so an answer
that could not be read is not also called missing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Self

Problem = tuple[str | None, str]  # (the input it belongs to, or None for the whole form; message)


class ServiceError(ValueError):
    """A rule broken by a request; ``field`` names the input the message belongs to.

    ``problems`` lists every rule the request broke (the first is the error's own message),
    so a form page can show them all at once.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.problems: tuple[Problem, ...] = ((field, message),)

    @classmethod
    def of(cls, problems: Sequence[Problem]) -> Self:
        """One error for several problems (``problems`` must not be empty)."""
        field, message = problems[0]
        error = cls(message, field)
        error.problems = tuple(problems)
        return error


class ConflictError(ServiceError):
    """Someone else changed the record since the page was drawn (optimistic locking).

    Nothing was saved; the page is drawn again with the record's current version.
    """


@dataclass(frozen=True)
class Rule:
    """One rule as checked: whether it is ``broken``, the input it belongs to, what to say,
    and the other inputs it ``reads`` to decide."""

    broken: bool
    field: str | None
    message: str
    reads: tuple[str, ...] = ()


def problems_of(*rules: Rule, unread: Collection[str] = ()) -> list[Problem]:
    """The problems of the broken rules, in order; rules that read an ``unread`` input wait."""
    waiting = set(unread)
    return [
        (rule.field, rule.message)
        for rule in rules
        if rule.broken and not waiting.intersection((rule.field or "", *rule.reads))
    ]


def raise_problems(problems: Sequence[Problem]) -> None:
    """Refuse the request with every problem at once, if there is any."""
    if problems:
        raise ServiceError.of(problems)
