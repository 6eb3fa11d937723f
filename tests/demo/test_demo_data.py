"""The demo partnership's data files: where they are, and what a broken one says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cehub.cases.models import ClosureOutcome
from cehub.core.roles import Role
from cehub.demo import catalogue, narratives, networks, personas
from cehub.demo.datafiles import DATA_DIR, DemoDataError, Entry, datafile, read_file
from cehub.intake.models import ExploitationForm


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def read_name_only(row: Entry) -> None:
    row["name"].text()
    row.no_other_keys()


def test_the_data_files_sit_beside_the_code_that_reads_them() -> None:
    assert Path(catalogue.__file__).resolve().parent / "data" == DATA_DIR
    names = {path.stem for path in DATA_DIR.glob("*.yaml")}
    assert names == {
        "agencies",
        "case_notes",
        "cases",
        "concerns",
        "intelligence",
        "missing",
        "networks",
        "objects",
        "people",
        "personas",
        "places",
        "screening",
        "triage",
    }
    for name in names:  # each is read, and only once
        assert datafile(name) is datafile(name)
    assert datafile.cache_info().currsize == len(names)


def test_the_data_is_read_into_typed_values() -> None:
    # Enum values in the files become the enum members the services take.
    assert all(isinstance(f, ExploitationForm) for s in narratives.SCENARIOS for f in s.forms)
    assert set(narratives.CLOSURE_REASONS) <= set(ClosureOutcome)
    assert narratives.CHILD_WORDS[ExploitationForm.CSE]
    assert personas.PERSONA_EMAIL[Role.REFERRER] == personas.REFERRER
    # Keys the code refers to are in the data.
    places = {p.key: p for p in catalogue.NETWORK_PLACES}
    assert places[catalogue.TRAP_FLAT].name == "Flat 7, Calder Court"
    county_line = networks.NETWORK_BY_KEY["county-line"]
    assert dict(county_line.places)["flat"] == catalogue.TRAP_FLAT
    assert {d.member for d in county_line.disruptions} >= {"dex", "flat", "car"}
    # "default" in missing.yaml is every child outside a network.
    assert "" in narratives.MISSING_LAST_SEEN and "default" not in narratives.MISSING_LAST_SEEN


@pytest.mark.parametrize(
    ("text", "read", "message"),
    [
        ("towns: [1, 2]\n", lambda e: e["towns"].texts(), "towns[0]: expected text, found 1"),
        ("ages: [24]\n", lambda e: e["ages"].integers(2), "ages: expected 2 whole numbers"),
        ("a: {b: 1}\n", lambda e: e["a"]["c"], "a: missing key 'c'"),
        (
            "a: {b: 1, c: 2}\n",
            lambda e: e["a"].keys("b"),
            "a: unknown key 'c' (expected b)",
        ),
        (
            "forms: [cse, csa]\n",
            lambda e: e["forms"].members(ExploitationForm),
            "forms[1]: expected one of cse, cce, online, trafficking, radicalisation, not-sure, "
            "found 'csa'",
        ),
        (
            "row: {name: x, nmae: y}\n",
            lambda e: read_name_only(e["row"]),
            "row: unknown key 'nmae' (expected name)",
        ),
        ("reasons: {1: x}\n", lambda e: e["reasons"].entries(), "reasons.1: keys must be text"),
        ("flag: yes please\n", lambda e: e["flag"].flag(), "flag: expected true or false"),
        ("name: ''\n", lambda e: e["name"].text(), "name: expected text, found ''"),
        ("town: Leeds\n", lambda e: e["town"].one_of(catalogue.TOWNS, "a town"), "'Leeds' is not"),
    ],
)
def test_a_value_of_the_wrong_shape_is_reported_with_its_file_and_key(
    tmp_path: Path, text: str, read: Callable[[Entry], object], message: str
) -> None:
    entry = read_file(write(tmp_path, text))
    with pytest.raises(DemoDataError, match=r"broken\.yaml: ") as error:
        read(entry)
    assert message in str(error.value)


def test_a_file_that_is_missing_or_not_yaml_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DemoDataError, match=r"absent\.yaml: cannot be read"):
        read_file(tmp_path / "absent.yaml")
    with pytest.raises(DemoDataError, match=r"broken\.yaml: not valid YAML"):
        read_file(write(tmp_path, "a: [unclosed\n"))
    with pytest.raises(DemoDataError, match=r"broken\.yaml: \(top level\): expected a mapping"):
        read_file(write(tmp_path, "- a list\n"))


def test_a_network_naming_a_place_or_member_that_does_not_exist_is_reported() -> None:
    row = datafile("networks")["county-line"].value
    assert isinstance(row, dict)
    broken = Entry("networks.yaml", "county-line", {**row, "places": {"flat": "nowhere"}})
    with pytest.raises(DemoDataError, match=r"county-line\.places\.flat: 'nowhere' is not"):
        networks._network(broken, "county-line")
    beats = [{**row["intel_beats"][0], "autors": ["police"]}]
    broken = Entry("networks.yaml", "county-line", {**row, "intel_beats": beats})
    with pytest.raises(DemoDataError, match=r"intel_beats\[0\]: unknown key 'autors'"):
        networks._network(broken, "county-line")
    beats = [{**row["concern_beats"][0], "involves": ["line9"]}]
    broken = Entry("networks.yaml", "county-line", {**row, "concern_beats": beats})
    with pytest.raises(DemoDataError, match=r"concern_beats\[0\]\.involves\[0\]: 'line9'"):
        networks._network(broken, "county-line")
