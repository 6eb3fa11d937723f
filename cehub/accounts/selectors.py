"""Reads of user accounts, for system administrators."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from cehub.core.audit import audit_record
from cehub.core.models import AccessAction

from .models import User


def _require_admin(viewer: User) -> None:
    if not viewer.has_perm("accounts.manage_users"):
        raise Http404


def user_list(*, viewer: User) -> QuerySet[User]:
    _require_admin(viewer)
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="user-list")
    return User.objects.select_related("agency", "team").order_by("full_name")


def user_get(*, viewer: User, user_id: uuid.UUID) -> User:
    _require_admin(viewer)
    user = User.objects.select_related("agency", "team").filter(pk=user_id).first()
    if user is None:
        raise Http404
    audit_record(action=AccessAction.VIEW, user=viewer, object_type="user", object_id=user.pk)
    return user
