"""One exception hierarchy. Each class carries the reason code written to quarantine/<name>.error.json."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class SarabanError(Exception):
    """Base class. `reason` lands in files.reason and the quarantine file; messages are Thai + English."""

    reason = "processing_error"
    message_th = "ประมวลผลไฟล์ไม่สำเร็จ"
    transient = False
    stops_run = False  # True: not the file's fault (the disk, the home); the run stops, no file is quarantined

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


class NotARegularFileError(SarabanError):
    """Not a regular file (a symbolic link, device, FIFO or socket), so it is never opened. Copy the
    document itself, not a link to it, into the inbox."""

    reason = "not_a_regular_file"
    message_th = "ไม่ใช่ไฟล์ปกติ (เป็นลิงก์ อุปกรณ์ หรือ FIFO) ระบบจึงไม่เปิดอ่าน กรุณาคัดลอกตัวไฟล์เอกสารจริงมาวางในกล่องรับแทน"


class IgnoredNameError(SarabanError):
    """The name marks a hidden, lock or unfinished file (it starts with '.' or '~$', or ends with .part,
    .crdownload, .tmp or .error.json), so it stays in the inbox unread. Rename it if it is a document."""

    reason = "ignored_name"
    message_th = ("ชื่อไฟล์เป็นแบบไฟล์ซ่อน ไฟล์ล็อก หรือไฟล์ที่ยังคัดลอกไม่เสร็จ ระบบจึงไม่อ่าน "
                  "หากเป็นเอกสารที่ต้องประมวลผล กรุณาเปลี่ยนชื่อไฟล์")


class DiskFullError(SarabanError):
    """The disk is full. Free some space (or move the home to a bigger disk) and run again: the
    originals are still in the inbox and the last published dataset is intact."""

    reason = "disk_full"
    message_th = ("พื้นที่ดิสก์เต็ม กรุณาลบไฟล์ที่ไม่ใช้หรือย้ายไปดิสก์ที่ใหญ่กว่า แล้วสั่งประมวลผลอีกครั้ง "
                  "ไฟล์ต้นฉบับยังอยู่ในกล่องรับครบ")
    stops_run = True


_NO_SPACE = (errno.ENOSPC, errno.EDQUOT)


def disk_full_error(error: BaseException, where: Path | None = None) -> DiskFullError | None:
    """The DiskFullError for an OSError ENOSPC/EDQUOT, also when it is the cause of `error`; else None.
    For whatever catches a run's failure (the flow, the CLI): a full disk then reads as one line.
    `where` names the folder being written when the OSError has no file name (a failed write())."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskFullError):
            return current
        if isinstance(current, OSError) and current.errno in _NO_SPACE:
            return DiskFullError(f"no space left on the disk{_holding(current, where)} ({current.strerror})")
        current = current.__cause__ or current.__context__
    return None


def _holding(error: OSError, where: Path | None) -> str:
    folder = str(Path(os.fsdecode(error.filename)).parent) if error.filename else str(where or "")
    return f" holding {folder if folder.isprintable() else repr(folder)}" if folder else ""


@contextmanager
def disk_full_raised(where: Path | None = None) -> Iterator[None]:
    """Inside the block, an OSError for a full disk becomes DiskFullError (one line, no trace)."""
    try:
        yield
    except OSError as error:
        full = disk_full_error(error, where)
        if full is None:
            raise
        raise full from error


class HomeMissingError(SarabanError):
    """There is no Saraban home at this path. Check --home or $SARABAN_HOME; only `saraban ingest`,
    `saraban demo` and `saraban serve` create a home."""

    reason = "home_missing"
    message_th = ("ไม่พบโฟลเดอร์ Saraban ตามที่ระบุ กรุณาตรวจสอบ --home หรือ $SARABAN_HOME "
                  "(สร้างโฟลเดอร์ใหม่ได้ด้วย saraban ingest, demo หรือ serve เท่านั้น)")


class ReadOnlyQueryError(SarabanError):
    """`saraban query` only reads: SELECT (or EXPLAIN of one). Use the CLI commands to change data."""

    reason = "write_refused"
    message_th = "คำสั่ง query อ่านข้อมูลได้อย่างเดียว (SELECT) กรุณาใช้คำสั่งอื่นของ saraban เพื่อแก้ไขข้อมูล"


class OneStatementError(ReadOnlyQueryError):
    """`saraban query` runs one statement per call. Run each statement on its own."""

    reason = "one_statement"
    message_th = "คำสั่ง query รันได้ครั้งละหนึ่งคำสั่ง กรุณาแยกรันทีละคำสั่ง"


class FileAccessRefusedError(ReadOnlyQueryError):
    """A query reads the published dataset only: no other file, folder, URL or database. Export the
    dataset (`saraban export`) to combine it with other files."""

    reason = "file_access_refused"
    message_th = ("คำสั่ง query อ่านได้เฉพาะชุดข้อมูลที่เผยแพร่แล้ว ไม่อ่านไฟล์อื่น "
                  "หากต้องการใช้ร่วมกับไฟล์อื่น กรุณาใช้ saraban export")


class QuerySqlError(SarabanError):
    """The SQL could not be run (a syntax error, or a table or column that does not exist). Fix the SQL;
    the tables are listed by `saraban query "SHOW TABLES"`."""

    reason = "sql_error"
    message_th = "คำสั่ง SQL ไม่ถูกต้อง (ไวยากรณ์ผิด หรือไม่มีตาราง/คอลัมน์นี้) กรุณาแก้ไขแล้วลองใหม่"


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


def is_disk_full(error: BaseException) -> bool:
    """An OSError saying the disk (or the quota) is full, itself or as the cause of `error`; DuckDB
    raises its own IOException carrying the OS's text, so that counts too."""
    if disk_full_error(error) is not None:
        return True
    seen: BaseException | None = error
    for _ in range(10):  # a cause chain is short; the bound only guards against a cycle
        if seen is None:
            return False
        if _NO_SPACE_TEXT in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


_NO_SPACE_TEXT = os.strerror(errno.ENOSPC)  # "No space left on device"
