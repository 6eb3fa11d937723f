"""GOV.UK template tags (a template builtin, so no ``{% load %}`` is needed).

``{% govuk_error_summary form %}``: the error summary for one or more forms or formsets (or a
list of them); renders nothing when there are no errors. ``title="..."`` changes the heading.
When a wording review is waiting (``core.govuk_forms.field_review``), it shows a notification banner
listing the fields whose wording to check instead.

``{% govuk_title_prefix form %}``: "Error: " when any of the forms has errors, else "", for
``<title>{% govuk_title_prefix form %}Page - Service</title>``.

``{% if form|govuk_has_errors %}``: the same test as a filter.
"""

from __future__ import annotations

from typing import Any

from django import template

from cehub.core.govuk_forms.field_review import field_review
from cehub.core.govuk_forms.summary import error_summary_items, has_errors

register = template.Library()


@register.inclusion_tag("govuk/forms/error_summary.html")
def govuk_error_summary(*forms: Any, title: str = "There is a problem") -> dict[str, Any]:
    errors = error_summary_items(*forms)
    # Wording findings on submit are not errors: a notification, shown only when nothing is wrong.
    flagged = [] if errors else field_review().flagged_fields(*forms)
    return {
        "errors": errors,
        "title": title,
        "wording": flagged,
        "wording_count": sum(field.count for field in flagged),
    }


@register.simple_tag
def govuk_title_prefix(*forms: Any) -> str:
    return "Error: " if has_errors(*forms) else ""


@register.filter
def govuk_has_errors(forms: Any) -> bool:
    return has_errors(forms)
