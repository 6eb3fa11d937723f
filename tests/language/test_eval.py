"""Precision and recall of the checker on labelled notes written for this project.

``eval_set.yaml`` was written before the rules, as a practitioner would write notes.
``holdout_set.yaml`` and then ``blind_set.yaml`` were written later, each run once against
rules it had never been used to tune (first results recorded in docs/language.md: they are
the fairest estimate for unseen notes); both were then used for development too, so all
three are now regression sets.

A note is a true positive when it should be flagged and is; a false positive when it should
not be and is. Categories are scored separately (micro-averaged over notes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from cehub.language.loader import CATEGORIES
from cehub.language.matcher import LanguageChecker

HERE = Path(__file__).resolve().parent
EVAL_SET = HERE / "eval_set.yaml"
HOLDOUT_SET = HERE / "holdout_set.yaml"
BLIND_SET = HERE / "blind_set.yaml"
MIN_PRECISION = 0.95
MIN_RECALL = 0.90


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    cat_tp: int = 0
    cat_fp: int = 0
    cat_fn: int = 0
    quoted_expected: int = 0
    quoted_found: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def category_precision(self) -> float:
        total = self.cat_tp + self.cat_fp
        return self.cat_tp / total if total else 1.0

    @property
    def category_recall(self) -> float:
        total = self.cat_tp + self.cat_fn
        return self.cat_tp / total if total else 1.0

    def summary(self, name: str) -> str:
        return (
            f"{name}: {self.tp + self.fp + self.fn + self.tn} notes "
            f"({self.tp + self.fn} to flag, {self.fp + self.tn} not) | "
            f"precision {self.precision:.3f} recall {self.recall:.3f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn}) | "
            f"categories: precision {self.category_precision:.3f} "
            f"recall {self.category_recall:.3f} | "
            f"quoted found {self.quoted_found}/{self.quoted_expected}"
        )


def load_items(path: Path) -> list[dict[str, Any]]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(items, list)
    for item in items:
        assert isinstance(item.get("text"), str), item
        assert set(item) <= {"text", "expect", "quoted"}, item
        assert set(item["expect"]) <= set(CATEGORIES), item
        assert set(item.get("quoted", [])) <= set(CATEGORIES), item
    return items


def evaluate(checker: LanguageChecker, items: list[dict[str, Any]]) -> Scores:
    scores = Scores()
    for item in items:
        result = checker.check(item["text"])
        expected = set(item["expect"])
        got = result.categories
        if expected and got:
            scores.tp += 1
        elif expected:
            scores.fn += 1
            scores.mistakes.append(f"missed {sorted(expected)}: {item['text']}")
        elif got:
            scores.fp += 1
            found = [(f.text, f.rule_id) for f in result.findings]
            scores.mistakes.append(f"false alarm {found}: {item['text']}")
        else:
            scores.tn += 1
        scores.cat_tp += len(expected & got)
        scores.cat_fp += len(got - expected)
        scores.cat_fn += len(expected - got)
        if expected and got and expected != got:
            scores.mistakes.append(
                f"categories {sorted(got)} not {sorted(expected)}: {item['text']}"
            )
        if "quoted" in item:
            want = set(item["quoted"])
            have = {f.category for f in result.quoted}
            scores.quoted_expected += len(want)
            scores.quoted_found += len(want & have)
            if not want <= have:
                scores.mistakes.append(f"quoted {sorted(have)} not {sorted(want)}: {item['text']}")
    return scores


@pytest.fixture(scope="module")
def eval_items() -> list[dict[str, Any]]:
    return load_items(EVAL_SET)


@pytest.fixture(scope="module")
def holdout_items() -> list[dict[str, Any]]:
    return load_items(HOLDOUT_SET)


@pytest.fixture(scope="module")
def blind_items() -> list[dict[str, Any]]:
    return load_items(BLIND_SET)


def test_eval_set_covers_what_the_issue_asks_for(eval_items: list[dict[str, Any]]) -> None:
    texts = [item["text"] for item in eval_items]
    assert len(eval_items) >= 350
    assert len(set(texts)) == len(texts), "duplicate sentences"
    flagged = [i for i in eval_items if i["expect"]]
    assert len(flagged) >= 150
    assert len(eval_items) - len(flagged) >= 150
    for category in CATEGORIES:
        assert sum(category in i["expect"] for i in eval_items) >= 10, category
    lowered = [t.lower() for t in texts]

    def count(*needles: str) -> int:
        return sum(any(n in t for n in needles) for t in lowered)

    assert count('"', "“", "‘", " '") >= 25  # quotations
    assert count(" not ", "n't", "never", "cannot") >= 15  # negations
    assert count("mother", "mum", "dad", "the man", "mr ", "adult") >= 40  # adults
    assert count("at risk of") >= 30  # "at risk" in related and unrelated senses
    assert count("running", "runner") >= 10
    assert count("relationship") >= 10
    assert count("active") >= 12
    assert count("choice", "chose", "choos") >= 25
    for pronoun in ("herself", "himself", "themselves", "themself"):
        assert count(pronoun) >= 2, pronoun


@pytest.mark.parametrize(
    ("name", "fixture"),
    [
        ("eval_set.yaml", "eval_items"),
        ("holdout_set.yaml", "holdout_items"),
        ("blind_set.yaml", "blind_items"),
    ],
)
def test_precision_and_recall(
    checker: LanguageChecker,
    evaluation_report: list[str],
    request: pytest.FixtureRequest,
    name: str,
    fixture: str,
) -> None:
    scores = evaluate(checker, request.getfixturevalue(fixture))
    evaluation_report.append(scores.summary(name))
    for mistake in scores.mistakes:
        evaluation_report.append(f"  {name}: {mistake}")
    details = "\n".join(scores.mistakes)
    assert scores.precision >= MIN_PRECISION, details
    assert scores.recall >= MIN_RECALL, details
    assert scores.category_precision >= MIN_PRECISION, details
    assert scores.category_recall >= MIN_RECALL, details
    assert scores.quoted_found == scores.quoted_expected, details
