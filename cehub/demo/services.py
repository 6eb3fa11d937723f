"""Loading the synthetic demo partnership. Idempotent: running it twice changes nothing new."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from cehub.accounts.models import Agency, Team, User
from cehub.accounts.services import user_create

from .partnership import PartnershipSummary, load_partnership
from .personas import AGENCIES, PERSONAS
from .plan import DemoScale
from .progress import Progress


class DemoModeRequiredError(RuntimeError):
    pass


@dataclass(frozen=True)
class DemoSummary:
    password: str
    users_created: int
    agencies: int
    data: PartnershipSummary | None  # None when the partnership was already loaded


def demo_password(var_dir: Path) -> str:
    """One random password for every persona, kept under var/ so it is stable across runs."""
    path = var_dir / "demo_password"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(f"demo-{secrets.token_urlsafe(12)}")
        path.chmod(0o600)
    return path.read_text().strip()


def _persona_fingerprint(password: str, users: list[User]) -> str:
    """Changes when the password file or any persona's stored password hash changes."""
    hashes = "\n".join(sorted(f"{user.email} {user.password}" for user in users))
    return hashlib.sha256(f"{password}\n{hashes}".encode()).hexdigest()


def _personas_verified(var_dir: Path, password: str) -> bool:
    """True if the personas' passwords were checked against ``password`` and are unchanged.

    Checking eight Argon2 hashes takes over a second, and ``make run`` runs seed_demo on every
    start; a fingerprint of the stored hashes lets an unchanged set skip the check.
    """
    path = var_dir / "demo_password.verified"
    users = list(User.objects.filter(email__in=[p.email for p in PERSONAS]))
    if len(users) != len(PERSONAS) or not path.exists():
        return False
    return path.read_text().strip() == _persona_fingerprint(password, users)


def _remember_personas_verified(var_dir: Path, password: str) -> None:
    users = list(User.objects.filter(email__in=[p.email for p in PERSONAS]))
    path = var_dir / "demo_password.verified"
    path.write_text(_persona_fingerprint(password, users))
    path.chmod(0o600)


def seed_demo_partnership(
    *, var_dir: Path, scale: float = 1.0, progress: Progress | None = None
) -> DemoSummary:
    """The personas, then (once) the partnership's records; ``scale`` 0.05 is for tests."""
    if not settings.DEMO_MODE:
        raise DemoModeRequiredError(
            "seed_demo only runs in demo mode (CEHUB_DEMO=true, never in production)."
        )
    password = demo_password(var_dir)
    created = 0
    if not _personas_verified(var_dir, password):
        created = _seed_personas(password)
        _remember_personas_verified(var_dir, password)
    data = load_partnership(scale=DemoScale.of(scale), progress=progress)
    return DemoSummary(password=password, users_created=created, agencies=len(AGENCIES), data=data)


def _seed_personas(password: str) -> int:
    """The agencies, teams and one persona per role; resets a persona's changed password."""
    created = 0
    with transaction.atomic():
        agencies: dict[str, Agency] = {}
        teams: dict[str, Team] = {}
        for spec in AGENCIES:
            agency, _ = Agency.objects.get_or_create(name=spec.name, defaults={"kind": spec.kind})
            agencies[spec.name] = agency
            for team_name, is_hub in spec.teams:
                team, _ = Team.objects.get_or_create(
                    agency=agency, name=team_name, defaults={"is_hub_team": is_hub}
                )
                teams[team_name] = team
        for persona in PERSONAS:
            user = User.objects.filter(email=persona.email).first()
            if user is None:
                user = user_create(
                    actor=None,
                    email=persona.email,
                    full_name=persona.full_name,
                    agency=agencies[persona.agency],
                    team=teams[persona.team] if persona.team else None,
                    role=persona.role,
                    job_title=persona.job_title,
                    password=password,
                    is_demo_persona=True,
                )
                created += 1
            elif not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
    return created
