"""What reaches the hub: concerns about children, partner intelligence, and sharing decisions."""

from __future__ import annotations

import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from cehub.contexts.models import HandlingCode, IntelligenceAssessment, Node, SourceEvaluation
from cehub.core.models import UUIDModel
from cehub.people.models import Person


class ExploitationForm(models.TextChoices):
    CSE = "cse", "Child sexual exploitation"
    CCE = "cce", "Child criminal exploitation, including county lines"
    ONLINE = "online", "Online exploitation, including sextortion"
    TRAFFICKING = "trafficking", "Trafficking or modern slavery"
    RADICALISATION = "radicalisation", "Radicalisation"
    NOT_SURE = "not-sure", "Not sure"


class ConcernStatus(models.TextChoices):
    SUBMITTED = "submitted", "Received by the hub"
    IN_TRIAGE = "in-triage", "Being looked at by the hub"
    FOR_SCREENING = "for-screening", "Risk screening by the hub"
    NO_FURTHER_ACTION = "no-further-action", "Closed: no further action by the hub"
    SIGNPOSTED = "signposted", "Passed to another service"


class Awareness(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not-sure", "Not sure"


class NextStep(models.TextChoices):
    SCREEN = "screen", "Screen the risk of exploitation"
    NO_FURTHER_ACTION = "no-further-action", "No further action by the hub"
    SIGNPOST = "signpost", "Signpost to another service"


class SubmittedRecord(UUIDModel):
    """What a concern and a piece of partner intelligence both record of their sending (who
    sent it is declared on each: the reverse names on the user differ)."""

    reference = models.CharField(max_length=16, unique=True)
    submitting_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(db_index=True)

    class Meta:
        abstract = True


@pghistory.track()
class Concern(SubmittedRecord):
    """A professional's worry about a child, as they told it. Triage links it to a Person."""

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="concerns_submitted"
    )
    # The child as the referrer knows them. Kept as told, even after triage links a Person.
    child_given_name = models.CharField(max_length=100, blank=True)
    child_family_name = models.CharField(max_length=100, blank=True)
    child_known_as = models.CharField(max_length=200, blank=True)
    child_date_of_birth = models.DateField(null=True, blank=True)
    child_age_estimate = models.PositiveSmallIntegerField(null=True, blank=True)
    child_nhs_number = models.CharField(max_length=10, blank=True)
    child_address = models.CharField(max_length=300, blank=True)
    child_postcode = models.CharField(max_length=8, blank=True)
    child_school = models.CharField(max_length=200, blank=True)
    what_happened = models.TextField()
    happened_on = models.DateField(null=True, blank=True)
    happened_where = models.CharField(max_length=300, blank=True)
    forms_suspected = ArrayField(
        models.CharField(max_length=16, choices=ExploitationForm.choices), default=list
    )
    child_words = models.TextField(
        blank=True, help_text="What the child has said, in their own words, and what they want"
    )
    child_aware = models.CharField(max_length=16, choices=Awareness.choices)
    family_aware = models.CharField(max_length=16, choices=Awareness.choices)
    consent_given = models.CharField(max_length=16, choices=Awareness.choices)
    no_consent_reason = models.TextField(blank=True)
    immediate_danger = models.BooleanField(default=False)
    immediate_action_taken = models.TextField(blank=True)
    status = models.CharField(
        max_length=32, choices=ConcernStatus.choices, default=ConcernStatus.SUBMITTED
    )
    sharing_due_at = models.DateTimeField()
    child = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="concerns"
    )
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    triaged_at = models.DateTimeField(null=True, blank=True)
    next_step = models.CharField(max_length=32, choices=NextStep.choices, blank=True)
    next_step_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"], name="concern_queue_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(child_given_name="", child_family_name="", child_known_as=""),
                name="concern_names_the_child",
            ),
            models.CheckConstraint(
                condition=Q(next_step="") | ~Q(next_step="screen") | Q(child__isnull=False),
                name="concern_screening_needs_a_child",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def child_name_as_reported(self) -> str:
        name = " ".join(p for p in (self.child_given_name, self.child_family_name) if p)
        return name or self.child_known_as


class InvolvementRole(models.TextChoices):
    ADULT = "adult", "Adult of concern"
    YOUNG_PERSON = "young-person", "Another young person"
    PLACE = "place", "Place"
    VEHICLE = "vehicle", "Vehicle"
    PHONE = "phone", "Phone"
    ONLINE_ACCOUNT = "online-account", "Online account"
    GROUP = "group", "Group"
    BUSINESS = "business", "Business"


class Involvement(UUIDModel):
    """A node a concern or intelligence item is about, as the reporter described it."""

    concern = models.ForeignKey(
        Concern, on_delete=models.CASCADE, null=True, blank=True, related_name="involvements"
    )
    intelligence = models.ForeignKey(
        "PartnerIntelligence",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="involvements",
    )
    node = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="involvements")
    role = models.CharField(max_length=16, choices=InvolvementRole.choices)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(concern__isnull=False, intelligence__isnull=True)
                | Q(concern__isnull=True, intelligence__isnull=False),
                name="involvement_has_one_source",
            )
        ]

    def __str__(self) -> str:
        return self.get_role_display()


class IntelligenceSubjectKind(models.TextChoices):
    PERSON = "person", "A person"
    PLACE = "place", "A place"
    VEHICLE = "vehicle", "A vehicle"
    BUSINESS = "business", "A business"
    ONLINE = "online", "An online space or account"


class IntelligenceStatus(models.TextChoices):
    SUBMITTED = "submitted", "Received by the hub"
    GRADED = "graded", "Graded and added to the intelligence picture"


@pghistory.track()
class PartnerIntelligence(SubmittedRecord):
    """Soft intelligence from any partner (seed 004). Need not name a child."""

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="intelligence_submitted"
    )
    subject_kinds = ArrayField(
        models.CharField(max_length=16, choices=IntelligenceSubjectKind.choices), default=list
    )
    information = models.TextField()
    observed_on = models.DateField(null=True, blank=True)
    source_description = models.CharField(
        max_length=200,
        help_text="How you know: seen yourself, told by a colleague, a member of the public…",
    )
    status = models.CharField(
        max_length=16, choices=IntelligenceStatus.choices, default=IntelligenceStatus.SUBMITTED
    )
    source_evaluation = models.CharField(max_length=1, choices=SourceEvaluation.choices, blank=True)
    intelligence_assessment = models.CharField(
        max_length=1, choices=IntelligenceAssessment.choices, blank=True
    )
    handling_code = models.CharField(max_length=1, choices=HandlingCode.choices, blank=True)
    handling_conditions = models.TextField(blank=True)
    sharing_due_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"], name="intel_queue_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(handling_code="C") | ~Q(handling_conditions=""),
                name="intel_conditions_when_handling_c",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def grading(self) -> str:
        if not (self.source_evaluation and self.intelligence_assessment and self.handling_code):
            return ""
        return f"{self.source_evaluation}{self.intelligence_assessment}{self.handling_code}"


class IntelligenceGrading(UUIDModel):
    """Every grading of an intelligence item, kept (the item holds the current one)."""

    intelligence = models.ForeignKey(
        PartnerIntelligence, on_delete=models.PROTECT, related_name="gradings"
    )
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    graded_at = models.DateTimeField()
    source_evaluation = models.CharField(max_length=1, choices=SourceEvaluation.choices)
    intelligence_assessment = models.CharField(max_length=1, choices=IntelligenceAssessment.choices)
    handling_code = models.CharField(max_length=1, choices=HandlingCode.choices)
    handling_conditions = models.TextField(blank=True)
    rationale = models.TextField(blank=True)

    class Meta:
        ordering = ["-graded_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(handling_code="C") | ~Q(handling_conditions=""),
                name="grading_conditions_when_handling_c",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_evaluation}{self.intelligence_assessment}{self.handling_code}"


class SharingOutcome(models.TextChoices):
    SHARE = "share", "Share"
    NOT_SHARE = "not-share", "Do not share"


class LawfulBasis(models.TextChoices):
    PUBLIC_TASK = "public-task", "UK GDPR Article 6(1)(e): public task"
    LEGAL_OBLIGATION = "legal-obligation", "UK GDPR Article 6(1)(c): legal obligation"
    VITAL_INTERESTS = "vital-interests", "UK GDPR Article 6(1)(d): vital interests"
    SAFEGUARDING = (
        "safeguarding",
        ("DPA 2018 Schedule 1 paragraph 18: safeguarding of children (special category data)"),
    )
    LAW_ENFORCEMENT = "law-enforcement", "DPA 2018 Part 3: law enforcement processing"
    CONSENT = "consent", "Consent"
    NONE_NEEDED = "none-needed", "Not applicable: nothing is being shared"


class ConsentStatus(models.TextChoices):
    GIVEN = "given", "Given"
    REFUSED = "refused", "Refused"
    NOT_SOUGHT_RISK = "not-sought-risk", "Not sought: asking would increase risk to the child"
    NOT_SOUGHT_OTHER = "not-sought-other", "Not sought: for another reason, explained below"
    NOT_NEEDED = "not-needed", "Not needed"


@pghistory.track()
class SharingDecision(UUIDModel):
    """A decision to share, or not to share, with its reasons (PRACTICE.md §6, SECURITY §16)."""

    concern = models.ForeignKey(
        Concern, on_delete=models.PROTECT, null=True, blank=True, related_name="sharing_decisions"
    )
    intelligence = models.ForeignKey(
        PartnerIntelligence,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sharing_decisions",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    outcome = models.CharField(max_length=16, choices=SharingOutcome.choices)
    recipients = models.CharField(max_length=300, blank=True, help_text="With whom")
    information = models.TextField(blank=True, help_text="What is (or is not) shared")
    purpose = models.CharField(max_length=300)
    lawful_basis = models.CharField(max_length=32, choices=LawfulBasis.choices)
    consent_status = models.CharField(max_length=32, choices=ConsentStatus.choices)
    rationale = models.TextField()

    class Meta:
        ordering = ["decided_at"]
        constraints = [
            # The database itself refuses a decision without its lawful basis and reasons.
            models.CheckConstraint(
                condition=~Q(lawful_basis="") & ~Q(rationale="") & ~Q(purpose=""),
                name="sharing_has_basis_purpose_and_rationale",
            ),
            models.CheckConstraint(
                condition=Q(outcome="not-share") | (~Q(recipients="") & ~Q(information="")),
                name="sharing_names_recipients_and_information",
            ),
            models.CheckConstraint(
                condition=Q(concern__isnull=False, intelligence__isnull=True)
                | Q(concern__isnull=True, intelligence__isnull=False),
                name="sharing_has_one_subject",
            ),
        ]

    def __str__(self) -> str:
        return self.get_outcome_display()
