"""Excel report forms: each sheet becomes a page with a grid of cell strings, merged ranges resolved."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.config import Settings
from pipeline.errors import CorruptSpreadsheetError, TooLargeError
from pipeline.records import Page
from pipeline.thai.text import normalise

_MAX_CELLS = 2_000_000


def load_xlsx(path: Path, settings: Settings) -> list[Page]:
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise CorruptSpreadsheetError(f"{path.name}: {e}") from e
    sheets = [s for s in book.worksheets if s.sheet_state == "visible" and s.max_row > 0]
    if len(sheets) > settings.max_pages:
        raise TooLargeError(f"{len(sheets)} sheets; the limit is {settings.max_pages}")
    return [_sheet_page(sheet, i + 1) for i, sheet in enumerate(sheets)]


def _sheet_page(sheet: Worksheet, number: int) -> Page:
    grid = sheet_grid(sheet)
    # Text shows a merged title once; the grid repeats it so every column sees its header.
    raw = "\n".join("\t".join(row).rstrip("\t") for row in _trim(_cell_values(sheet)))
    return Page(number=number, source="sheet", raw_text=raw, text=normalise(raw), grid=grid,
                sheet_name=sheet.title)


def sheet_grid(sheet: Worksheet) -> list[list[str]]:
    """Cell strings; a merged range repeats its top-left value in every cell it covers."""
    if sheet.max_row * sheet.max_column > _MAX_CELLS:
        raise TooLargeError(f"sheet {sheet.title} has more than {_MAX_CELLS} cells")
    grid = _cell_values(sheet)
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                grid[r][c] = value
    return _trim(grid)


def _cell_values(sheet: Worksheet) -> list[list[str]]:
    return [[cell_text(c.value) for c in row] for row in sheet.iter_rows()]


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return str(value).strip()


def _trim(grid: list[list[str]]) -> list[list[str]]:
    while grid and not any(grid[-1]):
        grid.pop()
    width = max((max((i + 1 for i, v in enumerate(r) if v), default=0) for r in grid), default=0)
    return [row[:width] for row in grid]
