"""Load the synthetic demo partnership (demo mode only). Safe to run repeatedly."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cehub.demo.personas import PERSONAS
from cehub.demo.services import DemoModeRequiredError, seed_demo_partnership


class Command(BaseCommand):
    help = "Load the synthetic demo partnership and its personas (demo mode only)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = seed_demo_partnership(var_dir=settings.VAR_DIR)
        except DemoModeRequiredError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Demo partnership ready: {summary.agencies} agencies, "
            f"{summary.users_created} new personas."
        )
        self.stdout.write("Demo logins (all synthetic):")
        for persona in PERSONAS:
            self.stdout.write(f"  {persona.role.label:<22} {persona.email}")
        self.stdout.write(f"  Password for all: {summary.password}")
