"""Drawing the sections other apps add to the person page (``people.record_sections``)."""

from __future__ import annotations

from django import template
from django.template import Engine
from django.template.context import Context
from django.utils.safestring import SafeString

from cehub.people.record_sections import RecordSection

register = template.Library()


@register.simple_tag(takes_context=True)
def record_section(context: Context, section: RecordSection) -> SafeString:
    """The section's template, drawn inside the page with the section's context added."""
    engine = context.template.engine if context.template else Engine.get_default()
    section_template = engine.get_template(section.template_name)
    with context.push(**section.context):
        return SafeString(section_template.render(context))
