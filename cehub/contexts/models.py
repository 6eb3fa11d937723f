"""The POLE graph: every person, location, object and group owns one Node; Links join nodes.

A Link records an association with its provenance (the event that reported it) and, where it
came from intelligence, its 3x5x2 grading. Association is not involvement: the UI always
shows where a link came from and how reliable it is.
"""

from __future__ import annotations

import pghistory
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q

from cehub.core.models import UUIDModel


class NodeKind(models.TextChoices):
    PERSON = "person", "Person"
    LOCATION = "location", "Place"
    OBJECT = "object", "Object"
    GROUP = "group", "Group"


class Node(UUIDModel):
    kind = models.CharField(max_length=16, choices=NodeKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} node"


# --- 3x5x2 grading (PRACTICE.md §2) --------------------------------------------------------
class SourceEvaluation(models.TextChoices):
    A = "A", "A – Reliable"
    B = "B", "B – Untested"
    C = "C", "C – Not reliable"


class IntelligenceAssessment(models.TextChoices):
    KNOWN_DIRECTLY = "1", "1 – Known directly to the source"
    CORROBORATED = "2", "2 – Known indirectly but corroborated"
    KNOWN_INDIRECTLY = "3", "3 – Known indirectly"
    NOT_KNOWN = "4", "4 – Not known"
    SUSPECTED_FALSE = "5", "5 – Suspected to be false"


class HandlingCode(models.TextChoices):
    P = "P", "P – Lawful sharing permitted"
    C = "C", "C – Lawful sharing permitted with conditions"


class LocationKind(models.TextChoices):
    HOME = "home", "Home address"
    SCHOOL = "school", "School or college"
    PARK = "park", "Park or open space"
    TAKEAWAY = "takeaway", "Takeaway or restaurant"
    SHOP = "shop", "Shop"
    HOTEL = "hotel", "Hotel or short-let"
    STATION = "station", "Station or transport hub"
    FLAT = "flat", "House or flat of concern"
    BUSINESS = "business", "Other business"
    OTHER = "other", "Other place"


@pghistory.track()
class Location(UUIDModel):
    node = models.OneToOneField(Node, on_delete=models.PROTECT, related_name="location")
    kind = models.CharField(max_length=16, choices=LocationKind.choices)
    name = models.CharField(max_length=200, blank=True)
    address = models.CharField(max_length=300, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=8, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [GinIndex(name="location_name_trgm", fields=["name"], opclasses=["gin_trgm_ops"])]

    def __str__(self) -> str:
        parts = [self.name or self.get_kind_display(), self.address, self.postcode]
        return ", ".join(part for part in parts if part)


class ObjectKind(models.TextChoices):
    VEHICLE = "vehicle", "Vehicle"
    PHONE = "phone", "Phone number"
    ONLINE_ACCOUNT = "online-account", "Online account"


@pghistory.track()
class Object(UUIDModel):
    """A vehicle (by registration), phone (E.164) or online account (platform + handle)."""

    node = models.OneToOneField(Node, on_delete=models.PROTECT, related_name="object")
    kind = models.CharField(max_length=16, choices=ObjectKind.choices)
    registration = models.CharField(max_length=8, blank=True)
    description = models.CharField(
        max_length=200, blank=True, help_text="For example, make, model and colour"
    )
    phone_number = models.CharField(max_length=16, blank=True)
    platform = models.CharField(max_length=32, blank=True)
    handle = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(kind="vehicle"),
                name="object_unique_vehicle_registration",
            ),
            models.UniqueConstraint(
                fields=["phone_number"], condition=Q(kind="phone"), name="object_unique_phone"
            ),
            models.UniqueConstraint(
                fields=["platform", "handle"],
                condition=Q(kind="online-account"),
                name="object_unique_online_account",
            ),
            models.CheckConstraint(
                condition=(
                    (Q(kind="vehicle") & ~Q(registration=""))
                    | (Q(kind="phone") & ~Q(phone_number=""))
                    | (Q(kind="online-account") & ~Q(platform="") & ~Q(handle=""))
                ),
                name="object_has_its_identifier",
            ),
        ]

    def __str__(self) -> str:
        from cehub.core.identifiers import format_phone, format_vehicle_registration

        if self.kind == ObjectKind.VEHICLE:
            text = format_vehicle_registration(self.registration)
            return f"{text} ({self.description})" if self.description else text
        if self.kind == ObjectKind.PHONE:
            return format_phone(self.phone_number)
        return f"{self.handle} on {self.platform}"


class GroupKind(models.TextChoices):
    PEER = "peer", "Peer group"
    NETWORK = "network", "Organised network"
    ONLINE = "online", "Online group"
    OTHER = "other", "Other group"


@pghistory.track()
class Group(UUIDModel):
    node = models.OneToOneField(Node, on_delete=models.PROTECT, related_name="group")
    kind = models.CharField(max_length=16, choices=GroupKind.choices)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Relation(models.TextChoices):
    ASSOCIATE = "associate", "Associates with"
    FAMILY = "family", "Family member of"
    LIVES_AT = "lives-at", "Lives at"
    ATTENDS = "attends", "Attends"
    FREQUENTS = "frequents", "Spends time at"
    SEEN_AT = "seen-at", "Seen at"
    SEEN_WITH = "seen-with", "Seen with"
    USES = "uses", "Uses"
    CONTACTED_BY = "contacted-by", "Contacted by"
    MEMBER_OF = "member-of", "Part of"
    WORKS_AT = "works-at", "Works at"
    MENTIONED_WITH = "mentioned-with", "Mentioned in the same report as"


class EventKind(models.TextChoices):
    """The kinds of event the hub records: what reported a link, what wrote a chronology entry.

    Defined here, in the lowest app that names them, so the graph can say where a link came
    from without importing the apps above it; people's chronology uses the same kinds.
    """

    CONCERN = "concern", "Concern"
    INTELLIGENCE = "intelligence", "Partner information"
    SHARING = "sharing", "Information sharing decision"
    TRIAGE = "triage", "Triage decision"
    RECORD = "record", "Record change"
    SCREENING = "screening", "Screening"
    CASE = "case", "Case"
    PLAN = "plan", "Plan"
    MISSING = "missing", "Missing episode"
    DISRUPTION = "disruption", "Disruption"
    NRM = "nrm", "National Referral Mechanism"
    MEETING = "meeting", "Meeting"
    NOTE = "note", "Case note"


@pghistory.track()
class Link(UUIDModel):
    """An association between two nodes, with the event that reported it."""

    from_node = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="links_out")
    to_node = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="links_in")
    relation = models.CharField(max_length=32, choices=Relation.choices)
    source_type = models.CharField(max_length=32, help_text="The kind of event that reported it")
    source_id = models.UUIDField()
    source_evaluation = models.CharField(max_length=1, choices=SourceEvaluation.choices, blank=True)
    intelligence_assessment = models.CharField(
        max_length=1, choices=IntelligenceAssessment.choices, blank=True
    )
    handling_code = models.CharField(max_length=1, choices=HandlingCode.choices, blank=True)
    handling_conditions = models.TextField(blank=True)
    first_seen = models.DateField(null=True, blank=True)
    last_seen = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["from_node", "relation"], name="link_from_idx"),
            models.Index(fields=["to_node", "relation"], name="link_to_idx"),
            models.Index(fields=["source_type", "source_id"], name="link_source_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_node=models.F("to_node")), name="link_not_self"
            ),
            models.CheckConstraint(
                condition=~Q(handling_code="C") | ~Q(handling_conditions=""),
                name="link_conditions_when_handling_c",
            ),
            models.UniqueConstraint(
                fields=["from_node", "to_node", "relation", "source_type", "source_id"],
                name="link_unique_per_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_relation_display()} ({self.source_type})"

    @property
    def grading(self) -> str:
        """3x5x2 in its usual short form, e.g. "B3P", or "" if not graded."""
        if not (self.source_evaluation and self.intelligence_assessment and self.handling_code):
            return ""
        return f"{self.source_evaluation}{self.intelligence_assessment}{self.handling_code}"
