"""No protected characteristic can reach the engine, or be written into a tool.

PRACTICE.md section 3: never score on protected characteristics (ethnicity, sex,
religion...); they are recorded for equality monitoring only. Age and learning disability
are the deliberate exceptions: the published overrides use them as measures of
vulnerability, and they are the only facts about the child that the engine accepts.
"""

from __future__ import annotations

import inspect
import json
import re
from dataclasses import fields

import pytest

from cehub.screening.cli import run_score
from cehub.screening.engine import (
    Answer,
    ChildFacts,
    ScreeningInput,
    is_protected_characteristic,
    score,
)
from cehub.screening.errors import ProtectedCharacteristicError, ToolDefinitionError
from cehub.screening.registry import tool_from_mapping

PROTECTED_KEYS = [
    "ethnicity",
    "Ethnicity",
    "ethnic_origin",
    "race",
    "nationality",
    "sex",
    "gender",
    "gender_identity",
    "transgender",
    "religion",
    "religion_or_belief",
    "faith",
    "sexual_orientation",
    "sexuality",
    "marital_status",
    "pregnancy",
    "disability",
    "child_ethnicity",
    "skin colour",
]

FACTS = {"age": 14, "learning_disability": False, "disclosure": False}


def test_child_facts_have_no_field_for_a_protected_characteristic():
    assert [f.name for f in fields(ChildFacts)] == ["age", "learning_disability", "disclosure"]
    assert [f.name for f in fields(ScreeningInput)] == ["answers", "child"]
    assert [f.name for f in fields(Answer)] == ["indicator", "when", "confirmed"]
    assert list(inspect.signature(score).parameters) == ["tool", "screening"]


def test_child_facts_cannot_be_built_with_a_protected_characteristic():
    with pytest.raises(TypeError):
        ChildFacts(age=14, learning_disability=False, disclosure=False, ethnicity="x")  # type: ignore[call-arg]


@pytest.mark.parametrize("key", PROTECTED_KEYS)
def test_protected_characteristic_in_child_facts_is_refused_by_name(key):
    with pytest.raises(ProtectedCharacteristicError) as error:
        ChildFacts.from_mapping({**FACTS, key: "any value"})

    assert error.value.code == "protected_characteristic"
    assert repr(key) in error.value.message
    assert "equality monitoring" in error.value.message


@pytest.mark.parametrize("key", ["ethnicity", "sex", "religion"])
def test_protected_characteristic_anywhere_in_the_input_is_refused(key):
    answer = {"indicator": "self-harm", "when": "current"}

    with pytest.raises(ProtectedCharacteristicError):
        ScreeningInput.from_mapping({"answers": [], "child": FACTS, key: "x"})
    with pytest.raises(ProtectedCharacteristicError):
        ScreeningInput.from_mapping({"answers": [{**answer, key: "x"}], "child": FACTS})


@pytest.mark.parametrize("key", ["ethnicity", "gender", "religion"])
def test_protected_characteristic_is_refused_by_the_command_logic(shipped_registry, key):
    for payload in (
        {"tool": "cehub-default", "answers": [], "child": {**FACTS, key: "x"}},
        {"tool": "cehub-default", "answers": [], "child": FACTS, key: "x"},
    ):
        with pytest.raises(ProtectedCharacteristicError):
            run_score(json.dumps(payload), shipped_registry)


def test_the_facts_the_engine_uses_are_accepted():
    assert ChildFacts.from_mapping({"age": 12, "learning_disability": True, "disclosure": True})
    assert not is_protected_characteristic("age")
    assert not is_protected_characteristic("disclosure")


def test_a_tool_cannot_add_a_protected_characteristic_as_a_condition(default_data):
    default_data["overrides"].append(
        {
            "id": "by-ethnicity",
            "label": "x",
            "when": {"ethnicity": "any"},
            "minimum_level": "high",
            "explanation": "x",
        }
    )

    with pytest.raises(ToolDefinitionError, match="'ethnicity' was unexpected"):
        tool_from_mapping(default_data, "bad.yaml")


def test_a_tool_cannot_tag_an_indicator_with_a_protected_characteristic(default_data):
    default_data["indicators"][0]["sex"] = "male"

    with pytest.raises(ToolDefinitionError, match="'sex' was unexpected"):
        tool_from_mapping(default_data, "bad.yaml")


# Words that name a protected characteristic or a group defined by one. "sexual"
# (as in sexual exploitation) is not among them; "sex" on its own is.
PROTECTED_WORDS = re.compile(
    r"\b(ethnic\w*|race|racial|nationality|skin|colou?r|black|white|asian|"
    r"religio\w*|faith|belief\w*|muslim|christian|jewish|sikh|hindu|caste|"
    r"sex|gender\w*|trans|transgender|sexuality|sexual orientation|gay|lesbian|bisexual|"
    r"boys?|girls?|male|female|men|women|marital|married|civil partnership)\b",
    re.IGNORECASE,
)


def test_no_indicator_in_the_shipped_tool_mentions_a_protected_characteristic(default_tool):
    texts = [
        (indicator.id, " ".join(filter(None, [indicator.id, indicator.label, indicator.hint])))
        for indicator in default_tool.indicators.values()
    ]
    texts += [(domain.id, domain.label) for domain in default_tool.domains.values()]
    texts += [(tier.id, tier.label) for tier in default_tool.tiers.values()]

    found = {id_: match.group(0) for id_, text in texts if (match := PROTECTED_WORDS.search(text))}
    assert found == {}
    # The words list does catch them.
    assert PROTECTED_WORDS.search("Ethnicity recorded") and PROTECTED_WORDS.search("sex: male")
