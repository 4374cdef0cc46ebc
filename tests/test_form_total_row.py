"""The รวม row found by its numbers when OCR garbled its label (extractors.form_rows)."""

from __future__ import annotations

from extractors.form_numerals import CellNumber
from extractors.form_rows import RawRow, TableBody, _total_by_sums


def _row(label: str, no: int | None, total: int, established: int, not_established: int) -> RawRow:
    counts = {"total": total, "established": established, "not_established": not_established}
    return RawRow(cells={"district": label, "no": str(no or "")}, label=label, row_number=no,
                  numbers={role: CellNumber(value, 1.0) for role, value in counts.items()})


_DISTRICTS = [_row("บ่อทอง", 12, 5, 3, 2), _row("เกาะจันทร์", 13, 5, 5, 0), _row("บางละมุง", 14, 9, 4, 5)]


def test_a_last_row_without_number_holding_the_column_sums_is_the_total_row() -> None:
    """Seen on a report form: the รวม label read `ชรวณญ`, and the row was exported as a place."""
    body = _total_by_sums(TableBody(rows=[*_DISTRICTS, _row("ชรวณญ", None, 19, 12, 7)]))
    assert [r.label for r in body.rows] == ["บ่อทอง", "เกาะจันทร์", "บางละมุง"]
    assert body.printed_totals == {"total": 19, "established": 12, "not_established": 7}


def test_a_numbered_row_or_one_that_does_not_add_up_stays_a_row() -> None:
    numbered = _total_by_sums(TableBody(rows=[*_DISTRICTS, _row("ชรวณญ", 15, 19, 12, 7)]))
    off = _total_by_sums(TableBody(rows=[*_DISTRICTS, _row("ชรวณญ", None, 19, 11, 7)]))
    assert len(numbered.rows) == len(off.rows) == 4
    assert numbered.printed_totals is None and off.printed_totals is None
