"""Triage in the demo partnership: how far the hub got with each concern by the moment of loading.

Each step (linking the child, the sharing decision, the next step) is timed in the hub's hours,
before the moment of loading, so the triage queue shows every deadline state.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from cehub.intake.models import (
    Awareness,
    ConsentStatus,
    ExploitationForm,
    LawfulBasis,
    NextStep,
    SharingOutcome,
)
from cehub.intake.triage.services import SharingDecisionInput

from .. import catalogue as cat
from .. import narratives as text
from ..draws import HubHours, weighted
from ..personas import HUB_MANAGER, HUB_PRACTITIONER
from .specs import TriagePlan

# Who triages: mostly the social care hub team (the demo practitioner and manager), but also
# hub colleagues in other teams, so some children have no relationship with the persona's team.
TRIAGERS: tuple[tuple[str, float], ...] = (
    (HUB_PRACTITIONER, 0.5),
    (HUB_MANAGER, 0.15),
    (cat.HUB_COLLEAGUES[0].email, 0.2),
    (cat.HUB_COLLEAGUES[1].email, 0.15),
)


@dataclass(kw_only=True)
class TriagePlanner:
    """How far triage of each concern got, and what it decided."""

    rng: random.Random
    hours: HubHours
    now: datetime

    def sharing_decision(
        self, form: ExploitationForm, consent: Awareness, voice: text.Voice, clear: bool
    ) -> SharingDecisionInput:
        """Share, usually; a decision not to share (also recorded) only when harm is unclear."""
        rng = self.rng
        if rng.random() < 0.25 and not clear:
            return SharingDecisionInput(
                outcome=SharingOutcome.NOT_SHARE,
                purpose=rng.choice(text.SHARE_PURPOSES),
                lawful_basis=LawfulBasis.NONE_NEEDED,
                consent_status=ConsentStatus.NOT_NEEDED,
                rationale=rng.choice(text.NOT_SHARE_RATIONALES),
            )
        if consent == Awareness.YES:
            basis = rng.choice((LawfulBasis.CONSENT, LawfulBasis.PUBLIC_TASK))
            consent_status = ConsentStatus.GIVEN
            rationale = text.SHARE_RATIONALES.agreed
        else:
            basis = rng.choice(
                (LawfulBasis.PUBLIC_TASK, LawfulBasis.SAFEGUARDING, LawfulBasis.LAW_ENFORCEMENT)
            )
            consent_status = rng.choice(
                (ConsentStatus.NOT_SOUGHT_RISK, ConsentStatus.NOT_SOUGHT_OTHER)
                if consent == Awareness.NO
                else (ConsentStatus.NOT_SOUGHT_RISK, ConsentStatus.REFUSED)
            )
            why = text.SHARE_RATIONALES
            rationale = rng.choice(
                (why.exploited, why.what_each_needs, why.serious_harm)
                if clear
                else (why.unclear, why.what_each_needs)
            )
        return SharingDecisionInput(
            outcome=SharingOutcome.SHARE,
            purpose=rng.choice(text.SHARE_PURPOSES),
            lawful_basis=basis,
            consent_status=consent_status,
            rationale=text.fill(rationale, voice),
            recipients=rng.choice(text.SHARE_RECIPIENTS[form]),
            information=rng.choice(text.SHARE_INFORMATION),
        )

    def plan(
        self,
        at: datetime,
        state: str,
        *,
        form: ExploitationForm,
        consent: Awareness,
        voice: text.Voice,
        clear: bool,
    ) -> TriagePlan | None:
        """How far triage got by now; every step happens before the moment of loading."""
        if state == "none":
            return None
        rng = self.rng
        triager = weighted(rng, TRIAGERS)
        limit = self.now - at - timedelta(minutes=10)
        link = min(timedelta(minutes=rng.randint(15, 4 * 60)), limit * 0.3)
        link = self.hours.working_time(at, link, limit * 0.4, duty=True)
        if state == "linked":
            return TriagePlan(triager, link_after=link)
        late = rng.random() < 0.08 and limit > timedelta(days=3)
        gap = (
            timedelta(hours=rng.uniform(26, 60)) if late else timedelta(hours=rng.uniform(0.25, 5))
        )
        decision_after = min(link + gap, link + (limit - link) * 0.5)
        decision_after = max(
            link, self.hours.working_time(at, decision_after, limit * 0.6, duty=True)
        )
        decision = self.sharing_decision(form, consent, voice, clear)
        if state == "decided":
            return TriagePlan(triager, link, decision_after, decision)
        next_after = min(
            decision_after + timedelta(hours=rng.uniform(0.5, 72)),
            decision_after + (limit - decision_after) * 0.8,
        )
        next_after = max(decision_after, self.hours.working_time(at, next_after, limit, duty=False))
        step = weighted(
            rng,
            (
                (NextStep.SCREEN, 0.95 if clear else 0.45),
                (NextStep.NO_FURTHER_ACTION, 0.05 if clear else 0.25),
                (NextStep.SIGNPOST, 0.0 if clear else 0.3),
            ),
        )
        if step == NextStep.NO_FURTHER_ACTION:
            reason = (
                text.NO_FURTHER_ACTION_CASE_OPEN
                if clear
                else rng.choice(text.NO_FURTHER_ACTION_REASONS)
            )
        elif step == NextStep.SIGNPOST:
            reason = rng.choice(text.SIGNPOST_REASONS)
        else:
            reason = ""
        return TriagePlan(triager, link, decision_after, decision, next_after, step, reason)
