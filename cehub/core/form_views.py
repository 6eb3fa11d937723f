"""The POST skeleton every form page shares, written once.

A form page validates what was typed, shows any wording findings once (the language review,
PRACTICE.md §7), calls one service, and then either redirects (post, redirect, get) or draws
the page again with the problem on the field it belongs to — keeping what was typed. A page
drawn before someone else changed the record answers 409 with the record's current version
in the form, so a second submission is a decision made on current information::

    form = NextStepForm(request.POST)
    outcome = submit(
        form,
        save=lambda: services.concern_decide_next_step(actor=actor, ..., **form.cleaned_data),
        current_version=lambda: concern_fresh(concern).version,
    )
    if outcome.saved:
        messages.success(request, "Triage finished")
        return redirect(...)
    return render(request, template, context, status=outcome.status)

Services own their rules and messages (``core.errors``); forms only parse. A page that must
show a service's rules together with what did not parse passes ``problems=`` (the rules, run on
what was typed) as well as ``save=``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.formsets import BaseFormSet
from django.utils.datastructures import MultiValueDict

from .errors import ConflictError, Problem, ServiceError
from .govuk_forms.field_review import field_review

FormLike = forms.BaseForm | BaseFormSet
VERSION_FIELD = "version"


@dataclass(frozen=True)
class Outcome[T]:
    """What became of a submission: ``saved`` is True when the service ran and returned
    ``value``; otherwise ``status`` is the page's status (200, or 409 for a stale page)."""

    saved: bool
    status: int = HTTPStatus.OK
    value: T | None = None
    error: ServiceError | None = None  # the service's refusal, for pages that show more of it


def all_valid(*objects: FormLike) -> bool:
    """Validate every form, so every problem shows at once (``all()`` would stop at the first)."""
    results = [obj.is_valid() for obj in objects]
    return all(results)


def _forms_of(objects: Iterable[FormLike]) -> list[forms.BaseForm]:
    found: list[forms.BaseForm] = []
    for obj in objects:
        found.extend(obj.forms if isinstance(obj, BaseFormSet) else [obj])
    return found


def attach_error(
    objects: Iterable[FormLike], error: ServiceError, fields: Mapping[str, str] | None = None
) -> None:
    """Show each of a service's problems on the field it names (renamed by ``fields``), on the
    first form that has that field, or above the first form when none has."""
    form_list = _forms_of(objects)
    for field, message in error.problems:
        name = (fields or {}).get(field or "", field)
        form = next((f for f in form_list if name and name in f.fields), None)
        if form is not None:
            form.add_error(name, message)
        elif form_list:
            form_list[0].add_error(None, message)


def _unread(objects: Iterable[FormLike], fields: Mapping[str, str] | None) -> frozenset[str]:
    """The inputs that did not parse, by the service's names for them."""
    service_name = {form_name: name for name, form_name in (fields or {}).items()}
    return frozenset(
        service_name.get(name, name)
        for form in _forms_of(objects)
        for name in form.errors
        if name != NON_FIELD_ERRORS
    )


def rebind_with_version(
    form: forms.BaseForm, version: int, message: str, *, version_field: str = VERSION_FIELD
) -> None:
    """The same form, as typed, now carrying the record's current version and the message.

    Rebound in place, so the view keeps drawing the form object it already has.
    """
    data: MultiValueDict[str, Any] = form.data.copy()  # type: ignore[attr-defined]
    data[form.add_prefix(version_field)] = str(version)
    form.data = data
    form._errors = None  # type: ignore[attr-defined] # validate again, with the new version
    form.full_clean()
    form.add_error(None, message)


def submit[T](
    *objects: FormLike,
    save: Callable[[], T],
    fields: Mapping[str, str] | None = None,
    current_version: Callable[[], int] | None = None,
    review_wording: bool = True,
    version_field: str = VERSION_FIELD,
    problems: Callable[[frozenset[str]], Sequence[Problem]] | None = None,
) -> Outcome[T]:
    """Validate ``objects``, review their wording, then call ``save`` (the service).

    ``fields`` renames a service's field to the form's; ``current_version`` reads the record's
    version again after a ``ConflictError`` (the form with the ``version_field`` is rebound).
    ``problems`` runs the service's rules on what was typed before saving — also when some of
    it did not parse, so that every problem shows at once. It is given the inputs that did not
    parse (by the service's names), for the rules that need them to wait (``errors.problems_of``).
    """
    valid = all_valid(*objects)
    if problems is not None:
        found = problems(_unread(objects, fields))
        if found:
            attach_error(objects, ServiceError.of(found), fields)
            valid = False
    if not valid:
        return Outcome(saved=False)
    if review_wording and field_review().review_pending(*objects):
        return Outcome(saved=False)
    try:
        value = save()
    except ConflictError as error:
        versioned = [f for f in _forms_of(objects) if version_field in f.fields]
        if current_version is None or not versioned:
            attach_error(objects, error, fields)
        else:
            rebind_with_version(
                versioned[0], current_version(), str(error), version_field=version_field
            )
        return Outcome(saved=False, status=HTTPStatus.CONFLICT, error=error)
    except ServiceError as error:
        attach_error(objects, error, fields)
        return Outcome(saved=False, error=error)
    return Outcome(saved=True, value=value)
