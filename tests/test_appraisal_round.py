"""The appraisal round of a subject read past 2, as OCR read it on wide seeds 1032 and 1033."""

from __future__ import annotations

import pytest

from extractors.appraisal_round import APPRAISAL_ROUND_REPAIRED, mended_round
from extractors.letters import extract_letters
from pipeline.thai.text import normalise

_SUBJECT = "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น รอบการประเมินที่ {} " \
           "ประจำปีงบประมาณ พ.ศ. 2569"


@pytest.mark.parametrize(("read", "round_", "change"), [
    ("25", "2", "25>2"),  # img008 (1032): a speck after ๒ read as 5
    ("2563", "2", "2563>2"),  # img006 (1033): the fiscal year's digits over the round
    ("1", "1", None),
    ("2", "2", None),
    ("35", "35", None),  # no round starts so: left as read
])
def test_a_round_past_two_is_its_first_digit(read: str, round_: str, change: str | None) -> None:
    assert mended_round(_SUBJECT.format(read)) == (_SUBJECT.format(round_), change)


def test_the_letter_names_the_mended_round() -> None:
    text = ("บันทึกข้อความ\nส่วนราชการ ส่วนมาตรฐานการบริหารงานบุคคล โทร. 0-2241-9000\n"
            "ที่ มท 0809.2/ว4012 วันที่ 3 พฤศจิกายน 2568\n"
            "เรื่อง การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรม\n"
            "ส่งเสริมการปกครองท้องถิ่น รอบการประเมินที่ 25 ประจำ\nปีงบประมาณ พ.ศ. 2569\n"
            "เรียน ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง\n"
            "ตามที่ กรมส่งเสริมการปกครองท้องถิ่นได้กำหนดแนวทางการดำเนินงาน นั้น\n"
            "จึงเรียนมาเพื่อโปรดทราบ\n(นายสมชาย ใจดี)\nผู้อำนวยการสำนักบริหารงานบุคคลส่วนท้องถิ่น\n")
    letter = extract_letters([(1, normalise(text))])[0]
    assert "รอบการประเมินที่ 2 ประจำปีงบประมาณ" in letter.subject
    assert f"{APPRAISAL_ROUND_REPAIRED}:25>2" in letter.flags
