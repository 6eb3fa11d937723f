"""The screening engine: a tool definition plus answers and child facts give a level.

Pure and typed: standard library only, no Django, no database, no I/O. Tool files are
read and schema-checked by :mod:`cehub.screening.registry`, which hands the parsed data to
:meth:`Tool.from_definition` for the semantic checks done here.

Scoring (every number comes from the tool, none from this code):

1. Each answer scores the points of its indicator's tier for its recency window (or the
   indicator's own points); a suspected answer scores 0 if the tool says
   ``count_suspected: false``.
2. The total falls in exactly one band, which gives the band level.
3. Each override whose conditions all hold sets a minimum level; the computed level is the
   highest of the band level and those minimums.

Points are never negative, bands rise with the score and overrides only raise, so adding
an answer can never lower the score or the level.

The only child facts the engine accepts are age, learning disability and disclosure.
Protected characteristics (ethnicity, sex, religion, ...) are refused by name.
"""

from __future__ import annotations

from .inputs import (
    CHILD_FACT_KEYS,
    MAX_CHILD_AGE,
    Answer,
    ChildFacts,
    ScreeningInput,
    is_protected_characteristic,
)
from .reasons import BandReason, IndicatorReason, OverrideReason, Reason, ScreeningResult
from .scoring import score
from .tool import (
    Band,
    Domain,
    Form,
    Indicator,
    IndicatorCondition,
    LevelDetail,
    OverrideCondition,
    OverrideRule,
    Recency,
    Tier,
    Tool,
)

__all__ = [
    "CHILD_FACT_KEYS",
    "MAX_CHILD_AGE",
    "Answer",
    "Band",
    "BandReason",
    "ChildFacts",
    "Domain",
    "Form",
    "Indicator",
    "IndicatorCondition",
    "IndicatorReason",
    "LevelDetail",
    "OverrideCondition",
    "OverrideReason",
    "OverrideRule",
    "Reason",
    "Recency",
    "ScreeningInput",
    "ScreeningResult",
    "Tier",
    "Tool",
    "is_protected_characteristic",
    "score",
]
