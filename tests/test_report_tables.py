"""Rendered ruled Thai forms (the project's own generator) through scan table reading."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

import numpy as np
import pytest

from extractors.report_forms import extract_report_forms, extract_report_rows
from pipeline.numerals import default_reader
from pipeline.ocr import cache
from pipeline.records import Document, Page, ReportRow
from pipeline.synth.tables import FormRow, render_report_form
from pipeline.tables import cell_ocr, ruled, scan
from pipeline.tables.page_tables import read_page_tables
from pipeline.tables.ruled import find_ruled_grids

SATUN_TITLE = ["แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
               "ประจำเดือน ตุลาคม พ.ศ. 2562", "จังหวัดสตูล"]
# ละงู's counts do not add up; row number 4 is printed twice.
SATUN_ROWS = [
    FormRow("1", "อบจ.สตูล", 1, 1, None),
    FormRow("2", "เมืองสตูล", 18, 13, 5, "ไม่มี"),
    FormRow("3", "ควนโดน", 8, 7, 1),
    FormRow("4", "ละงู", 15, None, 16, "ขาดบุคลากร"),
    FormRow("4", "ท่าแพ", 15, 11, 4),
]


def _page(image: np.ndarray, number: int = 1) -> Page:
    return Page(number=number, source="ocr", image=image, dpi=200, width=image.shape[1],
                height=image.shape[0])


@pytest.fixture(scope="module")
def satun_rows() -> list[ReportRow]:
    image = render_report_form(SATUN_ROWS, SATUN_TITLE, totals=(57, 32, 26), skew_degrees=0.0)
    doc = Document(file_id="r", source_name="satun.pdf", media="pdf",
                   pages=[_page(np.array(image))])
    return extract_report_rows(doc, [], {1: "report_form"})


def test_scanned_total_row_mismatch_is_the_tables_not_its_rows() -> None:
    """A รวม row off by 3 in the total column: the table is reported, its sound rows are not."""
    image = render_report_form(SATUN_ROWS, SATUN_TITLE, totals=(60, 32, 26), skew_degrees=0.0)
    doc = Document(file_id="r", source_name="satun.pdf", media="pdf", pages=[_page(np.array(image))])
    forms = extract_report_forms(doc, [], {1: "report_form"})
    assert [r.flags for r in forms.rows[:3]] == [[], [], []]  # อบจ.สตูล, เมืองสตูล, ควนโดน: sound
    assert not any("total_row_mismatch" in r.flags for r in forms.rows)
    [finding] = forms.table_findings
    assert (finding.flag, finding.page, finding.table_index) == ("total_row_mismatch", 1, 0)
    assert (finding.indicator, finding.period, finding.province_code) == ("help_centre", "2019-10", "91")
    assert finding.printed == {"total": 60, "established": 32, "not_established": 26}
    assert finding.column_sums == {"total": 57, "established": 32, "not_established": 26}


def test_scanned_number_typo_in_place_is_not_a_duplicate_row() -> None:
    """ที่ 1, 2, 2, 4, 5 on a scan: the third number is wrong in place, no line of the form repeats."""
    numbers = ["1", "2", "2", "4", "5"]
    rows = [FormRow(n, r.label, r.total, r.established, r.not_established, r.remark)
            for n, r in zip(numbers, SATUN_ROWS, strict=True)]
    image = render_report_form(rows, SATUN_TITLE, totals=(57, 32, 26), skew_degrees=0.0)
    doc = Document(file_id="r", source_name="satun.pdf", media="pdf", pages=[_page(np.array(image))])
    found = extract_report_rows(doc, [], {1: "report_form"})
    assert len(found) == 5 and not any("duplicate_row_number" in r.flags for r in found)


def test_ruled_grid_finds_cells_and_merged_header() -> None:
    image = np.array(render_report_form(SATUN_ROWS[:2], SATUN_TITLE, totals=(19, 14, 5)))
    grids = find_ruled_grids(image)
    assert len(grids) == 1
    grid = grids[0]
    assert (len(grid.xs), len(grid.ys)) == (7, 6)  # 6 columns; 2 header + 2 rows + รวม
    spans = {(r, c): (rs, cs) for r, c, rs, cs, _ in grid.cells}
    assert spans[(0, 3)] == (1, 2) and spans[(0, 0)] == (2, 1)


def test_rendered_form_rows_codes_and_context(satun_rows: list[ReportRow]) -> None:
    rows = satun_rows
    assert [r.district_code for r in rows] == ["9101", "9101", "9102", "9105", "9104"]
    assert {(r.indicator, r.period, r.province_code) for r in rows} == {
        ("help_centre", "2019-10", "91")}
    assert rows[0].unit_label == "อบจ.สตูล"


def test_rendered_form_numbers_and_flags(satun_rows: list[ReportRow]) -> None:
    rows = satun_rows
    assert [(r.total, r.established, r.not_established) for r in rows] == [
        (1, 1, 0), (18, 13, 5), (8, 7, 1), (15, 0, 16), (15, 11, 4)]
    assert "sum_mismatch" in rows[3].flags
    assert "duplicate_row_number" in rows[4].flags
    assert "duplicate_row_number" not in rows[3].flags
    assert not any("total_row_mismatch" in r.flags for r in rows)
    assert all(r.raw_cells for r in rows)


def test_rendered_form_places_organisations_of_a_capital_without_mueang() -> None:
    """Ayutthaya's capital district is อำเภอพระนครศรีอยุธยา (no เมือง): its province-level
    organisations, long names overflowing their cell, sit there like any province's."""
    rows = [FormRow("1", "อบจ.พระนครศรีอยุธยา", 1, 1, 0),
            FormRow("2", "ทน.พระนครศรีอยุธยา", 1, 0, 1, "ไม่มี"),
            FormRow("3", "พระนครศรีอยุธยา", 20, 18, 2),
            FormRow("4", "ท่าเรือ", 8, 2, 6)]
    title = [*SATUN_TITLE[:2], "จังหวัดพระนครศรีอยุธยา"]
    image = render_report_form(rows, title, totals=(30, 21, 9), skew_degrees=0.0)
    doc = Document(file_id="a", source_name="ayutthaya.pdf", media="pdf",
                   pages=[_page(np.array(image))])
    found = extract_report_rows(doc, [], {1: "report_form"})
    assert [(r.district_code, r.unit_label) for r in found] == [
        ("1401", "อบจ.พระนครศรีอยุธยา"), ("1401", "เทศบาลนครพระนครศรีอยุธยา"),
        ("1401", ""), ("1402", "")]
    assert [(r.total, r.established, r.not_established) for r in found] == [
        (1, 1, 0), (1, 0, 1), (20, 18, 2), (8, 2, 6)]


def _strips(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many crops each of the report-form stage's own cell reads takes, from now on."""
    strips: list[int] = []
    real = scan.read_cells
    monkeypatch.setattr(scan, "read_cells", lambda crops, **kw: strips.append(len(crops)) or real(crops, **kw))
    return strips


def test_scanned_form_takes_the_numbers_the_page_tables_read(monkeypatch: pytest.MonkeyPatch,
                                                             satun_rows: list[ReportRow]) -> None:
    """After the page-table stage, the form's number cells are not read again (F11); its text
    cells are (a strip of a column loses lines of a header cell). The same rows come out."""
    page = _page(np.array(render_report_form(SATUN_ROWS, SATUN_TITLE, totals=(57, 32, 26),
                                             skew_degrees=0.0)))
    read_page_tables(page, default_reader())
    numbers = sum(c.number is not None for t in page.page_tables for c in t.cells)
    strips = _strips(monkeypatch)
    scan.tables_from_scan(page.image, page.words)
    alone = sum(strips)
    strips.clear()
    doc = Document(file_id="r", source_name="satun.pdf", media="pdf", pages=[page])
    rows = extract_report_rows(doc, [], {1: "report_form"})
    assert numbers >= 15 and sum(strips) <= alone - numbers
    assert [(r.district_code, r.unit_label, r.total, r.established, r.not_established, r.flags) for r in rows] == [
        (r.district_code, r.unit_label, r.total, r.established, r.not_established, r.flags) for r in satun_rows]
    assert {(r.indicator, r.period, r.province_code) for r in rows} == {("help_centre", "2019-10", "91")}


def test_scanned_form_reads_numbers_the_page_tables_left() -> None:
    """A number cell the page-table stage did not read (its grid boxed it otherwise) is read here."""
    image = np.array(render_report_form(SATUN_ROWS[:2], SATUN_TITLE, totals=(19, 14, 5), skew_degrees=0.0))
    page = _page(image)
    read_page_tables(page, default_reader())
    [table] = page.page_tables
    [total] = [c for c in table.cells if (c.row, c.col) == (3, 2)]  # เมืองสตูล's 18
    kept = [c for c in table.cells if c is not total]
    assert total.number == 18
    [taken] = scan.tables_from_scan(image, page.words, [table])
    assert taken.cells[3][2] == total.text and taken.judged[(3, 2)] is total  # judged once, there
    [read] = scan.tables_from_scan(image, page.words, [replace(table, cells=kept)])
    assert "แห่ง" in read.cells[3][2] and read.cells[3][2] != total.text  # Tesseract's own reading
    assert (3, 2) not in read.judged


def test_scanned_form_reads_a_column_whole_or_not_at_all() -> None:
    """A remark column where the page-table stage took a speck for a number is read here whole,
    as before: a strip short of a crop reads the others differently (ไม่มี as 1ม่มี)."""
    rows = [SATUN_ROWS[0], SATUN_ROWS[1], SATUN_ROWS[3]]  # body remarks ไม่มี and ขาดบุคลากร
    image = np.array(render_report_form(rows, SATUN_TITLE, totals=(34, 14, 21), skew_degrees=0.0))
    page = _page(image)
    read_page_tables(page, default_reader())
    [table] = page.page_tables
    [remark] = [c for c in table.cells if (c.row, c.col) == (3, 5)]
    speck = replace(remark, text="1", number=1.0)
    cells = [speck if c is remark else c for c in table.cells]
    [read] = scan.tables_from_scan(image, page.words, [replace(table, cells=cells)])
    assert read.cells[3][5] != "1" and "มี" in read.cells[3][5] and (3, 5) not in read.judged
    assert "คลากร" in read.cells[4][5]


def test_page_rules_are_found_once_per_pixels(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stamp boxes, page tables and report forms share one look for a page's rules; the kept
    masks are exactly the fresh ones, and a page whose pixels changed is looked at again."""
    image = np.array(render_report_form(SATUN_ROWS[:2], SATUN_TITLE, totals=(19, 14, 5)))
    fresh = ruled.rule_masks(ruled.binarise(image))
    looks = []
    monkeypatch.setattr(ruled, "_kept", OrderedDict())  # what earlier tests left kept
    monkeypatch.setattr(ruled, "rule_masks", lambda ink: looks.append(1) or fresh)
    first, again = ruled.page_rules(image), ruled.page_rules(image.copy())
    assert len(looks) == 1
    assert all((a == b).all() for a, b in zip(first[:2], again[:2], strict=True)) and first[2] == again[2]
    assert (again[0] == fresh[0]).all() and (again[1] == fresh[1]).all()
    image[:40, :40] = 0  # a stamp read and cleaned changes the page
    ruled.page_rules(image)
    assert len(looks) == 2


def test_a_strip_both_table_readers_stack_alike_is_read_by_tesseract_once(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page-table stage and the report form read a column's strip through one cache entry:
    where their crops agree, the form's read is a cache hit, and no pixels go to Tesseract twice."""
    page = _page(np.array(render_report_form(SATUN_ROWS, SATUN_TITLE, totals=(57, 32, 26),
                                             skew_degrees=0.0)))
    calls: list[tuple[str, object]] = []
    tesseract = cell_ocr.run_tesseract
    monkeypatch.setattr(cell_ocr, "run_tesseract",
                        lambda gray, options: calls.append((cache.image_hash(gray), options)) or tesseract(gray, options))
    read_page_tables(page, default_reader(), tmp_path)
    by_page_tables = set(calls)
    asked: list[tuple[str, object]] = []
    reading = cell_ocr.cached_reading
    monkeypatch.setattr(cell_ocr, "cached_reading",
                        lambda gray, options, where: asked.append((cache.image_hash(gray), options))
                        or reading(gray, options, where))
    stacked: list[tuple[int, str]] = []
    stack = cell_ocr.stack_crops

    def recorded(crops: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
        strip, spans = stack(crops)
        stacked.append((len(crops), cache.image_hash(strip)))
        return strip, spans

    monkeypatch.setattr(cell_ocr, "stack_crops", recorded)
    [table] = scan.tables_from_scan(page.image, page.words, page.page_tables, tmp_path)
    assert by_page_tables & set(asked)  # strips the form shares with the page-table stage
    assert len(calls) == len(set(calls)) and len(calls) < len(by_page_tables) + len(asked)
    # The body's text columns (the places, the remarks) are stacked as the page-table stage
    # stacked them, header crops on top: not one of them goes to Tesseract again.
    columns = {key for n, key in stacked if n > 1}
    assert columns and columns <= {key for key, _ in by_page_tables}
    assert table.cells[0][0] and table.caption and "สตูล" in table.cells[3][1]
