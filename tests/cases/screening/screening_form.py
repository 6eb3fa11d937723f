"""What the screening page tests post, and where: the form as a browser sends it.

Plain functions (test modules do not import conftest); the fixtures are in conftest.py.
"""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse

from cehub.people.models import Person
from cehub.screening.models import Screening
from cehub.screening.services import tool_get
from tests.html import text

TOOL = "cehub-default@1"
SIGNIFICANT = "missing-overnight"  # significant: 5 points now, and at least medium
SIGNIFICANT_LABEL = "Missing overnight or longer"
EVIDENCE = "Police found her in Leeds at 3am on 4 Nov"

type Ticked = dict[str, tuple[str, str, str]]


def moderate(count: int) -> list[str]:
    """Moderate indicators that fire no override: 1 point each."""
    tool = tool_get(TOOL)
    ids = [i.id for i in tool.indicators.values() if i.tier == "moderate" and "cse" not in i.forms]
    assert len(ids) >= count
    return ids[:count]


def medium() -> Ticked:
    return {SIGNIFICANT: ("current", "confirmed", EVIDENCE)}


def low() -> Ticked:
    return dict.fromkeys(moderate(7), ("current", "suspected", "Reported by school staff"))


def form_data(
    *,
    ticked: Ticked | None = None,
    disclosure: str = "no",
    final_level: str = "",
    rationale: str = "",
    advice: str = "",
    signposted: str = "",
    action: str = "record",
    tool: str = TOOL,
    concern: str = "",
) -> dict[str, Any]:
    ticked = ticked or {}
    data: dict[str, Any] = {
        "tool": tool,
        "concern": concern,
        "disclosure": disclosure,
        "indicators": list(ticked),
        "final_level": final_level,
        "rationale": rationale,
        "advice_given": advice,
        "signposted_to": signposted,
        "action": action,
    }
    for indicator, (when, confirmed, evidence) in ticked.items():
        data[f"{indicator}__when"] = when
        data[f"{indicator}__confirmed"] = confirmed
        data[f"{indicator}__evidence"] = evidence
    return data


def screen_url(person: Person | Any) -> str:
    return reverse("cases:screening_new", kwargs={"person_id": getattr(person, "pk", person)})


def preview_url(person: Person | Any) -> str:
    return reverse("cases:screening_preview", kwargs={"person_id": getattr(person, "pk", person)})


def detail_url(screening: Screening | Any) -> str:
    return reverse(
        "cases:screening_detail", kwargs={"screening_id": getattr(screening, "pk", screening)}
    )


def decide_url(screening: Screening) -> str:
    return reverse("cases:screening_decide", kwargs={"screening_id": screening.pk})


def field_error(response: Any, field_id: str) -> str:
    """The GOV.UK error message drawn next to one field."""
    match = re.search(
        rf'<p id="{re.escape(field_id)}-error" class="govuk-error-message">(.*?)</p>',
        response.content.decode(),
        re.DOTALL,
    )
    assert match, f"no error message for {field_id}"
    return text(match.group(1))
