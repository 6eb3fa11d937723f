"""Settings for the test suite: the one settings module, in its ``test`` environment."""

import os

os.environ["CEHUB_ENVIRONMENT"] = "test"
os.environ.setdefault("CEHUB_DEMO", "false")

from config.settings import *  # noqa: F403
