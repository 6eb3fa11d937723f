"""GOV.UK Design System rendering for Django forms.

``FORM_RENDERER = "cehub.core.govuk_forms.GovukFormRenderer"`` makes ``{{ form }}`` and
``{{ form.field_name }}`` render GOV.UK components; see ``options`` for per-field options
(widths, label as page heading, hints) and ``dates`` for the date input.
"""

from .boundfield import GovukBoundField
from .context import build_field_context
from .dates import GovukDateField, GovukDateInput, date_error_parts
from .draft import DraftForm, DraftFormSet, with_one_more_row
from .options import error_target_id, field_options, widget_kind
from .renderer import GovukFormRenderer

__all__ = [
    "DraftForm",
    "DraftFormSet",
    "GovukBoundField",
    "GovukDateField",
    "GovukDateInput",
    "GovukFormRenderer",
    "build_field_context",
    "date_error_parts",
    "error_target_id",
    "field_options",
    "widget_kind",
    "with_one_more_row",
]
