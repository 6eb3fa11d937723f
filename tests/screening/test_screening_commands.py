"""The ``screening_score`` and ``screening_tool`` management commands.

These need Django settings but no database. Under pytest-django they use the project's
settings (``cehub.screening`` must be in INSTALLED_APPS for the commands to be found by
name). Run without pytest-django (``-p no:django``), they configure a minimal settings
object themselves.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from cehub.screening.checks import check_screening_tools
from cehub.screening.management.commands import screening_score, screening_tool

REPO = Path(__file__).resolve().parents[2]
MINIMAL_SETTINGS = {
    "INSTALLED_APPS": ["cehub.screening"],
    "SECRET_KEY": "screening-tests-only",
    "USE_TZ": True,
}
CHILD = {"age": 14, "learning_disability": False, "disclosure": False}


@pytest.fixture(scope="module", autouse=True)
def _django_settings() -> None:
    if not settings.configured:
        if not os.environ.get("DJANGO_SETTINGS_MODULE"):
            settings.configure(**MINIMAL_SETTINGS)
        django.setup()


def score_command(payload: object, command: BaseCommand | str | None = None) -> dict:
    stdout = io.StringIO()
    text = payload if isinstance(payload, str) else json.dumps(payload)
    call_command(command or screening_score.Command(), stdin=io.StringIO(text), stdout=stdout)
    return json.loads(stdout.getvalue())


def tool_command(*args: str) -> str:
    stdout = io.StringIO()
    call_command(screening_tool.Command(), *args, stdout=stdout)
    return stdout.getvalue()


def test_commands_are_installed_under_their_names():
    commands = get_commands()

    assert commands.get("screening_score") == "cehub.screening"
    assert commands.get("screening_tool") == "cehub.screening"


def test_score_by_command_name():
    result = score_command(
        {"tool": "cehub-default", "answers": [], "child": CHILD}, "screening_score"
    )

    assert (result["computed_level"], result["score"]) == ("none", 0)


def test_score_prints_level_score_and_reasons():
    payload = {
        "tool": "cehub-default@1",
        "answers": [
            {"indicator": "sexually-transmitted-infection", "when": "previous", "confirmed": True}
        ],
        "child": {**CHILD, "age": 13},
    }

    result = score_command(payload)

    assert result["tool"] == "cehub-default@1"
    assert (result["computed_level"], result["score"]) == ("medium", 1)
    assert [r["kind"] for r in result["reasons"]] == ["indicator", "band", "override"]
    assert result["reasons"][2]["override"] == "age-13-or-under-sexual-exploitation"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{oops", "invalid_json: Input is not valid JSON"),
        ({"tool": "cehub-default@9", "answers": [], "child": CHILD}, "unknown_tool:"),
        (
            {"answers": [{"indicator": "drug-running", "when": "current"}], "child": CHILD},
            "unknown_indicator: answers[0]: unknown indicator 'drug-running'",
        ),
        (
            {"answers": [{"indicator": "self-harm", "when": "soon"}], "child": CHILD},
            "invalid_when:",
        ),
        (
            {"answers": [], "child": {**CHILD, "ethnicity": "any"}},
            "protected_characteristic: child: 'ethnicity' is a protected characteristic",
        ),
        ({"answers": [], "child": {**CHILD, "religion": "any"}}, "protected_characteristic:"),
    ],
)
def test_bad_input_exits_2_with_a_specific_error(payload, message):
    with pytest.raises(CommandError) as error:
        score_command(payload)

    assert error.value.returncode == 2
    assert message in str(error.value)


def test_score_reads_a_file(tmp_path):
    path = tmp_path / "screening.json"
    path.write_text(json.dumps({"answers": [], "child": {**CHILD, "disclosure": True}}))
    stdout = io.StringIO()

    call_command(screening_score.Command(), "--input", str(path), stdout=stdout)

    assert json.loads(stdout.getvalue())["computed_level"] == "high"


def test_show_json_prints_the_default_definition():
    definition = json.loads(tool_command("show", "--json"))

    assert definition["id"] == "cehub-default"
    assert definition["levels"] == ["none", "low", "medium", "high"]
    assert all({"id", "domain", "tier", "forms"} <= set(i) for i in definition["indicators"])


def test_show_json_with_a_tool_id():
    assert json.loads(tool_command("show", "--json", "--tool", "cehub-default@1"))["version"] == 1


def test_show_unknown_tool_exits_2():
    with pytest.raises(CommandError) as error:
        tool_command("show", "--json", "--tool", "cehub-default@3")

    assert error.value.returncode == 2
    assert "Known tools: cehub-default@1" in str(error.value)


def test_show_as_text_and_list():
    assert "Overrides:" in tool_command("show")
    assert "cehub-default@1 (latest)" in tool_command("list")
    assert json.loads(tool_command("list", "--json"))[0]["ref"] == "cehub-default@1"


def test_validate(default_data, write_tool):
    default_data["version"] = 2
    good = write_tool(default_data, "cehub-default-v2.yaml")
    default_data["bands"][1]["min"] = 8
    bad = write_tool(default_data, "broken.yaml")

    assert "OK" in tool_command("validate", str(good))
    with pytest.raises(CommandError) as error:
        tool_command("validate", str(good), str(bad))

    assert error.value.returncode == 2
    assert "band 2 (low): must start at 6" in str(error.value)


def test_a_partnership_folder_adds_tools_without_code_changes(default_data, write_tool):
    default_data.update(id="northvale", name="Northvale screening tool")
    folder = write_tool(default_data, "northvale-v1.yaml").parent

    with override_settings(CEHUB_SCREENING_TOOL_DIRS=[str(folder)]):
        listed = json.loads(tool_command("list", "--json"))
        result = score_command({"tool": "northvale", "answers": [], "child": CHILD})

    assert [item["ref"] for item in listed] == ["cehub-default@1", "northvale@1"]
    assert result["tool"] == "northvale@1"


def test_system_check_reports_a_broken_tool_file(default_data, write_tool):
    default_data["id"] = "broken"
    default_data["indicators"][0]["tier"] = "severe"
    folder = write_tool(default_data, "broken-v1.yaml").parent

    with override_settings(CEHUB_SCREENING_TOOL_DIRS=[str(folder)]):
        (error,) = check_screening_tools()

    assert error.id == "screening.E001"
    assert "unknown tier 'severe'" in error.msg
    assert check_screening_tools() == []


# --- As a real process: exit status and stderr -------------------------------------------


@pytest.fixture(scope="module")
def manage_py():
    # The project's own test settings: the commands never touch the database.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.test_settings", "PYTHONPATH": str(REPO)}

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(REPO / "manage.py"), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=60,
            check=False,
        )

    return run


def test_process_prints_json_and_exits_0(manage_py):
    process = manage_py(
        "screening_score",
        stdin=json.dumps({"tool": "cehub-default", "answers": [], "child": CHILD}),
    )

    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout)["computed_level"] == "none"


def test_process_exits_2_on_bad_input(manage_py):
    process = manage_py(
        "screening_score",
        stdin=json.dumps({"tool": "cehub-default@4", "answers": [], "child": CHILD}),
    )

    assert process.returncode == 2
    assert process.stdout == ""
    assert "unknown_tool: Unknown screening tool 'cehub-default@4'" in process.stderr


def test_process_tool_show_json(manage_py):
    process = manage_py("screening_tool", "show", "--json")

    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout)["id"] == "cehub-default"
