"""Factories for the people and organisations tests are about, and for the main records.

Users, agencies and teams are factory_boy factories. The records (children, concerns, cases,
meetings…) are made by small functions that call the product's own services, as a user would
through the pages: the service checks who may do it, grants the team relationships, writes
the chronology and the audit events. A test that needs "a child with an allocated case" says
so in one line, and the record it gets is one the product could have made.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, timedelta
from typing import Any

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

# The records' models and the services that make them. Service modules are being split into
# subdomain packages (issue 10): these imports are kept in this one block for that.
from cehub.accounts.models import Agency, Team, User
from cehub.cases.casework.services import case_allocate
from cehub.cases.disruption.services import disruption_record
from cehub.cases.missing.services import MissingEpisodeInput, missing_episode_record
from cehub.cases.models import (
    Case,
    CaseNote,
    CaseNoteKind,
    CaseStatus,
    DisruptionAction,
    DisruptionKind,
    DisruptionStatus,
    MissingEpisode,
    NRMDecision,
    NRMReferral,
    PoliceRiskGrade,
    SafetyPlan,
)
from cehub.cases.notes.services import CaseNoteInput, case_note_add
from cehub.cases.nrm.services import nrm_record
from cehub.cases.plans.services import SafetyPlanInput, safety_plan_save
from cehub.cases.screening.services import screening_submit
from cehub.contexts.models import (
    Group,
    GroupKind,
    Link,
    Location,
    LocationKind,
    Node,
    Object,
    Relation,
)
from cehub.contexts.services import (
    group_create,
    link_record,
    location_find_or_create,
    vehicle_find_or_create,
)
from cehub.core.roles import AgencyKind, Role
from cehub.intake.models import (
    Awareness,
    Concern,
    ConsentStatus,
    ExploitationForm,
    LawfulBasis,
    NextStep,
    PartnerIntelligence,
    SharingOutcome,
)
from cehub.intake.submit.services import (
    ConcernSubmission,
    IntelligenceSubmission,
    concern_submit,
    intelligence_submit,
)
from cehub.intake.triage.services import (
    SharingDecisionInput,
    concern_decide_next_step,
    concern_link_child,
    sharing_decision_record,
)
from cehub.meetings.minutes.services import (
    action_create,
    agenda_item_add,
    meeting_create,
    meeting_start,
)
from cehub.meetings.models import Action, AgendaItem, Meeting
from cehub.people.models import BreakGlassCategory, BreakGlassGrant, Person, PersonCategory
from cehub.people.services import PersonDetails, break_glass_open, person_create
from cehub.screening.models import Screening
from cehub.screening.services import AnswerInput, tool_get

TEST_PASSWORD = "correct horse battery staple"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = AgencyKind.CHILDRENS_SOCIAL_CARE


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    agency = factory.SubFactory(AgencyFactory)
    is_hub_team = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@agency.example")
    full_name = factory.Faker("name", locale="en_GB")
    agency = factory.SubFactory(AgencyFactory)
    team = None
    role = Role.HUB_PRACTITIONER
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def verified_email(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def totp_secret(self, create: bool, extracted: str | bool | None, **kwargs: object) -> None:
        """Users have TOTP by default (MFA is required); pass totp_secret=False for none."""
        if create and extracted is not False:
            secret = extracted if isinstance(extracted, str) else generate_totp_secret()
            TOTP.activate(self, secret)
            RecoveryCodes.activate(self)  # as allauth does when TOTP is set up in the page
            self.test_totp_secret = secret  # type: ignore[attr-defined]


# --- People ----------------------------------------------------------------------------------
def create_child(
    *,
    actor: User | None,
    given_name: str = "Kayleigh",
    family_name: str = "Brookes",
    date_of_birth: date | None = date(2011, 5, 14),
    nhs_number: str = "",
    **details: Any,
) -> Person:
    """A child's record. Made by a hub user, their team has the relationship ("created");
    with ``actor=None`` (made elsewhere, e.g. from a report) nobody has one yet. ``details``
    are further ``PersonDetails`` fields (sex, known_as, care_status, ...)."""
    return person_create(
        actor=actor,
        details=PersonDetails(
            category=PersonCategory.CHILD,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            nhs_number=nhs_number,
            **details,
        ),
    )


def create_adult(
    *, actor: User | None, given_name: str = "Dean", family_name: str = "Harker", **details: Any
) -> Person:
    return person_create(
        actor=actor,
        details=PersonDetails(
            category=PersonCategory.ADULT, given_name=given_name, family_name=family_name, **details
        ),
    )


def open_break_glass(*, actor: User, child: Person) -> BreakGlassGrant:
    """Emergency access by a hub user with no relationship to the child (the privacy officer
    reviews each one)."""
    return break_glass_open(
        actor=actor,
        person=child,
        category=BreakGlassCategory.DUTY_COVER,
        reason="Police called: she was found with an adult in a car at 2am",
    )


# --- Intake ----------------------------------------------------------------------------------
CONCERN = ConcernSubmission(
    child_given_name="Kayleigh",
    child_family_name="Brookes",
    child_age_estimate=14,
    child_school="Riverside Academy",
    what_happened=(
        "An adult in a silver car collects Kayleigh from the school gate and she has a new "
        "phone she will not explain."
    ),
    happened_where="Riverside Academy front gate",
    forms_suspected=[ExploitationForm.CSE],
    child_aware=Awareness.YES,
    family_aware=Awareness.NO,
    consent_given=Awareness.NO,
    no_consent_reason="Telling the family now could increase the danger to Kayleigh.",
)

INTELLIGENCE = IntelligenceSubmission(
    information="A silver car waits outside the takeaway on Mill Lane most evenings after 9pm.",
    source_description="Seen by our outreach workers on three evenings this month",
)


def submit_concern(*, referrer: User, **changes: Any) -> Concern:
    """A referrer's concern as they tell it (``changes`` replace fields of ``CONCERN``)."""
    return concern_submit(actor=referrer, submission=dataclasses.replace(CONCERN, **changes))


def submit_intelligence(*, submitter: User, **changes: Any) -> PartnerIntelligence:
    """Partner information (``changes`` replace fields of ``INTELLIGENCE``)."""
    return intelligence_submit(
        actor=submitter, submission=dataclasses.replace(INTELLIGENCE, **changes)
    )


NOT_SHARING = SharingDecisionInput(
    outcome=SharingOutcome.NOT_SHARE,
    purpose="To protect Kayleigh",
    lawful_basis=LawfulBasis.NONE_NEEDED,
    consent_status=ConsentStatus.NOT_SOUGHT_RISK,
    rationale="Police attended and already hold this; sharing again adds nothing.",
)


def triage_concern(
    *, actor: User, concern: Concern, child: Person, next_step: NextStep = NextStep.SCREEN
) -> Concern:
    """Triage done as the hub does it: the child linked (the triager's team gains the
    relationship), the sharing decision recorded, then what happens next."""
    concern = concern_link_child(actor=actor, concern=concern, person=child)
    sharing_decision_record(actor=actor, decision=NOT_SHARING, concern=concern)
    reason = "" if next_step == NextStep.SCREEN else "Already known to the family's school nurse"
    return concern_decide_next_step(
        actor=actor, concern=concern, next_step=next_step, reason=reason
    )


# --- Screening and the case ------------------------------------------------------------------
def screen_to_case(*, actor: User, child: Person, concern: Concern | None = None) -> Screening:
    """A screening at medium (one significant indicator seen now): it opens the child's case,
    waiting for a manager to allocate it."""
    significant = next(i for i in tool_get().indicators.values() if i.tier == "significant")
    return screening_submit(
        actor=actor,
        person=child,
        answers=[AnswerInput(significant.id, "current", True, "Seen by school staff")],
        disclosure=False,
        final_level="medium",
        concern=concern,
    )


def allocate_case(*, manager: User, worker: User, child: Person) -> Case:
    """The child's case, waiting since a screening, allocated to ``worker`` (whose team gains
    the relationship)."""
    case = Case.objects.get(person=child, status=CaseStatus.AWAITING_ALLOCATION)
    return case_allocate(actor=manager, case=case, worker=worker)


def write_safety_plan(*, actor: User, case: Case) -> SafetyPlan:
    return safety_plan_save(
        actor=actor,
        case=case,
        plan=SafetyPlanInput(
            danger_statement="Adults at the takeaway are giving Kayleigh vapes and lifts",
            safety_goal="Kayleigh spends evenings with people who keep her safe",
            child_words="\u201cI want to go to boxing on Tuesdays and see my nan.\u201d",
            review_date=timezone.localdate() + timedelta(days=28),
        ),
    )


def add_case_note(*, actor: User, case: Case) -> CaseNote:
    return case_note_add(
        actor=actor,
        case=case,
        note=CaseNoteInput(
            kind=CaseNoteKind.CALL,
            contact_at=timezone.now() - timedelta(hours=2),
            text="Spoke with Kayleigh about boxing on Tuesday; she sounded keen.",
        ),
    )


def record_missing_episode(*, actor: User, child: Person, found: bool = True) -> MissingEpisode:
    """Missing since yesterday evening; found this morning unless ``found=False``."""
    now = timezone.now()
    return missing_episode_record(
        actor=actor,
        person=child,
        data=MissingEpisodeInput(
            missing_from=now - timedelta(hours=20),
            reported_at=now - timedelta(hours=18),
            found_at=now - timedelta(hours=2) if found else None,
            police_risk_grade=PoliceRiskGrade.MEDIUM,
            last_seen_where="Bus station",
            found_where="A flat in Northgate" if found else "",
        ),
    )


def refer_to_nrm(*, actor: User, child: Person) -> NRMReferral:
    """A National Referral Mechanism referral made by the actor's agency, awaiting decisions."""
    return nrm_record(
        actor=actor,
        person=child,
        referred_on=timezone.localdate() - timedelta(days=7),
        first_responder=actor.agency,  # type: ignore[arg-type]
        reasonable_grounds=NRMDecision.PENDING,
    )


# --- Places, objects and groups ---------------------------------------------------------------
def create_place(*, address: str = "14 Mill Lane", postcode: str = "NV1 2AB") -> Location:
    return location_find_or_create(
        kind=LocationKind.TAKEAWAY, name="Mill Lane Grill", address=address, postcode=postcode
    )


def create_vehicle(*, registration: str = "AB12 CDE") -> Object:
    return vehicle_find_or_create(registration=registration, description="Silver Focus")


def create_group(*, name: str = "Mill Lane group") -> Group:
    return group_create(kind=GroupKind.PEER, name=name)


def record_link(
    from_node: Node,
    relation: Relation,
    to_node: Node,
    *,
    actor: User | None,
    source_type: str = "concern",
    seen_on: date | None = None,
    grading: tuple[str, str, str] | None = None,
    handling_conditions: str = "",
) -> Link:
    """``from_node`` is ``relation`` ``to_node`` (Kayleigh SEEN_AT the flat), as reported by
    one (made-up) event of ``source_type``."""
    return link_record(
        from_node=from_node,
        to_node=to_node,
        relation=relation,
        source_type=source_type,
        source_id=uuid.uuid4(),
        actor=actor,
        seen_on=seen_on,
        grading=grading,
        handling_conditions=handling_conditions,
    )


def record_disruption(*, actor: User, target: Node) -> DisruptionAction:
    """Disruption under way against an adult, a place or a vehicle (never a child)."""
    return disruption_record(
        actor=actor,
        target=target,
        kind=DisruptionKind.LICENSING,
        status=DisruptionStatus.IN_PROGRESS,
        started_on=timezone.localdate() - timedelta(days=3),
        owner_agency=actor.agency,  # type: ignore[arg-type]
    )


# --- The daily meeting -----------------------------------------------------------------------
def hold_meeting(*, chair: User, meeting_date: date | None = None, started: bool = True) -> Meeting:
    """The day's meeting, chaired (and created) by ``chair``; started unless told not to."""
    meeting = meeting_create(
        actor=chair, meeting_date=meeting_date or timezone.localdate(), chair=chair
    )
    if started:
        meeting = meeting_start(actor=chair, meeting=meeting, attendees=[chair])
    return meeting


def add_agenda_item(*, actor: User, meeting: Meeting, person: Person | None = None) -> AgendaItem:
    return agenda_item_add(
        actor=actor, meeting=meeting, summary="Kayleigh: seen at the takeaway", person=person
    )


def give_action(*, actor: User, item: AgendaItem, owner: User) -> Action:
    """An action from the item for ``owner`` (anyone with an agency), due in two days."""
    return action_create(
        actor=actor,
        item=item,
        description="Check the takeaway's CCTV for the silver car",
        owner=owner,
        due_date=timezone.localdate() + timedelta(days=2),
    )
