"""A report row's band on a scanned page, from the page's ruled table (when no word box holds it).

On a scan the table is read cell by cell from its crops, so `pages.words` barely covers the
table. The page is rendered again exactly as OCR saw it (web/images.py), its ruled grids found
with the pipeline's own reader (`pipeline.tables.ruled.find_ruled_grids`), and the row taken as
the `row_index`-th grid row below the header (the header ends where the cells of the top row
end: a two-row header has cells spanning both rows). An estimate, shown as one. The grids are
cached per page as JSON under processed/cache/web/grids/.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from pipeline.tables.ruled import RuledGrid, find_ruled_grids
from web.rowbox import Box


def _header_rows(grid: RuledGrid) -> int:
    return max((row + span for row, _, span, _, _ in grid.cells if row == 0), default=1)


def _bands(grid: RuledGrid) -> dict:
    """The table's left and right edges and its body rows' top and bottom edges."""
    ys = grid.ys[_header_rows(grid):]
    return {"left": grid.xs[0], "right": grid.xs[-1], "rows": list(zip(ys, ys[1:], strict=False))}


def table_bands(gray: np.ndarray) -> list[dict]:
    return [_bands(g) for g in find_ruled_grids(gray)]


def cached_bands(cache: Path, render_gray: Callable[[], np.ndarray]) -> list[dict]:
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    bands = table_bands(render_gray())
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    tmp.write_text(json.dumps(bands), encoding="utf-8")
    tmp.replace(cache)
    return bands


def row_band(bands: list[dict], table_index: int, row_index: int) -> Box | None:
    if table_index >= len(bands) or row_index >= len(bands[table_index]["rows"]):
        return None
    table = bands[table_index]
    top, bottom = table["rows"][row_index]
    return Box(table["left"], top, table["right"], bottom)
