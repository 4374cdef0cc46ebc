"""The analyst workbook: every contract table as a sheet, plus Thai summary and review sheets.

Each table sheet has two header rows: a Thai label (row 1) over the contract's English column
name (row 2), so analysts read Thai while formulas, filters and scripts can still use the
contract names. CSV/Parquet exports keep the contract names only.

Font: "TH Sarabun New", the Thai government's standard face; where it is absent, fontconfig's
fonts-thai-tlwg rules substitute Laksaman (its metric twin), so LibreOffice renders it too.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.dataset.reconcile import failing_mask, split_flags

FONT_NAME = "TH Sarabun New"
FONT_SIZE = 14
CONTRACT_TABLES = ["files", "letters", "indicators", "report_rows", "progress", "national"]
SUMMARY_SHEET = "สรุประดับประเทศ"
REVIEW_SHEET = "ต้องตรวจสอบ"
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_LINK_FONT = Font(name=FONT_NAME, size=FONT_SIZE, color="0563C1", underline="single")
EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")  # cells an analyst may change
_MAX_WIDTH = 60
_WIDTH_PER_CHAR = 1.15  # Sarabun 14 pt is a little wider than the default 11 pt Calibri
_NARROW = {"file_id": 16, "source_file_ids": 20, "raw_cells": 30, "references": 30}  # hashes, JSON
_ROW_HEIGHT = 22  # points: 14 pt Thai needs room for stacked vowels and tone marks

THAI_LABELS: dict[str, str] = {
    "file_id": "รหัสแฟ้ม",
    "source_name": "ชื่อแฟ้มต้นฉบับ",
    "status": "สถานะ",
    "reason": "เหตุผล",
    "pages": "จำนวนหน้า",
    "ocr_used": "ใช้ OCR",
    "mean_confidence": "ความเชื่อมั่นเฉลี่ย",
    "letter_index": "ลำดับหนังสือ",
    "page_from": "จากหน้า",
    "page_to": "ถึงหน้า",
    "kind": "ประเภท",
    "doc_number": "เลขที่หนังสือ",
    "circular": "หนังสือเวียน",
    "date": "ลงวันที่",
    "urgency": "ชั้นความเร็ว",
    "subject": "เรื่อง",
    "addressee": "เรียน",
    "sender": "ส่วนราชการเจ้าของเรื่อง",
    "references": "อ้างถึง",
    "attachments": "สิ่งที่ส่งมาด้วย",
    "deadline": "กำหนดส่ง",
    "signatory": "ผู้ลงนาม",
    "signatory_position": "ตำแหน่งผู้ลงนาม",
    "received_number": "เลขรับ",
    "received_date": "วันที่รับ",
    "fiscal_year": "ปีงบประมาณ",
    "code": "รหัสตัวชี้วัด",
    "name": "ชื่อตัวชี้วัด",
    "target_value": "ค่าเป้าหมาย",
    "target_unit": "หน่วยนับ",
    "due_date": "วันครบกำหนด",
    "owner": "เจ้าภาพ",
    "page": "หน้า",
    "table_index": "ตารางที่",
    "row_index": "แถวที่",
    "indicator": "ตัวชี้วัด",
    "period": "ประจำเดือน",
    "province_code": "รหัสจังหวัด",
    "province": "จังหวัด",
    "district_code": "รหัสอำเภอ",
    "district": "อำเภอ",
    "unit_label": "หน่วยงาน",
    "total": "จำนวนทั้งหมด",
    "established": "จัดตั้งแล้ว",
    "not_established": "ยังไม่จัดตั้ง",
    "remark": "หมายเหตุ",
    "confidence": "ความเชื่อมั่น",
    "flags": "ข้อสังเกต",
    "source_file_ids": "แฟ้มที่มา",
    "provinces_reporting": "จังหวัดที่รายงาน",
    "provinces_carried": "จังหวัดที่ยกยอดมา",
    "target": "เป้าหมาย",
    "pct_of_target": "ร้อยละของเป้าหมาย",
    "raw_cells": "ข้อความในเซลล์",
    "why": "เหตุที่ต้องตรวจ",
    "raw_file": "เปิดต้นฉบับ",
    "pct_established": "ร้อยละที่จัดตั้ง",
    "latest_period": "เดือนล่าสุด",
    "printed_name": "ชื่อตามที่พิมพ์",
    "old_value": "ค่าเดิม",
    "new_value": "ค่าใหม่",
    "note": "บันทึก",
    "author": "ผู้แก้ไข",
    "created_at": "เวลาที่แก้ไข",
    "field": "ช่องข้อมูล",
    "correction_id": "รหัสการแก้ไข",
    "reviewed": "ตรวจแล้ว (ใส่ ✓)",
    "n_rows": "จำนวนแถว",
    "n_cols": "จำนวนคอลัมน์",
    "bbox": "ตำแหน่งบนหน้า (x0,y0,x1,y1)",
    "source": "ที่มา",
    "row": "แถว",
    "col": "คอลัมน์",
    "text": "ข้อความ",
    "number": "ตัวเลข",
    "row_span": "ครอบแถว",
    "col_span": "ครอบคอลัมน์",
}
FLAG_LABELS = {
    "sum_mismatch": "ผลรวมไม่ตรง (ทั้งหมด ≠ จัดตั้งแล้ว + ยังไม่จัดตั้ง)",
    "total_row_mismatch": "แถวรวมไม่ตรงกับผลรวมรายอำเภอ",
    "duplicate_row_number": "เลขลำดับแถวซ้ำ",
    "low_confidence": "อ่านได้ไม่ชัด (ความเชื่อมั่นต่ำ)",
    "province_conflict": "จังหวัดไม่ตรงกับหนังสือนำส่ง",
    "period_conflict": "วันที่บนหน้าตารางขัดกับวันที่ของหนังสือนำส่ง",
    "place_unread": "อ่านชื่ออำเภอของแถวไม่ได้",
    "count_mismatch": "จำนวนไม่ตรงกับทะเบียนพื้นที่",
    "digit_repaired": "ตัวเลขถูกซ่อมจากการอ่าน OCR",
    "impossible_count": "จำนวนเป็นไปไม่ได้ (ติดลบ ไม่เป็นจำนวนเต็ม หรือส่วนย่อยมากกว่าทั้งหมด)",
    "no_indicator": "ไม่ทราบตัวชี้วัดของแถว",
    "no_period": "อ่านเดือนที่รายงานไม่ได้",
    "bad_period": "เดือนที่รายงานไม่ถูกต้อง (เช่น ปี พ.ศ. ที่ยังไม่แปลง)",
    "no_place": "ไม่ทราบจังหวัดของแถว",
    "bad_place": "รหัสจังหวัดหรืออำเภอไม่อยู่ในทะเบียนพื้นที่",
    "conflict": "สองแฟ้มรายงานไม่ตรงกัน",
}
INDICATOR_LABELS = {
    "help_centre": "ศูนย์ช่วยเหลือประชาชนของ อปท.",
    "joint_centre": "ศูนย์ปฏิบัติการร่วมฯ (สถานที่กลาง)",
}
STATUS_LABELS = {"ok": "ปกติ", "conflict": "ข้อมูลขัดแย้ง", "needs_review": "ต้องตรวจสอบ"}


def write_workbook(
    tables: dict[str, pd.DataFrame], path: Path, *, raw_paths: Mapping[str, str] | None = None
) -> Path:
    """Write the analyst workbook; `raw_paths` maps file_id → raw file path for hyperlinks."""
    wb = Workbook()
    wb.remove(wb.active)
    links = dict(raw_paths or _raw_paths_from(tables.get("files")))
    write_table(wb.create_sheet(SUMMARY_SHEET), summary_table(tables))
    review = review_table(tables, links)
    write_table(wb.create_sheet(REVIEW_SHEET), review, links=review.pop("_link"))
    names = [n for n in CONTRACT_TABLES if n in tables]
    names += sorted(n for n in tables if n not in CONTRACT_TABLES)
    for name in names:
        write_table(wb.create_sheet(name[:31]), tables[name])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_table(
    ws: Worksheet,
    frame: pd.DataFrame,
    *,
    links: pd.Series | None = None,
    editable: tuple[str, ...] = (),
) -> None:
    """A frame as a sheet: Thai + English headers, Thai font, frozen headers, filter, widths."""
    columns = [str(c) for c in frame.columns]
    ws.append([THAI_LABELS.get(c, c) for c in columns])
    ws.append(columns)
    for row in frame.itertuples(index=False, name=None):
        ws.append([cell_value(v) for v in row])
    if links is not None:
        _add_links(ws, columns, links)
    _style(ws, columns, editable)
    ws.freeze_panes = "A3"
    last = get_column_letter(max(len(columns), 1))
    ws.auto_filter.ref = f"A2:{last}{max(ws.max_row, 2)}"
    _page_setup(ws)


def _page_setup(ws: Worksheet) -> None:
    """Rows tall enough for Thai marks above and below; print landscape, one page wide."""
    for r in range(1, ws.max_row + 1):
        ws.row_dimensions[r].height = _ROW_HEIGHT
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:2"


def _style(ws: Worksheet, columns: list[str], editable: tuple[str, ...]) -> None:
    body, head = (
        Font(name=FONT_NAME, size=FONT_SIZE),
        Font(name=FONT_NAME, size=FONT_SIZE, bold=True),
    )
    english = Font(name=FONT_NAME, size=FONT_SIZE - 2, italic=True, color="595959")
    for i, name in enumerate(columns, start=1):
        cells = next(ws.iter_cols(min_col=i, max_col=i))
        for cell in cells:
            cell.font = _LINK_FONT if cell.hyperlink else body
            if cell.row > 2 and name in editable:
                cell.fill = EDIT_FILL
        cells[0].font, cells[0].fill = head, HEADER_FILL
        cells[0].alignment = Alignment(wrap_text=True, vertical="center")
        cells[1].font, cells[1].fill = english, HEADER_FILL
        width = max(display_width(c.value) for c in cells)
        cap = _NARROW.get(name, _MAX_WIDTH)
        ws.column_dimensions[get_column_letter(i)].width = min(width * _WIDTH_PER_CHAR + 3, cap)


def _add_links(ws: Worksheet, columns: list[str], links: pd.Series) -> None:
    col = columns.index("raw_file") + 1 if "raw_file" in columns else None
    for offset, target in enumerate(links):
        if col and target:
            cell = ws.cell(row=offset + 3, column=col)
            cell.hyperlink = str(target)
            cell.value = "เปิดต้นฉบับ"  # the 64-hex path is long; the link carries it


def display_width(value: object) -> int:
    """Columns a value takes: Thai vowels and tone marks above/below take none."""
    text = "" if value is None else str(value)
    return sum(
        1
        for ch in text
        if unicodedata.combining(ch) == 0
        and ch
        not in "\u0e31\u0e34"
        "\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"
    )


def cell_value(value: object) -> object:
    """A frame value as openpyxl accepts it: unknown → empty, lists → JSON, numpy → Python."""
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, dt.date):
        return value.item()
    return value


def summary_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Latest national row per indicator, then the latest report of each province."""
    national = tables.get("national", pd.DataFrame())
    progress = tables.get("progress", pd.DataFrame())
    rows = [_national_line(r) for r in _latest(national, ["indicator"]).to_dict("records")]
    provinces = progress[progress["district_code"].fillna("") == ""] if len(progress) else progress
    rows += [
        _province_line(r)
        for r in _latest(provinces, ["indicator", "province_code"]).to_dict("records")
    ]
    columns = [
        "indicator",
        "province",
        "latest_period",
        "provinces_reporting",
        "provinces_carried",
        "total",
        "established",
        "not_established",
        "pct_established",
        "target",
        "pct_of_target",
        "status",
    ]
    return pd.DataFrame(rows, columns=columns)


def _latest(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    if frame is None or frame.empty:
        return pd.DataFrame()
    ordered = frame.sort_values([*key, "period"], kind="stable")
    return ordered.groupby(key, sort=True).tail(1)


def _national_line(r: dict) -> dict:
    return {
        **_numbers(r),
        "indicator": INDICATOR_LABELS.get(r["indicator"], r["indicator"]),
        "province": "ทั้งประเทศ",
        "latest_period": r["period"],
        "provinces_reporting": r.get("provinces_reporting"),
        "provinces_carried": r.get("provinces_carried"),
        "target": r.get("target"),
        "pct_of_target": r.get("pct_of_target"),
        "status": "",
    }


def _province_line(r: dict) -> dict:
    return {
        **_numbers(r),
        "indicator": INDICATOR_LABELS.get(r["indicator"], r["indicator"]),
        "province": r.get("province") or r["province_code"],
        "latest_period": r["period"],
        "status": STATUS_LABELS.get(r.get("status"), r.get("status")),
    }


def _numbers(r: dict) -> dict:
    total, est = r.get("total"), r.get("established")
    known = not (pd.isna(total) or pd.isna(est)) and total
    pct = round(float(est) * 100 / float(total), 1) if known else None
    return {
        "total": total,
        "established": est,
        "not_established": r.get("not_established"),
        "pct_established": pct,
    }


def review_table(tables: dict[str, pd.DataFrame], links: Mapping[str, str]) -> pd.DataFrame:
    """Report rows to go back to: failing checks, or part of a conflict (column `_link`)."""
    rows = tables.get("report_rows", pd.DataFrame())
    columns = [
        "why",
        "indicator",
        "period",
        "province",
        "district",
        "unit_label",
        "total",
        "established",
        "not_established",
        "flags",
        "confidence",
        "source_name",
        "page",
        "table_index",
        "row_index",
        "file_id",
        "raw_file",
    ]
    if rows is None or rows.empty:
        return pd.DataFrame(columns=[*columns, "_link"])
    rows = rows.copy()  # _in_conflict adds a helper column
    picked = rows[failing_mask(rows) | _in_conflict(rows, tables.get("progress"))].copy()
    picked = pd.concat([picked, _table_lines(tables.get("table_findings"), rows)], ignore_index=True)
    picked["_conflict"] = picked["_conflict"].fillna(False).astype(bool)
    names = _source_names(tables.get("files"))
    picked["source_name"] = picked["file_id"].map(names).fillna("")
    picked["why"] = [_why(f, c) for f, c in zip(picked["flags"], picked["_conflict"], strict=True)]
    picked["raw_file"] = picked["file_id"].map(lambda f: links.get(f, ""))
    picked["_link"] = picked["raw_file"]
    order = [
        "indicator",
        "period",
        "province_code",
        "district_code",
        "file_id",
        "page",
        "table_index",
        "row_index",
    ]
    return picked.sort_values(order, kind="stable")[[*columns, "_link"]].reset_index(drop=True)


def _table_lines(findings: pd.DataFrame | None, rows: pd.DataFrame) -> pd.DataFrame:
    """One line per table failing as a whole: its printed totals, no row_index, the province
    named as its rows name it."""
    if findings is None or findings.empty:
        return pd.DataFrame()
    lines = findings.rename(columns={"flag": "flags"}).copy()
    printed = [json.loads(p) if isinstance(p, str) and p else {} for p in lines["printed"]]
    for number in ("total", "established", "not_established"):
        lines[number] = pd.array([p.get(number) for p in printed], dtype="Int64")
    province = rows.drop_duplicates("province_code").set_index("province_code")["province"]
    lines["province"] = lines["province_code"].map(province).fillna("")
    lines["district_code"] = ""
    return lines.drop(columns=["printed", "column_sums"])


def _in_conflict(rows: pd.DataFrame, progress: pd.DataFrame | None) -> pd.Series:
    """Rows whose district (or province-level) key is a `conflict` in progress."""
    rows["_conflict"] = False
    if progress is None or progress.empty:
        return rows["_conflict"]
    key = ["indicator", "period", "province_code", "district_code"]
    bad = progress.loc[progress["status"] == "conflict", key].astype(str)
    keys = set(map(tuple, bad.to_numpy()))
    rows["_conflict"] = [tuple(k) in keys for k in rows[key].fillna("").astype(str).to_numpy()]
    return rows["_conflict"]


def _why(flags: object, conflict: bool) -> str:
    labels = [FLAG_LABELS[f] for f in split_flags(flags) if f in FLAG_LABELS]
    labels += [FLAG_LABELS["conflict"]] if conflict else []
    return "; ".join(labels) or FLAG_LABELS["low_confidence"]


def _source_names(files: pd.DataFrame | None) -> dict[str, str]:
    if files is None or files.empty or "source_name" not in files:
        return {}
    first = files.sort_values("source_name").drop_duplicates("file_id")
    return dict(zip(first["file_id"].astype(str), first["source_name"], strict=True))


def _raw_paths_from(files: pd.DataFrame | None) -> dict[str, str]:
    if files is None or files.empty or "raw_path" not in files:
        return {}
    known = files[files["raw_path"].fillna("") != ""]
    return dict(zip(known["file_id"].astype(str), known["raw_path"].astype(str), strict=True))
