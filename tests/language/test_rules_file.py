"""The rules file: it validates, every rule's own examples hold, and broken files fail clearly."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from cehub.language.loader import (
    CATEGORIES,
    DEFAULT_RULES_PATH,
    RulesError,
    load_ruleset,
    load_schema,
    parse_ruleset,
)
from cehub.language.matcher import LanguageChecker, default_checker
from cehub.language.patterns import PatternCompiler, PatternError, SlotDef, lemma_forms


@pytest.fixture(scope="module")
def raw_rules() -> dict[str, Any]:
    return yaml.safe_load(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))


def test_shipped_rules_match_the_schema(raw_rules: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema())
    jsonschema.Draft202012Validator(load_schema()).validate(raw_rules)


def test_every_category_has_rules_and_every_rule_cites_guidance(checker: LanguageChecker) -> None:
    rules = checker.ruleset.rules
    assert {r.category for r in rules} == set(CATEGORIES)
    for rule in rules:
        assert rule.sources and rule.suggestions and rule.explanation, rule.id
        assert all(s in checker.ruleset.sources for s in rule.sources), rule.id


def test_the_seed_and_practice_phrases_are_covered(checker: LanguageChecker) -> None:
    # Seed 002 and PRACTICE.md section 7, as a practitioner would write them.
    for note in (
        "She keeps putting herself in risky situations.",
        "She is sexually active.",
        "There was sexual activity with a 30-year-old.",
        "The 12-year-old described it as consensual sex.",
        "He is choosing the gang lifestyle.",
        "She has been messaging adults on social media.",
        "She has an older boyfriend.",
        "He has a 17-year-old's older girlfriend.",
        "He is recruiting others.",
        "He has been drug running.",
        "This is child prostitution.",
        "This is child pornography.",
        "He was raped. He is at risk of sexual exploitation.",
    ):
        assert checker.check(note).findings, note


def _rule_cases() -> list[tuple[str, str, bool]]:
    cases = []
    for rule in default_checker().ruleset.rules:
        cases += [(rule.id, example, True) for example in rule.flag_examples]
        cases += [(rule.id, example, False) for example in rule.pass_examples]
    return cases


@pytest.mark.parametrize(("rule_id", "example", "flagged"), _rule_cases())
def test_rule_examples(checker: LanguageChecker, rule_id: str, example: str, flagged: bool) -> None:
    found = {f.rule_id for f in checker.check(example).findings}
    assert (rule_id in found) is flagged, (rule_id, example, found)


# --- broken rules files ------------------------------------------------------------------


def _broken(raw_rules: dict[str, Any], change: Any) -> dict[str, Any]:
    data = copy.deepcopy(raw_rules)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["rules"][0].pop("category"), "'category' is a required property"),
        (lambda d: d["rules"][0].update(category="rude"), "is not one of"),
        (lambda d: d["rules"][0].update(patterns=[]), "at rules/0/patterns"),
        (lambda d: d["rules"][0].update(suggestions="say it better"), "is not of type 'array'"),
        (lambda d: d["rules"][0].update(colour="red"), "Additional properties"),
        (lambda d: d["rules"][0].update(id="Has Spaces"), "does not match"),
        (lambda d: d["negation"].update(cues=[False]), "False is not of type 'string'"),
        (lambda d: d.update(schema_version=2), "at schema_version"),
        (lambda d: d.pop("rules"), "'rules' is a required property"),
    ],
)
def test_schema_errors_say_where(raw_rules: dict[str, Any], change: Any, message: str) -> None:
    with pytest.raises(RulesError, match="does not match the rules schema") as excinfo:
        parse_ruleset(_broken(raw_rules, change), origin="broken.yaml")
    assert message in str(excinfo.value)
    assert "broken.yaml" in str(excinfo.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["rules"][0]["patterns"].append("put {NOPE}"), "unknown slot {NOPE}"),
        (lambda d: d["rules"][0]["patterns"].append("(put herself"), "missing ')'"),
        (
            lambda d: d["rules"][0]["patterns"].append("{0,2} risk"),
            "cannot start or end with a gap",
        ),
        (lambda d: d["rules"][0]["patterns"].append("put {0,9} risk"), "gap {0,9}"),
        (lambda d: d["rules"][0]["patterns"].append("risk? danger?"), "every item is optional"),
        (lambda d: d["rules"][0]["patterns"].append("put* risk"), "is not a word"),
        (lambda d: d["rules"][0].update(source=["nowhere"]), "unknown source 'nowhere'"),
        (lambda d: d["rules"][1].update(id=d["rules"][0]["id"]), "is defined twice"),
        (lambda d: d["rules"][0].update(requires_evidence=["vibes"]), "unknown evidence 'vibes'"),
        (
            lambda d: (
                d["slots"].update(LOOP=["a {LOOP}"]) or d["rules"][0]["patterns"].append("{LOOP}")
            ),
            "refers to itself",
        ),
        (
            lambda d: (
                d["slots"].update(BAD={"regex": "(unclosed"})
                or d["rules"][0]["patterns"].append("risk {BAD}")
            ),
            "invalid regex",
        ),
    ],
)
def test_reference_errors_say_which_rule(
    raw_rules: dict[str, Any], change: Any, message: str
) -> None:
    with pytest.raises(RulesError) as excinfo:
        parse_ruleset(_broken(raw_rules, change), origin="broken.yaml")
    assert message in str(excinfo.value)


def test_unreadable_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_ruleset(tmp_path / "missing.yaml")
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("rules: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulesError, match="not valid YAML"):
        load_ruleset(bad_yaml)
    not_a_mapping = tmp_path / "list.yaml"
    not_a_mapping.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(RulesError, match="is not of type 'object'"):
        load_ruleset(not_a_mapping)


def test_a_partnership_can_load_its_own_rules(tmp_path: Path, raw_rules: dict[str, Any]) -> None:
    data = copy.deepcopy(raw_rules)
    data["rules"].append(
        {
            "id": "local-term",
            "category": "minimises_harm",
            "patterns": ["(=bit =of =fun|=banter)"],
            "explanation": "Trivialises abuse as light-hearted fun between friends.",
            "suggestions": ["Describe what happened"],
            "source": ["tcs-napac-2024"],
            "examples": {"flag": ["It was just banter."]},
        }
    )
    path = tmp_path / "local.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    local = LanguageChecker.from_path(path)
    assert [f.rule_id for f in local.check("They said it was banter.").findings] == ["local-term"]


# --- the pattern language ----------------------------------------------------------------


@pytest.fixture
def compiler() -> PatternCompiler:
    return PatternCompiler(
        {
            "REFLEXIVE": SlotDef(patterns=("(=herself|=himself|=themselves)",)),
            "AGE": SlotDef(regex=r"\(\d+\)"),
        }
    )


def _matches(compiler: PatternCompiler, pattern: str, text: str) -> list[str]:
    return [m.group() for m in compiler.compile(pattern).regex.finditer(text)]


def test_lemmas_expand_to_every_inflection(compiler: PatternCompiler) -> None:
    assert {"put", "puts", "putting"} <= lemma_forms("put")
    assert {"choose", "chose", "chosen", "choosing"} <= lemma_forms("choose")
    for form in ("put", "puts", "putting"):
        assert _matches(compiler, "put {REFLEXIVE} =at =risk", f"{form} herself at risk")


def test_exact_words_do_not_inflect(compiler: PatternCompiler) -> None:
    assert _matches(compiler, "=risk", "risks") == []
    assert _matches(compiler, "risk", "risks") == ["risks"]


def test_gaps_optional_items_groups_and_slots(compiler: PatternCompiler) -> None:
    assert _matches(compiler, "make {0,2} =poor choice", "making very poor choices") == [
        "making very poor choices"
    ]
    assert _matches(compiler, "make {0,1} =poor choice", "making really very poor choices") == []
    assert _matches(compiler, "=very? =streetwise", "streetwise") == ["streetwise"]
    assert _matches(compiler, "(=go back|=return) =home", "go back home, return home") == [
        "go back home",
        "return home",
    ]
    assert _matches(compiler, "=boyfriend {AGE}", "boyfriend (23)") == ["boyfriend (23)"]


def test_hyphens_slashes_and_commas_join_fixed_words(compiler: PatternCompiler) -> None:
    assert _matches(compiler, "risk =taking", "risk-taking") == ["risk-taking"]
    assert _matches(compiler, "=co-operative", "co-operative") == ["co-operative"]
    assert _matches(compiler, "=partner =who", "partner, who") == ["partner, who"]


def test_gaps_do_not_cross_commas(compiler: PatternCompiler) -> None:
    assert _matches(compiler, "=relationship =with {0,3} =adult", "with her mother, an adult") == []


def test_words_match_whole_words_and_either_apostrophe(compiler: PatternCompiler) -> None:
    assert _matches(compiler, "=risk", "brisk risky") == []
    assert _matches(compiler, "=harm's =way", "harm’s way") == ["harm’s way"]


def test_anchors_prefer_rare_words(compiler: PatternCompiler) -> None:
    pattern = compiler.compile("put {REFLEXIVE} =at =risk")
    assert pattern.anchors == frozenset({"herself", "himself", "themselves"})
    assert compiler.compile("=boyfriend {AGE}").anchors == frozenset({"boyfriend"})
    assert compiler.compile("{AGE}").anchors is None


@pytest.mark.parametrize(
    "pattern",
    ["", "(a|b", "a)", "a |", "{0,2}", "a {0,2}", "a {3,1} b", "{lower}", "a??", "{0,2}?"],
)
def test_malformed_patterns_are_rejected(compiler: PatternCompiler, pattern: str) -> None:
    with pytest.raises(PatternError):
        compiler.compile(pattern)
