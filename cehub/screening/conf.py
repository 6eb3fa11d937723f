"""Django-facing access to the tool registry.

Setting ``CEHUB_SCREENING_TOOL_DIRS`` (a list of folders, default empty) adds a
partnership's own tool files to the ones shipped in ``cehub/screening/tools/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from django.conf import settings

from cehub.screening.registry import ToolRegistry, default_registry

SETTING = "CEHUB_SCREENING_TOOL_DIRS"


def tool_dirs() -> tuple[str | Path, ...]:
    value = getattr(settings, SETTING, ())
    if isinstance(value, str | Path):
        # A single folder given as a string is a common slip; accept it.
        return (value,)
    folders: Sequence[str | Path] = value
    return tuple(folders)


def get_registry() -> ToolRegistry:
    """Every tool this installation knows: shipped ones plus ``CEHUB_SCREENING_TOOL_DIRS``."""
    return default_registry(tool_dirs())
