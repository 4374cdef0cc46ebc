"""Fallback for tables whose rules are too faint: cluster OCR words into rows and columns.

Rows are words whose vertical centres lie within half a line height; columns are the gaps
that no word crosses in any row (a whitespace river), as in a typed table.
"""

from __future__ import annotations

import numpy as np

from pipeline.records import Word
from pipeline.tables.model import Table


def _rows(words: list[Word]) -> list[list[Word]]:
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.top + w.height / 2):
        centre = w.top + w.height / 2
        if rows:
            last = rows[-1]
            ref = np.median([x.top + x.height / 2 for x in last])
            if abs(centre - ref) <= 0.6 * np.median([x.height for x in last]):
                last.append(w)
                continue
        rows.append([w])
    return [sorted(r, key=lambda w: w.left) for r in rows]


def _column_edges(rows: list[list[Word]], width: int) -> list[int]:
    """x positions no word crosses, among rows with 3+ words (the table body)."""
    body = [r for r in rows if len(r) >= 3]
    if len(body) < 3:
        return []
    covered = np.zeros(width + 1, bool)
    for row in body:
        for w in row:
            covered[w.left:w.left + w.width] = True
    edges, inside = [], False
    for x, flag in enumerate(covered):
        if flag and not inside:
            edges.append(x)
        inside = flag
    return edges


def table_from_words(words: list[Word]) -> Table | None:
    """A text grid from word positions (no boxes: numbers come from the word text)."""
    words = [w for w in words if w.text.strip()]
    if not words:
        return None
    rows = _rows(words)
    edges = _column_edges(rows, max(w.left + w.width for w in words))
    if len(edges) < 3:
        return None
    grid = []
    for row in rows:
        cells = [""] * len(edges)
        for w in row:
            starts = [i for i, e in enumerate(edges) if e <= w.left + 1]
            col = starts[-1] if starts else 0
            cells[col] = (cells[col] + " " + w.text).strip()
        grid.append(cells)
    top = min(w.top for w in words)
    return Table(cells=grid, source="words", top=top)
