"""Office and position names spelled right: real OCR readings from the sample scans."""

from __future__ import annotations

import pytest

from extractors.letters import extract_letters
from extractors.offices import canonical_office, closest_fixed_name
from pipeline.records import Letter
from pipeline.thai.text import normalise


@pytest.mark.parametrize("read, expected", [
    pytest.param("กรมสงเสริมการปกครองท้องถิ่น", "กรมส่งเสริมการปกครองท้องถิ่น", id="SCAN_0001-sender-dropped-mark"),
    pytest.param("อธิบดี กรมสังเสริมการปกครองท้องถื่น", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
                 id="SCAN_0008-addressee-space-and-marks"),
    pytest.param("สำนักงานสงเสริมการปกครองท้องถินจังหวัดปราจนบุร", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดปราจีนบุรี",
                 id="province-same-letters-gazetteer-spelling"),
    pytest.param("ผู้ว่าราชการจังหวัด ทุกจังหวัด (ยกเว้น กรุงเทพมหานคร)",
                 "ผู้ว่าราชการจังหวัด ทุกจังหวัด (ยกเว้น กรุงเทพมหานคร)", id="rest-kept-as-read"),
    pytest.param("นายอำเภอเมืองลำพูน", "นายอำเภอเมืองลำพูน", id="district-chief"),
    pytest.param("นายกอ่งค์การบริหารส่วนจังหวัดชัยภูมิ", "นายกองค์การบริหารส่วนจังหวัดชัยภูมิ",
                 id="wide987-provincial-council-chief-speck-as-a-tone-mark"),
])
def test_known_names_take_their_spelling(read: str, expected: str) -> None:
    assert canonical_office(read) == expected


@pytest.mark.parametrize("read", [
    pytest.param("ท้องถิ่นจังหวัดปราจบุรี", id="province-near-miss-not-guessed"),
    pytest.param("กองคลังจังหวัด", id="a-longer-word-is-another-name"),
    pytest.param("ส่วนมาตรฐานการบริหารงานบุคคล สำนักบริหารงานบุคคลส่วนท้องถิ่น", id="already-right"),
    pytest.param("บริษัท ทดสอบ จำกัด", id="unknown-office"),
])
def test_other_text_stays_as_read(read: str) -> None:
    assert canonical_office(read) == read


# Addressees as OCR read them on wide seeds 947-963 (stamp ink over the label, marks swapped).
@pytest.mark.parametrize(("read", "expected"), [
    ("Ani ขักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)",
     "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"),
    ("สำ านักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตาม Tus ชีแนบท้าย)",
     "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"),
    ("กงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด"),
    ("อธิบดีกรมส่งเสริมกำรปกครองท้องถิ่น", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"),
    ("อธิบดีกรมส่งเสริมการปกครองท้องถิ่น ก", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"),
    ("ท้องถิ่นอำเกอ ทุกอำเภอ", "ท้องถิ่นอำเภอ ทุกอำเภอ"),
    ("ผู้อำนวยการสำนัก/กอง ทิเกี่ยวข้อง", "ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง"),
])
def test_near_copies_of_fixed_names_take_the_name(read: str, expected: str) -> None:
    assert closest_fixed_name(read) == expected


@pytest.mark.parametrize("read", [
    "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอฆ้องชัย",  # a district's office is not ทุกอำเภอ
    "ผู้ว่าราชการจังหวัดสระแก้ว",
    "สสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด หรา",  # its last word lost: which list is not known
    "60ฝฏฝฮ็7\"!เการปกครองท้องถิ่น",  # อธิบดีกรม… or กรม…: too far from both
    "นายกองค์การบริหารส่วนจังหวัดชุมพร",
])
def test_names_far_from_or_between_fixed_names_stay_as_read(read: str) -> None:
    assert closest_fixed_name(read) == read


def test_issuer_codes_of_the_senders() -> None:
    from extractors.issuer_codes import issuer_code

    assert issuer_code("กรมส่งเสริมการปกครองท้องถิ่น") == "มท"
    assert issuer_code("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนราธิวาส") == "นธ"
    assert issuer_code("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดหนองบัวลำภู") == "นภ"
    assert issuer_code("สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอนาวัง") == ""  # a district's office prints its own


@pytest.mark.parametrize(("read", "addressee"), [
    pytest.param("ระงแรริมการปกครองท้องถิ่น", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", id="title-under-ink"),
    pytest.param("ขอิบดระเต่งเคริมการปกครองท้องถิ่น", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", id="title-garbled"),
    pytest.param("ออธิบดีกรมส่งเสริมการปกครองท้องถิ่น", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", id="first-letter-doubled"),
    pytest.param("Pa ไธรมการปกตรองท้องถิ่น", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", id="latin-ink-and-a-slip-in-the-end"),
    pytest.param("รองอธิบดีกรมส่งเสริมการปกครองท้องถิ่น", "รองอธิบดีกรมส่งเสริมการปกครองท้องถิ่น", id="deputy-stays"),
    pytest.param("ผู้อำนวยการกองคลัง กรมส่งเสริมการปกครองท้องถิ่น", "ผู้อำนวยการกองคลัง กรมส่งเสริมการปกครองท้องถิ่น",
                 id="another-office-of-the-department-stays"),
    pytest.param("สำนักงานส่งเสริมการปกครองท้องถิ่น", "สำนักงานส่งเสริมการปกครองท้องถิ่น", id="provincial-office-cut-short"),
    pytest.param("นายกองค์กรปกครองส่วนท้องถิ่น", "นายกองค์กรปกครองส่วนท้องถิ่น", id="other-ending"),
    pytest.param("", "", id="empty"),
])
def test_an_addressee_garbled_but_for_the_departments_end_is_its_head(read: str, addressee: str) -> None:
    from extractors.offices import head_of_department_by_tail

    assert head_of_department_by_tail(read) == addressee


# Letterheads as OCR read them on unseen scans: the office name wrapped over three lines, specks
# at the lines' ends, a digit read inside a word, the number line standing between two halves.
@pytest.mark.parametrize(("lines", "sender"), [
    (["สำนักงานส่งเสริม 1", "การปกครองท้องถิ่นจังหวัด", ". มุกดาหาร © |", "| ศาลากลางจังหวัดมุกดาหาร"],
     "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดมุกดาหาร"),
    (["สำนักงานส่งเสริม : |", "กา3รปกครองท้องถิ่นจังหวัด |", ".นครสวรรค์ 1 |", "ศาลากลางจังหวัดนครสวรรค์ ."],
     "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครสวรรค์"),
    (["สำนักงานส่งเสริมการปกครอง", "ที่รน0023.1/2927", "ท้องถิ่นจังหวัดระนอง", "ศาลากลางจังหวัดระนอง -"],
     "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดระนอง"),
    (["กรมส่งเสริมการปกครองท้องถิ่น 4", "ถนนนครราชสีมา เขตดุสิต กทม. 10300"], "กรมส่งเสริมการปกครองท้องถิ่น"),
])
def test_a_wrapped_letterhead_is_one_sender(lines: list[str], sender: str) -> None:
    assert _letter_of(lines).sender == sender


def test_a_sender_beside_the_number_after_specks() -> None:
    letter = _letter_of(["ที่ ชน0023.5/4008 7 . สำนักงานส่งเสริมการปกครอง", "| | ท้องถิ่นจังหวัดชัยนาท",
                         "' . ศาลากลางจังหวัดชัยนาท"])
    assert letter.sender == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยนาท"


def test_an_address_under_a_complete_name_is_not_joined() -> None:
    letter = _letter_of(["สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดลพบุรี", "ศาลากลางจังหวัดลพบุรี"])
    assert letter.sender == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดลพบุรี"


def _letter_of(letterhead: list[str]) -> Letter:
    number = [] if any(line.startswith("ที่") for line in letterhead) else ["ที่ มท 0023.1/ว 2135"]
    text = "\n".join([*number, *letterhead, "13 มีนาคม 2558", "เรื่อง การติดตามตัวชี้วัด",
                      "เรียน นายอำเภอ ทุกอำเภอ", "ตามที่กรมส่งเสริมการปกครองท้องถิ่นแจ้ง นั้น",
                      "จึงเรียนมาเพื่อทราบ", "(นายสมชาย ใจดี)", "ท้องถิ่นจังหวัดมุกดาหาร"])
    letters = extract_letters([(1, normalise(text))])
    assert len(letters) == 1
    return letters[0]
