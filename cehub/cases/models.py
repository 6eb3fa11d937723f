"""A period of hub involvement with a child, and the work around it.

Case (allocation, level history, reviews, closure), safety plans (versioned, with actions by
agency), missing episodes and return home interviews, disruption of the adults and places that
exploit children, and National Referral Mechanism referrals.
"""

from __future__ import annotations

import pghistory
from django.db import models
from django.db.models import Q

from cehub.core.models import UUIDModel, optional_user_field, user_field


class CaseStatus(models.TextChoices):
    AWAITING_ALLOCATION = "awaiting-allocation", "Waiting to be allocated"
    OPEN = "open", "Open"
    STEPPED_DOWN = "stepped-down", "Stepped down"
    CLOSED = "closed", "Closed"


class ClosureOutcome(models.TextChoices):
    RISK_REDUCED = "risk-reduced", "Risk reduced: no longer needs the hub"
    STEPPED_DOWN = "stepped-down", "Stepped down to another service"
    MOVED_AWAY = "moved-away", "Moved out of the area (case transferred)"
    TURNED_18 = "turned-18", "Turned 18: transferred to adult services"
    OTHER = "other", "Other"


@pghistory.track()
class Case(UUIDModel):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(max_length=32, choices=CaseStatus.choices)
    level = models.CharField(max_length=16)
    opened_at = models.DateTimeField()
    opened_by = user_field()
    allocated_worker = optional_user_field(related_name="allocated_cases")
    allocated_team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    allocated_at = models.DateTimeField(null=True, blank=True)
    review_due_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closure_outcome = models.CharField(max_length=32, choices=ClosureOutcome.choices, blank=True)
    closure_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            # One live case per child: a new concern updates it rather than opening another.
            models.UniqueConstraint(
                fields=["person"],
                condition=~Q(status="closed"),
                name="case_one_live_case_per_child",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | (~Q(closure_outcome="") & ~Q(closure_reason="")),
                name="case_closure_has_outcome_and_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="open") | Q(allocated_worker__isnull=False),
                name="case_open_means_allocated",
            ),
        ]

    def __str__(self) -> str:
        return f"Case ({self.get_status_display()})"


class CaseLevelChange(UUIDModel):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="level_history")
    level = models.CharField(max_length=16)
    screening = models.ForeignKey(
        "screening.Screening", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField()
    changed_by = user_field()

    class Meta:
        ordering = ["changed_at"]

    def __str__(self) -> str:
        return self.level


@pghistory.track()
class SafetyPlan(UUIDModel):
    """One version of a child's safety plan; a change writes a new version."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="safety_plans")
    version_number = models.PositiveIntegerField()
    danger_statement = models.TextField(help_text="What we are worried about")
    safety_goal = models.TextField(help_text="What the child and the adults around them will do")
    child_words = models.TextField(help_text="The child's own words and wishes")
    trusted_adults = models.TextField(blank=True)
    safe_places = models.TextField(blank=True)
    strategies = models.TextField(blank=True)
    review_date = models.DateField()
    created_by = user_field()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-version_number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "version_number"], name="safety_plan_version"),
            models.CheckConstraint(
                condition=~Q(child_words=""), name="safety_plan_has_child_words"
            ),
        ]

    def __str__(self) -> str:
        return f"Safety plan v{self.version_number}"


class SafetyPlanAction(UUIDModel):
    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="actions")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=500)
    owner = models.CharField(max_length=200)
    due_date = models.DateField()

    class Meta:
        ordering = ["due_date"]

    def __str__(self) -> str:
        return self.action


class PoliceRiskGrade(models.TextChoices):
    NO_APPARENT_RISK = "no-apparent-risk", "No apparent risk (absent)"
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    NOT_KNOWN = "not-known", "Not known"


class InterviewAcceptance(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined by the child"
    NOT_OFFERED = "not-offered", "Not yet offered"


@pghistory.track()
class MissingEpisode(UUIDModel):
    """A child is missing until found and safe; a return interview is due within 72 hours."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="missing_episodes"
    )
    police_reference = models.CharField(max_length=50, blank=True)
    missing_from = models.DateTimeField()
    reported_at = models.DateTimeField()
    found_at = models.DateTimeField(null=True, blank=True)
    last_seen_where = models.CharField(max_length=300, blank=True)
    found_where = models.CharField(max_length=300, blank=True)
    found_with = models.CharField(max_length=300, blank=True)
    police_risk_grade = models.CharField(max_length=32, choices=PoliceRiskGrade.choices)
    harm_disclosed = models.TextField(blank=True)
    interview_due_at = models.DateTimeField(null=True, blank=True)
    interview_offered_at = models.DateTimeField(null=True, blank=True)
    interview_acceptance = models.CharField(
        max_length=16, choices=InterviewAcceptance.choices, default=InterviewAcceptance.NOT_OFFERED
    )
    interview_completed_at = models.DateTimeField(null=True, blank=True)
    interview_by = models.CharField(max_length=200, blank=True)
    interview_summary = models.TextField(blank=True)
    recorded_by = user_field()
    recorded_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-missing_from"]
        indexes = [models.Index(fields=["person", "-missing_from"], name="missing_person_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(found_at__isnull=True) | Q(found_at__gte=models.F("missing_from")),
                name="missing_found_after_missing",
            ),
            models.CheckConstraint(
                condition=Q(reported_at__gte=models.F("missing_from")),
                name="missing_reported_after_missing",
            ),
        ]

    def __str__(self) -> str:
        return "Missing episode"


class DisruptionKind(models.TextChoices):
    CAWN = "cawn", "Child abduction warning notice"
    WARNING_LETTER = "warning-letter", "Child exploitation warning letter"
    LICENSING = "licensing", "Licensing referral (premises)"
    VEHICLE_STOP = "vehicle-stop", "Vehicle stop or check"
    CIVIL_ORDER = "civil-order", "Civil order (e.g. sexual risk order)"
    OTHER = "other", "Other disruption"


class DisruptionStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in-progress", "In progress"
    COMPLETED = "completed", "Completed"
    NOT_PURSUED = "not-pursued", "Not pursued"


@pghistory.track()
class DisruptionAction(UUIDModel):
    """Action against a person, place or vehicle that exploits children (PRACTICE.md §5)."""

    target = models.ForeignKey(
        "contexts.Node", on_delete=models.PROTECT, related_name="disruptions"
    )
    kind = models.CharField(max_length=32, choices=DisruptionKind.choices)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=DisruptionStatus.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    owner_agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    recorded_by = user_field()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="disruption_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class NRMDecision(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    POSITIVE = "positive", "Positive"
    NEGATIVE = "negative", "Negative"


@pghistory.track()
class NRMReferral(UUIDModel):
    """National Referral Mechanism: referral, reasonable and conclusive grounds, guardian."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="nrm_referrals"
    )
    referred_on = models.DateField()
    first_responder = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="+"
    )
    reasonable_grounds = models.CharField(
        max_length=16, choices=NRMDecision.choices, default=NRMDecision.PENDING
    )
    reasonable_grounds_on = models.DateField(null=True, blank=True)
    conclusive_grounds = models.CharField(
        max_length=16, choices=NRMDecision.choices, default=NRMDecision.PENDING
    )
    conclusive_grounds_on = models.DateField(null=True, blank=True)
    guardian_allocated_on = models.DateField(
        null=True, blank=True, help_text="Independent Child Trafficking Guardian"
    )
    recorded_by = user_field()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-referred_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reasonable_grounds="pending") | Q(reasonable_grounds_on__isnull=False),
                name="nrm_reasonable_grounds_dated",
            ),
            models.CheckConstraint(
                condition=Q(conclusive_grounds="pending") | Q(conclusive_grounds_on__isnull=False),
                name="nrm_conclusive_grounds_dated",
            ),
            models.CheckConstraint(
                condition=Q(conclusive_grounds="pending") | ~Q(reasonable_grounds="pending"),
                name="nrm_conclusive_after_reasonable",
            ),
        ]

    def __str__(self) -> str:
        return "NRM referral"


# --- Case notes ------------------------------------------------------------------------------
NOTE_MAX_LENGTH = 10_000  # a long visit note is a few thousand characters
NOTE_PRESENT_MAX_LENGTH = 300
NOTE_CORRECTION_REASON_MAX_LENGTH = 500


class CaseNoteKind(models.TextChoices):
    VISIT = "visit", "Visit to the child"
    CALL = "call", "Phone or video call with the child"
    DIRECT_WORK = "direct-work", "Direct work session with the child"
    PARENT_CARER = "parent-carer", "Contact with a parent or carer"
    AGENCY = "agency", "Contact with another agency"
    OTHER = "other", "Other contact"


@pghistory.track()
class CaseNote(UUIDModel):
    """One contact in the hub's work with a child, as the child may read it as an adult.

    Append-only: a note is never edited or deleted. A mistake is put right by a new note that
    ``corrects`` it (one correction per note; a correction can itself be corrected).
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="notes")
    # The case's child, copied so a child's notes are one indexed query.
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=CaseNoteKind.choices)
    contact_at = models.DateTimeField(help_text="When the contact happened")
    present = models.CharField(
        max_length=NOTE_PRESENT_MAX_LENGTH,
        blank=True,
        help_text="Who was there, or who was contacted",
    )
    child_seen = models.BooleanField(null=True, blank=True)
    text = models.TextField()
    author = user_field()
    # Where the author worked when they wrote the note (people move teams and agencies).
    author_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, null=True, related_name="+"
    )
    author_team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()
    corrects = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correction",
    )
    correction_reason = models.CharField(max_length=NOTE_CORRECTION_REASON_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-contact_at", "-recorded_at"]
        indexes = [
            models.Index(fields=["case", "-contact_at"], name="case_note_case_time_idx"),
            models.Index(fields=["person", "-contact_at"], name="case_note_person_time_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="case_note_has_text"),
            models.CheckConstraint(
                condition=~Q(kind="visit") | Q(child_seen__isnull=False),
                name="case_note_visit_says_if_child_seen",
            ),
            models.CheckConstraint(
                condition=(Q(corrects__isnull=True) & Q(correction_reason=""))
                | (Q(corrects__isnull=False) & ~Q(correction_reason="")),
                name="case_note_correction_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(corrects=models.F("id")), name="case_note_not_own_correction"
            ),
        ]

    def __str__(self) -> str:
        return f"Case note ({self.get_kind_display()})"
