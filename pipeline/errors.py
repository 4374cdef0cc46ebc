"""One exception hierarchy. Each class carries the reason code written to quarantine/<name>.error.json."""

from __future__ import annotations

import errno
import os


class SarabanError(Exception):
    """Base class. `reason` lands in files.reason and the quarantine file; messages are Thai + English."""

    reason = "processing_error"
    message_th = "ประมวลผลไฟล์ไม่สำเร็จ"
    transient = False

    def __init__(self, message: str = "", *, page: int | None = None) -> None:
        super().__init__(message or self.__doc__ or self.reason)
        self.page = page

    @property
    def message(self) -> str:
        return str(self)


class EmptyFileError(SarabanError):
    """The file has zero bytes. Re-scan or re-save it and drop it into the inbox again."""

    reason = "empty_file"
    message_th = "ไฟล์ว่างเปล่า (0 ไบต์) กรุณาสแกนหรือบันทึกใหม่แล้ววางในกล่องรับอีกครั้ง"


class UnsupportedTypeError(SarabanError):
    """Not a PDF, image (PNG/JPEG/TIFF) or Excel (.xlsx) file."""

    reason = "unsupported_type"
    message_th = "ไม่รองรับชนิดไฟล์นี้ (รองรับ PDF, PNG, JPEG, TIFF และ XLSX)"


class CorruptPdfError(SarabanError):
    """The PDF cannot be opened; it is damaged or truncated. Re-export or re-scan it."""

    reason = "corrupt_pdf"
    message_th = "ไฟล์ PDF เสียหายหรือไม่สมบูรณ์ กรุณาสแกนหรือส่งออกใหม่"


class EncryptedPdfError(SarabanError):
    """The PDF is password-protected. Remove the password (e.g. `qpdf --decrypt --password=PW in.pdf out.pdf`)
    and drop the decrypted copy into the inbox."""

    reason = "encrypted_pdf"
    message_th = "ไฟล์ PDF มีรหัสผ่าน กรุณาถอดรหัสผ่าน (เช่น qpdf --decrypt) แล้ววางไฟล์ใหม่ในกล่องรับ"


class CorruptImageError(SarabanError):
    """The image cannot be decoded."""

    reason = "corrupt_image"
    message_th = "ไม่สามารถอ่านไฟล์ภาพได้ ไฟล์อาจเสียหาย"


class CorruptSpreadsheetError(SarabanError):
    """The spreadsheet cannot be opened. Save it again as .xlsx from Excel or LibreOffice."""

    reason = "corrupt_xlsx"
    message_th = "ไม่สามารถเปิดไฟล์ Excel ได้ กรุณาบันทึกใหม่เป็น .xlsx"


class TooLargeError(SarabanError):
    """The file exceeds a safety limit (pages, pixels or bytes). Split it and drop the parts instead."""

    reason = "too_large"
    message_th = "ไฟล์ใหญ่เกินขีดจำกัด (จำนวนหน้า พิกเซล หรือขนาด) กรุณาแบ่งไฟล์แล้ววางใหม่"


class NoTextFoundError(SarabanError):
    """No readable text on any page (blank scan, or OCR found nothing)."""

    reason = "no_text_found"
    message_th = "ไม่พบข้อความที่อ่านได้ในทุกหน้า (อาจเป็นหน้าว่างหรือสแกนไม่ชัด)"


class OcrError(SarabanError):
    """Tesseract failed or timed out on a page. Retried; quarantined if it keeps failing."""

    reason = "ocr_failed"
    message_th = "การอ่านข้อความด้วย OCR ล้มเหลว"
    transient = True


class HomeLockedError(SarabanError):
    """Another Saraban run holds this home's lock. Wait for it to finish."""

    reason = "home_locked"
    message_th = "มีการประมวลผลอื่นกำลังทำงานอยู่ในโฟลเดอร์นี้ กรุณารอให้เสร็จก่อน"


class ReadOnlyQueryError(SarabanError):
    """`saraban query` only reads. Use the CLI commands to change data."""

    reason = "write_refused"
    message_th = "คำสั่ง query อ่านข้อมูลได้อย่างเดียว"


class InternalError(SarabanError):
    """Saraban itself failed on this file (a bug, not bad input). The original is kept in raw/; the
    message carries the trace. Report it; the file is read again by the next run once fixed."""

    reason = "internal_error"
    message_th = "โปรแกรมทำงานผิดพลาดระหว่างอ่านไฟล์นี้ (ไม่ใช่ความผิดของไฟล์) เก็บต้นฉบับไว้แล้ว กรุณาแจ้งผู้ดูแลระบบ"


class NothingExtractedError(SarabanError):
    """The file was read, but no letter and no report-table row was found in it. Not raised: its
    reason marks the file for review (is it a kind of document Saraban does not know yet?)."""

    reason = "nothing_extracted"
    message_th = "อ่านไฟล์ได้ แต่ไม่พบหนังสือราชการหรือแถวรายงานในไฟล์ กรุณาตรวจสอบ"


class DiskFullError(SarabanError):
    """The disk is full. Nothing was lost: the last published dataset is intact and unfinished
    files stay in the inbox. Free some space, then run `saraban ingest` again."""

    reason = "disk_full"
    message_th = "พื้นที่ดิสก์เต็ม ข้อมูลที่เผยแพร่ล่าสุดยังอยู่ครบ กรุณาเพิ่มพื้นที่ว่างแล้วสั่ง saraban ingest อีกครั้ง"



_NO_SPACE = os.strerror(errno.ENOSPC)  # "No space left on device"


def is_disk_full(error: BaseException) -> bool:
    """An OSError saying the disk (or the quota) is full, itself or as the cause of `error`."""
    seen: BaseException | None = error
    for _ in range(10):  # a cause chain is short; the bound only guards against a cycle
        if seen is None:
            return False
        if isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if _NO_SPACE in str(seen):  # DuckDB raises its own IOException with the OS's text
            return True
        seen = seen.__cause__ or seen.__context__
    return False
