"""Checks flag, never fix: sums, the รวม row, row numbers, counts, confidence."""

from __future__ import annotations

from extractors.checks import CheckedTable, run_checks
from pipeline.records import ReportRow


def _row(total: int | None, est: int | None, not_est: int | None, **kw: object) -> ReportRow:
    indicator = str(kw.pop("indicator", "help_centre"))
    return ReportRow(page=1, table_index=0, row_index=0, indicator=indicator, total=total,
                     established=est, not_established=not_est, **kw)


def test_sum_mismatch_flags_only_the_bad_row_and_keeps_numbers() -> None:
    rows = [_row(15, 0, 16), _row(5, 3, 2), _row(None, 3, 2)]
    run_checks(CheckedTable("help_centre", rows))
    assert [r.flags for r in rows] == [["sum_mismatch"], [], []]
    assert (rows[0].total, rows[0].established, rows[0].not_established) == (15, 0, 16)
    assert rows[0].confidence < rows[1].confidence


def test_total_row_mismatch_is_the_tables_finding_not_its_rows() -> None:
    rows = [_row(5, 3, 2), _row(4, 4, 0)]
    table = CheckedTable("help_centre", rows, printed_totals={"total": 9, "established": 8,
                                                              "not_established": 2})
    run_checks(table)
    assert table.findings == ["total_row_mismatch"]
    assert not any(r.flags for r in rows) and all(r.confidence == 1.0 for r in rows)
    ok = CheckedTable("help_centre", [_row(5, 3, 2), _row(4, 4, 0)],
                      printed_totals={"total": 9, "established": 7, "not_established": 2})
    run_checks(ok)
    assert ok.findings == [] and not any(r.flags for r in ok.rows)


def test_duplicate_row_number_flags_the_later_row() -> None:
    rows = [_row(1, 1, 0), _row(1, 1, 0), _row(1, 1, 0)]
    run_checks(CheckedTable("help_centre", rows, row_numbers=[7, 8, 8]))
    assert [r.flags for r in rows] == [[], [], ["duplicate_row_number"]]


def test_a_scanned_number_framed_by_its_neighbours_was_misread_not_repeated() -> None:
    rows = [_row(1, 1, 0) for _ in range(5)]
    run_checks(CheckedTable("help_centre", rows, row_numbers=[1, 2, 3, 3, 5], read_by_ocr=True))
    assert not any(r.flags for r in rows)
    typed = [_row(1, 1, 0) for _ in range(5)]  # a sheet's 3 is the form's own
    run_checks(CheckedTable("help_centre", typed, row_numbers=[1, 2, 3, 3, 5]))
    assert [r.flags for r in typed] == [[], [], [], ["duplicate_row_number"], []]
    shifted = [_row(1, 1, 0) for _ in range(5)]
    run_checks(CheckedTable("help_centre", shifted, row_numbers=[1, 2, 3, 3, 4], read_by_ocr=True))
    assert [r.flags for r in shifted] == [[], [], [], ["duplicate_row_number"], []]


def test_a_scanned_last_row_repeating_a_number_from_further_up_was_misread() -> None:
    """img012 (a photographed form): the last row's ๑๗ read 13 after 15, 16; its repeat of the
    row above (16, 16) is the form's own, and so is any repeat on a sheet."""
    def flags(numbers: list[int], read_by_ocr: bool = True) -> list[list[str]]:
        rows = [_row(1, 1, 0) for _ in numbers]
        run_checks(CheckedTable("help_centre", rows, row_numbers=numbers, read_by_ocr=read_by_ocr))
        return [r.flags for r in rows]

    assert not any(flags([13, 14, 15, 16, 13]))
    assert flags([13, 14, 15, 16, 16])[-1] == ["duplicate_row_number"]
    assert flags([13, 14, 15, 16, 13], read_by_ocr=False)[-1] == ["duplicate_row_number"]


def test_joint_centre_count_against_gazetteer_and_letter() -> None:
    rows = [_row(12, 0, 12, indicator="joint_centre", province_code="66"),   # พิจิตร: 12 amphoe
            _row(8, 7, 1, indicator="joint_centre", province_code="66"),
            _row(50, 0, 50, indicator="joint_centre", province_code="10"),   # Bangkok: 50 khet
            _row(11, 5, 6, indicator="joint_centre", province_code="24")]
    run_checks(CheckedTable("joint_centre", rows), ["พิจิตร", "กรุงเทพมหานคร"])
    assert [("count_mismatch" in r.flags) for r in rows] == [False, True, False, True]


def test_help_centre_rows_are_not_count_checked() -> None:
    rows = [_row(8, 7, 1, province_code="66")]
    run_checks(CheckedTable("help_centre", rows), ["ตาก"])
    assert rows[0].flags == []


def test_low_confidence() -> None:
    rows = [_row(5, 3, None, confidence=0.4), _row(5, 3, 2, confidence=0.95)]
    run_checks(CheckedTable("help_centre", rows))
    assert ["low_confidence" in r.flags for r in rows] == [True, False]


def test_a_row_that_adds_up_vouches_for_its_reading() -> None:
    """Doubt halved when total = established + not established; not enough to clear a wild read."""
    rows = [_row(5, 3, 2, confidence=0.4), _row(5, 3, 2, confidence=0.1), _row(5, 3, 1, confidence=0.9)]
    run_checks(CheckedTable("help_centre", rows))
    assert [r.confidence for r in rows] == [0.7, 0.55, 0.54]
    assert ["low_confidence" in r.flags for r in rows] == [False, True, False]  # 3rd: sum_mismatch


def test_letter_province_list_read_from_the_table_page_is_not_checked_against_it() -> None:
    from extractors.report_forms import listed_provinces
    from pipeline.records import Letter

    on_table_page = Letter(0, 1, 2, "letter", provinces=["อำนาจเจริญ"], field_pages={"provinces": 3})
    on_letter_page = Letter(1, 1, 2, "letter", provinces=["ลำพูน", "ลำปาง"], field_pages={"provinces": 1})
    assert listed_provinces([on_table_page, on_letter_page], {3}) == ["ลำพูน", "ลำปาง"]
    assert listed_provinces([on_table_page], {4}) == ["อำนาจเจริญ"]
