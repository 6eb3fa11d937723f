"""Who writes to the hub in the demo partnership: a plausible author for each report.

Authors are picked by tag, the kind of professional (``agencies.yaml``: "school", "police",
"missing", ...); the referrer persona writes some of Riverside Academy's concerns, so the
persona's "My submissions" page has history.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from cehub.core.roles import AgencyKind
from cehub.intake.models import ExploitationForm

from .. import catalogue as cat
from ..datafiles import DemoDataError
from ..draws import weighted
from ..personas import REFERRER
from .specs import ChildSpec, ProfessionalSpec

# The kind of agency each author tag works in; a tag outside the pool (the hub's) is "other".
_KIND_OF_TAG = {agency.tag: agency.kind for agency in cat.POOL}
if _mixed := sorted({a.tag for a in cat.POOL if a.kind != _KIND_OF_TAG[a.tag]}):
    raise DemoDataError(f"agencies.yaml: pool: the tags {_mixed} name more than one kind")


def kind_of(tag: str) -> AgencyKind:
    return _KIND_OF_TAG.get(tag, AgencyKind.OTHER)


class Authors:
    """The plan's professionals, by tag."""

    def __init__(self, rng: random.Random, professionals: Sequence[ProfessionalSpec]) -> None:
        self.rng = rng
        self.by_tag: dict[str, list[ProfessionalSpec]] = {}
        for professional in professionals:
            self.by_tag.setdefault(professional.tag, []).append(professional)

    def author_for(self, tag: str) -> ProfessionalSpec:
        return self.rng.choice(self.by_tag.get(tag) or self.by_tag["police"])

    def author_of(self, tag: str) -> tuple[str, str]:
        """(email, tag) of someone with this tag."""
        author = self.author_for(tag)
        return author.email, author.tag

    def concern_author(self, child: ChildSpec, tags: Sequence[str] = ()) -> tuple[str, str]:
        """(email, author tag) for someone who plausibly writes a concern about this child."""
        rng = self.rng
        if tags:
            tag = rng.choice(list(tags))
        elif child.children_home is not None and rng.random() < 0.4:
            tag = "care-home"
        else:
            tag = weighted(
                rng,
                (
                    ("school", 0.31),
                    ("police", 0.14),
                    ("missing", 0.05),
                    ("social-care", 0.12),
                    ("hospital", 0.05),
                    ("sexual-health", 0.03 if child.form == ExploitationForm.CSE else 0.0),
                    ("school-nurse", 0.05),
                    ("youth-justice", 0.07),
                    ("voluntary", 0.12),
                ),
            )
        if tag == "school":
            # The referrer persona shares Riverside's concerns with two pastoral colleagues.
            if child.school.name == "Riverside Academy" and rng.random() < 0.1:
                return REFERRER, tag
            staff = [p for p in self.by_tag.get(tag, []) if p.agency == child.school.name]
            if staff:
                return rng.choice(staff).email, tag
            tag = "social-care"
        return self.author_for(tag).email, tag
