"""Case notes in the demo's case work: what the allocated worker writes up after each contact.

A first visit soon after allocation and, while the case stays open, a contact every week or
few; one note is corrected, as a new note with a reason. The wording is data
(``data/case_notes.yaml``).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, time, timedelta

from cehub.cases.models import CaseNoteKind
from cehub.people.models import CareStatus

from ..datafiles import Entry, datafile, record
from ..draws import LONDON, SEED, london
from ..plan.specs import ChildSpec
from .context import CaseworkContext
from .steps import AllocateStep, CaseNoteStep, ChildStory, CloseStep, Step

NoteText = tuple[CaseNoteKind, str, str, bool | None]  # kind, who was there, text, child seen


def _note(row: Entry, *, day: str = "") -> NoteText:
    text = row["text"].text()
    return (
        row["kind"].member(CaseNoteKind),
        row["present"].text(),
        text.replace("{day}", day) if day else text,
        row["child_seen"].optional_flag(),
    )


def _notes(entry: Entry) -> tuple[NoteText, ...]:
    return tuple(record(_note)(row) for row in entry.each())


_case_notes = datafile("case_notes")
FIRST_VISITS = _notes(_case_notes["first_visits"])
LATER_NOTES = _notes(_case_notes["later_notes"])
_corrected = _case_notes["corrected_note"]
# The one note in the demo that is corrected: as written, as corrected, and why.
CORRECTED_NOTE: tuple[NoteText, NoteText, str] = (
    _note(_corrected, day=_corrected["written_day"].text()),
    _note(_corrected, day=_corrected["corrected_day"].text()),
    _corrected["reason"].text(),
)
_corrected.no_other_keys()
CONTACT_HOURS = {
    kind: (first, last)
    for kind, (first, last) in _case_notes["contact_hours"]
    .keyed_by(CaseNoteKind, lambda hours: hours.integers(2))
    .items()
}
_case_notes.no_other_keys()
NOTES_WHILE_OPEN = 4  # at most, for a case still open; a case since closed keeps its first


class NotePlanner:
    """Case notes for each allocated case. A stream of its own, so the rest of the case work is
    the same with or without them."""

    def __init__(self, ctx: CaseworkContext) -> None:
        self.ctx = ctx
        self.rng = random.Random(SEED + 4)
        self.latest = ctx.latest
        self.carers: dict[int, str] = {}
        self.corrected = False

    def add_to(self, stories: list[ChildStory]) -> None:
        for story in stories:
            notes: list[Step] = []
            for index, step in enumerate(story.steps):
                if not isinstance(step, AllocateStep):
                    continue
                after = story.steps[index + 1 :]
                ends = [s.at for s in after if isinstance(s, (CloseStep, AllocateStep))]
                live = not any(isinstance(s, CloseStep) for s in after)
                notes += self.while_open(story.child, step, min([*ends, self.latest]), live)
            if notes:
                story.steps += notes
                story.steps.sort(key=lambda step: step.at)

    def carer(self, child: ChildSpec) -> str:
        if child.key not in self.carers:
            if child.care_status == CareStatus.LOOKED_AFTER:
                self.carers[child.key] = (
                    "key worker" if child.children_home is not None else "foster carer"
                )
            else:
                self.carers[child.key] = self.rng.choice(("mum", "dad", "nan", "aunt"))
        return self.carers[child.key]

    def contact_time(self, after: datetime, days: tuple[float, float], kind: str) -> datetime:
        """A weekday, at an hour that suits the kind of contact, ``days`` after ``after``."""
        rng = self.rng
        day = (after + timedelta(days=rng.uniform(*days))).astimezone(LONDON).date()
        while day.weekday() >= 5:
            day += timedelta(days=1)
        first, last = CONTACT_HOURS[CaseNoteKind(kind)]
        clock = time(rng.randint(first, last), rng.choice((0, 10, 15, 30, 40, 45)))
        at = london(day, clock)
        return max(at, after + timedelta(hours=1))

    def while_open(
        self, child: ChildSpec, allocated: AllocateStep, end: datetime, live: bool
    ) -> list[CaseNoteStep]:
        rng = self.rng
        wanted = rng.randint(2, NOTES_WHILE_OPEN) if live else 1
        texts = [rng.choice(FIRST_VISITS), *rng.sample(LATER_NOTES, wanted - 1)]
        correct_second = not self.corrected and wanted >= 2
        if correct_second:
            texts[1] = CORRECTED_NOTE[0]
        out: list[CaseNoteStep] = []
        contact = allocated.at
        for index, note in enumerate(texts):
            days = (1.0, 4.0) if index == 0 else (6.0, 20.0)
            contact = self.contact_time(contact, days, note[0])
            written = contact + timedelta(hours=rng.uniform(0.3, 2.5))  # written up the same day
            if written >= end:
                break
            step = self.step(child, allocated.worker, note, contact, written)
            out.append(step)
            fixed_at = written + timedelta(hours=rng.uniform(20, 60))
            if index == 1 and correct_second and fixed_at < end:
                self.corrected = True
                out.append(
                    replace(
                        self.step(child, allocated.worker, CORRECTED_NOTE[1], contact, fixed_at),
                        corrects=step,
                        correction_reason=CORRECTED_NOTE[2],
                    )
                )
        return out

    def step(
        self,
        child: ChildSpec,
        author: str,
        note: NoteText,
        contact: datetime,
        written: datetime,
    ) -> CaseNoteStep:
        kind, present, body, seen = note
        slots = {"carer": self.carer(child), "school": child.school.name}
        return CaseNoteStep(
            at=written,
            author=author,
            kind=kind,
            contact_at=contact,
            present=self.ctx.fill(present, child, **slots),
            child_seen=seen,
            text=self.ctx.fill(body, child, **slots),
        )
