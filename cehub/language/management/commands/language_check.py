"""``python manage.py language_check``: check notes for victim-blaming language.

Reads notes from standard input, one per line, and writes one JSON object per input line:

    {"findings": [{"start": 0, "end": 23, "text": "...", "category": "...",
                   "suggestions": ["..."], "rule": "...", "explanation": "...",
                   "negated": false}],
     "quoted": [...]}

``start``/``end`` are character offsets into that line (Unicode code points). ``quoted``
entries have the same shape: matches inside quotation marks, someone's own words. Blank lines
give an empty result, so output line N always answers input line N.
"""

from __future__ import annotations

import io
import json
import sys
from argparse import ArgumentParser
from collections.abc import Iterable
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cehub.language.loader import RulesError
from cehub.language.matcher import LanguageChecker, default_checker


class Command(BaseCommand):
    help = (
        "Check notes for victim-blaming language. Reads one note per line on stdin and "
        "prints one JSON object per line: {findings: [...], quoted: [...]}."
    )
    # Tests (and callers) may pass stdin=<text stream> to call_command.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--rules",
            metavar="PATH",
            help="a rules file to use instead of the shipped rules (for trying local rules)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            checker = (
                LanguageChecker.from_path(options["rules"])
                if options.get("rules")
                else default_checker()
            )
        except RulesError as exc:
            raise CommandError(str(exc)) from exc
        for line in self._lines(options.get("stdin")):
            result = checker.check(line.rstrip("\r\n"))
            self.stdout.write(json.dumps(result.as_dict()))
            # Flush per note so that another program can use this as a line-by-line filter.
            self.stdout.flush()

    def _lines(self, stream: Iterable[str] | None) -> Iterable[str]:
        if stream is not None:
            return stream
        # Notes are UTF-8 whatever the locale says; undecodable bytes must not stop a batch.
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
