"""Cross-reference checks on a tool definition that a JSON Schema cannot express."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any


def _duplicates(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    repeated: list[str] = []
    for item in ids:
        if item in seen and item not in repeated:
            repeated.append(item)
        seen.add(item)
    return repeated


def definition_problems(data: Mapping[str, Any]) -> list[str]:
    """Cross-reference checks a JSON Schema cannot express. Returns every problem found."""
    problems: list[str] = []
    levels: list[str] = list(data["levels"])
    level_set = set(levels)

    details = set(data["level_details"])
    if missing := [level for level in levels if level not in details]:
        problems.append(f"level_details: no entry for level(s) {', '.join(missing)}")
    if extra := sorted(details - level_set):
        problems.append(f"level_details: {', '.join(extra)} not in levels")
    problems.extend(_case_threshold_problems(data["level_details"], levels))

    for section in ("recency", "tiers", "forms", "domains", "indicators", "overrides"):
        for repeated in _duplicates(item["id"] for item in data[section]):
            problems.append(f"{section}: id {repeated!r} is used more than once")

    recency_ids = [window["id"] for window in data["recency"]]
    previous_end = 0
    for window in data["recency"]:
        if window["from_months"] >= window["to_months"]:
            problems.append(f"recency {window['id']!r}: from_months must be less than to_months")
        if window["from_months"] < previous_end:
            problems.append(
                f"recency {window['id']!r}: overlaps the window before it "
                "(list windows most recent first)"
            )
        previous_end = window["to_months"]

    def check_points(points: Mapping[str, int], where: str) -> None:
        if missing := [r for r in recency_ids if r not in points]:
            problems.append(f"{where}: no points for recency {', '.join(missing)}")
        if extra := sorted(set(points) - set(recency_ids)):
            problems.append(f"{where}: points for unknown recency {', '.join(extra)}")

    for tier in data["tiers"]:
        check_points(tier["points"], f"tier {tier['id']!r}")

    tier_ids = {tier["id"] for tier in data["tiers"]}
    form_ids = {form["id"] for form in data["forms"]}
    domain_ids = {domain["id"] for domain in data["domains"]}
    indicator_ids = {indicator["id"] for indicator in data["indicators"]}
    used_domains: set[str] = set()
    for indicator in data["indicators"]:
        where = f"indicator {indicator['id']!r}"
        used_domains.add(indicator["domain"])
        if indicator["domain"] not in domain_ids:
            problems.append(f"{where}: unknown domain {indicator['domain']!r}")
        if indicator["tier"] not in tier_ids:
            problems.append(f"{where}: unknown tier {indicator['tier']!r}")
        if unknown := [form for form in indicator["forms"] if form not in form_ids]:
            problems.append(f"{where}: unknown form(s) {', '.join(unknown)}")
        if "points" in indicator:
            check_points(indicator["points"], where)
    for domain in data["domains"]:
        if domain["id"] not in used_domains:
            problems.append(f"domain {domain['id']!r} has no indicators")

    problems.extend(_band_problems(data["bands"], levels))

    references = {
        "forms_any": form_ids,
        "tiers_any": tier_ids,
        "domains_any": domain_ids,
        "indicators_any": indicator_ids,
        "when_any": set(recency_ids),
    }
    for rule in data["overrides"]:
        where = f"override {rule['id']!r}"
        if rule["minimum_level"] not in level_set:
            problems.append(f"{where}: unknown minimum_level {rule['minimum_level']!r}")
        when = rule["when"]
        low, high = when.get("age_at_least"), when.get("age_at_most")
        if low is not None and high is not None and low > high:
            problems.append(f"{where}: age_at_least is greater than age_at_most")
        for key, known in references.items():
            if unknown := [v for v in when.get("indicators", {}).get(key, []) if v not in known]:
                problems.append(f"{where}: {key} names unknown {', '.join(unknown)}")
    return problems


def _band_problems(bands: Sequence[Mapping[str, Any]], levels: Sequence[str]) -> list[str]:
    problems: list[str] = []
    expected_min: int | None = 0
    previous_rank = -1
    for index, band in enumerate(bands):
        where = f"band {index + 1} ({band['level']})"
        last = index == len(bands) - 1
        if band["level"] not in levels:
            problems.append(f"{where}: unknown level {band['level']!r}")
        else:
            rank = levels.index(band["level"])
            if rank <= previous_rank:
                problems.append(f"{where}: bands must rise through the levels in order")
            previous_rank = rank
        if expected_min is not None and band["min"] != expected_min:
            start = "start at 0" if index == 0 else f"start at {expected_min}"
            problems.append(f"{where}: must {start} so that bands are contiguous")
        if band["max"] is None:
            if not last:
                problems.append(f"{where}: only the last band may be open-ended (max null)")
            expected_min = None
        else:
            if band["max"] < band["min"]:
                problems.append(f"{where}: max is less than min")
            if last:
                problems.append(f"{where}: the last band must be open-ended (max null)")
            expected_min = band["max"] + 1
    return problems


def _case_threshold_problems(details: Mapping[str, Any], levels: Sequence[str]) -> list[str]:
    """A case opens from one level upwards: more risk never means less hub involvement."""
    opening = [level for level in levels if level in details and details[level]["opens_case"]]
    if not opening:
        return []
    threshold = levels.index(opening[0])
    if below := [
        level
        for level in levels[threshold + 1 :]
        if level in details and not details[level]["opens_case"]
    ]:
        return [
            f"level_details: {', '.join(below)} must open a hub case, because the lower level "
            f"{opening[0]} does (opens_case: true from one level upwards)"
        ]
    return []
