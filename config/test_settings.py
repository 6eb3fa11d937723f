"""Settings for the test suite: the one settings module, in its ``test`` environment."""

import os

os.environ["CEHUB_ENVIRONMENT"] = "test"
os.environ.setdefault("CEHUB_DEMO", "false")

from config.settings import *  # noqa: F403

# One test database per test run, so parallel runs on one machine (or one embedded server)
# never trip over each other; the runner drops it at the end.
DATABASES["default"]["TEST"] = {"NAME": f"test_cehub_{os.getpid()}"}  # noqa: F405
