"""The referrer's side of intake: raise a concern, share information, see what became of it.

Each report is one page of questions, a check-your-answers page and a confirmation. Answers
wait in the server-side session between the first two (keyed by user; cleared when sent, when
the referrer clears the form, or when the session ends); no record is created and the hub sees
nothing until the referrer presses "Send to the hub".
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.accounts.models import User
from cehub.core.access import permission_required, request_user
from cehub.core.errors import Problem
from cehub.core.form_views import submit

from ..models import Concern, ConcernStatus, IntelligenceStatus, PartnerIntelligence
from . import selectors, services
from .drafts import Draft, Page, PageSpec, build_page, draft_data, draft_summary
from .forms import CONCERN_PAGE, INTELLIGENCE_PAGE, concern_submission, intelligence_submission
from .involved_forms import MAX_ITEMS


def _draft_key(kind: str, user: User) -> str:
    # Per user, so a draft can never be shown to or sent by anyone else on a shared session.
    return f"cehub.intake.draft.{kind}.{user.pk}"


class _Report:
    """What differs between a concern and partner information; the flow is the same."""

    def __init__(
        self,
        *,
        kind: str,
        spec: PageSpec,
        send: Callable[[User, Draft], Concern | PartnerIntelligence],
        problems: Callable[[Draft, frozenset[str]], list[Problem]],
    ) -> None:
        self.kind = kind
        self.spec = spec
        self.send = send  # the service that creates the record
        self.problems = problems  # the same service's rules, run on the page

    def url(self, step: str) -> str:
        return f"intake:{self.kind}_{step}"

    def render_start(self, request: HttpRequest, page: Page, *, unsent: bool) -> HttpResponse:
        return render(
            request,
            f"intake/submit/{self.kind}_start.html",
            {
                "page": page,
                "all_forms": page.all_forms,
                "before": page.sections(self.spec.sections_before),
                "groups": page.groups(),
                "after": page.sections(self.spec.sections_after),
                "max_items": MAX_ITEMS,
                "start_url": self.url("start"),
                # Answers kept from earlier in this session: say so, so they are not taken
                # for a new report about someone else.
                "unsent": unsent,
            },
        )

    def start(self, request: HttpRequest) -> HttpResponse:
        key = _draft_key(self.kind, request_user(request))
        if request.method == "POST" and "discard" in request.POST:
            request.session.pop(key, None)
            return redirect(self.url("start"))
        if request.method == "POST":
            add_to = request.POST.get("add_another", "")
            page = build_page(self.spec, request.POST, add_to=add_to)
            if add_to:  # a blank row more; nothing is checked yet
                return self.render_start(request, page, unsent=key in request.session)

            def keep_draft() -> None:
                request.session[key] = page.draft()

            # Nothing is sent yet, so the service's rules are run here: the check page then
            # only ever shows answers the hub would take.
            outcome = submit(
                *page.all_forms,
                save=keep_draft,
                problems=lambda unread: self.problems(page.answers(), unread),
            )
            if outcome.saved:
                return redirect(self.url("check"))
            return self.render_start(request, page, unsent=key in request.session)
        draft = request.session.get(key)
        page = (
            build_page(self.spec, draft_data(self.spec, draft), check_input=False)
            if draft
            else build_page(self.spec)
        )
        return self.render_start(request, page, unsent=bool(draft))

    def check(self, request: HttpRequest) -> HttpResponse:
        actor = request_user(request)
        key = _draft_key(self.kind, actor)
        draft = request.session.get(key)
        if not draft:
            return redirect(self.url("start"))
        if request.method == "POST":
            # The draft was checked when it was kept; parse it again, as the service checks.
            page = build_page(self.spec, draft_data(self.spec, draft))
            outcome = submit(
                *page.all_forms, save=lambda: self.send(actor, page.draft()), review_wording=False
            )
            if outcome.value is not None:
                del request.session[key]
                return redirect(self.url("submitted"), outcome.value.pk)
            return self.render_start(request, page, unsent=True)
        return render(
            request,
            f"intake/submit/{self.kind}_check.html",
            {"summary": draft_summary(self.spec, draft), "start_url": self.url("start")},
        )


CONCERN = _Report(
    kind="concern",
    spec=CONCERN_PAGE,
    send=lambda actor, draft: services.concern_submit(
        actor=actor, submission=concern_submission(draft)
    ),
    problems=lambda draft, unread: services.concern_problems(
        concern_submission(draft), unread=unread
    ),
)
INTELLIGENCE = _Report(
    kind="intelligence",
    spec=INTELLIGENCE_PAGE,
    send=lambda actor, draft: services.intelligence_submit(
        actor=actor, submission=intelligence_submission(draft)
    ),
    problems=lambda draft, unread: services.intelligence_problems(
        intelligence_submission(draft), unread=unread
    ),
)


@permission_required("intake.submit_concern")
@require_http_methods(["GET", "POST"])
def concern_start(request: HttpRequest) -> HttpResponse:
    return CONCERN.start(request)


@permission_required("intake.submit_concern")
@require_http_methods(["GET", "POST"])
def concern_check(request: HttpRequest) -> HttpResponse:
    return CONCERN.check(request)


@permission_required("intake.submit_concern")
@require_http_methods(["GET"])
def concern_submitted(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = selectors.own_concern_get(viewer=request_user(request), concern_id=concern_id)
    return render(request, "intake/submit/concern_submitted.html", {"record": concern})


@permission_required("intake.submit_intelligence")
@require_http_methods(["GET", "POST"])
def intelligence_start(request: HttpRequest) -> HttpResponse:
    return INTELLIGENCE.start(request)


@permission_required("intake.submit_intelligence")
@require_http_methods(["GET", "POST"])
def intelligence_check(request: HttpRequest) -> HttpResponse:
    return INTELLIGENCE.check(request)


@permission_required("intake.submit_intelligence")
@require_http_methods(["GET"])
def intelligence_submitted(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = selectors.own_intelligence_get(viewer=request_user(request), item_id=item_id)
    return render(request, "intake/submit/intelligence_submitted.html", {"record": item})


# What each status means to the person who submitted. The tag's colour comes from the status
# value (core's STATUS_COLOURS["submission"]); the words carry the meaning.
STATUS_HELP: tuple[tuple[ConcernStatus | IntelligenceStatus, str], ...] = (
    (
        ConcernStatus.SUBMITTED,
        "The hub has what you sent and will decide within 24 hours what to share, and with whom.",
    ),
    (
        ConcernStatus.IN_TRIAGE,
        "A hub practitioner is looking at your concern and at what is already known.",
    ),
    (
        ConcernStatus.FOR_SCREENING,
        "The hub is assessing the risk of exploitation with the agencies involved.",
    ),
    (
        ConcernStatus.NO_FURTHER_ACTION,
        "The hub will not take further action. Contact the hub if you are still worried.",
    ),
    (
        ConcernStatus.SIGNPOSTED,
        "The hub has passed your concern to the service best placed to help.",
    ),
    (
        IntelligenceStatus.GRADED,
        "An intelligence officer has assessed your information and added it to the picture "
        "of exploitation in the area.",
    ),
)


@permission_required("intake.view_own_submissions")
@require_http_methods(["GET"])
def my_submissions(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "intake/submit/my_submissions.html",
        {
            "rows": selectors.my_submissions(viewer=request_user(request)),
            "status_help": STATUS_HELP,
        },
    )
