"""Security headers and deployment settings (SECURITY.md §12–13)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from cehub.accounts.models import User

pytestmark = pytest.mark.django_db


def test_signed_in_pages_carry_the_security_headers(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    response = signed_in(hub_social_worker).get(reverse("home"))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert "'unsafe-eval'" not in csp
    assert "script-src 'self' 'nonce-" in csp
    assert "style-src 'self'" in csp
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Request-ID"]


def test_the_script_nonce_in_the_page_matches_the_header(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    response = signed_in(hub_social_worker).get(reverse("home"))
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    html = response.content.decode()
    assert f'nonce="{nonce}"' in html
    # No inline script or style at all: every <script> has a src, and nothing uses style=.
    assert "<script>" not in html and "<script nonce" not in html
    assert " style=" not in html and "<style" not in html


def test_pages_never_put_personal_data_in_cacheable_responses(client: Client) -> None:
    assert client.get(reverse("account_login"))["Cache-Control"] == "no-store"


def test_session_and_csrf_cookies_are_http_only_and_same_site() -> None:
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def _run_with_environment(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CEHUB_", "DJANGO_"))}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "CEHUB_ENVIRONMENT": "production",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-like-secret-key-for-the-deploy-check-0123456789",
    "DATABASE_URL": "postgresql://cehub@db.internal:5432/cehub",
    "DJANGO_ALLOWED_HOSTS": "cehub.example.org",
}


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = _run_with_environment(["check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_demo_mode_cannot_be_switched_on_in_production() -> None:
    result = _run_with_environment(["check"], **PRODUCTION, CEHUB_DEMO="true")
    assert result.returncode != 0
    assert "CEHUB_DEMO cannot be enabled" in result.stderr


def test_production_refuses_to_start_without_a_secret_key() -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = _run_with_environment(["check"], **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_the_default_environment_is_production() -> None:
    """Forgetting to say which environment gives the safe one, which then refuses to run
    without its secrets, rather than a development server with demo data."""
    result = _run_with_environment(["check"])
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
