"""Finding people, their record pages, and emergency (break-glass) access and its review.

Nothing personal goes in a URL: searches are POSTed, record paths carry UUIDs only, and the
chronology filter's query string carries event-kind codes only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from allauth.account.decorators import reauthentication_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cehub.contexts.display import link_rows
from cehub.core.access import permission_required, request_user
from cehub.core.form_views import submit
from cehub.core.identifiers import format_nhs_number

from . import selectors, services
from .access import active_break_glass, can_open_record, has_relationship
from .display import age_text, date_of_birth_text, person_flags
from .forms import BreakGlassForm, ChronologyFilterForm, PersonSearchForm
from .models import BreakGlassGrant, PersonCategory
from .record_sections import record_sections

CHRONOLOGY_PAGE_SIZE = 50


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@dataclass(frozen=True)
class PersonRow:
    """A person found by a search."""

    name: str
    url: str
    break_glass_url: str
    date_of_birth: str
    age: str
    category: str
    reasons: list[str]
    can_open: bool


def _person_rows(matches: list[selectors.PersonMatch]) -> list[PersonRow]:
    today = timezone.localdate()
    return [
        PersonRow(
            name=match.person.full_name,
            url=reverse("people:person_detail", kwargs={"person_id": match.person.pk}),
            break_glass_url=reverse("people:break_glass", kwargs={"person_id": match.person.pk}),
            date_of_birth=date_of_birth_text(match.person),
            age=age_text(match.person, today),
            category=str(PersonCategory(match.person.category).label),
            reasons=match.reasons,
            can_open=match.can_open,
        )
        for match in matches
    ]


# --- Search --------------------------------------------------------------------------------
@permission_required("people.search")
@require_http_methods(["GET", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    """GET shows the form; POST shows the results on the same page (nothing in the URL)."""
    viewer = request_user(request)
    form = PersonSearchForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        results = selectors.person_search(viewer=viewer, criteria=form.criteria())
        context.update(
            results=results,
            people=_person_rows(results.people),
        )
    return render(request, "people/search.html", context)


# --- The record ----------------------------------------------------------------------------
@permission_required("people.view_person")
@require_http_methods(["GET"])
def person_detail(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    try:
        person = selectors.person_get(viewer=viewer, person_id=person_id)
    except selectors.RecordLockedError as locked:
        return render(
            request,
            "people/person_locked.html",
            {
                "person": locked.person,
                "date_of_birth": date_of_birth_text(locked.person),
            },
        )

    filter_form = ChronologyFilterForm(request.GET if "kind" in request.GET else None)
    kinds = (
        filter_form.cleaned_data["kind"] if filter_form.is_bound and filter_form.is_valid() else []
    )
    chronology = selectors.person_chronology(viewer=viewer, person=person, kinds=kinds or None)
    page = Paginator(chronology, CHRONOLOGY_PAGE_SIZE).get_page(_page_number(request))
    linked = selectors.person_links(viewer=viewer, person=person)

    grant: BreakGlassGrant | None = None
    if person.category == PersonCategory.CHILD and not has_relationship(viewer, person):
        grant = active_break_glass(viewer, person)
    context = {
        "person": person,
        "aliases": person.aliases.all(),
        "date_of_birth": date_of_birth_text(person),
        "age": age_text(person),
        "nhs_number": format_nhs_number(person.nhs_number) if person.nhs_number else "",
        "flags": person_flags(person),
        "filter_form": filter_form,
        "filtered": bool(kinds),
        "page": page,
        # Pagination links carry the chosen kind codes and nothing else.
        "query": urlencode([("kind", kind) for kind in kinds]),
        "link_rows": link_rows(viewed=person.node, linked=linked, this_noun="this person"),
        "this_noun": "this person",
        "grant": grant,
        # What the apps above people add to the page (the summary comes from cases).
        "record_sections": record_sections(viewer=viewer, person=person),
    }
    return render(request, "people/person_detail.html", context)


# --- Break-glass ---------------------------------------------------------------------------
def _break_glass_form_complete(request: HttpRequest) -> bool:
    # Mistakes in the form are shown first; re-authenticating is asked for only when the
    # request would otherwise succeed, so nobody re-authenticates to be told of a typo.
    form = BreakGlassForm(request.POST)
    return form.is_valid() and not services.break_glass_request_problems(
        category=form.cleaned_data["category"], reason=form.cleaned_data["reason"]
    )


@permission_required("people.break_glass")
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True, enabled=_break_glass_form_complete)
def break_glass(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    """Open a child's record without a relationship: re-authenticated, reasoned, time-limited.

    The GET only shows who the child is and what will happen. allauth's decorator answers a
    complete POST from anyone who has not re-authenticated in the last few minutes by sending
    them to re-authenticate (password or second factor); allauth then replays the POST.
    """
    viewer = request_user(request)
    person = selectors.person_identity_get(viewer=viewer, person_id=person_id)
    if person.category != PersonCategory.CHILD or can_open_record(viewer, person):
        return redirect("people:person_detail", person_id=person.pk)
    form = BreakGlassForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        outcome = submit(
            form,
            save=lambda: services.break_glass_open(
                actor=viewer,
                person=person,
                category=form.cleaned_data["category"],
                reason=form.cleaned_data["reason"],
            ),
            # Emergency access is not held up by a wording review: the reason gets the live
            # check only (and a kept finding is still recorded).
            review_wording=False,
        )
        if outcome.saved:
            return redirect("people:person_detail", person_id=person.pk)
    context = {
        "person": person,
        "date_of_birth": date_of_birth_text(person),
        "form": form,
        "hours": int(services.break_glass_duration().total_seconds() // 3600),
    }
    return render(request, "people/break_glass.html", context)
