"""Writing the demo's case work through CE Hub's own services, one dated step at a time.

Each step of each story runs inside ``DemoClock.step`` so that it is dated when the story says
(``backdate.py``); screenings are recorded with the tool's scoring, so a level the plan and the
tool disagree about stops the load.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from cehub.accounts.models import Agency, User
from cehub.cases.casework.services import case_allocate, case_close
from cehub.cases.disruption.services import disruption_record
from cehub.cases.missing.services import (
    missing_episode_found,
    missing_episode_record,
    return_interview_record,
)
from cehub.cases.models import Case, CaseNote, CaseStatus, MissingEpisode, NRMDecision, NRMReferral
from cehub.cases.notes.services import CaseNoteInput, case_note_add, case_note_correct
from cehub.cases.nrm.services import nrm_record
from cehub.cases.plans.services import PlanAction, SafetyPlanInput, safety_plan_save
from cehub.contexts.models import Location, Node, Object, ObjectKind
from cehub.core.identifiers import normalise_vehicle_registration
from cehub.intake.models import Concern
from cehub.people.models import Person
from cehub.screening.models import Screening
from cehub.screening.services import screening_decide_lower_level, screening_record

from ..backdate import DemoClock
from ..personas import HUB_MANAGER, INTELLIGENCE_OFFICER
from ..plan.specs import AdultSpec, PlaceSpec, Plan, VehicleSpec
from ..progress import Progress, with_progress
from .steps import (
    AllocateStep,
    CaseNoteStep,
    Casework,
    ChildStory,
    CloseStep,
    DecideStep,
    DisruptionPlan,
    EpisodePlan,
    SafetyPlanStep,
    ScreenStep,
)


@dataclass
class CaseworkLoaded:
    episodes: list[uuid.UUID] = field(default_factory=list)


class CaseworkLoader:
    """Writes the stories through the screening and case services, one dated step at a time."""

    def __init__(
        self,
        *,
        plan: Plan,
        casework: Casework,
        clock: DemoClock,
        users: dict[str, User],
        children: dict[int, Person],
        adults: dict[str, Person],
        concerns: dict[int, uuid.UUID],
        progress: Progress,
    ) -> None:
        self.plan = plan
        self.casework = casework
        self.clock = clock
        self.users = users
        self.children = children
        self.adults = adults
        self.concern_ids = concerns  # id() of each ConcernPlan -> the Concern written for it
        self.progress = progress
        self.loaded = CaseworkLoaded()

    def run(self) -> CaseworkLoaded:
        self.agencies = {agency.name: agency for agency in Agency.objects.all()}
        self.concerns = Concern.objects.in_bulk(list(self.concern_ids.values()))
        for story in with_progress(self.casework.stories, "Screening and case work", self.progress):
            self.story(story)
        work: list[EpisodePlan | DisruptionPlan] = [
            *self.casework.episodes,
            *self.casework.disruptions,
        ]
        stage = "Recording missing episodes and disruption"
        for item in with_progress(work, stage, self.progress):
            if isinstance(item, EpisodePlan):
                self.episode(item)
            else:
                self.disruption(item)
        return self.loaded

    # --- a child's story ---------------------------------------------------------------------
    def story(self, story: ChildStory) -> None:
        person = self.children[story.child.key]
        manager = self.users[HUB_MANAGER]
        screening: Screening | None = None
        referral: NRMReferral | None = None
        notes: dict[int, CaseNote] = {}  # id() of each CaseNoteStep -> the note written
        for step in story.steps:
            with self.clock.step(step.at):
                if isinstance(step, CaseNoteStep):
                    notes[id(step)] = self.case_note(person, step, notes)
                elif isinstance(step, ScreenStep):
                    screening = self.screen(person, step)
                elif isinstance(step, DecideStep):
                    assert screening is not None  # noqa: S101 - decisions follow a screening
                    screening = screening_decide_lower_level(
                        actor=manager, screening=screening, agree=step.agree, note=step.note
                    )
                elif isinstance(step, AllocateStep):
                    case_allocate(
                        actor=manager, case=self.live_case(person), worker=self.users[step.worker]
                    )
                elif isinstance(step, SafetyPlanStep):
                    self.safety_plan(person, step)
                elif isinstance(step, CloseStep):
                    case_close(
                        actor=self.users[step.actor],
                        case=self.live_case(person),
                        outcome=step.outcome,
                        reason=step.reason,
                        step_down=step.step_down,
                    )
                else:
                    referral = nrm_record(
                        actor=self.users[step.actor],
                        person=person,
                        referred_on=step.referred_on,
                        first_responder=self.agencies[step.first_responder],
                        reasonable_grounds=NRMDecision.POSITIVE
                        if step.reasonable_grounds_on
                        else NRMDecision.PENDING,
                        reasonable_grounds_on=step.reasonable_grounds_on,
                        conclusive_grounds=NRMDecision.POSITIVE
                        if step.conclusive_grounds_on
                        else NRMDecision.PENDING,
                        conclusive_grounds_on=step.conclusive_grounds_on,
                        guardian_allocated_on=step.guardian_allocated_on,
                        referral=referral,
                    )

    def screen(self, person: Person, step: ScreenStep) -> Screening:
        concern = None
        if step.concern is not None:
            concern = self.concerns[self.concern_ids[id(step.concern)]]
        screening = screening_record(
            actor=self.users[step.assessor],
            person=person,
            answers=list(step.answers),
            disclosure=step.disclosure,
            final_level=step.final,
            rationale=step.rationale,
            concern=concern,
            advice_given=step.advice,
            signposted_to=step.signposted,
        )
        if screening.computed_level != step.computed:  # pragma: no cover - plan and tool agree
            raise RuntimeError("The demo plan and the screening tool disagree about a level")
        return screening

    @staticmethod
    def live_case(person: Person) -> Case:
        return Case.objects.exclude(status=CaseStatus.CLOSED).get(person=person)

    def safety_plan(self, person: Person, step: SafetyPlanStep) -> None:
        # Dates are written relative to today; the clock then moves them with the plan.
        today = timezone.localdate()
        safety_plan_save(
            actor=self.users[step.author],
            case=self.live_case(person),
            plan=SafetyPlanInput(
                danger_statement=step.danger_statement,
                safety_goal=step.safety_goal,
                child_words=step.child_words,
                review_date=today + timedelta(days=step.review_in_days),
                trusted_adults=step.trusted_adults,
                safe_places=step.safe_places,
                strategies=step.strategies,
                actions=[
                    PlanAction(
                        agency=self.agencies[a.agency],
                        action=a.action,
                        owner=a.owner,
                        due_date=today + timedelta(days=a.due_in_days),
                    )
                    for a in step.actions
                ],
            ),
        )

    def case_note(
        self, person: Person, step: CaseNoteStep, written: dict[int, CaseNote]
    ) -> CaseNote:
        actor = self.users[step.author]
        note = CaseNoteInput(
            kind=step.kind,
            contact_at=step.contact_at,
            text=step.text,
            present=step.present,
            child_seen=step.child_seen,
        )
        if step.corrects is None:
            row = case_note_add(actor=actor, case=self.live_case(person), note=note)
        else:
            row = case_note_correct(
                actor=actor,
                original=written[id(step.corrects)],
                note=note,
                reason=step.correction_reason,
            )
        return row

    # --- missing episodes ------------------------------------------------------------------------
    def episode(self, plan: EpisodePlan) -> None:
        actor = self.users[plan.recorder]
        person = self.children[plan.child.key]
        with self.clock.step(plan.recorded_at):
            episode: MissingEpisode = missing_episode_record(
                actor=actor, person=person, data=plan.data
            )
        self.loaded.episodes.append(episode.pk)
        if plan.found_at is None or plan.found_step_at is None:
            return
        with self.clock.step(plan.found_step_at):
            episode = missing_episode_found(
                actor=actor,
                episode=episode,
                found_at=plan.found_at,
                found_where=plan.found_where,
                found_with=plan.found_with,
                harm_disclosed=plan.harm_disclosed,
            )
        interview = plan.interview
        if interview is None:
            return
        with self.clock.step(interview.at):
            return_interview_record(
                actor=actor,
                episode=episode,
                offered_at=interview.offered_at,
                acceptance=interview.acceptance,
                completed_at=interview.completed_at,
                interview_by=interview.interview_by,
                summary=interview.summary,
            )

    # --- disruption --------------------------------------------------------------------------
    def disruption(self, plan: DisruptionPlan) -> None:
        target = self.target(plan.network, plan.member)
        if target is None:  # the member is not in any report at this scale
            return
        with self.clock.step(plan.at):
            disruption_record(
                actor=self.users[INTELLIGENCE_OFFICER],
                target=target,
                kind=plan.kind,
                status=plan.status,
                started_on=plan.started_on,
                ended_on=plan.ended_on,
                owner_agency=self.agencies[plan.owner_agency],
                description=plan.description,
                outcome=plan.outcome,
            )

    def target(self, network: str, member_key: str) -> Node | None:
        member = self.plan.members[network][member_key]
        if isinstance(member, AdultSpec):
            adult = self.adults.get(member.key)
            return adult.node if adult is not None else None
        if isinstance(member, PlaceSpec):
            place = Location.objects.filter(name=member.name, postcode=member.postcode).first()
            return place.node if place is not None else None
        if isinstance(member, VehicleSpec):
            registration = normalise_vehicle_registration(member.registration)
            vehicle = Object.objects.filter(
                kind=ObjectKind.VEHICLE, registration=registration
            ).first()
            return vehicle.node if vehicle is not None else None
        raise RuntimeError(f"Disruption is planned against a {type(member).__name__}")
