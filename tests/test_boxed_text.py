"""Boxed receiving stamps: found on rendered scans, cleaned, read on their own, judged.

Pages are rendered with Debian's Thai fonts: the letter in Laksaman, the stamp's hand-filled
number, date and time in Purisa (TLWG's handwriting face) on dotted leaders, as clerks fill
them in. The stamp stands level with the letterhead, where Tesseract's page layout glues its
lines to the letter's own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.stamp_reading import is_better_stamp, stamp_score
from flows.process import process_file
from pipeline.numerals import stamp_reader
from pipeline.numerals.api import NumeralReader
from pipeline.numerals.reader import HAND_MODEL_PATH
from pipeline.ocr.boxes import BOXED_BLOCK, BoxReading, find_boxes, read_line_box, splice_box, without_leaders
from pipeline.records import Page, Word
from pipeline.synth.fonts import font_path
from pipeline.synth.pages import Stamp, save_pdf, stamped_letter
from pipeline.synth.tables import FormRow, render_report_form
from pipeline.thai.text import normalise
from tests.test_numerals import render_line, token

OFFICE = ("สนง.ท้องถิ่นอำเภอศรีมหา", "โพธิ")


def _letter_page(stamp: Stamp):
    return stamped_letter(stamp)


def _gray(image) -> np.ndarray:
    return np.asarray(image.convert("L"))


def test_the_stamp_is_the_one_box_found_on_a_letter_page() -> None:
    page, drawn = _letter_page(Stamp(OFFICE, "๓๒๙๗", "๑๒ ธ.ค. ๒๕๖๔", "๙.๐๐ น."))
    boxes = find_boxes(_gray(page))
    assert len(boxes) == 1
    assert all(abs(a - b) <= 12 for a, b in zip(boxes[0], drawn, strict=True)), (boxes, drawn)


def test_a_ruled_report_table_is_not_a_stamp() -> None:
    rows = tuple(FormRow(str(k), f"อำเภอ{k}", 10 + k, k, 10) for k in range(1, 9))
    page = render_report_form(rows, ("แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน",))
    assert find_boxes(_gray(page)) == []


def test_a_small_table_is_not_a_stamp() -> None:
    page = np.full((3508, 2480), 255, np.uint8)
    for y in (100, 200, 300, 400):
        cv2.line(page, (1800, y), (2300, y), 0, 4)
    for x in (1800, 2050, 2300):
        cv2.line(page, (x, 100), (x, 400), 0, 4)
    cv2.rectangle(page, (200, 100), (700, 400), 0, 4)  # beside it, a closed empty frame is one
    [box] = find_boxes(page)
    assert all(abs(a - b) <= 10 for a, b in zip(box, (200, 100, 700, 400), strict=True)), box


def test_dotted_leaders_go_and_full_stops_stay() -> None:
    crop = np.full((80, 600), 255, np.uint8)
    cv2.putText(crop, "A.B.", (10, 50), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    for x in range(200, 590, 12):  # a leader of 33 dots on the baseline
        cv2.circle(crop, (x, 52), 2, 0, -1)
    def blobs(img: np.ndarray) -> int:
        return cv2.connectedComponents((img < 128).astype(np.uint8))[0] - 1
    before, after = blobs(crop), blobs(without_leaders(crop))
    assert before - after == 33  # A, B and their two full stops are all still there


@pytest.mark.slow
@pytest.mark.parametrize(("number", "date", "want_number", "want_date"), [
    pytest.param("๓๒๙๗", "๑๒ ธ.ค. ๒๕๖๔", "3297", dt.date(2021, 12, 12), id="thai-digits"),
    pytest.param("๔๘๖", "๙ ธ.ค. ๒๕๖๔", "486", dt.date(2021, 12, 9), id="digits-tesseract-cannot-emit"),
    pytest.param("1058", "20 ธ.ค. 2564", "1058", dt.date(2021, 12, 20), id="arabic-digits"),
])
def test_received_number_and_date_read_from_a_handwritten_stamp(
        tmp_path: Path, number: str, date: str, want_number: str, want_date: dt.date) -> None:
    page, _ = _letter_page(Stamp(OFFICE, number, date, "๙.๐๐ น."))
    pdf = save_pdf([page], tmp_path / "letter.pdf")
    doc, extraction = process_file(pdf, tmp_path)
    [letter] = extraction.letters
    assert (letter.doc_number, letter.date) == ("ปจ 0023.3/1707", dt.date(2021, 12, 6))
    assert (letter.received_number, letter.received_date) == (want_number, want_date)
    stamp_lines = [w for w in doc.pages[0].words if w.block == BOXED_BLOCK]
    assert stamp_lines, "the stamp was read as its own block"


def _word(text: str, left: int, top: int, line: int) -> Word:
    return Word(text, 90.0, left, top, 10 * len(text), 30, 1, line)


def test_splice_puts_the_box_lines_in_reading_order_and_drops_what_was_inside() -> None:
    words = [_word("ด่วน", 100, 50, 10101), _word("ที่", 100, 200, 10102), _word("71จลิ่จ", 1800, 205, 10102),
             _word("เรื่อง", 100, 400, 10103)]
    box_words = [Word("เลขรับ", 90, 1750, 180, 100, 30, BOXED_BLOCK, 10101),
                 Word("3297", 90, 1870, 180, 80, 30, BOXED_BLOCK, 10101),
                 Word("วันที่", 90, 1750, 230, 100, 30, BOXED_BLOCK, 10102)]
    reading = BoxReading((1700, 150, 2100, 300), box_words, np.zeros((1, 1), np.uint8))
    lines: dict[int, list[str]] = {}
    for w in splice_box(words, reading):
        lines.setdefault(w.line, []).append(w.text)
    assert [lines[k] for k in sorted(lines)] == [["ด่วน"], ["เลขรับ", "3297"], ["วันที่"], ["ที่"], ["เรื่อง"]]


@pytest.mark.parametrize(("old", "new", "take"), [
    pytest.param("สนง.ท้องถิ่นอําเภอศรีมหา\n. โพธิ\n71 จลิ่จ16จขีจ", "สนง.ท้องถิ่นอําเภอศรีมหา\nเลขรับ 3297\nวันที่ 12 ธ.ค. 2564",
                 True, id="glued-page-reading-loses"),
    pytest.param("เลขรับ 125\nวันที่ 22 ธค. 2564", "เลขรับ 125\nวันที่ 22 ธค. 256", False, id="page-reading-kept-on-a-cut-year"),
    pytest.param("เลขรับ 125\nวันที่ 22 ธค. 2564", "เลขรับ 125\nวันที่ 22 ธค. 2564", False, id="tie-keeps-the-page"),
    pytest.param("สนง.ส่งเสริมการปกครอง\nท้องถินจังหวัดตาก\nเลขรับ 1739\nวันที่ 8 ก.ูพ. 55\nเวลา 15.15 น.",
                 "สนง.ส่งเสริมการปกครอง\nท้องถิ่นจังหวัดตาก\nเลขรับ .1734\nวันที่ 8 ก.ูพ. 54\nเวลา 15,15 น.", True,
                 id="wide971-a-stamp-read-as-well-by-the-handwriting-reader"),
    pytest.param("เลขรับ 3522\nวันที่ 15 ม.ค, 25ๆ\n| เวลา 5.30 น.", "'เลขรับ 3422\nวันที่ ,18 ม.คู 25\nเวลา 9,30 น,", True,
                 id="wide971-cut-years-both"),
    pytest.param("สนง.ท้องถิ่นอําเภอลี้\nเลขรับ..257.5.\nวันที่ 15 เมล2ย. 5\nเวลา ..ศ5.น่ด.",
                 "สนง.ท้องถิ่นอําเภอลิ้\nเลขรับ 2578\nวันที่ 18 เมล2ย. 5(\nเวลา 8,45 น.", True, id="wide962-number-only-both"),
    pytest.param("สนง.ท้องถินอําเภอวัง\nทอง\nเลขรับ 307\nวันที่ ,0 พ.ค. 2\nเวลา .9.30 น.",
                 "สนง.ท้องถิ่นอําเภอวัง\nทอง\nเลขรับ 3007\nวันที 10 พ.ค. 25\nเวลา 16.30 น.", True,
                 id="wide962-a-real-day-and-month-over-a-speck"),
    pytest.param("สำเนาถูกต้อง", "สําเนาถูกต้อง ลงชื่อ", False, id="a-box-that-is-no-stamp"),
    pytest.param("", "วันที่ 31 ก.พ. 2564", False, id="impossible-date-scores-nothing"),
    pytest.param("", "ด่วนทีสด", True, id="a-framed-urgency-mark-the-page-lost"),
    pytest.param("", "ด่วมทิสด", True, id="a-framed-mark-read-with-a-look-alike-letter"),
    pytest.param("ด่วนที่สุด", "ด่วนทีสด", False, id="an-urgency-mark-the-page-read"),
    pytest.param("", "ด่วนที่สุด\nเลขรับ", False, id="more-than-the-mark-is-no-mark"),
])
def test_the_box_reading_wins_with_as_much_of_the_stamp(old: str, new: str, take: bool) -> None:
    assert is_better_stamp(old, new) is take


def test_stamp_score_counts_number_whole_date_and_day_with_month() -> None:
    assert stamp_score("เลขรับ ๓๒๙๗\nวันที่ ๑๒ ธ.ค. ๒๕๖๔\nเวลา ๙.๐๐ น.") == 3
    assert stamp_score("เลขรับ\nวันที่ ๑๒ ธ.ค.") == 1
    assert stamp_score("เลขรับ\nวันที่ ,0 พ.ค. 2") == 0  # no real day


def test_a_framed_urgency_mark_in_large_type_is_read_inside_its_rules() -> None:
    # saraban_008: the mark's long strokes went with the rules (`ดิ ก ก ว`); cut inside, it reads.
    page = Image.new("L", (2000, 1400), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((100, 60, 520, 250), outline=0, width=6)
    draw.text((150, 70), "ด่วนที่สุด", font=ImageFont.truetype(str(font_path("Laksaman")), 90), fill=0)
    gray = np.asarray(page).copy()
    [box] = find_boxes(gray)
    reading = read_line_box(Page(1, "ocr", image=gray), box)
    assert normalise(reading.text).replace(" ", "").startswith("ด่วน")
    assert is_better_stamp("", reading.text)


def test_a_hands_number_keeps_the_digits_both_numeral_readings_see() -> None:
    """Seed 1025 doc20200421: a stamp's hand-written 955, which Tesseract wrote `9551` (its box
    running on past the last 5 over the cleaned leader). Both numeral readings (the row pass and
    the token's crop) read 955: for a hand, theirs stands, Tesseract's kept as an alternative.
    For print, Tesseract's count of Arabic digits still stands (rows._kept)."""
    gray, boxes = render_line(["เลขรับ ", "955"], font="Purisa")
    left, _, right, _ = boxes[1]
    words = [token("เลขรับ", boxes[0][0], boxes[0][2]), token("9551", left, right + (right - left) // 3)]
    [_, number] = stamp_reader().reread_words(gray, words)
    assert number.text == "955" and "9551" in number.alternatives
    assert NumeralReader(HAND_MODEL_PATH).reread_words(gray, words)[1].text == "9551"
