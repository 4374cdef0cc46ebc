"""`saraban export --format pdf`: searchable copies carrying Saraban's text (F9).

A scanned Thai letter (JPEG, in a sub-folder) and a scanned report form (image-only PDF), both
with Thai-digit numbers and a slight skew, plus an Excel form, go through `saraban ingest`; the
exported copies are read back with poppler's `pdftotext`, as a viewer's Ctrl-F reads them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from pipeline.publish.pdf_copies import output_name
from pipeline.synth.demo import write_xlsx_form
from pipeline.synth.pages import Scan, degrade, draw_lines
from pipeline.synth.tables import FormRow, render_report_form, save_pdf
from pipeline.thai.chars import THAI_DIGITS, to_arabic
from tests.conftest import run_cli

LETTER = [
    "ที่ มท ๐๘๑๐.๗/ว ๔๓๕",
    "                                         ๑๙ มีนาคม ๒๕๖๑",
    "เรื่อง  การจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
    "เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด",
    "\tตามที่กรมส่งเสริมการปกครองท้องถิ่นได้กำหนดตัวชี้วัดที่ ๔.๒ ให้จัดตั้งศูนย์ จำนวน ๘๗๘ แห่ง",
    "ภายในวันที่ ๒๙ กันยายน ๒๕๖๑ จึงขอให้รายงานผลทุกวันที่ ๑๕ ของเดือน",
]
LETTER_NUMBERS = ["0810.7", "435", "2561", "878", "29"]
LETTER_WORDS = ["ผู้ว่าราชการจังหวัด", "กันยายน", "จำนวน", "กำหนด"]  # ำ words: one glyph each, or Ctrl-F misses them
FORM_ROWS = [FormRow("1", "เมืองตาก", 15, 12, 3), FormRow("2", "บ้านตาก", 7, 6, 1),
             FormRow("3", "สามเงา", 6, 4, 2), FormRow("4", "แม่สอด", 19, 17, 2)]
FORM_TITLE = ["แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
              "จังหวัดตาก ประจำเดือน มีนาคม ๒๕๖๑"]


def _inbox(inbox: Path) -> None:
    (inbox / "ตาก").mkdir(parents=True)
    letter = degrade(draw_lines(LETTER), Scan(angle=0.7, noise=5, blur=0.4, seed=4))
    letter.convert("RGB").save(inbox / "ตาก" / "img018.jpg", dpi=(300, 300), quality=90)
    form = render_report_form(FORM_ROWS, FORM_TITLE, totals=(47, 39, 8), dpi=200, skew_degrees=0.6,
                              noise=0.002, seed=2)
    save_pdf([form], inbox / "SCAN_0021.pdf", dpi=200)
    write_xlsx_form(inbox / "ฟอร์ม.xlsx")


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sources")
    _inbox(folder)
    return folder


@pytest.fixture(scope="module")
def home(sources: Path, tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("pdfhome") / "home"
    shutil.copytree(sources, home / "inbox")
    run_cli("ingest", "--quiet", home=home)
    return home


@pytest.fixture(scope="module")
def exported(home: Path, tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("pdfout")
    result = run_cli("export", "--format", "pdf", "--out", str(out), home=home)
    return out, result.stdout


def _text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFC", text)


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    with pikepdf.open(pdf) as doc:
        return [(round(float(p.mediabox[2]) - float(p.mediabox[0]), 1),
                 round(float(p.mediabox[3]) - float(p.mediabox[1]), 1)) for p in doc.pages]


@pytest.mark.slow
def test_copies_are_named_as_dropped_and_xlsx_gets_none(exported: tuple[Path, str]) -> None:
    out, _ = exported
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["SCAN_0021.pdf", "ตาก/img018.pdf"]
    assert "unverified" not in exported[1]  # every page's turn and deskew found again exactly


@pytest.mark.slow
def test_letter_copy_finds_its_numbers_in_thai_digits_and_its_words(exported: tuple[Path, str],
                                                                   sources: Path) -> None:
    out, _ = exported
    copy = out / "ตาก" / "img018.pdf"
    text = _text(copy)
    folded = to_arabic(text)
    assert all(n in folded for n in LETTER_NUMBERS), text
    assert "๐๘๑๐.๗/ว" in text and "๘๗๘" in text  # printed in Thai digits, so written so
    assert all(w in text for w in LETTER_WORDS), text
    with Image.open(sources / "ตาก" / "img018.jpg") as image:
        expected = (round(image.width * 72 / 300, 1), round(image.height * 72 / 300, 1))
    assert _page_sizes(copy) == [expected]


@pytest.mark.slow
def test_form_copy_has_every_count_on_its_row(exported: tuple[Path, str], sources: Path) -> None:
    out, _ = exported
    copy = out / "SCAN_0021.pdf"
    lines = [to_arabic(line).split() for line in _text(copy).splitlines()]
    for row in [*FORM_ROWS, FormRow("", "รวม", 47, 39, 8)]:
        wanted = [row.label, str(row.total), "แห่ง", str(row.established), "แห่ง", str(row.not_established)]
        assert any(_in_order(line, wanted) for line in lines), (row, _text(copy))
    assert any(c in _text(copy) for c in THAI_DIGITS)
    assert _page_sizes(copy) == _page_sizes(sources / "SCAN_0021.pdf")


def _words_on_ink(pdf: Path, page: Image.Image) -> float:
    """Share of the layer's words whose box, on the original page image, holds printed ink."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    width_pt = float(re.search(r'<page width="([\d.]+)"', xml).group(1))
    scale = page.width / width_pt
    gray = np.asarray(page.convert("L"))
    boxes = [[float(v) * scale for v in m] for m in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', xml)]
    inked = [(gray[int(y0):int(y1) + 1, int(x0):int(x1) + 1] < 128).mean() > 0.02 for x0, y0, x1, y1 in boxes]
    return sum(inked) / max(len(inked), 1)


@pytest.mark.slow
def test_the_words_lie_on_the_printed_text(exported: tuple[Path, str], sources: Path) -> None:
    out, _ = exported
    with Image.open(sources / "ตาก" / "img018.jpg") as letter:
        assert _words_on_ink(out / "ตาก" / "img018.pdf", letter) >= 0.95
    form = pdfium.PdfDocument(sources / "SCAN_0021.pdf")[0].render(scale=200 / 72).to_pil()
    assert _words_on_ink(out / "SCAN_0021.pdf", form) >= 0.95


def _in_order(tokens: list[str], wanted: list[str]) -> bool:
    rest = iter(tokens)
    return all(any(t == w for t in rest) for w in wanted)


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["missing", "truncated"])
def test_a_bad_original_is_reported_and_skipped_and_originals_untouched(home: Path, tmp_path: Path,
                                                                       damage: str) -> None:
    copy_home = tmp_path / "home"
    shutil.copytree(home, copy_home)
    [pdf] = (copy_home / "raw").glob("*.pdf")
    if damage == "missing":
        pdf.unlink()
    else:
        pdf.write_bytes(pdf.read_bytes()[:300])
    before = {p.name: p.read_bytes() for p in (copy_home / "raw").iterdir()}
    out = tmp_path / "out"
    result = run_cli("export", "--format", "pdf", "--out", str(out), home=copy_home)
    reason = "original missing in raw/" if damage == "missing" else "original unreadable"
    assert f"skipped SCAN_0021.pdf: {reason}" in result.stdout, result.stdout
    assert (out / "ตาก" / "img018.pdf").is_file() and not (out / "SCAN_0021.pdf").exists()
    assert {p.name: p.read_bytes() for p in (copy_home / "raw").iterdir()} == before


def test_output_name_keeps_folders_and_makes_the_extension_pdf() -> None:
    assert str(output_name("SCAN_0021.pdf")) == "SCAN_0021.pdf"
    assert str(output_name("img018.jpg")) == "img018.pdf"
    assert str(output_name("ตาก/รายงาน.TIFF")) == "ตาก/รายงาน.pdf"
    assert str(output_name("scan")) == "scan.pdf"
    assert output_name("../escape.pdf") is None
    assert output_name("/etc/passwd") is None
