"""The GOV.UK display components: tags, summary rows, dates and deadlines.

Each component is rendered through a real template (they are builtins, so no ``{% load %}``).
No database.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.db import models
from django.template import Context, Template, TemplateSyntaxError

from cehub.cases.models import CaseStatus, DisruptionStatus
from cehub.core.deadlines import deadline_status
from cehub.core.templatetags.tag_colours import STATUS_COLOURS, TAG_COLOURS
from cehub.intake.models import ConcernStatus, IntelligenceStatus
from cehub.meetings.models import ActionStatus, MeetingStatus
from cehub.people.models import BreakGlassReview
from cehub.screening.models import ScreeningStatus


def render(source: str, **context: Any) -> str:
    return Template(source).render(Context(context))


# --- Tags ----------------------------------------------------------------------------------
def test_a_tag_is_a_strong_element_with_its_colour() -> None:
    assert render('{% govuk_tag "To do" "blue" %}') == (
        '<strong class="govuk-tag govuk-tag--blue">To do</strong>'
    )


def test_a_tag_without_a_colour_is_the_plain_tag_and_takes_classes() -> None:
    html = render('{% govuk_tag "Alpha" classes="govuk-phase-banner__content__tag" %}')
    assert html == '<strong class="govuk-tag govuk-phase-banner__content__tag">Alpha</strong>'


def test_data_keywords_become_data_attributes_after_the_class() -> None:
    html = render('{% govuk_tag label "grey" data_kind=kind %}', label="Missing", kind="missing")
    assert html == '<strong class="govuk-tag govuk-tag--grey" data-kind="missing">Missing</strong>'


def test_a_tag_escapes_its_words() -> None:
    assert "&lt;b&gt;" in render('{% govuk_tag text "grey" %}', text="<b>")


def test_a_tag_refuses_a_colour_govuk_frontend_does_not_have() -> None:
    with pytest.raises(ValueError, match="not a GOV\\.UK tag colour"):
        render('{% govuk_tag "Done" "gren" %}')


def test_a_tag_refuses_keywords_that_are_not_data_attributes() -> None:
    with pytest.raises(TypeError, match="data_<name>"):
        render('{% govuk_tag "Done" "green" style="x" %}')


def test_a_status_tag_reads_its_colour_from_the_one_mapping() -> None:
    html = render(
        '{% status_tag "case" status label %}', status="awaiting-allocation", label="Waiting"
    )
    assert html == '<strong class="govuk-tag govuk-tag--yellow">Waiting</strong>'


def test_the_same_word_can_have_a_different_colour_in_another_kind() -> None:
    meeting = render('{% status_tag "meeting" "in-progress" "In progress" %}')
    disruption = render('{% status_tag "disruption" "in-progress" "In progress" %}')
    assert "govuk-tag--green" in meeting
    assert "govuk-tag--blue" in disruption


def test_a_status_not_in_the_mapping_shows_its_words_on_the_plain_tag() -> None:
    html = render('{% status_tag "case" "reopened" "Reopened" %}')
    assert html == '<strong class="govuk-tag">Reopened</strong>'


def test_a_kind_not_in_the_mapping_is_a_mistake_and_fails() -> None:
    with pytest.raises(KeyError):
        render('{% status_tag "casse" "open" "Open" %}')


@pytest.mark.parametrize(
    ("kind", "choices"),
    [
        ("case", CaseStatus),
        ("screening", ScreeningStatus),
        ("meeting", MeetingStatus),
        ("disruption", DisruptionStatus),
        ("emergency-access-review", BreakGlassReview),
        ("submission", ConcernStatus),
        ("submission", IntelligenceStatus),
        ("action", ActionStatus),
    ],
)
def test_every_stored_status_has_a_colour(kind: str, choices: type[models.TextChoices]) -> None:
    missing = [value for value in choices.values if value not in STATUS_COLOURS[kind]]
    assert not missing, f"no {kind} tag colour for {missing}"


def test_every_deadline_state_has_a_colour() -> None:
    assert {"overdue", "due-soon", "due", "met"} <= STATUS_COLOURS["deadline"].keys()


def test_every_mapped_colour_is_a_govuk_tag_colour() -> None:
    used = {colour for colours in STATUS_COLOURS.values() for colour in colours.values()}
    assert used <= TAG_COLOURS


# --- Deadlines -----------------------------------------------------------------------------
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_an_overdue_deadline_is_red_and_says_by_how_much() -> None:
    deadline = deadline_status(NOW - timedelta(hours=2), now=NOW)
    assert render("{% deadline_tag deadline %}", deadline=deadline) == (
        '<strong class="govuk-tag govuk-tag--red" data-deadline-state="overdue">'
        "Overdue by 2 hours 0 min</strong>"
    )


@pytest.mark.parametrize(
    ("hours", "state", "colour"), [(3, "due-soon", "orange"), (30, "due", "blue")]
)
def test_a_deadline_still_to_come_is_coloured_by_how_soon(
    hours: int, state: str, colour: str
) -> None:
    html = render(
        "{% deadline_tag deadline %}",
        deadline=deadline_status(NOW + timedelta(hours=hours), now=NOW),
    )
    assert f'govuk-tag--{colour}" data-deadline-state="{state}"' in html


def test_a_met_deadline_is_worded_the_way_the_page_asks() -> None:
    source = (
        '{% deadline_tag deadline met_text="Decision recorded" met_late_text="Recorded late" %}'
    )
    on_time = deadline_status(NOW, met_at=NOW - timedelta(hours=1))
    late = deadline_status(NOW, met_at=NOW + timedelta(hours=1))
    assert render(source, deadline=on_time).endswith(">Decision recorded</strong>")
    assert render(source, deadline=late).endswith(">Recorded late</strong>")
    assert 'govuk-tag--green" data-deadline-state="met"' in render(source, deadline=late)


def test_a_met_deadline_can_say_when_it_was_met() -> None:
    deadline = deadline_status(NOW, met_at=NOW - timedelta(hours=1))
    html = render(
        '{% deadline_tag deadline met_text="Offered on" met_at=offered %}',
        deadline=deadline,
        offered=NOW - timedelta(hours=1),
    )
    assert html == (
        '<strong class="govuk-tag govuk-tag--green" data-deadline-state="met">Offered on '
        '<time datetime="2026-11-20T08:00:00+00:00">20 Nov 2026 08:00</time></strong>'
    )


def test_without_a_met_wording_a_met_deadline_uses_its_own_words() -> None:
    html = render("{% deadline_tag deadline %}", deadline=deadline_status(NOW, met_at=NOW))
    assert html.endswith(">Met</strong>")


def test_no_deadline_renders_nothing() -> None:
    assert render("{% deadline_tag deadline %}", deadline=None) == ""


# --- Summary rows --------------------------------------------------------------------------
def test_a_summary_row_is_a_key_and_a_value() -> None:
    assert render('{% summary_row "Name" name %}', name="Kayleigh Brooks") == (
        '<div class="govuk-summary-list__row">\n'
        '<dt class="govuk-summary-list__key">Name</dt>\n'
        '<dd class="govuk-summary-list__value">Kayleigh Brooks</dd>\n'
        "</div>"
    )


def test_a_summary_row_escapes_a_plain_value_and_keeps_a_safe_one() -> None:
    html = render(
        '{% summary_row "What" text %}{% summary_row "Why" why|linebreaksbr %}',
        text="<script>",
        why="one\ntwo",
    )
    assert "&lt;script&gt;" in html
    assert "one<br>two" in html


@pytest.mark.parametrize("value", [None, "", "   "])
def test_an_empty_value_shows_the_empty_words(value: object) -> None:
    html = render('{% summary_row "Last seen" value empty="Not recorded" %}', value=value)
    assert '<dd class="govuk-summary-list__value">Not recorded</dd>' in html


def test_an_empty_value_without_empty_words_is_an_empty_cell() -> None:
    html = render('{% summary_row "Last seen" value %}', value=None)
    assert '<dd class="govuk-summary-list__value"></dd>' in html


def test_zero_is_a_value_not_an_empty_one() -> None:
    html = render('{% summary_row "Total" total empty="None" %}', total=0)
    assert '<dd class="govuk-summary-list__value">0</dd>' in html


def test_a_block_summary_row_takes_its_value_as_html() -> None:
    html = render(
        '{% summary_row "Child" %}\n  <a class="govuk-link" href="{{ url }}">{{ name }}</a>\n'
        "{% endsummary_row %}",
        url="/people/1/",
        name="Kayleigh & co",
    )
    assert (
        '<dd class="govuk-summary-list__value"><a class="govuk-link" href="/people/1/">'
        "Kayleigh &amp; co</a></dd>"
    ) in html


def test_a_block_summary_row_with_only_whitespace_is_empty() -> None:
    html = render(
        '{% summary_row "Harm" empty="None recorded" %} {% if harm %}{{ harm }}{% endif %} '
        "{% endsummary_row %}",
        harm="",
    )
    assert '<dd class="govuk-summary-list__value">None recorded</dd>' in html


def test_an_action_keeps_its_visually_hidden_words() -> None:
    html = render(
        '{% summary_row "Risk level" "High" action_url="/screen/" action_text="Screen again" '
        'action_hidden="for this child" %}'
    )
    assert html.endswith(
        '<dd class="govuk-summary-list__value">High</dd>\n'
        '<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/screen/">'
        'Screen again<span class="govuk-visually-hidden"> for this child</span></a></dd>\n'
        "</div>"
    )


def test_an_action_is_called_change_unless_it_says_otherwise() -> None:
    html = render('{% summary_row "Name" "Kayleigh" action_url="/edit/" %}')
    assert '<a class="govuk-link" href="/edit/">Change</a>' in html


def test_no_action_url_means_no_actions_cell() -> None:
    html = render('{% summary_row "Name" "Kayleigh" action_url=url action_text="Change" %}', url="")
    assert "govuk-summary-list__actions" not in html


def test_a_row_takes_a_key_hint_an_id_and_data_attributes_for_its_value() -> None:
    html = render(
        '{% summary_row "Ethnicity" "Not known" key_hint="For equality monitoring only" '
        'value_id="ethnicity" data_minutes="discussion" %}'
    )
    assert (
        '<dt class="govuk-summary-list__key">Ethnicity<br>'
        '<span class="govuk-hint govuk-!-font-size-16">For equality monitoring only</span></dt>'
    ) in html
    assert (
        '<dd class="govuk-summary-list__value" id="ethnicity" data-minutes="discussion">'
        "Not known</dd>"
    ) in html


@pytest.mark.parametrize(
    "source",
    [
        "{% summary_row %}",
        '{% summary_row "A" "B" "C" %}',
        '{% summary_row "A" "B" colour="red" %}',
        '{% summary_row "A" empty="x" "B" %}',
        '{% summary_row "A" "B" %}x{% endsummary_row %}',
        '{% summary_row "A" %}no end',
    ],
)
def test_a_summary_row_written_wrong_fails_when_the_template_loads(source: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        Template(source)


# --- Dates and times -----------------------------------------------------------------------
def test_a_datetime_is_a_time_element_in_uk_time() -> None:
    html = render("{% govuk_datetime when %}", when=datetime(2026, 7, 1, 13, 30, tzinfo=UTC))
    assert html == '<time datetime="2026-07-01T14:30:00+01:00">1 Jul 2026 14:30</time>'


@pytest.mark.parametrize(
    ("utc", "shown", "offset"),
    [
        # Clocks go forward at 01:00 UTC on 29 March 2026: 01:00 GMT becomes 02:00 BST.
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "29 Mar 2026 00:30", "00:30:00+00:00"),
        (datetime(2026, 3, 29, 1, 30, tzinfo=UTC), "29 Mar 2026 02:30", "02:30:00+01:00"),
        # Clocks go back at 01:00 UTC on 25 October 2026: 01:30 happens twice.
        (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), "25 Oct 2026 01:30", "01:30:00+01:00"),
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), "25 Oct 2026 01:30", "01:30:00+00:00"),
    ],
)
def test_the_clock_change_shows_uk_time_and_the_exact_instant(
    utc: datetime, shown: str, offset: str
) -> None:
    html = render("{% govuk_datetime when %}", when=utc)
    assert html == f'<time datetime="{utc.date().isoformat()}T{offset}">{shown}</time>'


def test_a_datetime_shown_as_a_date_is_the_uk_date() -> None:
    late_evening = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)  # 00:30 on 1 July in the UK
    html = render("{% govuk_date when %}", when=late_evening)
    assert html == '<time datetime="2026-07-01T00:30:00+01:00">1 Jul 2026</time>'


def test_a_date_is_a_time_element_with_the_date() -> None:
    assert render('{% govuk_date day "long" %}', day=date(2026, 3, 29)) == (
        '<time datetime="2026-03-29">29 March 2026</time>'
    )


@pytest.mark.parametrize(
    ("style", "words"),
    [
        ("short", "4 Nov 2026"),
        ("long", "4 November 2026"),
        ("weekday", "Wednesday 4 November 2026"),
        ("month", "November 2026"),
        ("short-month", "Nov 2026"),
    ],
)
def test_date_styles(style: str, words: str) -> None:
    assert render("{{ day|date_text:style }}", day=date(2026, 11, 4), style=style) == words


@pytest.mark.parametrize(
    ("style", "words"),
    [
        ("short", "4 Nov 2026 14:05"),
        ("seconds", "4 Nov 2026 14:05:09"),
        ("at", "4 Nov 2026 at 14:05"),
        ("long-at", "4 November 2026 at 14:05"),
        ("time", "14:05"),
    ],
)
def test_datetime_styles(style: str, words: str) -> None:
    when = datetime(2026, 11, 4, 14, 5, 9, tzinfo=UTC)  # GMT: UK time is UTC in November
    assert render("{{ when|datetime_text:style }}", when=when, style=style) == words
    assert render("{% govuk_datetime when style %}", when=when, style=style).endswith(
        f">{words}</time>"
    )


def test_the_text_filters_convert_to_uk_time_too() -> None:
    when = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
    assert render("{{ when|datetime_text }}", when=when) == "2 Jul 2026 00:30"
    assert render("{{ when|date_text }}", when=when) == "2 Jul 2026"


@pytest.mark.parametrize("tag", ["govuk_date", "govuk_datetime"])
def test_an_empty_date_is_nothing_or_the_empty_words(tag: str) -> None:
    assert render(f"{{% {tag} when %}}", when=None) == ""
    assert render(f'{{% {tag} when empty="Not known" %}}', when="") == "Not known"
    assert render("{{ when|date_text }}{{ when|datetime_text }}", when=None) == ""


def test_a_date_component_refuses_what_is_not_a_date() -> None:
    with pytest.raises(TypeError, match="expected a date"):
        render("{% govuk_date when %}", when="2026-03-29")


def test_an_unknown_style_is_a_mistake_and_fails() -> None:
    with pytest.raises(ValueError, match="not one of"):
        render('{% govuk_date day "fancy" %}', day=date(2026, 3, 29))


# --- Table heads ---------------------------------------------------------------------------
def test_a_table_head_has_one_column_heading_each() -> None:
    assert render('{% table_head "When" "Who" %}') == (
        '<thead class="govuk-table__head">\n<tr class="govuk-table__row">\n'
        '<th scope="col" class="govuk-table__header">When</th>\n'
        '<th scope="col" class="govuk-table__header">Who</th>\n'
        "</tr>\n</thead>"
    )


def test_number_columns_and_hidden_headings_are_named() -> None:
    html = render(
        '{% table_head "Team" "Times kept" "Change" numeric="Times kept" hidden="Change" %}'
    )
    assert (
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Times kept</th>'
    ) in html
    assert (
        '<th scope="col" class="govuk-table__header">'
        '<span class="govuk-visually-hidden">Change</span></th>'
    ) in html


def test_an_empty_heading_leaves_its_column_out() -> None:
    html = render('{% table_head "Action" show_owner|yesno:"Owner," "Due" %}', show_owner=False)
    assert html.count("<th ") == 2
    assert "Owner" not in html


def test_a_table_head_escapes_its_headings() -> None:
    assert "Kind &amp; count" in render("{% table_head heading %}", heading="Kind & count")


def test_numeric_or_hidden_naming_no_heading_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="names no heading: Total"):
        render('{% table_head "Team" numeric="Total" %}')
