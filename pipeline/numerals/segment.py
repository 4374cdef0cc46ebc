"""Cut a crop into glyph candidates (การแยกตัวอักษร).

Connected components of the Otsu ink mask, then: specks dropped, fragments that share a column
span merged (broken strokes, and Thai marks with their base letter — those are "other" anyway).
Touching glyphs are not split here; the reader tries cuts at projection minima and lets the
classifier judge them (see reader.py), because only the classifier knows what a digit looks like.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import cv2
import numpy as np

from pipeline.components import with_stats


@dataclass
class Glyph:
    """One candidate glyph: its box in crop pixels and its own ink mask (bool, box-sized)."""

    x: int
    y: int
    w: int
    h: int
    mask: np.ndarray
    # True when the mask is known to be one 8-connected piece (a component as labelled), so
    # nothing can be stripped from it; False is "not known", not "several".
    one_piece: bool = False

    @property
    def x1(self) -> int:
        return self.x + self.w

    @property
    def y1(self) -> int:
        return self.y + self.h


@dataclass(frozen=True)
class Band:
    """The text band of a crop: top and bottom of ordinary glyphs, used to place marks and dots."""

    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(1.0, self.bottom - self.top)


PAPER_SHIFT = 0.35


def binarise(gray: np.ndarray) -> np.ndarray:
    """Ink mask (True = ink). Otsu after a light blur, which knocks out JPEG and sensor noise."""
    if gray.ndim == 3:
        gray = cv2.cvtColor(gray, cv2.COLOR_BGR2GRAY)
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    if int(smooth.max()) - int(smooth.min()) < 40:  # blank paper: Otsu would invent ink
        return np.zeros(gray.shape, bool)
    otsu, _ = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # Otsu splits ink from paper at the valley; hairlines of light or blurred serif print sit
    # on the paper side of it, so move a third of the way towards the paper to keep strokes whole.
    paper = upper_quartile(smooth)
    return smooth < otsu + PAPER_SHIFT * max(0.0, paper - otsu)


def upper_quartile(gray: np.ndarray) -> float:
    """np.percentile(gray, 75) of 8-bit pixels, from their histogram instead of a partial sort
    of every pixel (a row window is a million of them). The same number: numpy's linear
    method, whose steps of a quarter between two byte values are exact in floating point."""
    n = gray.size
    position = 0.75 * (n - 1)
    below = int(position)
    at_or_below = np.cumsum(_histogram(gray))
    low, high = np.searchsorted(at_or_below, [below, min(below + 1, n - 1)], side="right")
    return float(low + (int(high) - int(low)) * (position - below))


# OpenCV counts in float32, exact below 2**24 per bin; a larger image is counted by numpy.
_EXACT_COUNTS = 1 << 24


def _histogram(gray: np.ndarray) -> np.ndarray:
    """Pixels per byte value (256 whole numbers): OpenCV's histogram where its counts are
    exact, a tenth of np.bincount's cost (which widens every pixel to 64 bits first)."""
    if gray.dtype != np.uint8 or gray.ndim != 2 or gray.size >= _EXACT_COUNTS:
        return np.bincount(gray.ravel(), minlength=256)
    return cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel().astype(np.int64)


def components(ink: np.ndarray) -> tuple[list[Glyph], np.ndarray]:
    """8-connected components as glyphs, plus the label image."""
    n, labels, stats, _ = with_stats(ink.astype(np.uint8))
    glyphs = []
    for i, (x, y, w, h, _area) in enumerate(stats[1:n].tolist(), start=1):  # ints, not numpy's
        glyphs.append(Glyph(x, y, w, h, labels[y : y + h, x : x + w] == i, one_piece=True))
    return glyphs, labels


def estimate_band(glyphs: list[Glyph]) -> Band:
    """Median top/bottom of body-sized glyphs: digits and letter bodies, not dots, marks or
    letters with stacked marks. Body size is the median height of the larger glyphs, so a
    row of Thai with many marked letters (ที่ is twice a digit's height) does not lift it."""
    if not glyphs:
        return Band(0.0, 1.0)
    boxes = [(g.h, g.y, g.y + g.h) for g in glyphs]  # read once (F11: a row's windows ask per glyph)
    least = 0.4 * max(boxes)[0]  # the tallest: tuples compare by height first
    big = [b for b in boxes if b[0] >= least] or boxes
    body = _median([h for h, _, _ in big])
    core = [b for b in big if abs(b[0] - body) <= 0.3 * body] or big
    return Band(_median([y for _, y, _ in core]), _median([y1 for _, _, y1 in core]))


def _median(values: list[int]) -> float:
    """np.median of whole numbers, without its array set-up (called per glyph of a row): the
    middle one, or the mean of the middle two, exact in floating point as numpy's is."""
    s = sorted(values)
    mid = len(s) // 2
    return float(s[mid]) if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def drop_specks(glyphs: list[Glyph], band: Band) -> list[Glyph]:
    """Remove dust far smaller than a full stop at this text size."""
    min_area = max(2.0, 0.004 * band.height**2)
    return [g for g in glyphs if np.count_nonzero(g.mask) >= min_area]


def merge(a: Glyph, b: Glyph) -> Glyph:
    x, y = min(a.x, b.x), min(a.y, b.y)
    x1, y1 = max(a.x1, b.x1), max(a.y1, b.y1)
    mask = np.zeros((y1 - y, x1 - x), bool)
    for g in (a, b):
        mask[g.y - y : g.y1 - y, g.x - x : g.x1 - x] |= g.mask
    return Glyph(x, y, x1 - x, y1 - y, mask)


def _should_merge(a: Glyph, b: Glyph, most_gap: float) -> bool:
    """Same column span (one inside the other's width, mostly), and close vertically (no
    further apart than `most_gap`, 0.6 of the band's height)."""
    overlap = min(a.x1, b.x1) - max(a.x, b.x)
    if overlap <= 0:
        return False
    narrower = min(a.w, b.w)
    gap = max(a.y, b.y) - min(a.y1, b.y1)
    return overlap >= 0.6 * narrower and gap <= most_gap


def merge_fragments(glyphs: list[Glyph], band: Band) -> list[Glyph]:
    """Join pieces of one glyph: broken strokes and marks stacked on a letter.

    Merges the leftmost mergeable pair until none is left. Sorted by x, a glyph can only merge
    with those starting before its right edge, which keeps whole text rows cheap.
    """
    glyphs = sorted(glyphs, key=lambda g: g.x)
    start = 0
    while (pair := _first_mergeable(glyphs, band, start)) is not None:
        i, j = pair
        glyphs[i] = merge(glyphs[i], glyphs.pop(j))
        start = _rewind(glyphs, i)
    return sorted(glyphs, key=lambda g: g.x)


def _first_mergeable(glyphs: list[Glyph], band: Band, start: int) -> tuple[int, int] | None:
    most_gap = 0.6 * band.height  # once, not per pair (F11: a row's glyphs are paired by the thousand)
    for i in range(start, len(glyphs)):
        a = glyphs[i]
        right = a.x1
        for j in range(i + 1, len(glyphs)):
            b = glyphs[j]
            if b.x >= right:
                break  # sorted by x: no later glyph overlaps glyph i
            if _should_merge(a, b, most_gap):
                return i, j
    return None


def _rewind(glyphs: list[Glyph], i: int) -> int:
    """Where to look again after glyph i grew: the first earlier glyph that reaches it (pairs
    not involving glyph i were already found unmergeable)."""
    return next((k for k in range(i) if glyphs[k].x1 > glyphs[i].x), i)


# Thai lower vowels (ุ ู) and the tails of ญ ฐ hang at most 0.14 of a letter's height below it
# (measured over the TLWG faces, regular and bold); ink further down is not part of the glyph.
LOWER_GAP = 0.2
# Only body-sized glyphs shed pieces: the lower dot of ":" or bar of "=" is a glyph of its own.
BODY_SHARE = 0.5


def without_lower_pieces(g: Glyph, band: Band) -> Glyph:
    """The glyph without ink hanging well below its largest piece.

    On tightly set scans the next line's tone marks and upper vowels reach into a text row and
    merge_fragments joins them to the glyph above (seen: ๘ with a ิ under it read as a Thai
    letter, ๗ at a line's end taken for one). Marks above are left alone: ำ without its ring is า.
    """
    if g.y1 <= band.bottom + LOWER_GAP * band.height:
        return g  # nothing reaches far enough down: most glyphs of a row, without the labelling
    n, labels, stats, _ = with_stats(g.mask.astype(np.uint8))
    if n <= 2:
        return g
    main = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    main_bottom, main_h = int(stats[main, 1] + stats[main, 3]), int(stats[main, 3])
    if main_h < BODY_SHARE * band.height:
        return g
    below = [i for i in range(1, n) if stats[i, 1] >= main_bottom + LOWER_GAP * main_h]
    if not below:
        return g
    # Thai stacks one level of marks under a letter: ink further down means the pieces just under
    # the glyph are the next line's stacked upper marks too (seen: ้ of `ตั้ง` 6 px under ๓ of a
    # memo's serial `/๔๓๐๑`, inside LOWER_GAP, kept ๓ a letter and the serial lost a digit).
    below = [i for i in range(1, n) if i != main and stats[i, 1] >= main_bottom]
    mask = g.mask & ~np.isin(labels, below)
    ys, xs = np.nonzero(mask)
    y0, y1, x0, x1 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
    return Glyph(g.x + x0, g.y + y0, x1 - x0, y1 - y0, mask[y0:y1, x0:x1])


def segment(gray: np.ndarray) -> tuple[list[Glyph], Band]:
    """Glyph candidates left to right, and the band they sit in."""
    raw, _ = components(binarise(gray))
    band = estimate_band(raw)
    glyphs = drop_specks(raw, band)
    band = estimate_band(glyphs)
    return merge_fragments(glyphs, band), band


def min_part_width(band: Band) -> int:
    """Narrowest part a cut may leave: slimmer slivers are stroke ends, not glyphs."""
    return max(2, int(0.25 * band.height))


def cut_points(g: Glyph, band: Band, max_cuts: int = 14) -> list[int]:
    """Candidate columns (relative to g.x) where touching glyphs may be cut.

    Projection minima first; then a regular grid, because looped Thai digits often overlap in
    x where they touch (๒๗ in Garuda) and then no column is a minimum. The reader's classifier
    decides which cuts make digits.
    """
    margin = min_part_width(band)
    if g.w < 2 * margin + 1:
        return []
    proj = np.convolve(g.mask.sum(axis=0).astype(np.float32), np.ones(3) / 3, mode="same")
    inner = range(margin, g.w - margin)
    minima = [c for c in inner if proj[c] <= proj[c - 1] and proj[c] <= proj[c + 1]]
    minima = sorted(sorted(minima, key=lambda c: proj[c])[: max_cuts // 2])
    step = max(2, int(0.12 * band.height))
    grid = [c for c in range(margin, g.w - margin, step) if all(abs(c - m) > 1 for m in minima)]
    room = max_cuts - len(minima)
    if len(grid) > room:
        grid = [grid[round(k * (len(grid) - 1) / max(1, room - 1))] for k in range(room)]
    return sorted(set(minima + grid))


def split_at(g: Glyph, cols: list[int]) -> list[Glyph]:
    """Cut a glyph at columns (relative), trimming each part to its own ink."""
    parts = []
    edges = [0, *cols, g.w]
    for a, b in zip(edges, edges[1:], strict=False):
        sub = g.mask[:, a:b]
        ys, xs = np.nonzero(sub)
        if len(xs) == 0:
            continue
        y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
        parts.append(Glyph(g.x + a + x0, g.y + y0, x1 - x0, y1 - y0, sub[y0:y1, x0:x1]))
    return parts


def part_between(g: Glyph, left: int | None, right: int | None) -> Glyph | None:
    """The ink between two cut columns (None = the glyph's own edge), trimmed to its box.

    Only the columns between the cuts are looked at: a blob of rules and text a table cell
    left on a row is cut a hundred ways, and each part must cost its own size, not the blob's."""
    lo = 0 if left is None else len(range(g.w)[:left])  # slice rules, as mask[:, :left] = False
    hi = g.w if right is None else len(range(g.w)[:right])
    sub = g.mask[:, lo:hi]
    cols = np.flatnonzero(sub.any(axis=0))
    if len(cols) == 0:
        return None
    rows = np.flatnonzero(sub[:, cols[0] : cols[-1] + 1].any(axis=1))
    y0, y1, x0, x1 = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    return Glyph(g.x + lo + x0, g.y + y0, x1 - x0, y1 - y0, sub[y0:y1, x0:x1].copy())


def parts_between(g: Glyph, bounds: list[tuple[int | None, int | None]]) -> list[Glyph | None]:
    """`part_between(g, left, right)` for each pair of cut columns, the same parts: the glyph's
    inked columns and each row's running ink count are worked out once, so each part costs a
    look-up of its columns and rows instead of two passes over its pixels (a touching pair is
    cut up to a hundred ways, F11)."""
    inked = np.flatnonzero(g.mask.any(axis=0)).tolist()
    running = np.zeros((g.h, g.w + 1), np.int32)
    np.cumsum(g.mask, axis=1, dtype=np.int32, out=running[:, 1:])
    every = range(g.w)
    out: list[Glyph | None] = []
    for left, right in bounds:
        lo = 0 if left is None else len(every[:left])
        hi = g.w if right is None else len(every[:right])
        first, end = bisect_left(inked, lo), bisect_left(inked, hi)  # the inked columns in [lo, hi)
        out.append(None if first >= end else _part(g, running, inked[first], inked[end - 1] + 1))
    return out


def _part(g: Glyph, running: np.ndarray, x0: int, x1: int) -> Glyph:
    """The ink of columns [x0, x1) (the first and last inked), trimmed to its rows: the rows
    whose running ink count grows between them, the first and last found by argmax."""
    rows = running[:, x1] != running[:, x0]
    y0, y1 = int(rows.argmax()), g.h - int(rows[::-1].argmax())
    return Glyph(g.x + x0, g.y + y0, x1 - x0, y1 - y0, g.mask[y0:y1, x0:x1].copy())
