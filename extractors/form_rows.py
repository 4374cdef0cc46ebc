"""Body rows of a report-form table → raw rows (แถวข้อมูล), before places and checks.

Cells are taken by column role (see `form_columns`); counts come from the cell text, or from the
cell's pixels through a numeral reader on scans. The รวม row is kept apart as printed totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from extractors.form_cells import is_blank, is_total_label, parse_count
from extractors.form_columns import NUMERIC_ROLES, Header
from extractors.form_numerals import (
    CellNumber,
    NumeralReader,
    is_dash,
    judged_number,
    judged_together,
    read_cell_number,
    with_text_alternative,
)
from extractors.places import split_unit
from pipeline.tables.model import Table
from pipeline.thai.text import normalise_field

_TEXT_ROLES = ("no", "district", "province", "label", "problem", "remark", "period")


@dataclass
class RawRow:
    """One body row as read: texts by role, counts, reading confidences."""

    cells: dict[str, str]
    numbers: dict[str, CellNumber] = field(default_factory=dict)
    row_number: int | None = None
    label: str = ""  # the place or organisation the row is about
    unit_in_total: bool = False  # the label sat in the total column (one organisation)
    label_crop: np.ndarray | None = None  # the label cell's pixels, on a scan: to read it again

    @property
    def confidence(self) -> float:
        confs = [n.confidence for n in self.numbers.values()]
        return min(confs) if confs else 1.0


@dataclass
class TableBody:
    rows: list[RawRow]
    printed_totals: dict[str, int | None] | None = None


def _cell(table: Table, r: int, c: int | None) -> str:
    if c is None or c >= len(table.cells[r]):
        return ""
    return normalise_field(table.cells[r][c])


def _row_label(cells: dict[str, str]) -> tuple[str, bool]:
    """The row's place/organisation label; an organisation in the total column counts too."""
    label = cells.get("label") or cells.get("district") or cells.get("province") or ""
    total_text = cells.get("total", "")
    if split_unit(total_text) is not None and split_unit(label) is None:
        return total_text, True
    return label, False


def _label_crop(table: Table, r: int, header: Header) -> np.ndarray | None:
    col = next((header.roles[role] for role in ("label", "district", "province") if role in header.roles), None)
    return table.crop(r, col) if col is not None else None


def _is_body_row(cells: dict[str, str]) -> bool:
    return any(not is_blank(cells.get(role, "")) for role in ("district", "province", "label")) \
        or any(parse_count(cells.get(r, "x")) for r in NUMERIC_ROLES)


def _numbers(table: Table, r: int, header: Header, reader: NumeralReader | None,
             cells: dict[str, str], unit_in_total: bool) -> dict[str, CellNumber]:
    out: dict[str, CellNumber] = {}
    for role in NUMERIC_ROLES:
        if role not in header.roles:
            continue
        if role == "total" and unit_in_total:
            # The row names one organisation in place of its count: the form means one.
            out[role] = CellNumber(1, 1.0, cells[role])
            continue
        out[role] = _count(table, r, header.roles[role], reader, cells.get(role, ""))
    return out


def _count(table: Table, r: int, c: int, reader: NumeralReader | None, text: str) -> CellNumber:
    """The cell's count from its pixels; where the page-table stage already read the cell
    (`Table.judged`), its reading and this one are judged together, so the cell has one count.
    A crop that is a dash among specks is the form's zero either way: the page-table stage
    counts a dash only alone, and read the stroke with its specks as a sure 1."""
    crop = table.crop(r, c) if reader is not None else None
    number = read_cell_number(reader, crop, text)
    judged = table.judged.get((r, c))
    if judged is None or reader is None or _a_dash(crop):
        return with_text_alternative(number, text) if reader is not None else number
    return with_text_alternative(judged_together(judged_number(judged), number), text)


def _a_dash(crop: np.ndarray | None) -> bool:
    return crop is not None and bool((crop < 128).any()) and is_dash(crop)


def _row_number(table: Table, r: int, header: Header, reader: NumeralReader | None,
                text: str) -> int | None:
    if "no" not in header.roles:
        return None
    number = _count(table, r, header.roles["no"], reader, text)
    if not text.strip() and number.value == 0:
        return None
    return number.value or None


def read_body(table: Table, header: Header, reader: NumeralReader | None = None) -> TableBody:
    """Body rows under the header; stops being a row at blank lines, keeps the รวม row apart."""
    body = TableBody(rows=[])
    for r in range(header.data_row, table.n_rows):
        cells = {role: _cell(table, r, c) for role, c in header.roles.items()}
        label, unit_in_total = _row_label(cells)
        if is_total_label(label) or is_total_label(cells.get("no", "")):
            body.printed_totals = {role: n.value for role, n in
                                   _numbers(table, r, header, reader, cells, False).items()}
            continue
        if not _is_body_row(cells):
            continue
        if not label and body.rows and not any(parse_count(cells.get(x, "x")) is not None
                                               for x in NUMERIC_ROLES if cells.get(x)):
            continue
        row = RawRow(cells=cells, label=label, unit_in_total=unit_in_total,
                     label_crop=_label_crop(table, r, header) if reader and not unit_in_total else None)
        row.numbers = _numbers(table, r, header, reader, cells, unit_in_total)
        row.row_number = _row_number(table, r, header, reader, cells.get("no", ""))
        body.rows.append(row)
    return _total_by_sums(body)


def _total_by_sums(body: TableBody) -> TableBody:
    """A last row with no row number whose counts are the column sums of the rows above, in two
    count columns at least, is the รวม row OCR garbled the label of (`ชรวณญ`): no district's
    own counts add up to all the others'. Taken for a place, it would count twice."""
    if body.printed_totals is not None or len(body.rows) < 3 or body.rows[-1].row_number is not None:
        return body
    last, above = body.rows[-1], body.rows[:-1]
    read = {role: n.value for role, n in last.numbers.items() if n.value}
    sums = {role: sum(r.numbers[role].value or 0 for r in above if role in r.numbers) for role in read}
    if len(read) >= 2 and read == sums:
        body.rows, body.printed_totals = above, {role: n.value for role, n in last.numbers.items()}
    return body

