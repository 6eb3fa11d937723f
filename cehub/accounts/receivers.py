"""Write sign-in, sign-out and MFA events to the access log.

These are the authentication framework's own signals, so this is the one place they can be
observed; each receiver only calls the audit service.
"""

from __future__ import annotations

import time
from typing import Any

from allauth.account.signals import password_changed
from allauth.mfa import signals as mfa_signals
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from cehub.core.audit import audit_record, identifier_digest
from cehub.core.middleware import SESSION_LAST_SEEN_KEY, SESSION_STARTED_KEY
from cehub.core.models import AccessAction

from .models import User, UserSession


@receiver(user_logged_in)
def on_logged_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    now = time.time()
    request.session[SESSION_STARTED_KEY] = request.session[SESSION_LAST_SEEN_KEY] = now
    if request.session.session_key is None:
        request.session.save()
    UserSession.objects.update_or_create(
        session_key=request.session.session_key, defaults={"user": user}
    )
    audit_record(action=AccessAction.LOGIN, user=user)


@receiver(user_logged_out)
def on_logged_out(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is None:
        return
    if request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()
    audit_record(action=AccessAction.LOGOUT, user=user)


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    typed = str(credentials.get("email") or credentials.get("username") or "")
    details = {"kind": "password"}
    if typed:
        details["identifier_digest"] = identifier_digest(typed)
    audit_record(action=AccessAction.LOGIN_FAILED, details=details)


@receiver(mfa_signals.authentication_failed)
def on_mfa_failed(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    audit_record(action=AccessAction.LOGIN_FAILED, user=user, details={"kind": "mfa"})


@receiver(mfa_signals.authenticator_added)
def on_mfa_added(
    sender: Any, request: HttpRequest, user: User, authenticator: Any, **kw: Any
) -> None:
    audit_record(action=AccessAction.MFA_ENROLLED, user=user, details={"kind": authenticator.type})


@receiver(mfa_signals.authenticator_removed)
def on_mfa_removed(
    sender: Any, request: HttpRequest, user: User, authenticator: Any, **kw: Any
) -> None:
    audit_record(action=AccessAction.MFA_REMOVED, user=user, details={"kind": authenticator.type})


@receiver(password_changed)
def on_password_changed(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    audit_record(action=AccessAction.PASSWORD_CHANGED, user=user)
