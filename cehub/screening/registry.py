"""Load screening tool files, validate them and look tools up by id or ``id@version``.

A tool file is YAML (``.yaml``/``.yml``) or JSON (``.json``). It is checked against
``tools/schema.json`` and then by :meth:`Tool.from_definition` (cross-references, bands,
levels). Any problem raises :class:`ToolDefinitionError` naming the file and every problem.

Tool references: ``"cehub-default"`` means the latest loaded version of that tool;
``"cehub-default@1"`` means exactly version 1.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final

import jsonschema
import yaml

from cehub.screening.engine import Tool
from cehub.screening.errors import ToolDefinitionError, UnknownToolError

__all__ = [
    "BUILTIN_TOOLS_DIR",
    "DEFAULT_TOOL_ID",
    "SCHEMA_PATH",
    "ToolRegistry",
    "default_registry",
    "load_tool",
    "parse_tool_ref",
    "read_tool_file",
    "tool_from_mapping",
]

BUILTIN_TOOLS_DIR: Final = Path(__file__).resolve().parent / "tools"
SCHEMA_PATH: Final = BUILTIN_TOOLS_DIR / "schema.json"
DEFAULT_TOOL_ID: Final = "cehub-default"
TOOL_SUFFIXES: Final = (".yaml", ".yml", ".json")
_REF = re.compile(r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:@(?P<version>[1-9][0-9]*))?$")


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML loader that refuses duplicate keys (PyYAML keeps the last one silently)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def _reject_duplicate_json_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def read_tool_file(path: str | Path) -> Any:
    """Parse a tool file (YAML or JSON) without validating it."""
    path = Path(path)
    if path.suffix.lower() not in TOOL_SUFFIXES:
        raise ToolDefinitionError(
            str(path), [f"a tool file must end in {', '.join(TOOL_SUFFIXES)}"]
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ToolDefinitionError(str(path), ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ToolDefinitionError(str(path), [f"cannot be read: {error}"]) from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text, object_pairs_hook=_reject_duplicate_json_keys)
        except json.JSONDecodeError as error:
            raise ToolDefinitionError(
                str(path),
                [f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"],
            ) from None
        except ValueError as error:
            raise ToolDefinitionError(str(path), [f"not valid JSON: {error}"]) from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise ToolDefinitionError(str(path), [f"not valid YAML: {error}"]) from None


def _schema_problems(data: Any) -> list[str]:
    problems: list[str] = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: e.json_path):
        where = error.json_path
        # Name the item by its id as well as its position: "$.indicators[3] (in 'self-harm')".
        if len(error.absolute_path) >= 2 and isinstance(data, Mapping):
            section, index = error.absolute_path[0], error.absolute_path[1]
            items = data.get(section)
            if isinstance(index, int) and isinstance(items, list) and index < len(items):
                item = items[index]
                if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                    where += f" (in {item['id']!r})"
        problems.append(f"{where}: {error.message}")
    return problems


def tool_from_mapping(data: Any, source: str = "<memory>") -> Tool:
    """Validate parsed tool data (schema, then semantics) and build the :class:`Tool`."""
    if problems := _schema_problems(data):
        raise ToolDefinitionError(source, problems)
    return Tool.from_definition(data, source)


def load_tool(path: str | Path) -> Tool:
    """Read, validate and build one tool file."""
    return tool_from_mapping(read_tool_file(path), str(path))


def parse_tool_ref(ref: str) -> tuple[str, int | None]:
    """``"cehub-default@1"`` -> ``("cehub-default", 1)``; ``"cehub-default"`` -> version None."""
    match = _REF.match(ref.strip()) if isinstance(ref, str) else None
    if match is None:
        raise ValueError(f"{ref!r} is not a tool reference (ID or ID@VERSION)")
    version = match.group("version")
    return match.group("id"), int(version) if version else None


def _tool_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise ToolDefinitionError(str(folder), ["screening tool folder does not exist"])
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in TOOL_SUFFIXES
        and path.name != SCHEMA_PATH.name
        and not path.name.startswith(".")
    )


class ToolRegistry:
    """Every loaded tool version, looked up by ``id`` (latest) or ``id@version`` (exact)."""

    def __init__(self, tools: Iterable[Tool]) -> None:
        self._tools: dict[tuple[str, int], Tool] = {}
        for tool in tools:
            key = (tool.id, tool.version)
            if key in self._tools:
                other = self._tools[key]
                raise ToolDefinitionError(
                    tool.source,
                    [
                        f"{tool.ref} is already defined in {other.source}; give a changed "
                        "tool a new version number instead of reusing one"
                    ],
                )
            self._tools[key] = tool

    @classmethod
    def from_dirs(cls, *folders: str | Path) -> ToolRegistry:
        """Load every tool file directly inside each folder (not in subfolders)."""
        return cls(load_tool(path) for folder in folders for path in _tool_files(Path(folder)))

    def get(self, ref: str | None = None) -> Tool:
        """The tool for ``ref`` (``None`` means the latest default tool)."""
        ref = DEFAULT_TOOL_ID if ref is None else ref
        try:
            tool_id, version = parse_tool_ref(ref)
        except ValueError:
            raise UnknownToolError(str(ref), self.refs(), "not ID or ID@VERSION") from None
        versions = self.versions(tool_id)
        if not versions:
            raise UnknownToolError(ref, self.refs(), f"no tool with id {tool_id!r}")
        if version is None:
            version = versions[-1]
        elif version not in versions:
            raise UnknownToolError(ref, self.refs(), f"{tool_id!r} has no version {version}")
        return self._tools[(tool_id, version)]

    def versions(self, tool_id: str) -> list[int]:
        return sorted(version for (id_, version) in self._tools if id_ == tool_id)

    def tools(self) -> list[Tool]:
        return [self._tools[key] for key in sorted(self._tools)]

    def refs(self) -> list[str]:
        return [tool.ref for tool in self.tools()]

    def is_latest(self, tool: Tool) -> bool:
        return self.versions(tool.id)[-1] == tool.version

    def __len__(self) -> int:
        return len(self._tools)

    def __contains__(self, ref: object) -> bool:
        if not isinstance(ref, str):
            return False
        try:
            self.get(ref)
        except UnknownToolError:
            return False
        return True


@cache
def _cached_registry(folders: tuple[str, ...]) -> ToolRegistry:
    return ToolRegistry.from_dirs(BUILTIN_TOOLS_DIR, *folders)


def default_registry(extra_dirs: Sequence[str | Path] = ()) -> ToolRegistry:
    """The shipped tools plus those in ``extra_dirs``, loaded once per process."""
    return _cached_registry(tuple(str(Path(folder).resolve()) for folder in extra_dirs))


def clear_cache() -> None:
    """Forget loaded registries (after tool files change, and in tests)."""
    _cached_registry.cache_clear()
