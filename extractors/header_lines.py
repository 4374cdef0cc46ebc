"""Which OCR lines of a page are letter-header lines worth reading again, and which reading wins.

The letter extractor's knowledge, offered to `pipeline.ocr.lines`: the header zone of a letter
page runs from the top of the page to its addressee line (เรียน / ถึง). In it, the lines that
carry a number, a date or Latin letters (the `eng` model's misreadings of Thai), and the
subject lines, are re-read with `tha` alone. A re-reading replaces the old one only when it
keeps any date or document number the old one had, has no more Latin letters, and reads no
worse against the Thai dictionary. Body lines are left alone (real English lives there) but for
one kind: a count whose unit came out Latin (`จำนวน 878 aud`), which is what a KPI target is.
"""

from __future__ import annotations

import re

from extractors.letter_docnum import try_parse_docnum
from extractors.letter_terms import ADDRESSEE, SUBJECT
from pipeline.records import Page, Word
from pipeline.thai.dates import find_thai_dates
from pipeline.thai.ocr_repair import dictionary_cost
from pipeline.thai.text import normalise_field

_MAX_ZONE_LINES = 30  # a header is never longer; a page without เรียน in it is not a letter top
_LATIN = re.compile("[A-Za-z]")
_WORTH = re.compile(r"[0-9๐-๙A-Za-z]")
_KEEP_SHARE = 0.7  # a re-reading that lost this much text dropped glyphs
_LONE_DIGIT = re.compile(r"(?<!\S)\d(?!\S)")


def _line_texts(words: list[Word]) -> list[tuple[int, str]]:
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    return [(line, normalise_field(" ".join(parts))) for line, parts in sorted(lines.items())]


def header_line_ids(page: Page) -> list[int]:
    """Ids of the header-zone lines of a letter page that hold digits, Latin or the subject."""
    lines = _line_texts(page.words)[:_MAX_ZONE_LINES]
    end = next((k for k, (_, text) in enumerate(lines) if ADDRESSEE.match(text)), None)
    if end is None:
        return []
    chosen, in_subject = [], False
    for line, text in lines[:end]:
        in_subject = in_subject or bool(SUBJECT.match(text))
        if len(text) >= 3 and (in_subject or _WORTH.search(text)):
            chosen.append(line)
    return chosen


# A KPI target whose unit the `eng` model turned Latin (`จำนวน 878 aud` for ๘๗๘ ศูนย์).
_LATIN_UNIT = re.compile(r"จำนวน\s*\d[\d,]*\s*[A-Za-z]")


def count_line_ids(page: Page) -> list[int]:
    """Body lines where a count is followed by Latin: a Thai unit misread, worth a `tha` re-read."""
    return [line for line, text in _line_texts(page.words) if _LATIN_UNIT.search(text)]


def _anchors(text: str) -> int:
    """1 when the line holds a date or a complete document number: what a header line is for."""
    docnum = try_parse_docnum(text)
    return int(bool(find_thai_dates(text)) or (docnum is not None and bool(docnum.serial)))


def is_better_reading(old: str, new: str) -> bool:
    """Take the `tha` re-reading `new` of a header line over the page reading `old`?"""
    old, new = normalise_field(old), normalise_field(new)
    if len(new.replace(" ", "")) < _KEEP_SHARE * len(old.replace(" ", "")):
        return False
    if _anchors(new) < _anchors(old):
        return False
    if len(_LONE_DIGIT.findall(new)) > len(_LONE_DIGIT.findall(old)):
        return False  # a speck read as a lone digit (`2554 :` → `2554 0`)
    latin_old, latin_new = len(_LATIN.findall(old)), len(_LATIN.findall(new))
    if latin_new != latin_old:
        return latin_new < latin_old
    return dictionary_cost(new) <= dictionary_cost(old)
