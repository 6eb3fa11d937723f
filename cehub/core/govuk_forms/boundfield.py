"""A bound field whose ``{{ form.field_name }}`` renders the whole GOV.UK form group."""

from __future__ import annotations

from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

from .options import error_target_id


class GovukBoundField(BoundField):
    """``{{ field }}`` renders label, hint, error message and input(s) as a GOV.UK component.

    Use ``{{ field.as_widget }}`` for the bare input.
    """

    def __str__(self) -> SafeString:
        return self.as_field_group()

    # RenderableFieldMixin binds __html__ to its own __str__, so it must be replaced too.
    def __html__(self) -> SafeString:
        return self.as_field_group()

    @property
    def error_target_id(self) -> str:
        """The id the error summary links to for this field."""
        return error_target_id(self)
