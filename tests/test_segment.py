"""Page roles and letter boundaries on the seeds."""

from __future__ import annotations

import pytest
from letters_seed_pages import seed_pages

from extractors.letters import extract_letters
from extractors.segment import classify_pages, find_spans, stream_lines


def test_seed000_roles() -> None:
    roles = classify_pages(seed_pages("000"))
    assert roles[1] == "letter" and roles[2] == "report_form" and roles[5] == "memo"
    assert set(roles.values()) <= {"letter", "memo", "report_form", "continuation"}


def test_letter_starts_mid_page_at_its_stamp() -> None:
    pages = seed_pages("000")
    lines = stream_lines(pages)
    spans = find_spans(lines)
    assert [s.kind for s in spans] == ["letter", "letter", "memo"]
    second = spans[1]  # its receiving stamp is on the report-form page, above the header
    assert lines[second.start].text.startswith("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดอุดรธานี")
    assert lines[second.start].page == 2 and lines[second.header].page == 2


def test_memo_title_opens_a_span_and_its_number_line_does_not() -> None:
    spans = find_spans(stream_lines(seed_pages("003")))
    assert [s.kind for s in spans] == ["memo", "letter"]


def test_report_form_page_is_not_part_of_a_signed_letter_range() -> None:
    pages = [(1, "ที่ ปจ 0023.3/1707\nเรื่อง รายงานผล\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nจึงเรียนมาเพื่อทราบ\n(นายอนุชา ทองคำ)\nท้องถิ่นจังหวัดปราจีนบุรี"),
             (2, "แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\nประจำเดือน พฤศจิกายน พ.ศ. 2564\nที่ อำเภอ ทั้งหมด จัดตั้งแล้ว ยังไม่จัดตั้ง\n1 เมือง 15 4 11")]
    assert classify_pages(pages) == {1: "letter", 2: "report_form"}
    letter = extract_letters(pages)[0]
    assert (letter.page_from, letter.page_to) == (1, 1)
    assert letter.sender == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดปราจีนบุรี"  # from the signatory's title


def test_kpi_table_page() -> None:
    roles = classify_pages(seed_pages("002"))
    assert roles[1] == "letter" and roles[3] == "memo"
    assert classify_pages([(1, "ลำดับ ประเด็น ตัวชี้วัด เป้าหมาย เกณฑ์การให้คะแนน\n1 ก 3 1 2 3 4 5 กค.")]) == {1: "kpi_table"}


def test_no_letter_on_empty_pages() -> None:
    assert extract_letters([(1, ""), (2, "   ")]) == []
    assert classify_pages([(1, "")]) == {1: "other"}


GARBLED_TOP = """. ด่วนที่สุด
Gt บก 0023.1 / 939
สำนักงานส่งเสริม |
การปกครองท้องถิ่นจังหวัด ;
. .ศาลากลางจังหวัดบึงกาฬ
. 8 สิงหาคม 2560
Gas รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ ป
องค์กรปกครองส่วนท้องถิ่น ประจำเดือน กรกฎาคม พ.ศ. 2560 |
เงยน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น :
จึงเรียนมาเพื่อโปรดพิจารณา
"""


def test_a_letter_whose_labels_ocr_all_garbled_opens_at_its_number() -> None:
    spans = find_spans(stream_lines([(1, GARBLED_TOP)]))
    assert [(s.kind, s.start, s.header) for s in spans] == [("letter", 0, 1)]
    assert [letter.doc_number for letter in extract_letters([(1, GARBLED_TOP)])] == ["บก 0023.1/939"]


def test_a_page_without_labels_or_a_number_at_its_top_is_no_letter() -> None:
    page = GARBLED_TOP.replace("Gt บก 0023.1 / 939", "ตามหนังสือ ที่ มท 0810.7/ว 2940 ลงวันที่ 9 ตุลาคม 2566")
    assert find_spans(stream_lines([(1, page)])) == []


@pytest.mark.parametrize("number_line", [
    pytest.param("NWN 0810.7/ว่4231", id="thi-and-code-read-as-latin"),
    pytest.param("G อต Saleen. 0023.5/2687", id="ink-between-code-and-digits"),
])
def test_a_letter_whose_number_ocr_garbled_before_its_digits_opens_there(number_line: str) -> None:
    page = GARBLED_TOP.replace("Gt บก 0023.1 / 939", number_line)
    spans = find_spans(stream_lines([(1, page)]))
    assert [(s.kind, s.start, s.header) for s in spans] == [("letter", 0, 1)]


# A memo's top as OCR read a scan: a stamp's speck over `ทสด 5` passes for a number line, and
# the memo title below it is garbled (`.บนทกขอความ`).
_SPECKED_MEMO = """อ
ทสด 5
.บนทกขอความ | |
ต ส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด
: สุพรรณบุรี โทร. 0-2241-9000 ต่อ 2583
.. ที่ สพ 0023.3/ว 4861 ฏ:วิ๊น์ที่ 17 กรกฎาคม 2567 .
เรื่อง การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรม
เรียน ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง
จึงขอให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเร่งรัดการดำเนินการดังกล่าว
จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการต่อไป
(นายเอกชัย หาดแพง)
ท้องถิ่นจังหวัดสุพรรณบุรี"""


def test_a_number_line_whose_header_labels_belong_to_the_next_head_opens_no_letter() -> None:
    letters = extract_letters([(1, _SPECKED_MEMO)])
    assert [(m.kind, m.doc_number, str(m.date)) for m in letters] == [("memo", "สพ 0023.3/ว 4861", "2024-07-17")]


def test_a_letter_span_that_ends_at_its_header_cites_nothing_and_does_not_fail() -> None:
    from extractors.letter_body import find_references
    from extractors.letter_fields import LetterLines
    from extractors.segment import Span

    lines = stream_lines([(1, "ที่ มท 0810.7/ว 1271")])
    view = LetterLines(lines, Span("letter", 0, 0, 1))
    assert find_references(view, 1, "มท 0810.7/ว 1271", None).refs == []
