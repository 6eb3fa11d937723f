"""A partnership's own screening tool installed for a test (tests/screening/tools/).

Its levels are green, amber and red, and only red opens a hub case, so a test using it shows
that colours, labels and the case threshold come from the tool's data and not from the
default tool's level names. Conftests import the fixture.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cehub.screening.engine import Tool

TOOLS_DIR = Path(__file__).resolve().parent / "tools"
TRAFFIC_LIGHTS = "traffic-lights@1"


@pytest.fixture
def traffic_lights(settings: Any) -> Tool:
    """The traffic-light tool, installed beside the shipped ones for this test."""
    # Imported here: the engine's tests load this conftest without Django.
    from cehub.screening.services import tool_get

    settings.CEHUB_SCREENING_TOOL_DIRS = [str(TOOLS_DIR)]
    return tool_get(TRAFFIC_LIGHTS)
