"""A small national dataset for drafting the follow-up letter, built from digital inputs only.

- The circular that set KPI 4.2 (มท 0810.7/ว 435, 14 Feb 2561): a born-digital PDF, laid out by
  the drafting code's own letter layout and converted by LibreOffice (a text layer, no OCR).
- Two national joint-centre report workbooks (Feb and Mar 2561), one row per province, totals
  the gazetteer's district counts. In March: BEHIND report fewer centres than districts, the
  MISSING_* provinces send no report (two carried from February, two never reported) and
  COMPLETE_IN_FEB, complete in February, sends none (nothing to chase).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import duckdb
import geothai
import openpyxl

from pipeline.dataset.build import rebuild_dataset
from pipeline.dataset.storage import create_schema, write_extraction, write_file_row
from pipeline.drafting.docx_base import Type, new_letter
from pipeline.drafting.letter_layout import LetterParts, write_letter
from pipeline.drafting.pdf import docx_to_pdf
from pipeline.thai.chars import to_thai

PERIOD = "2018-03"
BEHIND = {"24": 5, "20": 0, "57": 10, "90": 12}  # province → established in March (ฉะเชิงเทรา ชลบุรี เชียงราย สงขลา)
MISSING_CARRIED = {"63": 3, "73": 2}  # established in February (ตาก นครปฐม)
MISSING_NEVER = ("91", "58")  # สตูล แม่ฮ่องสอน
COMPLETE_IN_FEB = "50"  # เชียงใหม่
_TITLE = "แบบรายงานความคืบหน้าการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"
_HEAD = ["ลำดับที่", "จังหวัด", "จำนวนทั้งหมด (แห่ง)", "จัดตั้งแล้ว (แห่ง)", "ยังไม่ได้จัดตั้ง (แห่ง)", "หมายเหตุ"]

CIRCULAR = LetterParts(
    urgency="ด่วนที่สุด", number="มท ๐๘๑๐.๗/ว ๔๓๕", office="กรมส่งเสริมการปกครองท้องถิ่น",
    address="ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐", date="๑๔ กุมภาพันธ์ ๒๕๖๑",
    subject="การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
    addressee="ผู้ว่าราชการจังหวัด ทุกจังหวัด",
    body=["ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้กำหนดตัวชี้วัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๑ ตัวชี้วัดที่ ๔.๒ "
          "การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) "
          "จำนวน ๘๗๘ ศูนย์ ภายในเดือนเมษายน ๒๕๖๑",
          "จึงขอให้จังหวัดแจ้งสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเร่งรัดการดำเนินการ "
          "และรายงานผลให้กรมส่งเสริมการปกครองท้องถิ่นทราบทุกวันที่ ๑๕ ของเดือน",
          "จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการ"],
    closing="ขอแสดงความนับถือ", signatory="นายสมชาย ใจดี",
    position=["อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"],
    footer=["กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น", "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๒๓๑๒"],
)


def write_circular(path: Path) -> Path:
    doc = new_letter(Type("TH SarabunPSK", 16))
    write_letter(doc, CIRCULAR)
    out = io.BytesIO()
    doc.save(out)
    path.write_bytes(docx_to_pdf(out.getvalue(), path.stem).pdf)
    return path


def district_count(code: str) -> int:
    return len(geothai.districts(code))


def provinces() -> list[str]:
    return [p.code for p in geothai.provinces() if p.code != "10"]


def established(code: str, month: str) -> int | None:
    """The established count a province reports for `month`, None when it sends no report."""
    total = district_count(code)
    if code in MISSING_NEVER:
        return None
    if month == "2018-02":
        return MISSING_CARRIED.get(code, max(0, BEHIND.get(code, total) - 1) if code in BEHIND else total)
    if code in MISSING_CARRIED or code == COMPLETE_IN_FEB:
        return None
    return BEHIND.get(code, total)


def write_report(path: Path, month: str, thai_month: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for line in (_TITLE, f"ประจำเดือน {thai_month}"):
        sheet.append([line])
    sheet.append(_HEAD)
    number = 0
    for code in provinces():
        done = established(code, month)
        if done is None:
            continue
        number += 1
        total = district_count(code)
        sheet.append([to_thai(str(number)), geothai.province(code).name_th, total, done, total - done, ""])
    book.save(path)
    return path


def write_inputs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_circular(folder / "ว435.pdf"),
            write_report(folder / "รายงาน_256102.xlsx", "2018-02", "กุมภาพันธ์ พ.ศ. ๒๕๖๑"),
            write_report(folder / "รายงาน_256103.xlsx", "2018-03", "มีนาคม พ.ศ. ๒๕๖๑")]


def ingest(paths: list[Path], database: Path, work: Path) -> duckdb.DuckDBPyConnection:
    """Saraban's per-file pipeline on each input, stored and reconciled (no Prefect, no inbox)."""
    from flows.process import process_file

    conn = duckdb.connect(str(database))
    create_schema(conn)
    for path in paths:
        doc, extraction = process_file(path, work)
        write_file_row(conn, {"file_id": doc.file_id, "source_name": path.name, "status": "processed",
                              "pages": len(doc.pages), "media": doc.media,
                              "ingested_at": dt.datetime(2018, 3, 20)})
        write_extraction(conn, doc, extraction)
    rebuild_dataset(conn)
    return conn
