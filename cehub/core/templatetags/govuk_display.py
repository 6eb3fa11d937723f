"""GOV.UK display components (a template builtin, so no ``{% load %}`` is needed).

Tags, one line each:

``{% status_tag "case" case.status case.get_status_display %}``
    A tag whose colour follows a status: the colour comes from ``tag_colours.STATUS_COLOURS``.
``{% govuk_tag "Fewer than 3 authors" "grey" %}``
    A label whose colour never changes (a kind, a flag, a reason). ``classes=`` adds classes;
    any ``data_<name>=value`` becomes a ``data-<name>`` attribute (on every tag here).
``{% deadline_tag deadline %}``
    A ``core.deadlines.DeadlineStatus`` in words, coloured by its state, with
    ``data-deadline-state``. ``met_text=`` / ``met_late_text=`` word a met deadline the
    page's way; ``met_at=`` adds when it was met.

Summary list rows, keeping ``<dt>``/``<dd>``:

``{% summary_row "Name" person.full_name %}``
    One row; the value is escaped. ``empty="Not recorded"`` is shown for ``None`` or "".
``{% summary_row "Found" empty="Not yet" %}…{% endsummary_row %}``
    The same, with the value written as HTML between the tags (empty when only whitespace).
    Either form takes ``action_url=``, ``action_text=`` ("Change") and ``action_hidden=`` (the
    visually hidden rest of the link's words), ``key_hint=``, ``value_id=`` and ``data_<name>=``
    attributes for the value's ``<dd>``.

Table heads:

``{% table_head "Team" "Authors" "Times kept" numeric="Authors,Times kept" %}``
    The ``<thead>`` of a GOV.UK table, one ``<th scope="col">`` a heading. ``numeric=`` names
    the headings of number columns; ``hidden=`` names headings read out but not shown (a
    column of links). An empty heading is left out (a column shown only to some viewers).

Dates and times, in UK time (the project's TIME_ZONE, Europe/London) with the instant in
``datetime`` for machines:

``{% govuk_date value %}`` (``"short"``: 4 Nov 2026), ``"long"`` (4 November 2026),
``"weekday"`` (Wednesday 4 November 2026), ``"month"`` (November 2026), ``"short-month"``
(Nov 2026); ``{% govuk_datetime value %}`` (``"short"``: 4 Nov 2026 14:05), ``"seconds"``,
``"at"`` (4 Nov 2026 at 14:05), ``"long-at"`` (4 November 2026 at 14:05), ``"time"`` (14:05).
Both take ``empty=``. Where markup cannot go (a ``<title>``, an attribute) or would only
repeat itself (visually hidden link text), the filters ``{{ value|date_text:"long" }}`` and
``{{ value|datetime_text }}`` give the same words as plain text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token, token_kwargs
from django.utils import dateformat, timezone
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from cehub.core.deadlines import DeadlineStatus

from .tag_colours import TAG_COLOURS, status_colour

register = template.Library()

DATE_STYLES = {
    "short": "j M Y",
    "long": "j F Y",
    "weekday": "l j F Y",
    "month": "F Y",
    "short-month": "M Y",
}
DATETIME_STYLES = {
    "short": "j M Y H:i",
    "seconds": "j M Y H:i:s",
    "at": r"j M Y \a\t H:i",
    "long-at": r"j F Y \a\t H:i",
    "time": "H:i",
}


# --- Tags ----------------------------------------------------------------------------------
def _data_attributes(data: dict[str, Any]) -> SafeString:
    """``data_deadline_state="due"`` as `` data-deadline-state="due"``."""
    for name in data:
        if not name.startswith("data_"):
            raise TypeError(f"unexpected keyword {name!r}: only data_<name> attributes")
    return format_html_join(
        "", ' {}="{}"', ((name.replace("_", "-"), value) for name, value in data.items())
    )


@register.simple_tag
def govuk_tag(text: Any, colour: str = "", *, classes: str = "", **data: Any) -> SafeString:
    if colour and colour not in TAG_COLOURS:
        raise ValueError(f"{colour!r} is not a GOV.UK tag colour")
    class_names = " ".join(
        name for name in ("govuk-tag", colour and f"govuk-tag--{colour}", classes) if name
    )
    return format_html(
        '<strong class="{}"{}>{}</strong>', class_names, _data_attributes(data), text
    )


@register.simple_tag
def status_tag(kind: str, value: Any, text: Any, *, classes: str = "", **data: Any) -> SafeString:
    return govuk_tag(text, status_colour(kind, value), classes=classes, **data)


@register.simple_tag
def deadline_tag(
    deadline: DeadlineStatus | None,
    *,
    met_text: str = "",
    met_late_text: str = "",
    met_at: datetime | None = None,
) -> SafeString:
    if deadline is None:
        return SafeString("")
    text: Any = deadline.text
    if deadline.state == "met":
        late = deadline.text == "Met late"
        text = (met_late_text if late and met_late_text else met_text) or deadline.text
        if met_at is not None:
            text = format_html("{} {}", text, govuk_datetime(met_at))
    return status_tag("deadline", deadline.state, text, data_deadline_state=deadline.state)


# --- Dates and times -----------------------------------------------------------------------
def _is_empty(value: Any) -> bool:
    return value is None or value == ""


def _on_screen(value: date) -> date:
    """An aware datetime in UK time; a date (or a naive datetime) as it is."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _words(value: date, style: str, styles: dict[str, str]) -> str:
    if not isinstance(value, date):
        raise TypeError(f"expected a date or datetime, not {type(value).__name__}")
    try:
        pattern = styles[style]
    except KeyError:
        raise ValueError(f"{style!r} is not one of {', '.join(styles)}") from None
    return dateformat.format(_on_screen(value), pattern)


def _time_element(value: Any, style: str, styles: dict[str, str], empty: str) -> SafeString:
    if _is_empty(value):
        return conditional_escape(empty)
    words = _words(value, style, styles)  # checks the value first
    return format_html('<time datetime="{}">{}</time>', _on_screen(value).isoformat(), words)


@register.simple_tag
def govuk_date(value: Any, style: str = "short", *, empty: str = "") -> SafeString:
    return _time_element(value, style, DATE_STYLES, empty)


@register.simple_tag
def govuk_datetime(value: Any, style: str = "short", *, empty: str = "") -> SafeString:
    return _time_element(value, style, DATETIME_STYLES, empty)


@register.filter
def date_text(value: Any, style: str = "short") -> str:
    return "" if _is_empty(value) else _words(value, style, DATE_STYLES)


@register.filter
def datetime_text(value: Any, style: str = "short") -> str:
    return "" if _is_empty(value) else _words(value, style, DATETIME_STYLES)


# --- Summary list rows ---------------------------------------------------------------------
_ROW_OPTIONS = ("empty", "action_url", "action_text", "action_hidden", "key_hint", "value_id")


def summary_row_html(key: Any, value: Any, **options: Any) -> SafeString:
    """One ``govuk-summary-list__row``; ``value`` is escaped unless it is already safe."""
    data = {name: v for name, v in options.items() if name not in _ROW_OPTIONS}
    if _is_empty(value) or (isinstance(value, str) and not value.strip()):
        value = options.get("empty", "")
    key_html = conditional_escape(key)
    if options.get("key_hint"):
        key_html = format_html(
            '{}<br><span class="govuk-hint govuk-!-font-size-16">{}</span>',
            key_html,
            options["key_hint"],
        )
    value_id = options.get("value_id")
    actions = SafeString("")
    if options.get("action_url"):
        hidden = options.get("action_hidden")
        actions = format_html(
            '\n<dd class="govuk-summary-list__actions">'
            '<a class="govuk-link" href="{}">{}{}</a></dd>',
            options["action_url"],
            options.get("action_text") or "Change",
            format_html('<span class="govuk-visually-hidden"> {}</span>', hidden) if hidden else "",
        )
    return format_html(
        '<div class="govuk-summary-list__row">\n'
        '<dt class="govuk-summary-list__key">{}</dt>\n'
        '<dd class="govuk-summary-list__value"{}{}>{}</dd>{}\n'
        "</div>",
        key_html,
        format_html(' id="{}"', value_id) if value_id else "",
        _data_attributes(data),
        value,
        actions,
    )


class SummaryRowNode(template.Node):
    def __init__(
        self,
        key: FilterExpression,
        value: FilterExpression | None,
        options: dict[str, FilterExpression],
        nodelist: NodeList | None,
    ) -> None:
        self.key = key
        self.value = value
        self.options = options
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        value: Any
        if self.value is not None:
            value = self.value.resolve(context)
        else:
            # The body went through the engine, which escaped what it had to.
            value = mark_safe(self.nodelist.render(context).strip() if self.nodelist else "")  # noqa: S308
        options = {name: option.resolve(context) for name, option in self.options.items()}
        return summary_row_html(self.key.resolve(context), value, **options)


@register.tag("summary_row")
def summary_row(parser: Parser, token: Token) -> SummaryRowNode:
    """``{% summary_row key value … %}``, or ``{% summary_row key … %}…{% endsummary_row %}``."""
    bits = token.split_contents()
    tag = bits.pop(0)
    positional: list[FilterExpression] = []
    options: dict[str, FilterExpression] = {}
    while bits:
        keyword = token_kwargs(bits, parser)
        if keyword:
            options.update(keyword)
            continue
        if options:
            raise template.TemplateSyntaxError(f"{tag}: a value cannot follow a keyword")
        positional.append(parser.compile_filter(bits.pop(0)))
    unknown = [n for n in options if n not in _ROW_OPTIONS and not n.startswith("data_")]
    if unknown or len(positional) not in (1, 2):
        raise template.TemplateSyntaxError(
            f"{tag} takes a key, then a value or a body up to end{tag}, then keywords "
            f"({', '.join(_ROW_OPTIONS)}, data_<name>)"
        )
    if len(positional) == 2:
        return SummaryRowNode(positional[0], positional[1], options, None)
    nodelist = parser.parse((f"end{tag}",))
    parser.delete_first_token()
    return SummaryRowNode(positional[0], None, options, nodelist)


# --- Table heads ---------------------------------------------------------------------------
def _names(listed: str) -> set[str]:
    return {name.strip() for name in listed.split(",") if name.strip()}


@register.simple_tag
def table_head(*headings: Any, numeric: str = "", hidden: str = "") -> SafeString:
    numeric_names, hidden_names = _names(numeric), _names(hidden)
    unknown = (numeric_names | hidden_names) - {str(heading) for heading in headings}
    if unknown:
        raise ValueError(f"numeric= or hidden= names no heading: {', '.join(sorted(unknown))}")
    cells = format_html_join(
        "\n",
        '<th scope="col" class="govuk-table__header{}">{}</th>',
        (
            (
                " govuk-table__header--numeric" if str(heading) in numeric_names else "",
                format_html('<span class="govuk-visually-hidden">{}</span>', heading)
                if str(heading) in hidden_names
                else heading,
            )
            for heading in headings
            if not _is_empty(heading)
        ),
    )
    return format_html(
        '<thead class="govuk-table__head">\n<tr class="govuk-table__row">\n{}\n</tr>\n</thead>',
        cells,
    )
