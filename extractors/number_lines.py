"""Which letter lines' numbers are worth reading again as whole ink words, and which reading wins.

The letter extractor's knowledge, offered to `pipeline.ocr.digit_reread`: the header and citation
lines (`header_lines.header_line_ids`: ที่, date, cited numbers and dates) and the receiving
stamp's lines (เลขรับ / วันที่ / เวลา). A re-reading that lengthens a number wins only when every
number it touches stays well formed: a document number's serial and owner digits, a date's day
and year. A speck next to a number, read as one more digit, makes it ill formed (a five-digit
serial or year, a day past 31) and the old reading stays.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.header_lines import deadline_date_line_ids, header_line_ids
from extractors.letter_docnum import DocNumber, try_parse_docnum
from extractors.letter_terms import STAMP_LINE
from pipeline.ocr.lines import lines_of
from pipeline.records import Page
from pipeline.thai.dates import find_thai_dates
from pipeline.thai.text import normalise_field

_MAX_DIGITS = 4  # a serial, an owner's number, a year, a received number: none runs longer
_NUMBER = re.compile(r"\d+")


def stamp_line_ids(page: Page) -> list[int]:
    """The receiving stamp's lines: เลขรับ, its วันที่ and เวลา."""
    return [line for line, words in lines_of(page.words).items()
            if STAMP_LINE.match(normalise_field(" ".join(w.text for w in words)))]


# A reply deadline whose day reads as Latin glued to a digit (`ภายในวันที่ lo6 ธันวาคม` for ๒๖: the
# ๒ read as `lo`): no day is so written, and its ink read again as a whole word gives the digit back.
_SMUDGED_DAY = re.compile(r"ภายใน\s*(?:วัน\s?ที่?)?\s*(?=[^\s\d]*[A-Za-z])[A-Za-z]{1,3}\d{1,2}\s")


def deadline_line_ids(page: Page) -> list[int]:
    """Lines holding a deadline (ภายในวันที่ …) whose day is Latin glued to a digit, or whose date
    does not read, and its wrap (`header_lines.deadline_date_line_ids`)."""
    smudged = [line for line, words in lines_of(page.words).items()
               if _SMUDGED_DAY.search(normalise_field(" ".join(w.text for w in words)))]
    return smudged + [line for line in deadline_date_line_ids(page) if line not in smudged]


def header_number_line_ids(page: Page) -> list[int]:
    """Header and citation lines but the stamp's (read by the reader for handwriting)."""
    stamp = stamp_line_ids(page)
    return [line for line in header_line_ids(page) if line not in stamp]


def _new_numbers(old: str, new: str) -> list[str]:
    """The digit groups of `new` that `old` does not hold as many times."""
    olds = _NUMBER.findall(old)
    fresh = []
    for number in _NUMBER.findall(new):
        if number in olds:
            olds.remove(number)
        else:
            fresh.append(number)
    return fresh


# An owner's number (four digits, five for a few ministries) and its sub-unit after a point.
_OFFICE = re.compile(r"\d{4,5}(?:\.\d{1,2})?")


def _well_formed_docnum(found: DocNumber | None) -> bool:
    return found is not None and 0 < len(found.serial) <= _MAX_DIGITS and bool(_OFFICE.fullmatch(found.office))


def _dates_kept(old: str, new: str) -> bool:
    """Every real date of the old reading is still there, in the same month, its day as read or
    grown by digits (`9` → `19`), never cut (a speck read as a point: `29` → `2.9`). Its year may
    read otherwise, in as many digits: the line read again from its own ink tells ๖ from ๒ where
    the row pass was misled by the lines around it (`2552` for ๒๕๕๖ on a clean memo); a year that
    contradicts the letter's others is flagged downstream."""
    news = [d.date for d in find_thai_dates(new) if d.date is not None]
    return all(any(_same_or_grown(d.date, n) for n in news) for d in find_thai_dates(old) if d.date is not None)


def _same_or_grown(old: dt.date, new: dt.date) -> bool:
    return old.month == new.month and len(str(old.year)) == len(str(new.year)) \
        and (str(old.day) in str(new.day) or _stand_ins_read(str(old.day), str(new.day)))


# The digits stock `tha` cannot write (tesseract-ocr/langdata_lstm#42): where the re-read puts one
# of them in place of the page pass's digit, that digit was Tesseract's stand-in for it.
_UNWRITABLE = frozenset("46789")


def _stand_ins_read(old: str, new: str) -> bool:
    """A day of as many digits whose every changed digit is one Tesseract cannot write (seen on
    seed 1033: ๒๘ มิถุนายน written 25, the re-read's 28; a speck read as a digit grows a day, it
    does not swap one), in place of one it can."""
    changed = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
    # an old digit Tesseract cannot write in Thai was read from Arabic print, which it reads well
    return len(old) == len(new) and bool(changed) and all(a not in _UNWRITABLE and b in _UNWRITABLE
                                                          for a, b in changed)


# Digits either side of a separator (`0810.7`, `21/3/66`, `15.30`).
_SEPARATED = re.compile(r"(?<!\d)(\d+)[.,/:\-](?=(\d+))")


def _separator_lost(old: str, new: str) -> bool:
    """The new reading joins two numbers the old one read apart (`0810.7` → `08107`, `15.30` →
    `1530`): the joined number may still look well formed. A speck read as a digit and a point
    before a number may go (`6.0023.1` → `0023.1`). A point the old reading set a digit early,
    with the digit after it lost (`080.2./838` for `0802.2/838`), is no separator lost: the new
    reading holds as many between digits."""
    pairs = _SEPARATED.findall(old)
    joined = any(a + b in new and a + b not in old for a, b in pairs)
    return joined and len(_SEPARATED.findall(new)) < len(pairs)


def _owner_grown(had: DocNumber | None, has: DocNumber | None, number: str) -> bool:
    """`number` is the owner of a number read before with four digits and no sub-unit, now with
    the sub-unit's digit glued on, its point lost (`มท0802/ว` read `มท08022/ว`, printed
    ๐๘๐๒.๒): where the owner prints four digits the parser puts the point back, flagged."""
    return (had is not None and has is not None and has.repaired and bool(_OWNER.fullmatch(had.office))
            and len(number) == len(had.office) + 1 and has.office == f"{had.office}.{number[-1]}")


_OWNER = re.compile(r"\d{4}")


def _owner_digit_swapped(had: DocNumber | None, has: DocNumber | None) -> bool:
    """Both readings hold a whole number with the same serial, and the owner's digits differ in
    place, as many of them: the re-read grew nothing there and trades the page pass's digit for
    its own guess (seen on seed 1034: `มท 0810.7/7 4379` read again `0819.7/ว 4379`, its 0 given
    at 0.41 by a row pass that took it for part of a letter; the token's crop read 0810.7)."""
    if had is None or has is None or not (_well_formed_docnum(had) and _well_formed_docnum(has)):
        return False
    return had.serial == has.serial and len(had.office) == len(has.office) and had.office != has.office


# Digits either side of three separators or more (`2...4`): the dotted leader a clerk writes on,
# read as points between a day and a letter's ink (a doubled point, `3..1`, is a speck beside one).
_LEADER_BETWEEN = re.compile(r"\d[.,]{3,}\d")


def is_better_numbers(old: str, new: str) -> bool:
    """Take the whole-word reading `new` of a letter line's numbers over the row pass's `old`?"""
    old, new = normalise_field(old), normalise_field(new)
    if len(_LEADER_BETWEEN.findall(new)) > len(_LEADER_BETWEEN.findall(old)):
        return False
    had, has = try_parse_docnum(old), try_parse_docnum(new)
    if any(len(n) > _MAX_DIGITS and not _owner_grown(had, has, n) for n in _new_numbers(old, new)):
        return False
    if _separator_lost(old, new):
        return False
    if _well_formed_docnum(had) and not _well_formed_docnum(has):
        return False
    if _owner_digit_swapped(had, has):
        return False
    if had is not None and had.circular and not had.mark_guessed and not (has is not None and has.circular):
        return False  # the re-read dropped the ว Tesseract read (`/ไว277` → `/ไ277`)
    return _dates_kept(old, new)
