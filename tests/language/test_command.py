"""``manage.py language_check``: one JSON object per input line, in the documented shape."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cehub.language.management.commands.language_check import Command

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_KEYS = {"start", "end", "text", "category", "suggestions"}


def run(stdin: str, **options: object) -> list[dict[str, list[dict[str, object]]]]:
    out = io.StringIO()
    # The command object itself, so this needs neither settings nor INSTALLED_APPS.
    call_command(Command(), stdin=io.StringIO(stdin), stdout=out, **options)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_json_object_per_line_in_the_documented_shape() -> None:
    notes = [
        "Jade is putting herself at risk by going to the flat.",
        "",
        'Kai said "I chose to go, I put myself at risk".',
        "Visit completed; no concerns.",
    ]
    results = run("\n".join(notes) + "\n")
    assert len(results) == len(notes)
    for result in results:
        assert set(result) == {"findings", "quoted"}
    [finding] = results[0]["findings"]
    assert set(finding) >= REQUIRED_KEYS
    assert finding["text"] == "putting herself at risk"
    start, end = finding["start"], finding["end"]
    assert isinstance(start, int) and isinstance(end, int)
    assert notes[0][start:end] == finding["text"]
    assert finding["category"] == "blames_child"
    assert isinstance(finding["suggestions"], list) and finding["suggestions"]
    assert results[1] == {"findings": [], "quoted": []}
    assert results[2]["findings"] == []
    [quoted] = results[2]["quoted"]
    assert set(quoted) >= REQUIRED_KEYS
    assert quoted["text"] == "put myself at risk"
    assert results[3] == {"findings": [], "quoted": []}


def test_windows_line_endings_and_unicode() -> None:
    [result] = run("Chloé’s mum says she is sexually active.\r\n")
    [finding] = result["findings"]
    assert finding["text"] == "sexually active"


def test_a_broken_rules_file_is_a_command_error(tmp_path: Path) -> None:
    broken = tmp_path / "rules.yaml"
    broken.write_text("schema_version: 1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="does not match the rules schema"):
        run("anything\n", rules=str(broken))


def test_manage_py_reads_stdin_and_writes_stdout(tmp_path: Path) -> None:
    # Settings that add the app if config/settings.py does not list it (yet), so that this
    # runs the real `python manage.py language_check` either way.
    (tmp_path / "language_test_settings.py").write_text(
        "from config.test_settings import *  # noqa: F403\n"
        "if 'cehub.language' not in INSTALLED_APPS:  # noqa: F405\n"
        "    INSTALLED_APPS = [*INSTALLED_APPS, 'cehub.language']  # noqa: F405\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "language_test_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
    }
    notes = "She is streetwise.\nShe is at risk of missing the bus.\n\nZoë said ‘I’m streetwise’.\n"
    proc = subprocess.run(
        [sys.executable, "manage.py", "language_check"],
        input=notes.encode(),
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    results = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(results) == 4
    assert [f["category"] for f in results[0]["findings"]] == ["minimises_harm"]
    assert results[1] == results[2] == {"findings": [], "quoted": []}
    assert results[3]["findings"] == []
    assert [f["text"] for f in results[3]["quoted"]] == ["streetwise"]
