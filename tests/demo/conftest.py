"""Fixtures for the demo partnership's tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def demo_mode(settings: object, tmp_path: Path) -> Path:
    """Demo mode on, with var/ (the personas' password file) in a folder of the test's own."""
    settings.DEMO_MODE = True  # type: ignore[attr-defined]
    settings.VAR_DIR = tmp_path  # type: ignore[attr-defined]
    return tmp_path
