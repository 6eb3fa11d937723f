"""System check: every screening tool file loads and validates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error, register

from cehub.screening.conf import SETTING, get_registry
from cehub.screening.errors import ToolDefinitionError


@register("screening")
def check_screening_tools(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    try:
        get_registry()
    except ToolDefinitionError as error:
        return [
            Error(
                error.message,
                hint=(
                    "Fix the file (python manage.py screening_tool validate PATH shows every "
                    f"problem), or remove it from the folders in {SETTING}."
                ),
                obj=error.source,
                id="screening.E001",
            )
        ]
    return []
