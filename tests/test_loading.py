"""Loaders on real inputs and on the bad ones staff actually drop."""

import subprocess
from pathlib import Path

import numpy as np
import openpyxl
import pypdfium2 as pdfium
import pytest
from conftest import SAMPLES
from PIL import Image

from pipeline.config import Settings
from pipeline.errors import (
    CorruptImageError,
    CorruptPdfError,
    EmptyFileError,
    EncryptedPdfError,
    TooLargeError,
    UnsupportedTypeError,
)
from pipeline.loading import load_document
from pipeline.synth.pages import draw_lines, save_pdf
from pipeline.thai.text_layer import judge_text_layer

INBOX = SAMPLES / "inbox"


def load(path: Path, **limits):
    return load_document(path, "id", Settings(**limits), source_name=path.name)


def test_born_digital_pdf_keeps_its_text_layer() -> None:
    doc = load(INBOX / "saraban_011.pdf")
    page = doc.pages[0]
    assert (doc.media, page.source) == ("pdf", "text_layer")
    assert "ที่ มท 0809.2/ว 801" in page.text  # Arabic digits after normalisation
    assert not doc.ocr_used


def test_scanned_pdf_pages_are_rasterised_for_ocr() -> None:
    doc = load(INBOX / "SCAN_0001.pdf", dpi=200)
    assert [p.source for p in doc.pages] == ["ocr", "ocr"]
    assert doc.pages[0].image.ndim == 2 and doc.pages[0].dpi == 200
    assert doc.pages[0].image.shape[1] == pytest.approx(595 * 200 / 72, abs=2)


@pytest.mark.parametrize("text, verdict", [
    pytest.param("เรื่อง การจัดตั้งศูนย์ช่วยเหลือประชาชน จำนวน 878 ศูนย์", "sound", id="real-thai"),
    pytest.param("(cid:12)(cid:44)(cid:7)(cid:9) (cid:3)(cid:18)", "ocr", id="cid-codes"),
    pytest.param("เร ื่อง ก ิจ การ ่ของ " * 20, "ocr", id="scrambled-marks"),
    pytest.param("กรมส่งเสริมการปกครองท้องถิ่นดาเนินการตามหนังสือ " * 12, "repairable", id="no-sara-am"),
    # LibreOffice's export of a drafted letter: ำ as its two glyphs (ำา), marks out of order
    pytest.param("ได้กำาหนดตัวชวี้ ัด ประจำาปี จำานวน 878 ศูนย์ เร่อื ง การจัดตงั้ " * 3, "ocr", id="per-glyph-sara-am"),
])
def test_text_layer_verdict(text: str, verdict: str) -> None:
    assert judge_text_layer(text).verdict.verdict == verdict


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "SCAN_0012.pdf").write_bytes(b"")
    with pytest.raises(EmptyFileError) as err:
        load(tmp_path / "SCAN_0012.pdf")
    assert err.value.reason == "empty_file" and "SCAN_0012.pdf" in str(err.value)


def test_encrypted_pdf_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(EncryptedPdfError) as err:
        load(INBOX / "saraban_013.pdf")
    assert err.value.reason == "encrypted_pdf" and "qpdf --decrypt" in (err.value.__doc__ or "")


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    broken = tmp_path / "cut.pdf"
    broken.write_bytes((INBOX / "saraban_011.pdf").read_bytes()[:3000])
    with pytest.raises(CorruptPdfError):
        load(broken)


@pytest.mark.parametrize("name, content", [
    pytest.param("memo.docx", b"PK\x03\x04not-a-workbook", id="zip-not-xlsx"),
    pytest.param("notes.txt", "บันทึกข้อความ".encode(), id="plain-text"),
    pytest.param("scan.pdf.exe", b"MZ\x90\x00", id="executable"),
])
def test_unsupported_types(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(UnsupportedTypeError):
        load(tmp_path / name)


def test_corrupt_image(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 50)
    with pytest.raises(CorruptImageError):
        load(tmp_path / "photo.jpg")


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    # 12000 × 12000 px of white compresses to a few hundred KB but would need 144 MB of memory.
    Image.new("L", (12000, 12000), 255).save(tmp_path / "bomb.png", optimize=True)
    with pytest.raises(TooLargeError) as err:
        load(tmp_path / "bomb.png", max_pixels=50_000_000)
    assert err.value.reason == "too_large"


def test_two_thousand_page_pdf_is_refused_without_rendering(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    for _ in range(2000):
        pdf.new_page(595, 842)
    pdf.save(tmp_path / "huge.pdf")
    with pytest.raises(TooLargeError, match="2000 pages"):
        load(tmp_path / "huge.pdf", max_pages=500)


def test_multipage_tiff_gives_every_frame(tmp_path: Path) -> None:
    frames = [draw_lines([f"หน้า {i}"], dpi=100) for i in (1, 2, 3)]
    frames[0].save(tmp_path / "fax.tif", save_all=True, append_images=frames[1:], dpi=(100, 100))
    doc = load(tmp_path / "fax.tif")
    assert doc.media == "image" and [p.number for p in doc.pages] == [1, 2, 3]
    assert all(p.source == "ocr" and p.dpi == 100 for p in doc.pages)


def test_xlsx_merged_cells_resolve_to_their_value(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["แบบรายงาน ประจำเดือน มกราคม พ.ศ. ๒๕๖๑"])
    sheet.merge_cells("A1:D1")
    sheet.append(["ที่", "อำเภอ", "จำนวนศูนย์", None])
    sheet.merge_cells("C2:D2")
    sheet.append(["๑", "ลับแล", 10.0, "๒"])
    book.save(tmp_path / "form.xlsx")
    page = load(tmp_path / "form.xlsx").pages[0]
    assert page.grid[0] == ["แบบรายงาน ประจำเดือน มกราคม พ.ศ. ๒๕๖๑"] * 4
    assert page.grid[1][2:] == ["จำนวนศูนย์", "จำนวนศูนย์"]
    assert page.grid[2] == ["๑", "ลับแล", "10", "๒"]
    assert page.text.splitlines()[0] == "แบบรายงาน ประจำเดือน มกราคม พ.ศ. 2561"  # once, Arabic digits


def test_rendered_scan_pdf_roundtrip(tmp_path: Path) -> None:
    path = save_pdf([draw_lines(["ทดสอบ"], dpi=150)], tmp_path / "scan.pdf", dpi=150)
    page = load(path, dpi=150).pages[0]
    assert page.source == "ocr" and np.asarray(page.image).min() < 100


def test_password_pdf_made_with_qpdf(tmp_path: Path) -> None:
    plain = save_pdf([draw_lines(["ลับ"], dpi=100)], tmp_path / "plain.pdf", dpi=100)
    locked = tmp_path / "locked.pdf"
    subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", str(plain), str(locked)], check=True)
    with pytest.raises(EncryptedPdfError):
        load(locked)


def test_a_photo_page_owns_its_pixels(tmp_path: Path) -> None:
    """Stages clean pixels in place (a stamp box read alone writes its cleaned crop back); on a
    JPEG no deskew had copied, the page image was PIL's read-only buffer and that stage failed
    (seen on a generated photo, seed 907: partial, internal_error)."""
    draw_lines(["เลขรับ ๑๒๓๔", "วันที่ ๑๓ ก.พ. ๒๕๖๑"]).convert("L").save(tmp_path / "stamp.jpg", quality=90)
    [page] = load(tmp_path / "stamp.jpg").pages
    page.image[0:10, 0:10] = 0
    assert page.image.flags.writeable and int(page.image[:10, :10].max()) == 0
