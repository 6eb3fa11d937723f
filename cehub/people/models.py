"""People (children and adults), their chronology, and who may open a child's record."""

from __future__ import annotations

from datetime import date

import pghistory
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q

from cehub.contexts.models import EventKind, Node
from cehub.core.models import UUIDModel


class PersonCategory(models.TextChoices):
    CHILD = "child", "Child or young person"
    ADULT = "adult", "Adult"


class DobPrecision(models.TextChoices):
    EXACT = "exact", "Exact"
    MONTH = "month", "Month and year known"
    YEAR = "year", "Year known"
    ESTIMATED = "estimated", "Estimated from apparent age"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    NOT_KNOWN = "not-known", "Not known"


class Gender(models.TextChoices):
    SAME_AS_SEX = "same-as-sex", "Same as sex registered at birth"
    WOMAN_OR_GIRL = "woman", "Woman or girl"
    MAN_OR_BOY = "man", "Man or boy"
    NON_BINARY = "non-binary", "Non-binary"
    ANOTHER_WAY = "another-way", "In another way"
    NOT_KNOWN = "not-known", "Not known"


class Ethnicity(models.TextChoices):
    """ONS 2021 census categories (England and Wales). Equality monitoring only, never scoring."""

    WHITE_BRITISH = "white-british", "White: English, Welsh, Scottish, Northern Irish or British"
    WHITE_IRISH = "white-irish", "White: Irish"
    WHITE_GYPSY_TRAVELLER = "white-gypsy-traveller", "White: Gypsy or Irish Traveller"
    WHITE_ROMA = "white-roma", "White: Roma"
    WHITE_OTHER = "white-other", "White: Any other White background"
    MIXED_WHITE_BLACK_CARIBBEAN = "mixed-white-black-caribbean", "Mixed: White and Black Caribbean"
    MIXED_WHITE_BLACK_AFRICAN = "mixed-white-black-african", "Mixed: White and Black African"
    MIXED_WHITE_ASIAN = "mixed-white-asian", "Mixed: White and Asian"
    MIXED_OTHER = "mixed-other", "Mixed: Any other Mixed or multiple ethnic background"
    ASIAN_INDIAN = "asian-indian", "Asian or Asian British: Indian"
    ASIAN_PAKISTANI = "asian-pakistani", "Asian or Asian British: Pakistani"
    ASIAN_BANGLADESHI = "asian-bangladeshi", "Asian or Asian British: Bangladeshi"
    ASIAN_CHINESE = "asian-chinese", "Asian or Asian British: Chinese"
    ASIAN_OTHER = "asian-other", "Asian or Asian British: Any other Asian background"
    BLACK_AFRICAN = "black-african", "Black, Black British, Caribbean or African: African"
    BLACK_CARIBBEAN = "black-caribbean", "Black, Black British, Caribbean or African: Caribbean"
    BLACK_OTHER = (
        "black-other",
        "Black, Black British, Caribbean or African: Any other Black background",
    )
    OTHER_ARAB = "other-arab", "Other ethnic group: Arab"
    OTHER_ANY = "other-any", "Other ethnic group: Any other ethnic group"
    NOT_STATED = "not-stated", "Not stated"
    NOT_KNOWN = "not-known", "Not known"


class CareStatus(models.TextChoices):
    NONE_KNOWN = "none-known", "No involvement known"
    CHILD_IN_NEED = "child-in-need", "Child in need"
    CHILD_PROTECTION = "child-protection", "Child protection plan"
    LOOKED_AFTER = "looked-after", "Looked after (in care)"
    CARE_LEAVER = "care-leaver", "Care leaver"
    NOT_KNOWN = "not-known", "Not known"


@pghistory.track()
class Person(UUIDModel):
    node = models.OneToOneField(Node, on_delete=models.PROTECT, related_name="person")
    category = models.CharField(max_length=8, choices=PersonCategory.choices)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    # A lower-cased, accent-free "given family" for fuzzy (trigram) search.
    name_key = models.CharField(max_length=210, blank=True, editable=False)
    date_of_birth = models.DateField(null=True, blank=True)
    dob_precision = models.CharField(
        max_length=16, choices=DobPrecision.choices, default=DobPrecision.EXACT
    )
    sex = models.CharField(max_length=16, choices=Sex.choices, default=Sex.NOT_KNOWN)
    gender = models.CharField(max_length=16, choices=Gender.choices, default=Gender.NOT_KNOWN)
    ethnicity = models.CharField(
        max_length=32, choices=Ethnicity.choices, default=Ethnicity.NOT_KNOWN
    )
    disability_send = models.BooleanField(
        default=False, help_text="Has a disability or special educational needs"
    )
    learning_disability = models.BooleanField(default=False)
    nhs_number = models.CharField(max_length=10, blank=True)
    care_status = models.CharField(
        max_length=32, choices=CareStatus.choices, default=CareStatus.NOT_KNOWN
    )
    description = models.TextField(
        blank=True, help_text="Appearance or other details that help identify an adult"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            GinIndex(name="person_name_key_trgm", fields=["name_key"], opclasses=["gin_trgm_ops"]),
            models.Index(fields=["date_of_birth"], name="person_dob_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["nhs_number"], condition=~Q(nhs_number=""), name="person_unique_nhs_number"
            ),
            models.CheckConstraint(
                condition=~Q(given_name="", family_name=""), name="person_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    def age_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


class AliasKind(models.TextChoices):
    KNOWN_AS = "known-as", "Known as"
    ALIAS = "alias", "Alias or street name"
    PREVIOUS = "previous", "Previous name"


class PersonAlias(UUIDModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    kind = models.CharField(max_length=16, choices=AliasKind.choices)
    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=210, editable=False)

    class Meta:
        indexes = [
            GinIndex(name="alias_name_key_trgm", fields=["name_key"], opclasses=["gin_trgm_ops"])
        ]
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "name_key"], name="alias_unique")
        ]

    def __str__(self) -> str:
        return self.name


# A chronology entry's kind is the kind of event that wrote it: one vocabulary with the graph.
ChronologyKind = EventKind


class ChronologyEntry(UUIDModel):
    """One event on a person's chronology; services write these so the page is one query."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="chronology")
    kind = models.CharField(max_length=16, choices=ChronologyKind.choices)
    occurred_at = models.DateTimeField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    summary = models.CharField(max_length=300)
    source_type = models.CharField(max_length=32)
    source_id = models.UUIDField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["-occurred_at", "-recorded_at"]
        indexes = [
            models.Index(fields=["person", "-occurred_at"], name="chronology_person_time_idx"),
        ]

    def __str__(self) -> str:
        return self.summary


class TeamAccessReason(models.TextChoices):
    TRIAGE = "triage", "A concern about the child was triaged by the team"
    CREATED = "created", "The team created the record"
    ALLOCATION = "allocation", "The child's case is allocated to the team"


class PersonTeamAccess(UUIDModel):
    """A team's legitimate relationship with a child (like NHS Spine's): grants the full record."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="team_access")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=16, choices=TeamAccessReason.choices)
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "team", "reason"],
                condition=Q(ended_at__isnull=True),
                name="person_team_access_unique_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.team_id} → {self.person_id}"


class BreakGlassCategory(models.TextChoices):
    IMMEDIATE_RISK = "immediate-risk", "A child may be at immediate risk"
    URGENT_ENQUIRY = "urgent-enquiry", "Urgent enquiry from police or another agency"
    DUTY_COVER = "duty-cover", "Covering for an absent colleague on duty"
    MEETING = "meeting", "Preparing for today's multi-agency meeting"
    OTHER = "other", "Another reason"


class BreakGlassReview(models.TextChoices):
    APPROPRIATE = "appropriate", "Appropriate"
    FOLLOW_UP = "follow-up", "Needs follow-up with the user's manager"


@pghistory.track()
class BreakGlassGrant(UUIDModel):
    """Emergency access to one child's record without a relationship, for a limited time."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="break_glass")
    category = models.CharField(max_length=32, choices=BreakGlassCategory.choices)
    reason = models.TextField()
    granted_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_outcome = models.CharField(max_length=16, choices=BreakGlassReview.choices, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "person", "expires_at"], name="breakglass_lookup_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("granted_at")), name="breakglass_expires_after"
            ),
        ]

    def __str__(self) -> str:
        return f"break-glass {self.user_id} → {self.person_id}"
