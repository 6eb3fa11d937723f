"""Loading the demo partnership's records through CE Hub's own services.

Everything is written the way the product writes it — concerns submitted by professionals,
children linked and records created at triage, sharing decisions, next steps, grading, then the
hub's case work (``casework/``: screenings, cases, safety plans, missing episodes, NRM
referrals, disruption) — so the access log, chronologies, team relationships and links are
exactly what real use produces. Only the dates are then moved (``backdate.DemoClock``) to spread
the stories over 18 months.
"""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pghistory
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cehub.accounts.models import Agency, Team, User
from cehub.accounts.services import user_create
from cehub.cases.models import (
    Case,
    CaseNote,
    DisruptionAction,
    MissingEpisode,
    NRMReferral,
    SafetyPlan,
)
from cehub.contexts.models import Group, GroupKind, Location, Node, Object, ObjectKind, Relation
from cehub.contexts.services import (
    group_create,
    link_record,
    online_account_find_or_create,
    phone_find_or_create,
    vehicle_find_or_create,
)
from cehub.intake.models import Concern, PartnerIntelligence
from cehub.intake.submit.services import concern_submit, intelligence_submit
from cehub.intake.triage.services import (
    concern_create_child,
    concern_decide_next_step,
    concern_link_child,
    intelligence_grade,
    sharing_decision_record,
)
from cehub.language.matcher import default_checker
from cehub.language.models import KeptWording
from cehub.people.models import Person, PersonCategory
from cehub.people.services import person_create
from cehub.screening.models import Screening

from .backdate import DemoClock
from .casework.loader import CaseworkLoader
from .casework.planner import plan_casework
from .catalogue import HUB_COLLEAGUES
from .personas import INTELLIGENCE_OFFICER, PERSONAS
from .plan import build_plan
from .plan.specs import (
    SPAN,
    AccountSpec,
    ConcernPlan,
    DemoScale,
    IntelPlan,
    PhoneSpec,
    Plan,
    Thing,
    VehicleSpec,
)
from .progress import Progress, with_progress

# Written in the same transaction as everything else, so its presence means a complete load.
MARKER_EMAIL = HUB_COLLEAGUES[0].email

# How many kept-wording choices the demo's report counts (a handful a month).
KEPT_WORDING_ROWS = 120


@dataclass(frozen=True)
class PartnershipSummary:
    professionals: int
    children: int
    adults: int
    places: int
    vehicles: int
    phones: int
    accounts: int
    concerns: int
    intelligence: int
    screenings: int
    cases: int
    safety_plans: int
    missing_episodes: int
    disruptions: int
    nrm_referrals: int
    case_notes: int
    kept_wording: int
    seconds: float


def partnership_loaded() -> bool:
    return User.objects.filter(email=MARKER_EMAIL).exists()


def load_partnership(
    *, scale: DemoScale, progress: Progress | None = None
) -> PartnershipSummary | None:
    """Load the partnership once; None if it is already there (one cheap query)."""
    if not settings.DEMO_MODE:  # seed_demo_partnership checks first; this is a second lock
        raise RuntimeError("The demo partnership is only ever loaded in demo mode")
    if partnership_loaded():
        return None
    started = time.monotonic()
    plan = build_plan(scale=scale, now=timezone.now())
    loader = _Loader(plan, progress or (lambda stage, done, total: None))
    with transaction.atomic(), pghistory.context(command="seed_demo"):
        loader.run()
    return PartnershipSummary(
        professionals=len(plan.professionals),
        children=len(loader.children),
        adults=Person.objects.filter(category=PersonCategory.ADULT).count(),
        places=Location.objects.count(),
        vehicles=Object.objects.filter(kind=ObjectKind.VEHICLE).count(),
        phones=Object.objects.filter(kind=ObjectKind.PHONE).count(),
        accounts=Object.objects.filter(kind=ObjectKind.ONLINE_ACCOUNT).count(),
        concerns=len(loader.concern_ids),
        intelligence=len(loader.intelligence_ids),
        screenings=Screening.objects.count(),
        cases=Case.objects.count(),
        safety_plans=SafetyPlan.objects.count(),
        missing_episodes=MissingEpisode.objects.count(),
        disruptions=DisruptionAction.objects.count(),
        nrm_referrals=NRMReferral.objects.count(),
        case_notes=CaseNote.objects.count(),
        kept_wording=KeptWording.objects.count(),
        seconds=time.monotonic() - started,
    )


class _Loader:
    def __init__(self, plan: Plan, progress: Progress) -> None:
        self.plan = plan
        self.progress = progress
        self.clock = DemoClock()
        self.users: dict[str, User] = {}
        self.children: dict[int, Person] = {}
        self.adults: dict[str, Person] = {}
        self.group: Group | None = None
        self.concern_ids: list[uuid.UUID] = []
        # id() of each planned concern -> the concern written for it, for the case work.
        self.concern_by_plan: dict[int, uuid.UUID] = {}
        self.intelligence_ids: list[uuid.UUID] = []

    def run(self) -> None:
        self.professionals()
        self.known_adults()
        stage = "Loading concerns and partner information"
        for event in with_progress(self.plan.events(), stage, self.progress):
            if isinstance(event, ConcernPlan):
                self.concern(event)
            else:
                self.intelligence(event)
        casework = CaseworkLoader(
            plan=self.plan,
            casework=plan_casework(self.plan),
            clock=self.clock,
            users=self.users,
            children=self.children,
            adults=self.adults,
            concerns=self.concern_by_plan,
            progress=self.progress,
        ).run()
        stage = "Dating the records across the last 18 months"
        self.progress(stage, 0, 1)
        self.clock.apply(
            concerns=self.concern_ids,
            intelligence=self.intelligence_ids,
            missing_episodes=casework.episodes,
        )
        self.progress(stage, 1, 1)
        self.kept_wording()

    def kept_wording(self) -> None:
        """Counts for the managers' language report: over the last year authors kept wording
        the checker flagged, less often as the months went by. Only counts exist (as in real
        use, no text is stored); the demo's own notes have no findings."""
        rng = random.Random(6)
        rules = default_checker().ruleset.rules
        fields = (
            "concern.what_happened",
            "intelligence.information",
            "case_note.text",
            "meeting.discussion",
            "safety_plan.danger_statement",
            "screening.evidence",
        )
        authors = sorted(self.users.values(), key=lambda user: user.email)
        now = timezone.now()
        rows = []
        for _ in range(KEPT_WORDING_ROWS):
            # Skewed towards a year ago, so the trend falls as training takes hold.
            days_ago = 365 * rng.random() ** 0.5
            author = rng.choice(authors)
            rule = rng.choice(rules)
            rows.append(
                KeptWording(
                    user=author,
                    team_id=author.team_id,
                    agency_id=author.agency_id,
                    field=rng.choice(fields),
                    rule_id=rule.id,
                    category=rule.category,
                    recorded_at=now - timedelta(days=days_ago),
                )
            )
        KeptWording.objects.bulk_create(rows)

    # --- people who write to the hub ----------------------------------------------------------
    def professionals(self) -> None:
        self.users = {
            u.email: u for u in User.objects.filter(email__in=[p.email for p in PERSONAS])
        }
        # They joined before the stories start. No password and no second factor: they are
        # authors only and cannot sign in.
        with self.clock.step(self.plan.now - SPAN - timedelta(days=30)):
            stage = "Adding the professionals who write to the hub"
            for spec in with_progress(self.plan.professionals, stage, self.progress, every=1):
                agency, _ = Agency.objects.get_or_create(
                    name=spec.agency, defaults={"kind": spec.kind}
                )
                team, _ = Team.objects.get_or_create(
                    agency=agency, name=spec.team, defaults={"is_hub_team": spec.is_hub_team}
                )
                user = User.objects.filter(email=spec.email).first() or user_create(
                    actor=None,
                    email=spec.email,
                    full_name=spec.full_name,
                    agency=agency,
                    team=team,
                    role=spec.role,
                    job_title=spec.job_title,
                )
                self.users[spec.email] = user

    def known_adults(self) -> None:
        """Adults the hub records by name before their first report, so reports find them."""
        officer = self.users[INTELLIGENCE_OFFICER]
        mentioned = self.plan.adults_mentioned()
        stage = "Recording adults known to the hub"
        for key, (adult, first_seen) in with_progress(
            list(mentioned.items()), stage, self.progress, every=1
        ):
            known_since = first_seen - timedelta(days=3 + adult.date_of_birth.toordinal() % 40)
            with self.clock.step(known_since):
                self.adults[key] = person_create(actor=officer, details=adult.details())

    # --- concerns --------------------------------------------------------------------------
    def concern(self, event: ConcernPlan) -> None:
        with self.clock.step(event.at):
            concern = concern_submit(actor=self.users[event.author], submission=event.submission)
        self.concern_ids.append(concern.pk)
        self.concern_by_plan[id(event)] = concern.pk
        triage = event.triage
        if triage is None or triage.link_after is None:
            return
        triager = self.users[triage.triager]
        with self.clock.step(event.at + triage.link_after):
            concern = self.link_child(event, concern, triager)
        if triage.decision is not None and triage.decision_after is not None:
            with self.clock.step(event.at + triage.decision_after):
                sharing_decision_record(actor=triager, decision=triage.decision, concern=concern)
        if triage.next_step is not None and triage.next_after is not None:
            with self.clock.step(event.at + triage.next_after):
                concern_decide_next_step(
                    actor=triager,
                    concern=concern,
                    next_step=triage.next_step,
                    reason=triage.next_reason,
                )

    def link_child(self, event: ConcernPlan, concern: Concern, triager: User) -> Concern:
        person = self.children.get(event.child.key)
        if person is None:
            concern = concern_create_child(
                actor=triager, concern=concern, details=event.child.details()
            )
            if concern.child is None:  # pragma: no cover - the service always links one
                raise RuntimeError("Triage did not link a child")
            person = self.children[event.child.key] = concern.child
        else:
            concern = concern_link_child(actor=triager, concern=concern, person=person)
        if event.to_group:
            # The intake form has no "group" involvement yet, so the hub records the link.
            link_record(
                from_node=person.node,
                to_node=self.group_node(),
                relation=Relation.CONTACTED_BY,
                source_type="concern",
                source_id=concern.pk,
                actor=triager,
                seen_on=concern.happened_on,
            )
        return concern

    # --- partner information -------------------------------------------------------------------
    def intelligence(self, event: IntelPlan) -> None:
        author = self.users[event.author]
        with self.clock.step(event.at):
            item = intelligence_submit(actor=author, submission=event.submission)
            # What the information says about who uses what, and who is in the online group:
            # the intake form cannot say it, so the hub records these links from the item.
            for adult, thing in event.uses:
                self.link(self.adults[adult.key].node, self.thing_node(thing), Relation.USES, item)
            for account in event.members:
                self.link(self.thing_node(account), self.group_node(), Relation.MEMBER_OF, item)
        self.intelligence_ids.append(item.pk)
        officer = self.users[INTELLIGENCE_OFFICER]
        if event.grading is not None:
            grading = event.grading
            with self.clock.step(event.at + grading.after):
                item = intelligence_grade(
                    actor=officer,
                    item=item,
                    source_evaluation=grading.source_evaluation,
                    intelligence_assessment=grading.intelligence_assessment,
                    handling_code=grading.handling_code,
                    handling_conditions=grading.handling_conditions,
                    rationale=grading.rationale,
                    expected_version=item.version,
                )
        if event.decision is not None and event.decision_after is not None:
            with self.clock.step(event.at + event.decision_after):
                sharing_decision_record(actor=officer, decision=event.decision, intelligence=item)

    def link(
        self, from_node: Node, to_node: Node, relation: Relation, item: PartnerIntelligence
    ) -> None:
        link_record(
            from_node=from_node,
            to_node=to_node,
            relation=relation,
            source_type="intelligence",
            source_id=item.pk,
            actor=item.submitted_by,
            seen_on=item.observed_on,
        )

    def thing_node(self, thing: Thing) -> Node:
        if isinstance(thing, VehicleSpec):
            return vehicle_find_or_create(registration=thing.registration).node
        if isinstance(thing, PhoneSpec):
            return phone_find_or_create(number=thing.number).node
        assert isinstance(thing, AccountSpec)  # noqa: S101 - Thing is a closed union
        return online_account_find_or_create(platform=thing.platform, handle=thing.handle).node

    def group_node(self) -> Node:
        """The online group, created the first time anything mentions it."""
        if self.group is None:
            spec = self.plan.group
            if spec is None:
                raise RuntimeError("The plan has no online group")
            self.group = group_create(
                kind=GroupKind.ONLINE, name=spec.name, description=spec.description
            )
        return self.group.node
