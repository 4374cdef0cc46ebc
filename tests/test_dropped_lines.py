"""Lines the page pass left out whole (pipeline/ocr/dropped_lines): found as unread rows of
glyph-sized ink and read on their own. Seen on a blind wide-seed scan: a signature's stroke over
the signatory's name and position, and neither line reached the text; the letter went unsigned.
Here a rendered letter's end is OCR'd, and the page pass's dropping of lines is played by taking
their tokens out of the reading."""

import numpy as np
import pytest

from extractors.signature_lines import dropped_signature_band, is_signature_block_line
from pipeline.ocr.dropped_lines import read_dropped_lines, unread_rows
from pipeline.ocr.tesseract import OcrOptions, group_tokens, run_tesseract, text_from_tokens
from pipeline.records import Page
from pipeline.synth.pages import draw_lines
from pipeline.thai.text import normalise

LETTER_END = ["จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการต่อไป", "ขอแสดงความนับถือ", "",
              "(นางเพ็ญศรี อินทร์แก้ว)", "ท้องถิ่นจังหวัดสิงห์บุรี", "", "ฝ่ายบริหารทั่วไป", "โทร. ๐ ๒๒๔๑ ๙๐๐๐"]


@pytest.fixture(scope="module")
def letter_end() -> Page:
    image = np.asarray(draw_lines(LETTER_END).convert("L"))
    chars, raw = run_tesseract(image, OcrOptions(languages="tha"))
    return Page(number=1, source="ocr", words=group_tokens(chars, raw), image=image)


def _without(page: Page, *keys: str) -> Page:
    """The page as read with the lines holding `keys` left out."""
    lines = {w.line: normalise(text_from_tokens([v for v in page.words if v.line == w.line])) for w in page.words}
    words = [w for w in page.words if not any(k in lines[w.line] for k in keys)]
    return Page(number=1, source="ocr", words=words, image=page.image, raw_text=text_from_tokens(words))


def test_a_name_and_position_left_out_are_read_back_under_the_closing(letter_end: Page) -> None:
    page = _without(letter_end, "เพ็ญศรี", "สิงห์บุรี")
    assert "เพ็ญศรี" not in normalise(page.raw_text)
    added = read_dropped_lines(page, dropped_signature_band(page), is_signature_block_line)
    text = normalise(page.raw_text)
    assert len(added) == 2 and "(นางเพ็ญศรี อินทร์แก้ว)" in text and "จังหวัดสิงห์บุรี" in text
    assert text.index("ขอแสดงความนับถือ") < text.index("เพ็ญศรี") < text.index("บริหาร")  # in reading order


def test_a_read_name_leaves_no_band_and_other_dropped_ink_is_not_taken(letter_end: Page) -> None:
    assert dropped_signature_band(letter_end) is None  # the name was read: nothing to look for
    page = _without(letter_end, "เพ็ญศรี", "สิงห์บุรี", "บริหาร")
    band = dropped_signature_band(page)
    assert band is not None and len(unread_rows(page, *band)) == 3
    read_dropped_lines(page, band, is_signature_block_line)
    assert "บริหาร" not in normalise(page.raw_text)  # a contact line is no signature's
