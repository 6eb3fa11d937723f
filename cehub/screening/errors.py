"""Errors raised by the screening engine and the tool loader.

Every error has a stable ``code`` so that callers (management commands, pages, the API) can
answer bad input with a specific message without parsing the text.
"""

from __future__ import annotations

from collections.abc import Sequence


class ScreeningError(Exception):
    """Base class for every screening error."""

    code: str = "screening_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class ToolDefinitionError(ScreeningError):
    """A tool file is unreadable, breaks the schema or fails a semantic check."""

    code = "invalid_tool_definition"

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        listed = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"Screening tool definition {source} is not valid:\n{listed}")


class UnknownToolError(ScreeningError):
    """No loaded tool matches the requested id or id@version."""

    code = "unknown_tool"

    def __init__(self, ref: str, known: Sequence[str], detail: str | None = None) -> None:
        self.ref = ref
        self.known = tuple(known)
        known_text = ", ".join(self.known) if self.known else "none are loaded"
        prefix = f"Unknown screening tool {ref!r}"
        if detail:
            prefix += f" ({detail})"
        super().__init__(
            f"{prefix}. Known tools: {known_text}. Give 'ID' for the latest version "
            "or 'ID@VERSION' for an exact one."
        )


class InvalidInputError(ScreeningError):
    """The screening input is malformed (wrong shape, wrong type, unknown key)."""

    code = "invalid_input"


class InvalidAnswerError(InvalidInputError):
    """An answer names an unknown indicator, repeats one, or has a bad ``when``."""

    code = "invalid_answer"


class InvalidChildFactsError(InvalidInputError):
    """The child facts are malformed or carry a key the engine does not accept."""

    code = "invalid_child_facts"


class ProtectedCharacteristicError(InvalidInputError):
    """Someone tried to give the engine a protected characteristic."""

    code = "protected_characteristic"

    def __init__(self, key: str, where: str, allowed: Sequence[str]) -> None:
        self.key = key
        super().__init__(
            f"{where}: {key!r} is a protected characteristic. Screening never uses protected "
            "characteristics; record them on the child's record for equality monitoring only. "
            f"Accepted here: {', '.join(allowed)}."
        )
