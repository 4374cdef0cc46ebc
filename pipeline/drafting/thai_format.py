"""Dates, months and numbers as an official letter prints them: Thai digits, Buddhist era."""

from __future__ import annotations

import datetime as dt

from pythainlp.util.date import thai_full_months

from pipeline.thai.chars import to_thai
from pipeline.thai.dates import BE_OFFSET


def thai_date(day: dt.date) -> str:
    """2018-02-26 → ๒๖ กุมภาพันธ์ ๒๕๖๑."""
    return to_thai(f"{day.day} {thai_full_months[day.month - 1]} {day.year + BE_OFFSET}")


def thai_month(period: str) -> str:
    """2018-03 → มีนาคม ๒๕๖๑ (a report period, YYYY-MM)."""
    year, month = (int(x) for x in period.split("-"))
    return to_thai(f"{thai_full_months[month - 1]} {year + BE_OFFSET}")


def thai_number(value: object) -> str:
    """878 → ๘๗๘, 1234 → ๑,๒๓๔; a missing number is an empty string, never a guessed zero."""
    if value is None or value != value:  # None or NaN
        return ""
    number = float(value)  # type: ignore[arg-type]
    text = f"{int(number):,}" if number == int(number) else f"{number:,.1f}"
    return to_thai(text)


def next_day_of_month(after: dt.date, day: int) -> dt.date:
    """The first `day`-th of a month strictly after `after` (a report-by date such as the 15th)."""
    year, month = after.year, after.month
    if after.day >= day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dt.date(year, month, day)
