"""The hub's side of intake: the triage queue, triaging a concern, and grading intelligence.

Views parse forms and call the intake and people services and selectors, which check access
and write the access log; every form goes through ``core.form_views.submit``. After a
successful POST they redirect back to the record's page (post/redirect/get); on a problem they
draw the page again with the error summary, keeping what was typed (409 when someone else
changed the record first, with the page showing their change).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.accounts.models import User
from cehub.core.access import permission_required, request_user
from cehub.core.errors import Problem, ServiceError
from cehub.core.form_views import submit
from cehub.core.identifiers import InvalidIdentifier
from cehub.people.models import DobPrecision, Person, PersonCategory, Sex
from cehub.people.selectors import PersonMatch, SearchCriteria, person_identity_get, person_search

from ..models import (
    Concern,
    ExploitationForm,
    IntelligenceSubjectKind,
    NextStep,
    PartnerIntelligence,
    SharingOutcome,
)
from . import selectors, services
from .forms import (
    CHOOSE_CHILD,
    NEW_RECORD,
    CreateChildForm,
    FindChildForm,
    GradeForm,
    LinkChildForm,
    NextStepForm,
    SharingDecisionForm,
)


@dataclass
class _Current[R: (Concern, PartnerIntelligence)]:
    """The record the page draws: read again after a conflict, to show the other person's
    change (so a second submission is a decision made on current information)."""

    record: R
    read_again: Callable[[R], R]

    def version(self) -> int:
        self.record = self.read_again(self.record)
        return self.record.version


def _record_sharing(
    request: HttpRequest,
    form: SharingDecisionForm,
    *,
    concern: Concern | None = None,
    intelligence: PartnerIntelligence | None = None,
) -> bool:
    """The sharing decision on a concern or an item, with its message; False if refused."""
    outcome = submit(
        form,
        save=lambda: services.sharing_decision_record(
            actor=request_user(request),
            decision=form.to_input(),
            concern=concern,
            intelligence=intelligence,
        ),
        problems=lambda unread: services.sharing_problems(form.to_input(), unread=unread),
    )
    decision = outcome.value
    if decision is None:
        return False
    if decision.outcome == SharingOutcome.SHARE:
        messages.success(request, f"Decision to share with {decision.recipients} recorded")
    else:
        messages.success(request, "Decision not to share recorded")
    return True


# --- The queue -----------------------------------------------------------------------------
@permission_required("intake.triage")
@require_http_methods(["GET"])
def triage_queue(request: HttpRequest) -> HttpResponse:
    items = selectors.triage_queue(viewer=request_user(request))
    return render(request, "intake/triage/queue.html", {"items": items})


# --- A concern -----------------------------------------------------------------------------
def _concern(request: HttpRequest, concern_id: uuid.UUID) -> Concern:
    return selectors.concern_get(viewer=request_user(request), concern_id=concern_id)


def _current_concern(request: HttpRequest, concern: Concern) -> _Current[Concern]:
    def read_again(shown: Concern) -> Concern:
        try:
            return _concern(request, shown.pk)
        except Http404:
            # Linked meanwhile to a child this user's team has no relationship with: show
            # nothing new, only what they already had on screen.
            return shown

    return _Current(concern, read_again)


def _search_initial(concern: Concern) -> dict[str, Any]:
    name = " ".join(p for p in (concern.child_given_name, concern.child_family_name) if p)
    return {
        "name": name or concern.child_known_as,
        "date_of_birth": concern.child_date_of_birth,
        "nhs_number": concern.child_nhs_number,
        "postcode": concern.child_postcode,
    }


def _create_initial(concern: Concern) -> dict[str, Any]:
    return {
        "given_name": concern.child_given_name,
        "family_name": concern.child_family_name,
        "known_as": concern.child_known_as,
        "date_of_birth": concern.child_date_of_birth,
        "dob_precision": DobPrecision.EXACT,
        "nhs_number": concern.child_nhs_number,
        "sex": Sex.NOT_KNOWN,
        "version": concern.version,
    }


def _search_fields(request: HttpRequest) -> list[tuple[str, str]]:
    """The search as typed, carried in the choice form so the choices can be shown again."""
    prefix = f"{FindChildForm.prefix}-"
    return [(key, str(value)) for key, value in request.POST.items() if key.startswith(prefix)]


@dataclass
class ConcernPage:
    """What the concern page shows beyond the concern: its forms and any search results."""

    find_form: FindChildForm | None = None
    link_form: LinkChildForm | None = None
    create_form: CreateChildForm | None = None
    sharing_form: SharingDecisionForm | None = None
    next_form: NextStepForm | None = None
    searched: bool = False
    search_fields: tuple[tuple[str, str], ...] = ()


def _render_concern(
    request: HttpRequest, concern: Concern, page: ConcernPage, *, status: int = 200
) -> HttpResponse:
    decisions = list(concern.sharing_decisions.all())
    if concern.child_id is None and page.create_form is None and page.find_form is None:
        page.find_form = FindChildForm(initial=_search_initial(concern))
    if page.sharing_form is None:
        page.sharing_form = SharingDecisionForm()
    if page.next_form is None and concern.triaged_at is None:
        page.next_form = NextStepForm(initial={"version": concern.version})
    forms_suspected = []
    for value in concern.forms_suspected:
        try:
            forms_suspected.append(ExploitationForm(value).label)
        except ValueError:
            forms_suspected.append(value)
    context = {
        "concern": concern,
        "page": page,
        "deadline": selectors.sharing_deadline(concern),
        "decisions": decisions,
        "involved": selectors.involved_rows(concern),
        "forms_suspected": forms_suspected,
        "steps": {
            "child": concern.child_id is not None,
            "sharing": bool(decisions),
            "next": concern.triaged_at is not None,
        },
        "all_forms": [
            page.find_form,
            page.link_form,
            page.create_form,
            page.sharing_form,
            page.next_form,
        ],
    }
    return render(request, "intake/triage/concern.html", context, status=status)


@permission_required("intake.triage")
@require_http_methods(["GET"])
def concern_triage(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    return _render_concern(request, _concern(request, concern_id), ConcernPage())


def _search(request: HttpRequest, find_form: FindChildForm) -> list[PersonMatch] | None:
    """Children matching the search, or None when the search could not be run."""
    if not find_form.is_valid():
        return None
    data = find_form.cleaned_data
    criteria = SearchCriteria(
        name=data["name"],
        date_of_birth=data["date_of_birth"],
        nhs_number=data["nhs_number"],
        postcode=data["postcode"],
    )
    try:
        results = person_search(viewer=request_user(request), criteria=criteria)
    except InvalidIdentifier as error:
        find_form.add_error(None, error.message)
        return None
    # A concern is about a child: adults found by the same search are not offered.
    return [match for match in results.people if match.person.category == PersonCategory.CHILD]


def _results_page(
    request: HttpRequest,
    concern: Concern,
    find_form: FindChildForm,
    candidates: list[PersonMatch] | None,
    link_form: LinkChildForm | None = None,
) -> ConcernPage:
    page = ConcernPage(find_form=find_form)
    if candidates is None:
        return page
    page.searched = True
    page.search_fields = tuple(_search_fields(request))
    if candidates or link_form is not None:
        page.link_form = link_form or LinkChildForm(initial={"version": concern.version})
        page.link_form.set_candidates(candidates)
    else:
        # Nothing matches: go straight to creating the record, prefilled from the concern.
        page.find_form = None
        page.create_form = CreateChildForm(initial=_create_initial(concern))
    return page


@permission_required("intake.triage")
@require_http_methods(["POST"])
def concern_find_child(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = _concern(request, concern_id)
    if concern.child_id is not None:
        return redirect("intake:concern_triage", concern_id=concern.pk)
    find_form = FindChildForm(request.POST)
    candidates = _search(request, find_form)
    return _render_concern(request, concern, _results_page(request, concern, find_form, candidates))


def _chosen_child(viewer: User, chosen: str) -> Person:
    """The child chosen from the search results; one this user may not see was not offered."""
    try:
        return person_identity_get(viewer=viewer, person_id=uuid.UUID(chosen))
    except Http404:
        raise ServiceError(CHOOSE_CHILD, "person") from None


@permission_required("intake.triage")
@require_http_methods(["POST"])
def concern_link_child(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    actor = request_user(request)
    current = _current_concern(request, _concern(request, concern_id))
    link_form = LinkChildForm(request.POST)
    if link_form.is_valid() and link_form.cleaned_data["person"] == NEW_RECORD:
        initial = {**_create_initial(current.record), "version": link_form.cleaned_data["version"]}
        return _render_concern(
            request, current.record, ConcernPage(create_form=CreateChildForm(initial=initial))
        )

    def link() -> tuple[Concern, Person]:
        person = _chosen_child(actor, link_form.cleaned_data["person"])
        concern = services.concern_link_child(
            actor=actor,
            concern=current.record,
            person=person,
            expected_version=link_form.cleaned_data["version"],
        )
        return concern, person

    outcome = submit(link_form, save=link, current_version=current.version)
    if outcome.value is not None:
        concern, person = outcome.value
        messages.success(
            request, f"Concern {concern.reference} linked to {person.full_name}'s record"
        )
        return redirect("intake:concern_triage", concern_id=concern.pk)
    concern = current.record
    if concern.child_id is not None:  # someone else linked it meanwhile
        page = ConcernPage(link_form=link_form)
        return _render_concern(request, concern, page, status=outcome.status)
    # Search again with what was typed, so the choices are shown with the problem.
    find_form = FindChildForm(request.POST)
    candidates = _search(request, find_form) or []
    page = _results_page(request, concern, find_form, candidates, link_form=link_form)
    return _render_concern(request, concern, page, status=outcome.status)


@permission_required("intake.triage")
@require_http_methods(["POST"])
def concern_create_child(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    current = _current_concern(request, _concern(request, concern_id))
    form = CreateChildForm(request.POST)
    outcome = submit(
        form,
        save=lambda: services.concern_create_child(
            actor=request_user(request),
            concern=current.record,
            details=form.to_details(),
            expected_version=form.cleaned_data["version"],
        ),
        problems=lambda unread: services.child_details_problems(form.to_details(), unread=unread),
        current_version=current.version,
    )
    if outcome.value is not None:
        concern = outcome.value
        messages.success(
            request,
            f"New record created for {concern.child} and concern {concern.reference} linked to it",
        )
        return redirect("intake:concern_triage", concern_id=concern.pk)
    page = ConcernPage(create_form=form)
    return _render_concern(request, current.record, page, status=outcome.status)


@permission_required("intake.triage")
@require_http_methods(["POST"])
def concern_sharing(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = _concern(request, concern_id)
    form = SharingDecisionForm(request.POST)
    if _record_sharing(request, form, concern=concern):
        return redirect("intake:concern_triage", concern_id=concern.pk)
    return _render_concern(request, concern, ConcernPage(sharing_form=form))


@permission_required("intake.triage")
@require_http_methods(["POST"])
def concern_next_step(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    current = _current_concern(request, _concern(request, concern_id))
    form = NextStepForm(request.POST)
    outcome = submit(
        form,
        save=lambda: services.concern_decide_next_step(
            actor=request_user(request),
            concern=current.record,
            next_step=NextStep(form.cleaned_data["next_step"]),
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        ),
        current_version=current.version,
    )
    if outcome.value is not None:
        concern = outcome.value
        messages.success(request, f"Triage finished: {concern.get_next_step_display().lower()}")
        return redirect("intake:concern_triage", concern_id=concern.pk)
    page = ConcernPage(next_form=form)
    return _render_concern(request, current.record, page, status=outcome.status)


# --- Partner intelligence ------------------------------------------------------------------
def _intelligence(request: HttpRequest, item_id: uuid.UUID) -> PartnerIntelligence:
    return selectors.intelligence_get(viewer=request_user(request), item_id=item_id)


def _render_intelligence(
    request: HttpRequest,
    item: PartnerIntelligence,
    *,
    sharing_form: SharingDecisionForm | None = None,
    grade_form: GradeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    can_grade = request_user(request).has_perm("intake.grade_intelligence")
    if grade_form is None and can_grade:
        grade_form = GradeForm(
            initial={
                "source_evaluation": item.source_evaluation,
                "intelligence_assessment": item.intelligence_assessment,
                "handling_code": item.handling_code,
                "handling_conditions": item.handling_conditions,
                "version": item.version,
            }
        )
    context = {
        "item": item,
        "deadline": selectors.sharing_deadline(item),
        "decisions": list(item.sharing_decisions.all()),
        "gradings": list(item.gradings.all()),
        "involved": selectors.involved_rows(item),
        "subject_kinds": [
            IntelligenceSubjectKind(value).label
            for value in item.subject_kinds
            if value in IntelligenceSubjectKind.values
        ],
        "sharing_form": sharing_form or SharingDecisionForm(),
        "grade_form": grade_form if can_grade else None,
        "all_forms": [sharing_form, grade_form if can_grade else None],
    }
    return render(request, "intake/triage/intelligence.html", context, status=status)


@permission_required("intake.triage")
@require_http_methods(["GET"])
def intelligence_triage(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    return _render_intelligence(request, _intelligence(request, item_id))


@permission_required("intake.triage")
@require_http_methods(["POST"])
def intelligence_sharing(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = _intelligence(request, item_id)
    form = SharingDecisionForm(request.POST)
    if _record_sharing(request, form, intelligence=item):
        return redirect("intake:intelligence_triage", item_id=item.pk)
    return _render_intelligence(request, item, sharing_form=form)


def _grading_problems(
    item: PartnerIntelligence, form: GradeForm, unread: frozenset[str]
) -> list[Problem]:
    grading = form.grading()
    return services.grading_problems(
        item=item,
        handling_code=grading["handling_code"],
        handling_conditions=grading["handling_conditions"],
        rationale=grading["rationale"],
        unread=unread,
    )


@permission_required("intake.grade_intelligence")
@require_http_methods(["POST"])
def intelligence_grade(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    current = _Current(
        _intelligence(request, item_id), lambda shown: _intelligence(request, shown.pk)
    )
    form = GradeForm(request.POST)
    outcome = submit(
        form,
        save=lambda: services.intelligence_grade(
            actor=request_user(request),
            item=current.record,
            **form.grading(),
            expected_version=form.cleaned_data["version"],
        ),
        problems=lambda unread: _grading_problems(current.record, form, unread),
        current_version=current.version,
    )
    if outcome.value is not None:
        messages.success(request, f"Graded {outcome.value.grading}")
        return redirect("intake:intelligence_triage", item_id=item_id)
    return _render_intelligence(request, current.record, grade_form=form, status=outcome.status)
