"""An addressee garbled past its opening อธิบดีกรม (wide998, a photographed page), and real
department heads that must stay as read."""

from __future__ import annotations

import pytest

from extractors.addressee_vocabulary import (
    ADDRESSEE_CORRECTED,
    district_office_by_name,
    fixed_name_by_tail,
    head_of_department_by_head,
)
from extractors.letters import extract_letters
from pipeline.thai.text import normalise


def test_garbled_after_its_title_is_the_departments_head() -> None:
    assert head_of_department_by_head("อธิบดีกรมสมจิบกาท") == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"


@pytest.mark.parametrize("addressee", [
    "อธิบดีกรมบัญชีกลาง", "อธิบดีกรมการปกครอง", "อธิบดีกรมป้องกันและบรรเทาสาธารณภัย",
    "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", "ผู้ว่าราชการจังหวัดสมจิบกาท", "อธิบดีกรมจิบกาท",
])
def test_a_department_read_as_words_or_not_opening_as_the_department_is_left(addressee: str) -> None:
    assert head_of_department_by_head(addressee) is None


def test_the_letter_names_the_guess() -> None:
    text = ("ที่ อจ0023.1/2630\nศาลากลางจังหวัดอำนาจเจริญ\n7 ธันวาคม 2561\n"
            "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
            ". ประจำเดือน พฤศจิกายน พ.ศ. 2561\nเรียน อธิบดีกรมสมจิบกาท\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น แจ้งให้รายงานผลการดำเนินงาน นั้น\n"
            "จึงเรียนมาเพื่อทราบ\n(นายสมชาย ใจดี)\nท้องถิ่นจังหวัดอำนาจเจริญ\n")
    letter = extract_letters([(1, normalise(text))])[0]
    assert letter.addressee == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"
    assert any(f.startswith(f"{ADDRESSEE_CORRECTED}:อธิบดีกรม") for f in letter.flags)


@pytest.mark.parametrize(("read", "name"), [
    ("ฮ7ฏ0@(กรยงท้องถิ่นจังหวัด ทุกจังหวัด", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด"),  # wide1005
    ("แร็มการปกครองท้องถิ่นจังหวัด (ตรมบัญชีแนบท้ายอค", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"),
])
def test_a_long_name_garbled_at_its_head_is_known_by_its_end(read: str, name: str) -> None:
    assert fixed_name_by_tail(read) == name


@pytest.mark.parametrize("addressee", [
    "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",  # the end of รองอธิบดี…, but a whole name itself
    "ท้องถิ่นจังหวัด ทุกจังหวัด",  # no junk before: a real addressee of its own
    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่",
    "นายกองค์การบริหารส่วนจังหวัด ทุกจังหวัด",
])
def test_an_addressee_read_right_is_no_garbled_fixed_name(addressee: str) -> None:
    assert fixed_name_by_tail(addressee) is None


@pytest.mark.parametrize(("read", "office"), [
    # wide 1033 img006, as read: บุ่งคล้า (บึงกาฬ) with its ค lost
    ("สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอบุ่งล้า", "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอบุ่งคล้า"),
    ("ท้องถิ่นอำเภอบุ่งล้า", "ท้องถิ่นอำเภอบุ่งคล้า"),
])
def test_a_district_office_whose_district_ocr_damaged_takes_the_gazetteers_name(read: str, office: str) -> None:
    assert district_office_by_name(read) == office


@pytest.mark.parametrize("addressee", ["สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอบุ่งคล้า", "ท้องถิ่นอำเภอเมืองชัยนาท",
                                       "ท้องถิ่นอำเภอ ทุกอำเภอ", "ท้องถิ่นอำเภอกขฃคฅฆงจฉช"])
def test_a_district_read_right_or_far_from_any_is_left(addressee: str) -> None:
    assert district_office_by_name(addressee) is None


def test_the_letter_names_the_district_put_back() -> None:
    text = ("ที่ บก 0023.3/1507\nศาลากลางจังหวัดบึงกาฬ\n9 สิงหาคม 2563\n"
            "เรื่อง การประเมินผลการปฏิบัติราชการของข้าราชการ\n"
            "ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอบุ่งล้า\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น แจ้งให้รายงานผลการดำเนินงาน นั้น\n"
            "จึงเรียนมาเพื่อทราบ\n(นายอานนท์ แก้วมณี)\nท้องถิ่นจังหวัดบึงกาฬ\n")
    letter = extract_letters([(1, normalise(text))])[0]
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอบุ่งคล้า"
    assert any(f.startswith(f"{ADDRESSEE_CORRECTED}:") and f.endswith("บุ่งคล้า") for f in letter.flags)
