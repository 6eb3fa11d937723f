"""Throughput of the victim-blaming language checker on one core.

    python bench/language_bench.py [--notes 5000] [--runs 5] [--seed 2024]

Builds realistic case notes by joining 2-6 sentences from the labelled evaluation set
(tests/language/eval_set.yaml) into paragraphs, so about half of the notes contain something
to flag - far denser than real notes, which makes this a conservative figure. Times checking
all of them, several times, in one process pinned to one CPU where the OS allows, and prints
notes per second for each run and the median.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from cehub.language.matcher import LanguageChecker  # noqa: E402

EVAL_SET = ROOT / "tests" / "language" / "eval_set.yaml"


def make_notes(count: int, seed: int = 2024) -> list[str]:
    """``count`` paragraphs of 2-6 evaluation sentences each, reproducibly shuffled."""
    sentences = [item["text"] for item in yaml.safe_load(EVAL_SET.read_text(encoding="utf-8"))]
    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not a secret
    return [" ".join(rng.sample(sentences, rng.randint(2, 6))) for _ in range(count)]


def time_run(checker: LanguageChecker, notes: list[str]) -> tuple[float, int]:
    """Seconds to check every note once, and how many findings (to keep the work honest)."""
    started = time.perf_counter()
    found = 0
    for note in notes:
        result = checker.check(note)
        found += len(result.findings) + len(result.quoted)
    return time.perf_counter() - started, found


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity on this OS); Python runs this on one core"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=5000, help="notes per run (default 5000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs (default 5)")
    parser.add_argument("--seed", type=int, default=2024, help="seed for building the notes")
    args = parser.parse_args(argv)

    pinned = pin_to_one_core()
    started = time.perf_counter()
    checker = LanguageChecker.from_path()
    load_seconds = time.perf_counter() - started
    notes = make_notes(args.notes, args.seed)
    chars = sum(map(len, notes))
    time_run(checker, notes[:200])  # warm caches

    print(f"language checker benchmark: {len(notes)} notes, mean {chars / len(notes):.0f} chars")
    print(f"rules: {len(checker.ruleset.rules)} rules, loaded and compiled in {load_seconds:.2f} s")
    print(f"python {sys.version.split()[0]}, {pinned}")
    rates = []
    for run in range(1, args.runs + 1):
        seconds, found = time_run(checker, notes)
        rates.append(len(notes) / seconds)
        print(
            f"run {run}: {seconds:.3f} s, {rates[-1]:,.0f} notes/s, "
            f"{chars / seconds / 1e6:.2f} M chars/s, {found} matches"
        )
    median = statistics.median(rates)
    print(f"median of {args.runs} runs: {median:,.0f} notes/s ({1000 / median:.3f} ms per note)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
