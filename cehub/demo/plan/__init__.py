"""The demo partnership as a plan: who writes what about whom, and when. Pure Python.

``build.py`` builds it (the networks' stories, then the background) from the people, places and
things of ``population.py``, with the concerns, triage and partner information written by
``concerns.py``, ``triage.py`` and ``intelligence.py``; ``specs.py`` says what it is made of.
"""

from .build import build_plan
from .specs import DemoScale, Plan

__all__ = ["DemoScale", "Plan", "build_plan"]
