"""A scanned row that does not add up, mended by the one other reading that closes it."""

from __future__ import annotations

import pytest

from extractors.checks import CheckedTable, run_checks
from extractors.form_numerals import CellNumber, with_text_alternative
from extractors.form_repair import (
    REPAIR_FLAG,
    REPAIR_NOTE,
    confirm_by_districts,
    confirm_by_printed_totals,
    repair_by_column,
    repair_by_districts,
    repair_by_sum,
    undo_refuted_repairs,
)
from pipeline.records import ReportRow


def _row(counts: tuple[int | None, int | None, int | None],
         alternatives: dict[str, list[int]] | None = None) -> ReportRow:
    total, established, not_established = counts
    return ReportRow(page=1, table_index=0, row_index=7, indicator="help_centre", total=total,
                     established=established, not_established=not_established,
                     alternatives=dict(alternatives or {}))


def test_the_one_reading_that_closes_the_row_is_taken_and_flagged() -> None:
    # img019 (a photographed form): ๔ ๓ ๑ with a speck over ๓, which the tight crop read as ๗
    row = _row((4, 7, 1), {"established": [3]})
    assert repair_by_sum(row)
    assert (row.total, row.established, row.not_established) == (4, 3, 1)
    assert row.flags == [REPAIR_FLAG]
    assert row.alternatives["established"] == [7]
    assert "read 7, taken 3" in row.raw_cells[REPAIR_NOTE]


def test_a_repaired_row_stays_under_review_without_sum_mismatch() -> None:
    row = _row((21, 0, 2), {"not_established": [21, 6]})
    repair_by_sum(row)
    run_checks(CheckedTable(indicator="help_centre", rows=[row], read_by_ocr=True))
    assert row.flags == [REPAIR_FLAG] and row.confidence < 0.9


def test_two_readings_that_close_the_row_leave_it_as_read() -> None:
    # ๑๑ ๑๐ ๑ read 11 10 3: the total's runner-up 13 closes it, and so does the ๑ Tesseract wrote
    row = _row((11, 10, 3), {"total": [13, 31], "not_established": [0, 1]})
    assert not repair_by_sum(row)
    assert (row.total, row.established, row.not_established, row.flags) == (11, 10, 3, [])


def test_a_form_that_disagrees_with_itself_is_left_alone() -> None:
    """A printed sum mismatch with no other reading is the form's: it keeps its flag."""
    row = _row((15, 9, 7), {"established": [3]})
    assert not repair_by_sum(row)
    run_checks(CheckedTable(indicator="help_centre", rows=[row], read_by_ocr=True))
    assert (row.established, row.flags) == (9, ["sum_mismatch"])


def test_a_row_that_adds_up_or_lacks_a_count_is_not_touched() -> None:
    assert not repair_by_sum(_row((5, 3, 2), {"total": [6], "established": [4]}))
    assert not repair_by_sum(_row((None, 3, 2), {"total": [5]}))


def test_tesseract_ones_and_zeros_join_the_alternatives() -> None:
    read = CellNumber(3, 0.97, "3", [0])
    assert with_text_alternative(read, "๑ แห่ง").alternatives == [0, 1]
    assert with_text_alternative(read, "3 แห่ง").alternatives == [0]  # read as the reader did
    assert with_text_alternative(read, "5 แห่ง").alternatives == [0]  # ๕ may be ๔ ๕ ๘ ๙ to Tesseract
    assert with_text_alternative(read, "").alternatives == [0]


def test_a_one_the_reader_lost_comes_back_from_tesseracts_text() -> None:
    """Seen on a scan: ๑๓ แห่ง read 3 by the reader, `13 แห่ง` by Tesseract; the ๑ it wrote is
    put back before the reader's own digit (๑๗ would come back as 17: `3` is how it writes ๗)."""
    assert with_text_alternative(CellNumber(3, 0.96, "3"), "13 แห่ง").alternatives == [13]
    assert with_text_alternative(CellNumber(7, 0.96, "7"), "13 แห่ง").alternatives == [17]
    assert with_text_alternative(CellNumber(3, 0.96, "3"), "15 แห่ง").alternatives == []
    assert with_text_alternative(CellNumber(2, 0.96, "2"), "125").alternatives == []  # a 5 is no ๑


def test_a_total_that_lost_its_one_is_mended_by_the_row() -> None:
    total = with_text_alternative(CellNumber(3, 0.96, "3"), "13 แห่ง")
    row = _row((3, 12, 1), {"total": total.alternatives})
    assert repair_by_sum(row)
    assert (row.total, row.flags) == (13, [REPAIR_FLAG])


def _table(*counts: tuple[int | None, int | None, int | None]) -> list[ReportRow]:
    return [_row(c) for c in counts]


def test_the_printed_total_row_and_the_row_point_at_one_cell() -> None:
    """Seen on a scan: ๑๔ ๑๓ ๑ read 14 18 1 (no runner-up of 13); รวม printed 155 125 30 and
    the established column summed five over: the row and the column both say 13."""
    rows = _table((10, 8, 2), (14, 18, 1), (7, 4, 3))
    rows[1].confidence = 0.84
    assert repair_by_column(rows, {"total": 31, "established": 25, "not_established": 6})
    assert (rows[1].established, rows[1].flags) == (13, [REPAIR_FLAG])
    assert "printed total row" in rows[1].raw_cells[REPAIR_NOTE]


def test_the_total_row_mends_nothing_the_rows_do_not_point_at() -> None:
    printed = {"total": 31, "established": 25, "not_established": 6}
    read_surely = _table((10, 8, 2), (14, 18, 1), (7, 4, 3))  # the form's own slip
    two_off = _table((10, 8, 2), (14, 18, 1), (7, 9, 3))  # both close five under: which one?
    adds_up = _table((10, 8, 2), (19, 18, 1), (7, 4, 3))  # the printed sum may be the misread
    two_columns = _table((10, 8, 2), (14, 18, 1), (7, 4, 4))
    for rows in (two_off, adds_up, two_columns):
        for row in rows:
            row.confidence = 0.84
    for rows, totals in ((read_surely, printed), (two_off, {**printed, "established": 30}), (adds_up, printed),
                         (two_columns, printed), (_table((14, 18, 1)), None)):
        before = [(r.total, r.established, r.not_established) for r in rows]
        assert not repair_by_column(rows, totals)
        assert [(r.total, r.established, r.not_established) for r in rows] == before


def _province_row(counts: tuple[int, int, int], confidence: float, province: str = "50") -> ReportRow:
    row = _row(counts)
    row.indicator, row.province_code, row.confidence = "joint_centre", province, confidence
    return row


def test_a_province_total_the_gazetteer_and_the_row_both_contradict() -> None:
    """Seen on a scan: เชียงใหม่'s ๒๕ read 24 beside ๐ and ๒๕ (25 districts), unsure."""
    row = _province_row((24, 0, 25), 0.74)
    assert repair_by_districts(row)
    assert (row.total, row.flags) == (25, [REPAIR_FLAG])
    assert "districts" in row.raw_cells[REPAIR_NOTE]


def test_a_province_total_read_surely_or_witnessed_once_is_left() -> None:
    for row in (_province_row((24, 0, 25), 0.99),  # the form's own total
                _province_row((24, 0, 23), 0.74),  # the parts do not count the districts
                _province_row((25, 0, 25), 0.74)):  # adds up already
        before = row.total
        assert not repair_by_districts(row) and row.total == before
    district_row = _province_row((24, 0, 25), 0.74)
    district_row.district_code = "5001"
    assert not repair_by_districts(district_row)


@pytest.mark.parametrize(("counts", "runner_up", "flagged"), [
    # Seed 1039: an attachment list with no รวม row; พิจิตร's ๑๒ read 2, its runner-up 12.
    pytest.param((2, 12, 0), 12, False, id="the-provinces-twelve-districts-agree"),
    pytest.param((2, 11, 0), 11, True, id="eleven-is-not-its-district-count"),
])
def test_a_repaired_province_total_its_district_count_agrees_with_is_confirmed(
        counts: tuple[int, int, int], runner_up: int, flagged: bool) -> None:
    row = _province_row(counts, 0.8, province="66")
    row.alternatives = {"total": [runner_up]}
    assert repair_by_sum(row)
    confirm_by_districts([row])
    assert (REPAIR_FLAG in row.flags) is flagged
    assert f"read 2, taken {runner_up}" in row.raw_cells[REPAIR_NOTE]


def test_a_repaired_count_other_than_the_total_is_not_confirmed_by_the_district_count() -> None:
    row = _province_row((12, 2, 0), 0.8, province="66")
    row.alternatives = {"established": [12]}
    assert repair_by_sum(row)
    confirm_by_districts([row])
    assert row.flags == [REPAIR_FLAG]


def _repaired_table() -> list[ReportRow]:
    """Seed 1033 (saraban_027): ๑๙ ๑๗ ๒ read 13 17 2, the reader's runner-up for the total 19."""
    rows = [_row((10, 8, 2)), _row((13, 17, 2), {"total": [19]}), _row((7, 4, 3))]
    assert repair_by_sum(rows[1])
    return rows


def test_a_repair_the_printed_total_row_agrees_with_is_not_sent_to_review() -> None:
    """The cell's reading, its row's sum and its column's printed total all say 19."""
    rows = _repaired_table()
    confirm_by_printed_totals(rows, {"total": 36, "established": 29, "not_established": 7})
    assert (rows[1].total, rows[1].flags) == (19, [])
    assert "read 13, taken 19" in rows[1].raw_cells[REPAIR_NOTE]
    assert rows[1].alternatives["total"] == [13]


def test_a_repair_the_printed_total_row_does_not_confirm_stays_flagged() -> None:
    for printed in ({"total": 30, "established": 29, "not_established": 7},  # the column says 13
                    {"total": 42, "established": 29, "not_established": 7},  # ...nor 19
                    {"total": None, "established": 29, "not_established": 7},  # the total unread
                    None):
        rows = _repaired_table()
        confirm_by_printed_totals(rows, printed)
        assert rows[1].flags == [REPAIR_FLAG], printed


def test_a_repair_its_own_column_confirms_is_confirmed_whatever_another_column_says() -> None:
    """Seed 1038 (saraban_014): the total column's รวม printed 165 over rows summing to 155 (the
    form's slip, the table's finding); a row's not-established ๑๗ read ๗, mended to 17 by its
    row's sum, its column's printed 102 agreeing. The slip in another column is no doubt about
    this cell: the row adds up, so a misread in it would put its own column off as well."""
    rows = _repaired_table()
    confirm_by_printed_totals(rows, {"total": 36, "established": 39, "not_established": 8})
    assert (rows[1].total, rows[1].flags) == (19, [])
    assert "the printed total row agrees" in rows[1].raw_cells[REPAIR_NOTE]


def test_a_value_no_reading_of_the_cell_held_stays_flagged() -> None:
    """Mended by the column's arithmetic alone (13 was never read in the cell): two witnesses
    that are one, the column's sum, so the row still goes to review."""
    rows = _table((10, 8, 2), (14, 18, 1), (7, 4, 3))
    rows[1].confidence = 0.84
    printed = {"total": 31, "established": 25, "not_established": 6}
    assert repair_by_column(rows, printed)
    confirm_by_printed_totals(rows, printed)
    assert rows[1].flags == [REPAIR_FLAG]


def test_a_repair_the_printed_total_row_refutes_is_undone_and_the_row_flagged() -> None:
    """Seed 1032: ป่าโมก printed 3 3 1 (the form's slip), its รวม row counting the 1; the reader's
    runner-up 0 closed the row and went out as the count. The column says 1 was printed."""
    rows = [_row((18, 8, 10)), _row((10, 5, 5)), _row((3, 3, 1), {"not_established": [0]})]
    assert repair_by_sum(rows[2])
    undo_refuted_repairs(rows, {"total": 31, "established": 16, "not_established": 16})
    assert (rows[2].not_established, rows[2].alternatives["not_established"]) == (1, [0])
    run_checks(CheckedTable(indicator="help_centre", rows=rows, read_by_ocr=True))
    assert rows[2].flags == ["sum_mismatch"]
    assert "undone" in rows[2].raw_cells[REPAIR_NOTE]


def test_a_repair_the_printed_total_row_agrees_with_or_cannot_judge_is_kept() -> None:
    for printed in ({"total": 36, "established": 29, "not_established": 7},  # agrees: 19
                    {"total": 40, "established": 29, "not_established": 7},  # neither 13 nor 19
                    None):
        rows = _repaired_table()
        undo_refuted_repairs(rows, printed)
        assert (rows[1].total, rows[1].flags) == (19, [REPAIR_FLAG]), printed
