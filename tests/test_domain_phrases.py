"""Stock phrases of local-administration letters put back where OCR damaged them (subjects as
read on wide seeds 947-963)."""

from __future__ import annotations

import pytest

from extractors.domain_phrases import repair_phrases


@pytest.mark.parametrize(("read", "expected"), [
    ("นโยบายและแผนงานที่สำคัญของกรมส่งเสริมกว่รปกครองท้องถิ่น ประ จำปีงบประมาณ",
     "นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ"),
    ("ขององค์กรปกศรองส่วนท้องถิ่น (สถานที่ึกลาง)", "ขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"),
    ("ข้าราชการในสังกัดกรมส่ง เสริมการปกครองท้องถิ่น", "ข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น"),
    ("ของกรมส่งเสริมป การปกครองท้องถิ่น ประจำ", "ของกรมส่งเสริมการปกครองท้องถิ่น ประจำ"),
    ("โครงการตัดเลือกท้องถิ่นจังหวัดตีเด่นและท้องถิ่นอำเกอดีเด่น",
     "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น"),
    ("ตามมาตรการปรับปรุงป25สิทธิภาพในการปฏิบัติราชการ", "ตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ"),
    ("ขององค์กรปกครองส่วนท้องถิ่น๊ ประจำเดือน", "ขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน"),
])
def test_near_copies_of_stock_phrases_are_put_back(read: str, expected: str) -> None:
    assert repair_phrases(read) == expected


@pytest.mark.parametrize("read", [
    "ที่สำศัญ",  # a short word alone: one slip could be another word
    "เร่งรัดการดำเนินการดังกล่าวและรายงานผล",
    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสตูล",
    "นายกองค์การบริหารส่วนจังหวัดชุมพร",
])
def test_other_words_stay_as_read(read: str) -> None:
    assert repair_phrases(read) == read
