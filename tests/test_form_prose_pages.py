"""A page of a letter's prose is no report form, however its words cluster into columns."""

from __future__ import annotations

import numpy as np

from extractors.report_forms import extract_report_rows
from pipeline.records import Document, Page, Word

# A circular's second page as page OCR read it (seed 1023 doc20200615_124811_09): its words, by
# where they stood, cluster into three columns, and ยังไม่ได้ดำเนินการ reads as a count heading.
GRID = [
    ["", "", "-2-"],
    ["", "", "l2. กำกับ ติดตาม และให้คำแนะนำแก่ ฆ"],
    ["'", "", "17 56"],
    ["", "องค์กรปกครองส่วนท้องถินที่ยังไม่ได้ดำเนินการจัดตั้งศูนย์", "ให้ดำเนินการ"],
    ["", "แล้วเสร็จโดยเร็ว", "ก"],
    ["", "", "m. . ประชาสัมพันธ์ช่องทางการขอรับความช่วยเหลือให้."],
    ["", "ประชาชนในพื้นที่ทราบอย่างทั่วถึง", ""],
    ["การดำเนินการดังกล่าว", "", "จึงขอให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเร่งรัด"],
    ["", "", "จึงเรียนมาเพื่อทราบและดำเนินการ"],
    ["", "", "ขอแสดงความนับถือ"],
    ["", "", "(นายอนุชา คำแสน)"],
    ["", "", "ผู้อำนวยการกองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น"],
    ["กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น", "", ""],
    ["|", "", ""],
    ["", "โทร.", "022419000 ต่อ 2659 :"],
    ["", "โทรสาร", "022414777"],
]
_COLUMNS = (100, 1000, 2100)


def _words() -> list[Word]:
    out = []
    for r, row in enumerate(GRID):
        for c, text in enumerate(row):
            x = _COLUMNS[c]
            for token in text.split():
                out.append(Word(token, 90.0, x, 200 + 100 * r, 40 * len(token) // 2, 60, 1, r + 1))
                x += 40 * len(token) // 2 + 30
    return out


def test_a_letters_prose_page_gives_no_report_rows() -> None:
    image = np.full((3508, 2480), 255, np.uint8)
    page = Page(number=2, source="ocr", image=image, dpi=300, width=2480, height=3508, words=_words())
    doc = Document(file_id="p", source_name="letter.pdf", media="pdf", pages=[page])
    assert extract_report_rows(doc, [], {2: "letter"}) == []
