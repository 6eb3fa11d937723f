"""Load the synthetic demo partnership (demo mode only). Safe to run repeatedly."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cehub.demo.personas import PERSONAS
from cehub.demo.services import DemoModeRequiredError, seed_demo_partnership


class Command(BaseCommand):
    help = "Load the synthetic demo partnership and its personas (demo mode only)."
    # ``make run`` calls this on every start, and the server it starts runs the checks.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=float,
            default=None,
            help="Size of the partnership's records, 1 = about 400 children (default: the "
            "CEHUB_DEMO_SCALE setting, or 1; 0.05 under test). Only the first load uses it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scale = options["scale"] or settings.CEHUB_DEMO_SCALE
        try:
            summary = seed_demo_partnership(
                var_dir=settings.VAR_DIR, scale=scale, progress=self._progress
            )
        except DemoModeRequiredError as error:
            raise CommandError(str(error)) from error
        except ValueError as error:  # a scale of 0 or less
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Demo partnership ready: {summary.agencies} agencies, "
            f"{summary.users_created} new personas."
        )
        data = summary.data
        if data is None:
            self.stdout.write("Demo records already loaded.")
        else:
            self.stdout.write(
                f"Demo records loaded in {data.seconds:.0f} s: {data.children} children, "
                f"{data.adults} adults, {data.places} places, {data.vehicles} vehicles, "
                f"{data.phones} phones, {data.accounts} online accounts, {data.concerns} "
                f"concerns, {data.intelligence} partner information items, {data.screenings} "
                f"screenings, {data.cases} cases, {data.safety_plans} safety plans, "
                f"{data.missing_episodes} missing episodes, {data.disruptions} disruption "
                f"actions, {data.nrm_referrals} NRM referrals, {data.case_notes} case notes, "
                f"{data.kept_wording} kept-wording counts for the language report (all "
                f"synthetic, dated across the last 18 months)."
            )
        self.stdout.write("Demo logins (all synthetic):")
        for persona in PERSONAS:
            self.stdout.write(f"  {persona.role.label:<22} {persona.email}")
        self.stdout.write(f"  Password for all: {summary.password}")

    def _progress(self, stage: str, done: int, total: int) -> None:
        """One line per stage: rewritten in place on a terminal, written once when done else."""
        line = f"{stage}… {done}/{total}"
        if self.stdout.isatty():
            ending = "\n" if done == total else ""
            self.stdout.write(f"\r{line}", ending=ending)
            self.stdout.flush()
        elif done == total:
            self.stdout.write(line)
