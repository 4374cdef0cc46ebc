"""Boxed text on page images (ข้อความในกรอบ): a small ruled rectangle standing alone on the page —
a receiving stamp (เลขรับ / วันที่ / เวลา) — found, cleaned and read as a block of its own.

Why: Tesseract's page layout joins a stamp's lines to the letterhead lines level with it
(measured on a real scan: the stamp's เลขรับ and วันที่ came out glued to `ที่ ปจ…` as
`71 จลิ่จ16จขีจ`). Read alone, without the box rules and the dotted leaders the clerk writes on
(`เลขรับ.....`), the same pixels come back as the stamp's own lines. Which readings are worth
keeping is the caller's knowledge (a `judge`). Where a reading is kept, the cleaned pixels
replace the box's in the page's in-memory image too, so later crops of it (the numeral reader,
tables) see no rules or leaders; the file's own pixels are never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

from pipeline import components
from pipeline.errors import OcrError
from pipeline.ocr.lines import cached_ocr
from pipeline.ocr.tesseract import OcrOptions, text_from_tokens
from pipeline.records import Page, PageError, Word
from pipeline.tables.model import Box
from pipeline.tables.ruled import binarise, page_rules

BOX_OPTIONS = OcrOptions(languages="tha", timeout=30, psm=4)  # a column of lines of mixed sizes
LINE_BOX_OPTIONS = OcrOptions(languages="tha", timeout=30, psm=7)  # one line of large type
_INSET = 0.1  # of the box height: the rules' width and their margin, cut off instead of erased
BOXED_BLOCK = 0  # Tesseract numbers its blocks from 1: block 0 marks tokens read from a box
_WIDTH = (0.08, 0.45)  # of the page width: a stamp, not a table or a page frame
_HEIGHT = (0.025, 0.2)  # of the page height
_SIDE_COVER = 0.7  # share of each side a rule must cover for the box to be closed
_OVERFLOW = 0.12  # of the box width: handwriting runs on past the right rule (a year, ๒๕๖|๖)
_MIN_LEADER_DOTS = 4  # dots in a row this long are a leader to write on, not punctuation
Judge = Callable[[str, str], bool]  # (page's text inside the box, box's own reading) → take the new one?
Reread = Callable[[np.ndarray, list[Word]], list[Word]]  # (crop, its tokens) → tokens with digits re-read


@dataclass(frozen=True)
class BoxReading:
    box: Box  # the area read: the box and its overflow strip
    words: list[Word]
    pixels: np.ndarray | None  # the cleaned crop the words were read from; None: not cleaned

    @property
    def text(self) -> str:
        return text_from_tokens(self.words)


def _side_covered(mask: np.ndarray, box: Box, side: str) -> bool:
    x0, y0, x1, y1 = box
    band = max(4, (y1 - y0) // 12)
    if side in ("top", "bottom"):
        rows = slice(y0, y0 + band) if side == "top" else slice(y1 - band, y1)
        strip = mask[rows, x0:x1].any(axis=0)
    else:
        cols = slice(x0, x0 + band) if side == "left" else slice(x1 - band, x1)
        strip = mask[y0:y1, cols].any(axis=1)
    return float(strip.mean()) >= _SIDE_COVER


def _ruled_inside(horiz: np.ndarray, vert: np.ndarray, box: Box) -> bool:
    """A rule across the inside makes a small table, not a stamp (whose lines are dotted)."""
    x0, y0, x1, y1 = box
    band_y, band_x = max(4, (y1 - y0) // 12), max(4, (x1 - x0) // 12)
    rows = horiz[y0 + band_y : y1 - band_y, x0:x1].mean(axis=1) / 255
    cols = vert[y0:y1, x0 + band_x : x1 - band_x].mean(axis=0) / 255
    return bool((rows.size and rows.max() > _SIDE_COVER) or (cols.size and cols.max() > _SIDE_COVER))


def find_boxes(gray: np.ndarray) -> list[Box]:
    """Closed, stamp-sized rule rectangles of a (deskewed) page, top to bottom."""
    height, width = gray.shape
    horiz, vert, _ = page_rules(gray)
    count, _, stats, _ = components.with_stats(cv2.bitwise_or(horiz, vert))
    boxes = []
    for i in range(1, count):
        x, y, w, h, _ = (int(v) for v in stats[i])
        box = (x, y, x + w, y + h)
        if not (_WIDTH[0] * width <= w <= _WIDTH[1] * width and _HEIGHT[0] * height <= h <= _HEIGHT[1] * height):
            continue
        closed = all(_side_covered(horiz, box, s) for s in ("top", "bottom")) and \
            all(_side_covered(vert, box, s) for s in ("left", "right"))
        if closed and not _ruled_inside(horiz, vert, box):
            boxes.append(box)
    return sorted(boxes, key=lambda b: (b[1], b[0]))


def without_rules(gray: np.ndarray) -> np.ndarray:
    """The crop with the box's own rules painted white, so none of them reads as ก, l or -.

    Rules are strokes a third of the box long; no glyph is. Erasing them (rather than cutting
    the crop inside them) copes with rounded corners and a slightly tilted stamp."""
    # Otsu, not the adaptive threshold: that one hollows out a thick rule into thin edges.
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    height, width = ink.shape
    thick = cv2.dilate(ink, np.ones((5, 5), np.uint8))  # a rule tilted by a few pixels stays one run
    horiz = cv2.morphologyEx(thick, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(9, width // 3), 1)))
    vert = cv2.morphologyEx(thick, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(9, height // 3))))
    horiz = _at_top_or_bottom(horiz)
    rules = cv2.dilate(cv2.bitwise_or(horiz, vert), np.ones((3, 3), np.uint8))
    out = gray.copy()
    out[rules > 0] = 255
    return _off_edges(out, margin=max(3, min(height, width) // 40))


def _at_top_or_bottom(horiz: np.ndarray) -> np.ndarray:
    """The horizontal runs that lie along the crop's top or bottom: the box's own rules. A row of
    bold or tightly set text, thickened to bridge a tilted rule's steps, is a run a third of the
    box long too (seen: a stamp's office line `จังหวัดกระบี่` erased through its middle)."""
    n, labels, stats, centroids = components.with_stats(horiz)
    margin = _INSET * horiz.shape[0]
    far = [i for i in range(1, n) if margin < centroids[i][1] < horiz.shape[0] - margin]
    out = horiz.copy()
    if far:
        out[np.isin(labels, far)] = 0
    return out


def _off_edges(gray: np.ndarray, margin: int) -> np.ndarray:
    """Ink still next to the crop's edge is what is left of a rule, a rounded corner's arc
    among them (text keeps clear of the box's sides)."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = components.with_stats(ink)
    height, width = gray.shape
    edge = [i for i in range(1, n) if stats[i, 0] <= margin or stats[i, 1] <= margin
            or stats[i, 0] + stats[i, 2] >= width - margin or stats[i, 1] + stats[i, 3] >= height - margin]
    out = gray.copy()
    if edge:
        out[np.isin(labels, edge)] = 255
    return out


def without_leaders(gray: np.ndarray) -> np.ndarray:
    """The crop with dotted leaders (rows of ≥ 4 dots) painted white; lone full stops stay."""
    ink = binarise(gray)
    n, labels, stats, centroids = components.with_stats(ink)
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    tall = heights[heights >= 8]
    if n <= 1 or not len(tall):
        return gray
    glyph = float(np.median(tall))
    dots = [i for i in range(1, n) if max(stats[i, 2], stats[i, 3]) <= 0.3 * glyph]
    leaders = [i for chain in _chains(dots, centroids, glyph) if len(chain) >= _MIN_LEADER_DOTS for i in chain]
    out = gray.copy()
    if leaders:
        # with the grey rim a scan blurs around each dot: left behind, the rims come back as
        # specks in the numeral reader's own threshold (seen: `21` written over a leader read 2.1)
        out[cv2.dilate(np.isin(labels, leaders).astype(np.uint8), np.ones((5, 5), np.uint8)) > 0] = 255
    return out


def _chains(dots: list[int], centroids: np.ndarray, glyph: float) -> list[list[int]]:
    """Dots linked left to right while each is within 0.9 glyph heights of the last one, level."""
    chains: list[list[int]] = []
    for i in sorted(dots, key=lambda d: centroids[d][0]):
        cx, cy = centroids[i]
        home = next((c for c in chains if 0 < cx - centroids[c[-1]][0] <= 0.9 * glyph
                     and abs(cy - centroids[c[-1]][1]) <= 0.25 * glyph), None)
        if home is None:
            chains.append([i])
        else:
            home.append(i)
    return chains


def clean_box(crop: np.ndarray) -> np.ndarray:
    """A box's reading area without its dotted leaders and rules. Leaders first: thickened to
    find a tilted rule, a row of dots becomes a rule of its own and is cut through, its halves
    then too small to tell from specks and left behind."""
    return without_rules(without_leaders(crop))


def reading_area(box: Box, shape: tuple[int, ...]) -> Box:
    """The box and the strip right of it that a hand-filled line overruns into."""
    x0, y0, x1, y1 = box
    return x0, y0, min(shape[1], x1 + int(_OVERFLOW * (x1 - x0))), y1


def read_box(page: Page, box: Box, options: OcrOptions = BOX_OPTIONS, cache_dir: Path | None = None,
             reread: Reread | None = None) -> BoxReading:
    """The tokens inside `box` (and its overflow strip), read from the cleaned crop, in page
    coordinates (block 0). `reread` (the numeral reader) sees the cleaned crop too: the leader
    dots under a handwritten number would otherwise join its digits."""
    assert page.image is not None
    x0, y0, x1, y1 = area = reading_area(box, page.image.shape)
    crop = clean_box(page.image[y0:y1, x0:x1])
    tokens = cached_ocr(crop, options, cache_dir, prefix="box")
    if reread is not None and tokens:
        tokens = reread(crop, tokens)
    placed = [replace(t, left=t.left + x0, top=t.top + y0, block=BOXED_BLOCK) for t in tokens]
    return BoxReading(area, placed, crop)


def read_line_box(page: Page, box: Box, cache_dir: Path | None = None) -> BoxReading:
    """The box read as one line from inside its rules: an urgency mark (ด่วนที่สุด) framed by
    hand or stamp. Its letters are large, and `without_rules` takes their long strokes for rules
    (ด่วนที่สุด came back `ดิ ก ก ว`); cut inside the rules, the pixels read whole."""
    assert page.image is not None
    x0, y0, x1, y1 = box
    inset = max(4, int(_INSET * (y1 - y0)))
    tokens = cached_ocr(page.image[y0 + inset:y1 - inset, x0 + inset:x1 - inset], LINE_BOX_OPTIONS, cache_dir,
                        prefix="box")
    placed = [replace(t, left=t.left + x0 + inset, top=t.top + y0 + inset, block=BOXED_BLOCK, line=1)
              for t in tokens]
    return BoxReading(box, placed, None)


def word_inside(word: Word, box: Box) -> bool:
    """The word's middle lies in the box (its edges included)."""
    return centre_inside((word.left, word.top, word.left + word.width, word.top + word.height), box)


def centre_inside(inner: Box, box: Box) -> bool:
    cx, cy = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def splice_box(words: list[Word], reading: BoxReading) -> list[Word]:
    """Page tokens with those inside the box replaced by the box's own lines.

    Lines are renumbered in reading order (their old ids stay in order); the box's lines go in
    before the first remaining line that starts below the box's top.
    """
    rest = [w for w in words if not word_inside(w, reading.box)]
    order: list[tuple[str, int]] = [("page", line) for line in sorted({w.line for w in rest})]
    tops = {line: min(w.top for w in rest if w.line == line) for _, line in order}
    at = next((k for k, (_, line) in enumerate(order) if tops[line] > reading.box[1]), len(order))
    order[at:at] = [("box", line) for line in sorted({w.line for w in reading.words})]
    new_id = {key: 100 * (k + 1) for k, key in enumerate(order)}
    out = [replace(w, line=new_id[("page", w.line)]) for w in rest]
    out += [replace(w, line=new_id[("box", w.line)]) for w in reading.words]
    return sorted(out, key=lambda w: (w.line, w.left))


def reocr_boxes(page: Page, judge: Judge, reread: Reread | None = None, options: OcrOptions = BOX_OPTIONS,
                cache_dir: Path | None = None) -> list[Box]:
    """Re-read every stamp-sized box on the page; where `judge(old, new)` prefers the box's own
    reading to the page's tokens inside it, those tokens are replaced and the cleaned pixels
    put in the page image (in memory only; table and numeral crops then see them too). An OCR
    failure keeps the page reading and is noted on the page. Returns the areas replaced."""
    if page.image is None or not page.words:
        return []
    replaced = []
    for box in find_boxes(page.image):
        try:
            reading = _judged_reading(page, box, judge, options, cache_dir, reread)
        except OcrError as e:
            page.errors.append(PageError(page.number, e.reason, f"box {box}: {e}", stage="box_reocr"))
            continue
        if reading is not None:
            page.words = splice_box(page.words, reading)
            x0, y0, x1, y1 = reading.box
            if reading.pixels is not None:
                page.image[y0:y1, x0:x1] = reading.pixels
            replaced.append(reading.box)
    if replaced:
        page.raw_text = text_from_tokens(page.words)
    return replaced


def _judged_reading(page: Page, box: Box, judge: Judge, options: OcrOptions, cache_dir: Path | None,
                    reread: Reread | None) -> BoxReading | None:
    """The box's block reading if the judge takes it, else its one-line reading if so, else None."""
    block = read_box(page, box, options, cache_dir, reread)
    old = text_from_tokens([w for w in page.words if word_inside(w, block.box)])
    if block.words and judge(old, block.text):
        return block
    line = read_line_box(page, box, cache_dir)
    old = text_from_tokens([w for w in page.words if word_inside(w, line.box)])
    return line if line.words and judge(old, line.text) else None
