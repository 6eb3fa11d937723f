"""Browser test helpers, re-exported for the modules here (fixtures live in tests/conftest.py)."""

from tests.browser import CHROMIUM, CHROMIUM_ARGS, assert_accessible, axe_violations

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "assert_accessible", "axe_violations"]
