"""Writes to user accounts. Every change of access is audited in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass

import pghistory
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.db import transaction

from cehub.core.audit import audit_record
from cehub.core.errors import ServiceError
from cehub.core.models import AccessAction
from cehub.core.roles import Role

from .models import Agency, Team, User, UserSession


@dataclass(frozen=True)
class AccessChange:
    role: Role
    agency: Agency
    team: Team | None
    is_active: bool


def _check_team(agency: Agency, team: Team | None) -> None:
    if team is not None and team.agency_id != agency.pk:
        raise ServiceError("Choose a team in the user's own agency")


def user_create(
    *,
    actor: User | None,
    email: str,
    full_name: str,
    agency: Agency,
    role: Role,
    team: Team | None = None,
    job_title: str = "",
    password: str | None = None,
    is_demo_persona: bool = False,
) -> User:
    """Create an account. Without a password it can only be entered via password reset."""
    _check_team(agency, team)
    email = email.strip().lower()
    with transaction.atomic(), pghistory.context(actor=str(actor.pk) if actor else "system"):
        if User.objects.filter(email__iexact=email).exists():
            raise ServiceError("A user with this email address already exists")
        user = User.objects.create_user(
            email,
            password,
            full_name=full_name,
            agency=agency,
            team=team,
            role=role,
            job_title=job_title,
            is_demo_persona=is_demo_persona,
        )
        # Accounts are made by an administrator for a known work address, so it is verified.
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        audit_record(
            action=AccessAction.USER_CREATED,
            user=actor,
            object_type="user",
            object_id=user.pk,
            details={"to_role": str(role)},
        )
    return user


def user_change_access(*, actor: User, user: User, change: AccessChange) -> User:
    """Change a user's role, agency, team or active status; disabling ends their sessions."""
    _check_team(change.agency, change.team)
    if actor.pk == user.pk and (change.role != user.role or not change.is_active):
        raise ServiceError("You cannot change your own role or disable your own account")
    with transaction.atomic(), pghistory.context(actor=str(actor.pk)):
        user = User.objects.select_for_update().get(pk=user.pk)
        before = (user.role, user.agency_id, user.team_id, user.is_active)
        user.role, user.agency, user.team, user.is_active = (
            change.role,
            change.agency,
            change.team,
            change.is_active,
        )
        if before == (user.role, user.agency_id, user.team_id, user.is_active):
            return user
        user.save(update_fields=["role", "agency", "team", "is_active"])
        audit_record(
            action=AccessAction.PERMISSION_CHANGE,
            user=actor,
            object_type="user",
            object_id=user.pk,
            details={
                "from_role": before[0],
                "to_role": str(user.role),
                "from_team": str(before[2]) if before[2] else None,
                "to_team": str(user.team_id) if user.team_id else None,
                "from_active": before[3],
                "to_active": user.is_active,
            },
        )
        if before[3] and not user.is_active:
            _end_sessions(user)
            audit_record(
                action=AccessAction.USER_DISABLED, user=actor, object_type="user", object_id=user.pk
            )
    return user


def _end_sessions(user: User) -> None:
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(user=user).delete()
