"""People who use CE Hub, the agencies they work for and the teams they sit in."""

from __future__ import annotations

from typing import Any, ClassVar

import pghistory
import rules
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower

from cehub.core.models import UUIDModel
from cehub.core.roles import HUB_ROLES, AgencyKind, Role


@pghistory.track()
class Agency(UUIDModel):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=AgencyKind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


@pghistory.track()
class Team(UUIDModel):
    name = models.CharField(max_length=200)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams")
    is_hub_team = models.BooleanField(
        default=False, help_text="Part of the multi-agency exploitation hub."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="team_unique_name_in_agency")
        ]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("Users need an email address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        # There is no superuser in CE Hub: administrators manage users, never case content.
        fields.setdefault("role", Role.SYSTEM_ADMINISTRATOR)
        return self.create_user(email, password, **fields)


@pghistory.track(exclude=["password", "last_login"])
class User(AbstractBaseUser, UUIDModel):
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="users", null=True)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="members", null=True, blank=True
    )
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.REFERRER)
    job_title = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True)
    is_demo_persona = models.BooleanField(
        default=False, help_text="Created by seed_demo; MFA is waived only in demo mode."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_staff(self) -> bool:
        # Django's admin is not installed; nobody is "staff".
        return False

    @property
    def is_hub_member(self) -> bool:
        return self.role in HUB_ROLES

    @property
    def is_superuser(self) -> bool:
        # Nobody bypasses the access policy.
        return False

    def has_perm(self, perm: str, obj: object | None = None) -> bool:
        # Only our rules decide; Django's group/permission tables are not used.
        return self.is_active and rules.has_perm(perm, self, obj)

    def has_perms(self, perms: Any, obj: object | None = None) -> bool:
        return all(self.has_perm(perm, obj) for perm in perms)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class UserSession(models.Model):
    """Which sessions belong to whom, so disabling an account can end them all at once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=40, unique=True)
    started_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"session of {self.user_id}"
