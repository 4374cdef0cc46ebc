"""Text lines the page pass dropped (บรรทัดที่ OCR ข้ามไป): rows of glyph-sized ink that no page
token covers, found in a band of the page and read on their own.

Why: Tesseract's layout analysis can take a block of text for a picture and leave it out whole,
not garbled: seen on a scan where a signature's stroke ran over the signatory's name and
position, and neither line reached the text at all (nothing to re-read, so the letter went
unsigned). Which band is worth searching, and whether a reading is kept, is the caller's (the
extractors' judge); this module handles only pixels.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from pipeline.numerals.segment import binarise
from pipeline.ocr.boxes import BoxReading, splice_box
from pipeline.ocr.lines import LINE_OPTIONS, cached_ocr
from pipeline.ocr.tesseract import OcrOptions, text_from_tokens
from pipeline.records import Page, Word

Keep = Callable[[str], bool]  # a dropped line's reading → put it in the page's text?
Box = tuple[int, int, int, int]  # left, top, right, bottom in page pixels
_MIN_GLYPHS = 5  # a row of fewer glyph-sized pieces is specks or a stroke's ends, not a line
_GLYPH = (0.3, 1.6)  # a glyph's height, in the page's median token height (marks and tails apart)
_PAD = 0.35  # of the token height, around a row's ink: Tesseract needs a margin


def unread_rows(page: Page, top: int, bottom: int) -> list[Box]:
    """Rows of glyph-sized ink between `top` and `bottom` that no page token covers, top down."""
    if page.image is None or not page.words or bottom - top < 4:
        return []
    size = statistics.median(w.height for w in page.words)
    ink = binarise(page.image[top:bottom]).astype(np.uint8)
    for w in page.words:  # what the page pass read is not dropped
        ink[max(0, w.top - top):max(0, w.top + w.height - top), w.left:w.left + w.width] = 0
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    glyphs = [s for s in stats[1:count] if _GLYPH[0] * size <= s[3] <= _GLYPH[1] * size and s[2] <= 2 * size]
    return [_padded(row, top, size, page.image.shape) for row in _rows(glyphs) if len(row) >= _MIN_GLYPHS]


def _rows(glyphs: list[np.ndarray]) -> list[list[np.ndarray]]:
    """Glyphs grouped into rows by their vertical middles (a row: middles within its height)."""
    rows: list[list[np.ndarray]] = []
    for g in sorted(glyphs, key=lambda s: s[1] + s[3] / 2):
        middle = g[1] + g[3] / 2
        if rows and abs(middle - _middle(rows[-1])) <= 0.5 * max(s[3] for s in rows[-1]):
            rows[-1].append(g)
        else:
            rows.append([g])
    return rows


def _middle(row: list[np.ndarray]) -> float:
    return statistics.median(s[1] + s[3] / 2 for s in row)


def _padded(row: list[np.ndarray], top: int, size: float, shape: tuple[int, ...]) -> Box:
    pad = int(_PAD * size)
    left, right = min(s[0] for s in row), max(s[0] + s[2] for s in row)
    upper, lower = min(s[1] for s in row), max(s[1] + s[3] for s in row)
    return (max(0, int(left) - pad), max(0, top + int(upper) - pad),
            min(shape[1], int(right) + pad), min(shape[0], top + int(lower) + pad))


def read_dropped_lines(page: Page, band: tuple[int, int] | None, keep: Keep,
                       options: OcrOptions = LINE_OPTIONS, cache_dir: Path | None = None) -> list[Box]:
    """Read each unread row of `band` (top, bottom) on its own; a reading `keep` accepts goes into
    the page's tokens as a line of its own, in reading order. Returns the rows put in."""
    if band is None or page.image is None:
        return []
    added = []
    for box in unread_rows(page, *band):
        words = _read(page.image, box, options, cache_dir)
        if words and keep(text_from_tokens(words)):
            page.words = splice_box(page.words, BoxReading(box, words, None))
            added.append(box)
    if added:
        page.raw_text = text_from_tokens(page.words)
    return added


def _read(image: np.ndarray, box: Box, options: OcrOptions, cache_dir: Path | None) -> list[Word]:
    left, top, right, bottom = box
    tokens = cached_ocr(image[top:bottom, left:right], options, cache_dir, prefix="dropped")
    return [Word(t.text, t.conf, t.left + left, t.top + top, t.width, t.height, 0, 1) for t in tokens]
