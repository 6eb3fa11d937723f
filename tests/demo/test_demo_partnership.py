"""The demo partnership's records: their shape, networks, dates, language and idempotence.

The loader runs at a small scale (``scale=0.05``) against the database; the full-size plan is
checked without one (it is pure Python), so both sizes are covered quickly.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.test import override_settings
from django.utils import timezone

from cehub.accounts.models import User
from cehub.cases.casework.selectors import allocation_queue, person_risk_summary
from cehub.cases.missing.selectors import interview_status
from cehub.cases.models import (
    Case,
    CaseLevelChange,
    CaseStatus,
    DisruptionAction,
    DisruptionKind,
    DisruptionStatus,
    InterviewAcceptance,
    MissingEpisode,
    NRMDecision,
    NRMReferral,
    SafetyPlan,
    SafetyPlanAction,
)
from cehub.contexts.models import Group, GroupKind, Link, Location, Node, Object, ObjectKind
from cehub.core.audit import verify_chain
from cehub.core.identifiers import (
    normalise_nhs_number,
    normalise_online_handle,
    normalise_phone,
    normalise_postcode,
    normalise_vehicle_registration,
)
from cehub.core.models import AccessEvent
from cehub.core.roles import Role
from cehub.demo.casework import (
    AllocateStep,
    Casework,
    CloseStep,
    DecideStep,
    SafetyPlanStep,
    ScreenStep,
    plan_casework,
)
from cehub.demo.catalogue import HOTEL, LINE_STATION, TAKEAWAY, TRAP_FLAT
from cehub.demo.partnership import load_partnership
from cehub.demo.personas import PERSONAS
from cehub.demo.plan import DemoScale, Plan, build_plan
from cehub.demo.plan.specs import (
    AccountSpec,
    AdultSpec,
    ChildSpec,
    PhoneSpec,
    PlaceSpec,
    VehicleSpec,
)
from cehub.demo.services import DemoModeRequiredError, DemoSummary, seed_demo_partnership
from cehub.intake.models import (
    Concern,
    ConcernStatus,
    IntelligenceGrading,
    IntelligenceStatus,
    PartnerIntelligence,
    SharingDecision,
)
from cehub.intake.triage.selectors import triage_queue
from cehub.language.matcher import default_checker
from cehub.language.models import KeptWording
from cehub.people.models import ChronologyEntry, Ethnicity, Person, PersonCategory, PersonTeamAccess
from cehub.screening.models import Outcome, Screening, ScreeningStatus
from cehub.screening.selectors import approval_queue
from cehub.screening.services import tool_get

SMALL = 0.05
EIGHTEEN_MONTHS = timedelta(days=548)


@pytest.fixture(scope="class")
def loaded(
    django_db_setup: None,
    django_db_blocker: pytest.DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[DemoSummary]:
    """One small partnership for the read-only tests in the class below, rolled back after it."""
    with django_db_blocker.unblock(), override_settings(DEMO_MODE=True), transaction.atomic():
        yield seed_demo_partnership(var_dir=tmp_path_factory.mktemp("var"), scale=SMALL)
        transaction.set_rollback(True)


@pytest.fixture
def small_plan() -> Plan:
    # The same plan the loader builds: only the dates depend on when it is built.
    return build_plan(scale=DemoScale.of(SMALL), now=timezone.now())


def persona(role: Role) -> User:
    return User.objects.get(email=f"{role.value}@demo.cehub.test")


def node_of(member: object) -> uuid.UUID:
    """The graph node the database holds for a planned network member."""
    if isinstance(member, PlaceSpec):
        return Location.objects.get(name=member.name, postcode=member.postcode).node_id
    if isinstance(member, VehicleSpec):
        reg = normalise_vehicle_registration(member.registration)
        return Object.objects.get(kind=ObjectKind.VEHICLE, registration=reg).node_id
    if isinstance(member, PhoneSpec):
        number = normalise_phone(member.number)
        return Object.objects.get(kind=ObjectKind.PHONE, phone_number=number).node_id
    if isinstance(member, AccountSpec):
        platform, handle = normalise_online_handle(member.platform, member.handle)
        return Object.objects.get(
            kind=ObjectKind.ONLINE_ACCOUNT, platform=platform, handle=handle
        ).node_id
    if isinstance(member, AdultSpec):
        return person_node(PersonCategory.ADULT, member)
    raise AssertionError(f"not a network member: {member!r}")


def child_node(child: ChildSpec) -> uuid.UUID:
    return person_node(PersonCategory.CHILD, child)


def person_node(category: PersonCategory, person: AdultSpec | ChildSpec) -> uuid.UUID:
    return Person.objects.get(
        category=category,
        given_name=person.given,
        family_name=person.family,
        date_of_birth=person.date_of_birth,
    ).node_id


def component(start: uuid.UUID) -> set[uuid.UUID]:
    """Every node reachable from ``start`` through links, in either direction."""
    neighbours: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for a, b in Link.objects.values_list("from_node_id", "to_node_id"):
        neighbours[a].add(b)
        neighbours[b].add(a)
    seen, queue = {start}, deque([start])
    while queue:
        for nxt in neighbours[queue.popleft()] - seen:
            seen.add(nxt)
            queue.append(nxt)
    return seen


def linked(a: uuid.UUID, b: uuid.UUID) -> bool:
    return Link.objects.filter(
        Q(from_node_id=a, to_node_id=b) | Q(from_node_id=b, to_node_id=a)
    ).exists()


def row_counts() -> dict[str, int]:
    models = (
        User,
        Person,
        Node,
        Link,
        Location,
        Object,
        Group,
        Concern,
        PartnerIntelligence,
        SharingDecision,
        IntelligenceGrading,
        ChronologyEntry,
        PersonTeamAccess,
        AccessEvent,
        Screening,
        Case,
        CaseLevelChange,
        SafetyPlan,
        SafetyPlanAction,
        MissingEpisode,
        DisruptionAction,
        NRMReferral,
    )
    return {model.__name__: model.objects.count() for model in models}


HUB_ROLES = (Role.HUB_PRACTITIONER, Role.HUB_MANAGER, Role.INTELLIGENCE_OFFICER)


def hub_user_with_relationship(person: Person) -> User:
    """A hub persona or colleague whose team has a relationship with the child."""
    teams = PersonTeamAccess.objects.filter(person=person, ended_at__isnull=True).values("team")
    user = User.objects.filter(role__in=HUB_ROLES, team__in=teams).order_by("email").first()
    assert user is not None, "nobody in the hub has a relationship with this child"
    return user


# --- Loaded through the services, at a small scale -----------------------------------------
@pytest.mark.django_db
class TestTheLoadedPartnership:
    """Read-only checks of one small partnership loaded through the services."""

    def test_the_partnership_has_people_places_things_and_records(
        self, loaded: DemoSummary
    ) -> None:
        summary = loaded

        assert summary.data is not None
        children = Person.objects.filter(category=PersonCategory.CHILD)
        adults = Person.objects.filter(category=PersonCategory.ADULT)
        assert children.count() == summary.data.children >= 12
        assert adults.count() >= 10
        assert Location.objects.count() >= 10
        kinds = set(Location.objects.values_list("kind", flat=True))
        assert {"flat", "hotel", "takeaway", "station"} <= kinds
        assert len(kinds) >= 6
        for kind in ObjectKind:
            assert Object.objects.filter(kind=kind).count() >= 3, kind
        assert Concern.objects.count() == summary.data.concerns >= 30
        assert PartnerIntelligence.objects.count() == summary.data.intelligence >= 20
        # Children carry their concerns, a chronology and links to what the concerns named.
        every_child = children.annotate(
            n_concerns=Count("concerns", distinct=True),
            n_entries=Count("chronology", distinct=True),
        )
        assert all(c.n_concerns >= 1 and c.n_entries >= 2 for c in every_child)  # record, concern
        assert Link.objects.filter(from_node__person__category=PersonCategory.CHILD).count() > 40
        # Authors are the referrer persona and professionals in several agencies, who cannot
        # sign in: no password and no second factor.
        authors = User.objects.filter(concerns_submitted__isnull=False).distinct()
        assert authors.values("agency").distinct().count() >= 5
        assert persona(Role.REFERRER) in authors
        pool = User.objects.filter(is_demo_persona=False)
        assert pool.exists()
        assert not any(user.has_usable_password() for user in pool)
        assert not pool.filter(authenticator__isnull=False).exists()

    def test_triage_is_recorded_as_the_hub_would(self, loaded: DemoSummary) -> None:

        triaged = Concern.objects.filter(triaged_at__isnull=False)
        assert triaged.exists()
        assert not triaged.filter(sharing_decisions__isnull=True).exists()
        assert not triaged.filter(child__isnull=True).exists()
        assert {c.status for c in triaged} >= {ConcernStatus.FOR_SCREENING}
        assert set(triaged.values_list("triaged_by__role", flat=True)) <= {
            Role.HUB_PRACTITIONER,
            Role.HUB_MANAGER,
        }
        assert triaged.filter(triaged_by=persona(Role.HUB_PRACTITIONER)).exists()
        outcomes = set(SharingDecision.objects.values_list("outcome", flat=True))
        assert outcomes == {"share", "not-share"}  # a decision not to share is recorded too
        # The queue shows every deadline state, some of them overdue.
        states = {item.deadline.state for item in triage_queue(viewer=persona(Role.HUB_MANAGER))}
        assert states == {"due", "due-soon", "overdue", "met"}
        assert Concern.objects.filter(status=ConcernStatus.SUBMITTED, child__isnull=True).exists()
        assert Concern.objects.filter(status=ConcernStatus.IN_TRIAGE).exists()
        # The referrer persona has submissions of their own, triaged and not.
        own = Concern.objects.filter(submitted_by=persona(Role.REFERRER))
        assert own.filter(triaged_at__isnull=False).exists()
        assert own.filter(status=ConcernStatus.SUBMITTED).exists()
        # The persona's team has a relationship with some children and not with others.
        team = persona(Role.HUB_PRACTITIONER).team
        children = Person.objects.filter(category=PersonCategory.CHILD)
        with_access = children.filter(team_access__team=team, team_access__ended_at__isnull=True)
        assert 0 < with_access.distinct().count() < children.count()
        # Intelligence is graded by the intelligence officer, with some C handling codes.
        gradings = IntelligenceGrading.objects.all()
        assert set(gradings.values_list("graded_by", flat=True)) == {
            persona(Role.INTELLIGENCE_OFFICER).pk
        }
        assert gradings.filter(handling_code="C").exclude(handling_conditions="").exists()
        assert len(set(gradings.values_list("source_evaluation", flat=True))) >= 2
        assert PartnerIntelligence.objects.filter(status=IntelligenceStatus.SUBMITTED).exists()

    def test_records_are_dated_across_the_last_eighteen_months(self, loaded: DemoSummary) -> None:
        now = timezone.now()

        span = Concern.objects.aggregate(first=Min("submitted_at"), last=Max("submitted_at"))
        assert now - EIGHTEEN_MONTHS <= span["first"] <= now - timedelta(days=300)
        assert now - timedelta(days=1) <= span["last"] <= now
        months = {c.submitted_at.strftime("%Y-%m") for c in Concern.objects.all()}
        assert len(months) >= 6
        for concern in Concern.objects.prefetch_related("sharing_decisions"):
            assert concern.sharing_due_at == concern.submitted_at + timedelta(hours=24)
            decided = [d.decided_at for d in concern.sharing_decisions.all()]
            assert all(concern.submitted_at < d <= now for d in decided)
            if concern.triaged_at:
                assert all(d <= concern.triaged_at for d in decided) and concern.triaged_at <= now
        # Chronologies follow the story: the concern, then triage, all in the past.
        entries = ChronologyEntry.objects.filter(source_type="concern", kind="concern")
        assert all(
            e.occurred_at == Concern.objects.get(pk=e.source_id).submitted_at for e in entries
        )
        assert not ChronologyEntry.objects.filter(occurred_at__gt=now).exists()
        assert Person.objects.aggregate(first=Min("created_at"))["first"] < now - timedelta(
            days=200
        )
        assert not Link.objects.filter(
            Q(first_seen__isnull=True) | Q(last_seen__isnull=True)
        ).exists()
        assert (
            Link.objects.aggregate(first=Min("first_seen"))["first"]
            < (now - timedelta(days=300)).date()
        )
        # Case work follows the concerns it came from, and is dated in the past too.
        screenings = Screening.objects.all()
        span = screenings.aggregate(first=Min("assessed_at"), last=Max("assessed_at"))
        assert span["last"] - span["first"] > timedelta(days=180)
        assert span["last"] <= now
        for screening in screenings:
            entry = ChronologyEntry.objects.filter(source_id=screening.pk).earliest("occurred_at")
            assert entry.occurred_at == screening.assessed_at
        for change in CaseLevelChange.objects.select_related("case", "screening"):
            assert change.case.opened_at <= change.changed_at <= now
            if change.screening is not None:
                assert change.screening.assessed_at <= change.changed_at
        for case in Case.objects.exclude(status=CaseStatus.CLOSED):
            # Each screening that updates the case sets its review (a manager's decision does not).
            screened = case.level_history.filter(changed_by__role=Role.HUB_PRACTITIONER)
            latest = screened.latest("changed_at")
            assert case.review_due_at == latest.changed_at + timedelta(days=91)
        for model, field in (
            (Case, "allocated_at"),
            (Case, "closed_at"),
            (SafetyPlan, "created_at"),
            (MissingEpisode, "recorded_at"),
            (DisruptionAction, "recorded_at"),
            (NRMReferral, "recorded_at"),
        ):
            assert not model.objects.filter(**{f"{field}__gt": now}).exists(), (model, field)
        assert MissingEpisode.objects.aggregate(first=Min("missing_from"))[
            "first"
        ] < now - timedelta(days=90)
        # The access log is not re-dated: it says when the rows were really written, and verifies.
        assert not AccessEvent.objects.filter(occurred_at__lt=now - timedelta(hours=1)).exists()
        assert verify_chain().intact

    def test_the_three_networks_are_connected_through_shared_nodes(
        self, loaded: DemoSummary, small_plan: Plan
    ) -> None:
        line, takeaway, online = (
            small_plan.members[k] for k in ("county-line", "takeaway-hotel", "online-group")
        )

        # 1. County line: both line phones reach the trap house and the station, with the car,
        # the adults and every child the line exploits.
        flat = node_of(line["flat"])
        assert Location.objects.get(node_id=flat).kind == "flat"
        reach = component(node_of(line["line1"]))
        assert {node_of(line[k]) for k in ("line2", "flat", "station", "car")} <= reach
        assert {node_of(line[k]) for k in ("dex", "tee", "nino", "kels")} <= reach
        county_children = [c for c in small_plan.children if c.network == "county-line"]
        assert len(county_children) >= 2
        assert {child_node(c) for c in county_children} <= reach
        dex = node_of(line["dex"])
        assert linked(dex, node_of(line["line1"])) and linked(dex, node_of(line["line2"]))
        assert Link.objects.filter(relation="uses", from_node_id=dex).count() == 2

        # 2. A takeaway and a hotel: the same adults and car link the children to both.
        reach = component(node_of(takeaway["takeaway"]))
        assert {node_of(takeaway[k]) for k in ("hotel", "taxi", "vinnie", "mack", "roxy")} <= reach
        hotel_children = [c for c in small_plan.children if c.network == "takeaway-hotel"]
        assert {child_node(c) for c in hotel_children} <= reach

        # 3. An online group: accounts are members, children were contacted through it.
        group = Group.objects.get(kind=GroupKind.ONLINE)
        members = Link.objects.filter(to_node=group.node, relation="member-of")
        assert members.count() >= 4
        assert set(members.values_list("from_node__object__kind", flat=True)) == {"online-account"}
        online_children = [c for c in small_plan.children if c.network == "online-group"]
        contacted = set(
            Link.objects.filter(to_node=group.node, relation="contacted-by").values_list(
                "from_node_id", flat=True
            )
        )
        assert {child_node(c) for c in online_children} <= contacted
        reach = component(group.node_id)
        assert {node_of(online[k]) for k in ("acc1", "acc2", "acc3", "ghost", "jinx")} <= reach

        # Places named in the catalogue are the ones the networks use.
        assert {line["flat"].key, line["station"].key} == {TRAP_FLAT, LINE_STATION}  # type: ignore[attr-defined]
        assert {takeaway["takeaway"].key, takeaway["hotel"].key} == {TAKEAWAY, HOTEL}  # type: ignore[attr-defined]

    def test_children_are_screened_after_triage_with_levels_both_sides_of_the_case_line(
        self, loaded: DemoSummary, small_plan: Plan
    ) -> None:
        tool = tool_get()
        practitioner, manager = persona(Role.HUB_PRACTITIONER), persona(Role.HUB_MANAGER)

        screenings = Screening.objects.select_related("concern", "assessed_by", "decided_by")
        assert screenings.count() >= 15
        levels = {s.final_level for s in screenings}
        assert levels & {"none", "low"} and levels & {"medium", "high"}
        assert {s.outcome for s in screenings} == {Outcome.ADVICE, Outcome.CASE}
        for screening in screenings:
            # Assessed by hub practitioners (the persona or hub colleagues), never the manager.
            assert screening.assessed_by.role == Role.HUB_PRACTITIONER
            if screening.outcome == Outcome.ADVICE:
                assert screening.advice_given
            if screening.concern is not None:
                assert screening.concern.status == ConcernStatus.FOR_SCREENING
                assert screening.concern.child_id == screening.person_id
                assert screening.assessed_at > screening.concern.triaged_at
            assert screening.answers
            for answer in screening.answers:
                assert answer["indicator"] in tool.indicators and answer["evidence"]
            if screening.final_level != screening.computed_level:
                assert screening.rationale
        assert screenings.filter(assessed_by=practitioner).exists()
        assert screenings.exclude(signposted_to="").exists()
        # Indicators fit the child's story: criminal for the county line, online for the group.
        for network, form in (("county-line", "cce"), ("online-group", "online")):
            children = [c for c in small_plan.children if c.network == network]
            for screening in screenings.filter(person__node_id__in=map(child_node, children)):
                forms = {
                    f for a in screening.answers for f in tool.indicators[a["indicator"]].forms
                }
                assert form in forms, (network, screening.answers)
        # Lower levels wait for the hub manager, who decides some of them (never their own).
        assert approval_queue(viewer=manager).exists()
        decided = screenings.filter(decided_by__isnull=False)
        assert decided.exists()
        assert set(decided.values_list("decided_by", flat=True)) == {manager.pk}
        assert all(s.decided_at > s.assessed_at and s.decision_note for s in decided)
        assert screenings.filter(status=ScreeningStatus.AWAITING_APPROVAL).exists()
        # Some children are screened again, so the trend shows.
        again = Person.objects.annotate(n=Count("screenings")).filter(n__gte=2)
        assert again.exists()
        child = again.first()
        assert child is not None
        summary = person_risk_summary(viewer=hub_user_with_relationship(child), person=child)
        assert len(summary.trend) >= 2
        assert [p.assessed_at for p in summary.trend] == sorted(
            p.assessed_at for p in summary.trend
        )

    def test_cases_are_allocated_planned_and_closed_by_the_hub(self, loaded: DemoSummary) -> None:
        practitioner, manager = persona(Role.HUB_PRACTITIONER), persona(Role.HUB_MANAGER)
        cases = Case.objects.select_related("person", "allocated_worker")

        assert cases.filter(status=CaseStatus.AWAITING_ALLOCATION).exists()
        assert list(allocation_queue(viewer=manager))
        allocated = cases.filter(allocated_worker__isnull=False)
        assert allocated.filter(status=CaseStatus.OPEN).exists()
        assert allocated.filter(allocated_worker=practitioner).exists()
        assert {c.allocated_worker.role for c in allocated} == {Role.HUB_PRACTITIONER}
        allocations = ChronologyEntry.objects.filter(summary__startswith="Case allocated to")
        assert set(allocations.values_list("recorded_by", flat=True)) == {manager.pk}
        for case in cases:
            first = case.person.screenings.order_by("assessed_at").first()
            assert first is not None and first.assessed_at <= case.opened_at
            assert case.level_history.exists()
            if case.allocated_at:
                assert case.opened_at < case.allocated_at
                # The allocated worker's team can open the child's record.
                assert PersonTeamAccess.objects.filter(
                    person=case.person, team=case.allocated_team, reason="allocation"
                ).exists()
            if case.closed_at:
                assert case.closure_reason and case.closed_at > case.opened_at
        assert cases.filter(status=CaseStatus.CLOSED).exclude(closure_outcome="").exists()
        # Safety plans: the child's own words in quotation marks; actions for each agency, due
        # after the day the plan was written; reviewed later.
        plans = SafetyPlan.objects.select_related("case", "created_by")
        assert plans.exists()
        for plan in plans:
            written = timezone.localtime(plan.created_at).date()
            assert plan.child_words.startswith('"') and plan.child_words.count('"') >= 2
            assert plan.created_by == plan.case.allocated_worker
            assert plan.case.allocated_at is not None and plan.created_at > plan.case.allocated_at
            assert plan.review_date > written
            actions = list(plan.actions.select_related("agency"))
            assert len(actions) >= 3
            assert all(a.due_date >= written and a.owner and a.action for a in actions)
            assert {a.agency.name for a in actions} >= {"Northvale Police"}

    def test_missing_episodes_have_interview_deadlines_and_flag_repeats(
        self, loaded: DemoSummary, small_plan: Plan
    ) -> None:
        now = timezone.now()
        episodes = MissingEpisode.objects.select_related("person")

        assert episodes.count() >= 8
        found = episodes.filter(found_at__isnull=False)
        for episode in found:
            assert episode.interview_due_at == episode.found_at + timedelta(hours=72)
            assert episode.missing_from <= episode.reported_at and episode.found_at <= now
            if episode.interview_offered_at:
                assert episode.interview_offered_at >= episode.found_at
        states = {interview_status(e).state for e in found}  # type: ignore[union-attr]
        assert {"met", "overdue"} <= states
        assert states & {"due", "due-soon"}
        acceptance = set(found.values_list("interview_acceptance", flat=True))
        assert {InterviewAcceptance.ACCEPTED, InterviewAcceptance.DECLINED} <= acceptance
        assert found.exclude(interview_completed_at=None).exclude(interview_summary="").exists()
        on_time = [
            e
            for e in found
            if e.interview_offered_at and e.interview_offered_at <= e.interview_due_at  # type: ignore[operator]
        ]
        assert len(on_time) >= found.count() * 0.6
        # Each episode is on the child's chronology, dated when the child went missing.
        for episode in episodes:
            entries = ChronologyEntry.objects.filter(source_id=episode.pk, kind="missing")
            assert entries.filter(occurred_at=episode.missing_from).exists()
        # A child exploited by the county line went missing three times in 30 days: the flag.
        line = {child_node(c) for c in small_plan.children if c.network == "county-line"}
        recent = Counter(
            episodes.filter(missing_from__gte=now - timedelta(days=30)).values_list(
                "person", flat=True
            )
        )
        flagged = Person.objects.filter(pk__in=[p for p, n in recent.items() if n >= 3])
        assert flagged.exists()
        assert {p.node_id for p in flagged} <= line
        child = flagged.first()
        assert child is not None
        summary = person_risk_summary(viewer=hub_user_with_relationship(child), person=child)
        assert summary.missing_flag and summary.missing_recent >= 3

    def test_disruption_targets_adults_places_and_vehicles_and_a_child_is_referred_to_the_nrm(
        self, loaded: DemoSummary, small_plan: Plan
    ) -> None:
        actions = DisruptionAction.objects.select_related(
            "target__person", "target__location", "target__object"
        )

        targets = set()
        for action in actions:
            node = action.target
            if node.kind == "person":
                assert node.person.category == PersonCategory.ADULT
                targets.add("adult")
            elif node.kind == "object":
                assert node.object.kind == ObjectKind.VEHICLE
                targets.add("vehicle")
            else:
                assert node.kind == "location"
                targets.add("place")
            if action.status == DisruptionStatus.COMPLETED:
                assert action.outcome and action.ended_on is not None
                assert action.ended_on >= action.started_on
        assert targets == {"adult", "place", "vehicle"}
        assert {DisruptionKind.CAWN, DisruptionKind.LICENSING} <= {a.kind for a in actions}
        assert len({a.status for a in actions}) >= 3
        trap = Location.objects.get(name="Flat 7, Calder Court")
        assert actions.filter(target=trap.node, kind=DisruptionKind.CIVIL_ORDER).exists()

        referrals = NRMReferral.objects.select_related("person")
        assert referrals.exists()
        line = {child_node(c) for c in small_plan.children if c.network == "county-line"}
        for referral in referrals:
            assert referral.person.node_id in line
            assert referral.reasonable_grounds == NRMDecision.POSITIVE
            assert referral.reasonable_grounds_on >= referral.referred_on  # type: ignore[operator]
            assert referral.guardian_allocated_on is not None
            assert referral.referred_on < timezone.localdate()

    def test_the_language_report_has_a_year_of_counts_that_fall_over_time(
        self, loaded: DemoSummary
    ) -> None:
        rows = list(KeptWording.objects.all())
        assert loaded.data is not None and loaded.data.kept_wording == len(rows) > 50
        now = timezone.now()
        assert all(now - timedelta(days=366) <= row.recorded_at <= now for row in rows)
        rules = {rule.id: rule.category for rule in default_checker().ruleset.rules}
        assert all(rules[row.rule_id] == row.category for row in rows)
        assert len({row.team_id for row in rows}) >= 2  # the report has teams to compare
        older = sum(row.recorded_at < now - timedelta(days=182) for row in rows)
        assert older > len(rows) - older  # the trend falls

    def test_every_text_written_into_the_records_passes_the_language_check(
        self, loaded: DemoSummary
    ) -> None:
        checker = default_checker()
        texts: list[str] = []
        for concern in Concern.objects.all():
            texts += [
                concern.what_happened,
                concern.child_words,
                concern.no_consent_reason,
                concern.immediate_action_taken,
                concern.next_step_reason,
            ]
        for item in PartnerIntelligence.objects.all():
            texts += [item.information, item.source_description, item.handling_conditions]
        for decision in SharingDecision.objects.all():
            texts += [decision.rationale, decision.purpose, decision.information]
        texts += list(IntelligenceGrading.objects.values_list("rationale", flat=True))
        texts += list(Person.objects.values_list("description", flat=True))
        texts += list(ChronologyEntry.objects.values_list("summary", flat=True))
        texts += [g.description for g in Group.objects.all()]
        for screening in Screening.objects.all():
            texts += [
                screening.rationale,
                screening.advice_given,
                screening.signposted_to,
                screening.decision_note,
            ]
            texts += [answer["evidence"] for answer in screening.answers]
        texts += list(Case.objects.values_list("closure_reason", flat=True))
        for plan in SafetyPlan.objects.prefetch_related("actions"):
            texts += [
                plan.danger_statement,
                plan.safety_goal,
                plan.child_words,
                plan.trusted_adults,
                plan.safe_places,
                plan.strategies,
            ]
            texts += [f"{action.owner}: {action.action}" for action in plan.actions.all()]
        for episode in MissingEpisode.objects.all():
            texts += [
                episode.last_seen_where,
                episode.found_where,
                episode.found_with,
                episode.harm_disclosed,
                episode.interview_by,
                episode.interview_summary,
            ]
        for action in DisruptionAction.objects.all():
            texts += [action.description, action.outcome]
        findings = [
            (finding.rule_id, text[:120])
            for text in texts
            if text
            for finding in checker.check(text).findings
        ]
        assert findings == []
        assert len([t for t in texts if t]) > 200


@pytest.mark.django_db
def test_a_second_run_creates_nothing(demo_mode: Path) -> None:
    first = seed_demo_partnership(var_dir=demo_mode, scale=SMALL)
    before = row_counts()

    second = seed_demo_partnership(var_dir=demo_mode, scale=SMALL)

    assert first.data is not None
    assert second.data is None
    assert second.users_created == 0
    assert row_counts() == before
    assert load_partnership(scale=DemoScale.of(1.0)) is None  # not even at another scale


@pytest.mark.django_db
def test_it_refuses_outside_demo_mode(settings: object, tmp_path: Path) -> None:
    settings.DEMO_MODE = False  # type: ignore[attr-defined]
    with pytest.raises(DemoModeRequiredError):
        seed_demo_partnership(var_dir=tmp_path, scale=SMALL)
    with pytest.raises(RuntimeError, match="only ever loaded in demo mode"):
        load_partnership(scale=DemoScale.of(SMALL))
    assert not User.objects.exists()
    assert not Concern.objects.exists()
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_the_command_reports_progress_and_what_it_loaded(demo_mode: Path) -> None:
    out = StringIO()
    call_command("seed_demo", scale=SMALL, stdout=out)
    text = out.getvalue()
    total = Concern.objects.count() + PartnerIntelligence.objects.count()
    assert f"Loading concerns and partner information… {total}/{total}" in text
    assert "Screening and case work… " in text
    assert "Recording missing episodes and disruption… " in text
    assert f"{Screening.objects.count()} screenings, {Case.objects.count()} cases" in text
    assert "Demo records loaded in" in text
    assert f"{Concern.objects.count()} concerns" in text
    assert len(text.splitlines()) < 20

    out = StringIO()
    call_command("seed_demo", scale=SMALL, stdout=out)
    assert "Demo records already loaded." in out.getvalue()
    assert "Loading" not in out.getvalue()


@pytest.mark.django_db
def test_the_command_refuses_a_scale_of_zero(demo_mode: Path) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="more than 0"):
        call_command("seed_demo", scale=-1, stdout=StringIO())
    assert not Concern.objects.exists()


# --- The full-size plan, without a database ------------------------------------------------
@pytest.fixture(scope="module")
def full_plan() -> Plan:
    return build_plan(scale=DemoScale(), now=timezone.now())


def test_the_full_plan_has_the_size_the_issue_asks_for(full_plan: Plan) -> None:
    plan = full_plan
    assert 390 <= len(plan.children) <= 430
    assert len(plan.adults) == 72
    assert len(plan.places) == 60
    assert (len(plan.vehicles), len(plan.phones), len(plan.accounts)) == (40, 60, 40)
    assert len(plan.concerns) == 600
    assert len(plan.intelligence) == 150
    assert len({p.email for p in plan.professionals}) == len(plan.professionals) >= 30
    assert 6 <= sum(c.author == "referrer@demo.cehub.test" for c in plan.concerns) <= 15


def test_people_are_realistic_and_ethnicity_is_independent_of_harm(full_plan: Plan) -> None:
    children, adults = full_plan.children, full_plan.adults
    for child in children:
        assert child.date_of_birth.year >= timezone.now().year - 18
    for concern in full_plan.concerns:
        age = (concern.at.date() - concern.child.date_of_birth).days / 365.25
        assert 10 <= age < 18, concern.child
    for adult in adults:
        age = (timezone.now().date() - adult.date_of_birth).days / 365.25
        assert 18 <= age <= 46
    send = sum(c.send for c in children) / len(children)
    assert 0.1 <= send <= 0.2
    sexes = Counter(c.sex for c in children)
    assert sexes["female"] > 100 and sexes["male"] > 100
    assert len({c.ethnicity for c in children}) >= 12
    assert len({c.care_status for c in children}) >= 4

    # One distribution for everyone: the share of each broad group is about the same for
    # adults of concern as for children, and for children with many concerns as with one.
    def white_british(people: list[ChildSpec] | list[AdultSpec]) -> float:
        return sum(p.ethnicity == Ethnicity.WHITE_BRITISH for p in people) / len(people)

    assert abs(white_british(adults) - white_british(children)) < 0.15
    per_child = Counter(c.child.key for c in full_plan.concerns)
    many = [c for c in children if per_child[c.key] >= 2]
    one = [c for c in children if per_child[c.key] == 1]
    assert abs(white_british(many) - white_british(one)) < 0.15
    # Known-as names and aliases.
    assert sum(bool(c.known_as) for c in children) > 30
    assert all(a.alias for a in adults)


def test_identifiers_pass_the_validators_and_cannot_be_real(full_plan: Plan) -> None:
    nhs = [c.nhs_number for c in full_plan.children if c.nhs_number]
    assert len(nhs) == len(set(nhs)) > 250
    assert all(normalise_nhs_number(n) == n and n.startswith("999") for n in nhs)
    postcodes = [p.postcode for p in full_plan.places] + [c.postcode for c in full_plan.children]
    assert all(normalise_postcode(p) == p and p.startswith("NV") for p in postcodes)
    for vehicle in full_plan.vehicles:
        assert normalise_vehicle_registration(vehicle.registration, strict=True).startswith("U")
    numbers = [p.number for p in full_plan.phones] + [
        a.handle for a in full_plan.accounts if a.platform == "whatsapp"
    ]
    assert len(set(numbers)) == len(numbers)
    assert all(normalise_phone(n).startswith("+447700900") for n in numbers)
    for account in full_plan.accounts:
        assert normalise_online_handle(account.platform, account.handle)[0] == account.platform


def test_every_planned_text_passes_the_language_check(full_plan: Plan) -> None:
    checker = default_checker()
    texts = set()
    for concern in full_plan.concerns:
        s = concern.submission
        texts |= {s.what_happened, s.child_words, s.no_consent_reason, s.immediate_action_taken}
        texts |= {p.description for p in s.involved.people}
        if concern.triage and concern.triage.decision:
            texts |= {concern.triage.decision.rationale, concern.triage.decision.information}
            texts.add(concern.triage.next_reason)
    for item in full_plan.intelligence:
        texts |= {item.submission.information, item.submission.source_description}
        if item.grading:
            texts |= {item.grading.rationale, item.grading.handling_conditions}
    texts.discard("")
    assert len(texts) > 1000
    assert [(t, f.rule_id) for t in sorted(texts) for f in checker.check(t).findings] == []


@pytest.fixture(scope="module")
def full_casework(full_plan: Plan) -> Casework:
    return plan_casework(full_plan)


def test_the_full_case_work_has_the_shape_the_issue_asks_for(
    full_plan: Plan, full_casework: Casework
) -> None:
    work = full_casework
    steps = [step for story in work.stories for step in story.steps]
    screens = [s for s in steps if isinstance(s, ScreenStep)]
    first = [next(s for s in story.steps if isinstance(s, ScreenStep)) for story in work.stories]
    # Most children whose concerns went to screening are screened.
    to_screen = {
        c.child.key
        for c in full_plan.concerns
        if c.triage is not None and c.triage.next_step == "screen"
    }
    assert 0.8 * len(to_screen) <= len(work.stories) <= len(to_screen)
    levels = Counter(s.final for s in first)
    assert 0.5 <= (levels["none"] + levels["low"]) / len(first) <= 0.8
    assert 0.18 <= levels["medium"] / len(first) <= 0.32
    assert 0.05 <= levels["high"] / len(first) <= 0.12
    screened = Counter(
        story.child.key for story in work.stories for s in story.steps if isinstance(s, ScreenStep)
    )
    assert sum(n >= 2 for n in screened.values()) >= 30
    assert max(screened.values()) <= 4
    assert sum(s.lowered for s in screens) >= 5
    assert sum(isinstance(s, DecideStep) for s in steps) >= 5
    assert sum(isinstance(s, AllocateStep) for s in steps) >= 80
    assert sum(isinstance(s, SafetyPlanStep) for s in steps) >= 80
    assert sum(isinstance(s, CloseStep) for s in steps) >= 20
    # Missing episodes: about 60 children, most in the networks' stories; most interviews on time.
    episodes = work.episodes
    assert 50 <= len({e.child.key for e in episodes}) <= 70
    line = [e for e in episodes if e.child.network == "county-line"]
    assert len(line) >= len(episodes) * 0.15
    found = [e for e in episodes if e.found_at is not None]
    on_time = [
        e
        for e in found
        if e.interview and e.interview.offered_at - e.found_at <= timedelta(hours=72)  # type: ignore[operator]
    ]
    assert len(on_time) >= 0.8 * len(found)
    declined = [e for e in found if e.interview and e.interview.acceptance == "declined"]
    assert 0.1 * len(found) <= len(declined) <= 0.4 * len(found)
    recent = Counter(
        e.child.key for e in episodes if e.data.missing_from > full_plan.now - timedelta(days=30)
    )
    assert sum(n >= 3 for n in recent.values()) >= 2
    assert len(work.disruptions) >= 10


def test_every_planned_case_work_text_passes_the_language_check(
    full_casework: Casework,
) -> None:
    checker = default_checker()
    texts: set[str] = set()
    for story in full_casework.stories:
        for step in story.steps:
            if isinstance(step, ScreenStep):
                texts |= {step.rationale, step.advice, step.signposted}
                texts |= {a.evidence for a in step.answers}
            elif isinstance(step, DecideStep):
                texts.add(step.note)
            elif isinstance(step, CloseStep):
                texts.add(step.reason)
            elif isinstance(step, SafetyPlanStep):
                texts |= {
                    step.danger_statement,
                    step.safety_goal,
                    step.child_words,
                    step.trusted_adults,
                    step.safe_places,
                    step.strategies,
                }
                texts |= {a.action for a in step.actions}
    for episode in full_casework.episodes:
        texts |= {episode.found_where, episode.found_with, episode.harm_disclosed}
        texts.add(episode.data.last_seen_where)
        if episode.interview:
            texts.add(episode.interview.summary)
    for disruption in full_casework.disruptions:
        texts |= {disruption.description, disruption.outcome}
    texts.discard("")
    assert len(texts) > 500
    assert [(t, f.rule_id) for t in sorted(texts) for f in checker.check(t).findings] == []


def test_the_plan_is_the_same_on_any_day() -> None:
    now = timezone.now()
    a = build_plan(scale=DemoScale.of(0.2), now=now)
    b = build_plan(scale=DemoScale.of(0.2), now=now - timedelta(days=137, hours=5))

    def identity(plan: Plan) -> list[object]:
        return [
            [(c.given, c.family, c.ethnicity, c.nhs_number) for c in plan.children],
            [(a.given, a.family, a.alias) for a in plan.adults],
            [p.email for p in plan.professionals],
            [(v.registration, v.description) for v in plan.vehicles],
            [p.number for p in plan.phones],
            [(c.author, c.child.key, c.submission.what_happened) for c in plan.concerns],
            [(i.author, i.submission.information) for i in plan.intelligence],
        ]

    assert identity(a) == identity(b)


@pytest.mark.django_db
def test_a_persona_password_changed_since_the_last_run_is_reset(
    demo_mode: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = seed_demo_partnership(var_dir=demo_mode, scale=SMALL)
    referrer = persona(Role.REFERRER)
    referrer.set_password("changed-in-the-ui-123")
    referrer.save(update_fields=["password"])

    seed_demo_partnership(var_dir=demo_mode, scale=SMALL)

    referrer.refresh_from_db()
    assert referrer.check_password(summary.password)
    # Unchanged personas are not re-checked (Argon2 is slow): their hashes' fingerprint matches.
    checks: list[str] = []
    original = User.check_password

    def counting(user: User, raw: str) -> bool:
        checks.append(user.email)
        return original(user, raw)

    monkeypatch.setattr(User, "check_password", counting)
    seed_demo_partnership(var_dir=demo_mode, scale=SMALL)
    assert checks == []
    (demo_mode / "demo_password.verified").unlink()
    seed_demo_partnership(var_dir=demo_mode, scale=SMALL)
    assert sorted(checks) == sorted(p.email for p in PERSONAS)
