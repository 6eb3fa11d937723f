"""Missing episode pages: recording one, found and safe, the return home interview, a child's
episodes (with the flag for going missing often) and importing a police list.

Views parse forms and call the missing-episode services and selectors, which check access and
write the access log. Forbidden and missing records are both 404, including a child whose
record the viewer has no relationship with.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.cases.casework.selectors import person_risk_summary
from cehub.cases.models import MissingEpisode, PoliceRiskGrade
from cehub.cases.pages import RecordOnPage, identity, person_or_404
from cehub.core.access import permission_required, request_user
from cehub.core.deadlines import DeadlineStatus, period_words, return_interview_within
from cehub.core.form_views import submit

from . import selectors, services
from .forms import (
    MISSING_ERROR_FIELDS,
    FoundForm,
    InterviewForm,
    MissingEpisodeForm,
    MissingImportForm,
    interview_initial,
)

IMPORTED_SESSION_KEY = "cases:missing-imported"  # episode ids only, for the page after import


@dataclass(frozen=True)
class EpisodeRow:
    episode: MissingEpisode
    deadline: DeadlineStatus | None


def _episode(request: HttpRequest, episode_id: uuid.UUID) -> MissingEpisode:
    return selectors.missing_episode_get(viewer=request_user(request), episode_id=episode_id)


@permission_required("cases.record_missing")
@require_http_methods(["GET", "POST"])
def missing_new(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    person = person_or_404(request, person_id)
    form = MissingEpisodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        outcome = submit(
            form,
            save=lambda: services.missing_episode_record(
                actor=viewer, person=person, data=form.to_input()
            ),
            fields=MISSING_ERROR_FIELDS,
        )
        if outcome.saved and outcome.value is not None:
            messages.success(request, "Missing episode recorded")
            return redirect("cases:missing_detail", episode_id=outcome.value.pk)
    return render(request, "cases/work/missing_form.html", {**identity(person), "form": form})


def _render_episode(
    request: HttpRequest,
    episode: MissingEpisode,
    *,
    found_form: FoundForm | None = None,
    interview_form: InterviewForm | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = request_user(request)
    if episode.found_at is None:
        found_form = found_form or FoundForm(initial={"version": episode.version})
        interview_form = None
    else:
        found_form = None
        interview_form = interview_form or InterviewForm(initial=interview_initial(episode))
    context = {
        **identity(episode.person),
        "episode": episode,
        "deadline": selectors.interview_status(episode),
        "can_record": viewer.has_perm("cases.record_missing"),
        "found_form": found_form,
        "interview_form": interview_form,
        "all_forms": [f for f in (found_form, interview_form) if f is not None],
    }
    return render(request, "cases/work/missing_detail.html", context, status=status)


@permission_required("cases.view_case")
@require_http_methods(["GET"])
def missing_detail(request: HttpRequest, episode_id: uuid.UUID) -> HttpResponse:
    return _render_episode(request, _episode(request, episode_id))


def _post_on_episode(
    request: HttpRequest,
    episode_id: uuid.UUID,
    form: FoundForm | InterviewForm,
    service: Callable[..., MissingEpisode],
    done: str,
) -> HttpResponse:
    """A form on the episode page: saved through its service, then back to the page saying
    what was ``done``; or the page again with the problem. After a conflict the page is drawn
    as it is now, with what was typed and the current version, so a second submission is made
    knowing what the other person recorded."""
    viewer = request_user(request)
    page = RecordOnPage(lambda: _episode(request, episode_id))
    outcome = submit(
        form,
        save=lambda: service(actor=viewer, episode=page.record, **form.service_kwargs()),
        fields=MISSING_ERROR_FIELDS,
        current_version=page.current_version,
    )
    if outcome.saved:
        messages.success(request, done)
        return redirect("cases:missing_detail", episode_id=episode_id)
    return _render_episode(
        request,
        page.record,
        found_form=form if isinstance(form, FoundForm) else None,
        interview_form=form if isinstance(form, InterviewForm) else None,
        status=outcome.status,
    )


@permission_required("cases.record_missing")
@require_http_methods(["POST"])
def missing_found(request: HttpRequest, episode_id: uuid.UUID) -> HttpResponse:
    within = period_words(return_interview_within())
    return _post_on_episode(
        request,
        episode_id,
        FoundForm(request.POST),
        services.missing_episode_found,
        f"Recorded as found. The return home interview is due within {within}",
    )


@permission_required("cases.record_missing")
@require_http_methods(["POST"])
def missing_interview(request: HttpRequest, episode_id: uuid.UUID) -> HttpResponse:
    return _post_on_episode(
        request,
        episode_id,
        InterviewForm(request.POST),
        services.return_interview_record,
        "Return home interview recorded",
    )


@permission_required("cases.view_case")
@require_http_methods(["GET"])
def missing_list(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    viewer = request_user(request)
    person = person_or_404(request, person_id)
    episodes = selectors.missing_episodes_for(viewer=viewer, person=person)
    summary = person_risk_summary(viewer=viewer, person=person)
    rows = [EpisodeRow(episode, selectors.interview_status(episode)) for episode in episodes]
    return render(
        request,
        "cases/work/missing_list.html",
        {
            **identity(person),
            "rows": rows,
            "missing_flag": summary.missing_flag,
            "missing_recent": summary.missing_recent,
            "can_record": viewer.has_perm("cases.record_missing"),
        },
    )


@permission_required("cases.record_missing")
@require_http_methods(["GET", "POST"])
def missing_import(request: HttpRequest) -> HttpResponse:
    """A police list of missing episodes: every row is checked, and all are saved or none."""
    viewer = request_user(request)
    row_errors: list[services.RowError] = []
    imported: list[MissingEpisode] = []
    from_file = False
    if request.method == "POST":
        form = MissingImportForm(request.POST, request.FILES)
        outcome = submit(
            form,
            save=lambda: services.missing_episodes_bulk_import(
                actor=viewer, csv_text=form.csv_data()
            ),
        )
        if outcome.saved and outcome.value is not None:
            episodes = outcome.value
            request.session[IMPORTED_SESSION_KEY] = [str(e.pk) for e in episodes]
            messages.success(
                request,
                f"{len(episodes)} missing episode{'s' if len(episodes) != 1 else ''} imported",
            )
            return redirect("cases:missing_import")
        if isinstance(outcome.error, services.BulkImportError):
            row_errors = outcome.error.errors
            uploaded = form.cleaned_data.get("csv_file")
            from_file = bool(uploaded)
            if uploaded:
                # The file's list goes in the box, so it can be corrected there.
                data = request.POST.copy()
                data["csv_text"] = uploaded
                form = MissingImportForm(data)
                form.is_valid()
                form.add_error("csv_text", str(outcome.error))
    else:
        form = MissingImportForm()
        for episode_id in request.session.pop(IMPORTED_SESSION_KEY, []):
            try:
                imported.append(
                    selectors.missing_episode_get(viewer=viewer, episode_id=uuid.UUID(episode_id))
                )
            except (Http404, ValueError):
                continue
    return render(
        request,
        "cases/work/missing_import.html",
        {
            "form": form,
            "row_errors": row_errors,
            "from_file": from_file,
            "imported": imported,
            "risk_grades": PoliceRiskGrade.choices,
        },
    )
