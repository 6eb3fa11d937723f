"""The demo partnership: one persona per role, idempotent, and only ever in demo mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cehub.accounts.models import Agency, User
from cehub.core.roles import Role

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_one_persona_per_role_in_several_agencies(
    demo_mode: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("seed_demo")
    personas = User.objects.filter(is_demo_persona=True)
    assert sorted(personas.values_list("role", flat=True)) == sorted(Role.values)
    assert personas.values("agency").distinct().count() >= 4
    for role in Role:
        assert personas.filter(email=f"{role.value}@demo.cehub.test").exists()
    password = (demo_mode / "demo_password").read_text()
    out = capsys.readouterr().out
    assert password in out
    assert "hub-manager@demo.cehub.test" in out
    assert all(user.check_password(password) for user in personas)


def test_seed_demo_is_idempotent(demo_mode: Path) -> None:
    call_command("seed_demo")
    counts = (User.objects.count(), Agency.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), Agency.objects.count()) == counts


def test_seed_demo_refuses_outside_demo_mode(settings: object) -> None:
    settings.DEMO_MODE = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="only runs in demo mode"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_demo_personas_skip_mfa_only_in_demo_mode(demo_mode: Path, settings: object) -> None:
    from django.test import Client
    from django.urls import reverse

    call_command("seed_demo")
    password = (demo_mode / "demo_password").read_text()
    client = Client()
    client.post(
        reverse("account_login"),
        {"login": "hub-practitioner@demo.cehub.test", "password": password},
    )
    assert client.get(reverse("home")).status_code == 200

    settings.DEMO_MODE = False  # type: ignore[attr-defined]
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
