"""Who is acting, and in which request: set by middleware, read by the audit log and logging.

A context variable rather than a thread-local so it is correct under ASGI too. Management
commands and background tasks run with an empty context unless they set one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class RequestContext:
    request_id: uuid.UUID | None = None
    ip_address: str | None = None
    user_id: uuid.UUID | None = None
    role: str = ""
    agency_id: uuid.UUID | None = None


_EMPTY = RequestContext()  # frozen, so safe to share as the default
_context: ContextVar[RequestContext] = ContextVar("cehub_request_context", default=_EMPTY)


def current_request_context() -> RequestContext:
    return _context.get()


@contextmanager
def request_context(**values: object) -> Iterator[RequestContext]:
    token = _context.set(replace(_context.get(), **values))  # type: ignore[arg-type]
    try:
        yield _context.get()
    finally:
        _context.reset(token)


def bind_user(user_id: uuid.UUID | None, role: str, agency_id: uuid.UUID | None) -> None:
    """Record the signed-in user for the rest of this request."""
    _context.set(replace(_context.get(), user_id=user_id, role=role, agency_id=agency_id))
