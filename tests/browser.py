"""Browser fixtures: Debian's Chromium driven by Playwright, against a live test server.

Defined once (imported by tests/conftest.py) so every module shares one Playwright session.

They never skip: if Chromium is missing the suite fails and says how to install it
(`.ci/run` installs it on a fresh CI machine).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# under one unless told this is deliberate. The live server itself runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CEHUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SOURCE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install it with `apt-get install -y chromium` "
            "(.ci/run does this on CI) or set CEHUB_CHROMIUM."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    # A CSP violation or a broken script shows up here.
    assert errors == [], f"Browser console errors: {errors}"


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations on the current page (WCAG 2.x A and AA)."""
    if not AXE_SOURCE.exists():
        pytest.fail(f"axe-core not found at {AXE_SOURCE}: run `npm ci`")
    page.evaluate(AXE_SOURCE.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
        })"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"axe-core on {page.url}: {json.dumps(violations, indent=2)}"


_USED_CODES: set[str] = set()


def fresh_totp_code(secret: str) -> str:
    """A code not used before in this run: each TOTP code works once, and a test may sign the
    same person in twice within one 30-second step (the server accepts the next step's too)."""
    import time

    import pyotp

    totp = pyotp.TOTP(secret)
    for step in range(3):
        code = totp.at(time.time() + 30 * step)
        if code not in _USED_CODES:
            _USED_CODES.add(code)
            return code
    raise AssertionError("no unused TOTP code")


def sign_in(page: Page, base: str, email: str, secret: str) -> None:
    """Sign in through the real pages: password, then the authenticator code."""
    from playwright.sync_api import expect

    from tests.factories import TEST_PASSWORD

    page.goto(base + "/account/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Authenticator code").fill(fresh_totp_code(secret))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/")
