"""Lone digits Tesseract read from a speck of dust (จุดฝุ่นที่อ่านเป็นตัวเลข).

Why: on a specked scan the page pass reads a dot beside a number as a digit of its own, boxed
a few pixels square (seen: `ตัวชี้วัดที่ ๖` read `6 4` and `6 0`, the 4 and 0 boxed 2×2 pixels on
a line 50 pixels tall), and a reader of the text cannot tell that from a code whose point was
lost to a space (`5 1` for ๕.๑). The box can: no glyph of print is a few pixels square. A lone
digit so boxed, which the numeral pass did not read as a digit either, is dropped from the named
lines.
"""

from __future__ import annotations

import re
import statistics

from pipeline.ocr.lines import lines_of
from pipeline.ocr.tesseract import text_from_tokens
from pipeline.records import Page, Word

_SPECK = 0.15  # of the line's median token height: the largest side of a speck's box
_LONE_DIGIT = re.compile(r"^\d$")


def speck_digits(words: list[Word]) -> list[Word]:
    """The line's tokens that are a lone digit boxed like a speck, unconfirmed by the numeral pass."""
    if len(words) < 2:
        return []
    height = statistics.median(w.height for w in words)
    return [w for w in words if _LONE_DIGIT.match(w.text) and not w.reread and not w.alternatives
            and max(w.width, w.height) <= _SPECK * height]


def drop_speck_digits(page: Page, line_ids: list[int]) -> list[Word]:
    """The named lines without their speck digits; returns the tokens dropped."""
    lines = lines_of(page.words)
    specks = [w for line in line_ids for w in speck_digits(lines.get(line, []))]
    if specks:
        gone = {id(w) for w in specks}
        page.words = [w for w in page.words if id(w) not in gone]
        page.raw_text = text_from_tokens(page.words)
    return specks
