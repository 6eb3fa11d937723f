"""Practice deadlines and thresholds are data (DESIGN.md rule 4): one versioned file, checked
against its schema, read in one place (``core.deadlines``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from pytest_django.fixtures import Settings

from cehub.core import deadlines
from cehub.core.deadlines import (
    DEFAULT_PRACTICE_RULES,
    PracticeRulesError,
    load_practice_rules,
    period_words,
)

FOUND = datetime(2026, 3, 27, 14, 30, tzinfo=UTC)


def _copy(tmp_path: Path, change: dict[str, object] | None = None, *, text: str = "") -> Path:
    """A copy of CE Hub's rules file, with ``change`` (dotted keys) applied."""
    data = yaml.safe_load(DEFAULT_PRACTICE_RULES.read_text(encoding="utf-8"))
    for dotted, value in (change or {}).items():
        *parents, last = dotted.split(".")
        node = data
        for key in parents:
            node = node[key]
        node[last] = value
    path = tmp_path / "partnership-practice-v1.yaml"
    path.write_text(text or yaml.safe_dump(data), encoding="utf-8")
    return path


def test_the_shipped_rules_are_the_practice_defaults() -> None:
    rules = load_practice_rules()
    assert (rules.id, rules.version) == ("cehub-practice", 1)
    assert rules.within == {
        "sharing_decision": timedelta(hours=24),
        "return_interview": timedelta(hours=72),
        "case_review": timedelta(days=91),
        "due_soon": timedelta(hours=4),
    }
    assert (rules.missing_flag.episodes, rules.missing_flag.window) == (3, timedelta(days=30))
    assert deadlines.return_interview_due(FOUND) == FOUND + timedelta(hours=72)
    assert period_words(rules.within["return_interview"]) == "72 hours"
    assert period_words(rules.missing_flag.window) == "30 days"


def test_a_changed_value_in_a_copy_of_the_file_changes_the_rule(
    tmp_path: Path, settings: Settings
) -> None:
    settings.CEHUB_PRACTICE_RULES_FILE = _copy(
        tmp_path,
        {
            "deadlines.return_interview.within": {"hours": 48},
            "deadlines.sharing_decision.within": {"hours": 12},
            "deadlines.case_review.within": {"days": 60},
            "deadlines.due_soon.within": {"hours": 1, "minutes": 30},
            "missing_flag.episodes": 2,
        },
    )
    assert deadlines.return_interview_due(FOUND) == FOUND + timedelta(hours=48)
    assert deadlines.sharing_decision_due(FOUND) == FOUND + timedelta(hours=12)
    assert deadlines.review_due(FOUND) == FOUND + timedelta(days=60)
    assert deadlines.missing_flag_rule().episodes == 2
    soon = deadlines.deadline_status(FOUND, now=FOUND - timedelta(hours=2))
    assert soon.state == "due"  # two hours away is not yet "due soon" under this file
    assert deadlines.deadline_status(FOUND, now=FOUND - timedelta(hours=1)).state == "due-soon"


def test_the_settings_that_set_one_value_still_win_over_the_file(
    tmp_path: Path, settings: Settings
) -> None:
    settings.CEHUB_PRACTICE_RULES_FILE = _copy(
        tmp_path, {"deadlines.return_interview.within": {"hours": 48}}
    )
    settings.CEHUB_RETURN_INTERVIEW_WITHIN = timedelta(hours=10)
    settings.CEHUB_SHARING_DECISION_WITHIN = timedelta(hours=2)
    settings.CEHUB_REVIEW_INTERVAL_DAYS = 30
    assert deadlines.return_interview_due(FOUND) == FOUND + timedelta(hours=10)
    assert deadlines.sharing_decision_due(FOUND) == FOUND + timedelta(hours=2)
    assert deadlines.review_interval() == timedelta(days=30)


@pytest.mark.parametrize(
    ("change", "where", "why"),
    [
        (
            {"deadlines.return_interview.within": {"hours": -1}},
            "deadlines.return_interview.within.hours",
            "less than the minimum",
        ),
        (
            {"deadlines.return_interview.within": {"weeks": 1}},
            "deadlines.return_interview.within",
            "'weeks' was unexpected",
        ),
        (
            {"deadlines.sharing_decision": {"source": "no time given"}},
            "deadlines.sharing_decision",
            "'within' is a required property",
        ),
        ({"missing_flag.episodes": "three"}, "missing_flag.episodes", "is not of type"),
        (
            {"deadlines.case_review.within": {"days": 0}},
            "deadlines.case_review.within",
            "must be longer than zero",
        ),
    ],
)
def test_a_malformed_file_is_refused_naming_the_file_and_the_key(
    tmp_path: Path, change: dict[str, object], where: str, why: str
) -> None:
    path = _copy(tmp_path, change)
    with pytest.raises(PracticeRulesError) as raised:
        load_practice_rules(path)
    message = str(raised.value)
    assert str(path) in message
    assert where in message
    assert why in message


def test_a_file_that_is_not_yaml_or_not_there_is_refused_by_name(tmp_path: Path) -> None:
    broken = _copy(tmp_path, text="deadlines: [unclosed\n")
    with pytest.raises(PracticeRulesError, match="not valid YAML") as raised:
        load_practice_rules(broken)
    assert str(broken) in str(raised.value)
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(PracticeRulesError, match="cannot read the practice rules file"):
        load_practice_rules(missing)
