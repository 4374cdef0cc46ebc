"""Tables on scanned pages: the ruled grid (OpenCV), each cell read from its own crop.

A number or dash cell the page-table stage (`pipeline.tables.page_tables`) already read, boxed
exactly as this grid boxes it, keeps that reading: reading it again cost Tesseract calls for the
same pixels. A body column of text is stacked as that stage stacked it (`_as_page_tables`), so
its strip comes from the OCR cache; header cells are still read alone. When no ruled table is
found (rules too faint or missing) the page's OCR words are clustered into rows and columns
instead (`pipeline.tables.words`).
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from pipeline import components
from pipeline.errors import OcrError
from pipeline.records import PageTable, TableCell, Word
from pipeline.tables.cell_ocr import read_cells, read_lines
from pipeline.tables.model import Box, Table
from pipeline.tables.ruled import RuledGrid, find_ruled_grids
from pipeline.tables.words import table_from_words

_INSET = 6  # pixels trimmed inside a cell box so rule remnants are not read as text
_INK = 0.003  # fraction of dark pixels below which a cell is blank
_HEADER_ROWS = 3  # grid rows that may hold the header
_CAPTION_BAND = 0.13  # of the page height above a table: where its title lines are


def cell_inset(page_width: int) -> int:
    """Pixels the page-table stage trims inside a cell box: rules are thicker on finer scans."""
    return max(_INSET, page_width // 250)


def cell_inner(gray: np.ndarray, box: Box, inset: int = _INSET) -> np.ndarray:
    left, top, right, bottom = box
    return gray[top + inset:max(top + inset + 1, bottom - inset),
                left + inset:max(left + inset + 1, right - inset)]


def has_ink(crop: np.ndarray) -> bool:
    return crop.size > 0 and float((crop < 140).mean()) > _INK


def tight_crop(crop: np.ndarray, page_width: int) -> np.ndarray | None:
    """The crop cut down to its text, None when only specks are in it.

    Tesseract reads one short word (a lone อำเภอ or ที่ in a tall merged header cell) as
    nothing when it floats in a large field, worse with a photo's grey, speckled ground.
    Components smaller than a stroke are specks; the margin keeps marks above and below."""
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    count, _, stats, _ = components.with_stats(ink)
    min_area = max(12, int(2 * (page_width / 600) ** 2))
    big = [i for i in range(1, count) if stats[i, cv2.CC_STAT_AREA] >= min_area]
    if not big:
        return None
    left = min(stats[i, cv2.CC_STAT_LEFT] for i in big)
    top = min(stats[i, cv2.CC_STAT_TOP] for i in big)
    right = max(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] for i in big)
    bottom = max(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] for i in big)
    margin = max(12, page_width // 100)
    return crop[max(0, top - margin):bottom + margin, max(0, left - margin):right + margin]


def read_cells_by_box(tables: list[PageTable]) -> dict[Box, TableCell]:
    """The cells the page-table stage read as a number or a dash, by their box. Its text cells
    are read again here: read in a strip of their column, a multi-line header cell loses lines
    (the column roles then go wrong), and a wrapped label its short first line (อบจ. over the
    province's name); the numbers are the numeral reader's, from the same pixels, either way."""
    return {cell.bbox: cell for table in tables for cell in table.cells
            if cell.number is not None or cell.text == "-"}


def _table_from_grid(gray: np.ndarray, grid: RuledGrid, known: dict[Box, TableCell],
                     cache_dir: Path | None = None) -> Table:
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    cells = [[""] * cols for _ in range(rows)]
    boxes: list[list[Box | None]] = [[None] * cols for _ in range(rows)]
    confs: list[list[float | None]] = [[None] * cols for _ in range(rows)]
    inked = []
    for r, c, _, _, box in grid.cells:
        boxes[r][c] = box
        crop = cell_inner(gray, box)
        tight = tight_crop(crop, gray.shape[1]) if has_ink(crop) else None
        if tight is not None:
            inked.append((r, c, tight))
    taken = _taken(grid, known, {(r, c) for r, c, _ in inked})
    judged = {(r, c): known[boxes[r][c]] for r, c in taken}
    for (r, c), cell in judged.items():
        cells[r][c], confs[r][c] = _known_text(cell)
    inked = [item for item in inked if item[:2] not in taken]
    # Header cells (the top rows) one by one: they decide the column roles, and a strip of
    # multi-line header crops loses lines. Body cells: one strip per column, one width each.
    groups = [[item] for item in inked if item[0] < _HEADER_ROWS]
    body = [item for item in inked if item[0] >= _HEADER_ROWS]
    groups += [[i for i in body if i[1] == col] for col in sorted({i[1] for i in body})]
    for members in groups:
        mine = {(r, c) for r, c, _ in members}
        strip = _as_page_tables(gray, grid, known, members)
        try:
            texts = read_cells([crop for _, _, crop in strip], cache_dir=cache_dir)
        except OcrError:
            continue
        for (r, c, _), text in zip(strip, texts, strict=True):
            if (r, c) in mine:
                cells[r][c], confs[r][c] = text.text, text.conf
    table = Table(cells=cells, source="ruled", boxes=boxes, confs=confs, image=gray,
                  top=grid.ys[0], bottom=grid.ys[-1], judged=judged)
    _read_caption(gray, table, grid.xs[0], grid.xs[-1], cache_dir)
    return table


def _as_page_tables(gray: np.ndarray, grid: RuledGrid, known: dict[Box, TableCell],
                    members: list[tuple[int, int, np.ndarray]]) -> list[tuple[int, int, np.ndarray]]:
    """A body column of text cells as the page-table stage stacked it: every cell of the column
    it read as text, its header's on top, each cut as it cuts them. The strip is then that
    stage's, and its reading comes from the OCR cache, not from Tesseract again. The header
    crops only steady the layout; their text here is read alone. A column that stage read in
    part as numbers stacks otherwise: its own crops, as before."""
    if members[0][0] < _HEADER_ROWS:
        return members
    strip = [(r, c, crop) for r, c, _, _, box in grid.cells
             if c == members[0][1] and box not in known and (crop := page_crop(gray, box)) is not None]
    body = {(r, c) for r, c, _ in strip if r >= _HEADER_ROWS}
    return strip if body == {(r, c) for r, c, _ in members} else members


def page_crop(gray: np.ndarray, box: Box) -> np.ndarray | None:
    """A cell cut as the page-table stage cuts it (its inset, tight to the ink); None when blank."""
    inner = cell_inner(gray, box, cell_inset(gray.shape[1]))
    tight = tight_crop(inner, gray.shape[1]) if has_ink(inner) else None
    return tight if tight is not None and tight.size else None


def _taken(grid: RuledGrid, known: dict[Box, TableCell], inked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The cells whose page-table reading stands: a header cell (read alone here) whenever there
    is one; a body cell only when every inked body cell of its column has one. A column's strip
    missing some of its crops reads the others differently (ไม่มี as 1ม่มี in a remark column
    whose specks the page-table stage took for numbers)."""
    at = {(r, c): box for r, c, _, _, box in grid.cells}
    whole = {c for c in range(len(grid.xs) - 1)
             if all(at[rc] in known for rc in inked if rc[1] == c and rc[0] >= _HEADER_ROWS)}
    return {rc for rc, box in at.items() if box in known and (rc[0] < _HEADER_ROWS or rc[1] in whole)}


def _known_text(cell: TableCell) -> tuple[str, float | None]:
    """A page-table cell's text and its confidence on Table's 0–100 scale."""
    return cell.text, None if cell.confidence is None else 100 * cell.confidence


def _read_caption(gray: np.ndarray, table: Table, left: int, right: int, cache_dir: Path | None = None) -> None:
    """OCR the band just above the table (title, period, province), in its own call: page
    OCR often drops digits of the title's year."""
    height = int(_CAPTION_BAND * gray.shape[0])
    top = max(0, table.top - height)
    band = gray[top:max(top + 1, table.top - 4), max(0, left - 200):right + 200]
    if band.size == 0:
        return
    try:
        lines = read_lines(band, cache_dir=cache_dir)
    except OcrError:
        return
    x0 = max(0, left - 200)
    table.caption = [text for text, _ in lines]
    table.caption_boxes = [grow_to_ink(gray, (a + x0, b + top, c + x0, d + top))
                           for _, (a, b, c, d) in lines]


_BODY_ROW = 0.2  # of the fullest row's ink: rows of the line's letters, not of its neighbours' marks
_MARKS_ABOVE, _MARKS_BELOW = 0.4, 0.3  # of the letters' height: room for vowels and tone marks


def fit_line(gray: np.ndarray, box: Box) -> Box:
    """`box` cut down to its line: the rows of its letters, with room for marks above and below.
    Tesseract's box of a Thai line also holds the lowest marks of the line above and the highest
    of the line below; on a bilevel scan they touch its digits (๒๕๖๖ then reads as 26)."""
    left, top, right, bottom = box
    rows = (gray[top:bottom, left:right] < 128).sum(axis=1)
    if rows.size == 0 or rows.max() == 0:
        return box
    dense = np.flatnonzero(rows >= _BODY_ROW * rows.max())
    runs = np.split(dense, np.flatnonzero(np.diff(dense) > 1) + 1)
    body = max(runs, key=lambda run: int(rows[run].sum()))
    height = int(body[-1] - body[0] + 1)
    return (left, max(top, top + int(body[0]) - int(_MARKS_ABOVE * height)), right,
            min(bottom, top + int(body[-1]) + 1 + int(_MARKS_BELOW * height)))


_WORD_GAP = 0.25  # of the line's height: ink nearer than this to a line's end is still the line


def grow_to_ink(gray: np.ndarray, box: Box) -> Box:
    """`box` widened to the ink that continues its line on either side. Tesseract's line box
    can end inside the last glyph it could not read (๒๕๖๗ boxed to ๒๕๖ and half a ๗, which
    alone reads as ๓), and the numeral reader then reads a wrong year."""
    left, top, right, bottom = box
    # The line's core rows only: its box also holds the marks of the lines above and below,
    # which run on across the page.
    quarter = (bottom - top) // 4
    ink = (gray[top + quarter:bottom - quarter] < 128).any(axis=0)
    gap = max(2, int(_WORD_GAP * (bottom - top)))
    while right < ink.size and ink[right:right + gap].any():
        right += int(np.argmax(ink[right:right + gap])) + 1
    while left > 0 and ink[max(0, left - gap):left].any():
        left = max(0, left - gap) + int(np.flatnonzero(ink[max(0, left - gap):left])[0])
    return left, top, right, bottom


def tables_from_scan(image: np.ndarray, words: list[Word], read: list[PageTable] | None = None,
                     cache_dir: Path | None = None) -> list[Table]:
    """Ruled tables of a deskewed grayscale page, else a table clustered from its OCR words.
    `read`: the page's tables as the page-table stage read them, whose cells are not read again;
    `cache_dir`: the OCR cache the cells and captions it does read go through."""
    grids = find_ruled_grids(image)
    if grids:
        known = read_cells_by_box(read or [])
        return [_table_from_grid(image, g, known, cache_dir) for g in grids]
    table = table_from_words(words)
    return [table] if table is not None else []
