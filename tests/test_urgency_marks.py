"""A letter's urgency mark, set large at the top left beside the Garuda, read on its own.

Pages are rendered with Debian's Thai fonts, the mark in bold at 32 pt (the size the
regulations ask for) beside a dark emblem-sized blot, scanned with noise, as on the letters
whose page reading lost the mark (no text where ด่วนมาก stood).
"""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw, ImageFont

from extractors.letter_terms import urgency_mark_level
from extractors.stamp_reading import is_urgency_mark, lacks_urgency_mark
from pipeline.ocr.marks import corner_bands, read_corner_mark
from pipeline.records import Page, Word
from pipeline.synth.fonts import font_path
from pipeline.synth.pages import Scan, degrade, draw_lines

HEAD = ["", "", "", "ที่ สก ๐๐๒๓.๕/๑๑๕๕                         สำนักงานส่งเสริมการปกครอง",
        "                                         ๑๔ มีนาคม ๒๕๖๕",
        "เรื่อง  รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
        "เรียน  อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]


def _letter(mark: str, over_emblem: bool = False) -> Page:
    """A letter's head; its mark beside the emblem, or (a memo's) printed over the emblem's wing."""
    page = draw_lines(HEAD, size_pt=16, margin_mm=25)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path("Laksaman-Bold")), int(32 / 72 * 300))
    emblem = 300 + int(0.2 * font.getlength(mark)) if over_emblem else 1100
    draw.ellipse((emblem, 120, emblem + 100, 480), fill=0)  # the Garuda's dark body, under the mark's ว
    draw.text((300, 160), mark, font=font, fill=0)
    image = np.asarray(degrade(page, Scan(angle=0.0, noise=6, blur=0.5, seed=4)).convert("L")).copy()
    number_line = Word("ที่", 90.0, 295, 560, 60, 50, block=1, line=1)  # what the page pass kept
    return Page(number=1, source="ocr", image=image, words=[number_line], raw_text="ที่")


def test_the_mark_the_page_reading_lost_is_read_from_the_corner() -> None:
    page = _letter("ด่วนมาก")
    area = read_corner_mark(page, is_urgency_mark)
    assert area is not None and area[1] < 560  # above the number line
    assert page.raw_text.splitlines()[0].replace(" ", "") in ("ด่วนมาก", "ดวนมาก")
    assert page.raw_text.splitlines()[-1] == "ที่"


def test_a_mark_printed_over_the_emblem_is_read_without_the_emblems_ink() -> None:
    page = _letter("ด่วนที่สุด", over_emblem=True)
    assert read_corner_mark(page, is_urgency_mark) is not None
    assert urgency_mark_level(page.raw_text.splitlines()[0]) == "ด่วนที่สุด"


def test_a_letter_without_a_mark_keeps_its_page_reading() -> None:
    page = _letter("")
    assert corner_bands(page.image)  # the emblem and the number line are read, and judged no mark
    assert read_corner_mark(page, is_urgency_mark) is None
    assert page.raw_text == "ที่"


# Page readings seen on scans (SCAN_0032, doc20240726_095259_08 of a wide corpus): the stamp's
# lines and the letterhead, no mark, then the subject; and one whose mark was read.
LOST = "' สนง.ท้องถิ่นอำเภอตา\nพระยา\n'เลขรับ , 3719\nวันที 17/3/65\nทิ่ สก 0023.5/1155 สำนักงานส่งเสริมการปกครอง.\n" \
       "14 มีนาคม 2565\n! เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น"
KEPT = "เลขรับ 523\nด่วฬ - วว ->ว>วรไฝฟ\nดวนมาก\nบันทึกข้อความ\nเรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น"


# A page OCR garbled past its labels (img010 of wide seed 990): only the date line is whole.
GARBLED = ". . กรมส่งเสริมการปกครอง\nท้องถิ่น\n. กทม. 10300 7”]\nNWN 0810.7/ว่4231\n๊: 18 เมษายน 2564\n" \
          "- Bas การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่ง[สริม\ngy\nN สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด"


def test_a_first_page_whose_mark_was_lost_is_worth_its_corner_reading() -> None:
    assert lacks_urgency_mark(LOST)
    assert lacks_urgency_mark(GARBLED)
    assert not lacks_urgency_mark(KEPT)
    assert not lacks_urgency_mark("๑. จังหวัด ๒๐ แห่ง\n๒. อำเภอ ๓ แห่ง")  # no letter's first page
