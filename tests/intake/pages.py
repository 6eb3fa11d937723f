"""Reading intake's pages in tests: a form sent back with a problem."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from tests.html import error_summary


def refused(
    response: Any, message: str, *, on: str = "", status: int = HTTPStatus.OK, alone: bool = False
) -> str:
    """The page drawn again with ``message`` in its error summary (as its only problem when
    ``alone``), linked to the field whose id is ``on`` when given; returns the page's HTML for
    further checks."""
    assert response.status_code == status
    problems = error_summary(response)
    if alone:
        assert problems == [message]
    else:
        assert any(message in problem for problem in problems), problems
    html: str = response.content.decode()
    if on:
        assert f'href="#{on}"' in html
    return html


def shown(client: Any, url: str) -> str:
    """The HTML of a page the client may open."""
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    html: str = response.content.decode()
    return html
