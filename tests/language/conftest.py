"""Fixtures for the language checker tests, and a summary of the evaluation in pytest's output.

These tests need no database and no Django settings: the checker is pure Python.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cehub.language.matcher import LanguageChecker, default_checker

HERE = Path(__file__).resolve().parent

# Filled by test_eval.py, printed by pytest_terminal_summary (so the numbers appear in the
# output of every run, with or without -s or -q).
EVALUATION_LINES: list[str] = []


@pytest.fixture(scope="session")
def checker() -> LanguageChecker:
    return default_checker()


@pytest.fixture
def evaluation_report() -> list[str]:
    return EVALUATION_LINES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if EVALUATION_LINES:
        terminalreporter.write_sep("-", "language checker evaluation")
        for line in EVALUATION_LINES:
            terminalreporter.write_line(line)
