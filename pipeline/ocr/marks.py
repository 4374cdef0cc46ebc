"""A letter's urgency mark (ชั้นความเร็ว: ด่วน, ด่วนมาก, ด่วนที่สุด) read on its own from the
page's top-left corner.

Why: the regulations (ระเบียบงานสารบรรณ) set the mark large (32 pt or more) at the top left,
above the number line and level with the Garuda. Tesseract's page layout reads that large type
as a picture or joins it to the emblem, and the page text loses it (seen on scans: no text at
all where ด่วนมาก stood, or `ค่มกีสุด`). Read alone, a band of the corner brought down to body-
text size reads whole (`ดวนมาก`). Which reading is a mark is the caller's knowledge (a judge);
only a line it takes goes into the page's tokens, in place of the page's tokens under it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

from pipeline import components
from pipeline.ocr.boxes import BOXED_BLOCK, BoxReading, splice_box
from pipeline.ocr.lines import cached_ocr
from pipeline.ocr.tesseract import OcrOptions, text_from_tokens
from pipeline.records import Page, Word
from pipeline.tables.model import Box
from pipeline.tables.ruled import binarise

CORNER = (0.45, 0.2)  # of the page's width and height: the mark's place, clear of a stamp at the right
_MIN_BAND = 0.012  # of the page height: a band lower than a line of body text is specks or a rule
_BANDS = 2  # the mark is the first or second band (a scan's dark top edge may come first)
_ROW_INK = 0.01  # share of the corner's width a row's ink must cover to belong to a band
_LINE_HEIGHT = 60  # pixels: a band is brought down to about this height, body text at 300 dpi
_TALL_INK = 0.6  # of the band's height: no glyph of the mark is so tall; the emblem or a frame is
_SPARSE = OcrOptions(languages="tha", timeout=30, psm=11)  # the emblem beside the mark is no text
_LINE = OcrOptions(languages="tha", timeout=30, psm=7)


@dataclass(frozen=True)
class Reading:
    """One way to read a band: its ink as is or without tall ink, at body-text size or as printed."""

    options: OcrOptions
    untangled: bool = False
    as_printed: bool = False


# Cheapest first; the emblem's ink is taken out only where the plain readings found no mark (the
# mark printed over the Garuda of a memo, seen on scans: `ก งนต` for ด่วนที่สุด, then `ทีสุด`).
READINGS = (Reading(_SPARSE), Reading(_LINE), Reading(_SPARSE, untangled=True),
            Reading(_SPARSE, untangled=True, as_printed=True))
LineJudge = Callable[[str], bool]  # one line's text → is it the mark?


def corner_bands(gray: np.ndarray) -> list[Box]:
    """Bands of inked rows in the page's top-left corner, top to bottom, in page pixels."""
    height, width = gray.shape
    corner = gray[: int(CORNER[1] * height), : int(CORNER[0] * width)]
    ink = cv2.morphologyEx(binarise(corner), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))  # specks off
    rows = (ink > 0).sum(axis=1) > _ROW_INK * corner.shape[1]
    return [(0, top, corner.shape[1], bottom) for top, bottom in _runs(rows)
            if bottom - top >= _MIN_BAND * height]


def _runs(rows: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of True rows."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], rows.astype(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def read_band(page: Page, band: Box, how: Reading, cache_dir: Path | None) -> list[Word]:
    """The band's tokens (with a margin of a fifth of its height) read `how`, in page pixels."""
    assert page.image is not None
    x0, y0, x1, y1 = band
    margin = max(10, (y1 - y0) // 5)
    top, bottom = max(0, y0 - margin), min(page.image.shape[0], y1 + margin)
    crop = page.image[top:bottom, x0:x1]
    if how.untangled:
        crop = without_tall_ink(crop, _TALL_INK * (y1 - y0))
    scale = 1.0 if how.as_printed else min(1.0, _LINE_HEIGHT / (y1 - y0))
    crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    tokens = cached_ocr(crop, how.options, cache_dir, prefix="mark")
    return [_to_page(t, scale, x0, top) for t in tokens]


def without_tall_ink(gray: np.ndarray, tallest: float) -> np.ndarray:
    """The crop with every piece of ink taller than `tallest` pixels painted white: the emblem a
    mark is printed over loses the glyph it touches, the rest of the mark reads."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, _ = components.with_stats(ink)
    tall = [i for i in range(1, count) if stats[i, cv2.CC_STAT_HEIGHT] > tallest]
    out = gray.copy()
    if tall:
        out[np.isin(labels, tall)] = 255
    return out


def _to_page(word: Word, scale: float, left: int, top: int) -> Word:
    return replace(word, left=left + round(word.left / scale), top=top + round(word.top / scale),
                   width=round(word.width / scale), height=round(word.height / scale), block=BOXED_BLOCK)


def _judged_line(tokens: list[Word], judge: LineJudge) -> list[Word]:
    """The tokens of the first line the judge takes for the mark, else none."""
    for line in sorted({t.line for t in tokens}):
        words = [t for t in tokens if t.line == line]
        if judge(text_from_tokens(words)):
            return words
    return []


def _bounds(words: list[Word]) -> Box:
    return (min(w.left for w in words), min(w.top for w in words),
            max(w.left + w.width for w in words), max(w.top + w.height for w in words))


def read_corner_mark(page: Page, judge: LineJudge, cache_dir: Path | None = None) -> Box | None:
    """Read the corner's first bands on their own; the first line `judge` takes replaces the
    page's tokens under it (the page text is rebuilt). Returns the area replaced, or None."""
    if page.image is None or not page.words:
        return None
    for band in corner_bands(page.image)[:_BANDS]:
        for how in READINGS:
            words = _judged_line(read_band(page, band, how, cache_dir), judge)
            if words:
                reading = BoxReading(_bounds(words), words, None)
                page.words = splice_box(page.words, reading)
                page.raw_text = text_from_tokens(page.words)
                return reading.box
    return None
