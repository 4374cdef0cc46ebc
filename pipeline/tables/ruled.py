"""Ruled tables on page images (ตารางมีเส้น): rules by OpenCV morphology, cells as boxes.

The page is expected deskewed (OCR's `prepare_page` does it). Long horizontal and vertical
strokes are isolated with line-shaped opening kernels; their union's large components are
tables; rule positions are the peaks of each mask's projection inside a table. A grid cell
whose separating rule is missing (a merged header, a wrapped label) joins its neighbour.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

import cv2
import numpy as np

from pipeline import components
from pipeline.tables.model import Box

_MIN_TABLE_WIDTH = 0.25  # of the page width
_MIN_COLUMNS = 4  # a report form has at least ที่/place/two counts
_MIN_RULE_COVER = 0.5  # of a cell side: how much of it a rule must cover to separate cells
_FULL_RULE = 0.75  # of the median row height: the least unbroken run of a full vertical rule
# Pages whose rules are kept: every page of the files being read at once (stamp boxes run over
# all of a file's pages before its tables are read). Kept as bits: 2 × 1 MB for an A4 at 300 dpi.
_PAGES_KEPT = 24
_kept: OrderedDict[str, tuple[tuple[int, ...], np.ndarray, np.ndarray, list[Box]]] = OrderedDict()
_kept_lock = threading.Lock()


@dataclass
class RuledGrid:
    """Rule positions of one table and its cells (merged cells as one box each)."""

    xs: list[int]
    ys: list[int]
    cells: list[tuple[int, int, int, int, Box]]  # row, col, row_span, col_span, box


def binarise(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0; adaptive so uneven scan lighting does not hide faint rules."""
    blur = cv2.GaussianBlur(gray, (3, 3), 0)
    return cv2.adaptiveThreshold(blur, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                 31, 15)


def rule_masks(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical rule masks; small gaps (broken scan lines) closed."""
    height, width = ink.shape
    h_len, v_len = max(20, width // 30), max(20, height // 60)
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT,
                                                                            (h_len, 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT,
                                                                           (1, v_len)))
    horiz = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vert = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    return horiz, vert


def page_rules(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[Box]]:
    """(horizontal rules, vertical rules, table regions) of a page image, found once per pixels.

    Why: stamp boxes, the page's tables and a report form's tables each look for the rules of
    the same page (≈ 0.15 s a page each time); a page whose pixels changed in between (a stamp
    read and cleaned) is looked at afresh."""
    key = hashlib.sha256(np.ascontiguousarray(gray).data).hexdigest()  # hashed in place, not copied
    with _kept_lock:
        kept = _kept.get(key)
        if kept is not None:
            _kept.move_to_end(key)
    if kept is not None and kept[0] == gray.shape:
        return _unpack(kept[1], gray.shape), _unpack(kept[2], gray.shape), list(kept[3])
    horiz, vert = rule_masks(binarise(gray))
    regions = table_regions(horiz, vert)
    with _kept_lock:
        _kept[key] = (gray.shape, np.packbits(horiz > 0), np.packbits(vert > 0), regions)
        while len(_kept) > _PAGES_KEPT:
            _kept.popitem(last=False)
    return horiz, vert, list(regions)


def _unpack(bits: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    # Masks are 0 or 255 (morphology of a 0/255 image): bits hold them exactly.
    return np.unpackbits(bits, count=shape[0] * shape[1]).reshape(shape[:2]) * np.uint8(255)


def table_regions(horiz: np.ndarray, vert: np.ndarray) -> list[Box]:
    """Boxes of rule networks wide enough to be tables, top to bottom."""
    both = cv2.dilate(cv2.bitwise_or(horiz, vert), np.ones((5, 5), np.uint8))
    count, _, stats, _ = components.with_stats(both)
    width = horiz.shape[1]
    boxes = []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if w >= _MIN_TABLE_WIDTH * width and h >= 40:
            boxes.append((int(x), int(y), int(x + w), int(y + h)))
    return sorted(boxes, key=lambda b: b[1])


def _peaks(profile: np.ndarray, min_value: float, min_gap: int) -> list[int]:
    """Centres of runs where the projection exceeds `min_value`, runs closer than min_gap merged."""
    on = profile >= min_value
    centres: list[int] = []
    start = None
    for i, flag in enumerate(np.append(on, False)):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            centre = (start + i - 1) // 2
            if centres and centre - centres[-1] < min_gap:
                centres[-1] = (centres[-1] + centre) // 2
            else:
                centres.append(centre)
            start = None
    return centres


def rule_positions(horiz: np.ndarray, vert: np.ndarray, box: Box) -> tuple[list[int], list[int]]:
    """x of vertical rules and y of horizontal rules inside a table box."""
    left, top, right, bottom = box
    h_prof = (horiz[top:bottom, left:right] > 0).sum(axis=1)
    v_prof = (vert[top:bottom, left:right] > 0).sum(axis=0)
    # A rule under a merged header spans only some columns: 12% of the width is enough.
    ys = [top + y for y in _peaks(h_prof, 0.12 * (right - left), 12)]
    xs = [left + x for x in _peaks(v_prof, 0.25 * (bottom - top) * 0.5, 12)]
    return xs, ys


def _covered(mask: np.ndarray, line: int, start: int, end: int, vertical: bool) -> bool:
    """Whether a rule runs along `line` from start to end (enough of it)."""
    if end <= start:
        return False
    band = mask[start:end, max(0, line - 4):line + 5] if vertical else \
        mask[max(0, line - 4):line + 5, start:end]
    hits = (band > 0).any(axis=1 if vertical else 0)
    return hits.mean() >= _MIN_RULE_COVER


def _find(parent: dict[tuple[int, int], tuple[int, int]], key: tuple[int, int]) -> tuple[int, int]:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def merge_cells(horiz: np.ndarray, vert: np.ndarray, xs: list[int], ys: list[int]
                ) -> list[tuple[int, int, int, int, Box]]:
    """Grid cells joined where the rule between them is missing (merged or wrapped cells)."""
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}
    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _covered(vert, xs[c + 1], ys[r] + 4, ys[r + 1] - 4, True):
                parent[_find(parent, (r, c + 1))] = _find(parent, (r, c))
            if r + 1 < rows and not _covered(horiz, ys[r + 1], xs[c] + 4, xs[c + 1] - 4, False):
                parent[_find(parent, (r + 1, c))] = _find(parent, (r, c))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for key in parent:
        groups.setdefault(_find(parent, key), []).append(key)
    cells = []
    for members in groups.values():
        r0, c0 = min(m[0] for m in members), min(m[1] for m in members)
        r1, c1 = max(m[0] for m in members), max(m[1] for m in members)
        cells.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    return sorted(cells)


def _longest_run(column: np.ndarray) -> int:
    """Length of the longest run of True in a 1-D mask."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], column.astype(np.int8), [0]))))
    return int((edges[1::2] - edges[::2]).max()) if edges.size else 0


def _full_rules(vert: np.ndarray, xs: list[int], ys: list[int]) -> list[int]:
    """Vertical rules that run at least most of a row's height somewhere.

    Why: left-aligned labels that start alike (ร้อยละของ…, จำนวน…) stack the same tall strokes
    at the same x row after row, and their projection passes for a rule; a stroke is at most a
    line of text high, a rule crosses a whole row."""
    if len(ys) < 2:
        return xs
    pitch = float(np.median(np.diff(ys)))
    top, bottom = ys[0], ys[-1]
    return [x for x in xs
            if _longest_run((vert[top:bottom, max(0, x - 4):x + 5] > 0).any(axis=1)) >= _FULL_RULE * pitch]


def find_ruled_grids(gray: np.ndarray, min_columns: int = _MIN_COLUMNS,
                     full_rules: bool = False) -> list[RuledGrid]:
    """Every ruled table on a (deskewed) grayscale page with at least `min_columns` columns
    (report forms have four; a salary scale in a letter may have two). `full_rules` keeps only
    vertical rules that cross a whole row somewhere (see `_full_rules`)."""
    horiz, vert, regions = page_rules(gray)
    grids = []
    for box in regions:
        xs, ys = rule_positions(horiz, vert, box)
        xs = _full_rules(vert, xs, ys) if full_rules else xs
        if len(xs) >= min_columns + 1 and len(ys) >= 3:
            grids.append(RuledGrid(xs, ys, merge_cells(horiz, vert, xs, ys)))
    return grids


_CELL_TABLE_COLUMNS = 2  # a salary scale in a letter: level and amount


def cell_tables(gray: np.ndarray) -> list[RuledGrid]:
    """The ruled tables of any page that are read cell by cell (pipeline.tables.page_tables);
    the page-level OCR pass leaves their insides to that reading (pipeline.ocr.stage)."""
    return find_ruled_grids(gray, min_columns=_CELL_TABLE_COLUMNS, full_rules=True)


def table_areas(gray: np.ndarray) -> list[Box]:
    """The areas of those tables, rules and all: thicker on finer scans, so the margin grows with
    the width, as the cells' inset does."""
    margin = max(6, gray.shape[1] // 250)
    return [(max(0, g.xs[0] - margin), max(0, g.ys[0] - margin), g.xs[-1] + margin + 1, g.ys[-1] + margin + 1)
            for g in cell_tables(gray)]


def blanked(gray: np.ndarray, areas: list[Box]) -> np.ndarray:
    """A copy of the page with the areas white; the page itself when there are none."""
    if not areas:
        return gray
    out = gray.copy()
    for left, top, right, bottom in areas:
        out[top:bottom, left:right] = 255
    return out
