"""What the ``screening_score`` and ``screening_tool`` commands do, as plain functions.

No Django here: the commands only read settings, call these and print the result, so the
behaviour (and every error) can be tested without settings or a database.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cehub.screening.engine import ScreeningInput, Tool, is_protected_characteristic, score
from cehub.screening.errors import (
    InvalidInputError,
    ProtectedCharacteristicError,
    ToolDefinitionError,
)
from cehub.screening.registry import ToolRegistry, load_tool

__all__ = [
    "describe_tool",
    "parse_score_request",
    "run_score",
    "tool_definition",
    "tool_summaries",
    "validate_tool_file",
]

REQUEST_KEYS = ("tool", "answers", "child")


def _parse_request(text: str) -> tuple[str | None, dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInputError(
            f"Input is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}.",
            code="invalid_json",
        ) from None
    if not isinstance(data, dict):
        raise InvalidInputError(
            'Input must be a JSON object: {"tool": ..., "answers": [...], "child": {...}}.'
        )
    for key in data:
        if key not in REQUEST_KEYS and is_protected_characteristic(key):
            raise ProtectedCharacteristicError(key, "input", REQUEST_KEYS)
    tool_ref = data.pop("tool", None)
    if tool_ref is not None and not isinstance(tool_ref, str):
        raise InvalidInputError("tool must be a string: 'ID' or 'ID@VERSION'.")
    return tool_ref, data


def parse_score_request(text: str) -> tuple[str | None, ScreeningInput]:
    """Parse the JSON read by ``screening_score``: the tool reference and the input."""
    tool_ref, data = _parse_request(text)
    return tool_ref, ScreeningInput.from_mapping(data)


def run_score(text: str, registry: ToolRegistry) -> dict[str, Any]:
    """``screening_score``: JSON text in, the result as a JSON-ready dict out.

    ``"tool"`` may be left out for the latest default tool. The tool is looked up before
    the rest is read, so an unknown tool is reported as such.
    """
    tool_ref, data = _parse_request(text)
    tool = registry.get(tool_ref)
    return score(tool, ScreeningInput.from_mapping(data)).to_dict()


def tool_definition(registry: ToolRegistry, ref: str | None = None) -> dict[str, Any]:
    """``screening_tool show --json``: the tool's definition as written in its file."""
    tool = registry.get(ref)
    return copy.deepcopy(dict(tool.definition))


def tool_summaries(registry: ToolRegistry) -> list[dict[str, Any]]:
    """``screening_tool list``: one line per loaded tool version."""
    return [
        {
            "ref": tool.ref,
            "id": tool.id,
            "version": tool.version,
            "name": tool.name,
            "latest": registry.is_latest(tool),
            "indicators": len(tool.indicators),
            "source": tool.source,
        }
        for tool in registry.tools()
    ]


def validate_tool_file(path: str | Path, registry: ToolRegistry | None = None) -> dict[str, Any]:
    """``screening_tool validate PATH``: check a file before dropping it into a tool folder.

    Besides the file's own checks, it must not reuse the ``id@version`` of a different
    loaded file: a published version is never changed, so that old screenings stay
    explainable.
    """
    tool = load_tool(path)
    if registry is not None and tool.ref in registry:
        existing = registry.get(tool.ref)
        if Path(existing.source).resolve() != Path(path).resolve():
            raise ToolDefinitionError(
                str(path),
                [
                    f"{tool.ref} is already loaded from {existing.source}; give a changed "
                    "tool a new version number"
                ],
            )
    return {
        "valid": True,
        "ref": tool.ref,
        "name": tool.name,
        "indicators": len(tool.indicators),
        "domains": len(tool.domains),
        "overrides": len(tool.overrides),
        "source": str(path),
    }


def describe_tool(tool: Tool) -> str:
    """A plain-text summary of a tool, for ``screening_tool show`` without ``--json``."""
    lines = [f"{tool.name} ({tool.ref})", ""]
    lines.append("Levels: " + ", ".join(tool.levels))
    lines.append(
        "Open a hub case: "
        + (", ".join(level for level in tool.levels if tool.opens_case(level)) or "none")
    )
    lines.append("Bands: " + ", ".join(f"{band.label} {band.level}" for band in tool.bands))
    lines.append(
        "Points: "
        + "; ".join(
            f"{tier.label.lower()} "
            + ", ".join(f"{when} {points}" for when, points in tier.points.items())
            for tier in tool.tiers.values()
        )
    )
    lines.append(f"Suspected indicators scored: {'yes' if tool.count_suspected else 'no'}")
    lines.append("")
    lines.append("Overrides:")
    for rule in tool.overrides:
        lines.append(f"  {rule.id}: {rule.label} -> at least {rule.minimum_level}")
    by_domain: Mapping[str, list[str]] = {domain: [] for domain in tool.domains}
    for indicator in tool.indicators.values():
        forms = ", ".join(indicator.forms) or "-"
        by_domain[indicator.domain].append(
            f"    {indicator.id} [{indicator.tier}; {forms}] {indicator.label}"
        )
    for domain in tool.domains.values():
        lines.append("")
        lines.append(f"  {domain.label}:")
        lines.extend(by_domain[domain.id])
    return "\n".join(lines)
