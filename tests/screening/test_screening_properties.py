"""Properties of the engine that must hold for any screening, checked with hypothesis."""

from __future__ import annotations

import copy

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cehub.screening.engine import Answer, ChildFacts, ScreeningInput, Tool, score
from cehub.screening.registry import BUILTIN_TOOLS_DIR, tool_from_mapping

_DATA = yaml.safe_load((BUILTIN_TOOLS_DIR / "cehub-default-v1.yaml").read_text("utf-8"))


def _variant(**scoring: object) -> Tool:
    data = copy.deepcopy(_DATA)
    data["scoring"].update(scoring)
    return tool_from_mapping(data, "<variant>")


# The shipped tool, and the same tool declining to score suspected indicators: the
# property must hold whatever a partnership decides.
TOOLS = [tool_from_mapping(_DATA, "shipped"), _variant(count_suspected=False)]
INDICATOR_IDS = sorted(TOOLS[0].indicators)

children = st.builds(
    ChildFacts,
    age=st.none() | st.integers(min_value=0, max_value=25),
    learning_disability=st.booleans(),
    disclosure=st.booleans(),
)


WHEN = ["current", "previous"]


@st.composite
def screening_and_extra(draw: st.DrawFn) -> tuple[ScreeningInput, Answer]:
    """A screening, and one more answer for an indicator it does not already have."""
    ids = draw(st.lists(st.sampled_from(INDICATOR_IDS), unique=True, max_size=30))
    extra_id = draw(st.sampled_from([i for i in INDICATOR_IDS if i not in ids]))
    answers = [Answer(i, draw(st.sampled_from(WHEN)), draw(st.booleans())) for i in ids]
    extra = Answer(extra_id, draw(st.sampled_from(WHEN)), draw(st.booleans()))
    return ScreeningInput(tuple(answers), draw(children)), extra


common = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("tool", TOOLS, ids=["shipped", "suspected-not-scored"])
@common
@given(case=screening_and_extra(), position=st.integers(min_value=0, max_value=30))
def test_adding_an_indicator_never_lowers_the_level_or_the_score(tool, case, position):
    base, extra = case
    answers = list(base.answers)
    answers.insert(min(position, len(answers)), extra)

    before = score(tool, base)
    after = score(tool, ScreeningInput(tuple(answers), base.child))

    assert tool.level_rank(after.computed_level) >= tool.level_rank(before.computed_level)
    assert after.score >= before.score


@pytest.mark.parametrize("tool", TOOLS, ids=["shipped", "suspected-not-scored"])
@common
@given(case=screening_and_extra())
def test_result_is_consistent(tool, case):
    screening, _ = case
    result = score(tool, screening)

    assert result.computed_level in tool.levels
    assert tool.level_rank(result.computed_level) >= tool.level_rank(result.band_level)
    assert result.score == sum(
        getattr(r, "points", 0) for r in result.reasons if r.kind == "indicator"
    )
    assert tool.band_for(result.score).level == result.band_level


@common
@given(case=screening_and_extra())
def test_disclosure_is_always_high(case):
    screening, _ = case
    disclosed = ChildFacts(screening.child.age, screening.child.learning_disability, True)

    result = score(TOOLS[0], ScreeningInput(screening.answers, disclosed))

    assert result.computed_level == "high"


@common
@given(case=screening_and_extra())
def test_answer_order_does_not_change_the_outcome(case):
    screening, _ = case
    reordered = ScreeningInput(tuple(reversed(screening.answers)), screening.child)

    a, b = score(TOOLS[0], screening), score(TOOLS[0], reordered)

    assert (a.computed_level, a.score) == (b.computed_level, b.score)
