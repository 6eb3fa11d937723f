"""The benchmark script runs, and throughput has not collapsed (a generous floor, not a target)."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType

import pytest

from cehub.language.matcher import LanguageChecker

BENCH = Path(__file__).resolve().parents[2] / "bench" / "language_bench.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("language_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert load_bench().main(["--notes", "50", "--runs", "2"]) == 0
    out = capsys.readouterr().out
    assert "median of 2 runs" in out
    assert "notes/s" in out


# A timing, so not part of `make test` (a shared, noisy machine makes any floor flaky);
# `make bench` runs it beside the benchmarks.
@pytest.mark.bench
def test_throughput_floor(checker: LanguageChecker) -> None:
    notes = load_bench().make_notes(1000, seed=7)
    started = time.perf_counter()
    for note in notes:
        checker.check(note)
    rate = len(notes) / (time.perf_counter() - started)
    # Measured about 3,000 notes/s on one core (docs/language.md); 500 leaves room for slow CI.
    assert rate > 500, f"{rate:.0f} notes/s"
