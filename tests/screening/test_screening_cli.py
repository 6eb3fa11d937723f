"""The commands' logic as plain functions: JSON in, JSON-ready data out, specific errors."""

from __future__ import annotations

import json

import pytest

from cehub.screening.cli import (
    describe_tool,
    run_score,
    tool_definition,
    tool_summaries,
    validate_tool_file,
)
from cehub.screening.errors import (
    InvalidAnswerError,
    InvalidChildFactsError,
    InvalidInputError,
    ProtectedCharacteristicError,
    ToolDefinitionError,
    UnknownToolError,
)
from cehub.screening.registry import BUILTIN_TOOLS_DIR

CHILD = {"age": 14, "learning_disability": False, "disclosure": False}


def request(**changes):
    payload = {
        "tool": "cehub-default",
        "answers": [
            {"indicator": "missing-overnight", "when": "current", "confirmed": True},
            {"indicator": "care-experienced", "when": "current", "confirmed": True},
        ],
        "child": CHILD,
    }
    payload.update(changes)
    return json.dumps(payload)


def test_run_score(shipped_registry):
    result = run_score(request(), shipped_registry)

    assert set(result) == {"tool", "computed_level", "score", "reasons"}
    assert (result["tool"], result["computed_level"], result["score"]) == (
        "cehub-default@1",
        "medium",
        6,
    )
    assert [r["kind"] for r in result["reasons"]] == ["indicator", "indicator", "band", "override"]
    assert result["reasons"][3]["override"] == "significant-indicator-current"
    json.dumps(result)


def test_exact_version_and_default_tool(shipped_registry):
    exact = run_score(request(tool="cehub-default@1"), shipped_registry)
    default = json.loads(request())
    del default["tool"]

    assert exact == run_score(json.dumps(default), shipped_registry)


@pytest.mark.parametrize(
    ("text", "error", "code"),
    [
        ("{not json", InvalidInputError, "invalid_json"),
        ("[]", InvalidInputError, "invalid_input"),
        (request(tool="cehub-default@2"), UnknownToolError, "unknown_tool"),
        (request(tool=3), InvalidInputError, "invalid_input"),
        (
            request(answers=[{"indicator": "drug-running", "when": "current"}]),
            InvalidAnswerError,
            "unknown_indicator",
        ),
        (
            request(answers=[{"indicator": "self-harm", "when": "last-year"}]),
            InvalidAnswerError,
            "invalid_when",
        ),
        (
            request(answers=[{"indicator": "self-harm", "when": "current"}] * 2),
            InvalidAnswerError,
            "duplicate_indicator",
        ),
        (
            request(child={**CHILD, "ethnicity": "x"}),
            ProtectedCharacteristicError,
            "protected_characteristic",
        ),
        (request(child={**CHILD, "shoe_size": 5}), InvalidChildFactsError, "unknown_child_fact"),
        (request(child={**CHILD, "age": 30}), InvalidChildFactsError, "invalid_age"),
    ],
)
def test_bad_input_gets_a_specific_error(shipped_registry, text, error, code):
    with pytest.raises(error) as raised:
        run_score(text, shipped_registry)

    assert raised.value.code == code


def test_unknown_tool_is_reported_before_the_answers(shipped_registry):
    text = request(tool="cehub-default@2", answers=[{"indicator": "nonsense", "when": "x"}])

    with pytest.raises(UnknownToolError, match="'cehub-default' has no version 2"):
        run_score(text, shipped_registry)


def test_tool_definition_has_the_contracted_keys(shipped_registry):
    definition = tool_definition(shipped_registry)

    assert definition["id"] == "cehub-default"
    assert definition["version"] == 1
    assert definition["levels"] == ["none", "low", "medium", "high"]
    for indicator in definition["indicators"]:
        assert {"id", "domain", "tier", "forms"} <= set(indicator)
        assert isinstance(indicator["forms"], list)
    json.dumps(definition)


def test_tool_definition_is_a_copy(shipped_registry):
    tool_definition(shipped_registry)["indicators"].clear()

    assert tool_definition(shipped_registry, "cehub-default@1")["indicators"]


def test_tool_definition_for_an_unknown_tool(shipped_registry):
    with pytest.raises(UnknownToolError):
        tool_definition(shipped_registry, "nope")


def test_tool_summaries(shipped_registry):
    (summary,) = tool_summaries(shipped_registry)

    assert summary["ref"] == "cehub-default@1"
    assert summary["latest"] is True
    assert summary["indicators"] == 90


def test_validate_the_shipped_file_against_its_own_registry(shipped_registry):
    result = validate_tool_file(BUILTIN_TOOLS_DIR / "cehub-default-v1.yaml", shipped_registry)

    assert result["valid"] is True
    assert result["ref"] == "cehub-default@1"


def test_validate_refuses_a_reused_version(shipped_registry, default_data, write_tool):
    default_data["name"] = "Edited in place"
    path = write_tool(default_data, "edited.yaml")

    with pytest.raises(ToolDefinitionError, match="already loaded from"):
        validate_tool_file(path, shipped_registry)

    default_data["version"] = 2
    assert validate_tool_file(write_tool(default_data, "v2.yaml"), shipped_registry)["valid"]


def test_describe_tool(default_tool):
    text = describe_tool(default_tool)

    assert text.startswith("CE Hub default exploitation screening tool (cehub-default@1)")
    assert "Bands: 0-5 none, 6-10 low, 11-15 medium, 16+ high" in text
    assert "missing-overnight [significant; cse, cce, trafficking]" in text


def test_show_json_keeps_the_levels_list_and_puts_colours_and_the_threshold_in_the_details(
    shipped_registry,
):
    definition = tool_definition(shipped_registry)

    assert definition["levels"] == ["none", "low", "medium", "high"]
    assert {
        level: (detail["tag_colour"], detail["opens_case"])
        for level, detail in definition["level_details"].items()
    } == {
        "none": ("grey", False),
        "low": ("blue", False),
        "medium": ("orange", True),
        "high": ("red", True),
    }


def test_describe_tool_says_which_levels_open_a_case(default_tool):
    assert "Open a hub case: medium, high" in describe_tool(default_tool)
