"""Which lines of a page hold a signatory's name OCR garbled, and which reading of such a line is
the better name: the page pass reads the bracketed name under the signature's ink, and the line
re-read (pipeline/ocr/lines) is worth a try only where the name did not come out whole.

Picked beside the opened or half-closed name lines `header_lines.signature_line_ids` takes:
- a closed line whose name has no title (`(รรร์วสิร ท อง ค ำ)`): its first letters are ink;
- a closed, titled name with one part known and one not (`(นางณ์จูธิดา จุลเจริญ)`): a glyph misread;
- the line right above the signatory's position (อธิบดี…, ผู้อำนวยการ…, ปลัดจังหวัด…), in the
  closing's window, that reads as no name at all (`ลกยสมห บุญประเททศร`, `heen สัยญาก ก:`);
- a page opened by the name because the closing ended the page before (`-2-`, then `(นางอัญชลี wIaaigy)`).
A reading is judged by how much of a name it holds: a name at all, a title, a listed given name, a
surname listed or made of dictionary words (a part a mark or a look-alike glyph off one listed name
counting as listed).
"""

from __future__ import annotations

import re
import statistics

from extractors.letter_body import names_a_thing, signed_name
from extractors.letter_terms import CLOSING, starts_with
from extractors.signatory_names import is_listed_given, is_listed_surname, judge_given_name, judge_surname, name_parts
from pipeline.ocr.lines import lines_of
from pipeline.records import Page
from pipeline.thai.dictionary import unknown_letters
from pipeline.thai.text import normalise_field

_POSITION = starts_with("อธิบดี", "รองอธิบดี", "ผู้อำนวยการ", "ท้องถิ่นจังหวัด", "ท้องถิ่นอำเภอ", "ปลัดจังหวัด",
                        "ผู้ว่าราชการจังหวัด", "รองผู้ว่าราชการจังหวัด", "นายอำเภอ", "หัวหน้า")
NAME_LINES = 5  # the name stands within five lines under จึงเรียนมา (ขอแสดงความนับถือ, the signature)
_PAGE_TOP = 3  # lines: a page number (-2-) and a speck line may stand above the name
_THAI = re.compile("[ก-ฮ]")
TITLED = 2  # the score of a titled name none of whose parts is known
_NOBODY = TITLED
_WHOLE = 4  # every part of the name known
_SURNAME_LETTERS = 4  # a surname of words is no one short word (`ไง` is ink read as one)
_NAME_HEAD = re.compile(r"^[\s'\".,|“”‘’\[]*\(")


def name_score(text: str) -> int:
    """0 for no name; then one each for a title, a listed given name, a surname listed or of words."""
    name = signed_name(text)
    if not name:
        return 0
    # A part one mark or look-alike off one listed name (`ณัฐ์ธิดา`) counts as that name: the letter's
    # judges (signatory_names) put it back, flagged.
    parts = name_parts(judge_surname(judge_given_name(name)[0])[0])
    if parts is None:
        return 1
    title, given, surname = parts
    listed = is_listed_given(title, given)
    known = is_listed_surname(surname) or (len(surname) >= _SURNAME_LETTERS and unknown_letters(surname) == 0)
    return 2 + listed + known


def is_better_name(old: str, new: str) -> bool:
    """Take the re-reading `new` of a name line when it holds more of a name than `old`, and a
    titled name with a listed part at least: ink read as letters makes a name of nobody."""
    return name_score(new) > max(name_score(old), _NOBODY)


def untitled_name(text: str) -> bool:
    """A closed name line whose name starts with no title: ink or a torn title read as letters."""
    name = signed_name(text)
    return bool(name) and name_parts(name) is None and _NAME_HEAD.match(text) is not None


def name_half_known(text: str) -> bool:
    """A closed, titled name line one of whose parts is known and the other not (`(นางณ์จูธิดา
    จุลเจริญ)`, `(นายนพดล พรหม่วงค์)`): a glyph of the other misread, which a re-reading may mend."""
    return _NAME_HEAD.match(text) is not None and ")" in text and name_score(text) == TITLED + 1


def above_position(lines: list[tuple[int, str]]) -> list[int]:
    """The line over the first position line that reads as no name (its name garbled whole)."""
    for k, (_, text) in enumerate(lines[1:], 1):
        if name_score(lines[k - 1][1]):
            return []  # the name was read: the line over the position is ink or a deputy's word
        if _POSITION.match(text):
            line, above = lines[k - 1]
            return [line] if _THAI.search(above) and not name_score(above) else []
    return []


def page_top_names(lines: list[tuple[int, str]]) -> list[int]:
    """A page's first lines that open a name under no closing (the closing ended the page before)."""
    return [line for line, text in lines[:_PAGE_TOP] if _NAME_HEAD.match(text) and _THAI.search(text)
            and name_score(text) < _WHOLE and not names_a_thing(text)]


_DROPPED_ROOM = 1.5  # token heights between the closing and the next line read: room for a line


def dropped_signature_band(page: Page) -> tuple[int, int] | None:
    """The band under a letter's closing words (ขอแสดงความนับถือ) down to the next line the page
    pass read, where no name was read after them and there is room for lines: the signature's
    stroke may have made the page pass leave the name and position out whole. None otherwise."""
    lines = sorted(lines_of(page.words).items())
    texts = [normalise_field(" ".join(w.text for w in words)) for _, words in lines]
    closing = next((k for k, text in enumerate(texts) if CLOSING.match(text)), None)
    if closing is None:
        return None
    while closing + 1 < len(texts) and CLOSING.match(texts[closing + 1]):
        closing += 1  # จึงเรียนมา… then ขอแสดงความนับถือ: the name is under the last
    if any(name_score(text) for text in texts[closing + 1:closing + 1 + NAME_LINES]):
        return None
    top = max(w.top + w.height for w in lines[closing][1])
    below = [min(w.top for w in words) for _, words in lines[closing + 1:]]
    bottom = min([b for b in below if b > top], default=page.image.shape[0] if page.image is not None else top)
    size = statistics.median(w.height for w in page.words)
    return (top, bottom) if bottom - top >= _DROPPED_ROOM * size else None


def is_signature_block_line(text: str) -> bool:
    """A dropped line read under the closing is kept when it is a signed name or a position."""
    text = normalise_field(text)
    return bool(signed_name(text)) or _POSITION.match(text) is not None
