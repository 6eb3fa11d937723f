"""``python manage.py screening_tool`` - list, show and validate screening tools.

* ``list [--json]``: every loaded tool version.
* ``show [--tool ID] [--json]``: a tool's definition (the latest default tool if no
  ``--tool``). ``ID`` is ``cehub-default`` (latest version) or ``cehub-default@1``.
* ``validate PATH [PATH ...] [--json]``: check tool files before installing them.

Bad input (unknown tool, invalid file) exits with status 2 and a specific message.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cehub.screening.cli import describe_tool, tool_definition, tool_summaries, validate_tool_file
from cehub.screening.conf import get_registry
from cehub.screening.errors import ScreeningError, ToolDefinitionError
from cehub.screening.registry import ToolRegistry

BAD_INPUT = 2


class Command(BaseCommand):
    help = "List, show or validate screening tool definitions."
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        list_parser = actions.add_parser("list", help="list every loaded tool version")
        list_parser.add_argument("--json", action="store_true", help="print JSON")
        show = actions.add_parser("show", help="show a tool definition")
        show.add_argument(
            "--tool",
            metavar="ID",
            help="ID for the latest version or ID@VERSION (default: the CE Hub default tool)",
        )
        show.add_argument("--json", action="store_true", help="print the definition as JSON")
        validate = actions.add_parser("validate", help="check tool files before installing them")
        validate.add_argument("paths", nargs="+", metavar="PATH")
        validate.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "validate":
            self._validate(options["paths"], as_json=options["json"])
            return
        registry = self._registry()
        if action == "list":
            summaries = tool_summaries(registry)
            if options["json"]:
                self._print_json(summaries)
            else:
                for item in summaries:
                    latest = " (latest)" if item["latest"] else ""
                    self.stdout.write(
                        f"{item['ref']}{latest}  {item['name']}  "
                        f"[{item['indicators']} indicators]  {item['source']}"
                    )
            return
        try:
            if options["json"]:
                self._print_json(tool_definition(registry, options["tool"]))
            else:
                self.stdout.write(describe_tool(registry.get(options["tool"])))
        except ScreeningError as error:
            raise CommandError(f"{error.code}: {error.message}", returncode=BAD_INPUT) from error

    def _registry(self) -> ToolRegistry:
        try:
            return get_registry()
        except ToolDefinitionError as error:
            raise CommandError(f"{error.code}: {error.message}") from error

    def _validate(self, paths: list[str], *, as_json: bool) -> None:
        # Compare against the installed tools only if they load; a broken installed file
        # must not stop a partnership from checking its new one.
        registry: ToolRegistry | None
        try:
            registry = get_registry()
        except ToolDefinitionError:
            registry = None
        results: list[dict[str, Any]] = []
        failures: list[str] = []
        for path in paths:
            try:
                results.append(validate_tool_file(path, registry))
            except ToolDefinitionError as error:
                failures.append(error.message)
                results.append({"valid": False, "source": path, "problems": list(error.problems)})
        if as_json:
            self._print_json(results)
        else:
            for result in results:
                if result["valid"]:
                    self.stdout.write(
                        f"OK {result['source']}: {result['ref']} ({result['indicators']} "
                        f"indicators, {result['domains']} domains, {result['overrides']} overrides)"
                    )
        if failures:
            raise CommandError("\n".join(failures), returncode=BAD_INPUT)

    def _print_json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
