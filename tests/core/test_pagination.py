"""The shared GOV.UK pagination partial: links keep a list's filters and return to its section."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.template import Context, Template

PARTIAL = Template(
    '{% include "govuk/pagination.html" with page=page label="Pages of the chronology" '
    'newer="Newer events" older="Older events" query=query anchor=anchor %}'
)


def _render(number: int, total: int = 120, query: str = "", anchor: str = "") -> str:
    page = Paginator(range(total), 50).page(number)
    return PARTIAL.render(Context({"page": page, "query": query, "anchor": anchor}))


def test_a_middle_page_links_both_ways_keeping_filters_and_section() -> None:
    html = _render(2, query="kind=concern&kind=case", anchor="#chronology")
    assert 'aria-label="Pages of the chronology"' in html
    assert 'href="?kind=concern&amp;kind=case&amp;page=1#chronology" rel="prev"' in html
    assert 'href="?kind=concern&amp;kind=case&amp;page=3#chronology" rel="next"' in html
    assert "Page 2 of 3" in html
    assert ">Newer events<" in html and ">Older events<" in html


def test_the_first_and_last_pages_link_one_way_only() -> None:
    first, last = _render(1), _render(3)
    assert 'href="?page=2"' in first and 'rel="prev"' not in first
    assert 'href="?page=2"' in last and 'rel="next"' not in last


def test_a_single_page_needs_no_pagination() -> None:
    assert "govuk-pagination" not in _render(1, total=10)
