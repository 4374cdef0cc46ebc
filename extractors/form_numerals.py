"""Numbers in scanned table cells (ตัวเลขในช่องตาราง), read from the cell's own pixels.

Stock Tesseract `tha` confuses Thai digits (๔๕๘๙→๕, ๗→๓, ๖→๒), so a count cell is read again
from its crop by a `NumeralReader` — `pipeline.numerals` when importable, else Tesseract on the
crop restricted to digits. Swapping readers is the one line in `default_numeral_reader`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any, Protocol

import cv2
import numpy as np

from extractors.form_cells import parse_count
from pipeline import components
from pipeline.numerals import default_reader
from pipeline.numerals.rows import one_written_over_three
from pipeline.records import TableCell
from pipeline.tables.scan import fit_line
from pipeline.thai.chars import to_arabic

_INK_FRACTION = 0.004  # a crop with less dark ink than this is an empty cell


class NumeralReading(Protocol):
    text: str
    value: int | None
    confidence: float  # 0–1


class NumeralReader(Protocol):
    """Reads the one number in a grayscale crop; None when it sees no digit."""

    def read(self, gray: np.ndarray) -> NumeralReading | None: ...

    def read_count(self, gray: np.ndarray) -> NumeralReading | None:
        """Like `read`, for a count cell that may print a unit word after the number."""
        ...


def default_numeral_reader() -> NumeralReader:
    """The numeral reader trained on Thai digits (`pipeline.numerals`)."""
    return default_reader()


@dataclass
class CellNumber:
    """A count read from a cell: value, confidence 0–1, other plausible values."""

    value: int | None
    confidence: float
    text: str = ""
    alternatives: list[int] = field(default_factory=list)


def is_dash(gray: np.ndarray) -> bool:
    """A cell holding only a short flat stroke ("-"), or nothing: the form's zero. Specks of a
    scan or photo around the stroke do not count: every other mark must be far smaller than
    the stroke is long."""
    count, _, stats, _ = components.with_stats((gray < 128).astype(np.uint8))
    if count <= 1:
        return True
    marks = stats[1:]
    widest = int(np.argmax(marks[:, cv2.CC_STAT_WIDTH]))
    width, height = marks[widest, cv2.CC_STAT_WIDTH], marks[widest, cv2.CC_STAT_HEIGHT]
    others = np.delete(marks, widest, axis=0)
    # A speck is small both ways: a 4-px dot beside a 10-px dash (200 dpi) is as long as a
    # third of it, yet holds a seventh of its ink; any glyph holds more ink than a dash.
    # On a low-resolution photo the dash itself is a hair (8x1 px) and dust as dark as it: a dot
    # no bigger than 6% of the cell's height is dust whatever its ink.
    size = np.maximum(others[:, cv2.CC_STAT_WIDTH], others[:, cv2.CC_STAT_HEIGHT])
    small = (((size <= _SPECK_OF_DASH * width)
              & (others[:, cv2.CC_STAT_AREA] <= _SPECK_INK * marks[widest, cv2.CC_STAT_AREA]))
             | (size <= _DOT_OF_CELL * gray.shape[0])).all()
    # Blur thickens a 10x3 px dash to 11x4 (200 dpi): twice as wide as high is flat enough.
    return bool(height * 2 <= width and height < 0.2 * gray.shape[0] and small)


_SPECK_OF_DASH = 0.5  # a speck's size, as a share of the dash's length
_SPECK_INK = 0.35  # a speck's ink, as a share of the dash's
_DOT_OF_CELL = 0.06  # a dot's size, as a share of the cell crop's height


def _alt_values(reading: Any) -> list[int]:
    out: list[int] = []
    for alt in getattr(reading, "alternatives", ()) or ():
        value = parse_count(str(alt)) if not isinstance(alt, int) else alt
        if value is not None and value not in out:
            out.append(value)
    return out


def read_cell_number(reader: NumeralReader | None, crop: np.ndarray | None,
                     text: str) -> CellNumber:
    """The cell's count: from its pixels when a reader and crop exist, else from its text.

    A cell with no digit in its pixels is 0 when its text is a dash or blank (the form means
    none), and unreadable (None) otherwise.
    """
    from_text = parse_count(text)
    if reader is None or crop is None:
        return CellNumber(from_text, 1.0 if from_text is not None else 0.0, text)
    inked = bool((crop < 128).any())
    if inked and is_dash(crop):
        # Before the reader: the pieces of a dash a speck touches can read as a digit (a 2).
        return CellNumber(0, 0.9, text)
    reading = reader.read_count(crop)
    if reading is None or reading.value is None:
        if from_text == 0 or not text.strip() or not inked:
            return CellNumber(0, 0.9, text)
        return CellNumber(from_text, 0.3 if from_text is not None else 0.0, text)
    number = CellNumber(reading.value, float(reading.confidence), reading.text, _alt_values(reading))
    return agreed_with_text(number, _digit_run(text))


def judged_number(cell: TableCell) -> CellNumber:
    """The count of a cell the page-table stage already read, as it read it: a dash is 0; a
    number with decimals, or below zero (a rule remnant before it read as a minus), is no
    count (None)."""
    if cell.text.strip() == "-":
        return CellNumber(0, 0.9, cell.text)
    whole = cell.number is not None and float(cell.number).is_integer() and cell.number >= 0
    value = int(cell.number) if whole and cell.number is not None else None
    confidence = cell.confidence if value is not None and cell.confidence is not None else 0.0
    return CellNumber(value, float(confidence), cell.text)


def judged_together(first: CellNumber, again: CellNumber) -> CellNumber:
    """One count from two readings of a cell: the page-table stage's (`first`, its crop cut
    tight around the ink) and the crop read again (`again`, cut inside the rules). Where they
    differ the surer one stands, the other is kept as an alternative; a tie goes to `again`.

    Why: neither crop reads right every time. A speck above ๓ inside the looser crop reads as
    ๘'s tail (sure ๓ tight, unsure ๘ loose), while the tight cut has read a lone ๗ as ๓ and ๗๐
    as ๓๐, unsure each time, where the loose crop was sure."""
    if first.value == again.value:
        return again
    winner, loser = (first, again) if first.confidence > again.confidence else (again, first)
    others = [v for v in [loser.value, *winner.alternatives] if v is not None and v != winner.value]
    return CellNumber(winner.value, winner.confidence, winner.text, list(dict.fromkeys(others)))


def _digit_run(text: str) -> int | None:
    """The one number Tesseract printed in a cell's text, whatever it made of the unit word."""
    runs = re.findall(r"\d+", to_arabic(text))
    return int(runs[0]) if len(runs) == 1 else None


# Tesseract's `tha` spells ๐ and ๑ right: no other Thai digit comes out as them (๔๕๘๙ → ๕,
# ๗ → ๓, ๖ → ๒). A reading of 0s and 1s in the cell's text is evidence, others are not.
_TRUSTED_TEXT_DIGITS = frozenset("01")
_UNSURE = 0.6  # below it a count fails review (reconcile.MIN_CONFIDENCE)
AGREED_CONFIDENCE = 0.7  # two readers agree, but not the surer one's first choice


def agreed_with_text(number: CellNumber, from_text: int | None) -> CellNumber:
    """The reader unsure between readings (๑๑ as 31 or 11), and Tesseract's text of the cell
    names one of its alternatives in digits Tesseract cannot mistake: that one is taken. So is
    the ๑ of the text over the reader's ๓ wherever ๑ is its runner-up, however sure (an
    ink-filled ๑ on a bilevel scan reads as ๓; see `one_written_over_three`)."""
    ones = _ones_written(number, from_text)
    if ones is not None:
        return ones
    if (from_text is None or number.value == from_text or number.confidence >= _UNSURE
            or from_text not in number.alternatives or not set(str(from_text)) <= _TRUSTED_TEXT_DIGITS):
        return number
    others = [v for v in [number.value, *number.alternatives] if v is not None and v != from_text]
    return CellNumber(from_text, AGREED_CONFIDENCE, number.text, others)


def with_text_alternative(number: CellNumber, text: str) -> CellNumber:
    """Tesseract's reading of the cell (`text`) kept among the alternatives when it is written
    in the digits Tesseract cannot mistake (๐ ๑) and differs from the reader's: a row that does
    not add up is mended only by the one reading that closes it (`form_repair`), and this one
    counts among the readings, so the sum cannot pick another cell's runner-up over it (seen:
    ๑๑ ๑๐ ๑ read 11 10 3, the total's runner-up 13 would have closed the row)."""
    from_text = _digit_run(text)
    if from_text is not None and not set(str(from_text)) <= _TRUSTED_TEXT_DIGITS:
        from_text = ones_the_reader_lost(number.value, from_text)
    if from_text is None or from_text == number.value or from_text in number.alternatives:
        return number
    return replace(number, alternatives=[*number.alternatives, from_text])


# How stock `tha` writes each Thai digit it sees (it has only ๐ ๑ ๒ ๓ ๕: ๔ ๘ ๙ come out as
# ๕, ๖ as ๒, ๗ as ๓); a digit printed in Arabic it writes as it is.
_TESSERACT_WRITES = {"0": "0", "1": "1", "2": "2", "3": "3", "4": "5", "5": "5", "6": "2", "7": "3",
                     "8": "5", "9": "5"}


def ones_the_reader_lost(read: int | None, written: int) -> int | None:
    """The reader's number with the 1s back that Tesseract wrote and the reader lost (๑๓ read
    as 3 beside the text's `13`: a thin ๑ by the cell's rule taken for a speck), when exactly
    one way of putting them back makes Tesseract's text a spelling of the reader's digits.

    Why only 1s: ๑ is the one digit stock `tha` writes for nothing else; its other digits
    stand for the ones it cannot write, so they witness how many digits there are, not which."""
    if read is None or len(str(written)) <= len(str(read)):
        return None
    mine, theirs = str(read), str(written)
    extra = len(theirs) - len(mine)
    found = {_put_back(mine, cut) for cut in combinations(range(len(theirs)), extra)
             if all(theirs[i] == "1" for i in cut) and _spells(_drop(theirs, cut), mine)}
    return int(found.pop()) if len(found) == 1 else None


def _drop(digits: str, cut: tuple[int, ...]) -> str:
    return "".join(ch for i, ch in enumerate(digits) if i not in cut)


def _put_back(mine: str, cut: tuple[int, ...]) -> str:
    out = list(mine)
    for i in cut:
        out.insert(i, "1")
    return "".join(out)


def _spells(written: str, read: str) -> bool:
    return all(w in (r, _TESSERACT_WRITES[r]) for w, r in zip(written, read, strict=True))


def _ones_written(number: CellNumber, from_text: int | None) -> CellNumber | None:
    """The reading with the text's 1s over its 3s (`one_written_over_three`), None if unchanged."""
    if number.value is None or from_text is None:
        return None
    read = str(number.value)
    agreed = one_written_over_three(read, str(from_text), [str(v) for v in number.alternatives])
    if agreed == read:
        return None
    others = [v for v in [number.value, *number.alternatives] if v != int(agreed)]
    return CellNumber(int(agreed), AGREED_CONFIDENCE, number.text, others)


# ำ also as its two parts (ํ + า), as OCR and some fonts write it; พ.ศ. also as ฟ.ศ.
_YEAR_LINE = re.compile(r"([พฟ]\s*\.?\s*ศ|ประจ(?:ำ|\u0e4d?า)\s*เด\s*[ือ]*\s*น|W\.A|\.\s*A\.)")


def _last_word(gray: np.ndarray) -> np.ndarray | None:
    """The last ink run of a text line crop (split at gaps wider than 0.4 line heights)."""
    ink = (gray < 128).sum(axis=0) > 0
    cols = np.flatnonzero(ink)
    if cols.size == 0:
        return None
    gap = max(6, int(0.4 * gray.shape[0]))
    breaks = np.flatnonzero(np.diff(cols) > gap)
    start = cols[breaks[-1] + 1] if breaks.size else cols[0]
    return gray[:, max(0, start - 4):cols[-1] + 5]


def reread_caption_year(lines: list[str], boxes: list[tuple[int, int, int, int]],
                        image: np.ndarray | None, reader: NumeralReader | None) -> list[str]:
    """Caption lines with the year after พ.ศ. re-read from pixels (Tesseract drops Thai digits).

    Only a plausible Buddhist-era year (2540–2580) replaces what OCR printed.
    """
    if image is None or reader is None:
        return lines
    out = list(lines)
    for i, (text, box) in enumerate(zip(lines, boxes, strict=False)):
        if not _YEAR_LINE.search(text):
            continue
        left, top, right, bottom = box
        year = _pixel_year(image[top:bottom, left:right], reader)
        if year is not None:
            out[i] = _with_year(text, year)
    return out


_LABELLED_YEAR = re.compile(r"(?:พ+\s*\.*\s*[ศA]\s*\.?|W\.?\s*A\.?)\s*[\d๐-๙][\d๐-๙ .]*")
_LAST_NUMBER = re.compile(r"[\d๐-๙][\d๐-๙ .]*(?!.*[\d๐-๙])")


def _with_year(text: str, year: int) -> str:
    """The caption line with its printed year, however OCR read it, replaced by `year`: the one
    after its last พ.ศ., else its last number. A speck read as a digit before the month
    (`. 7 ประจำเดือนกรกฎาคม`) stays where it is, and so does what follows the year."""
    found = list(_LABELLED_YEAR.finditer(text)) or list(_LAST_NUMBER.finditer(text))
    if not found:
        return f"{text.rstrip()} พ.ศ. {year}"
    start, end = found[-1].span()
    return f"{text[:start].rstrip()} พ.ศ. {year} {text[end:].strip()}".rstrip()


_BE_YEAR = re.compile(r"25[4-8]\d")
# Every Buddhist-era year a form of this era prints opens with ๒๕; the reader may take that ๕ in
# a rounded face for ๒ or ๔ (`2260` for ๒๕๖๐). Its last two digits still tell the year.
_CENTURY_MISREAD = re.compile(r"2\d([4-8]\d)")


def _pixel_year(line: np.ndarray, reader: NumeralReader) -> int | None:
    """A plausible BE year read from a caption line's pixels: its last word, else the whole line.

    A trailing dash or speck makes the last ink run no year at all, and Thai captions have
    no wide gaps to split on; the year is the line's last four digits that make one. Only when
    no reading makes one is a reading of exactly four digits not opening with ๒๕ taken for 25xx."""
    read = []
    for digits in _caption_digits(line, reader):
        years = _BE_YEAR.findall(digits)
        if years:
            return int(years[-1])
        read.append(digits)
    misread = next((m for m in map(_CENTURY_MISREAD.fullmatch, read) if m), None)
    return 2500 + int(misread.group(1)) if misread else None


def _caption_digits(line: np.ndarray, reader: NumeralReader) -> Iterator[str]:
    """The digits of each reading of the line: last word, whole line, each fitted to its letters."""
    for whole in (line, _letters_rows(line)):
        for crop in (_last_word(whole), whole):
            reading = reader.read(crop) if crop is not None and crop.size else None
            yield re.sub(r"\D", "", reading.text) if reading is not None else ""


def _letters_rows(line: np.ndarray) -> np.ndarray:
    """The line cut to its letters' rows: a Thai line's box also holds the lowest marks of the
    line above and the highest of the line below, which on a bilevel scan touch its digits."""
    _, top, _, bottom = fit_line(line, (0, 0, line.shape[1], line.shape[0]))
    return line[top:bottom]
