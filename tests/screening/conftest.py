"""Fixtures for the screening tests. Only ``traffic_lights`` needs Django settings."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from cehub.screening.engine import Answer, ChildFacts, ScreeningInput, Tool
from cehub.screening.registry import BUILTIN_TOOLS_DIR, ToolRegistry, clear_cache, tool_from_mapping
from tests.screening.partnership_tool import traffic_lights  # noqa: F401  (a fixture)

DEFAULT_TOOL_FILE = BUILTIN_TOOLS_DIR / "cehub-default-v1.yaml"


@pytest.fixture(autouse=True)
def _fresh_registry_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


@pytest.fixture(scope="session")
def shipped_registry() -> ToolRegistry:
    return ToolRegistry.from_dirs(BUILTIN_TOOLS_DIR)


@pytest.fixture(scope="session")
def default_tool(shipped_registry: ToolRegistry) -> Tool:
    return shipped_registry.get("cehub-default@1")


@pytest.fixture
def default_data() -> dict[str, Any]:
    """A fresh copy of the shipped default tool's data, safe to change."""
    data: dict[str, Any] = yaml.safe_load(DEFAULT_TOOL_FILE.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


@pytest.fixture
def write_tool(tmp_path: Path) -> Callable[..., Path]:
    """Write tool data (a dict, or raw text) to a file in a temporary tool folder."""

    def write(data: dict[str, Any] | str, name: str = "tool.yaml") -> Path:
        folder = tmp_path / "tools"
        folder.mkdir(exist_ok=True)
        path = folder / name
        text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def child(
    age: int | None = 15, *, learning_disability: bool = False, disclosure: bool = False
) -> ChildFacts:
    """A child whose facts fire no override unless asked to: 15, no LD, no disclosure."""
    return ChildFacts(age=age, learning_disability=learning_disability, disclosure=disclosure)


def screening(*answers: Answer, facts: ChildFacts | None = None) -> ScreeningInput:
    return ScreeningInput(answers=tuple(answers), child=facts or child())


def one_point_answers(tool: Tool, count: int) -> list[Answer]:
    """``count`` answers worth 1 point each that trip no override for a 15-year-old.

    Vulnerabilities and moderate indicators are 1 point in any window; significant
    indicators seen 3-6 months ago are 1 point and do not fire the "significant in the
    last 3 months" override.
    """
    answers: list[Answer] = []
    for indicator in tool.indicators.values():
        when = "previous" if indicator.tier == "significant" else "current"
        answers.append(Answer(indicator.id, when, confirmed=True))
    assert len(answers) >= count, "the default tool has fewer one-point answers than needed"
    return answers[:count]


def variant(data: dict[str, Any], **scoring: Any) -> Tool:
    """Build a tool from changed data (e.g. ``count_suspected=False``)."""
    changed = copy.deepcopy(data)
    changed["scoring"].update(scoring)
    changed["version"] = changed["version"] + 100
    return tool_from_mapping(changed, "<variant>")


@pytest.fixture
def h() -> SimpleNamespace:
    """The helper functions above, for test modules (which should not import conftest)."""
    return SimpleNamespace(
        child=child, screening=screening, one_point_answers=one_point_answers, variant=variant
    )
