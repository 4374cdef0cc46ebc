"""Which reading of a boxed area is the receiving stamp (ตรารับ), or a framed urgency mark: the
page's, or the box's own.

The letter extractor's knowledge, offered to `pipeline.ocr.boxes`. A stamp is worth what the
clerk wrote on it: the เลขรับ number and a whole date on the วันที่ line. The box's own reading
replaces the page's when it holds more of those, or as many as a stamp does: its digits come
from the cleaned crop by the reader trained for handwriting (seen on scans: `1739`/`1734`,
`3522`/`3422`, `5150`/`4140` of equal worth, the box's right each time). A box where neither
reads a stamp keeps the page reading, so one that is no stamp (a boxed note, a logo frame) is
never rewritten.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.letter_terms import (
    ADDRESSEE,
    LEAD,
    STAMP_DAY,
    STAMP_HEAD,
    STAMP_NUMBER,
    SUBJECT,
    URGENCY,
    is_date_only,
    loose,
    urgency_mark_level,
)
from pipeline.thai.dates import find_thai_dates, has_day_and_month
from pipeline.thai.text import normalise_field

_DATE_LINE = re.compile(f"{LEAD}{STAMP_DAY}[\\s.:…]*")
FIRST_YEAR = 1990  # no stamp in a dataset of this department is older
HEAD_LINES = 40  # a letter's เรื่อง line stands within its first page's first lines
# The label behind a speck OCR read as a mark or a letter (`๊ เรื่อง รายงานผล…`).
_SUBJECT_AHEAD = re.compile(f"^[^\\sก-ฮ]{{0,3}}\\s*{loose('เรื่อง')}\\s")


def plausible_stamp_day(day: dt.date | None) -> bool:
    return day is not None and FIRST_YEAR <= day.year <= dt.date.today().year + 1


# A stamp's hand-written d/m/yy date: day, separator, month, and a separator before the year.
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,3})(\s*[/.]{1,2}\s*)(\d{1,2})(?=\s*[./]*\s*/)")
_DAYS, _MONTHS = 31, 12


def glyph_read_twice(text: str) -> str:
    """`text` with the first d/m/yy date whose day or month cannot be (`6/33/60`, `220/11/64`)
    read with one glyph of a doubled pair once (๖/๓/๖๐, ๒๐/๑๑/๖๔): a hand's stroke seen twice.
    Unchanged unless that leaves one real day and month."""
    m = _NUMERIC_DATE.search(text)
    if m is None:
        return text
    day, month = m.group(1), m.group(3)
    day = day if 1 <= int(day) <= _DAYS else _once(day)
    month = month if 1 <= int(month) <= _MONTHS else _once(month)
    if not (day and month and 1 <= int(day) <= _DAYS and 1 <= int(month) <= _MONTHS):
        return text
    return text[:m.start()] + day + m.group(2) + month + text[m.end():]


def _once(digits: str) -> str:
    """The digits with the one doubled glyph read once; '' when none or several are doubled."""
    readings = {digits[:k] + digits[k + 1:] for k in range(1, len(digits)) if digits[k] == digits[k - 1]}
    return readings.pop() if len(readings) == 1 else ""


def stamp_score(text: str) -> int:
    """1 for a เลขรับ line with a number; for its วันที่ line 2 with a whole, plausible date, 1 with
    a real day and a month whose year is cut (`10 พ.ค. 25`: the letter's date completes it; seen:
    the page reading `,0 พ.ค. 2` beside the box's `10 พ.ค. 25` kept on a tie)."""
    lines = [normalise_field(line) for line in text.splitlines()]
    number = any(STAMP_HEAD.match(line) and STAMP_NUMBER.search(line) for line in lines)
    dates = [line for line in lines if _DATE_LINE.match(line)]
    whole = any(plausible_stamp_day(d.date) for line in dates for d in find_thai_dates(line))
    return int(number) + (2 if whole else int(any(has_day_and_month(line) for line in dates)))


def is_better_stamp(old: str, new: str) -> bool:
    """Take the box's own reading `new` over the page's tokens inside the box, `old`? Yes when
    it reads at least as much of a stamp (see above). A boxed
    urgency mark (ด่วนที่สุด in a frame) the page reading lost counts too: the frame's rules
    kept Tesseract's page layout from reading it at all (seen on scans: no text there)."""
    old_score, new_score = stamp_score(old), stamp_score(new)
    differs = normalise_field(old) != normalise_field(new)
    return new_score > old_score or (0 < new_score == old_score and differs) \
        or (is_urgency_mark(new) and not is_urgency_mark(old))


def is_urgency_mark(text: str) -> bool:
    """The text is one line that reads as an urgency mark, whole or damaged as large type is."""
    lines = [normalise_field(line) for line in text.splitlines() if line.strip()]
    # a mark damaged as letters print it large (`ด่วมทิสด` read from a frame) is one too
    return len(lines) == 1 and (URGENCY.match(lines[0]) is not None or urgency_mark_level(lines[0]) != "")


def lacks_urgency_mark(text: str) -> bool:
    """A letter's first page (its เรื่อง, เรียน or date line near the top) with no urgency mark
    read among its first lines: its corner is worth reading on its own (`pipeline.ocr.marks`)."""
    lines = [normalise_field(line) for line in text.splitlines()[:HEAD_LINES]]
    return any(_heads_letter(line) for line in lines) and not any(is_urgency_mark(line) for line in lines if line)


def _heads_letter(line: str) -> bool:
    """เรื่อง, เรียน or the date line alone: a letter's header (OCR may garble one label or two,
    `- Bas การติดตาม…` for เรื่อง การติดตาม…)."""
    return bool(SUBJECT.match(line) or _SUBJECT_AHEAD.search(line) or ADDRESSEE.match(line) or is_date_only(line))
