"""OCR of many table cells in one Tesseract call (การอ่านข้อความในช่องตาราง).

Page-level OCR reads ruled tables poorly (rules split words, rows go missing), and one
Tesseract process per cell costs ~0.1 s of start-up each. So the cell crops are stacked into one
tall strip with white gaps, read once, and each word is given back to the crop its box lies in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from pipeline.ocr import cache
from pipeline.ocr.tesseract import OcrOptions, OcrResult, run_tesseract
from pipeline.records import Word

STACK_GAP = 100  # white pixels between stacked crops (less and Tesseract joins their lines)
_MARGIN = 20
_TIMEOUT = 60  # seconds; a strip is small, so a longer run means Tesseract is stuck


@dataclass(frozen=True)
class CellText:
    text: str
    conf: float | None  # mean word confidence 0–100, None when nothing was read


def _lines(gray: np.ndarray, lang: str, psm: int = 4, cache_dir: Path | None = None) -> list[list[Word]]:
    """Tesseract's words grouped by its own lines, both in its reading order."""
    # psm 4 (one column of text of varying size): what a strip of stacked cells is.
    chars = _cached_chars(gray, OcrOptions(languages=lang, timeout=_TIMEOUT, psm=psm), cache_dir)
    lines: dict[int, list[Word]] = {}
    for char in chars:
        lines.setdefault(char.line, []).append(char)
    return list(lines.values())


def _cached_chars(gray: np.ndarray, options: OcrOptions, cache_dir: Path | None) -> list[Word]:
    """Tesseract's character boxes of the image, from the OCR cache when it holds them: a re-run
    (after a crash, a re-dropped file) then reads a form's header cells and strips no more than
    its page. Kept as Tesseract gave them, not grouped into tokens as a line's reading is."""
    return cached_reading(gray, options, cache_dir).words


def cached_reading(gray: np.ndarray, options: OcrOptions, cache_dir: Path | None) -> OcrResult:
    """Tesseract's character boxes and plain text of the image, through the OCR cache. One entry
    for every reader of table cells: the page-table stage and a report form's scan read the same
    strip of a column when their crops agree, and the second read is then a cache hit."""
    path = cache.entry_path(cache_dir, gray, options, "chars") if cache_dir is not None else None
    return cache.read_through(path, lambda: OcrResult(*run_tesseract(gray, options), None))


def stack_crops(crops: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Crops one under another on white, far enough apart that Tesseract keeps their lines apart;
    returns the strip and each crop's (top, bottom) in it."""
    width = max(c.shape[1] for c in crops) + 2 * _MARGIN
    height = sum(c.shape[0] + STACK_GAP for c in crops) + _MARGIN
    strip = np.full((height, width), 255, np.uint8)
    spans, y = [], _MARGIN
    for crop in crops:
        strip[y:y + crop.shape[0], _MARGIN:_MARGIN + crop.shape[1]] = crop
        spans.append((y, y + crop.shape[0]))
        y += crop.shape[0] + STACK_GAP
    return strip, spans


def _join(words: list[Word]) -> str:
    """Tesseract's Thai TSV gives one box per character: join in reading order, with a space
    only where the gap is wide (between Thai words and numbers, "13 แห่ง")."""
    out, prev_right = "", None
    for w in words:
        if prev_right is not None and w.left - prev_right > 0.6 * max(w.height, 20):
            out += " "
        out += w.text.strip()
        prev_right = max(prev_right or 0, w.left + w.width)
    return out


def crop_at(spans: list[tuple[int, int]], mid: int) -> int | None:
    """Which stacked crop a line whose middle is at `mid` belongs to (half a gap either side), if any."""
    return next((i for i, (a, b) in enumerate(spans) if a - STACK_GAP // 2 <= mid < b + STACK_GAP // 2),
                None)


def read_cells(crops: list[np.ndarray], lang: str = "tha", cache_dir: Path | None = None) -> list[CellText]:
    # Thai only: with eng loaded, short Thai names come back as Latin guesses (ละงู → "ayy").
    """Text of each crop, in the order given; lines within a crop joined by a space."""
    if not crops:
        return []
    strip, spans = stack_crops(crops)
    texts: list[list[str]] = [[] for _ in crops]
    confs: list[list[float]] = [[] for _ in crops]
    for words in _lines(strip, lang, cache_dir=cache_dir):
        mids = sorted(w.top + w.height // 2 for w in words)
        slot = crop_at(spans, mids[len(mids) // 2])
        if slot is not None:
            texts[slot].append(_join(words))
            confs[slot].extend(w.conf for w in words if w.conf >= 0)
    out = [CellText(" ".join(t), sum(c) / len(c) if c else None)
           for t, c in zip(texts, confs, strict=True)]
    return [cell if cell.text else _read_alone(crop, lang, cache_dir) for cell, crop in zip(out, crops, strict=True)]


# One line first; a name wrapped over two lines of its cell (เทศบาลเมือง / หนองบัวลำภู) reads as
# nothing as one line, and as a block (psm 6) it reads.
_ALONE_PSMS = (7, 6)


def _read_alone(crop: np.ndarray, lang: str, cache_dir: Path | None = None) -> CellText:
    """One crop read as one line (psm 7), else as a block (`_ALONE_PSMS`). Tesseract's page
    layout (psm 4) drops whole lines of a strip (a short name such as จุน, or three names in a row
    on a photographed form) and reads a lone short line on a grey ground as nothing; as one line,
    the same crop reads."""
    if not (crop < 128).any():
        return CellText("", None)  # read as a line, a blank field comes back as invented marks
    for psm in _ALONE_PSMS:
        lines = [line for line in _lines(crop, lang, psm=psm, cache_dir=cache_dir) if line]
        if lines:
            break
    words = [w for line in lines for w in line]
    confs = [w.conf for w in words if w.conf >= 0]
    return CellText(" ".join(_join(line) for line in lines), sum(confs) / len(confs) if confs else None)


def read_lines(gray: np.ndarray, lang: str = "tha+eng", cache_dir: Path | None = None
               ) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Text lines of a region with their boxes (left, top, right, bottom), top to bottom."""
    out = []
    for words in _lines(gray, lang, cache_dir=cache_dir):
        left = min(w.left for w in words)
        top = min(w.top for w in words)
        right = max(w.left + w.width for w in words)
        bottom = max(w.top + w.height for w in words)
        out.append((_join(words), (left, top, right, bottom)))
    return sorted(out, key=lambda line: line[1][1])


_REREAD_SCALES = (1, 2, 3)


def reread_line(crop: np.ndarray, lang: str = "tha") -> Iterator[str]:
    """A cell's crop read alone as one line, as printed and enlarged 2x and 3x: readings a caller
    can weigh against the strip's. Tesseract confuses letters a stroke apart (ร/ว, ป/บ, จ/ล) on
    a small crop, and rarely the same way at every size. Lazy: a caller stops at the first
    reading it can use."""
    for scale in _REREAD_SCALES:
        big = crop if scale == 1 else cv2.resize(crop, None, fx=scale, fy=scale,
                                                 interpolation=cv2.INTER_CUBIC)
        yield " ".join(_join(line) for line in _lines(big, lang, psm=7))
