"""The analyst workbook: structure via openpyxl, rendering via LibreOffice headless."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
import pytest
import synthetic_reports as syn
from openpyxl import load_workbook
from reconcile_truth import truth_frames

from pipeline.dataset.national import national
from pipeline.dataset.reconcile import reconcile
from pipeline.publish.workbook import (
    CONTRACT_TABLES,
    FONT_NAME,
    REVIEW_SHEET,
    SUMMARY_SHEET,
    display_width,
    write_workbook,
)


def _tables(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    progress = reconcile(frames["report_rows"], frames["letters"], frames["files"])
    return {
        **frames,
        "indicators": pd.DataFrame(columns=["file_id", "code", "name"]),
        "progress": progress,
        "national": national(progress, pd.DataFrame()),
    }


@pytest.fixture(scope="module")
def synthetic_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    frames = {"report_rows": syn.report_rows(), "letters": syn.letters(), "files": syn.files()}
    path = tmp_path_factory.mktemp("wb") / "saraban.xlsx"
    links = {f: f"raw/{f}.pdf" for f in "abcdefgh"}
    return write_workbook(_tables(frames), path, raw_paths=links)


def test_sheets_headers_and_layout(synthetic_book: Path) -> None:
    wb = load_workbook(synthetic_book)
    assert wb.sheetnames == [SUMMARY_SHEET, REVIEW_SHEET, *CONTRACT_TABLES]
    ws = wb["progress"]
    assert [c.value for c in ws[1]][:3] == ["ตัวชี้วัด", "ประจำเดือน", "รหัสจังหวัด"]
    assert [c.value for c in ws[2]][:3] == ["indicator", "period", "province_code"]
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:K20"
    assert ws["A3"].font.name == FONT_NAME and ws["A1"].font.b
    assert ws.column_dimensions["D"].width > 10  # province names are not squeezed
    assert ws["F4"].value == "เมืองอุตรดิตถ์" and ws["G3"].value == 27


def test_review_sheet_points_back_to_files(synthetic_book: Path) -> None:
    ws = load_workbook(synthetic_book)[REVIEW_SHEET]
    header = [c.value for c in ws[2]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=3)]
    assert [(r["file_id"], r["row_index"]) for r in rows] == [
        ("d", 1),
        ("b", 1),
        ("c", 1),
        ("f", 2),
        ("h", 0),
    ]
    assert rows[0]["why"] == "เลขลำดับแถวซ้ำ" and rows[1]["why"] == "สองแฟ้มรายงานไม่ตรงกัน"
    assert rows[0]["source_name"] == "d.pdf" and rows[0]["page"] == 1
    link = ws.cell(row=3, column=header.index("raw_file") + 1)
    assert link.hyperlink.target == "raw/d.pdf" and link.value == "เปิดต้นฉบับ"


def test_summary_sheet(synthetic_book: Path) -> None:
    ws = load_workbook(synthetic_book)[SUMMARY_SHEET]
    values = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert values[0][:9] == [
        "ศูนย์ช่วยเหลือประชาชนของ อปท.",
        "ทั้งประเทศ",
        "2024-03",
        1,
        1,
        60,
        46,
        14,
        76.7,
    ]
    assert values[1][9:11] == [878, 0.9]
    assert [v[1] for v in values[2:]] == ["อุตรดิตถ์", "แม่ฮ่องสอน", "สมุทรปราการ", "ปทุมธานี"]
    assert values[2][-1] == "ต้องตรวจสอบ"


def test_display_width_ignores_thai_marks() -> None:
    assert display_width("ตั้ง") == 2 and display_width("abc") == 3 and display_width(None) == 0


@pytest.mark.timeout(90)
def test_libreoffice_renders_thai(tmp_path: Path) -> None:
    """The sample-truth workbook converts to PDF with a Thai font and intact Thai headers."""
    book = write_workbook(_tables(truth_frames()), tmp_path / "truth.xlsx")
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"  # no shared profile lock
    subprocess.run(
        [
            "soffice",
            profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=80,
    )
    pdf = tmp_path / "truth.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(next(ln.split()[-1] for ln in info.stdout.splitlines() if ln.startswith("Pages")))
    assert pages >= 6  # at least a page per sheet
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    assert "Laksaman" in fonts.stdout  # TH Sarabun New → its tlwg twin, not a box font
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for header in ["ประจำเดือน", "จังหวัดที่รายงาน", "รหัสอำเภอ", "เหตุที่ต้องตรวจ", "แม่ฮ่องสอน"]:
        assert header in text
    png = subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        capture_output=True,
        timeout=30,
    )
    assert png.returncode == 0 and list(tmp_path.glob("page*.png"))


def test_review_sheet_lists_a_table_failing_as_a_whole(tmp_path: Path) -> None:
    frames = {"report_rows": syn.report_rows(), "letters": syn.letters(), "files": syn.files()}
    frames["table_findings"] = pd.DataFrame([{
        "file_id": "a", "page": 2, "table_index": 0, "indicator": "help_centre", "period": "2024-01",
        "province_code": "53", "flag": "total_row_mismatch",
        "printed": '{"total": 30, "established": 13, "not_established": 17}',
        "column_sums": '{"total": 27, "established": 13, "not_established": 14}'}])
    path = write_workbook(_tables(frames), tmp_path / "saraban.xlsx", raw_paths={"a": "raw/a.pdf"})
    ws = load_workbook(path)[REVIEW_SHEET]
    header = [c.value for c in ws[2]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=3)]
    [line] = [r for r in rows if r["file_id"] == "a"]
    assert line["why"] == "แถวรวมไม่ตรงกับผลรวมรายอำเภอ" and line["row_index"] is None
    assert (line["page"], line["table_index"], line["total"], line["not_established"]) == (2, 0, 30, 17)
    assert line["province"] == "อุตรดิตถ์" and line["source_name"] == "a.pdf"
    assert "table_findings" in load_workbook(path).sheetnames
