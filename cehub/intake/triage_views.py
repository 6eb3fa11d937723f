"""The hub's side of intake: the triage queue, triaging a concern, and grading intelligence.

Views parse forms and call the intake and people services and selectors, which check access
and write the access log. After a successful POST they redirect back to the record's page
(post/redirect/get); on a problem they draw the page again with the error summary, keeping
what was typed (409 when someone else changed the record first).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.core.access import permission_required, request_user
from cehub.core.deadlines import DeadlineStatus, deadline_status
from cehub.core.errors import ConflictError, ServiceError
from cehub.core.identifiers import InvalidIdentifier
from cehub.language.review import wording_review_pending
from cehub.people.models import DobPrecision, PersonCategory, Sex
from cehub.people.selectors import PersonMatch, SearchCriteria, person_identity_get, person_search
from cehub.people.services import PersonDetails

from . import selectors, services
from .models import (
    Concern,
    ConsentStatus,
    ExploitationForm,
    IntelligenceSubjectKind,
    Involvement,
    LawfulBasis,
    NextStep,
    PartnerIntelligence,
    SharingDecision,
    SharingOutcome,
)
from .triage_forms import (
    CHOOSE_CHILD,
    NEW_RECORD,
    CreateChildForm,
    FindChildForm,
    GradeForm,
    LinkChildForm,
    NextStepForm,
    SharingDecisionForm,
)

CONFLICT = 409


def _attach(form: forms.Form, error: Exception) -> None:
    """Show a service's error on its field, or above the form if the form has no such field."""
    field = getattr(error, "field", None)
    form.add_error(field if field in form.fields else None, str(error))


def _rebound_with_version[F: forms.Form](
    form: F, version: int, error: Exception, **kwargs: Any
) -> F:
    """The same form, as typed, with the record's current version and the conflict message.

    The page drawn with it shows the other person's changes, so once the user has seen them a
    second submission is a decision made on current information.
    """
    data = form.data.copy()  # type: ignore[attr-defined]
    data[form.add_prefix("version")] = str(version)
    rebound = type(form)(data, **kwargs)
    rebound.is_valid()
    rebound.add_error(None, str(error))
    return rebound


def _deadline(due_at: Any, decisions: list[SharingDecision]) -> DeadlineStatus:
    decided = [decision.decided_at for decision in decisions]
    return deadline_status(due_at, met_at=min(decided) if decided else None)


@dataclass(frozen=True)
class InvolvedRow:
    """A person, place or thing in a report, with what the page needs to link to its record."""

    role: str
    description: str
    kind: str
    label: str
    target_id: uuid.UUID | None


def _involved(involvements: list[Involvement]) -> list[InvolvedRow]:
    rows = []
    for involvement in involvements:
        node = involvement.node
        target = getattr(node, node.kind, None)
        rows.append(
            InvolvedRow(
                role=involvement.get_role_display(),
                description=involvement.description,
                kind=node.kind,
                label=str(target) if target is not None else node.get_kind_display(),
                target_id=target.pk if target is not None else None,
            )
        )
    return rows


def _decision_input(form: SharingDecisionForm) -> services.SharingDecisionInput:
    data = form.cleaned_data
    return services.SharingDecisionInput(
        outcome=SharingOutcome(data["outcome"]),
        recipients=data["recipients"],
        information=data["information"],
        purpose=data["purpose"],
        lawful_basis=LawfulBasis(data["lawful_basis"]),
        consent_status=ConsentStatus(data["consent_status"]),
        rationale=data["rationale"],
    )


def _decision_message(decision: SharingDecision) -> str:
    if decision.outcome == SharingOutcome.SHARE:
        return f"Decision to share with {decision.recipients} recorded"
    return "Decision not to share recorded"


# --- The queue -----------------------------------------------------------------------------
@permission_required("intake.triage")
@require_http_methods(["GET"])
def triage_queue(request: HttpRequest) -> HttpResponse:
    items = selectors.triage_queue(viewer=request_user(request))
    return render(request, "intake/triage/queue.html", {"items": items})


# --- A concern -----------------------------------------------------------------------------
def _concern(request: HttpRequest, concern_id: uuid.UUID) -> Concern:
    return selectors.concern_get(viewer=request_user(request), concern_id=concern_id)


def _fresh_concern(request: HttpRequest, concern: Concern) -> Concern:
    """The concern as it is now, after someone else changed it (for a conflict page)."""
    try:
        return _concern(request, concern.pk)
    except Http404:
        # Linked meanwhile to a child this user's team has no relationship with: show nothing
        # new, only what they already had on screen.
        return concern


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
        "deadline": _deadline(concern.sharing_due_at, decisions),
        "decisions": decisions,
        "involved": _involved(list(concern.involvements.all())),
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


@permission_required("intake.triage")
@require_http_methods(["POST"])
def concern_link_child(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    actor = request_user(request)
    concern = _concern(request, concern_id)
    link_form = LinkChildForm(request.POST)
    status = 200
    if link_form.is_valid():
        chosen = link_form.cleaned_data["person"]
        version = link_form.cleaned_data["version"]
        if chosen == NEW_RECORD:
            create_form = CreateChildForm(initial={**_create_initial(concern), "version": version})
            return _render_concern(request, concern, ConcernPage(create_form=create_form))
        try:
            person = person_identity_get(viewer=actor, person_id=uuid.UUID(chosen))
        except Http404:
            link_form.add_error("person", CHOOSE_CHILD)
        else:
            try:
                concern = services.concern_link_child(
                    actor=actor, concern=concern, person=person, expected_version=version
                )
            except ConflictError as error:
                concern = _fresh_concern(request, concern)
                link_form = _rebound_with_version(link_form, concern.version, error)
                status = CONFLICT
            except ServiceError as error:
                _attach(link_form, error)
            else:
                messages.success(
                    request, f"Concern {concern.reference} linked to {person.full_name}'s record"
                )
                return redirect("intake:concern_triage", concern_id=concern.pk)
    if concern.child_id is not None:  # someone else linked it meanwhile
        return _render_concern(request, concern, ConcernPage(link_form=link_form), status=status)
    # Search again with what was typed, so the choices are shown with the problem.
    find_form = FindChildForm(request.POST)
    candidates = _search(request, find_form) or []
    page = _results_page(request, concern, find_form, candidates, link_form=link_form)
    return _render_concern(request, concern, page, status=status)


@permission_required("intake.triage")
@require_http_methods(["POST"])
def concern_create_child(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    actor = request_user(request)
    concern = _concern(request, concern_id)
    form = CreateChildForm(request.POST)
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        details = PersonDetails(
            category=PersonCategory.CHILD,
            given_name=data["given_name"],
            family_name=data["family_name"],
            date_of_birth=data["date_of_birth"],
            dob_precision=DobPrecision(data["dob_precision"]),
            sex=Sex(data["sex"]),
            nhs_number=data["nhs_number"],
            known_as=[data["known_as"]] if data["known_as"] else [],
        )
        try:
            concern = services.concern_create_child(
                actor=actor, concern=concern, details=details, expected_version=data["version"]
            )
        except ConflictError as error:
            concern = _fresh_concern(request, concern)
            form = _rebound_with_version(form, concern.version, error)
            status = CONFLICT
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(
                request,
                f"New record created for {concern.child} and concern {concern.reference} "
                "linked to it",
            )
            return redirect("intake:concern_triage", concern_id=concern.pk)
    return _render_concern(request, concern, ConcernPage(create_form=form), status=status)


@permission_required("intake.triage")
@require_http_methods(["POST"])
def concern_sharing(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = _concern(request, concern_id)
    form = SharingDecisionForm(request.POST)
    if form.is_valid() and not wording_review_pending(form):
        try:
            decision = services.sharing_decision_record(
                actor=request_user(request), decision=_decision_input(form), concern=concern
            )
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(request, _decision_message(decision))
            return redirect("intake:concern_triage", concern_id=concern.pk)
    return _render_concern(request, concern, ConcernPage(sharing_form=form))


@permission_required("intake.triage")
@require_http_methods(["POST"])
def concern_next_step(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = _concern(request, concern_id)
    form = NextStepForm(request.POST)
    status = 200
    if form.is_valid() and not wording_review_pending(form):
        data = form.cleaned_data
        try:
            concern = services.concern_decide_next_step(
                actor=request_user(request),
                concern=concern,
                next_step=NextStep(data["next_step"]),
                reason=data["reason"],
                expected_version=data["version"],
            )
        except ConflictError as error:
            concern = _fresh_concern(request, concern)
            form = _rebound_with_version(form, concern.version, error)
            status = CONFLICT
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(request, f"Triage finished: {concern.get_next_step_display().lower()}")
            return redirect("intake:concern_triage", concern_id=concern.pk)
    return _render_concern(request, concern, ConcernPage(next_form=form), status=status)


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
    decisions = list(item.sharing_decisions.all())
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
        "deadline": _deadline(item.sharing_due_at, decisions),
        "decisions": decisions,
        "gradings": list(item.gradings.all()),
        "involved": _involved(list(item.involvements.all())),
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
    if form.is_valid() and not wording_review_pending(form):
        try:
            decision = services.sharing_decision_record(
                actor=request_user(request), decision=_decision_input(form), intelligence=item
            )
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(request, _decision_message(decision))
            return redirect("intake:intelligence_triage", item_id=item.pk)
    return _render_intelligence(request, item, sharing_form=form)


@permission_required("intake.grade_intelligence")
@require_http_methods(["POST"])
def intelligence_grade(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = _intelligence(request, item_id)
    form = GradeForm(request.POST)
    status = 200
    if form.is_valid() and not wording_review_pending(form):
        data = form.cleaned_data
        try:
            item = services.intelligence_grade(
                actor=request_user(request),
                item=item,
                source_evaluation=data["source_evaluation"],
                intelligence_assessment=data["intelligence_assessment"],
                handling_code=data["handling_code"],
                handling_conditions=data["handling_conditions"],
                rationale=data["rationale"],
                expected_version=data["version"],
            )
        except ConflictError as error:
            item = _intelligence(request, item.pk)
            form = _rebound_with_version(form, item.version, error)
            status = CONFLICT
        except ServiceError as error:
            _attach(form, error)
        else:
            messages.success(request, f"Graded {item.grading}")
            return redirect("intake:intelligence_triage", item_id=item.pk)
    return _render_intelligence(request, item, grade_form=form, status=status)
