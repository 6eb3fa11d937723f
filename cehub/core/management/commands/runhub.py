"""``make run``: migrate, load the demo partnership, start the worker and the web server.

Holds the embedded PostgreSQL server open for as long as it runs; Ctrl-C stops the worker,
the web server and then PostgreSQL, in that order.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection


class Command(BaseCommand):
    help = "Run CE Hub locally: database, migrations, demo data, background worker, web server."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo data.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["host"] not in {"127.0.0.1", "localhost", "::1"} and settings.DEMO_MODE:
            raise CommandError("Demo mode serves on the loopback address only.")
        self.stdout.write("Starting PostgreSQL…")
        connection.ensure_connection()  # starts (or joins) the embedded server, if configured
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        if settings.DEMO_MODE and not options["no_demo"]:
            call_command("seed_demo")

        python = sys.executable
        manage = str(settings.BASE_DIR / "manage.py")
        children = [
            subprocess.Popen([python, manage, "db_worker", "--queue-name", "*"]),
            subprocess.Popen(
                [
                    python,
                    "-m",
                    "gunicorn",
                    "config.wsgi",
                    "--bind",
                    f"{options['host']}:{options['port']}",
                    "--workers",
                    str(options["workers"]),
                    "--graceful-timeout",
                    "5",
                    "--log-level",
                    "warning",
                ]
            ),
        ]
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(self.style.SUCCESS(f"\nCE Hub is running at {url}"))
        self.stdout.write("Background worker running. Press Ctrl-C to stop everything.\n")

        stopping = False

        def stop(signum: int, frame: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(child.poll() is None for child in children):
                time.sleep(0.5)
        finally:
            self.stdout.write("\nStopping the web server and worker…")
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            for child in children:
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    child.kill()
            connection.close()
            self.stdout.write("Stopped. PostgreSQL stops as this process exits.")
        failed = [child.args for child in children if child.returncode not in (0, -15, None)]
        if failed and not stopping:
            raise CommandError(f"A process exited unexpectedly: {failed}")
