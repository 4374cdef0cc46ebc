"""Which reading of a boxed area is the receiving stamp (ตรารับ), or a framed urgency mark: the
page's, or the box's own.

The letter extractor's knowledge, offered to `pipeline.ocr.boxes`. A stamp is worth what the
clerk wrote on it: the เลขรับ number and a whole date on the วันที่ line. The box's own reading
replaces the page's only when it holds more of those; a tie keeps the page reading, so a box
that is no stamp (a boxed note, a logo frame) is never rewritten.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.letter_terms import LEAD, STAMP_HEAD, STAMP_NUMBER, URGENCY, loose
from pipeline.thai.dates import find_thai_dates
from pipeline.thai.text import normalise_field

_DATE_LINE = re.compile(f"{LEAD}{loose('วันที่')}[\\s.:…]*")
_FIRST_YEAR = 1990  # no stamp in a dataset of this department is older


def _plausible(day: dt.date | None) -> bool:
    return day is not None and _FIRST_YEAR <= day.year <= dt.date.today().year + 1


def stamp_score(text: str) -> int:
    """1 for a เลขรับ line with a number, 1 for a วันที่ line with a whole, plausible date."""
    lines = [normalise_field(line) for line in text.splitlines()]
    number = any(STAMP_HEAD.match(line) and STAMP_NUMBER.search(line) for line in lines)
    date = any(_DATE_LINE.match(line) and any(_plausible(d.date) for d in find_thai_dates(line))
               for line in lines)
    return int(number) + int(date)


def is_better_stamp(old: str, new: str) -> bool:
    """Take the box's own reading `new` over the page's tokens inside the box, `old`? A boxed
    urgency mark (ด่วนที่สุด in a frame) the page reading lost counts too: the frame's rules
    kept Tesseract's page layout from reading it at all (seen on scans: no text there)."""
    return stamp_score(new) > stamp_score(old) or (_is_urgency(new) and not _is_urgency(old))


def _is_urgency(text: str) -> bool:
    lines = [normalise_field(line) for line in text.splitlines() if line.strip()]
    return len(lines) == 1 and URGENCY.match(lines[0]) is not None
