"""Findings on submit: the page comes back once with the findings before wording is saved.

The live check (htmx) helps authors who have JavaScript; this is the same help for everyone,
at the moment of saving. It never blocks: saving the same wording again keeps it, and the
service records that choice (``kept_wording_record``). Views call it right after validation::

    if form.is_valid() and not wording_review_pending(form):
        thing_save(...)

The form then carries what the renderer and ``{% govuk_error_summary %}`` need to show the
findings under each field and a notification banner at the top of the page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django import forms
from django.forms import BoundField
from django.forms.formsets import BaseFormSet
from django.template.loader import render_to_string

from cehub.core.govuk_forms.field_review import FlaggedField
from cehub.core.govuk_forms.options import base_id

from .matcher import CheckResult, default_checker

# The name of the hidden input that says "I have seen these findings for this wording".
REVIEW_FIELD = "language_reviewed"
# The form attribute the renderer reads: {field name: the findings shown under it}.
RESULTS_ATTRIBUTE = "language_results"
# The form attribute set while a review is waiting for the author: the token to send back.
PENDING_ATTRIBUTE = "language_review_pending"


def is_language_checked(field: forms.Field) -> bool:
    return bool(field.widget.attrs.get("govuk_language_check"))


def _flatten(objects: Iterable[Any]) -> list[forms.BaseForm]:
    found: list[forms.BaseForm] = []
    for obj in objects:
        if isinstance(obj, BaseFormSet):
            found.extend(form for form in obj.forms if form.is_bound)
        elif isinstance(obj, forms.BaseForm):
            found.append(obj)
        elif isinstance(obj, (list, tuple)):
            found.extend(_flatten(obj))
    return found


def _checked_texts(form: forms.BaseForm) -> dict[str, str]:
    cleaned = getattr(form, "cleaned_data", {}) or {}
    return {
        name: str(cleaned.get(name) or "")
        for name, field in form.fields.items()
        if is_language_checked(field)
    }


def _token(texts: Iterable[tuple[str, str]]) -> str:
    # Not a secret: the author may always keep their wording. The token only ties "I have seen
    # the findings" to this exact wording, so changed wording with new findings is shown again.
    digest = hashlib.sha256()
    for key, text in sorted(texts):
        digest.update(key.encode())
        digest.update(b"\x00")
        digest.update(text.encode())
        digest.update(b"\x01")
    return digest.hexdigest()[:32]


def wording_review_pending(*objects: Any) -> bool:
    """True when the page must be shown again with findings before saving.

    Pass the validated forms and formsets of one submission. The first submission of wording
    with findings returns True and marks the forms so the findings are rendered; the next
    submission of the same wording (carrying the token) returns False: the author keeps it.
    """
    form_list = _flatten(objects)
    flagged: list[tuple[forms.BaseForm, str, CheckResult]] = []
    keyed_texts: list[tuple[str, str]] = []
    for form in form_list:
        results: dict[str, CheckResult] = {}
        for name, text in _checked_texts(form).items():
            result = default_checker().check(text)
            results[name] = result
            if result.findings:
                flagged.append((form, name, result))
                keyed_texts.append((form.add_prefix(name), text))
        setattr(form, RESULTS_ATTRIBUTE, results)
    if not flagged:
        return False
    token = _token(keyed_texts)
    sent = next((str(f.data.get(REVIEW_FIELD, "")) for f in form_list if f.is_bound), "")
    if sent == token:
        return False
    for form in form_list:
        setattr(form, PENDING_ATTRIBUTE, token)
    return True


def flagged_fields(*objects: Any) -> list[FlaggedField]:
    """The fields whose findings the page is showing, in page order (for the banner)."""
    found: list[FlaggedField] = []
    for form in _flatten(objects):
        if not getattr(form, PENDING_ATTRIBUTE, ""):
            continue
        results: dict[str, CheckResult] = getattr(form, RESULTS_ATTRIBUTE, {})
        for bf in form:
            result = results.get(bf.name)
            if result is not None and result.findings:
                found.append(
                    FlaggedField(
                        id=base_id(bf),
                        label=str(bf.label),
                        count=len(result.findings),
                    )
                )
    return found


class LanguageFieldReview:
    """The renderer's ``FieldReview`` (registered by ``LanguageConfig.ready``)."""

    def field_context(self, bf: BoundField) -> dict[str, Any]:
        """Findings shown on submit, rendered into the field's live region."""
        token = getattr(bf.form, PENDING_ATTRIBUTE, "")
        result = getattr(bf.form, RESULTS_ATTRIBUTE, {}).get(bf.name)
        if not token or result is None or not result.findings:
            return {}
        return {
            "language_findings_html": render_to_string(
                "language/_findings.html", {"findings": result.findings, "quoted": result.quoted}
            ),
            "language_review_field": REVIEW_FIELD,
            "language_review_token": token,
        }

    def flagged_fields(self, *forms: Any) -> list[FlaggedField]:
        return flagged_fields(*forms)

    def review_pending(self, *forms: Any) -> bool:
        return wording_review_pending(*forms)
