"""Loading the synthetic demo partnership. Idempotent: running it twice changes nothing new."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from cehub.accounts.models import Agency, Team, User
from cehub.accounts.services import user_create

from .personas import AGENCIES, PERSONAS


class DemoModeRequiredError(RuntimeError):
    pass


@dataclass(frozen=True)
class DemoSummary:
    password: str
    users_created: int
    agencies: int


def demo_password(var_dir: Path) -> str:
    """One random password for every persona, kept under var/ so it is stable across runs."""
    path = var_dir / "demo_password"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(f"demo-{secrets.token_urlsafe(12)}")
        path.chmod(0o600)
    return path.read_text().strip()


def seed_demo_partnership(*, var_dir: Path) -> DemoSummary:
    if not settings.DEMO_MODE:
        raise DemoModeRequiredError(
            "seed_demo only runs in demo mode (CEHUB_DEMO=true, never in production)."
        )
    password = demo_password(var_dir)
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
    return DemoSummary(password=password, users_created=created, agencies=len(agencies))
