"""Recompute the access log's hash chain and name the first row that does not fit."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cehub.core.audit import verify_chain


class Command(BaseCommand):
    help = (
        "Verify the access log's hash chain; exits 1 and names the first broken row if not intact."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(checked: int) -> None:
            self.stderr.write(f"  checked {checked:,} events…")

        report = verify_chain(progress_every=50_000, on_progress=progress)
        if report.first_break is None:
            self.stdout.write(
                self.style.SUCCESS(f"Access log intact: {report.checked:,} events verified.")
            )
            return
        broken = report.first_break
        raise CommandError(
            f"Access log chain broken at event id {broken.event_id}: {broken.problem}. "
            f"{report.checked:,} events before it verified.",
            returncode=1,
        )
