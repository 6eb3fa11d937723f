"""The access log: append-only, hash-chained, with no personal data in its payload."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

from .roles import Role

if TYPE_CHECKING:
    from cehub.accounts.models import User

GENESIS_HASH = "0" * 64


class UUIDModel(models.Model):
    """A record whose primary key is a random UUID.

    Identifiers appear in URLs (DESIGN.md rule 5), so they must not reveal how many records
    there are or in what order they were made.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


def user_field(*, related_name: str = "+") -> models.ForeignKey[User, User]:
    """Who did something: a user, kept while anything names them (users are disabled, never
    deleted)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name=related_name
    )


def optional_user_field(*, related_name: str = "+") -> models.ForeignKey[User | None, User | None]:
    """Who did something that may not have happened yet."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
    )


class AccessAction(models.TextChoices):
    LOGIN = "login", "Signed in"
    LOGIN_FAILED = "login-failed", "Failed sign-in"
    LOGOUT = "logout", "Signed out"
    SESSION_EXPIRED = "session-expired", "Session expired"
    MFA_ENROLLED = "mfa-enrolled", "Set up two-factor authentication"
    MFA_REMOVED = "mfa-removed", "Removed a two-factor method"
    PASSWORD_CHANGED = "password-changed", "Changed password"
    PERMISSION_CHANGE = "permission-change", "Changed a user's access"
    USER_CREATED = "user-created", "Created a user"
    USER_DISABLED = "user-disabled", "Disabled a user"
    VIEW = "view", "Viewed"
    SEARCH = "search", "Searched"
    EXPORT = "export", "Exported"
    CREATE = "create", "Created"
    UPDATE = "update", "Updated"
    BREAK_GLASS = "break-glass", "Emergency access"
    DENIED = "denied", "Access refused"
    INTEGRITY_CHECK = "integrity-check", "Asked for an access log check"


class AccessEvent(models.Model):
    """One access to CE Hub or to a record in it.

    Rows are only ever inserted (a database trigger refuses UPDATE, DELETE and TRUNCATE) and
    each stores the hash of the one before, so ``manage.py audit_verify`` can prove none was
    altered or removed. The payload names records by type and id only — never by content.
    """

    id = models.BigAutoField(primary_key=True)
    occurred_at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        db_index=True,
    )
    role = models.CharField(max_length=32, blank=True)
    agency_id = models.UUIDField(null=True)
    action = models.CharField(max_length=32, choices=AccessAction.choices)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    request_id = models.UUIDField(null=True)
    ip_address = models.GenericIPAddressField(null=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="accessevent_object_idx")]

    def __str__(self) -> str:
        return f"{self.action} #{self.id}"

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role in Role.values else self.role
