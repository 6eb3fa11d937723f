"""Missing episodes in the demo's case work, and the return home interviews after them.

The county line's children go missing most, and the children it exploits most three or more
times in the last month; the newest episodes show every state of the 72-hour interview deadline.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cehub.cases.missing.services import MissingEpisodeInput
from cehub.cases.models import InterviewAcceptance, PoliceRiskGrade
from cehub.intake.models import ExploitationForm
from cehub.people.models import CareStatus

from .. import narratives as text
from ..draws import weighted
from ..plan.specs import ChildSpec
from .context import RECORDERS_OF, TEAM_OF, CaseworkContext
from .steps import EpisodePlan, InterviewPlan


class EpisodePlanner:
    """Missing episodes for the children most at risk, recorded by the team that knows them."""

    def __init__(self, ctx: CaseworkContext) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.clock = ctx.clock
        # When each hub team first had a relationship with each child (triage links it).
        self.first_link: dict[int, dict[str, datetime]] = {}
        for key, concerns in ctx.by_child.items():
            for concern in concerns:
                triage = concern.triage
                if triage is None or triage.link_after is None:
                    continue
                team = TEAM_OF[triage.triager]
                linked = concern.at + triage.link_after
                teams = self.first_link.setdefault(key, {})
                teams[team] = min(teams.get(team, linked), linked)
        self.interviews = 0

    def episodes(self) -> list[EpisodePlan]:
        rng, clock = self.rng, self.clock
        linked = [c for c in self.ctx.plan.children if c.key in self.first_link]
        line = [c for c in linked if c.network == "county-line"]
        hotel = [c for c in linked if c.network == "takeaway-hotel"]
        others = [c for c in linked if not c.network]

        def weight(child: ChildSpec) -> float:
            w = 2.0 if child.form in {ExploitationForm.CSE, ExploitationForm.CCE} else 0.4
            if child.form == ExploitationForm.TRAFFICKING:
                w = 3.0
            return w * (2.5 if child.care_status == CareStatus.LOOKED_AFTER else 1.0)

        wanted = max(0, round(60 * self.ctx.plan.scale.factor) - len(line) - len(hotel))
        ranked = sorted(others, key=lambda c: rng.random() ** (1 / weight(c)), reverse=True)
        chosen = line + hotel + ranked[:wanted]
        flagged = [c for c in line if self.ctx.is_flagged(c)]
        out: list[EpisodePlan] = []
        # (missing hours ago, found hours after) in the last month, for the children the line
        # exploits most: three or more episodes in 30 days.
        recent = ((27 * 24, 30), (16 * 24, 20), (8 * 24, 40))
        for child in chosen:
            team, since = self.recording_team(child)
            recorder = weighted(rng, RECORDERS_OF[team])
            times: list[tuple[datetime, timedelta]] = []
            if child in flagged:
                times += [
                    (self.ctx.now - timedelta(hours=h), timedelta(hours=f)) for h, f in recent
                ]
                older = rng.randint(0, 2)
            elif child.network == "county-line":
                older = rng.randint(2, 4)
            elif child.network == "takeaway-hotel":
                older = rng.randint(1, 3)
            else:
                older = weighted(rng, ((1, 0.6), (2, 0.3), (3, 0.1)))
            window_end = self.ctx.now - timedelta(days=33 if child in flagged else 5)
            start = since + timedelta(days=1)
            for _ in range(older):
                if window_end - start < timedelta(days=2):
                    break
                at = start + (window_end - start) * clock.random()
                if all(abs(at - t) > timedelta(days=4) for t, _ in times):
                    times.append((at, timedelta(hours=clock.uniform(6, 80))))
            for missing_from, away in sorted(times):
                out.append(self.episode(child, recorder, missing_from, away))
        return self.recent_fixtures(out, flagged, chosen)

    def recording_team(self, child: ChildSpec) -> tuple[str, datetime]:
        teams = self.first_link[child.key]
        team = "social-care" if "social-care" in teams else min(teams, key=teams.__getitem__)
        return team, teams[team]

    def episode(
        self,
        child: ChildSpec,
        recorder: str,
        missing_from: datetime,
        away: timedelta,
        *,
        interview: str = "usual",
    ) -> EpisodePlan:
        """One episode: reported within hours, found ``away`` later, then the return interview
        (``interview``: "usual", or "none" while it is still due)."""
        rng, clock = self.rng, self.clock
        network = child.network if child.network in text.MISSING_FOUND_WHERE else ""
        reported = missing_from + timedelta(hours=clock.uniform(0.5, 6))
        last_seen = text.MISSING_LAST_SEEN[network]
        if child.children_home is not None:
            last_seen = (*last_seen, f"{child.children_home.name}, after tea")
        grade = weighted(
            rng,
            (
                (PoliceRiskGrade.HIGH, 0.45 if network else 0.1),
                (PoliceRiskGrade.MEDIUM, 0.5),
                (PoliceRiskGrade.LOW, 0.05 if network else 0.3),
                (PoliceRiskGrade.NO_APPARENT_RISK, 0.0 if network else 0.1),
            ),
        )
        data = MissingEpisodeInput(
            missing_from=missing_from,
            reported_at=reported,
            police_risk_grade=grade,
            last_seen_where=rng.choice(last_seen),
            police_reference=f"NVP-{missing_from:%y}-{rng.randint(10000, 99999)}",
        )
        recorded_at = min(reported + timedelta(hours=clock.uniform(0.3, 3)), self.ctx.latest)
        found_at = missing_from + away
        if found_at > self.ctx.latest:  # still missing
            return EpisodePlan(child, recorder, recorded_at, data)
        harm = ""
        if rng.random() < (0.45 if network else 0.2):
            harm = self.ctx.fill(rng.choice(text.MISSING_HARM[network]), child)
        found_step_at = max(recorded_at, found_at) + timedelta(minutes=clock.randint(10, 120))
        found_step_at = min(found_step_at, self.ctx.latest)
        plan = None
        if interview == "usual":
            plan = self.interview(child, network, found_at, found_step_at)
        return EpisodePlan(
            child=child,
            recorder=recorder,
            recorded_at=min(recorded_at, found_step_at),
            data=data,
            found_step_at=found_step_at,
            found_at=found_at,
            found_where=self.ctx.fill(rng.choice(text.MISSING_FOUND_WHERE[network]), child),
            found_with=rng.choice(text.MISSING_FOUND_WITH[network]),
            harm_disclosed=harm,
            interview=plan,
        )

    def interview(
        self, child: ChildSpec, network: str, found_at: datetime, found_step_at: datetime
    ) -> InterviewPlan | None:
        """Offered within 72 hours for most; some are declined, most completed."""
        rng, clock = self.rng, self.clock
        # One in seven is offered late, at any scale (a draw would make small demos lumpy).
        self.interviews += 1
        late = self.interviews % 7 == 4
        offered = found_at + timedelta(
            hours=clock.uniform(75, 140) if late else clock.uniform(3, 66)
        )
        offered = max(offered, found_step_at + timedelta(minutes=5))
        if offered > self.ctx.latest:
            return None
        declined = self.interviews % 4 == 1
        by = rng.choice(text.INTERVIEW_BY)
        if declined:
            return InterviewPlan(
                at=offered + timedelta(minutes=30),
                offered_at=offered,
                acceptance=InterviewAcceptance.DECLINED,
                completed_at=None,
                interview_by=by,
                summary="",
            )
        completed = offered + timedelta(hours=clock.uniform(2, 72))
        if completed > self.ctx.latest:
            return InterviewPlan(offered, offered, InterviewAcceptance.ACCEPTED, None, by, "")
        summary = self.ctx.fill(rng.choice(text.INTERVIEW_SUMMARIES[network]), child)
        return InterviewPlan(
            at=completed + timedelta(hours=1),
            offered_at=offered,
            acceptance=InterviewAcceptance.ACCEPTED,
            completed_at=completed,
            interview_by=by,
            summary=summary,
        )

    def recent_fixtures(
        self, episodes: list[EpisodePlan], flagged: list[ChildSpec], chosen: list[ChildSpec]
    ) -> list[EpisodePlan]:
        """The newest episodes show every state of the 72-hour interview deadline: two still
        due, one overdue, and one child still missing."""
        out = list(episodes)
        if not chosen:
            return out
        hours = timedelta(hours=1)
        first = flagged[0] if flagged else chosen[0]
        others = [c for c in chosen if c.key != first.key]
        # (child, found hours ago, missing for hours, interview): found 80 hours ago with no
        # interview offered is overdue; 20 and 69 hours ago, still due (one due soon).
        fixtures = [(first, 80, 6, "none")]
        fixtures += [
            (child, found, away, "none")
            for child, (found, away) in zip([*others, first], ((20, 50), (69, 12)), strict=False)
        ]
        # Still missing: reported this morning.
        line = [c for c in others if c.network == "county-line"] or others[-1:]
        fixtures += [(child, -39, 48, "usual") for child in line[:1]]
        for child, found, away, interview in fixtures:
            team, _ = self.recording_team(child)
            recorder = weighted(self.rng, RECORDERS_OF[team])
            missing_from = self.ctx.now - (found + away) * hours
            out.append(
                self.episode(child, recorder, missing_from, away * hours, interview=interview)
            )
        return out
