"""Letter header fields read by their labels and continuation rules, as OCR delivers them:
labels set flush against their value, a garbled addressee label, ink read after the subject."""

from __future__ import annotations

from extractors.letters import extract_letters
from pipeline.thai.text import normalise

HEAD = """ด่วนที่สุด
ที่ มท 0801.5/ว 4855 กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา เขตดุสิต กทม. 10300
14 กันยายน 2563
"""
BODY = """ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.5/ว 5164 ลงวันที่ 31 สิงหาคม 2563
แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดรายงานผลการดำเนินงาน นั้น
จึงเรียนมาเพื่อทราบและดำเนินการ
(นางอรุณี ประเสริฐศักดิ์)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น
"""


def _letter(middle: str):  # noqa: ANN202 - a test helper
    letters = extract_letters([(1, normalise(HEAD + middle + BODY))])
    assert len(letters) == 1
    return letters[0]


def test_labels_flush_against_their_values() -> None:
    letter = _letter("เรื่องการติดตามตัวชี้วัดที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น\n"
                     "ประจำปีงบประมาณ พ.ศ. 2563\n"
                     "ถึงสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด\n")
    assert letter.subject == ("การติดตามตัวชี้วัดที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น "
                              "ประจำปีงบประมาณ พ.ศ. 2563")
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด"


def test_subject_ends_at_its_year_before_a_garbled_addressee() -> None:
    letter = _letter("เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น\n"
                     ".ประจำปีงบประมาณ พ.ศ.2566 แค\n"
                     "Seu อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    assert letter.subject == "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. 2566"


def test_wrapped_subject_without_a_year_still_continues() -> None:
    letter = _letter("เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                     "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)\n"
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n")
    assert letter.subject.endswith("ขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)")
    assert letter.addressee == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"
