"""Tool files: validation at load (schema and semantics), the registry, tool references."""

from __future__ import annotations

import json

import pytest
import yaml

from cehub.screening.engine import Answer, score
from cehub.screening.errors import ToolDefinitionError, UnknownToolError
from cehub.screening.registry import (
    BUILTIN_TOOLS_DIR,
    ToolRegistry,
    default_registry,
    load_tool,
    parse_tool_ref,
)


def test_shipped_tools_load(shipped_registry):
    assert shipped_registry.refs() == ["cehub-default@1"]
    assert default_registry().refs() == ["cehub-default@1"]


# --- Broken files ------------------------------------------------------------------------


def _break(data, change):
    change(data)
    return data


SEMANTIC_BREAKS = [
    (
        "unknown domain",
        lambda d: d["indicators"][0].update(domain="nowhere"),
        "indicator 'missing-overnight': unknown domain 'nowhere'",
    ),
    (
        "unknown tier",
        lambda d: d["indicators"][0].update(tier="severe"),
        "indicator 'missing-overnight': unknown tier 'severe'",
    ),
    (
        "unknown form",
        lambda d: d["indicators"][0].update(forms=["cse", "fraud"]),
        "indicator 'missing-overnight': unknown form(s) fraud",
    ),
    (
        "duplicate indicator id",
        lambda d: d["indicators"][1].update(id="missing-overnight"),
        "indicators: id 'missing-overnight' is used more than once",
    ),
    (
        "duplicate domain id",
        lambda d: d["domains"].append(dict(d["domains"][0])),
        "domains: id 'missing' is used more than once",
    ),
    (
        "gap between bands",
        lambda d: d["bands"][1].update(min=7),
        "band 2 (low): must start at 6 so that bands are contiguous",
    ),
    (
        "bands not from 0",
        lambda d: d["bands"][0].update(min=1),
        "band 1 (none): must start at 0",
    ),
    (
        "bands stop",
        lambda d: d["bands"][3].update(max=40),
        "band 4 (high): the last band must be open-ended",
    ),
    (
        "open band in the middle",
        lambda d: d["bands"][1].update(max=None),
        "band 2 (low): only the last band may be open-ended",
    ),
    (
        "bands out of level order",
        lambda d: (d["bands"][1].update(level="medium"), d["bands"][2].update(level="low")),
        "band 3 (low): bands must rise through the levels in order",
    ),
    (
        "band with unknown level",
        lambda d: d["bands"][0].update(level="minimal"),
        "band 1 (minimal): unknown level 'minimal'",
    ),
    (
        "override to unknown level",
        lambda d: d["overrides"][0].update(minimum_level="critical"),
        "override 'disclosure': unknown minimum_level 'critical'",
    ),
    (
        "override names unknown form",
        lambda d: d["overrides"][1]["when"]["indicators"].update(forms_any=["csa"]),
        "override 'age-13-or-under-sexual-exploitation': forms_any names unknown csa",
    ),
    (
        "override names unknown window",
        lambda d: d["overrides"][3]["when"]["indicators"].update(when_any=["recent"]),
        "override 'significant-indicator-current': when_any names unknown recent",
    ),
    (
        "tier points miss a window",
        lambda d: d["tiers"][2]["points"].pop("previous"),
        "tier 'significant': no points for recency previous",
    ),
    (
        "level without details",
        lambda d: d["level_details"].pop("low"),
        "level_details: no entry for level(s) low",
    ),
    (
        "a case level below a level that opens none",
        lambda d: d["level_details"]["high"].update(opens_case=False),
        "level_details: high must open a hub case, because the lower level medium does",
    ),
    (
        "domain without indicators",
        lambda d: d["domains"].append({"id": "empty", "label": "Empty"}),
        "domain 'empty' has no indicators",
    ),
]


@pytest.mark.parametrize(
    ("change", "problem"),
    [row[1:] for row in SEMANTIC_BREAKS],
    ids=[row[0] for row in SEMANTIC_BREAKS],
)
def test_semantic_errors_name_the_file_and_the_problem(default_data, write_tool, change, problem):
    path = write_tool(_break(default_data, change), "partnership-v2.yaml")

    with pytest.raises(ToolDefinitionError) as error:
        load_tool(path)

    assert error.value.source == str(path)
    assert any(problem in p for p in error.value.problems), error.value.problems
    assert str(path) in str(error.value)


SCHEMA_BREAKS = [
    ("missing bands", lambda d: d.pop("bands"), "$: 'bands' is a required property"),
    ("version as text", lambda d: d.update(version="one"), "$.version: 'one' is not of type"),
    (
        "levels not slugs",
        lambda d: d.update(levels=["None", "low", "medium", "high"]),
        "$.levels[0]: 'None' does not match",
    ),
    (
        "indicator without forms",
        lambda d: d["indicators"][2].pop("forms"),
        "$.indicators[2] (in 'whereabouts-unknown'): 'forms' is a required property",
    ),
    (
        "negative points",
        lambda d: d["tiers"][0]["points"].update(current=-1),
        "$.tiers[0].points.current (in 'vulnerability'): -1 is less than the minimum of 0",
    ),
    (
        "unknown top-level key",
        lambda d: d.update(weights={}),
        "Additional properties are not allowed ('weights' was unexpected)",
    ),
    (
        "level without a tag colour",
        lambda d: d["level_details"]["low"].pop("tag_colour"),
        "$.level_details.low: 'tag_colour' is a required property",
    ),
    (
        "level colour not a GOV.UK tag colour",
        lambda d: d["level_details"]["medium"].update(tag_colour="amber"),
        "$.level_details.medium.tag_colour: 'amber' is not one of",
    ),
    (
        "level without saying whether it opens a case",
        lambda d: d["level_details"]["high"].pop("opens_case"),
        "$.level_details.high: 'opens_case' is a required property",
    ),
    (
        "disclosure false as a condition",
        lambda d: d["overrides"][0]["when"].update(disclosure=False),
        "$.overrides[0].when.disclosure (in 'disclosure'): True was expected",
    ),
]


@pytest.mark.parametrize(
    ("change", "problem"),
    [row[1:] for row in SCHEMA_BREAKS],
    ids=[row[0] for row in SCHEMA_BREAKS],
)
def test_schema_errors_name_the_file_and_the_place(default_data, write_tool, change, problem):
    path = write_tool(_break(default_data, change))

    with pytest.raises(ToolDefinitionError) as error:
        load_tool(path)

    assert any(problem in p for p in error.value.problems), error.value.problems
    assert str(path) in str(error.value)


def test_every_problem_is_reported_at_once(default_data, write_tool):
    default_data["indicators"][0]["domain"] = "nowhere"
    default_data["bands"][1]["min"] = 7

    with pytest.raises(ToolDefinitionError) as error:
        load_tool(write_tool(default_data))

    assert len(error.value.problems) == 2


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("id: a\nid: b\n", "duplicate key 'id'"),
        ("id: [unclosed\n", "not valid YAML"),
        ("- just\n- a list\n", "$: ['just', 'a list'] is not of type 'object'"),
        ("", "$: None is not of type 'object'"),
    ],
)
def test_unreadable_yaml(write_tool, text, problem):
    with pytest.raises(ToolDefinitionError) as error:
        load_tool(write_tool(text))

    assert problem in str(error.value)


def test_json_tool_files_are_read_too(default_data, write_tool):
    default_data["version"] = 2
    tool = load_tool(write_tool(json.dumps(default_data), "cehub-default-v2.json"))

    assert tool.ref == "cehub-default@2"


def test_json_duplicate_keys_are_refused(write_tool):
    with pytest.raises(ToolDefinitionError, match="duplicate key 'id'"):
        load_tool(write_tool('{"id": "a", "id": "b"}', "tool.json"))


def test_missing_file_and_wrong_suffix(tmp_path):
    with pytest.raises(ToolDefinitionError, match="file not found"):
        load_tool(tmp_path / "absent.yaml")
    with pytest.raises(ToolDefinitionError, match="must end in"):
        load_tool(tmp_path / "tool.txt")


# --- Registry and references ---------------------------------------------------------------


@pytest.fixture
def partnership_registry(default_data, write_tool, tmp_path):
    """The shipped tool, plus version 2 of it and a partnership's own tool, from files."""
    v2 = dict(default_data, version=2)
    v2["bands"] = [
        {"level": "none", "min": 0, "max": 3},
        {"level": "low", "min": 4, "max": 8},
        {"level": "medium", "min": 9, "max": 14},
        {"level": "high", "min": 15, "max": None},
    ]
    write_tool(v2, "cehub-default-v2.yaml")
    write_tool(dict(default_data, id="northvale", name="Northvale tool"), "northvale-v1.yaml")
    return ToolRegistry.from_dirs(BUILTIN_TOOLS_DIR, tmp_path / "tools")


def test_id_alone_means_the_latest_version(partnership_registry):
    assert partnership_registry.get("cehub-default").version == 2
    assert partnership_registry.get("cehub-default@1").version == 1
    assert partnership_registry.get(None).ref == "cehub-default@2"
    assert partnership_registry.refs() == ["cehub-default@1", "cehub-default@2", "northvale@1"]


def test_a_partnership_tool_scores_without_code_changes(partnership_registry, h):
    answers = h.one_point_answers(partnership_registry.get("cehub-default@1"), 4)

    old = score(partnership_registry.get("cehub-default@1"), h.screening(*answers))
    new = score(partnership_registry.get("cehub-default@2"), h.screening(*answers))

    assert (old.computed_level, old.tool_version) == ("none", 1)
    assert (new.computed_level, new.tool_version) == ("low", 2)


@pytest.mark.parametrize(
    ("ref", "detail"),
    [
        ("cehub-default@9", "'cehub-default' has no version 9"),
        ("cehub-default@0", "not ID or ID@VERSION"),
        ("seraf", "no tool with id 'seraf'"),
        ("cehub-default@latest", "not ID or ID@VERSION"),
        ("", "not ID or ID@VERSION"),
    ],
)
def test_unknown_tool_gets_a_specific_error(partnership_registry, ref, detail):
    with pytest.raises(UnknownToolError) as error:
        partnership_registry.get(ref)

    message = str(error.value)
    assert detail in message
    assert "Known tools: cehub-default@1, cehub-default@2, northvale@1" in message
    assert error.value.code == "unknown_tool"
    assert ref not in partnership_registry


def test_the_same_version_twice_is_refused(default_data, write_tool, tmp_path):
    write_tool(default_data, "copy-of-default.yaml")

    with pytest.raises(ToolDefinitionError, match="cehub-default@1 is already defined in"):
        ToolRegistry.from_dirs(BUILTIN_TOOLS_DIR, tmp_path / "tools")


def test_missing_extra_folder_is_reported(tmp_path):
    with pytest.raises(ToolDefinitionError, match="folder does not exist"):
        default_registry([tmp_path / "nowhere"])


def test_schema_file_is_not_mistaken_for_a_tool():
    assert (BUILTIN_TOOLS_DIR / "schema.json").exists()
    assert len(ToolRegistry.from_dirs(BUILTIN_TOOLS_DIR)) == 1


@pytest.mark.parametrize(
    ("ref", "parsed"),
    [("cehub-default", ("cehub-default", None)), ("cehub-default@12", ("cehub-default", 12))],
)
def test_parse_tool_ref(ref, parsed):
    assert parse_tool_ref(ref) == parsed


def test_tool_round_trips_through_yaml(default_tool, write_tool, h):
    """The definition kept on the tool is the file's data: dumping it gives the same tool."""
    data = dict(default_tool.definition, version=5)
    reloaded = load_tool(write_tool(yaml.safe_dump(data)))

    assert reloaded.indicators == default_tool.indicators
    assert reloaded.overrides == default_tool.overrides
    assert score(reloaded, h.screening(Answer("self-harm", "current"))).score == 1
