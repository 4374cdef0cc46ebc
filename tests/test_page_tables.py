"""Boxed tables on any OCR'd page (F9): found, read cell by cell, stored, exported, in the text.

Pages are generated here (pipeline.synth.boxed_tables): a letter's opening lines, a salary scale
or KPI table in boxes with Thai digits, a closing paragraph; Debian's Thai faces, 200–300 dpi,
grey or bilevel, saved as PNG or as an image-only PDF. They go through the real per-file
pipeline (`process_file`), and every number printed in the table must come back exactly, in
`table_cells` and in the page text.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from flows.process import process_file
from pipeline.dataset import storage
from pipeline.errors import OcrError
from pipeline.numerals import default_reader
from pipeline.ocr import stage as ocr_stage
from pipeline.ocr.tesseract import TABLE_BLOCK, text_from_tokens
from pipeline.publish.export import contract_tables, export_tables
from pipeline.records import Page, Word
from pipeline.synth.boxed_tables import BoxedPage, Style, boxed_table_page
from pipeline.synth.pages import Scan, draw_lines, stamped_letter
from pipeline.synth.pages import Stamp as StampSpec
from pipeline.synth.pages import save_pdf as save_scan_pdf
from pipeline.tables import page_tables
from pipeline.tables.page_tables import cell_number, has_letters, read_page_tables
from pipeline.thai.chars import to_arabic


def _save(page: BoxedPage, folder: Path, as_pdf: bool) -> Path:
    if as_pdf:
        return save_scan_pdf([page.image.convert("L")], folder / "announcement.pdf", dpi=page.dpi)
    path = folder / "announcement.png"
    page.image.save(path, dpi=(page.dpi, page.dpi))
    return path


def _stored_cells(doc, extraction) -> pd.DataFrame:
    conn = duckdb.connect()
    storage.create_schema(conn)
    storage.write_extraction(conn, doc, extraction)
    return conn.execute('SELECT "row", col, text, number, bbox FROM table_cells').df()


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _printed_numbers(page: BoxedPage) -> list[tuple[int, int, float, str]]:
    """(row, col, value, the number as printed, in Arabic digits) of every number in the table."""
    return [(r, c, value, _NUMBER.search(to_arabic(page.cells[r][c])).group())
            for r, row in enumerate(page.numbers) for c, value in enumerate(row) if value is not None]


def _has_in_order(line: str, wanted: list[str]) -> bool:
    tokens = iter(line.split())
    return all(any(t == w for t in tokens) for w in wanted)


PAGES = [
    pytest.param(Style(font="Laksaman", dpi=300, kind="salary", seed=11, noise=6), False, id="laksaman-300-grey-png"),
    pytest.param(Style(font="Garuda", dpi=200, kind="kpi", seed=12, bilevel=True), False, id="garuda-200-bilevel-png"),
    pytest.param(Style(font="Norasi", dpi=250, kind="salary", seed=13, bilevel=True), True, id="norasi-250-bilevel-pdf"),
    pytest.param(Style(font="Loma", dpi=300, kind="kpi", seed=14, noise=4), True, id="loma-300-grey-pdf"),
    pytest.param(Style(font="Kinnari", dpi=200, kind="salary", seed=15), False, id="kinnari-200-grey-png"),
]


@pytest.mark.parametrize(("style", "as_pdf"), PAGES)
def test_every_table_number_is_exact_in_cells_and_page_text(tmp_path: Path, style: Style, as_pdf: bool) -> None:
    printed = boxed_table_page(style)
    doc, extraction = process_file(_save(printed, tmp_path, as_pdf), tmp_path)
    [page] = doc.pages
    [table] = page.page_tables
    assert (table.n_rows, table.n_cols, table.source) == (len(printed.cells), len(printed.cells[0]), "ruled")
    stored = _stored_cells(doc, extraction).set_index(["row", "col"])
    wrong = [(r, c, want, stored.loc[(r, c), "number"]) for r, c, want, _ in _printed_numbers(printed)
             if stored.loc[(r, c), "number"] != want]
    assert not wrong, wrong
    dashes = [(r, c) for r, row in enumerate(printed.cells) for c, text in enumerate(row) if text == "-"]
    assert all(stored.loc[(r, c), "text"] == "-" and pd.isna(stored.loc[(r, c), "number"]) for r, c in dashes)
    lines = page.text.splitlines()
    for r in range(1, len(printed.cells)):
        wanted = [text for row, _, _, text in _printed_numbers(printed) if row == r]
        assert any(_has_in_order(line, wanted) for line in lines), (wanted, page.text)
    assert not extraction.errors


def test_cells_carry_their_boxes_and_the_rows_are_tab_separated_lines(tmp_path: Path) -> None:
    printed = boxed_table_page(Style(font="Laksaman", dpi=200, kind="salary", seed=21))
    doc, extraction = process_file(_save(printed, tmp_path, False), tmp_path)
    [page] = doc.pages
    [table] = page.page_tables
    boxes = [c.bbox for c in table.cells]
    x0, y0, x1, y1 = table.bbox
    assert all(x0 <= a < c <= x1 and y0 <= b < d <= y1 for a, b, c, d in boxes)
    assert len(set(boxes)) == table.n_rows * table.n_cols  # one box each, none merged
    row_lines = [line for line in page.raw_text.splitlines() if line.count("\t") == table.n_cols - 1]
    assert len(row_lines) == table.n_rows
    stored = _stored_cells(doc, extraction)
    assert stored["bbox"].str.fullmatch(r"\d+,\d+,\d+,\d+").all()


def test_exported_with_the_other_tables(tmp_path: Path) -> None:
    printed = boxed_table_page(Style(font="Garuda", dpi=200, kind="kpi", seed=22))
    doc, extraction = process_file(_save(printed, tmp_path, False), tmp_path)
    conn = duckdb.connect()
    storage.create_schema(conn)
    storage.write_extraction(conn, doc, extraction)
    tables = contract_tables(conn)
    for fmt in ("csv", "parquet", "xlsx"):
        export_tables(tables, tmp_path / fmt, fmt)
    cells = pd.read_csv(tmp_path / "csv" / "table_cells.csv")
    assert len(cells) == len(printed.cells) * len(printed.cells[0])
    by_cell = cells.set_index(["row", "col"])["number"]
    assert all(by_cell[(r, c)] == want for r, c, want, _ in _printed_numbers(printed))
    assert len(pd.read_parquet(tmp_path / "parquet" / "page_tables.parquet")) == 1
    from openpyxl import load_workbook
    book = load_workbook(tmp_path / "xlsx" / "saraban.xlsx", read_only=True)
    assert {"page_tables", "table_cells"} <= set(book.sheetnames)


def test_schema_2_home_gains_the_tables_in_place() -> None:
    conn = duckdb.connect()
    conn.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    storage.create_schema(conn)
    assert conn.execute("SELECT value FROM meta").fetchone() == (storage.SCHEMA_VERSION,)
    assert conn.execute("SELECT count(*) FROM table_cells").fetchone() == (0,)


def test_a_snapshot_from_before_the_tables_still_exports() -> None:
    conn = duckdb.connect()
    storage.create_schema(conn)
    conn.execute("DROP TABLE page_tables; DROP TABLE table_cells")
    tables = contract_tables(conn)
    assert "report_rows" in tables and "table_cells" not in tables


def _ocr_page(image) -> Page:
    gray = np.ascontiguousarray(np.asarray(image.convert("L")))
    return Page(1, "ocr", image=gray, width=gray.shape[1], height=gray.shape[0], dpi=300)


def test_a_letter_without_a_table_and_a_stamp_give_no_table() -> None:
    letter = draw_lines(["ที่ มท ๐๘๒๐.๒/ว ๔๗๘๙", "เรื่อง  ขอเชิญประชุม", "\tด้วยกรมจะจัดประชุมในวันที่ ๑๙ มกราคม ๒๕๖๗"])
    stamped, _ = stamped_letter(StampSpec(("สนง.ท้องถิ่น",), "๓๒๙๗", "๑๒ ธ.ค. ๒๕๖๔"), Scan())
    for image in (letter, stamped):
        assert read_page_tables(_ocr_page(image), default_reader()) == []


def test_numbers_still_read_when_tesseract_fails_on_the_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    """Number cells never need Tesseract; the failure is kept on the page, nothing raised."""
    printed = boxed_table_page(Style(font="Laksaman", dpi=200, kind="salary", seed=23))

    def broken(*_args, **_kwargs):
        raise OcrError("tesseract timed out after 60s")

    monkeypatch.setattr(page_tables, "cached_reading", broken)
    page = _ocr_page(printed.image)
    [table] = read_page_tables(page, default_reader())
    numbers = {(c.row, c.col): c.number for c in table.cells}
    assert all(numbers[(r, c)] == want for r, c, want, _ in _printed_numbers(printed))
    assert page.errors and {e.stage for e in page.errors} == {page_tables.STAGE}
    assert {e.reason for e in page.errors} == {OcrError.reason}


def test_an_unexpected_failure_is_a_page_error_and_the_page_keeps_its_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    printed = boxed_table_page(Style(font="Laksaman", dpi=200, kind="salary", seed=24))

    def crash(*_args, **_kwargs):
        raise ValueError("odd grid")

    monkeypatch.setattr(page_tables, "cell_tables", crash)
    doc, extraction = process_file(_save(printed, tmp_path, False), tmp_path)
    [page] = doc.pages
    assert page.page_tables == [] and "มท" in page.text.replace(" ", "")
    [error] = [e for e in extraction.errors if e.stage == page_tables.STAGE]
    assert (error.page, error.reason) == (1, "internal_error") and "odd grid" in error.message


def test_the_page_pass_leaves_the_table_to_the_cell_reading(tmp_path: Path) -> None:
    """F11: Tesseract's page pass does not read the table's inside; the page's text holds the
    cells' readings there, once, and the letter's lines above it from the page pass."""
    printed = boxed_table_page(Style(font="Garuda", dpi=200, kind="salary", seed=25))
    path = _save(printed, tmp_path, False)
    seen: list[np.ndarray] = []
    real = ocr_stage.ocr_image

    def watched(gray, options):  # noqa: ANN001, ANN202
        seen.append(gray)
        return real(gray, options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ocr_stage, "_pool_for", lambda _workers: ThreadPoolExecutor(max_workers=1))
        patch.setattr(ocr_stage, "ocr_image", watched)
        doc, extraction = process_file(path, tmp_path)
    [page] = doc.pages
    [table] = page.page_tables
    x0, y0, x1, y1 = table.bbox
    assert len(seen) == 1 and (seen[0][y0:y1, x0:x1] == 255).all()
    assert (seen[0][:y0] < 128).any()  # the lines above the table are read
    assert page.unread_areas == [] and "มท" in page.text.replace(" ", "")
    amounts = [text for _, _, _, text in _printed_numbers(printed) if "," in text]
    assert sorted(t for t in to_arabic(page.text).split() if t in amounts) == sorted(amounts)
    assert not extraction.errors


@pytest.mark.parametrize(("text", "value"), [
    pytest.param("12,500", 12500.0, id="thousands"),
    pytest.param("๑๒,๕๐๐", 12500.0, id="thai-digits"),
    pytest.param("166.64", 166.64, id="decimal"),
    pytest.param("ร้อยละ 80", 80.0, id="percent-word"),
    pytest.param("ว้อยละ 87", 87.0, id="percent-word-misread"),
    pytest.param("9 แห่ง", 9.0, id="unit"),
    pytest.param("75%", 75.0, id="percent-sign"),
    pytest.param("0", 0.0, id="zero"),
    pytest.param("-", None, id="dash"),
    pytest.param("ชำนาญการพิเศษ", None, id="label"),
    pytest.param("ข้อ 3 และข้อ 4", None, id="text-with-digits"),
    pytest.param("1,25,0", None, id="bad-grouping"),
])
def test_cell_number(text: str, value: float | None) -> None:
    assert cell_number(text) == value


@pytest.mark.parametrize(("text", "letters"), [
    pytest.param("] 15", False, id="rule-remnant"),
    pytest.param("ฆ", False, id="tesseract-writes-a-letter-for-7"),
    pytest.param("ที่", True, id="thai-word"),
    pytest.param("Total", True, id="latin-word"),
])
def test_has_letters(text: str, letters: bool) -> None:
    assert has_letters(text) is letters


def test_a_table_row_is_one_tab_separated_line() -> None:
    words = [Word("ต้น", 90, 10, 100, 50, 30, TABLE_BLOCK, 7), Word("36,300", 99, 300, 100, 80, 30, TABLE_BLOCK, 7),
             Word("จึง", 90, 10, 200, 40, 30, 3, 8), Word("เรียน", 90, 60, 200, 40, 30, 3, 8)]
    assert text_from_tokens(words) == "ต้น\t36,300\nจึง เรียน"


def test_marks_read_as_a_line_of_their_own_are_dropped_and_wrapped_lines_kept() -> None:
    marks = Word("ซฆ", 60, 35, 22, 20, 24, 1, 1)  # tone mark and vowel over ร้อยละ, read as a line
    text = [Word("รอยละ", 90, 36, 42, 110, 24, 1, 2), Word("๗๑", 90, 165, 38, 46, 41, 1, 2)]
    wrapped = [Word("ร้อยละของหน่วยงาน", 90, 30, 20, 400, 58, 1, 1), Word("ที่จัดตั้งศูนย์", 90, 30, 100, 300, 58, 1, 2)]
    assert page_tables._text_lines([marks, *text]) == text
    assert page_tables._text_lines(wrapped) == wrapped


@pytest.mark.parametrize(("text", "number"), [
    pytest.param("' 138 แท่ง", 138.0, id="a-quote-speck-before-a-total"),
    pytest.param("2 แห่ง .", 2.0, id="a-point-speck-after-the-unit"),
    pytest.param("| 7", 7.0, id="a-rule-remnant-before"),
    pytest.param("12,500 บาท", 12500.0, id="thousands-and-a-unit"),
    pytest.param("-5", -5.0, id="a-minus-is-no-speck"),
    pytest.param("ขาด 3 คน ทั้งหมด", None, id="text-that-holds-a-number"),
    pytest.param("-", None, id="a-dash"),
])
def test_a_cell_number_behind_specks(text: str, number: float | None) -> None:
    from pipeline.tables.page_tables import cell_number

    assert cell_number(text) == number
