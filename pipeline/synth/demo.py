"""Example inbox files, generated so a fresh install has something real to process.

A scanned DLA circular that sets KPI 4.2 (878 joint centres) and a province's returned
help-centre form as Excel. Place names and codes come from the geothai gazetteer; the
numbers are made up but add up (except where a flag is meant to show).
"""

from __future__ import annotations

from pathlib import Path

import geothai
import openpyxl
from openpyxl.styles import Alignment, Font

from pipeline.synth.pages import Scan, degrade, draw_lines, save_pdf
from pipeline.thai.chars import to_thai

CIRCULAR = [
    "ด่วนที่สุด",
    "ที่ มท ๐๘๑๐.๗/ว ๑๐๕๕                        กรมส่งเสริมการปกครองท้องถิ่น",
    "                                        ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐",
    "                                                ๒๖ กุมภาพันธ์ ๒๕๖๑",
    "เรื่อง  เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน",
    "        ขององค์กรปกครองส่วนท้องถิ่น",
    "เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด",
    "อ้างถึง  หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๗/ว ๔๓๕",
    "        ลงวันที่ ๑๔ กุมภาพันธ์ ๒๕๖๑",
    "\tตามที่กรมส่งเสริมการปกครองท้องถิ่นได้กำหนดตัวชี้วัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๑",
    "ตัวชี้วัดที่ ๔.๒ การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครอง",
    "ส่วนท้องถิ่น (สถานที่กลาง) จำนวน ๘๗๘ ศูนย์ ภายในเดือนเมษายน ๒๕๖๑",
    "\tจึงขอให้จังหวัดรายงานผลการดำเนินงานภายในวันที่ ๓๐ มีนาคม ๒๕๖๑",
    "\tจึงเรียนมาเพื่อโปรดพิจารณา",
    "                                                  ขอแสดงความนับถือ",
    "",
    "                                              (นายสมชาย ใจดี)",
    "                                   อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
]

# (total, established) per district of Lamphun (51), in gazetteer order.
_LAMPHUN_COUNTS = [(14, 12), (7, 5), (6, 6), (9, 4), (5, 5), (8, 3), (4, 4), (3, 1)]


def write_circular(path: Path) -> Path:
    page = degrade(draw_lines(CIRCULAR, size_pt=15), Scan(angle=0.4, noise=6, blur=0.5, seed=7))
    return save_pdf([page], path)


def write_xlsx_form(path: Path, province_code: str = "51") -> Path:
    province = geothai.province(province_code)
    districts = geothai.districts(province_code)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "รายงาน"
    title = ("แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น"
             f" ประจำเดือน มีนาคม พ.ศ. ๒๕๖๑ จังหวัด{province.name_th}")
    sheet.append([title])
    sheet.merge_cells("A1:F1")
    sheet.append(["ที่", "อำเภอ", "จำนวน อปท.ทั้งหมด (แห่ง)", "จัดตั้งแล้ว (แห่ง)", "ยังไม่จัดตั้ง (แห่ง)", "ปัญหา/อุปสรรค"])
    for i, (district, (total, done)) in enumerate(zip(districts, _LAMPHUN_COUNTS, strict=False), 1):
        sheet.append([to_thai(str(i)), district.name_th, total, done, total - done, "-"])
    sums = [sum(t for t, _ in _LAMPHUN_COUNTS), sum(d for _, d in _LAMPHUN_COUNTS)]
    sheet.append(["", "รวม", sums[0], sums[1], sums[0] - sums[1], ""])
    for cell in sheet[1] + sheet[2]:
        cell.font, cell.alignment = Font(bold=True), Alignment(wrap_text=True)
    book.save(path)
    return path


def write_demo_inbox(inbox: Path) -> list[Path]:
    inbox.mkdir(parents=True, exist_ok=True)
    return [write_circular(inbox / "หนังสือเวียน_ว1055.pdf"),
            write_xlsx_form(inbox / "รายงานศูนย์ช่วยเหลือ_ลำพูน_256103.xlsx")]
