"""Seed 000's and seed 001's printed tables, typed into XLSX, through loading and extraction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from extractors.report_forms import extract_report_forms, extract_report_rows
from pipeline.config import load_settings
from pipeline.loading.xlsx import load_xlsx
from pipeline.records import Document, Letter, ReportRow

# Seed 000 (a returned help-centre form): the title says อุดรธานี, the districts are อุตรดิตถ์'s,
# ฟากท่า is printed พากท่า and row number ๘ is printed twice.
SEED_000 = [
    ["แบบรายงานความพึงพอใจการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น"],
    ["ประจำเดือน มกราคม พ.ศ. ๒๕๖๑"],
    ["จังหวัดอุดรธานี"],
    ["ที่", "อำเภอ", "จำนวน อบท.ทั้งหมด (แห่ง)", "จำนวนศูนย์ช่วยเหลือประชาชน", None,
     "ปัญหา/อุปสรรค ในการจัดตั้ง หรือการปฏิบัติงาน(ถ้ามี)"],
    [None, None, None, "จัดตั้งแล้ว (แห่ง)", "ยังไม่จัดตั้ง (แห่ง)", None],
    ["๑", "เมืองอุดรธานี", "อบจ.อุดรธานี", "๑ แห่ง", "-", "ไม่มี"],
    ["๒", "เมืองอุดรธานี", "เทศบาลเมืองอุดรธานี", "๑ แห่ง", "-", "ไม่มี"],
    ["๓", "เมืองอุดรธานี", "๑๗ แห่ง", "๑๗ แห่ง", "-", "ไม่มี"],
    ["๔", "พิชัย", "๑๓ แห่ง", "๑๓ แห่ง", "-", "ไม่มี"],
    ["๕", "ลับแล", "๑๐ แห่ง", "๒ แห่ง", "๘ แห่ง", "ไม่มี"],
    ["๖", "ท่าปลา", "๙ แห่ง", "๓ แห่ง", "๖ แห่ง", "ไม่มี"],
    ["๗", "น้ำปาด", "๘ แห่ง", "๘ แห่ง", "-", "ไม่มี"],
    ["๘", "ตรอน", "๗ แห่ง", "๗ แห่ง", "-", "ไม่มี"],
    ["๘", "ทองแสนขัน", "๕ แห่ง", "๕ แห่ง", "-", "ไม่มี"],
    ["๑๐", "พากท่า", "๕ แห่ง", "๒ แห่ง", "๓ แห่ง", "ไม่มี"],
    ["๑๑", "บ้านโคก", "๔ แห่ง", "-", "๔ แห่ง", "ไม่มี"],
    [None, "รวม", "๘๐ แห่ง", "๕๙ แห่ง", "๒๑ แห่ง", None],
]
SEED_000_MERGES = ["A1:F1", "A2:F2", "A3:F3", "A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5"]

# Seed 001 (บัญชีแนบท้าย of a DLA letter): joint centres per province; the letter lists พังงา,
# the table has พิจิตร (8 printed, 12 districts in the gazetteer).
SEED_001_LETTER_PROVINCES = ["ฉะเชิงเทรา", "ชลบุรี", "ตาก", "นครปฐม", "นครสวรรค์", "นนทบุรี",
                             "พังงา", "เพชรบุรี", "สตูล", "สุพรรณบุรี"]
SEED_001 = [
    ["แบบรายงานความคืบหน้าการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน"],
    ["ขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"],
    ["สำหรับจังหวัดที่ยังจัดตั้งศูนย์ปฏิบัติการร่วมฯ (สถานที่กลาง) ไม่ครบตามเป้าหมาย"],
    ["ลำดับที่", "จังหวัด", "จำนวนทั้งหมด (แห่ง)", "จัดตั้งแล้ว (แห่ง)", "ยังไม่ได้จัดตั้ง (แห่ง)",
     "หมายเหตุ"],
    [1, "ฉะเชิงเทรา", 11, 5, 6, None],
    [2, "ชลบุรี", 11, 0, 11, None],
    [3, "ตาก", "9", "3", "6", None],
    [4, "นครปฐม", 7, 3, 4, None],
    [5, "นครสวรรค์", 15, 3, 12, None],
    [6, "นนทบุรี", 6, 5, 1, None],
    [7, "พิจิตร", 8, 7, 1, None],
    [8, "เพชรบุรี", 8, 6, 2, None],
    [9, "สตูล", 7, 6, 1, None],
    [10, "สุพรรณบุรี", 10, 9, 1, None],
    [],
    ["อัปเดตวันที่ 10/4/61"],
]


def _write(path: Path, rows: list[list], merges: list[str] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for rng in merges:
        sheet.merge_cells(rng)
    book.save(path)
    return path


def _extract(path: Path, letters: list[Letter] = ()) -> list[ReportRow]:
    pages = load_xlsx(path, load_settings())
    doc = Document(file_id="t", source_name=path.name, media="xlsx", pages=pages)
    return extract_report_rows(doc, list(letters), {p.number: "report_form" for p in pages})


@pytest.fixture(scope="module")
def seed_000_rows(tmp_path_factory: pytest.TempPathFactory) -> list[ReportRow]:
    path = _write(tmp_path_factory.mktemp("x") / "seed000.xlsx", SEED_000, SEED_000_MERGES)
    return _extract(path)


def _by_name(rows: list[ReportRow], printed: str) -> ReportRow:
    return next(r for r in rows if r.printed_name == printed)


def test_seed_000_rows_codes_and_context(seed_000_rows: list[ReportRow]) -> None:
    rows = seed_000_rows
    assert len(rows) == 11
    context = {(r.indicator, r.period, r.province_code) for r in rows}
    assert context == {("help_centre", "2018-01", "53")}
    assert [r.district_code for r in rows] == ["5301", "5301", "5301", "5307", "5308", "5303",
                                               "5304", "5302", "5309", "5305", "5306"]
    assert [r.unit_label for r in rows[:3]] == ["อบจ.อุตรดิตถ์", "เทศบาลเมืองอุตรดิตถ์", ""]
    assert [(r.total, r.established, r.not_established) for r in rows[:3]] == [
        (1, 1, 0), (1, 1, 0), (17, 17, 0)]


def test_seed_000_flags(seed_000_rows: list[ReportRow]) -> None:
    rows = seed_000_rows
    assert all("province_conflict" in r.flags for r in rows)
    fak_tha = _by_name(rows, "พากท่า")
    assert fak_tha.district == "ฟากท่า" and "name_corrected" in fak_tha.flags
    assert "duplicate_row_number" in _by_name(rows, "ทองแสนขัน").flags
    assert "duplicate_row_number" not in _by_name(rows, "ตรอน").flags
    assert not any(f in r.flags for r in rows for f in ("sum_mismatch", "total_row_mismatch"))
    assert "name_corrected" not in _by_name(rows, "ลับแล").flags


def test_seed_001_joint_centre_counts(tmp_path: Path) -> None:
    path = _write(tmp_path / "seed001.xlsx", SEED_001, ["A1:F1", "A2:F2", "A3:F3"])
    letter = Letter(letter_index=0, page_from=1, page_to=1, kind="letter",
                    date=dt.date(2018, 4, 5), provinces=SEED_001_LETTER_PROVINCES)
    rows = _extract(path, [letter])
    assert len(rows) == 10
    context = {(r.indicator, r.period, r.district_code) for r in rows}
    assert context == {("joint_centre", "2018-04", "")}
    assert [r.province_code for r in rows][:3] == ["24", "20", "63"]
    flagged = [r.printed_name for r in rows if "count_mismatch" in r.flags]
    assert flagged == ["พิจิตร"]
    assert _by_name(rows, "ตาก").total == 9


def test_total_row_mismatch_is_a_finding_of_the_table(tmp_path: Path) -> None:
    rows = [list(r) for r in SEED_000]
    rows[-1] = [None, "รวม", "๘๑ แห่ง", "๕๙ แห่ง", "๒๑ แห่ง", None]
    path = _write(tmp_path / "bad_total.xlsx", rows, SEED_000_MERGES)
    pages = load_xlsx(path, load_settings())
    doc = Document(file_id="t", source_name=path.name, media="xlsx", pages=pages)
    forms = extract_report_forms(doc, [], {p.number: "report_form" for p in pages})
    assert not any("total_row_mismatch" in r.flags for r in forms.rows)
    [finding] = forms.table_findings
    assert (finding.flag, finding.indicator, finding.period, finding.province_code) == (
        "total_row_mismatch", "help_centre", "2018-01", "53")
    assert finding.printed == {"total": 81, "established": 59, "not_established": 21}
    assert finding.column_sums == {f: sum(getattr(r, f) or 0 for r in forms.rows)
                                   for f in ("total", "established", "not_established")}
    assert finding.column_sums != finding.printed


def test_numbers_stored_as_text_and_numbers(tmp_path: Path) -> None:
    rows = [["แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน "
             "มิถุนายน พ.ศ. 2560 จังหวัดแม่ฮ่องสอน"],
            ["ลำดับที่", "หมายเหตุ", "ยังไม่ได้จัดตั้ง", "จัดตั้งแล้ว", "จำนวนทั้งหมด", "อำเภอ"],
            ["1", "", "-", 1, "1", "อบจ.แม่ฮ่องสอน"],
            [2, "ขาดบุคลากร", "1,250", "10", 1260.0, "ขุนยวม"],
            [3, "", "", "3", "๓ แห่ง", "ปาย"]]
    out = _extract(_write(tmp_path / "order.xlsx", rows))
    assert [(r.total, r.established, r.not_established) for r in out] == [
        (1, 1, 0), (1260, 10, 1250), (3, 3, 0)]
    assert [r.district_code for r in out] == ["5801", "5802", "5803"]
    assert out[1].remark == "ขาดบุคลากร"
    assert out[0].period == "2017-06"


def test_a_row_month_column_gives_each_row_its_period(tmp_path: Path) -> None:
    """A summary carrying older reports forward (ข้อมูลเดือน): each row keeps its own month; a
    year misread on a scan (๒๕๒๑ for ๒๕๖๑) is taken from the table's period."""
    rows = [["แบบรายงานความคืบหน้าการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"],
            ["ข้อมูล ณ เดือนมีนาคม ๒๕๖๑"],
            ["ลำดับที่", "จังหวัด", "ข้อมูลเดือน", "จำนวนทั้งหมด (แห่ง)", "จัดตั้งแล้ว (แห่ง)", "ยังไม่ได้จัดตั้ง (แห่ง)", "หมายเหตุ"],
            ["๑", "ฉะเชิงเทรา", "มีนาคม ๒๕๖๑", 11, 5, 6, "ไม่ครบตามเป้าหมาย"],
            ["๒", "ตาก", "กุมภาพันธ์ ๒๕๒๑", 9, 3, 6, "ไม่ได้รายงานผลเดือนมีนาคม ๒๕๖๑"],
            ["๓", "นครปฐม", "ธันวาคม ๒๕๖๐", 7, 2, 5, ""]]
    out = _extract(_write(tmp_path / "summary.xlsx", rows))
    assert [(r.province, r.period) for r in out] == [
        ("ฉะเชิงเทรา", "2018-03"), ("ตาก", "2018-02"), ("นครปฐม", "2017-12")]
    assert [r.remark for r in out][:2] == ["ไม่ครบตามเป้าหมาย", "ไม่ได้รายงานผลเดือนมีนาคม 2561"]


_MAE_HONG_SON = [["แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน "
                  "มิถุนายน พ.ศ. 2560 จังหวัดแม่ฮ่องสอน"],
                 ["ลำดับที่", "อำเภอ", "จำนวนทั้งหมด", "จัดตั้งแล้ว", "ยังไม่ได้จัดตั้ง"],
                 [1, "อบจ.แม่ฮ่องสอน", 1, 1, 0],
                 [2, "ขุนยวม", 12, 10, 2],
                 [3, "ปาย", 3, 3, 0]]


def test_a_row_whose_district_no_one_can_name_is_flagged(tmp_path: Path) -> None:
    """Its counts belong to some district; exported without one and unflagged, they went
    nowhere and no reviewer heard of it."""
    rows = [*_MAE_HONG_SON, [4, "ฮฮฮฮ", 5, 2, 3]]
    out = _extract(_write(tmp_path / "unread.xlsx", rows))
    assert [(r.district_code, "place_unread" in r.flags) for r in out] == [
        ("5801", False), ("5802", False), ("5803", False), ("", True)]


def test_a_total_row_whose_label_is_garbled_is_known_by_its_sums(tmp_path: Path) -> None:
    rows = [*_MAE_HONG_SON, [None, "ชรวณญ", 16, 14, 2]]
    forms_rows = _extract(_write(tmp_path / "garbled_total.xlsx", rows))
    assert [r.printed_name for r in forms_rows] == ["อบจ.แม่ฮ่องสอน", "ขุนยวม", "ปาย"]
