"""The one exception every identifier normaliser raises."""

from __future__ import annotations


class InvalidIdentifier(ValueError):  # noqa: N818 - reads better in "except InvalidIdentifier"
    """Input that cannot be turned into a canonical identifier.

    ``message`` is written for the person who typed the value (GOV.UK style: says what to do,
    no jargon, no full stop), so forms can show it as-is.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
