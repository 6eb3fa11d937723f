"""Levels on a page: labels and tag colours come from the tool's data, whatever its levels
are called (the default tool's none/low/medium/high, or a partnership's green/amber/red)."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from cehub.screening.display import LevelTag, level_tag
from cehub.screening.engine import Tool
from tests.screening.partnership_tool import TRAFFIC_LIGHTS


def _render(source: str, **context: object) -> str:
    return Template("{% load screening_levels %}" + source).render(Context(context))


def test_the_default_tools_levels_keep_their_colours() -> None:
    assert [
        (tag.label, tag.classes) for tag in map(level_tag, ("none", "low", "medium", "high"))
    ] == [
        ("No identified risk (universal)", "govuk-tag--grey"),
        ("Low", "govuk-tag--blue"),
        ("Medium", "govuk-tag--orange"),
        ("High", "govuk-tag--red"),
    ]


def test_a_partnership_tools_levels_take_its_own_labels_and_colours(traffic_lights: Tool) -> None:
    assert level_tag("amber", traffic_lights) == LevelTag("amber", "Amber", "yellow")
    assert level_tag("red", traffic_lights).classes == "govuk-tag--red"
    assert level_tag("green", traffic_lights).classes == "govuk-tag--green"
    # The default tool's names mean nothing to this tool.
    assert level_tag("medium", traffic_lights) == LevelTag("medium", "Medium", "")


def test_a_level_no_tool_knows_is_a_plain_tag_in_words() -> None:
    assert level_tag("extreme") == LevelTag("extreme", "Extreme", "")
    assert level_tag("extreme").classes == ""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('{% level_tag "high" %}', '<strong class="govuk-tag govuk-tag--red">High</strong>'),
        (
            "{% level_tag level tool %}",
            '<strong class="govuk-tag govuk-tag--yellow">Amber</strong>',
        ),
        (
            "{% level_tag level ref %}",
            '<strong class="govuk-tag govuk-tag--yellow">Amber</strong>',
        ),
        ("{{ level|level_colour:tool }} {{ level|level_label:ref }}", "yellow Amber"),
        ('{% level_tag "medium" tool %}', '<strong class="govuk-tag">Medium</strong>'),
        # A stored screening whose tool is gone: its level as the default tool shows it.
        (
            '{% level_tag "low" "retired-tool@3" %}',
            '<strong class="govuk-tag govuk-tag--blue">Low</strong>',
        ),
    ],
)
def test_the_template_tag_reads_the_tools_data(
    traffic_lights: Tool, source: str, expected: str
) -> None:
    assert _render(source, level="amber", tool=traffic_lights, ref=TRAFFIC_LIGHTS) == expected


def test_the_template_tag_draws_a_level_tag_a_view_made_and_escapes_the_label() -> None:
    made = LevelTag("x", "<b>Odd</b>", "purple")
    assert _render("{% level_tag made %}", made=made) == (
        '<strong class="govuk-tag govuk-tag--purple">&lt;b&gt;Odd&lt;/b&gt;</strong>'
    )
