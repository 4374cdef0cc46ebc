"""The interface's words: Thai first, with the English term analysts search for beside it."""

from __future__ import annotations

import datetime as dt

from pipeline import errors

INDICATORS = {
    "help_centre": "ศูนย์ช่วยเหลือประชาชนของ อปท.",
    "joint_centre": "ศูนย์ปฏิบัติการร่วม (สถานที่กลาง)",
}
INDICATOR_UNITS = {"help_centre": "อปท.", "joint_centre": "อำเภอ"}  # what `total` counts

PROVINCE_STATUS = {
    "on_track": "ตามเป้า",
    "behind": "ล่าช้า",
    "conflict": "ข้อมูลขัดแย้ง",
    "needs_review": "รอตรวจสอบ",
    "not_reporting": "ไม่รายงาน",
}
# pages.text_source: where a page's text came from.
TEXT_SOURCES = {
    "text_layer": "ชั้นข้อความของไฟล์ ใช้ได้ตามเดิม (sound text layer)",
    "repaired": "ชั้นข้อความของไฟล์ ซ่อมแล้ว (text layer, repaired)",
    "ocr": "อ่านจากภาพด้วย OCR (OCR)",
    "sheet": "เซลล์ของแผ่นงาน Excel (sheet)",
}
PROGRESS_STATUS = {"ok": "ปกติ", "conflict": "ข้อมูลขัดแย้ง", "needs_review": "รอตรวจสอบ"}

# Flags in words (reconcile.FAILING_FLAGS and the informational ones).
FLAGS = {
    "sum_mismatch": "ผลรวมไม่ตรง: จัดตั้งแล้ว + ยังไม่จัดตั้ง ≠ ทั้งหมด",
    "total_row_mismatch": "แถวรวมไม่เท่ากับผลรวมของแถวในตาราง",
    "duplicate_row_number": "ลำดับที่ซ้ำกับแถวอื่น",
    "name_corrected": "ชื่อพื้นที่สะกดต่างจากทะเบียน จึงจับคู่ให้ใกล้ที่สุด",
    "province_conflict": "จังหวัดในตารางไม่อยู่ในรายชื่อของหนังสือ",
    "count_mismatch": "จำนวนไม่ตรงกับทะเบียนพื้นที่หรือหนังสือ",
    "low_confidence": "อ่านตัวเลขได้ไม่มั่นใจ",
    "digit_repaired": "ตัวเลขถูกซ่อมจากการอ่านซ้ำ",
    "period_inferred": "เดือนที่รายงานอนุมานจากวันที่ของหนังสือนำส่ง",
    "period_conflict": "วันที่บนหน้าตารางขัดกับวันที่ของหนังสือนำส่ง (อ่านผิดฝั่งหนึ่ง)",
    "place_inferred": "อ่านชื่อพื้นที่ไม่ได้ จึงอนุมานอำเภอจากลำดับแถวในตาราง",
    "place_unread": "อ่านชื่ออำเภอของแถวไม่ได้ และอนุมานจากลำดับแถวไม่ได้",
    "implausible_date": "วันที่ของหนังสือไม่สอดคล้องกับวันที่ที่อ้างถึง",
    "year_completed": "ปีของวันที่หนังสืออ่านซ้ำจากวันที่ที่อ้างถึง",
    "reviewed": "เจ้าหน้าที่ตรวจแล้ว",
    "corrected": "มีการแก้ไขโดยเจ้าหน้าที่",
}
FIELDS = {
    "total": "ทั้งหมด (total)",
    "established": "จัดตั้งแล้ว (established)",
    "not_established": "ยังไม่จัดตั้ง (not established)",
    "district_code": "รหัสอำเภอ (district_code)",
    "province_code": "รหัสจังหวัด (province_code)",
    "period": "เดือนที่รายงาน (period)",
    "unit_label": "หน่วยงาน (unit_label)",
    "remark": "หมายเหตุ (remark)",
    "reviewed": "ตรวจแล้ว (reviewed)",
}
FILE_STATUS = {"processed": "ประมวลผลแล้ว", "partial": "ประมวลผลได้บางส่วน",
               "quarantined": "กักไว้ (quarantined)", "duplicate": "ไฟล์ซ้ำ"}
LETTER_KINDS = {"letter": "หนังสือภายนอก/หนังสือเวียน", "memo": "บันทึกข้อความ"}
_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def _all_errors() -> list[type[errors.SarabanError]]:
    found, todo = [], [errors.SarabanError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def reason_th(reason: str | None) -> str:
    """The Thai message pipeline/errors.py gives a quarantine reason code."""
    by_code = {cls.reason: cls.message_th for cls in _all_errors()}
    return by_code.get(reason or "", by_code["processing_error"] if reason else "")


def flag_words(flags: str | None) -> list[tuple[str, str]]:
    return [(f, FLAGS.get(f, f)) for f in (flags or "").split(";") if f]


def period_th(period: str | None) -> str:
    """2017-06 → มิ.ย. 2560 (Buddhist era, as staff write it)."""
    if not period or len(period) < 7:
        return period or ""
    year, month = int(period[:4]), int(period[5:7])
    return f"{_MONTHS[month - 1]} {year + 543}"


def date_th(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year + 543}"
