"""Every ruled table on an OCR'd page, read cell by cell (ตารางในหน้า), whatever the document.

Why: page segmentation (Tesseract --psm 3/4/6) drops the contents of boxed cells, so the numbers
of a salary scale or a KPI table in a letter never reach the text (measured on a real scanned
announcement: 4 of its 30 table numbers). Each cell is read alone instead. A cell whose glyphs
the numeral reader takes all for digits and separators is read by it alone (stock `tha` cannot
emit ๔ ๖ ๗ ๘ ๙); the other cells by Tesseract, one call per column of crops stacked into a
strip, with their digits re-read from the strip's pixels. The cells then stand in the page's
tokens in place of the table's area, a row per line (`TABLE_BLOCK`: its cells tab-separated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from pipeline import components
from pipeline.errors import OcrError
from pipeline.numerals.api import NumeralReader
from pipeline.numerals.reader import NumeralReading
from pipeline.numerals.words import SUSPECT_LETTERS
from pipeline.ocr.boxes import BoxReading, splice_box
from pipeline.ocr.tesseract import TABLE_BLOCK, OcrOptions, group_tokens, text_from_tokens
from pipeline.records import Page, PageError, PageTable, TableCell, Word
from pipeline.tables.cell_ocr import cached_reading, crop_at, stack_crops
from pipeline.tables.model import Box
from pipeline.tables.ruled import RuledGrid, cell_tables
from pipeline.tables.scan import cell_inner, cell_inset, has_ink, tight_crop
from pipeline.thai.chars import to_arabic

STAGE = "page_tables"
# Thai only: with eng loaded, short Thai words in a cell come back as Latin guesses.
CELL_OPTIONS = OcrOptions(languages="tha", timeout=60, psm=4)  # a column of lines: the stacked crops
LINE_OPTIONS = OcrOptions(languages="tha", timeout=30, psm=7)  # one crop as one line
_FULL_LINE = 0.5  # of the tallest line in a cell: lower lines are marks read on their own
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_LETTER = re.compile("[a-zA-Zก-ฮ]")
# A number with a short word or a percent sign around it ("12,500 บาท", "ร้อยละ 80", and OCR's
# misreadings of such words) is still that number; anything longer is text that holds digits.
_WORD = r"[ก-๙.]{1,8}"
# Specks OCR reads apart from the number, before or after it (`' 138 แห่ง`, `2 แห่ง .`).
_SPECKS = r"[\'‘’\"`|,:;!_~.]+"
_WITH_UNIT = re.compile(rf"^(?:{_SPECKS}\s+)?(?:{_WORD}\s*)?({_NUMBER.pattern})\s*(?:%|{_WORD})?(?:\s+{_SPECKS})?$")


@dataclass
class _Crop:
    row: int
    col: int
    span: tuple[int, int]  # rows and columns it covers
    box: Box
    pixels: np.ndarray  # the cell's text, cut tight


def read_page_tables(page: Page, reader: NumeralReader, cache_dir: Path | None = None) -> list[PageTable]:
    """Find and read every ruled table of an OCR'd page; its cells replace the page's tokens
    inside each table. An OCR failure leaves the cells it concerns blank and is noted on the page."""
    if page.image is None:
        return []
    grids = cell_tables(page.image)
    page.page_tables = [_read_grid(page, grid, i, reader, cache_dir) for i, grid in enumerate(grids)]
    for table in page.page_tables:
        if any(cell.text for cell in table.cells):
            page.words = splice_box(page.words, BoxReading(table.bbox, _cell_tokens(table), page.image))
    if page.page_tables:
        page.raw_text = text_from_tokens(page.words)
    return page.page_tables


def _read_grid(page: Page, grid: RuledGrid, index: int, reader: NumeralReader,
               cache_dir: Path | None) -> PageTable:
    assert page.image is not None
    crops = _crops(page.image, grid)
    numbers = {(c.row, c.col): _dash_cell(c) or _number_cell(c, reader) for c in crops}
    cells = {key: cell for key, cell in numbers.items() if cell is not None}
    words = [c for c in crops if (c.row, c.col) not in cells]
    for column in sorted({c.col for c in words}):
        cells.update(_text_cells([c for c in words if c.col == column], page, reader, cache_dir))
    read = [cells.get((r, c)) or _blank(r, c, rs, cs, box) for r, c, rs, cs, box in grid.cells]
    bbox = (grid.xs[0], grid.ys[0], grid.xs[-1], grid.ys[-1])
    return PageTable(index, len(grid.ys) - 1, len(grid.xs) - 1, bbox, "ruled",
                     sorted(read, key=lambda cell: (cell.row, cell.col)))


def _crops(gray: np.ndarray, grid: RuledGrid) -> list[_Crop]:
    """The inked cells, each cut to its text (rule remnants and specks left out)."""
    inset = cell_inset(gray.shape[1])
    out = []
    for r, c, rs, cs, box in grid.cells:
        inner = cell_inner(gray, box, inset)
        tight = tight_crop(inner, gray.shape[1])
        crop = _Crop(r, c, (rs, cs), box, tight) if tight is not None and tight.size else None
        # A lone dash has too little ink to count as inked, yet it is what the cell says.
        if crop is not None and (has_ink(inner) or _is_dash(crop)):
            out.append(crop)
    return out


def _blank(row: int, col: int, row_span: int, col_span: int, box: Box) -> TableCell:
    return TableCell(row, col, "", None, None, box, row_span, col_span)


def _is_dash(crop: _Crop) -> bool:
    """One flat stroke, far lower than the cell is high: "-", a form's nil."""
    _, ink = cv2.threshold(crop.pixels, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    count, _, stats, _ = components.with_stats(ink)
    if count != 2:  # the background and one stroke
        return False
    _, _, width, height, _ = stats[1]
    return height * 3 <= width and height <= 0.2 * (crop.box[3] - crop.box[1])


def _dash_cell(crop: _Crop) -> TableCell | None:
    """A dash as "-", with no OCR call: Tesseract often reads it as nothing, and the retry alone
    would cost a call per dash."""
    return TableCell(crop.row, crop.col, "-", None, None, crop.box, *crop.span) if _is_dash(crop) else None


def _number_cell(crop: _Crop, reader: NumeralReader) -> TableCell | None:
    """The cell as a number when every glyph in it is a digit or separator, else None."""
    reading = reader.try_read_number(crop.pixels)
    return None if reading is None else _read_cell(crop, reading)


def _read_cell(crop: _Crop, reading: NumeralReading) -> TableCell:
    """The cell as the numeral reader read it."""
    return TableCell(crop.row, crop.col, reading.text, cell_number(reading.text),
                     round(reading.confidence, 3), crop.box, *crop.span)


def _text_cells(crops: list[_Crop], page: Page, reader: NumeralReader,
                cache_dir: Path | None) -> dict[tuple[int, int], TableCell]:
    """Cells of one column read by Tesseract from one strip, digits re-read from its pixels; a
    cell the strip left empty is read again alone as one line (a lone ที่ in a strip of one
    comes back empty with --psm 4 and whole with --psm 7)."""
    try:
        slots = _read_strip(crops, CELL_OPTIONS, reader, cache_dir)
        for k, crop in enumerate(crops):
            if not slots[k]:
                slots[k] = _read_strip([crop], LINE_OPTIONS, reader, cache_dir)[0]
    except OcrError as e:
        page.errors.append(PageError(page.number, e.reason, f"table cells of column {crops[0].col}: {e}",
                                     stage=STAGE))
        return {}
    return {(c.row, c.col): _text_cell(c, found, reader) for c, found in zip(crops, slots, strict=True)}


def _read_strip(crops: list[_Crop], options: OcrOptions, reader: NumeralReader,
                cache_dir: Path | None) -> list[list[Word]]:
    """The tokens of each crop, read from one strip of them stacked."""
    strip, spans = stack_crops([c.pixels for c in crops])
    # The same cache entry as the report forms' cell reads (`cached_reading`): a strip they
    # stack alike is read by Tesseract once.
    reading = cached_reading(strip, options, cache_dir)
    tokens = reader.reread_words(strip, group_tokens(reading.words, reading.text))
    slots: list[list[Word]] = [[] for _ in crops]
    for token in tokens:
        slot = crop_at(spans, token.top + token.height // 2)
        if slot is not None:
            slots[slot].append(token)
    return slots


def _text_cell(crop: _Crop, tokens: list[Word], reader: NumeralReader) -> TableCell:
    """What Tesseract read, its digits re-read; but a cell in which it found no letter and no
    number is the numeral reader's: a lone ๓ comes back empty, a rule remnant as "] 15". (Where
    it did find the number, that reading stands: the reader, reading the crop alone, can drop a
    digit it takes for a letter, a ๓ broken in two on a bilevel scan.)"""
    text = " ".join(text_from_tokens(_text_lines(tokens)).split())
    if not has_letters(text) and cell_number(text) is None:
        reading = reader.read(crop.pixels)
        if reading is not None:
            return _read_cell(crop, reading)
    confs = [t.conf for t in tokens if t.conf >= 0]
    confidence = round(sum(confs) / len(confs) / 100, 3) if confs else None
    return TableCell(crop.row, crop.col, text, cell_number(text), confidence, crop.box, *crop.span)


def _text_lines(tokens: list[Word]) -> list[Word]:
    """The tokens of the crop's text lines. Read alone, a cell's tone marks and upper vowels can
    come back as a line of their own, of junk ("ฉ- ส๑ฉ" over ตัวชี้วัด, "ซฆ" over ร้อยละ, which
    the numeral reader then takes for "5."): such a line reaches down into a wider line below
    it, where a wrapped line of text ends above the next; or it is far lower than the text."""
    lines: dict[int, tuple[int, int, int, int]] = {}
    for t in tokens:
        x0, y0, x1, y1 = lines.get(t.line, (t.left, t.top, t.left + t.width, t.top + t.height))
        lines[t.line] = (min(x0, t.left), min(y0, t.top), max(x1, t.left + t.width), max(y1, t.top + t.height))
    tallest = max((b[3] - b[1] for b in lines.values()), default=0)
    marks = {k for k, a in lines.items()
             if a[3] - a[1] < _FULL_LINE * tallest or any(_sits_on(a, b) for b in lines.values())}
    return [t for t in tokens if t.line not in marks]


def _sits_on(upper: Box, lower: Box) -> bool:
    """`upper` starts above `lower`, ends in its upper half, and is narrower: marks over a text
    line (a number taller than the word before it reaches lower and stays)."""
    return upper[1] < lower[1] < upper[3] < (lower[1] + lower[3]) / 2 and upper[2] - upper[0] < lower[2] - lower[0]


def has_letters(text: str) -> bool:
    """Any letter but those Tesseract's `tha` writes for the digits it cannot emit (๗ → ฆ)."""
    return any(_LETTER.match(ch) and ch not in SUSPECT_LETTERS for ch in text)


def cell_number(text: str) -> float | None:
    """The value of a cell that is a number ("12,500", "166.64", "ร้อยละ 80", "9 แห่ง"); None
    for text, a dash, or a number with more than a unit around it."""
    match = _WITH_UNIT.match(" ".join(to_arabic(text).split()))
    if match is None:
        return None
    try:
        return float(match.group(1).replace(",", ""))
    except ValueError:
        return None


def _cell_tokens(table: PageTable) -> list[Word]:
    """One token per inked cell, a line per row, boxed as the cell (block TABLE_BLOCK)."""
    out = []
    for cell in table.cells:
        if cell.text:
            x0, y0, x1, y1 = cell.bbox
            conf = -1.0 if cell.confidence is None else round(100 * cell.confidence, 1)
            out.append(Word(cell.text, conf, x0, y0, x1 - x0, y1 - y0, TABLE_BLOCK, cell.row + 1,
                            reread=cell.number is not None))
    return out
