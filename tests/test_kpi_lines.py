"""KPI lines whose code or percentage reads impossibly, read again from their ink
(extractors/kpi_lines, pipeline/ocr/digit_reread).

Readings are those seen on wide seeds 1023 and 1025: `องค์กรปกครองส่วนท้องถิ่น ร้อยละ 00` for
ร้อยละ ๑๐๐ (SCAN_0010: the whole line read again gave `ร้อยละ 100`), `ตัวชีวัตที่ 3.@ )` for
๓.๑ (doc20170317: the code's short number grown from its ink word gave `3..1.@`).
"""

from __future__ import annotations

import pytest

from extractors.kpi_lines import (
    is_better_code_reading,
    is_better_kpi_numbers,
    is_better_wrapped_target,
    kpi_code_line_ids,
    kpi_number_line_ids,
)
from pipeline.numerals import default_reader
from pipeline.ocr.digit_reread import reread_numbers
from pipeline.records import Page, Word
from tests.test_numerals import render_line, token


@pytest.mark.parametrize(("old", "new", "better"), [
    ("องค์กรปกครองส่วนท้องถิ่น ร้อยละ 00", "องค์กรปกครองส่วนท้องถิ่น ร้อยละ 100", True),
    ("ปีงบประมาณ พ.ศ, 2568 ตัวชีวัตที่ 3.@ ) ร้อยละ ของเรื่อง", "ปีงบประมาณ พ.ศ, 2568 ตัวชีวัตที่ 3..1.@ ) ร้อยละ ของเรื่อง",
     True),
    # the whole line read again doubled the code: no code stands whole after the label
    ("ปีงบประมาณ พ.ศ, 2568 ตัวชีวัตที่ 3.@ ) ร้อยละ ของเรื่อง", "ปีงบประมาณ พ.ศ, 2568 ตัวชีวัตที่ 3..1.3..1 ) ร้อยละ ของเรื่อง",
     False),
    # wide seed 1000 img003: ๘๐ read as Latin by the page pass, from its ink with a speck glued
    ("แล้วเสร็จ ร้ ร้อยละ BO. ห", "แล้วเสร็จ ร้ ร้อยละ B80 ห", True),
    ("ส่วนท้องถิ่น ร้อยละ 109", "ส่วนท้องถิ่น ร้อยละ 108", False),  # still over 100
    ("ส่วนท้องถิ่น ร้อยละ 90", "ส่วนท้องถิ่น ร้อยละ 98", False),  # nothing was wrong
    ("ร้อยละ 00 ภายในวันที่ 9 มิถุนายน 2567", "ร้อยละ 100 ภายในวันที่ 91 มิถุนายน 2567", False),  # a date broken
    ("ร้อยละ 00 ประจำปี พ.ศ. 2567", "ร้อยละ 100 ประจำปี พ.ศ. 25671", False),  # a runaway number
    # wide 1036 SCAN_0008: ๓.๑ read as Latin by the page pass; read again from its ink, a speck glued before
    ("ปีงบประมาณ wa. 2568 ตัวชี้วัดที่ mn. , ร้อยละของเรื่องร้องเรียน", "ปีงบประมาณ wa. 2568 ตัวชี้วัดที่ m3.1 , ร้อยละของเรื่องร้องเรียน",
     True),
    ("ปีงบประมาณ wa. 2568 ตัวชี้วัดที่ mn. , ร้อยละของเรื่องร้องเรียน", "ปีงบประมาณ wa. 2568 ตัวชี้วัดที่ mm. , ร้อยละของเรื่องร้องเรียน",
     False),
])
def test_which_kpi_line_reading_wins(old: str, new: str, better: bool) -> None:
    assert is_better_kpi_numbers(old, new) is better


def test_a_target_wrapped_under_its_percent_word_is_judged_as_one() -> None:
    assert is_better_wrapped_target("00 และตัวชี้วัดที่ 4.2 การพัฒนา", "100 และตัวชี้วัดที่ 4.2 การพัฒนา")
    assert not is_better_kpi_numbers("00 และตัวชี้วัดที่ 4.2 การพัฒนา", "100 และตัวชี้วัดที่ 4.2 การพัฒนา")


def _page(lines: list[str]) -> Page:
    return Page(number=1, source="ocr", words=[Word(t, 90, 0, 50 * k, 100, 40, 1, k) for k, t in enumerate(lines)])


def test_only_lines_with_an_impossible_code_or_percentage_are_read_again() -> None:
    page = _page(["ปีงบประมาณ พ.ศ. 2565 ตัวชี้วัดที่ 4.2", "จำนวน 878 ศูนย์ และตัวชี้วัดที่ 4.1 การพัฒนา",
                  "ส่วนท้องถิ่น ร้อยละ 00", "ตัวชีวัตที่ 3.@ ) ร้อยละ ของเรื่อง", "แล้วเสร็จ ร้อยละ 80",
                  "ครบทุกองค์กรปกครองส่วนท้องถิ่น ร้อยละ", "109 และตัวชี้วัดที่ 4.2", "15 ของเดือน",
                  "แล้วเสร็จ ร้ ร้อยละ BO. ห"])
    assert kpi_number_line_ids(page) == ([2, 3, 8], [6])


def test_a_code_read_as_latin_letters_is_read_again() -> None:
    page = _page(["| ปีงบประมาณ wa. 2568 ตัวชี้วัดที่ mn. , ร้อยละของเรื่องร้องเรียน |", "ร้อยละ 90",
                  "ตัวชี้วัดที่ 3.1 ร้อยละของเรื่อง"])
    assert kpi_number_line_ids(page) == ([0], [])


def test_a_page_naming_no_kpi_has_no_kpi_lines() -> None:
    assert kpi_number_line_ids(_page(["ยอดรวม ร้อยละ 00", "ร้อยละ 250"])) == ([], [])


def test_a_percentage_the_row_pass_read_short_is_read_whole_from_its_ink() -> None:
    """A rendered `ร้อยละ ๑๐๐` whose tokens say `00`: the line read again from its ink says 100."""
    gray, boxes = render_line(["ร้อยละ ", "๑๐๐"])
    words = [token("ร้อยละ", boxes[0][0], boxes[0][2], line=5), token("00", boxes[1][0], boxes[1][2], line=5)]
    page = Page(number=1, source="ocr", words=words, image=gray)
    assert reread_numbers(page, [5], default_reader(), is_better_kpi_numbers) == [5]
    assert [w.text for w in page.words] == ["ร้อยละ", "100"]


def test_a_code_missing_a_digit_beside_its_point_is_read_again() -> None:
    # wide1029: ๒.๓ read `2.` (doc20210819), ๓.๑ read `.1` (doc20220403), ๔.๒ read `0.` (img034),
    # ๔.๑ read `«. ©` (saraban_001); a code without a point is whole (`ที่ 6 การประเมิน…`).
    page = _page(["และตัวชี้วัดที่2. องค์กรปกครองส่วนท้องถิ่น", "พ.ศ. 2561 ตัวชี้วัดที่ .1 ร้อยละของเรื่อง",
                  "ผลการดำเนินงานตามตัวซี้วัดที่ 0. การจัดตั้งศูนย์", "พ.ศ. 2554 ตัวชี้วัดที่ «. © .",
                  "และตัวชี้วัดที่ 6 การประเมินผล", "ตัวชี้วัดที่ 3.1 ร้อยละของเรื่อง"])
    assert kpi_number_line_ids(page) == ([0, 1, 2, 3], [])


@pytest.mark.parametrize(("printed", "read", "whole"), [
    ("๒.๓", "2.", "2.3"),
    ("๓.๑", ".1", "3.1"),
])
def test_a_code_read_short_is_read_whole_from_its_ink(printed: str, read: str, whole: str) -> None:
    """A rendered `ตัวชี้วัดที่ ๒.๓ องค์กร` whose code token lost a digit: read again, the code is whole."""
    gray, boxes = render_line(["ตัวชี้วัดที่ ", printed, " องค์กร"])
    words = [token(t, b[0], b[2], line=5) for t, b in zip(("ตัวชี้วัดที่", read, "องค์กร"), boxes, strict=True)]
    page = Page(number=1, source="ocr", words=words, image=gray)
    assert reread_numbers(page, [5], default_reader(), is_better_kpi_numbers) == [5]
    assert [w.text for w in page.words] == ["ตัวชี้วัดที่", whole, "องค์กร"]


def test_a_label_torn_by_ocr_is_read_as_the_page_text_will_read_it() -> None:
    # wide1039 doc20200218: ๔.๒ read `clo`, the ี of ที่ a token of its own (the page text joins it)
    page = _page(["ผลก า รดําเนินงา นต า มตัวชีวัดท ี clo การจัดตั้งศูนย์ ปฏิ บัติการร่วมในการ"])
    assert kpi_number_line_ids(page) == ([0], [])


def test_a_two_digit_code_is_read_again_and_a_reading_with_its_point_wins() -> None:
    # wide1039 img004: ๓.๑ with a speck over its point, read `31`; its ink word read `3,1`
    assert kpi_number_line_ids(_page(["พ.ศ. 2556 ตัวชี้วัดที่ 31", "ตัวชี้วัดที่ 6 การประเมินผล"])) == ([0], [])
    assert is_better_kpi_numbers("พ.ศ. 2556 ตัวชี้วัดที่ 31", "พ.ศ. 2556 ตัวชี้วัดที่ 3,1")
    assert not is_better_kpi_numbers("พ.ศ. 2556 ตัวชี้วัดที่ 31", "พ.ศ. 2556 ตัวชี้วัดที่ 31")


def test_every_line_holding_a_kpi_code_is_named() -> None:
    page = _page(["ผลการดำเนินงานตามตัวชี้วัดที่ 5.2 การจัดตั้ง", "จำนวน 878 ศูนย์", "ตัวชีวัดท ี 6 การประเมินผล",
                  "รายงานผลการดำเนินงานตามตัวชี้วัด"])
    assert kpi_code_line_ids(page) == [0, 2]


@pytest.mark.parametrize(("old", "new", "better"), [
    ("ผลการดำเนินงานตามตัวชี้วัดที่ 5.2 การจัดตั้งศูนย์", "ผลการดำเนินงานตามตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์", True),
    ("ผลการดำเนินงานตามตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์", "ผลการดำเนินงานตามตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์", False),
    ("ตัวชี้วัดที่ 5.2 การจัดตั้งศูนย์ จำนวน 878 ศูนย์", "ตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์ จำนวน 873 ศูนย์", False),
    ("ตัวชี้วัดที่ 5.2 การจัดตั้งศูนย์", "ตัวชี้วัดที่ 5 การจัดตั้งศูนย์", False),  # no whole code
])
def test_a_code_only_the_page_pass_read_takes_the_numeral_readers_reading(old: str, new: str, better: bool) -> None:
    assert is_better_code_reading(old, new) is better


def test_a_code_only_the_page_pass_read_is_read_from_the_lines_ink() -> None:
    """A rendered `ตัวชี้วัดที่ ๔.๒ การจัดตั้ง` whose code the page pass wrote `5.2` (its `tha` has no ๔)."""
    gray, boxes = render_line(["ตัวชี้วัดที่ ", "๔.๒", " การจัดตั้ง"])
    words = [token(t, b[0], b[2], line=5) for t, b in zip(("ตัวชี้วัดที่", "5.2", "การจัดตั้ง"), boxes, strict=True)]
    page = Page(number=1, source="ocr", words=words, image=gray)
    assert reread_numbers(page, kpi_code_line_ids(page), default_reader(), is_better_code_reading) == [5]
    assert [w.text for w in page.words] == ["ตัวชี้วัดที่", "4.2", "การจัดตั้ง"]
