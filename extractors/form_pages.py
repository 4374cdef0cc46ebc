"""A report-form page → its tables and the title text above each (หน้าแบบรายงาน).

Sheets bring their grid, text-layer pages the grids loading stored in `Page.tables` (else their
text lines), scanned pages a ruled table found in the page image, its numbers as the page-table stage read
them (`pipeline.tables.scan`), word positions when the rules are too faint.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractors.caption_month import reread_caption_month
from extractors.form_cells import names_attachment_list
from extractors.form_columns import Header
from extractors.form_numerals import NumeralReader, reread_caption_year
from pipeline.records import Page, PageTable, Word
from pipeline.tables.model import Table
from pipeline.tables.page_tables import STAGE as PAGE_TABLES
from pipeline.tables.scan import tables_from_scan
from pipeline.tables.text_lines import tables_from_text
from pipeline.thai.text import normalise

_FORM_TITLE = re.compile(r"แบบ\s*รายงาน")
_TITLE_LINES = 6  # without a "แบบรายงาน" line, this many lines above the table are its title
# An attachment list's heading may stand this many lines over the form's title: OCR makes lines
# of a stamp's edge or specks between them (`บัญชีแนบท้าย`, `2 A ซ่ eo od`, `แบบรายงาน…`).
_HEADING_REACH = 3


def page_tables(page: Page, cache_dir: Path | None = None) -> list[Table]:
    if page.source == "sheet" and page.grid:
        return [Table(cells=page.grid, source="sheet")]
    if page.source == "text_layer":
        grids = getattr(page, "tables", None)
        if grids:
            return [Table(cells=g, source="pdf") for g in grids]
        return [Table(cells=g, source="text", top=start)
                for g, start in tables_from_text(page.text)]
    if page.source == "ocr" and page.image is not None:
        return tables_from_scan(page.image, page.words, _page_table_reads(page), cache_dir)
    return []


def _page_table_reads(page: Page) -> list[PageTable]:
    """The page-table stage's tables, unless it failed on this page (its cells then lie blank)."""
    failed = any(e.stage == PAGE_TABLES for e in page.errors)
    return [] if failed else page.page_tables


def _starts_title(line: str) -> bool:
    return _FORM_TITLE.search(line) is not None or names_attachment_list(line)


def _title_from_lines(lines: list[str]) -> str:
    starts = [i for i, line in enumerate(lines) if _starts_title(line)]
    first = starts[-1] if starts else max(0, len(lines) - _TITLE_LINES)
    # The heading of an attachment list stands over the form's own title: both are the title.
    heading = [i for i in range(max(0, first - _HEADING_REACH), first) if names_attachment_list(lines[i])]
    if starts and heading:
        first = heading[-1]
    return "\n".join(lines[first:])


def _dedupe(values: list[str]) -> str:
    """A merged title repeated across a sheet's columns, once."""
    out: list[str] = []
    for v in values:
        if v.strip() and v not in out:
            out.append(v)
    return " ".join(out)


def _first_label(table: Table, header: Header) -> str:
    col = next((header.roles[r] for r in ("district", "province", "label") if r in header.roles), 0)
    for row in table.cells[header.data_row:]:
        if col < len(row) and row[col].strip():
            return row[col].strip().split("\n")[0]
    return ""


def _lines_above_words(words: list[Word], top: int) -> list[str]:
    lines: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        if w.top + w.height <= top + 5:
            lines.setdefault((w.block, w.line), []).append(w)
    ordered = sorted(lines.values(), key=lambda ws: min(w.top for w in ws))
    return [normalise(" ".join(w.text for w in sorted(ws, key=lambda w: w.left)))
            for ws in ordered]


def title_text(page: Page, table: Table, header: Header,
               reader: NumeralReader | None = None) -> str:
    """The text printed above the table, from the nearest "แบบรายงาน…" line down."""
    if table.source == "sheet":
        return "\n".join(_dedupe(r) for r in table.cells[: header.first_row])
    if table.caption:
        lines = reread_caption_month(table.caption, table.caption_boxes, table.image)
        lines = reread_caption_year(lines, table.caption_boxes, table.image, reader)
        return _title_from_lines(lines)
    if table.image is not None:
        return _title_from_lines(_lines_above_words(page.words, table.top))
    lines = page.text.splitlines()
    if table.source == "text":
        return _title_from_lines(lines[: table.top])
    anchor = _first_label(table, header)
    cut = next((i for i, line in enumerate(lines) if anchor and anchor in line), len(lines))
    return _title_from_lines(lines[:cut])
