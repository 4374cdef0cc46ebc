"""Document numbers (เลขที่หนังสือ) as OCR leaves them on scans: marks, points and specks around
the slash, a doubled slash, the owner's digits split, the sub-unit's ๗ read as a letter."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from extractors.letter_docnum import GARBLED_MARK_PATTERN, garbled_mark_docnum, opening_number, try_parse_docnum
from extractors.letters import extract_letters
from pipeline.thai.text import normalise


@pytest.mark.parametrize(("line", "number", "repaired"), [
    pytest.param(". ที่ สห 0023.3./3268 สำนักงานส่งเสริมการปกครอง", "สห 0023.3/3268", False, id="point-before-slash"),
    pytest.param("ที่ มัท 0802.2/ว3749", "มท 0802.2/ว 3749", False, id="speck-read-as-mai-han-akat-in-code"),
    pytest.param("' ม่ท0801.5/ว4288 “วันที่ 24", "มท 0801.5/ว 4288", False, id="speck-read-as-mai-ek-in-code"),
    pytest.param("ที มท 0802..2 /ว เ2354", "มท 0802.2/ว 2354", False, id="speck-read-as-a-leading-vowel-on-the-serial"),
    pytest.param("N มท 0810.7/ว@1271 กรมส่งเสริมการปกครองท้องถิ่น", "มท 0810.7/ว 1271", False, id="speck-read-as-a-symbol-on-the-serial"),
    pytest.param("'ที่ มท 0802.2/ /ว 3031", "มท 0802.2/ว 3031", False, id="doubled-slash"),
    pytest.param("ด่วนที่สุด ที่ มท 0810.7ๆ่ /ว ๊ 4038 ลงวันที่ 23", "มท 0810.7/ว 4038", False, id="marked-specks-around-the-mark"),
    pytest.param("ที่ มท 0810.7 ฒ/ว 2174", "มท 0810.7/ว 2174", False, id="speck-after-the-sub-unit-is-no-digit"),
    pytest.param("ที่ มท 0802.2/7 ลงวันที่ 1 สิงหาคม 2559", "มท 0802.2/7", False, id="serial-seven-stays-a-serial"),
    # What OCR took for another character and was read back is flagged for review.
    pytest.param("ด่วนที่สุด ที่ ที่มท 0,810.7 ญ่/ว 1465 ลงวันที่ 21", "มท 0810.7/ว 1465", True, id="owner-digits-split-by-a-comma"),
    pytest.param("ที่ มท - 0810. ฒ/ว 746 ลงวันที่ 28 ตุลาคม 2561", "มท 0810.7/ว 746", True, id="sub-unit-seven-read-as-tho-phuthao"),
    pytest.param("ด่วนที่สุด: ที่ มท 0802.2 /7. 1088ล ลงวันที่ 1 สิงหาคม 2559", "มท 0802.2/ว 1088", True, id="circular-mark-read-as-seven"),
    pytest.param(".อ้างถึง . หนังสือกรม ที่ ที่ มท0810.7/24001 ลงวันที่ 30 มิถุนายน", "มท 0810.7/ว 4001", True,
                 id="circular-mark-read-as-two-glued"),
    pytest.param("ที่ มท 0810.7/4 3426 ลงวันที่ 9", "มท 0810.7/ว 3426", True, id="circular-mark-read-as-a-four-apart"),
    pytest.param("ที่ มท 0810.7/2 196 ลงวันที่ 9", "มท 0810.7/2196", False, id="a-serial-split-before-three-digits"),
    pytest.param("ที่ มท 0810.7/2196 ลงวันที่ 9", "มท 0810.7/2196", False, id="a-four-digit-serial-keeps-its-two"),
    pytest.param("ที่ ชพ 1023.2/ว 3341", "ชพ 0023.2/ว 3341", True, id="owner-zero-read-as-one"),
    pytest.param("ที่ สบ 002.33/2502", "สบ 0023.3/2502", True, id="province-owner-point-a-digit-early"),
    pytest.param("ที่ รบ 002.1/3938", "รบ 0023.1/3938", True, id="province-owner-lost-its-three"),
    pytest.param("ที่ มท 002.1/3938", "มท 002.1/3938", False, id="no-province-code-no-owner-guess"),
    pytest.param("‘HW พท 0 0023 3/วิ1251 : สำนักงาน", "พท 0023.3/ว 1251", False, id="sub-unit-point-read-as-space"),
    pytest.param("ด่วนทิสุด ที่ มท ©\n0810.7/ว2001 ลงวันที่", "มท 0810.7/ว 2001", False, id="symbol-between-code-and-owner"),
    pytest.param("ที่ มท\n-°0810.7/9 3194 ลงวันที่ 19", "มท 0810.7/ว 3194", True, id="mark-read-as-a-nine-apart"),
    pytest.param("ที่ สท 0023.@/1131 สำนักงานส่งเสริมการปกครอง", "สท 0023.1/1131", True, id="sub-unit-one-read-as-at"),
    pytest.param("ที่ ชัย0023.4/ว910 454“% ' สำนักงาน", "ชย 0023.4/ว 910", False, id="three-digits-after-a-serial-of-three"),
    pytest.param("ที่ มท 0810.7/ว 1 196 ลงวันที่", "มท 0810.7/ว 1196", False, id="serial-split-before-its-last-three"),
    pytest.param("ที่ นว 0023.3'/ 4461", "นว 0023.3/4461", False, id="quote-before-the-slash"),
    pytest.param("ที่ นย 0023.1/724553", "นย 0023.1/ว 4553", True, id="circular-mark-read-as-seven-and-two"),
    pytest.param("ที่ นน0123.4/5188 สำนักงาน", "นน 0023.4/5188", True, id="province-owner-zero-read-as-one"),
    pytest.param("ที่ สบ 0017.1/33", "สบ 0017.1/33", False, id="another-province-owner-kept"),
    pytest.param("ทิ มท0.8.02.2/ว355 .กรมสุ่งเสริมการปกครอง", "มท 0802.2/ว 355", True, id="points-all-through-the-owner"),
    pytest.param("ที่ ปข 0023.@4/246", "ปข 0023.4/246", True, id="speck-read-as-at-before-the-sub-unit"),
    pytest.param("ก ที่ มท 081.0.ต/ว3933 สัด อ กรมส่งเสริม", "มท 0810.7/ว 3933", True, id="sub-unit-seven-read-as-to-tao"),
    pytest.param("มท 0810.ต่/ว1796 ลงวันที่ 12", "มท 0810.7/ว 1796", True, id="sub-unit-seven-read-as-a-marked-letter"),
    pytest.param("ที่ มท 0810.ญ/ว 4251 ลงวันที่ 6", "มท 0810.7/ว 4251", True, id="sub-unit-seven-read-as-yo-ying"),
    # seen on seed 1025 (doc20200421): the citation's ว read as a 1 glued to its serial of four
    pytest.param("ที่ มท 0810.7/13454 ลงวันที่ 29 มีนาคม 2565", "มท 0810.7/ว 3454", True,
                 id="circular-mark-read-as-one-glued"),
    pytest.param("ที่ มท 0810.7/1345 ลงวันที่ 29", "มท 0810.7/1345", False, id="a-serial-of-four-keeps-its-one"),
    # the same letter's own ที่ line: ที่ read ทิ, a speck over the code's ร read as ี
    pytest.param("ทิ ตรี 002.3/3362", "ตร 0023.3/3362", True, id="speck-read-as-sara-ii-over-the-code"),
])
def test_numbers_with_specks_around_the_slash(line: str, number: str, repaired: bool) -> None:
    found = try_parse_docnum(line)
    assert found is not None and found.text() == number
    assert found.repaired is repaired


@pytest.mark.parametrize("line", [
    pytest.param("ภายในวัน 15 มีนาคม 2562", id="mai-han-akat-word-before-a-date"),
    pytest.param("ตาม ก ข ค/ว 12", id="parted-code-without-digits"),
])
def test_lines_that_hold_no_number(line: str) -> None:
    assert try_parse_docnum(line) is None


@pytest.mark.parametrize(("line", "number"), [
    pytest.param("อ้างถึง หนังสือกรม ที่ มท , ง, 0810.7 /ว 611 ลงวันที่", "มท 0810.7/ว 611", id="specks-before-the-owner"),
    pytest.param("ที่ นว 0 0023.2 / 2637 สำนักงานส่งเสริม", "นว 0023.2/2637", id="lone-digit-before-the-owner"),
    pytest.param("ที่ มท0802...2/ ว425 ลงวันที่", "มท 0802.2/ว 425", id="tripled-point"),
    pytest.param("ด่วนที่สุด ที่ ม ท 0810.7/ว 606 ลงวันที่", "มท 0810.7/ว 606", id="code-parted"),
    pytest.param("ที่ มท 0810.7#/ว999 | ลงวันที่", "มท 0810.7/ว 999", id="hash-before-the-slash"),
])
def test_numbers_with_specks_between_their_parts(line: str, number: str) -> None:
    found = try_parse_docnum(line)
    assert found is not None and found.text() == number


@pytest.mark.parametrize("line", [
    pytest.param("| i นพ0023.2/1512", id="two-specks-for-thi"),
    pytest.param("ว่า) ที่ นพ 0023.2/1512", id="speck-before-thi"),
])
def test_own_number_behind_specks_above_the_subject(line: str) -> None:
    letters = extract_letters([(1, normalise(
        "ด่วนที่สุด\n" + line + "\nสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครพนม\n9 สิงหาคม 2562\n"
        "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
        "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nจึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["นพ 0023.2/1512"]


def test_a_word_end_before_latin_is_no_code() -> None:
    assert try_parse_docnum("ด่วนที่สุด NUN 0810.5 /ว 4704 ลงวันที่") is None


def test_lower_vowel_after_the_code() -> None:
    found = try_parse_docnum("ที่ พจู0023.5/1588")
    assert found is not None and found.text() == "พจ 0023.5/1588"


def test_memo_number_line_with_a_dash_after_the_code() -> None:
    letters = extract_letters([(1, normalise(
        "บันทึกข้อความ\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงราย โทร. 0-2241-9000\n"
        "ที่ ชร- 0023.2/2859 ' วันที่ 24 มีนาคม 2554\n"
        "เรื่อง การรายงานผลการดำเนินงานตามตัวชี้วัด\nเรียน ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["ชร 0023.2/2859"]


def test_garbled_mark_needs_longwanthi_after_the_serial() -> None:
    m = re.search(GARBLED_MARK_PATTERN, "ที่ มท 0810.7 a) 4219 ลงวันที่ 29")
    assert m is not None and garbled_mark_docnum(m).text() == "มท 0810.7/ว 4219" and garbled_mark_docnum(m).repaired
    assert re.search(GARBLED_MARK_PATTERN, "ที่ มท 0810.7 a) 4219 แจ้งให้") is None


def test_garbled_mark_read_as_a_thai_mark_over_a_consonant() -> None:
    m = re.search(GARBLED_MARK_PATTERN, "ด่วน ที่สุด ที่ มท 0810.7่ฑ3526 ล งวันที 28 กันยายน 2568")
    assert m is not None and garbled_mark_docnum(m).text() == "มท 0810.7/ว 3526"


def test_a_consonant_glued_to_the_serial_after_the_slash_is_the_mark_flagged() -> None:
    found = try_parse_docnum("อ้างถึง หนังสือกรม ที่ มท 0810.7/ท2853ลงวันที่6 พฤศจิกายน 2566")
    assert found is not None and found.text() == "มท 0810.7/ว 2853" and found.repaired


def test_a_leading_vowel_glued_to_the_serial_after_the_slash_is_the_mark_flagged() -> None:
    """ว read as เ (seen: `/ว๓๕๐๐` of a citation read `0810.7/เ3500`): no letter but ว stands there."""
    found = try_parse_docnum("ตามหนังสือกรม ที่ มท 0810.7/เ3500 ลงวันที่ 30 ตุลาคม 2562")
    assert found is not None and found.text() == "มท 0810.7/ว 3500" and found.repaired


@pytest.mark.parametrize(("line", "number"), [
    pytest.param("Gt บก 0023.1 / 939", "บก 0023.1/939", id="speck-for-thi"),
    pytest.param("| i นพ0023.2/1512", "นพ 0023.2/1512", id="two-specks"),
    pytest.param("ว่า) ที่ ชพ 0023.1/3315", "ชพ 0023.1/3315", id="speck-before-thi"),
    pytest.param("ที่ มท 0810.7/ว 2940 ลงวันที่ 9 ตุลาคม 2566", "", id="a-citation-is-no-header"),
    pytest.param("หนังสือ มท 0810.7/ว 2940", "", id="a-word-before-it"),
])
def test_opening_number(line: str, number: str) -> None:
    found = opening_number(line)
    assert (found.text() if found else "") == number


def test_a_code_one_letter_off_the_province_of_the_letterhead_is_repaired() -> None:
    letters = extract_letters([(1, normalise(
        "ด่วน\nที่ ภภ 0023.1/4685\nสำนักงานส่งเสริม\nการปกครองท้องถิ่นจังหวัด\nภูเก็ต\n"
        "ศาลากลางจังหวัดภูเก็ต\n9 ธันวาคม 2566\n"
        "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
        "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nจึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["ภก 0023.1/4685"]
    assert "doc_number_repaired" in letters[0].flags


def test_a_known_code_of_another_province_is_kept() -> None:
    letters = extract_letters([(1, normalise(
        "ที่ ชม 0023.1/4685\nสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชุมพร\n9 ธันวาคม 2566\n"
        "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
        "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nจึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["ชม 0023.1/4685"]


def test_thi_glued_before_the_code_of_the_letterhead_province() -> None:
    letters = extract_letters([(1, normalise(
        "ด่วนที่สุด\nที่ ทมค 0023.2/1916\nสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดมหาสารคาม\n"
        "9 ธันวาคม 2566\nเรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
        "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nจึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["มค 0023.2/1916"]


def test_a_speck_read_as_a_letter_inside_the_code_of_the_letterhead_province() -> None:
    letters = extract_letters([(1, normalise(
        "ด่วนมาก\nที่ นกธิ 0023.3/3695\nสำนักงานส่งเสริมการปกครอง\nท้องถิ่นจังหวัดนราธิวาส\n"
        "ศาลากลางจังหวัดนราธิวาส\n5 ธันวาคม 2560\n"
        "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
        "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nจึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["นธ 0023.3/3695"]


def test_a_lost_code_is_the_province_of_the_seat_the_letterhead_gives() -> None:
    letters = extract_letters([(1, normalise(
        ". ด่วนมาก\nสำนักงานส่งเสริม\nการปกครองท้องถิ่นจังหวัด\nหนองคาย :\n| .ศาลากลางจังหวัดหนองคาย\n"
        ". ที่ 0023.5/3482 .\n6 ตุลาคม 2562\n"
        "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
        "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nจึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["นค 0023.5/3482"]
    assert "doc_number_repaired" in letters[0].flags


@pytest.mark.parametrize(("head", "number"), [
    pytest.param("NNN 0809.2/57 กรมส่งเสริมการปกครองท้องถิ่น |", "มท 0809.2/57", id="office-beside-the-number"),
    pytest.param("NUN 0801..5/2198 กรมส่งเสริมการปกครองท้องถิ่น |", "มท 0801.5/2198", id="doubled-point"),
])
def test_a_code_read_as_latin_is_the_office_printed_beside_the_number(head: str, number: str) -> None:
    letters = extract_letters([(1, normalise(
        f"{head}\nถนนนครราชสีมา เขตดุสิต กทม..\n10300\n3 พฤศจิกายน 2556\nev\n"
        "เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญ:\nเรียน ผู้ว่าราชการจังหวัดกาญจนบุรี\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == [number]
    assert "doc_number_repaired" in letters[0].flags


def test_a_code_read_as_latin_under_a_seat_whose_province_wrapped() -> None:
    letters = extract_letters([(1, normalise(
        ". สนง.ท้องถิ่นอำเภอ\nสุวรรณคูหา\nเลขรับ 2755 :\nวันที่ 21 กย. 2564\nด่วน\nNUN 0023.2/3554\n"
        "สำนักงานสิ่งเสริม\n.การปกครองท้องถิ่นจังหวัด\nหนองบัวลำภู\nศาลากลางจังหวัด\n' หนองบัวลำภู\n"
        "17 กันยายน 2564\nเรื่อง รายงานผลการจัดตั้งศูนย์\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["นภ 0023.2/3554"]


def test_a_code_read_as_latin_beside_the_department_name_wrapped() -> None:
    letters = extract_letters([(1, normalise(
        "NAM 0810.5 /ว 2263 กรมส่งเสริมการปกครอง:\n03ซ«ฒ0 ..ท้องถิ่น : .>-- 7\n. ถนนนครราชสีมา เขตดุสิต\n"
        "กทม. 10300\n17 กรกฎาคม 2567\nเรื่อง เร่งรัดการจัดตั้งศูนย์\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [(letter.doc_number, letter.circular) for letter in letters] == [("มท 0810.5/ว 2263", True)]


def test_memo_number_behind_a_latin_speck_after_the_code() -> None:
    letters = extract_letters([(1, normalise(
        "บันทึกข้อความ\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเลย โทร. 0-2241-9000\n"
        "ที่ ลย ook. 0023.2/ว4841 - วันที 17 มิถุนายน 2565\n"
        "เรื่อง การรายงานผลการดำเนินงานตามตัวชี้วัด\nเรียน ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [(letter.doc_number, letter.date) for letter in letters] == [("ลย 0023.2/ว 4841", dt.date(2022, 6, 17))]


def test_memo_number_whose_code_caught_two_marks_and_a_letter_misread() -> None:
    letters = extract_letters([(1, normalise(
        "บันทึกข้อความ\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสุราษฎร์ธานี โทร. 0-2241\n"
        "ที่. สถู่00235/) 4568 .- .' วันที่ 21 ธันวาคม 2565 .\n"
        "เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชน\nเรียน ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [(letter.doc_number, letter.date) for letter in letters] == [("สฎ 0023.5/ว 4568", dt.date(2022, 12, 21))]


def test_memo_date_beside_its_number_whose_label_ocr_garbled() -> None:
    letters = extract_letters([(1, normalise(
        "บันทึกข้อความ\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดบุรีรัมย์ โทร.0-2241-9000 ต่อ\n"
        "7 2069 _\nที่ . to. al ae\nบร 0023.3/1479 . นท 7 พฤศจิกายน 2561\n"
        "เรือง การประเมินผลการปฏิบัติราชการของข้าราชการ\nเรียน ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [(letter.doc_number, letter.date) for letter in letters] == [("บร 0023.3/1479", dt.date(2018, 11, 7))]


def test_memo_number_under_its_first_rows_when_both_labels_are_garbled() -> None:
    letters = extract_letters([(1, normalise(
        "ด่วนที่สด\n| . บันทึกข้อความ\n"
        ": ส่วนราชการ ส่วนติดตามและประเมินผล สำนักนโยบายและแผน โทร. 0-2241-9000 |\n'ต่อ 3587 . . 0 .\n"
        "ที่ มท 0801,5 / 5147 7 วันที่ . 14 เมษายน 2557\n"
        "3 อง การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพใน\n"
        "7 การปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2557\nเรวียน. ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง\n"
        "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 4160\nลงวันที่ 30 มกราคม 2557 แจ้งให้\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [(letter.doc_number, letter.date) for letter in letters] == [("มท 0801.5/5147", dt.date(2014, 4, 14))]


def test_memo_number_whose_code_is_garbled_under_an_office_line_run_on_into_its_phone() -> None:
    letters = extract_letters([(1, normalise(
        "บนทกขอความ |\n.ส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดแม่ฮ่องสอน โท่ร. 0-2241-\n"
        "์ 9000 ต่อ2380\nที่. ม.\n' หลส็0023.3/3.31 . ว วันที่ 8 มิถุนายน 2565\n"
        "เรื่อง. โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น\nเรียน: - อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [(letter.doc_number, letter.date) for letter in letters] == [("มส 0023.3/331", dt.date(2022, 6, 8))]
    assert "doc_number_repaired" in letters[0].flags


def test_a_header_number_whose_slash_ocr_lost() -> None:
    letters = extract_letters([(1, normalise(
        "ด่วนที่สุด\n. ที่มท 0809.2263 ' กรมส่งเสริมการปกครองท้องถิ่น\n: ถนนนครราชสีมา เขตดุสิต กทม. .\n"
        "3 มิถุนายน 2562\nเรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วม\n"
        "ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\nจึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["มท 0809.2/263"]
    assert "doc_number_repaired" in letters[0].flags


def test_a_subject_word_after_thi_is_no_number_line() -> None:
    from extractors.letter_fields import _NUMBER_LINE

    assert _NUMBER_LINE.match("ที่ทราบ 2 ครั้ง") is None
    assert _NUMBER_LINE.match("ที่ ลย ook. 0023.2/ว4841 - วันที 17 มิถุนายน 2565") is not None


def test_a_mark_read_from_another_glyph_is_told_from_a_mark_read_as_printed() -> None:
    """The judge of re-read lines keeps a ว that was read; one taken from a letter in its place
    (`ต3382`: half of a broken ๓, seed 1025 doc20180804) the ink may overrule."""
    guessed, seen, specked = (try_parse_docnum(t) for t in ("ยส 0023.3 / ต3382", "มท 0810.7/ว 3382", "มท 0802.2/ไว277"))
    assert guessed is not None and guessed.circular and guessed.mark_guessed
    assert seen is not None and seen.circular and not seen.mark_guessed
    assert specked is not None and not specked.mark_guessed  # a vowel speck before a ว read as printed



def test_a_code_with_a_letter_more_is_the_office_printed_beside_the_number() -> None:
    # img001 (seed 1037): ที่ มท ๐๘๑๐.๕/ว ๕๐๙๐ read `ทีมมท`, the department's name after the number.
    letters = extract_letters([(1, normalise(
        "ทีมมท 0810.5/ว 5090 กรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา เขตดุสิต กทม.\n10300' .\n"
        "10 กรกฎาคม 2566\nเรื่อง การติดตามตัวชี้วัด\nเรียน ผู้ว่าราชการจังหวัดสตูล\n"
        "จึงเรียนมาเพื่อโปรดพิจารณา\n"))])
    assert [letter.doc_number for letter in letters] == ["มท 0810.5/ว 5090"]
    assert "doc_number_repaired" in letters[0].flags
