"""Table-driven tests of the scoring engine with the shipped CE Hub default tool.

No Django, no database: the engine is pure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cehub.screening.engine import (
    Answer,
    BandReason,
    ChildFacts,
    IndicatorReason,
    OverrideReason,
    ScreeningInput,
    score,
)
from cehub.screening.errors import InvalidAnswerError, InvalidChildFactsError, InvalidInputError

# --- Bands -------------------------------------------------------------------------------

# PRACTICE.md section 3: 0-5 none, 6-10 low, 11-15 medium, 16+ high. Every boundary, both
# sides, with answers worth 1 point each so that no override can fire.
BAND_TABLE = [
    (0, "none"),
    (1, "none"),
    (5, "none"),
    (6, "low"),
    (10, "low"),
    (11, "medium"),
    (15, "medium"),
    (16, "high"),
    (17, "high"),
    (40, "high"),
]


@pytest.mark.parametrize(("points", "level"), BAND_TABLE)
def test_band_boundaries(default_tool, h, points, level):
    result = score(default_tool, h.screening(*h.one_point_answers(default_tool, points)))

    assert result.score == points
    assert result.computed_level == level
    assert result.band_level == level
    assert not [r for r in result.reasons if isinstance(r, OverrideReason)]


def test_every_band_edge_in_the_tool_file(default_tool, h):
    """Whatever the bands say, a score on each edge lands in that band and no other."""
    for band in default_tool.bands:
        edges = [band.min] if band.max is None else [band.min, band.max]
        for points in edges:
            result = score(default_tool, h.screening(*h.one_point_answers(default_tool, points)))
            assert result.computed_level == band.level, (band, points)


def test_band_reason_states_the_band(default_tool, h):
    result = score(default_tool, h.screening(*h.one_point_answers(default_tool, 11)))

    (band,) = [r for r in result.reasons if isinstance(r, BandReason)]
    assert (band.level, band.min, band.max, band.score) == ("medium", 11, 15, 11)
    assert "11-15" in band.text


# --- Recency and tiers -------------------------------------------------------------------

RECENCY_TABLE = [
    # indicator, tier, when, points
    ("carrying-weapon", "significant", "current", 5),
    ("carrying-weapon", "significant", "previous", 1),
    ("unexplained-injuries", "moderate", "current", 1),
    ("unexplained-injuries", "moderate", "previous", 1),
    ("care-experienced", "vulnerability", "current", 1),
    ("care-experienced", "vulnerability", "previous", 1),
]


@pytest.mark.parametrize(("indicator", "tier", "when", "points"), RECENCY_TABLE)
def test_points_by_tier_and_recency(default_tool, h, indicator, tier, when, points):
    result = score(default_tool, h.screening(Answer(indicator, when, confirmed=True)))

    reason = result.reasons[0]
    assert isinstance(reason, IndicatorReason)
    assert (reason.indicator, reason.tier, reason.when, reason.points) == (
        indicator,
        tier,
        when,
        points,
    )
    assert result.score == points


def test_old_significant_indicator_scores_less_and_fires_no_override(default_tool, h):
    current = score(default_tool, h.screening(Answer("missing-overnight", "current", True)))
    previous = score(default_tool, h.screening(Answer("missing-overnight", "previous", True)))

    assert (current.score, current.computed_level) == (5, "medium")
    assert (previous.score, previous.computed_level) == (1, "none")


def test_three_current_significant_indicators_reach_high(default_tool, h):
    answers = [
        Answer("missing-overnight", "current", True),
        Answer("carrying-weapon", "current", True),
        Answer("told-they-owe-debt", "current", True),
        Answer("care-experienced", "current", True),
    ]
    result = score(default_tool, h.screening(*answers))

    assert (result.score, result.computed_level) == (16, "high")


# --- Suspected and confirmed -------------------------------------------------------------


@pytest.mark.parametrize("confirmed", [True, False])
def test_default_tool_scores_suspected_like_confirmed(default_tool, h, confirmed):
    result = score(default_tool, h.screening(Answer("carrying-weapon", "current", confirmed)))

    reason = result.reasons[0]
    assert isinstance(reason, IndicatorReason)
    assert reason.points == 5
    assert reason.confirmed is confirmed
    assert ("confirmed" if confirmed else "suspected") in reason.text
    assert result.computed_level == "medium"


def test_a_tool_can_decline_to_score_suspected_indicators(default_data, h):
    tool = h.variant(default_data, count_suspected=False)
    answers = [
        Answer("unexplained-injuries", "current", confirmed=False),
        Answer("care-experienced", "current", confirmed=True),
    ]

    result = score(tool, h.screening(*answers))

    suspected, confirmed = result.reasons[0], result.reasons[1]
    assert isinstance(suspected, IndicatorReason)
    assert isinstance(confirmed, IndicatorReason)
    assert (suspected.points, confirmed.points, result.score) == (0, 1, 1)
    assert "does not score suspected" in suspected.text


def test_confirmed_defaults_to_false_when_left_out():
    answer = Answer.from_mapping({"indicator": "self-harm", "when": "current"}, 0)

    assert answer.confirmed is False


# --- Overrides ---------------------------------------------------------------------------

CSE_MODERATE = Answer("repeated-sexual-health-visits", "previous", True)  # cse, 1 point
CCE_MODERATE = Answer("supplied-with-vapes", "previous", True)  # cce only, 1 point
VULNERABILITY = Answer("care-experienced", "current", True)
SIGNIFICANT_CCE = "found-with-drugs-away-from-home"

OVERRIDE_TABLE = [
    # id, answers, child facts, expected level, overrides expected to fire
    ("disclosure-alone", [], {"disclosure": True}, "high", {"disclosure"}),
    ("no-disclosure", [], {}, "none", set()),
    ("age-13-cse", [CSE_MODERATE], {"age": 13}, "medium", {"age-13-or-under-sexual-exploitation"}),
    ("age-10-cse", [CSE_MODERATE], {"age": 10}, "medium", {"age-13-or-under-sexual-exploitation"}),
    ("age-14-cse", [CSE_MODERATE], {"age": 14}, "none", set()),
    ("age-unknown-cse", [CSE_MODERATE], {"age": None}, "none", set()),
    ("age-13-cce-only", [CCE_MODERATE], {"age": 13}, "none", set()),
    ("age-13-vulnerability-only", [VULNERABILITY], {"age": 13}, "none", set()),
    (
        "ld-cse",
        [CSE_MODERATE],
        {"learning_disability": True},
        "medium",
        {"learning-disability-sexual-exploitation"},
    ),
    ("ld-cce-only", [CCE_MODERATE], {"learning_disability": True}, "none", set()),
    ("ld-no-indicators", [], {"learning_disability": True}, "none", set()),
    (
        "significant-current",
        [Answer(SIGNIFICANT_CCE, "current", True)],
        {},
        "medium",
        {"significant-indicator-current"},
    ),
    (
        "significant-current-suspected",
        [Answer(SIGNIFICANT_CCE, "current", False)],
        {},
        "medium",
        {"significant-indicator-current"},
    ),
    ("significant-previous", [Answer(SIGNIFICANT_CCE, "previous", True)], {}, "none", set()),
    (
        "moderate-current",
        [Answer("unexplained-injuries", "current", True)],
        {},
        "none",
        set(),
    ),
    (
        "age-13-ld-disclosure-significant-cse",
        [Answer("sexually-transmitted-infection", "current", True)],
        {"age": 13, "learning_disability": True, "disclosure": True},
        "high",
        {
            "disclosure",
            "age-13-or-under-sexual-exploitation",
            "learning-disability-sexual-exploitation",
            "significant-indicator-current",
        },
    ),
]


@pytest.mark.parametrize(
    ("answers", "facts", "level", "fired"),
    [row[1:] for row in OVERRIDE_TABLE],
    ids=[row[0] for row in OVERRIDE_TABLE],
)
def test_overrides(default_tool, h, answers, facts, level, fired):
    result = score(default_tool, h.screening(*answers, facts=h.child(**facts)))

    assert result.computed_level == level
    assert {r.override for r in result.reasons if isinstance(r, OverrideReason)} == fired


def test_override_reason_explains_and_names_the_indicators(default_tool, h):
    answers = [CSE_MODERATE, VULNERABILITY]
    result = score(default_tool, h.screening(*answers, facts=h.child(12)))

    (reason,) = [r for r in result.reasons if isinstance(r, OverrideReason)]
    assert reason.override == "age-13-or-under-sexual-exploitation"
    assert reason.minimum_level == "medium"
    assert reason.raised is True
    assert reason.indicators == ("repeated-sexual-health-visits",)
    assert "cannot consent" in reason.explanation


def test_override_never_lowers_a_higher_band(default_tool, h):
    significant = Answer(SIGNIFICANT_CCE, "current", True)
    others = [a for a in h.one_point_answers(default_tool, 12) if a.indicator != SIGNIFICANT_CCE]
    result = score(default_tool, h.screening(significant, *others[:11]))

    assert result.score == 16
    assert result.computed_level == "high"
    (reason,) = [r for r in result.reasons if isinstance(r, OverrideReason)]
    assert reason.override == "significant-indicator-current"
    assert reason.raised is False


def test_disclosure_with_a_high_score_still_records_the_override(default_tool, h):
    answers = h.one_point_answers(default_tool, 20)
    result = score(default_tool, h.screening(*answers, facts=h.child(disclosure=True)))

    assert result.computed_level == "high"
    (reason,) = [r for r in result.reasons if isinstance(r, OverrideReason)]
    assert (reason.override, reason.raised) == ("disclosure", False)


# --- Result shape ------------------------------------------------------------------------


def test_result_records_the_tool_version_and_serialises_to_json(default_tool, h):
    answers = [Answer("missing-overnight", "current", True), VULNERABILITY]
    result = score(default_tool, h.screening(*answers))

    data = json.loads(json.dumps(result.to_dict()))
    assert data["tool"] == "cehub-default@1"
    assert (result.tool_id, result.tool_version) == ("cehub-default", 1)
    assert data["computed_level"] in default_tool.levels
    assert [r["kind"] for r in data["reasons"]] == ["indicator", "indicator", "band", "override"]
    first = data["reasons"][0]
    assert first == {
        "kind": "indicator",
        "indicator": "missing-overnight",
        "label": "Missing overnight or longer",
        "domain": "missing",
        "tier": "significant",
        "forms": ["cse", "cce", "trafficking"],
        "when": "current",
        "confirmed": True,
        "points": 5,
        "text": first["text"],
    }
    assert data["score"] == sum(r["points"] for r in data["reasons"] if r["kind"] == "indicator")


def test_each_reason_prints_its_keys_in_the_contracted_order(default_tool, h):
    answers = [Answer("missing-overnight", "current", True), VULNERABILITY]
    reasons = score(default_tool, h.screening(*answers)).to_dict()["reasons"]

    assert [list(reason) for reason in reasons[1:]] == [
        [
            "kind",
            "indicator",
            "label",
            "domain",
            "tier",
            "forms",
            "when",
            "confirmed",
            "points",
            "text",
        ],
        ["kind", "level", "min", "max", "score", "text"],
        [
            "kind",
            "override",
            "label",
            "explanation",
            "minimum_level",
            "raised",
            "indicators",
            "text",
        ],
    ]
    assert reasons[-1]["indicators"] == ["missing-overnight"]  # a list, as JSON has no tuples


# --- Bad answers -------------------------------------------------------------------------


def test_unknown_indicator_is_named(default_tool, h):
    with pytest.raises(InvalidAnswerError, match="unknown indicator 'drug-running'") as error:
        score(default_tool, h.screening(Answer("drug-running", "current")))

    assert error.value.code == "unknown_indicator"


def test_duplicate_indicator_is_refused(default_tool, h):
    answers = [Answer("self-harm", "current"), Answer("self-harm", "previous")]

    with pytest.raises(InvalidAnswerError, match="'self-harm' is answered more than once") as e:
        score(default_tool, h.screening(*answers))

    assert e.value.code == "duplicate_indicator"


@pytest.mark.parametrize("when", ["recent", "older", "", "CURRENT"])
def test_bad_when_lists_the_windows(default_tool, h, when):
    with pytest.raises(InvalidAnswerError, match="when must be one of 'current'") as error:
        score(default_tool, h.screening(Answer("self-harm", when)))

    assert error.value.code == "invalid_when"
    assert "3 to 6 months ago" in error.value.message


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"when": "current"}, "missing 'indicator'"),
        ({"indicator": "self-harm"}, "missing 'when'"),
        ({"indicator": 7, "when": "current"}, "indicator must be a non-empty string"),
        ({"indicator": "self-harm", "when": 3}, "when must be a string"),
        ({"indicator": "self-harm", "when": "current", "confirmed": "yes"}, "true or false"),
        ({"indicator": "self-harm", "when": "current", "evidence": "x"}, "unknown key 'evidence'"),
        ("self-harm", "must be a JSON object"),
    ],
)
def test_malformed_answers(answer, message):
    data = {
        "answers": [answer],
        "child": {"age": 15, "learning_disability": False, "disclosure": False},
    }

    with pytest.raises(InvalidInputError, match=message):
        ScreeningInput.from_mapping(data)


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"age": 14, "learning_disability": False}, "missing 'disclosure'"),
        ({"age": "14", "learning_disability": False, "disclosure": False}, "whole number"),
        ({"age": True, "learning_disability": False, "disclosure": False}, "whole number"),
        ({"age": -1, "learning_disability": False, "disclosure": False}, "between 0 and 25"),
        ({"age": 26, "learning_disability": False, "disclosure": False}, "between 0 and 25"),
        ({"age": 14, "learning_disability": 1, "disclosure": False}, "true or false"),
        ({"age": 14, "learning_disability": False, "disclosure": "no"}, "true or false"),
        ({"age": 14, "learning_disability": False, "disclosure": False, "x": 1}, "unknown key 'x'"),
        ([], "must be a JSON object"),
    ],
)
def test_malformed_child_facts(facts, message):
    with pytest.raises(
        InvalidChildFactsError if isinstance(facts, dict) else InvalidInputError
    ) as e:
        ChildFacts.from_mapping(facts)

    assert message in e.value.message


def test_unknown_age_is_allowed():
    facts = ChildFacts.from_mapping(
        {"age": None, "learning_disability": False, "disclosure": False}
    )

    assert facts.age is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"child": {}}, "missing 'answers'"),
        ({"answers": []}, "missing 'child'"),
        ({"answers": {}, "child": {}}, "answers must be a list"),
        ({"answers": [], "child": {}, "extra": 1}, "unknown key 'extra'"),
    ],
)
def test_malformed_input(data, message):
    with pytest.raises(InvalidInputError, match=message):
        ScreeningInput.from_mapping(data)


def test_engine_is_pure():
    """Importing the engine pulls in no Django, no YAML and no JSON Schema library."""
    code = (
        "import sys, cehub.screening.engine; "
        "print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in {'django', 'yaml', 'jsonschema'}))"
    )
    process = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )

    assert process.stdout.strip() == "[]"
