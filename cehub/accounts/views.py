"""Sign-in (allauth's, with our notices) and user administration for system administrators."""

from __future__ import annotations

import uuid
from typing import Any

from allauth.account.views import LoginView as AllauthLoginView
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cehub.core.access import permission_required, public, request_user
from cehub.core.form_views import submit
from cehub.core.middleware import SIGNED_OUT_REASON_KEY

from . import selectors, services
from .forms import UserCreateForm, UserEditForm


@public
class LoginView(AllauthLoginView):
    """allauth's sign-in, telling people why they were signed out if they were."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["signed_out_reason"] = self.request.session.pop(SIGNED_OUT_REASON_KEY, None)
        return context


login = LoginView.as_view()


@permission_required("accounts.manage_users")
@require_http_methods(["GET"])
def user_list(request: HttpRequest) -> HttpResponse:
    users = selectors.user_list(viewer=request_user(request))
    return render(request, "accounts/user_list.html", {"users": users})


@permission_required("accounts.manage_users")
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST":
        outcome = submit(
            form,
            save=lambda: services.user_create(
                actor=request_user(request),
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                agency=form.cleaned_data["agency"],
                team=form.cleaned_data["team"],
                role=form.cleaned_data["role"],
                job_title=form.cleaned_data["job_title"],
            ),
        )
        if outcome.saved and outcome.value is not None:
            messages.success(
                request,
                f"Account created for {outcome.value.full_name}. They set a password with "
                "'Forgotten your password?' and then set up two-factor authentication.",
            )
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "creating": True})


@permission_required("accounts.manage_users")
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, user_id: uuid.UUID) -> HttpResponse:
    actor = request_user(request)
    subject = selectors.user_get(viewer=actor, user_id=user_id)
    initial = {
        "agency": subject.agency,
        "team": subject.team,
        "role": subject.role,
        "is_active": "true" if subject.is_active else "false",
    }
    form = UserEditForm(request.POST or None, initial=initial)
    if request.method == "POST":
        outcome = submit(
            form,
            save=lambda: services.user_change_access(
                actor=actor,
                user=subject,
                change=services.AccessChange(
                    role=form.cleaned_data["role"],
                    agency=form.cleaned_data["agency"],
                    team=form.cleaned_data["team"],
                    is_active=form.cleaned_data["is_active"],
                ),
            ),
        )
        if outcome.saved:
            messages.success(request, f"Access updated for {subject.full_name}")
            return redirect("accounts:user_list")
    return render(
        request, "accounts/user_form.html", {"form": form, "subject": subject, "creating": False}
    )
