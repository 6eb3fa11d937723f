"""The access policy: one place that decides who may reach what (SECURITY.md §5–8).

Every view declares its policy with one of the decorators below. The middleware refuses
(404) any view that declares none, so a new page is closed until someone opens it on purpose.
Signed-in users who lack the permission get the same 404 as for a record that does not exist,
so nothing leaks about what exists. Anonymous users are sent to sign in.

Permissions are ``rules`` predicates; each app registers its own in ``<app>/rules.py`` using
the role predicates here. Selectors use the same predicates (``user.has_perm``) for records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import rules
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from cehub.core.roles import HUB_ROLES, Role

if TYPE_CHECKING:
    from cehub.accounts.models import User

logger = logging.getLogger(__name__)


# --- Role predicates ----------------------------------------------------------------------
def has_role(*roles: Role) -> rules.Predicate:
    allowed = frozenset(roles)

    @rules.predicate(name=f"has_role({','.join(sorted(allowed))})")
    def predicate(user: Any) -> bool:
        return bool(getattr(user, "is_active", False) and getattr(user, "role", None) in allowed)

    return predicate


is_signed_in = rules.is_active
is_referrer = has_role(Role.REFERRER)
is_hub_practitioner = has_role(Role.HUB_PRACTITIONER)
is_hub_manager = has_role(Role.HUB_MANAGER)
is_intelligence_officer = has_role(Role.INTELLIGENCE_OFFICER)
is_analyst = has_role(Role.ANALYST)
is_partnership_lead = has_role(Role.PARTNERSHIP_LEAD)
is_privacy_officer = has_role(Role.PRIVACY_OFFICER)
is_system_administrator = has_role(Role.SYSTEM_ADMINISTRATOR)
is_hub_member = has_role(*HUB_ROLES)


# --- View policies ------------------------------------------------------------------------
@dataclass(frozen=True)
class Policy:
    """What a view requires. ``permission`` None with ``signed_in`` means any signed-in user."""

    public: bool = False
    signed_in: bool = True
    permission: str | None = None
    before_mfa: bool = False  # reachable by a signed-in user who has not yet set up MFA

    def describe(self) -> str:
        if self.public:
            return "public"
        return self.permission or ("signed-in (MFA setup)" if self.before_mfa else "signed-in")


PUBLIC = Policy(public=True, signed_in=False)
SIGNED_IN = Policy()
MFA_SETUP = Policy(before_mfa=True)


def _declare[ViewFunc: Callable[..., Any]](view: ViewFunc, policy: Policy) -> ViewFunc:
    view.access_policy = policy  # type: ignore[attr-defined]
    return view


def public[ViewFunc: Callable[..., Any]](view: ViewFunc) -> ViewFunc:
    """Anyone, signed in or not (sign-in, health check, accessibility statement)."""
    return _declare(view, PUBLIC)


def signed_in[ViewFunc: Callable[..., Any]](view: ViewFunc) -> ViewFunc:
    """Any signed-in user with MFA, whatever their role."""
    return _declare(view, SIGNED_IN)


def permission_required(permission: str) -> Callable[[Any], Any]:
    """Signed in, with MFA, and holding ``permission`` (a rules permission)."""
    if not rules.perm_exists(permission):
        raise LookupError(f"Unknown permission {permission!r}: register it in an app's rules.py")

    def decorator[ViewFunc: Callable[..., Any]](view: ViewFunc) -> ViewFunc:
        return _declare(view, Policy(permission=permission))

    return decorator


# Third-party views (allauth) cannot be decorated, so they are listed by URL name. Any
# allauth page not listed here — sign-up, e-mail management, social accounts — is refused.
THIRD_PARTY_POLICIES: dict[str, Policy] = {
    "account_login": PUBLIC,
    "account_logout": PUBLIC,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "mfa_authenticate": PUBLIC,  # the second step of signing in
    "account_change_password": MFA_SETUP,
    "account_reauthenticate": MFA_SETUP,
    "mfa_reauthenticate": MFA_SETUP,
    "mfa_index": MFA_SETUP,
    "mfa_activate_totp": MFA_SETUP,
    "mfa_deactivate_totp": SIGNED_IN,
    "mfa_view_recovery_codes": SIGNED_IN,
    "mfa_generate_recovery_codes": SIGNED_IN,
    "mfa_download_recovery_codes": SIGNED_IN,
    "mfa_add_webauthn": MFA_SETUP,
    "mfa_list_webauthn": SIGNED_IN,
    "mfa_edit_webauthn": SIGNED_IN,
    "mfa_remove_webauthn": SIGNED_IN,
    "mfa_reauthenticate_webauthn": MFA_SETUP,
}


def view_policy(view_func: Callable[..., Any], url_name: str | None) -> Policy | None:
    policy = getattr(view_func, "access_policy", None)
    view_class = getattr(view_func, "view_class", None)
    if policy is None and view_class is not None:
        policy = getattr(view_class, "access_policy", None)
    if policy is None and url_name:
        policy = THIRD_PARTY_POLICIES.get(url_name)
    return policy


def mfa_exempt(user: Any) -> bool:
    """Demo personas may skip MFA, and only while demo mode is on (never in production)."""
    return bool(settings.DEMO_MODE and getattr(user, "is_demo_persona", False))


def has_mfa(user: Any) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()


class AccessPolicyMiddleware:
    """Deny by default: enforce each view's declared policy before the view runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        match = request.resolver_match
        policy = view_policy(view_func, match.url_name if match else None)
        if policy is None:
            logger.warning(
                "Refused a view with no access policy: %s", match.view_name if match else "?"
            )
            raise Http404
        if policy.public:
            return None
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not policy.before_mfa and not mfa_exempt(user) and not has_mfa(user):
            # A password-only session: the only way on is to set up a second factor.
            return redirect("mfa_activate_totp")
        if policy.permission and not user.has_perm(policy.permission):
            raise Http404
        return None


def request_user(request: HttpRequest) -> User:
    """The signed-in user of a view the access policy has already let through, typed as ours.

    Views behind ``@signed_in`` or ``@permission_required`` call this instead of reading
    ``request.user`` (typed as possibly anonymous); anything else is a 404, never a crash.
    """
    # The user model is accounts', which builds on core: looked up, not imported.
    if not isinstance(request.user, get_user_model()):
        raise Http404
    return request.user
