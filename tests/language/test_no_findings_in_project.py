"""CE Hub's own words must pass its own language check.

Scans, at test time (so new files are picked up without changing this test):
- the text of every HTML template (``templates/`` and ``cehub/*/templates/``): page text,
  human-facing attributes (title, alt, placeholder, aria-label) and string literals in
  template tags (``{{ x|default:"..." }}``);
- every string in the YAML files under ``cehub/`` (screening tools, catalogues, ...), except
  the language rules themselves, which quote the phrases on purpose;
- every string literal in the demo data generator (``cehub/demo/``), found with ``ast``.

Quoted matches are not findings, as everywhere else.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from cehub.language.matcher import LanguageChecker

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE_RULES = ROOT / "cehub" / "language" / "rules"
_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "content"}
_COMMENT_RE = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.DOTALL)
_TAG_RE = re.compile(r"{%.*?%}|{{.*?}}", re.DOTALL)
_LITERAL_RE = re.compile(r"\"([^\"]*)\"|'([^']*)'")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        self.chunks += [value for name, value in attrs if name in _ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.chunks.append(data)


def template_texts(source: str) -> list[str]:
    source = _COMMENT_RE.sub(" ", source)
    literals = [
        a or b for tag in _TAG_RE.findall(source) for a, b in _LITERAL_RE.findall(tag) if a or b
    ]
    parser = _TextExtractor()
    parser.feed(_TAG_RE.sub(" ", source))
    parser.close()
    return [" ".join(chunk.split()) for chunk in parser.chunks + literals]


def yaml_strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from yaml_strings(key)
            yield from yaml_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from yaml_strings(item)


def python_strings(source: str) -> list[str]:
    return [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def project_texts(root: Path = ROOT) -> Iterator[tuple[Path, str]]:
    templates = sorted(root.glob("templates/**/*.html")) + sorted(
        root.glob("cehub/*/templates/**/*.html")
    )
    for path in templates:
        for text in template_texts(path.read_text(encoding="utf-8")):
            yield path, text
    rules_dir = root / LANGUAGE_RULES.relative_to(ROOT)
    for path in sorted(root.glob("cehub/**/*.y*ml")):
        if path.suffix in {".yaml", ".yml"} and rules_dir not in path.parents:
            for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
                for text in yaml_strings(doc):
                    yield path, text
    for path in sorted(root.glob("cehub/demo/**/*.py")):
        for text in python_strings(path.read_text(encoding="utf-8")):
            yield path, text


def findings_in(checker: LanguageChecker, root: Path) -> tuple[int, list[str]]:
    files: set[Path] = set()
    problems = []
    for path, text in project_texts(root):
        files.add(path)
        for finding in checker.check(text).findings:
            where = path.relative_to(root)
            problems.append(f"{where}: {finding.text!r} ({finding.rule_id}) in {text[:120]!r}")
    return len(files), problems


def test_ce_hubs_own_words_have_no_findings(
    checker: LanguageChecker, evaluation_report: list[str]
) -> None:
    scanned, problems = findings_in(checker, ROOT)
    evaluation_report.append(
        f"project self-check: {scanned} template/YAML/demo files scanned, {len(problems)} findings"
    )
    assert problems == [], "\n".join(problems)


def test_the_scan_reaches_every_kind_of_file(tmp_path: Path, checker: LanguageChecker) -> None:
    # Plant one phrase in each kind of file: the scan must find all of them (and skip the
    # rules folder), so that "zero findings" above means something.
    (tmp_path / "templates" / "cases").mkdir(parents=True)
    (tmp_path / "templates" / "cases" / "note.html").write_text(
        '{% load i18n %}<p title="She is streetwise">Hello {{ name|default:"drug running" }}'
        "</p>{# she is promiscuous #}<script>var x = 'sexually active';</script>",
        encoding="utf-8",
    )
    (tmp_path / "cehub" / "intake" / "templates" / "intake").mkdir(parents=True)
    (tmp_path / "cehub" / "intake" / "templates" / "intake" / "form.html").write_text(
        "<label>Is the child making poor choices?</label>", encoding="utf-8"
    )
    (tmp_path / "cehub" / "screening" / "tools").mkdir(parents=True)
    (tmp_path / "cehub" / "screening" / "tools" / "tool.yaml").write_text(
        "questions:\n  - text: Is the child sexually active?\n", encoding="utf-8"
    )
    (tmp_path / "cehub" / "language" / "rules").mkdir(parents=True)
    (tmp_path / "cehub" / "language" / "rules" / "rules.yaml").write_text(
        "example: She is sexually active.\n", encoding="utf-8"
    )
    (tmp_path / "cehub" / "demo").mkdir(parents=True)
    (tmp_path / "cehub" / "demo" / "notes.py").write_text(
        'NOTES = ["Kai is a known drug runner.", f"{1} absconded"]\n', encoding="utf-8"
    )
    scanned, problems = findings_in(checker, tmp_path)
    assert scanned == 4
    found = {p.split(":")[0] for p in problems}
    assert found == {
        "templates/cases/note.html",
        "cehub/intake/templates/intake/form.html",
        "cehub/screening/tools/tool.yaml",
        "cehub/demo/notes.py",
    }
    assert not any("promiscuous" in p or "var x" in p for p in problems)
    assert sum("note.html" in p for p in problems) == 2  # the title and the default literal


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Hello <b>world</b></p>", ["Hello", "world"]),
        ('<img alt="A child" src="x.png">', ["A child"]),
        ("{% if x %}Shown{% endif %}", ["Shown"]),
        ("{% comment %}hidden{% endcomment %}<p>seen</p>", ["seen"]),
    ],
)
def test_template_text_extraction(source: str, expected: list[str]) -> None:
    assert template_texts(source) == expected
