"""The managers' report in words and shapes: plain-English names, and the trend chart's layout.

Everything here is pure (no Django, no database) so the chart's maths can be tested alone.
The template ``language/_trend_chart.svg.html`` only draws what ``layout_trend_chart`` placed.
The strict CSP allows no ``style``, so colours and patterns are SVG presentation attributes;
every category has its own pattern as well as its own colour, so none depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .loader import CATEGORIES, Rule

# The categories as a manager would say them (the rules file and loader hold only the keys).
CATEGORY_LABELS: Mapping[str, str] = {
    "blames_child": "Blames the child",
    "implies_consent": "Implies the child consented",
    "minimises_harm": "Minimises harm",
    "criminalising_or_outdated": "Criminalising or outdated term",
    "at_risk_after_harm": "Says 'at risk' after harm",
}

# The forms' own names for the fields that record kept wording (see the services' calls to
# kept_wording_record); anything else is spelled out from its code.
FIELD_LABELS: Mapping[str, str] = {
    "concern.what_happened": "Concern: what happened",
    "concern.child_words": "Concern: the child's words",
    "concern.immediate_action_taken": "Concern: action already taken",
    "concern.no_consent_reason": "Concern: why there is no consent",
    "concern.next_step_reason": "Triage: reason for the next step",
    "intelligence.information": "Partner information",
    "involvement.description": "Concern or partner information: people described",
    "grading.rationale": "Intelligence grading: rationale",
    "grading.handling_conditions": "Intelligence grading: handling conditions",
    "sharing.information": "Sharing decision: information shared",
    "sharing.rationale": "Sharing decision: rationale",
    "screening.evidence": "Screening: evidence",
    "screening.rationale": "Screening: rationale",
    "screening.advice_given": "Screening: advice given",
    "screening.decision_note": "Screening: the manager's decision note",
    "safety_plan.danger_statement": "Safety plan: danger statement",
    "safety_plan.safety_goal": "Safety plan: safety goal",
    "safety_plan.child_words": "Safety plan: the child's words",
    "safety_plan.trusted_adults": "Safety plan: trusted adults",
    "safety_plan.safe_places": "Safety plan: safe places",
    "safety_plan.strategies": "Safety plan: strategies",
    "meeting.discussion": "Meeting: discussion",
    "meeting.decisions": "Meeting: decisions",
    "meeting.correction": "Meeting: correction to the minutes",
    "action.outcome": "Meeting action: outcome",
    "case.closure_reason": "Case: reason for closing",
    "case_note.text": "Case note",
    "case_note.correction_reason": "Case note: reason for a correction",
    "missing.harm_disclosed": "Missing episode: harm disclosed",
    "missing.interview_summary": "Return interview: summary",
    "disruption.description": "Disruption: what was done",
    "disruption.outcome": "Disruption: outcome",
    "break_glass.reason": "Emergency access: reason",
    "break_glass.review_note": "Emergency access review: note",
}

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def humanise(code: str) -> str:
    """``putting-themselves-at-risk`` → ``Putting themselves at risk``."""
    words = " ".join(code.replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:]


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category) or humanise(category)


def field_label(field: str) -> str:
    if field in FIELD_LABELS:
        return FIELD_LABELS[field]
    record, _, name = field.partition(".")
    return f"{humanise(record)}: {humanise(name).lower()}" if name else humanise(record)


@dataclass(frozen=True)
class RuleSummary:
    name: str
    suggestion: str


def rule_summaries(rules: Iterable[Rule]) -> dict[str, RuleSummary]:
    """A short name for each rule (its id, spelled out) and its first suggested wording."""
    return {
        rule.id: RuleSummary(humanise(rule.id), rule.suggestions[0] if rule.suggestions else "")
        for rule in rules
    }


def report_categories(found: Iterable[str]) -> list[str]:
    """The rules' categories in their usual order, then any others found in the data.

    Rows outlive rules files: a category a later file drops must still be counted.
    """
    extra = sorted(set(found) - set(CATEGORIES))
    return [*CATEGORIES, *extra]


def month_label(month: date) -> str:
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def add_months(month: date, count: int) -> date:
    """The first day of the month ``count`` months after (or before) ``month``'s."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_sequence(last: date, count: int) -> list[date]:
    """The first days of the ``count`` months ending with ``last``'s month, oldest first."""
    last = last.replace(day=1)
    return [add_months(last, offset) for offset in range(1 - count, 1)]


# --- Scale --------------------------------------------------------------------------------


def nice_scale(max_value: int, *, intervals: int = 4) -> tuple[int, int]:
    """The axis top and gridline step: steps of 1, 2 or 5 × 10ⁿ, at most ``intervals`` of them.

    Counts are whole numbers, so the step is never below 1. An empty chart gets a 0–1 axis.
    """
    if max_value <= 0:
        return 1, 1
    exponent = 0
    while True:
        for multiple in (1, 2, 5):
            step = multiple * 10**exponent
            if step * intervals >= max_value:
                return -(-max_value // step) * step, step
        exponent += 1


def format_count(value: int) -> str:
    return f"{value:,}"


# --- Layout -------------------------------------------------------------------------------

WIDTH = 720
PLOT_HEIGHT = 220
TOP = 28  # room for the total above the tallest bar
BOTTOM = 62  # three lines under each bar: month, year, "so far"
RIGHT = 16
FONT_SIZE = 14
CHAR_WIDTH = 8  # a generous width of one digit of Arial at FONT_SIZE, for the axis margin
MAX_BAR_WIDTH = 64
BAR_SHARE = 0.6  # of each month's slot; the rest is the gap between bars
TEXT_COLOUR = "#0b0c0c"  # GOV.UK black
GRID_COLOUR = "#b1b4b6"  # GOV.UK mid-grey
MARK_COLOUR = "#ffffff"


@dataclass(frozen=True)
class PatternStyle:
    """A fill: a GOV.UK colour (at least 3:1 against white) with white marks on it."""

    colour: str
    name: str  # the marks in words, for the legend's hidden text
    path: str = ""
    stroke_width: float = 0
    dot_radius: float = 0


# Eight fills; a ninth category would reuse the first (the table still tells them apart).
PATTERN_STYLES: tuple[PatternStyle, ...] = (
    PatternStyle("#1d70b8", "solid"),  # blue
    PatternStyle("#ca357c", "diagonal stripes", "M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6", 2),
    PatternStyle("#158187", "dots", dot_radius=1.6),  # teal
    PatternStyle("#54319f", "cross-hatching", "M0,0 L8,8 M8,0 L0,8", 1.5),  # purple
    PatternStyle("#b7592a", "horizontal stripes", "M0,4 L8,4", 2),  # orange, shade 25
    PatternStyle("#0f7a52", "vertical stripes", "M4,0 L4,8", 2),  # green
    PatternStyle("#99704a", "reverse diagonal stripes", "M-2,6 L2,10 M0,0 L8,8 M6,-2 L10,2", 2),
    PatternStyle("#505a5f", "grid", "M0,4 L8,4 M4,0 L4,8", 1),  # dark grey
)
PATTERN_SIZE = 8


@dataclass(frozen=True)
class Pattern:
    id: str
    style: PatternStyle


@dataclass(frozen=True)
class Segment:
    x: float
    y: float
    width: float
    height: float
    pattern_id: str
    category: str
    count: int


@dataclass(frozen=True)
class Bar:
    month: date
    x: float
    width: float
    centre: float
    segments: tuple[Segment, ...]
    total: int
    total_label: str
    total_y: float
    lines: tuple[tuple[str, float], ...]  # text under the bar and its baseline


@dataclass(frozen=True)
class Tick:
    value: int
    label: str
    y: float


@dataclass(frozen=True)
class LegendItem:
    category: str
    label: str
    pattern_id: str
    marks: str
    total: int


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    baseline: float
    axis_max: int
    step: int
    ticks: tuple[Tick, ...]
    bars: tuple[Bar, ...]
    patterns: tuple[Pattern, ...]
    legend: tuple[LegendItem, ...]
    title: str
    description: str
    total: int
    id_prefix: str
    font_size: int = FONT_SIZE
    text_colour: str = TEXT_COLOUR
    grid_colour: str = GRID_COLOUR
    mark_colour: str = MARK_COLOUR
    pattern_size: int = PATTERN_SIZE

    @property
    def empty(self) -> bool:
        return self.total == 0

    @property
    def axis_label_x(self) -> float:
        return self.plot_left - 8

    @property
    def message_x(self) -> float:
        return round((self.plot_left + self.plot_right) / 2, 2)

    @property
    def message_y(self) -> float:
        return round(self.plot_top + PLOT_HEIGHT / 2, 2)


def _round(value: float) -> float:
    return round(value, 2)


def period_label(months: Sequence[date]) -> str:
    if not months:
        return "no months"
    if len(months) == 1:
        return month_label(months[0])
    return f"{month_label(months[0])} to {month_label(months[-1])}"


def layout_trend_chart(
    *,
    months: Sequence[date],
    categories: Sequence[str],
    counts: Sequence[Sequence[int]],
    partial_last: bool = False,
    id_prefix: str = "trend",
) -> TrendChart:
    """Place a stacked bar per month (one segment per category with a count), oldest first.

    ``counts[i][j]`` is month ``i``'s count for category ``j``. ``partial_last`` marks the
    last month as still running ("so far") in its label and in the description.
    """
    if len(counts) != len(months):
        raise ValueError(f"{len(months)} months but {len(counts)} rows of counts")
    for row in counts:
        if len(row) != len(categories):
            raise ValueError(f"{len(categories)} categories but a row of {len(row)} counts")
        if any(value < 0 for value in row):
            raise ValueError("counts cannot be negative")
    totals = [sum(row) for row in counts]
    axis_max, step = nice_scale(max(totals, default=0))
    tick_values = list(range(0, axis_max + 1, step))
    longest = max(len(format_count(value)) for value in tick_values)
    left = float(max(40, 16 + CHAR_WIDTH * longest))
    right = float(WIDTH - RIGHT)
    baseline = float(TOP + PLOT_HEIGHT)
    scale = PLOT_HEIGHT / axis_max
    ticks = tuple(
        Tick(value, format_count(value), _round(baseline - value * scale)) for value in tick_values
    )
    patterns = tuple(
        Pattern(f"{id_prefix}-pattern-{index}", PATTERN_STYLES[index % len(PATTERN_STYLES)])
        for index in range(len(categories))
    )
    slot = (right - left) / len(months) if months else 0.0
    bar_width = min(slot * BAR_SHARE, MAX_BAR_WIDTH)
    bars = []
    for index, (month, row) in enumerate(zip(months, counts, strict=True)):
        x = left + index * slot + (slot - bar_width) / 2
        stacked = 0.0
        segments = []
        for category_index, value in enumerate(row):
            if not value:
                continue
            height = value * scale
            segments.append(
                Segment(
                    x=_round(x),
                    y=_round(baseline - stacked - height),
                    width=_round(bar_width),
                    height=_round(height),
                    pattern_id=patterns[category_index].id,
                    category=categories[category_index],
                    count=value,
                )
            )
            stacked += height
        last = index == len(months) - 1
        # The month; its year under the first bar and each January; "so far" if still running.
        words = [MONTH_NAMES[month.month - 1][:3]]
        if index == 0 or month.month == 1:
            words.append(str(month.year))
        if last and partial_last:
            words.append("so far")
        lines = tuple((word, _round(baseline + 20 + 16 * line)) for line, word in enumerate(words))
        bars.append(
            Bar(
                month=month,
                x=_round(x),
                width=_round(bar_width),
                centre=_round(x + bar_width / 2),
                segments=tuple(segments),
                total=totals[index],
                total_label=format_count(totals[index]),
                total_y=_round(baseline - stacked - 6),
                lines=lines,
            )
        )
    category_totals = [sum(row[j] for row in counts) for j in range(len(categories))]
    legend = tuple(
        LegendItem(
            category=category,
            label=category_label(category),
            pattern_id=patterns[j].id,
            marks=patterns[j].style.name,
            total=category_totals[j],
        )
        for j, category in enumerate(categories)
    )
    return TrendChart(
        width=WIDTH,
        height=TOP + PLOT_HEIGHT + BOTTOM,
        plot_left=left,
        plot_right=right,
        plot_top=float(TOP),
        baseline=baseline,
        axis_max=axis_max,
        step=step,
        ticks=ticks,
        bars=tuple(bars),
        patterns=patterns,
        legend=legend,
        title=f"Kept findings per month by kind of wording, {period_label(months)}",
        description=describe_trend(
            months=months,
            totals=totals,
            partial_last=partial_last,
            by_category=[(item.label, item.total) for item in legend],
        ),
        total=sum(totals),
        id_prefix=id_prefix,
    )


def _times(count: int) -> str:
    return f"{format_count(count)} kept finding{'' if count == 1 else 's'}"


def describe_trend(
    *,
    months: Sequence[date],
    totals: Sequence[int],
    partial_last: bool = False,
    by_category: Sequence[tuple[str, int]] = (),
) -> str:
    """The chart in words, e.g. "Kept findings fell from 14 in June 2025 to 3 in November
    2025 (so far). The most in one month was 20, in August 2025. 87 in all; the kind kept
    most often was Blames the child (40)."
    """
    if not months:
        return "There are no months to show."
    total = sum(totals)
    if total == 0:
        return f"No flagged wording was kept in {period_label(months)}."
    so_far = " (so far)" if partial_last else ""
    first, last = totals[0], totals[-1]
    first_month, last_month = month_label(months[0]), month_label(months[-1])
    if len(months) == 1:
        sentences = [f"{_times(total)} in {first_month}{so_far}."]
    else:
        if last > first:
            change = f"Kept findings rose from {format_count(first)} in {first_month} to"
        elif last < first:
            change = f"Kept findings fell from {format_count(first)} in {first_month} to"
        else:
            change = f"Kept findings were {format_count(first)} in {first_month} and"
        sentences = [f"{change} {format_count(last)} in {last_month}{so_far}."]
        peak = max(totals)
        if peak > max(first, last):
            peak_month = month_label(months[list(totals).index(peak)])
            sentences.append(f"The most in one month was {format_count(peak)}, in {peak_month}.")
        sentences.append(f"{format_count(total)} in all.")
    ranked = sorted(
        ((count, -index, label) for index, (label, count) in enumerate(by_category) if count),
        reverse=True,
    )
    if ranked:
        count, _, label = ranked[0]
        sentences.append(f"The kind kept most often was {label} ({format_count(count)}).")
    return " ".join(sentences)
