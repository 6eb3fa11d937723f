"""The project's form renderer: GOV.UK templates for forms and fields."""

from __future__ import annotations

import functools
from typing import Any

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates, TemplatesSetting
from django.http import HttpRequest
from django.template import TemplateDoesNotExist

from .boundfield import GovukBoundField
from .context import build_field_context


@functools.cache
def _django_forms_renderer() -> DjangoTemplates:
    return DjangoTemplates()


class GovukFormRenderer(TemplatesSetting):
    """Render ``{{ form }}`` and ``{{ form.field }}`` with the templates in templates/govuk/forms.

    Templates come from the project's TEMPLATES engine (so the ``govuk`` tags are builtins).
    Django's own widget templates (``django/forms/...``) are looked up there first and, when
    ``django.forms`` is not in INSTALLED_APPS, from Django's built-in form templates.
    """

    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
    bound_field_class = GovukBoundField

    def get_template(self, template_name: str) -> Any:
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            if template_name.startswith("django/forms/"):
                return _django_forms_renderer().get_template(template_name)
            raise

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> str:
        field = context.get("field")
        if (
            isinstance(field, BoundField)
            and "govuk" not in context
            and template_name.startswith("govuk/forms/")
        ):
            context = {**context, "govuk": build_field_context(field)}
        return super().render(template_name, context, request)
