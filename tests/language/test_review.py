"""Findings on submit: the page comes back once with the findings; saving again keeps them."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.template import Context, Template

from cehub.language.forms import language_checked
from cehub.language.review import (
    REVIEW_FIELD,
    flagged_fields,
    is_language_checked,
    wording_review_pending,
)
from cehub.screening.forms import ScreeningForm
from cehub.screening.services import tool_get

FLAGGED = "She keeps putting herself at risk."


class NoteForm(forms.Form):
    title = forms.CharField(label="Title", required=False)
    note = forms.CharField(label="Note", widget=forms.Textarea)
    other = forms.CharField(label="Other note", required=False, widget=forms.Textarea)


language_checked(NoteForm.base_fields["note"], NoteForm.base_fields["other"])


def _valid(data: dict[str, str], prefix: str | None = None) -> NoteForm:
    form = NoteForm(data, prefix=prefix)
    assert form.is_valid(), form.errors
    return form


def _token(form: NoteForm) -> str:
    html = Template("{% for field in form %}{{ field }}{% endfor %}").render(
        Context({"form": form})
    )
    found = re.search(rf'name="{REVIEW_FIELD}" value="([0-9a-f]+)"', html)
    assert found is not None, html
    return found[1]


def test_wording_without_findings_is_saved_at_once() -> None:
    assert not wording_review_pending(_valid({"note": "An adult is exploiting Jade."}))


def test_the_first_submission_with_findings_waits_and_the_same_wording_again_is_kept() -> None:
    first = _valid({"note": FLAGGED, "title": "Visit"})
    assert wording_review_pending(first)
    token = _token(first)
    # The title is not checked; changing it does not ask again.
    again = _valid({"note": FLAGGED, "title": "Home visit", REVIEW_FIELD: token})
    assert not wording_review_pending(again)


def test_changed_wording_with_findings_is_shown_again() -> None:
    first = _valid({"note": FLAGGED})
    assert wording_review_pending(first)
    changed = _valid({"note": "She is sexually active.", REVIEW_FIELD: _token(first)})
    assert wording_review_pending(changed)


def test_a_made_up_token_does_not_skip_the_review() -> None:
    assert wording_review_pending(_valid({"note": FLAGGED, REVIEW_FIELD: "0" * 32}))


def test_words_in_quotation_marks_are_not_reviewed() -> None:
    assert not wording_review_pending(_valid({"note": 'She said "I put myself at risk".'}))


def test_findings_render_under_their_field_and_the_banner_lists_the_fields() -> None:
    form = _valid({"note": FLAGGED, "other": "He is streetwise and sexually active."})
    assert wording_review_pending(form)
    html = Template("{% govuk_error_summary form %}{{ form.note }}{{ form.other }}").render(
        Context({"form": form})
    )
    assert "Check the wording" in html
    assert "3 suggestions" in html  # one in the note, two in the other note
    assert 'href="#id_note">Note</a> (1)' in html
    assert 'href="#id_other">Other note</a> (2)' in html
    note_region = html[html.index('id="id_note-language"') : html.index('id="id_other"')]
    assert "putting herself at risk" in note_region and "streetwise" not in note_region
    assert html.count(f'name="{REVIEW_FIELD}"') == 2  # one per flagged field, same value


def test_errors_come_before_a_wording_review() -> None:
    form = NoteForm({"note": ""})
    assert not form.is_valid()
    html = Template("{% govuk_error_summary form %}").render(Context({"form": form}))
    assert "There is a problem" in html and "Check the wording" not in html


def test_a_prefixed_form_and_a_formset_are_reviewed_together() -> None:
    NoteFormSet = forms.formset_factory(NoteForm, extra=0)  # noqa: N806
    data = {
        "main-note": "An adult is exploiting Jade.",
        "rows-TOTAL_FORMS": "2",
        "rows-INITIAL_FORMS": "0",
        "rows-0-note": "Fine wording.",
        "rows-1-note": FLAGGED,
    }
    main, formset = _valid(data, prefix="main"), NoteFormSet(data, prefix="rows")
    assert formset.is_valid()
    assert wording_review_pending(main, formset)
    assert [f.id for f in flagged_fields(main, formset)] == ["id_rows-1-note"]
    token = _token(formset.forms[1])
    main2, formset2 = (
        _valid({**data, REVIEW_FIELD: token}, prefix="main"),
        NoteFormSet({**data, REVIEW_FIELD: token}, prefix="rows"),
    )
    assert formset2.is_valid()
    assert not wording_review_pending(main2, formset2)


def test_every_free_text_box_on_the_screening_form_is_checked() -> None:
    form = ScreeningForm(tool=tool_get())
    boxes = {name: f for name, f in form.fields.items() if isinstance(f.widget, forms.Textarea)}
    assert len(boxes) > 50  # one evidence box per indicator, and the rationale and advice
    assert all(is_language_checked(field) for field in boxes.values())


@pytest.mark.parametrize(
    "text", ["", "\u200b\t", "x" * 30_000, "\U0001f600 emoji and \u2028 separators"]
)
def test_odd_text_never_breaks_the_review(text: str) -> None:
    form = NoteForm({"note": "-", "other": text})
    assert form.is_valid()
    assert wording_review_pending(form) is False
