"""Thai date reading (การอ่านวันที่ภาษาไทย): Buddhist-era dates as printed in DLA letters.

Why not `pythainlp.util.thai_strptime` alone: measured, it raises on Thai digits, on `กพ`
without dots, on a literal `พ.ศ.` in the format and on impossible dates (31 ก.พ.). Letters and
stamps mix all of these, and OCR drops tone marks. We take PyThaiNLP's month names and build
one tolerant pattern instead; an impossible date is reported as a flag, never raised.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from pythainlp.util import thai_digit_to_arabic_digit
from pythainlp.util.date import thai_abbr_months, thai_full_months

BE_OFFSET = 543
IMPOSSIBLE_DATE = "impossible_date"
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_GAP = r"[\s.]*"  # OCR and typists put spaces or stray dots between parts


@dataclass(frozen=True)
class DateMatch:
    """One date found in text. `date` is None when the parts do not make a real day."""

    start: int
    end: int
    text: str
    date: dt.date | None
    flags: tuple[str, ...] = field(default=())


def be_to_ce(year: int) -> int:
    """Buddhist era → Gregorian (พ.ศ. − 543). Years already Gregorian pass through."""
    return year - BE_OFFSET if year >= 2400 else year


def _loose(word: str) -> str:
    """Pattern for a month name whose combining marks OCR may drop."""
    return "".join(f"{re.escape(c)}?" if re.match(f"[{_MARKS}]", c) else re.escape(c) for c in word)


def _abbr(word: str) -> str:
    """`ก.พ.` also as `กพ`, `ก.พ`, `ก. พ.`."""
    letters = [c for c in word if c != "."]
    return r"\.?\s?".join(re.escape(c) for c in letters) + r"\.?"


def _month_alternatives() -> list[tuple[str, int]]:
    pairs = [(_loose(name), i + 1) for i, name in enumerate(thai_full_months)]
    pairs += [(_abbr(name), i + 1) for i, name in enumerate(thai_abbr_months)]
    return sorted(pairs, key=lambda p: -len(p[0]))  # longest first: มิถุนายน before มิ.ย.


_MONTHS = _month_alternatives()
_MONTH_GROUP = "|".join(f"(?P<m{n}_{k}>{pat})" for k, (pat, n) in enumerate(_MONTHS))
_YEAR = r"(?:พ\s?\.?\s?ศ\s?\.?\s*)?(?P<year>\d{4}|\d{2})(?!\d)"
_WORD_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}}){_GAP}(?:{_MONTH_GROUP}){_GAP}{_YEAR}"
)
_MONTH_YEAR = re.compile(rf"(?:{_MONTH_GROUP}){_GAP}{_YEAR}")
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(?P<day>\d{1,2})/(?P<mon>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])")


def _to_arabic(text: str) -> str:
    return thai_digit_to_arabic_digit(text) if re.search("[๐-๙]", text) else text


def expand_year(year: int, today: dt.date | None = None) -> int:
    """A printed year → Gregorian. Two digits are a BE year (61 → 2561) in today's century."""
    if year >= 100:
        return be_to_ce(year)
    today_be = (today or dt.date.today()).year + BE_OFFSET
    be = (today_be // 100) * 100 + year
    if be > today_be + 10:  # "99" read in 2567 is 2499, not 2599
        be -= 100
    return be - BE_OFFSET


def _month_of(match: re.Match[str]) -> int:
    for name, value in match.groupdict().items():
        if value is not None and name.startswith("m") and "_" in name:
            return int(name[1:].split("_")[0])
    raise ValueError("no month group matched")  # unreachable: the pattern requires one


def _make(match: re.Match[str], day: int, month: int, today: dt.date | None) -> DateMatch:
    year = expand_year(int(match.group("year")), today)
    try:
        date: dt.date | None = dt.date(year, month, day)
        flags: tuple[str, ...] = ()
    except ValueError:
        date, flags = None, (IMPOSSIBLE_DATE,)
    return DateMatch(match.start(), match.end(), match.group(0), date, flags)


def find_thai_dates(text: str, *, today: dt.date | None = None) -> list[DateMatch]:
    """Every day-month-year in `text` (word or d/m/y form), in order of position."""
    text = _to_arabic(text)
    found = [_make(m, int(m.group("day")), _month_of(m), today) for m in _WORD_DATE.finditer(text)]
    for m in _NUMERIC_DATE.finditer(text):
        month = int(m.group("mon"))
        if 1 <= month <= 12 and not any(d.start <= m.start() < d.end for d in found):
            found.append(_make(m, int(m.group("day")), month, today))
    return sorted(found, key=lambda d: d.start)


def parse_thai_date(text: str, *, today: dt.date | None = None) -> dt.date | None:
    """The first date in `text`; None when there is none or it is impossible (31 ก.พ.)."""
    found = find_thai_dates(text, today=today)
    return found[0].date if found else None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def find_month_year(text: str, *, today: dt.date | None = None) -> tuple[int, int] | None:
    """First `เดือน พ.ศ.` pair (no day) as (Gregorian year, month)."""
    m = _MONTH_YEAR.search(_to_arabic(text))
    if not m:
        return None
    return expand_year(int(m.group("year")), today), _month_of(m)


def parse_period(text: str, *, today: dt.date | None = None) -> str | None:
    """A report period `YYYY-MM` from "ประจำเดือน มกราคม พ.ศ. 2561" or "อัปเดตวันที่ 10/4/61"."""
    dates = find_thai_dates(text, today=today)
    month_year = find_month_year(text, today=today)
    if dates and (month_year is None or dates[0].date is not None):
        first = dates[0]
        if first.date is not None:
            return f"{first.date.year:04d}-{first.date.month:02d}"
    if month_year:
        return f"{month_year[0]:04d}-{month_year[1]:02d}"
    return None
