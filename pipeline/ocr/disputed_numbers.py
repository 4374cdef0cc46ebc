"""Numbers the two readers disputed on Thai print, settled by the number's whole ink word.

Why: where the glyph pass reads fewer digits than Tesseract's Arabic reading, the row pass keeps
Tesseract's (`pipeline.numerals.rows._arabic_digits_lost`): its `eng` half reads Arabic print
well, and the glyph pass loses digits to thin strokes. On Thai print that half only guesses at
๔ ๖ ๗ ๘ ๙, by count as well as by value (seen: ๗,๐๐๐ read 61,000, ๙๐ read 50, the day ๑๙ read 15),
while the glyph pass, judging the row, took the ๙ for a letter (`0`, `1`). There the number's
own ink word (up to the blank gaps either side), read again as a cell leaning towards digits,
settles it: where every such reading agrees, surely, and the word's ink is Thai digits, that
reading replaces the token's number, and Tesseract's stays among the token's alternatives. On
Arabic print, or where the readings disagree, the token stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from pipeline.numerals import NumeralReader
from pipeline.numerals.reader import GlyphReading
from pipeline.numerals.rows import row_readings
from pipeline.numerals.runs import Run, find_runs
from pipeline.numerals.script import printed_in_thai_digits
from pipeline.ocr.digit_reread import Judge, ink_word, reread_numbers, word_runs
from pipeline.ocr.lines import lines_of
from pipeline.records import Page, Word

_NUMBER = re.compile(r"\d[\d.,/\-]*\d|\d")
# The Thai digits stock `tha` can write (see rows._TESSERACT_THAI): a token whose number holds only
# these may be Tesseract's own Thai reading, whose count of digits stands.
_THAI_WRITABLE = frozenset("01235")


def disputed(word: Word) -> bool:
    """A token whose number the row pass kept as Tesseract read it, over the glyph pass's
    different reading (kept among its alternatives)."""
    return not word.reread and bool(word.alternatives) and bool(_NUMBER.search(word.text))


def disputed_line_ids(page: Page) -> list[int]:
    """Lines holding a disputed token."""
    return [line for line, words in sorted(lines_of(page.words).items()) if any(disputed(w) for w in words)]


def settle_disputed(page: Page, line_ids: list[int], reader: NumeralReader, judge: Judge) -> list[int]:
    """Each named line with its disputed Thai-print numbers read from their ink words, where
    `judge(old, new)` takes the new line. Returns the ids of the lines changed."""
    return reread_numbers(page, line_ids, reader, judge, reads=(_settled,))


def _settled(reader: NumeralReader, gray: np.ndarray, words: list[Word]) -> list[Word]:
    if not any(disputed(w) for w in words):
        return words
    glyphs = row_readings(reader.glyphs, gray, words)
    runs = find_runs(glyphs)
    return [_settled_word(reader, gray, glyphs, runs, w) if disputed(w) else w for w in words]


def _settled_word(reader: NumeralReader, gray: np.ndarray, glyphs: list[GlyphReading], runs: list[Run],
                  word: Word) -> Word:
    number = _NUMBER.search(word.text)
    run = next((r for r in runs if r.left < word.left + word.width and word.left < r.right), None)
    box = ink_word(glyphs, run) if run is not None and number is not None else None
    reading = _agreed_reading(reader, gray, box, run) if box else None
    if reading is None or number is None or reading == number.group() or _writable_digit_lost(number.group(), reading):
        return word
    text = word.text[:number.start()] + reading + word.text[number.end():]
    return replace(word, text=text, reread=True,
                   alternatives=(word.text, *(a for a in word.alternatives if a != reading))[:3])


def _agreed_reading(reader: NumeralReader, gray: np.ndarray, box: tuple[int, int, int, int], run: Run) -> str | None:
    """The ink word's number where all its sure readings agree and its ink is Thai digits."""
    readings = {text for text, _ in word_runs(reader, gray, box, run)}
    if len(readings) != 1:
        return None
    left, top, right, bottom = box
    return readings.pop() if printed_in_thai_digits(reader.model, gray[top:bottom, left:right]) else None


def _writable_digit_lost(read: str, reading: str) -> bool:
    """The ink word reads Tesseract's number of digits `tha` can write less one, in order: the
    glyph lost again (an ink-filled ๑ of ๑๑), not a digit Tesseract made up."""
    ours, theirs = re.sub(r"\D", "", reading), re.sub(r"\D", "", read)
    if not set(theirs) <= _THAI_WRITABLE or len(ours) != len(theirs) - 1:
        return False
    rest = iter(theirs)
    return all(d in rest for d in ours)
