"""The hub's work after triage, in the demo partnership: screenings, cases, safety plans,
missing episodes, National Referral Mechanism referrals, case notes and disruption.

``planner.py`` plans each child's story (``plan_casework``), with the parts in ``screening.py``,
``cases.py``, ``missing.py`` and ``notes.py`` sharing ``context.py``'s streams; ``steps.py`` says
what a story is made of; ``loader.py`` writes it through CE Hub's services.
"""

from .loader import CaseworkLoader
from .planner import plan_casework
from .steps import (
    AllocateStep,
    CaseNoteStep,
    Casework,
    CloseStep,
    DecideStep,
    NRMStep,
    SafetyPlanStep,
    ScreenStep,
)

__all__ = [
    "AllocateStep",
    "CaseNoteStep",
    "Casework",
    "CaseworkLoader",
    "CloseStep",
    "DecideStep",
    "NRMStep",
    "SafetyPlanStep",
    "ScreenStep",
    "plan_casework",
]
