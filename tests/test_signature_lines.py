"""Signatory name lines to read again, and which reading of one is the better name (seen on the
page texts of wide1005-1011)."""

from __future__ import annotations

import pytest

from extractors.header_lines import is_better_name, signature_line_ids
from extractors.signature_lines import name_score
from pipeline.records import Page, Word


def _page(lines: list[str]) -> Page:
    words = [Word(text=t, conf=90.0, left=0, top=10 * i, width=10, height=8, line=i)
             for i, line in enumerate(lines) for t in line.split()]
    return Page(number=1, source="ocr", words=words)


@pytest.mark.parametrize(("line", "score"), [
    ("heen สัยญาก ก:", 0),
    ("(รรร์วสิร ทองคำ)", 1),  # no title
    ("(นางวับพีสั สัยญาก)", 2),  # titled, nobody's name
    ("(นายธนากร ไง)", 3),  # a one-word surname is ink read as a word
    ("| (นางอัญชลี หวังเจริญ)", 4),
])
def test_a_reading_scores_by_how_much_of_a_name_it_holds(line: str, score: int) -> None:
    assert name_score(line) == score


@pytest.mark.parametrize(("old", "new", "taken"), [
    ("| (นางอัญชลี wIaaigy)", "| (นางอัญชลี หวังเจริญ)", True),
    ("ก จันทร์กระพ้อ) ae.", "(นางสาววันเพ็ญ จันทร์กระพ้อ) ก . )", True),
    ("ลกยสมห บุญประเททศร", "สร บุญประเสริฐ)", False),  # closed, but no title: the ink read as one
    ("heen สัยญาก ก:", "(นางวับพีสั สัยญาก ก:", False),
    ("(นางพรทิพย์ ภูมิพัฒน์) |", "(นางพรทิพย์ ภูมิพัฒ) |", False),
    # wide 1035 SCAN_0002 and 1036 saraban_006, page pass then the line read again: one mark off a listed name
    ("(นางณ์จูธิดา จุลเจริญ)", "(นางณัฐ์ธิดา จุลเจริญ)", True),
    ("(นายนพดล พรหม่วงค์) -", "(นายนพดล พรหม่วงศ์) .", True),
])
def test_a_reread_name_is_taken_when_it_holds_more_of_a_name(old: str, new: str, taken: bool) -> None:
    assert is_better_name(old, new) is taken


def test_the_line_over_the_position_is_read_again_when_no_name_was_read() -> None:
    page = _page(["จึงเรียนมาเพื่อโปรดทราบ", "ขอแสดงความนับถือ", "ลกยสมห บุญประเททศร",
                  "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    assert signature_line_ids(page) == [2]


def test_no_line_is_read_again_when_the_name_was_read() -> None:
    page = _page(["ขอแสดงความนับถือ", "(ว่าที่ร้อยตรีอภิชาต จุลเจริญ)", "จ", "ผู้อำนวยการกองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น"])
    assert signature_line_ids(page) == []


def test_a_name_opening_the_page_after_the_closing_is_read_again() -> None:
    assert signature_line_ids(_page(["-ใ2-", "| (นางอัญชลี wIaaigy)", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])) == [1]
    assert signature_line_ids(_page(["-2-", "(ตามบัญชีแนบท้าย)", "ลำดับ จังหวัด"])) == []


def test_a_name_only_closed_with_latin_ink_after_is_read_again() -> None:
    page = _page(["จึงเรียนมาเพื่อโปรดพิจารณา", "ก จันทร์กระพ้อ) ae.", "ผู้อำนวยการกองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น"])
    assert signature_line_ids(page) == [1]


@pytest.mark.parametrize(("name", "picked"), [
    ("(นางณ์จูธิดา จุลเจริญ)", True),  # given name nobody's, surname listed
    ("(นายนพดล พรหม่วงค์) -", True),  # given name listed, surname neither listed nor words
    ("(นางจิดารัตน์ พรหมวงศ์)", False),  # read whole (a listed name, if not the printed one)
])
def test_a_titled_name_with_one_part_unknown_is_read_again(name: str, picked: bool) -> None:
    page = _page(["จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการต่อไป", name,
                  "ผู้อำนวยการสำนักพัฒนาและส่งเสริมการบริหารงานท้องถิ่น"])
    assert signature_line_ids(page) == ([1] if picked else [])
