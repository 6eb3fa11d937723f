"""Writes about people: records, aliases, chronology, relationships and break-glass access."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cehub.contexts.models import Node, NodeKind
from cehub.core.audit import audit_record
from cehub.core.errors import ServiceError
from cehub.core.identifiers import (
    InvalidIdentifier,
    name_search_key,
    normalise_nhs_number,
    normalise_person_name,
)
from cehub.core.models import AccessAction
from cehub.language.services import kept_wording_record

from .access import can_find_people, has_relationship
from .models import (
    AliasKind,
    BreakGlassCategory,
    BreakGlassGrant,
    BreakGlassReview,
    CareStatus,
    ChronologyEntry,
    ChronologyKind,
    DobPrecision,
    Ethnicity,
    Gender,
    Person,
    PersonAlias,
    PersonCategory,
    PersonTeamAccess,
    Sex,
    TeamAccessReason,
)

if TYPE_CHECKING:
    from cehub.accounts.models import Team, User

BREAK_GLASS_MINIMUM_REASON = 20


@dataclass(frozen=True)
class PersonDetails:
    category: PersonCategory
    given_name: str = ""
    family_name: str = ""
    date_of_birth: date | None = None
    dob_precision: DobPrecision = DobPrecision.EXACT
    sex: Sex = Sex.NOT_KNOWN
    gender: Gender = Gender.NOT_KNOWN
    ethnicity: Ethnicity = Ethnicity.NOT_KNOWN
    disability_send: bool = False
    learning_disability: bool = False
    nhs_number: str = ""
    care_status: CareStatus = CareStatus.NOT_KNOWN
    description: str = ""
    known_as: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


def chronology_record(
    *,
    person: Person,
    kind: ChronologyKind,
    occurred_at: datetime,
    summary: str,
    source_type: str,
    source_id: uuid.UUID,
    actor: User | None,
) -> ChronologyEntry:
    """Add an event to a person's chronology. Summaries name events, not other people."""
    return ChronologyEntry.objects.create(
        person=person,
        kind=kind,
        occurred_at=occurred_at,
        summary=summary[:300],
        source_type=source_type,
        source_id=source_id,
        recorded_by=actor,
    )


def _alias_add(person: Person, kind: AliasKind, name: str) -> None:
    # Street names are not personal names ("D2", "Tall Dee"): kept as typed, tidied only.
    name = " ".join(name.split())[:200] if kind == AliasKind.ALIAS else normalise_person_name(name)
    key = name_search_key(name)[:210]
    if key:
        PersonAlias.objects.get_or_create(
            person=person, kind=kind, name_key=key, defaults={"name": name}
        )


def person_create(*, actor: User | None, details: PersonDetails) -> Person:
    given = normalise_person_name(details.given_name) if details.given_name else ""
    family = normalise_person_name(details.family_name) if details.family_name else ""
    if not (given or family):
        raise ServiceError("Enter a given name or a family name", field="given_name")
    nhs_number = normalise_nhs_number(details.nhs_number) if details.nhs_number else ""
    if details.date_of_birth and details.date_of_birth > timezone.localdate():
        raise ServiceError("Date of birth must be in the past", field="date_of_birth")
    with transaction.atomic():
        if nhs_number and Person.objects.filter(nhs_number=nhs_number).exists():
            raise ServiceError(
                "Someone with this NHS number is already recorded: search for them instead",
                field="nhs_number",
            )
        person = Person.objects.create(
            node=Node.objects.create(kind=NodeKind.PERSON),
            category=details.category,
            given_name=given,
            family_name=family,
            name_key=name_search_key(f"{given} {family}")[:210],
            date_of_birth=details.date_of_birth,
            dob_precision=details.dob_precision,
            sex=details.sex,
            gender=details.gender,
            ethnicity=details.ethnicity,
            disability_send=details.disability_send,
            learning_disability=details.learning_disability,
            nhs_number=nhs_number,
            care_status=details.care_status,
            description=details.description,
            created_by=actor,
        )
        for name in details.known_as:
            _alias_add(person, AliasKind.KNOWN_AS, name)
        for name in details.aliases:
            _alias_add(person, AliasKind.ALIAS, name)
        if actor is not None and actor.team_id and person.category == PersonCategory.CHILD:
            team_access_grant(person=person, team=actor.team, reason=TeamAccessReason.CREATED)  # type: ignore[arg-type]
        chronology_record(
            person=person,
            kind=ChronologyKind.RECORD,
            occurred_at=timezone.now(),
            summary="Record created in CE Hub",
            source_type="person",
            source_id=person.pk,
            actor=actor,
        )
        audit_record(
            action=AccessAction.CREATE, user=actor, object_type="person", object_id=person.pk
        )
    return person


def adult_find_or_create_from_report(
    *,
    actor: User | None,
    given_name: str,
    family_name: str,
    date_of_birth: date | None,
    known_as: str = "",
    description: str = "",
) -> Person:
    """An adult named in a report. Reused only on an exact name *and* date of birth match.

    Merging two different people is worse than a duplicate in an intelligence picture; record
    linkage (Splink) proposes the rest for a person to decide.
    """
    given = normalise_person_name(given_name) if given_name else ""
    family = normalise_person_name(family_name) if family_name else ""
    if date_of_birth and (given or family):
        existing = Person.objects.filter(
            category=PersonCategory.ADULT,
            name_key=name_search_key(f"{given} {family}")[:210],
            date_of_birth=date_of_birth,
        ).first()
        if existing is not None:
            return existing
    if not (given or family):
        # Only a street name is known: the record is named by it where it reads as a name,
        # and keeps it as an alias either way.
        try:
            given = normalise_person_name(known_as) if known_as else ""
        except InvalidIdentifier:
            given = ""
        given = given or "Name not known"
    return person_create(
        actor=actor,
        details=PersonDetails(
            category=PersonCategory.ADULT,
            given_name=given,
            family_name=family,
            date_of_birth=date_of_birth,
            description=description,
            aliases=[known_as] if known_as else [],
        ),
    )


def team_access_grant(*, person: Person, team: Team, reason: TeamAccessReason) -> PersonTeamAccess:
    access, _ = PersonTeamAccess.objects.get_or_create(
        person=person, team=team, reason=reason, ended_at=None
    )
    return access


# --- Break-glass ---------------------------------------------------------------------------
def break_glass_duration() -> timedelta:
    return timedelta(hours=getattr(settings, "CEHUB_BREAK_GLASS_HOURS", 4))


def break_glass_request_problems(*, category: str, reason: str) -> list[ServiceError]:
    """What is wrong with a request for emergency access, before anything is opened.

    The page asks this too, so that a mistake is shown before anyone is asked to
    re-authenticate; the rule and its words live here only.
    """
    problems: list[ServiceError] = []
    if category not in BreakGlassCategory.values:
        problems.append(ServiceError("Choose why you need to open this record", field="category"))
    if len(reason.strip()) < BREAK_GLASS_MINIMUM_REASON:
        problems.append(
            ServiceError(
                f"Explain why in at least {BREAK_GLASS_MINIMUM_REASON} characters", field="reason"
            )
        )
    return problems


def break_glass_open(
    *, actor: User, person: Person, category: BreakGlassCategory | str, reason: str
) -> BreakGlassGrant:
    """Open a child's record without a relationship: reason required, time-limited, reviewed.

    The view makes sure the user re-authenticated moments ago; this checks everything else.
    """
    if not can_find_people(actor):
        raise Http404
    if person.category != PersonCategory.CHILD or has_relationship(actor, person):
        raise ServiceError("You can already open this record: emergency access is not needed")
    problems = break_glass_request_problems(category=category, reason=reason)
    if problems:
        raise problems[0]
    reason = reason.strip()
    now = timezone.now()
    with transaction.atomic():
        grant = BreakGlassGrant.objects.create(
            user=actor,
            person=person,
            category=category,
            reason=reason,
            granted_at=now,
            expires_at=now + break_glass_duration(),
        )
        kept_wording_record(actor=actor, texts={"break_glass.reason": reason})
        audit_record(
            action=AccessAction.BREAK_GLASS,
            user=actor,
            object_type="person",
            object_id=person.pk,
            # The explanation stays on the grant for the privacy officer; the log keeps codes.
            reason=str(category),
            details={"expires_at": grant.expires_at.isoformat(), "category": str(category)},
        )
    return grant


def break_glass_review(
    *, actor: User, grant: BreakGlassGrant, outcome: BreakGlassReview | str, note: str
) -> BreakGlassGrant:
    if not actor.has_perm("people.review_break_glass"):
        raise Http404
    if outcome not in BreakGlassReview.values:
        raise ServiceError("Choose whether this use was appropriate", field="outcome")
    if outcome == BreakGlassReview.FOLLOW_UP and not note.strip():
        raise ServiceError("Say what needs following up", field="note")
    with transaction.atomic():
        grant = BreakGlassGrant.objects.select_for_update().get(pk=grant.pk)
        if grant.reviewed_at is not None:
            raise ServiceError("This use has already been reviewed")
        grant.reviewed_by, grant.reviewed_at = actor, timezone.now()
        grant.review_outcome, grant.review_note = outcome, note.strip()
        grant.save(update_fields=["reviewed_by", "reviewed_at", "review_outcome", "review_note"])
        kept_wording_record(actor=actor, texts={"break_glass.review_note": grant.review_note})
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="break-glass",
            object_id=grant.pk,
            details={"status": str(outcome)},
        )
    return grant
