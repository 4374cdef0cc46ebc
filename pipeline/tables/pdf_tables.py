"""Tables of born-digital PDF pages (pdfplumber): ruled first, text alignment as fallback.

Loading calls `tables_from_pdf_page` for text-layer pages and stores the grids in
`Page.tables`; the report-form extractor reads them from there.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from pipeline.tables.model import Grid, rectangular
from pipeline.thai.text import normalise

_TEXT_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def _clean(grid: list[list[str | None]]) -> Grid:
    return rectangular([[normalise(c or "") for c in row] for row in grid])


def tables_from_plumber_page(page: pdfplumber.page.Page) -> list[Grid]:
    """Ruled tables (lines/rects) first; when none, tables found from text alignment."""
    grids = [_clean(t) for t in page.extract_tables()]
    grids = [g for g in grids if len(g) >= 2 and len(g[0]) >= 2]
    if grids:
        return grids
    grids = [_clean(t) for t in page.extract_tables(_TEXT_SETTINGS)]
    return [g for g in grids if len(g) >= 3 and len(g[0]) >= 3]


def tables_from_pdf_page(pdf_path: str | Path, page_number: int) -> list[Grid]:
    """Grids (text normalised, Arabic digits) of the tables on a 1-based page of a PDF."""
    with pdfplumber.open(str(pdf_path)) as pdf:
        if not 1 <= page_number <= len(pdf.pages):
            return []
        return tables_from_plumber_page(pdf.pages[page_number - 1])
