"""Seeded draws for the demo planners: fair picks, weighted choices and the hub's hours.

Every draw takes its ``random.Random`` stream explicitly. The planners keep separate streams for
who and what (people, places, texts) and for when (times of day), so that which weekday a date
falls on never changes who is in a story: every installation gets the same partnership, only
dated from the moment it was loaded.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SEED = 20250301  # each stream is seeded from this: SEED, SEED + 1, ...
LONDON = ZoneInfo("Europe/London")


def weighted[T](rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    """One of the items, each as likely as its weight."""
    return rng.choices([item for item, _ in pairs], weights=[w for _, w in pairs])[0]


class Pool[T]:
    """Hands out the least-used item first, so every place, phone and car turns up somewhere."""

    def __init__(self, items: Sequence[T]) -> None:
        self.items = list(items)
        self.uses: Counter[int] = Counter()

    def take(self, rng: random.Random, where: Callable[[T], bool] | None = None) -> T:
        candidates = [i for i, item in enumerate(self.items) if where is None or where(item)]
        if not candidates:
            candidates = list(range(len(self.items)))
        least = min(self.uses[i] for i in candidates)
        # Reuse is allowed once everything has been used: people and places recur.
        pick = [i for i in candidates if self.uses[i] <= least + (1 if rng.random() < 0.5 else 0)]
        index = rng.choice(pick)
        self.uses[index] += 1
        return self.items[index]

    def reserve(self, rng: random.Random, where: Callable[[T], bool] | None = None) -> T:
        """Take an item out of the pool for good (before anything is taken from it)."""
        if self.uses:
            raise RuntimeError("Reserve items before taking any")
        candidates = [i for i, item in enumerate(self.items) if where is None or where(item)]
        return self.items.pop(rng.choice(candidates))


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (or earlier); 29 February becomes the 28th."""
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def date_of_birth(rng: random.Random, today: date, age: int) -> date:
    """A birthday that makes someone ``age`` today."""
    return add_years(today, -age) - timedelta(days=rng.randint(1, 364))


def london(day: date, clock: time) -> datetime:
    """That day and time of day in London, in UTC (as the database keeps it)."""
    return datetime.combine(day, clock, tzinfo=LONDON).astimezone(UTC)


class HubHours:
    """Moments in the hub's hours, drawn from a time stream of their own.

    The hub works 8am-6pm Monday to Friday; triage has a duty rota, 8am-8pm every day.
    """

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.now = now

    def moment(self, newest: timedelta, oldest: timedelta, *, nights: float = 0.1) -> datetime:
        """A working-hours moment between ``oldest`` and ``newest`` ago (fewer at weekends)."""
        rng = self.rng
        for _ in range(60):
            ago = newest + (oldest - newest) * rng.random()
            day = (self.now - ago).astimezone(LONDON).date()
            weight = 0.35 if day.weekday() >= 5 else 1.0
            if day.month == 8 or (day.month == 7 and day.day > 22):
                weight *= 0.8  # referrals dip in the summer holiday
            if rng.random() > weight:
                continue
            if rng.random() < nights:
                clock = time(rng.choice((19, 20, 21, 22, 23, 0, 1)), rng.randrange(60))
            else:
                clock = time(rng.randint(8, 17), rng.randrange(60), rng.randrange(60))
            at = london(day, clock)
            if self.now - oldest <= at <= self.now - newest:
                return at
        return self.now - (newest + oldest) / 2

    def working_time(
        self, at: datetime, when: timedelta, limit: timedelta, duty: bool
    ) -> timedelta:
        """Move a step ``when`` after ``at`` into the hub's hours (the duty rota's if ``duty``);
        unchanged if that would pass ``limit``."""
        local = (at + when).astimezone(LONDON)
        closes = 20 if duty else 18
        if 8 <= local.hour < closes and (duty or local.weekday() < 5):
            return when
        day = local.date() if local.hour < 8 else local.date() + timedelta(days=1)
        while not duty and day.weekday() >= 5:
            day += timedelta(days=1)
        moved = london(day, time(8)) + timedelta(minutes=self.rng.randint(5, 150)) - at
        return moved if moved < limit else when

    def later(self, start: datetime, least_hours: float, most_hours: float) -> datetime:
        """A moment in the hub's working hours (8am-6pm, Monday to Friday) after ``start``."""
        at = start + timedelta(hours=self.rng.uniform(least_hours, most_hours))
        local = at.astimezone(LONDON)
        day = local.date()
        if local.hour >= 18:
            day += timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        if day != local.date() or not 8 <= local.hour < 18:
            at = london(day, time(self.rng.randint(8, 16), self.rng.randrange(60)))
        return max(at, start + timedelta(minutes=5))
