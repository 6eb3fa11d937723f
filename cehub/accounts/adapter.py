"""allauth adapters: no self-registration, and MFA that cannot be switched off by accident."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest

from cehub.core.access import mfa_exempt

if TYPE_CHECKING:
    from allauth.mfa.models import Authenticator


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Accounts are created by a system administrator for named professionals only.
        return False


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        from allauth.mfa.models import Authenticator

        if mfa_exempt(authenticator.user):
            return True
        second_factors = Authenticator.objects.filter(
            user_id=authenticator.user_id,
            type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
        ).exclude(pk=authenticator.pk)
        # Removing the last second factor would leave a password-only account.
        return authenticator.type == Authenticator.Type.RECOVERY_CODES or second_factors.exists()
