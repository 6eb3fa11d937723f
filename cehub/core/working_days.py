"""Working days in England: weekends and bank holidays (from the offline `holidays` data)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings


@lru_cache(maxsize=16)
def _bank_holidays(year: int) -> holidays.HolidayBase:
    subdivision = getattr(settings, "CEHUB_BANK_HOLIDAY_REGION", "ENG")
    return holidays.country_holidays("GB", subdiv=subdivision, years=[year])


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def previous_working_day(day: date) -> date:
    """The last working day before ``day`` (Friday for a Monday; Thursday before Good Friday…)."""
    candidate = day - timedelta(days=1)
    while not is_working_day(candidate):
        candidate -= timedelta(days=1)
    return candidate
