"""The subject's spelling judge: words OCR damaged by one look-alike glyph are put back only where
the dictionary is sure, and the change is named (subjects as read on wide seeds 989 and 991)."""

from __future__ import annotations

import pytest

from extractors.letters import extract_letters
from extractors.subject_spelling import SPELLING_CORRECTED, judge_spelling
from pipeline.thai.text import normalise


@pytest.mark.parametrize(("read", "expected"), [
    ("การรายงานผลการตำเนินงานตามตัวช่วัดตามมาตรการปรับปรุงประสิทธิภาพ",  # ด read as ต; ี้ as ่
     "การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพ"),
    ("ขององค์กรปกครองส่วนท้องถิ่นแล่ะ๊ ศูนย์ปฏิบัติการ", "ขององค์กรปกครองส่วนท้องถิ่นและ ศูนย์ปฏิบัติการ"),  # specks as tones
    ("กำรรายงานผลการดำเนินงาน", "การรายงานผลการดำเนินงาน"),
    ("รายงานผูลการจัดตั้งศูนย์ช่วยเหลือประชาชน", "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน"),  # a speck as ู (img021, 1023)  # า read as ำ; the dictionary split กำ / ร (seed 1007)
])
def test_damaged_words_are_put_back(read: str, expected: str) -> None:
    assert judge_spelling(read)[0] == expected


def test_each_change_is_named() -> None:
    assert judge_spelling("การตำเนินงาน")[1] == ["การตำเนินงาน>การดำเนินงาน"]


@pytest.mark.parametrize("read", [
    "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2562",
    "งการประเมินผลการปฏิบัติราชการ",  # a lone letter of ink is not made a word (งิ)
    "รอบการประเมินที่ 2 ประจำปีงบประมาณพ A. 2562",  # nor a letter glued on (ประมาณพี)
    "ขอให้ สท. และ สน.พส. แจ้ง",  # an abbreviation's letters are no words
    "ที่อยู่ระหว่างการกำหนดค่าเป้าหมาย",  # common words stay (กำหนด, not กำหมด)
    "การจัดซื้อครุภัณฑ์และวัสดุการเกษตร ปุ๋ยอินทรีย์",  # lower vowels of real words stay
])
def test_right_or_unsure_text_stays(read: str) -> None:
    assert judge_spelling(read) == (read, [])


def test_a_letter_names_its_corrected_subject() -> None:
    text = ("ที่ ลย 0023.2/1571\nสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเลย\n11 พฤษภาคม 2560\n"
            "เรื่อง การรายงานผลการตำเนินงานตามตัวช่วัดตามมาตรการปรับปรุงประสิทธิภาพ\n"
            "เรียน ท้องถิ่นอำเภอ ทุกอำเภอ\nด้วยกรมส่งเสริมการปกครองท้องถิ่นแจ้งว่า\n"
            "จึงเรียนมาเพื่อทราบ\n(นายสมชาย ใจดี)\n")
    letter = extract_letters([(1, normalise(text))])[0]
    assert letter.subject == "การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพ"
    assert any(f.startswith(SPELLING_CORRECTED + ":") and "ตำเนิน" in f for f in letter.flags)
