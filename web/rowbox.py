"""Where a report row sits on its page, found again from the page's stored word boxes.

`report_rows` stores no box of its own (only page, table and row index), but `pages.words` holds
every word with its box in page coordinates. A printed row is a line of words that carries the
row's cells as read (`raw_cells`: number, name, counts, remark), so the line whose text holds
most of those cells is the row. The result is an estimate and is shown as one.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from pipeline.thai.chars import to_arabic

_MIN_SHARE = 0.5  # at least half of the row's non-empty cells found on the line
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def scaled(self, factor: float) -> Box:
        return Box(self.left * factor, self.top * factor, self.right * factor, self.bottom * factor)

    def padded(self, pad: float, width: float, height: float) -> Box:
        return Box(max(0.0, self.left - pad), max(0.0, self.top - pad),
                   min(width, self.right + pad), min(height, self.bottom + pad))


def _key(text: str) -> str:
    return _SPACE.sub("", to_arabic(str(text)))


def lines_of(words: list[dict]) -> list[list[dict]]:
    """Words grouped into printed lines by their vertical centres (reading order within a line)."""
    words = [w for w in words if w.get("height") and str(w.get("text", "")).strip()]
    if not words:
        return []
    tolerance = statistics.median(w["height"] for w in words) / 2
    lines: list[list[dict]] = []
    for word in sorted(words, key=_centre):
        if lines and abs(_centre(word) - _centre_of(lines[-1])) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["left"]) for line in lines]


def _centre(word: dict) -> float:
    return word["top"] + word["height"] / 2


def _centre_of(line: list[dict]) -> float:
    return statistics.mean(_centre(w) for w in line)


def _cells(raw_cells: dict[str, str]) -> list[str]:
    return [k for k in (_key(v) for v in raw_cells.values()) if k and k != "-"]


def _score(line: list[dict], cells: list[str]) -> float:
    text = "".join(_key(w["text"]) for w in line)
    return sum(1 for cell in cells if cell in text) / len(cells)


def locate_row(words: list[dict], raw_cells: dict[str, str]) -> Box | None:
    """The box of the line that carries most of the row's cells, or None when no line is convincing."""
    cells = _cells(raw_cells)
    if not cells:
        return None
    scored = [(_score(line, cells), -i, line) for i, line in enumerate(lines_of(words))]
    if not scored:
        return None
    share, _, best = max(scored, key=lambda s: (s[0], s[1]))
    if share < _MIN_SHARE:
        return None
    return Box(min(w["left"] for w in best), min(w["top"] for w in best),
               max(w["left"] + w["width"] for w in best), max(w["top"] + w["height"] for w in best))


def locate_sheet_row(grid: list[list[str]], raw_cells: dict[str, str]) -> int | None:
    """The 0-based sheet row holding most of the row's cells (xlsx forms have no page image)."""
    cells = _cells(raw_cells)
    if not cells or not grid:
        return None
    scores = [(sum(1 for c in cells if c in {_key(v) for v in row}) / len(cells), -i) for i, row in enumerate(grid)]
    share, minus_i = max(scores)
    return -minus_i if share >= _MIN_SHARE else None
