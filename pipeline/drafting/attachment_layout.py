"""The บัญชีแนบท้าย pages: the list of provinces (as the real follow-up letters print it, names
only under ลำดับที่ / จังหวัด) and then a ruled table of their latest figures.

The list is unruled, one province a line; the table is ruled, its heading row repeated on every
page. Both are what a clerk (and Saraban's readers) expect of an annex.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table

from pipeline.drafting.docx_base import add_run, keep_with_next, paragraph
from pipeline.thai.chars import to_thai

# The list is typed as lines "๑ ฉะเชิงเทรา" from one indent: numbers and names in tab columns read
# as two separate columns (Tesseract did), which loses which number goes with which name.
_LIST_AT = Cm(4.0)
# Column widths (cm) for: ลำดับที่, จังหวัด, ข้อมูลเดือน, ทั้งหมด, จัดตั้งแล้ว, ยังไม่ได้จัดตั้ง, หมายเหตุ
_WIDTHS = (1.7, 3.0, 2.7, 1.9, 1.9, 2.1, 2.7)
TABLE_SIZE = 14  # seven columns in 16 cm: a 16 pt heading would break inside its words
_LEFT_ALIGNED = {1, 6}  # province and remark read left to right; numbers and months centred


@dataclass(frozen=True)
class AttachmentParts:
    heading: str
    of_letter: str
    list_title: list[str]
    list_head: tuple[str, str]
    provinces: list[str]
    table_title: list[str]
    columns: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)


def write_attachment(doc: Document, parts: AttachmentParts) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _centred(doc, [parts.heading], bold=True)
    _centred(doc, [parts.of_letter])
    _centred(doc, parts.list_title, bold=True, before=8)
    _province_list(doc, parts.list_head, parts.provinces)
    if parts.rows:
        _centred(doc, parts.table_title, bold=True, before=16)
        _figures(doc, parts.columns, parts.rows)
    for i, note in enumerate(parts.notes):
        paragraph(doc, note, before=8 if i == 0 else 0)


def _centred(doc: Document, lines: list[str], *, bold: bool = False, before: float = 0) -> None:
    for i, line in enumerate(lines):
        keep_with_next(paragraph(doc, line, align=WD_ALIGN_PARAGRAPH.CENTER, bold=bold,
                                 before=before if i == 0 else 0))


def _province_list(doc: Document, head: tuple[str, str], names: list[str]) -> None:
    rows = [head] + [(str(i), name) for i, name in enumerate(names, 1)]
    for k, (number, name) in enumerate(rows):
        p = paragraph(doc, indent=_LIST_AT, before=6 if k == 0 else 0)
        add_run(p, f"{to_thai(number)} {name}", bold=k == 0)


def _figures(doc: Document, columns: list[str], rows: list[list[str]]) -> Table:
    table = doc.add_table(rows=1 + len(rows), cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # LibreOffice lays columns out from the grid widths, not the cells'
    for column, width in zip(table.columns, _WIDTHS, strict=True):
        column.width = Cm(width)
    for r, values in enumerate([columns, *rows]):
        for c, value in enumerate(values):
            _fill(table, r, c, value, heading=r == 0)
    _repeat_heading(table)
    for row in table.rows:  # a province's row stays whole on one page
        _row_flag(row._tr, "w:cantSplit")
    return table


def _fill(table: Table, r: int, c: int, value: str, *, heading: bool) -> None:
    cell = table.cell(r, c)
    cell.width = Cm(_WIDTHS[c])
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT if c in _LEFT_ALIGNED and not heading else WD_ALIGN_PARAGRAPH.CENTER
    add_run(p, value, bold=heading, size=TABLE_SIZE)


def _repeat_heading(table: Table) -> None:
    """The heading row prints again at the top of every page the table runs onto."""
    _row_flag(table.rows[0]._tr, "w:tblHeader")


def _row_flag(tr, tag: str) -> None:  # an untyped oxml <w:tr>
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(flag)
