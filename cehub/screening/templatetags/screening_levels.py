"""A screening level as a GOV.UK tag, coloured and labelled by the screening tool's data.

``{% load screening_levels %}``, then:

``{% level_tag case.level %}``
    The level as the latest default tool names and colours it.
``{% level_tag screening.final_level screening.tool_ref %}``
    As the tool the screening used names it (a ``Tool`` works too); a tool no longer
    installed falls back to the default tool, and a level no tool knows shows as a plain tag.
``{% level_tag row.computed %}``
    A ``LevelTag`` a view already made.
``{{ case.level|level_colour }}`` and ``{{ case.level|level_label }}``
    The colour (``"orange"``, or ``""``) and the label, where a tag is not wanted.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from cehub.core.templatetags.govuk_display import govuk_tag
from cehub.screening.display import LevelTag, tool_or_none
from cehub.screening.display import level_tag as level_tag_for
from cehub.screening.engine import Tool

register = template.Library()

type ToolArgument = Tool | str | None


def _tag(level: LevelTag | str, tool: ToolArgument) -> LevelTag:
    if isinstance(level, LevelTag):
        return level
    if isinstance(tool, str):
        tool = tool_or_none(tool) if tool else None
    return level_tag_for(str(level), tool)


@register.simple_tag
def level_tag(level: LevelTag | str, tool: ToolArgument = None) -> SafeString:
    tag = _tag(level, tool)
    return govuk_tag(tag.label, tag.colour)


@register.filter
def level_colour(level: LevelTag | str, tool: ToolArgument = None) -> str:
    return _tag(level, tool).colour


@register.filter
def level_label(level: LevelTag | str, tool: ToolArgument = None) -> str:
    return _tag(level, tool).label
