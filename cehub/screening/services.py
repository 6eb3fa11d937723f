"""Recording screenings: the engine computes, the professional decides, both are kept.

Whether a level leads to a hub case is the tool's data (``level_details.<level>.opens_case``).
Opening or moving the case is not done here: ``cehub.cases.screening.services`` records the
screening through these services and then hands it to the case, in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cehub.core.audit import audit_record
from cehub.core.errors import ServiceError
from cehub.core.models import AccessAction
from cehub.language.services import kept_wording_record
from cehub.people.access import can_open_record
from cehub.people.models import ChronologyKind, Person, PersonCategory
from cehub.people.services import chronology_record

from .conf import get_registry
from .engine import Answer, ChildFacts, ScreeningInput, ScreeningResult, Tool, score
from .errors import InvalidInputError, UnknownToolError
from .models import Outcome, Screening, ScreeningStatus

if TYPE_CHECKING:
    from cehub.accounts.models import User
    from cehub.intake.models import Concern


@dataclass(frozen=True)
class AnswerInput:
    indicator: str
    when: str
    confirmed: bool
    evidence: str = ""


def tool_get(tool_ref: str | None = None) -> Tool:
    try:
        return get_registry().get(tool_ref)
    except UnknownToolError as error:
        raise ServiceError(str(error), "tool") from error


def child_facts_for(person: Person, *, disclosure: bool) -> ChildFacts:
    """The only facts about the child the engine may see: never sex, ethnicity or religion."""
    try:
        return ChildFacts(
            age=person.age_on(timezone.localdate()),
            learning_disability=person.learning_disability,
            disclosure=disclosure,
        )
    except InvalidInputError as error:
        raise ServiceError(
            f"Check the child's date of birth before screening: {error}", "answers"
        ) from error


def screening_compute(
    *, tool: Tool, answers: Sequence[AnswerInput], facts: ChildFacts
) -> ScreeningResult:
    """Pure: the computed level and reasons (the form's live preview calls this too)."""
    try:
        return score(
            tool,
            ScreeningInput(
                answers=tuple(Answer(a.indicator, a.when, a.confirmed) for a in answers),
                child=facts,
            ),
        )
    except InvalidInputError as error:
        raise ServiceError(str(error), "answers") from error


class ScreeningDetails(TypedDict):
    """What a professional records in a screening, as ``screening_record`` takes it (for a
    service that records a screening and then acts on it, to pass on unchanged)."""

    answers: Sequence[AnswerInput]
    disclosure: bool
    final_level: str
    rationale: NotRequired[str]
    tool_ref: NotRequired[str | None]
    concern: NotRequired[Concern | None]
    advice_given: NotRequired[str]
    signposted_to: NotRequired[str]


def screening_record(
    *,
    actor: User,
    person: Person,
    answers: Sequence[AnswerInput],
    disclosure: bool,
    final_level: str,
    rationale: str = "",
    tool_ref: str | None = None,
    concern: Concern | None = None,
    advice_given: str = "",
    signposted_to: str = "",
) -> Screening:
    """Record a screening. At a level that opens a hub case its outcome is the case; below it,
    the advice given is recorded. A final level below the computed one waits for a manager.

    Call ``cehub.cases.screening.services.screening_submit`` to have the case follow it."""
    if not actor.has_perm("screening.screen") or not can_open_record(actor, person):
        raise Http404
    if person.category != PersonCategory.CHILD:
        raise ServiceError("Only children and young people are screened")
    tool = tool_get(tool_ref)
    facts = child_facts_for(person, disclosure=disclosure)
    result = screening_compute(tool=tool, answers=answers, facts=facts)
    if final_level not in tool.levels:
        raise ServiceError("Choose the level you judge the risk to be", "final_level")
    rationale = rationale.strip()
    if final_level != result.computed_level and not rationale:
        raise ServiceError(
            "Explain why your level is different from the computed level", "rationale"
        )
    lowered = tool.level_rank(final_level) < tool.level_rank(result.computed_level)
    status = ScreeningStatus.AWAITING_APPROVAL if lowered else ScreeningStatus.FINAL
    standing_level = result.computed_level if lowered else final_level
    needs_case = tool.opens_case(standing_level)
    if not needs_case and not advice_given.strip():
        raise ServiceError(
            "Record the advice given and any services the child or family were signposted to",
            "advice_given",
        )
    now = timezone.now()
    with transaction.atomic():
        screening = Screening.objects.create(
            person=person,
            concern=concern,
            tool_ref=result.tool_ref,
            answers=[vars(answer) for answer in answers],
            child_facts=facts.to_dict(),
            computed_level=result.computed_level,
            computed_score=result.score,
            reasons=[reason.to_dict() for reason in result.reasons],
            final_level=final_level,
            rationale=rationale,
            assessed_by=actor,
            assessed_at=now,
            status=status,
            outcome=Outcome.CASE if needs_case else Outcome.ADVICE,
            advice_given=advice_given.strip(),
            signposted_to=signposted_to.strip(),
        )
        summary = (
            f"Screened: level {final_level} "
            f"(computed {result.computed_level}, score {result.score})"
        )
        if lowered:
            summary += "; lower level waiting for a manager"
        chronology_record(
            person=person,
            kind=ChronologyKind.SCREENING,
            occurred_at=now,
            summary=summary,
            source_type="screening",
            source_id=screening.pk,
            actor=actor,
        )
        kept_wording_record(
            actor=actor,
            texts={
                "screening.rationale": rationale,
                "screening.advice_given": screening.advice_given,
                # Each indicator's evidence is its own paragraph, so every finding is counted.
                "screening.evidence": "\n\n".join(answer.evidence for answer in answers),
            },
        )
        audit_record(
            action=AccessAction.CREATE,
            user=actor,
            object_type="screening",
            object_id=screening.pk,
            details={"status": str(status)},
        )
    return screening


def screening_decide_lower_level(
    *, actor: User, screening: Screening, agree: bool, note: str
) -> Screening:
    """A manager agrees (or not) to a final level below the computed one.

    ``cehub.cases.screening.services.screening_decide`` also moves the live case."""
    if not actor.has_perm("screening.approve_lower_level"):
        raise Http404
    if not note.strip():
        raise ServiceError("Give the reasons for your decision", "note")
    with transaction.atomic():
        screening = Screening.objects.select_for_update().get(pk=screening.pk)
        if screening.status != ScreeningStatus.AWAITING_APPROVAL:
            raise ServiceError("This screening is not waiting for a decision")
        if screening.assessed_by_id == actor.pk:
            raise ServiceError("Another manager must agree a level you lowered yourself")
        screening.status = ScreeningStatus.APPROVED if agree else ScreeningStatus.NOT_APPROVED
        screening.decided_by, screening.decided_at = actor, timezone.now()
        screening.decision_note = note.strip()
        screening.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        chronology_record(
            person=screening.person,
            kind=ChronologyKind.SCREENING,
            occurred_at=screening.decided_at,
            summary=(
                f"Manager agreed level {screening.final_level}"
                if agree
                else f"Manager did not agree the lower level; {screening.computed_level} stands"
            ),
            source_type="screening",
            source_id=screening.pk,
            actor=actor,
        )
        kept_wording_record(actor=actor, texts={"screening.decision_note": screening.decision_note})
        audit_record(
            action=AccessAction.UPDATE,
            user=actor,
            object_type="screening",
            object_id=screening.pk,
            details={"status": str(screening.status)},
        )
    return screening


def answers_from_payload(payload: Sequence[dict[str, Any]]) -> list[AnswerInput]:
    """Build answers from stored JSON (the shape ``screening_record`` writes)."""
    return [
        AnswerInput(
            indicator=str(row["indicator"]),
            when=str(row["when"]),
            confirmed=bool(row.get("confirmed")),
            evidence=str(row.get("evidence", "")),
        )
        for row in payload
    ]
