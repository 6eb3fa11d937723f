"""Screenings in the demo's case work: ticked indicators that fit each child's concerns.

The level a story needs is reached with the screening tool's own scoring (``screening_compute``),
so the loader's screenings compute the same level; sometimes the assessor raises or lowers it,
and a hub manager decides whether a lower level stands.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from cehub.intake.models import ExploitationForm
from cehub.people.models import CareStatus
from cehub.screening.engine import ChildFacts, Tool
from cehub.screening.services import AnswerInput, screening_compute, tool_get

from .. import narratives as text
from ..draws import LONDON
from ..networks import NETWORK_BY_KEY, NETWORKS
from ..personas import PERSONAS
from ..plan.specs import ChildSpec, ConcernPlan
from .context import CaseworkContext, form_group
from .steps import LEVELS, ChildStory, DecideStep, ScreenStep, case_rank


class Screener:
    """Each screening in a story: the answers, the computed level and the assessor's."""

    def __init__(self, ctx: CaseworkContext) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.tool: Tool = tool_get()
        plan = ctx.plan
        self.authors = {p.email: (p.job_title, p.agency) for p in plan.professionals} | {
            p.email: (p.job_title, p.agency) for p in PERSONAS
        }
        self.vulnerabilities: dict[int, list[str]] = {}
        for network in NETWORKS:
            for sign in (*network.significant_signs, *network.moderate_signs):
                if sign not in self.tool.indicators:  # pragma: no cover - a tool edit
                    raise RuntimeError(f"The screening tool has no indicator {sign!r}")

    def screening(
        self,
        child: ChildSpec,
        at: datetime,
        target: int,
        assessor: str,
        concern: ConcernPlan | None,
        story: ChildStory,
    ) -> ScreenStep:
        rng = self.rng
        judgement = "same"
        roll = rng.random()
        if roll < 0.05 and target >= 1:
            judgement = "raise"
        elif roll < 0.1 and 1 <= target <= 2:
            judgement = "lower"
        build = (
            target - 1 if judgement == "raise" else target + 1 if judgement == "lower" else target
        )
        earlier = [s for s in story.steps if isinstance(s, ScreenStep)]
        answers, disclosure = self.answers(child, at, build, earlier)
        facts = ChildFacts(
            age=self.ctx.age(child),
            learning_disability=child.learning_disability,
            disclosure=disclosure,
        )
        computed = screening_compute(tool=self.tool, answers=answers, facts=facts).computed_level
        final, rationale = computed, ""
        rank = LEVELS.index(computed)
        if judgement == "raise" and rank < target:
            final = LEVELS[target]
            rationale = self.ctx.fill(rng.choice(text.RAISE_RATIONALES), child, level=final)
        elif judgement == "lower" and rank > target:
            final = LEVELS[target]
            rationale = self.ctx.fill(rng.choice(text.LOWER_RATIONALES), child, level=final)
        standing = computed if LEVELS.index(final) < rank else final
        advice = signposted = ""
        if not self.tool.opens_case(standing):
            advice = self.ctx.fill(rng.choice(text.ADVICE), child)
            signposts = text.SIGNPOSTS[form_group(child)]
            signposted = rng.choice(signposts) if rng.random() < 0.85 else ""
        return ScreenStep(
            at=at,
            assessor=assessor,
            answers=tuple(answers),
            disclosure=disclosure,
            computed=computed,
            final=final,
            rationale=rationale,
            advice=advice,
            signposted=signposted,
            concern=concern,
        )

    def answers(
        self, child: ChildSpec, at: datetime, level: int, earlier: list[ScreenStep]
    ) -> tuple[list[AnswerInput], bool]:
        """Ticked indicators that fit the child's concerns and give about ``level``."""
        rng, tool = self.rng, self.tool
        known = [c for c in self.ctx.by_child.get(child.key, []) if c.at <= at]
        forms = _tool_forms({f for c in known for f in c.submission.forms_suspected} | {child.form})
        if child.network:
            network = NETWORK_BY_KEY[child.network]
            significant, moderate = list(network.significant_signs), list(network.moderate_signs)
        else:
            significant, moderate = [], []
            for indicator in tool.indicators.values():
                if forms.isdisjoint(indicator.forms):
                    continue
                if indicator.tier == "significant":
                    significant.append(indicator.id)
                elif indicator.tier == "moderate":
                    moderate.append(indicator.id)
        young = self.ctx.age(child) <= 13 or child.learning_disability
        if level < case_rank() and young and not child.network:
            # Signs of sexual exploitation in a younger or disabled child mean at least medium.
            moderate = [m for m in moderate if "cse" not in tool.indicators[m].forms]
        vulnerabilities = self.child_vulnerabilities(child)
        ticked: list[tuple[str, str]] = []  # (indicator, when)
        if level == 0:
            wanted = rng.randint(0, max(0, 5 - len(vulnerabilities)))
            ticked += [(m, "current") for m in rng.sample(moderate, min(len(moderate), wanted))]
        elif level == 1:
            # Signs that were significant before and are older now (after work with the hub).
            before = {a.indicator for s in earlier for a in s.answers}
            older = [s for s in significant if s in before][:2]
            ticked += [(s, "previous") for s in older]
            wanted = rng.randint(6, 9) - len(vulnerabilities) - len(older)
            ticked += [
                (m, "current") for m in rng.sample(moderate, min(len(moderate), max(0, wanted)))
            ]
        else:
            n_significant = 1 if level == 2 else rng.choice((2, 3))
            picks = rng.sample(significant, min(len(significant), n_significant))
            ticked += [(s, "current") for s in picks]
            if level == 2:
                wanted = rng.randint(1, max(1, 10 - len(vulnerabilities)))
            else:
                wanted = max(0, 16 - 5 * len(picks) - len(vulnerabilities)) + rng.randint(0, 2)
            ticked += [(m, "current") for m in rng.sample(moderate, min(len(moderate), wanted))]
        form = NETWORK_BY_KEY[child.network].screening_form if child.network else None
        if form and not any(form in tool.indicators[i].forms for i, _ in ticked):
            # A network child's screening always shows the harm the network does.
            fitting = [m for m in moderate if form in tool.indicators[m].forms]
            ticked.append((rng.choice(fitting), "current"))
        ticked += [(v, "current") for v in vulnerabilities]
        disclosed = any(
            "disclosed" in c.submission.what_happened for c in known if at - c.at < timedelta(91)
        )
        answers = [self.answer(child, indicator, when, at, known) for indicator, when in ticked]
        return answers, level == 3 and disclosed

    def child_vulnerabilities(self, child: ChildSpec) -> list[str]:
        if child.key not in self.vulnerabilities:
            found = []
            if child.care_status == CareStatus.LOOKED_AFTER:
                found.append("care-experienced")
            if child.send:
                found.append("special-educational-needs")
            found += self.rng.sample(text.EXTRA_VULNERABILITIES, self.rng.choice((0, 1, 1, 2)))
            self.vulnerabilities[child.key] = found or ["no-protective-adult"]
        return self.vulnerabilities[child.key]

    def answer(
        self, child: ChildSpec, indicator: str, when: str, at: datetime, known: list[ConcernPlan]
    ) -> AnswerInput:
        rng = self.rng
        tier = self.tool.indicators[indicator].tier
        if tier == "vulnerability":
            evidence = self.ctx.fill(rng.choice(text.EVIDENCE_RECORDS), child)
            return AnswerInput(indicator=indicator, when=when, confirmed=True, evidence=evidence)
        recent = [c for c in known if at - c.at < timedelta(days=91)] or known[-1:]
        if when == "previous" or not recent:
            month = (at - timedelta(days=rng.randint(95, 170))).astimezone(LONDON)
            evidence = text.EVIDENCE_OLDER.format(month=f"{month:%B %Y}")
        elif rng.random() < 0.2:
            seen = (at - timedelta(days=rng.randint(2, 20))).astimezone(LONDON).date()
            evidence = self.ctx.fill(text.EVIDENCE_VISIT, child, date=_day_words(seen))
        else:
            source = rng.choice(recent)
            title, agency = self.authors.get(source.author, ("professional", "a partner agency"))
            article = "an" if title[0].lower() in "aeiou" else "a"
            evidence = text.EVIDENCE_REPORTED.format(
                author=f"{article} {title.lower()} at {agency}",
                date=_day_words(source.at.astimezone(LONDON).date()),
            )
        confirmed = rng.random() < (0.7 if tier == "significant" else 0.5)
        return AnswerInput(indicator=indicator, when=when, confirmed=confirmed, evidence=evidence)

    def await_approval(self, stories: list[ChildStory], waiting: set[int]) -> None:
        """The newest screenings of a few children wait for the hub manager to agree a level
        one below the computed one, and at least one earlier lower level has been decided. The
        level that stands is unchanged (or, agreed, stays medium or above), so the rest of each
        story still holds."""
        count = 1 if self.ctx.plan.scale.factor < 0.5 else 3
        latest: list[tuple[datetime, ChildStory, int, ScreenStep]] = []
        for story in stories:
            if story.child.key in waiting or story.child.network:
                continue
            index = max(
                (i for i, s in enumerate(story.steps) if isinstance(s, ScreenStep)), default=None
            )
            if index is None:
                continue
            screen = story.steps[index]
            assert isinstance(screen, ScreenStep)  # noqa: S101
            decided = any(isinstance(s, DecideStep) and s.at > screen.at for s in story.steps)
            if screen.final == screen.computed and screen.computed != "none" and not decided:
                latest.append((screen.at, story, index, screen))
        latest.sort(key=lambda item: item[0], reverse=True)
        for _, story, index, screen in latest[:count]:
            story.steps[index] = self.lowered(screen, story.child)
        if any(isinstance(s, DecideStep) for story in stories for s in story.steps):
            return
        for story in stories:
            steps = story.steps
            for index, screen in enumerate(steps[:-1]):
                if not isinstance(screen, ScreenStep) or screen.final != screen.computed:
                    continue
                if screen.computed != "high":  # agreed at medium: the case stays as it is
                    continue
                decided_at = self.ctx.later(screen.at, 20, 72)
                if decided_at >= min(steps[index + 1].at, self.ctx.latest):
                    continue
                steps[index] = self.lowered(screen, story.child)
                note = self.ctx.fill(self.rng.choice(text.DECISION_AGREE), story.child)
                steps.insert(index + 1, DecideStep(decided_at, True, note))
                return

    def lowered(self, screen: ScreenStep, child: ChildSpec) -> ScreenStep:
        """The same screening with the assessor's level one below the computed one."""
        lower = LEVELS[LEVELS.index(screen.computed) - 1]
        rationale = self.ctx.fill(self.rng.choice(text.LOWER_RATIONALES), child, level=lower)
        return replace(screen, final=lower, rationale=rationale)


def _tool_forms(forms: set[str]) -> set[str]:
    """The tool's form ids for the forms suspected ("not sure" could be either main form)."""
    out = {f for f in forms if f != ExploitationForm.NOT_SURE}
    if ExploitationForm.NOT_SURE in forms or not out:
        out |= {"cse", "cce"}
    return out


def _day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
