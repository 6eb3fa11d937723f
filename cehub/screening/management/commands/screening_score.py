"""``python manage.py screening_score`` - score one screening read as JSON from stdin.

Input::

    {"tool": "cehub-default",
     "answers": [{"indicator": "missing-overnight", "when": "current", "confirmed": true}],
     "child": {"age": 14, "learning_disability": false, "disclosure": false}}

Output: ``{"tool": "cehub-default@1", "computed_level": ..., "score": ..., "reasons": [...]}``.
Bad input exits with status 2 and a specific message on stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cehub.screening.cli import run_score
from cehub.screening.conf import get_registry
from cehub.screening.errors import ScreeningError, ToolDefinitionError

BAD_INPUT = 2


class Command(BaseCommand):
    help = "Score a screening given as JSON on stdin and print the level, score and reasons."
    # Scoring needs no database, so it runs without the system checks.
    requires_system_checks = []
    # Lets tests pass stdin=io.StringIO(...) to call_command.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input",
            metavar="PATH",
            help="read the JSON from this file instead of stdin",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options.get("input"):
            try:
                text = Path(options["input"]).read_text(encoding="utf-8")
            except OSError as error:
                raise CommandError(
                    f"Cannot read {options['input']}: {error}", returncode=BAD_INPUT
                ) from error
        else:
            text = (options.get("stdin") or sys.stdin).read()
        try:
            registry = get_registry()
        except ToolDefinitionError as error:
            # A broken installed tool is a configuration fault, not the caller's bad input.
            raise CommandError(f"{error.code}: {error.message}") from error
        try:
            result = run_score(text, registry)
        except ScreeningError as error:
            raise CommandError(f"{error.code}: {error.message}", returncode=BAD_INPUT) from error
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
