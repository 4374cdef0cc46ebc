"""Letter fields read by labels and continuation rules on OCR text as unseen scans deliver it:
labels garbled or lost, specks at line ends, cited numbers without their `ที่`, dots doubled."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.letter_docnum import DOC_NUMBER_REPAIRED, clean_office, try_parse_docnum
from extractors.letters import extract_letters
from pipeline.records import Letter
from pipeline.thai.text import normalise

LETTERHEAD = """สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดร้อยเอ็ด
ศาลากลางจังหวัดร้อยเอ็ด
"""
SUBJECT = """19 ตุลาคม 2566
เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น
ประจำเดือน กันยายน พ.ศ. 2566
"""
BODY = """ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 2940 ลงวันที่ 9 ตุลาคม 2566
แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดรายงานผลการดำเนินงาน นั้น
จึงเรียนมาเพื่อทราบและดำเนินการ
(นางสาวสุนิสา ภูมิพัฒน์)
ท้องถิ่นจังหวัดร้อยเอ็ด
"""


def _letter(text: str) -> Letter:
    letters = extract_letters([(1, normalise(text))])
    assert len(letters) == 1
    return letters[0]


def test_addressee_whose_label_ocr_lost_is_the_titled_line_under_the_subject() -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT +
                     "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอทุ่งเขาหลวง\n" + BODY)
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอทุ่งเขาหลวง"
    assert letter.subject.endswith("ประจำเดือน กันยายน พ.ศ. 2566")


def test_a_citation_whose_first_word_ocr_lost_is_no_addressee() -> None:
    # wide995: เรียน lost before the addressee, อ้าง lost before อ้างถึง; the cited letter is no addressee.
    letter = _letter("ที่มท0819.2/ว3184\n.กรมส่งเสริมการปกครองท้องถิ่น\n13 เมษายน 2561\n"
                     "เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                     "5 องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) |\n"
                     "านักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\nถี:\n"
                     "ถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0810.2/ว468 ลงวันที่ 28\nมกราคม 2561\n" + BODY)
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"


def test_every_group_keeps_the_space_before_it() -> None:
    # wide996: OCR lost the space the letter prints (shared seed 003: ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน).
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT +
                     "เรียน ผู้อำนวยการกลุ่มงานทุกกลุ่มงาน และท้องถิ่นอำเภอทุกอำเภอ\n" + BODY)
    assert letter.addressee == "ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน และท้องถิ่นอำเภอทุกอำเภอ"


def test_subject_under_a_latin_label_when_the_addressee_is_lost_too() -> None:
    # wide984: เรื่อง read as `Goa`, the addressee line as Latin ink; สิ่งที่ส่งมาด้วย ends the header.
    letter = _letter("ที่ นธ 0023.1/ว 3307 สำนักงานส่งเสริมการปกครอง'\nท้องถิ่นจังหวัดนราธิวาส\n"
                     "' ศาลากลางจังหวัดนราธิวาส\n10 เมษายน 2554 -\n"
                     ". Goa โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและ ท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ\n"
                     "พ.ศ. 2554 —\neu Dee ee oe a oe nT ee . |\n"
                     "สิ่งที่ส่งมาด้วย รายละเอียดและเอกสารที่เกี่ยวข้องในการดำเนินการตามตัวชี้วัด จำนวน 1 ชุด\n" + BODY)
    assert letter.subject == "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2554"


def test_subject_and_addressee_under_latin_labels_below_a_garbled_date() -> None:
    # wide996 (a photograph): the date line with ink, เรื่อง read `Bae`, เรียน and สำนั lost to ink.
    letter = _letter(", ที่ มท0810.7/ว1181 | กรมส่งเสริมการปกครอง\neu ' ท้องถิ่น ก\nถนนนครราชสีมา เขตดุสิต\n"
                     "กทม. 10300\nด 30 มกราคม 2561 71]\nBae .เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                     "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) |\n17\n"
                     "ON ai กงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\n"
                     "| ตามที่: กรมสังเสริมการปกครองท้องถิ่นได้กำหนดแนวทางการ 7\n" + BODY)
    assert letter.subject == "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"


def test_addressee_label_after_a_curly_quote_speck() -> None:
    # As OCR read a generated scan: the subject's year lost a digit, so only the label ends it.
    letter = _letter("ที่ ยล 0023.2/3378\n' 15 เมษายน 2562\n"
                     "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น |\n"
                     ". ประจำเดือน มีนาคม พ. ศ. 562\n“เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น . .\n" + BODY)
    assert letter.addressee == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"
    assert "เรียน" not in letter.subject


def test_garbled_addressee_label_is_dropped_from_the_value() -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT +
                     "Seu อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.addressee == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"


def test_no_addressee_is_made_up_from_the_body() -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT + BODY)
    assert letter.addressee == ""


@pytest.mark.parametrize("title", [
    pytest.param("by | บนทกขอความ", id="latin-speck-and-bar"),
    pytest.param("5 บันทึกข้อความ", id="digit-speck"),
])
def test_memo_title_after_a_speck_is_a_memo(title: str) -> None:
    letter = _letter(f"{title}\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสุโขทัย\n"
                     "ที่ สท 0023.3/4033 วันที่ 21 พฤษภาคม 2566\n"
                     "เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. 2566\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.kind == "memo"
    assert letter.date == dt.date(2023, 5, 21)


def test_subject_label_after_a_speck() -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + "19 ตุลาคม 2566\n"
                     "7 เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                     "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject == ("เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ"
                              "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)")


def test_urgency_above_a_broken_letterhead_belongs_to_the_first_letter() -> None:
    letter = _letter("ด่วนมาก\nสำนักงานส่งเสริม.\n' การปกครองท้องถิ่นจังหวัด\nบุรีรัมย์\n"
                     "ศาลากลางจังหวัดบุรีรัมย์\nที่ บร 0023.5/ว 4631\n" + SUBJECT +
                     "เรียน นายกองค์การบริหารส่วนจังหวัดบุรีรัมย์\n" + BODY)
    assert letter.urgency == "ด่วนมาก"


@pytest.mark.parametrize(("lines", "subject"), [
    pytest.param(["การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครอง :",
                  "ท้องถิ่น รอบการประเมินที่ 1 ประจำปีงบประมาณ พ.ศ. 2558"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 1 ประจำปีงบประมาณ พ.ศ. 2558", id="colon-speck-at-wrap"),
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนของ.",
                  "องค์กรปกครองส่วนท้องถิ่นและศูนย์ปฏิบัติการร่วมในการ .",
                  "ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่",
                  "กลาง)"],
                 "เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและศูนย์ปฏิบัติการร่วม"
                 "ในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="four-lines-while-a-parenthesis-is-open"),
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) ต"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                 "(สถานที่กลาง)", id="lone-letter-of-ink-at-the-end"),
    pytest.param(["การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครอง",
                  "ท้องถิ่น รอบการประเมินที่ 2 ประจำปีงบประมาณ พ,ศ.2568 |"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 2 ประจำปีงบประมาณ พ.ศ. 2568", id="comma-for-the-dot-of-the-era"),
    pytest.param(["โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น .",
                  ". ประจำปีงบประมาณ WAL. 2559 ..0"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2559",
                 id="era-read-as-latin"),
    pytest.param(["การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรม",
                  "ส่งเสริมการปกครองท้องถิ่น รอบการประเมินที 2 ประจำ", "ปีงบประมาณ wa. 2565"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 2 ประจำปีงบประมาณ พ.ศ. 2565", id="tone-mark-of-thi-lost-before-a-number"),
    pytest.param(["การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพใน =@ 17=",
                  "การปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2558"],
                 "การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ "
                 "ประจำปีงบประมาณ พ.ศ. 2558", id="ink-glyphs-and-their-digits-at-a-line-end"),
    pytest.param(["โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2554@"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2554",
                 id="ink-glyph-glued-to-the-year"),
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) 13"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                 "(สถานที่กลาง)", id="number-after-the-closing-parenthesis"),
    pytest.param(["โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ 0 พ.ศ. 2562"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2562",
                 id="lone-digit-before-the-era"),
    pytest.param(["รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
                  "ประจำเดือน สิงหาคม พ.ศ. 566 ณซ —"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน สิงหาคม พ.ศ. 2566",
                 id="cut-year-before-ink"),
    pytest.param(["การติดตามตัวชี้วัด'นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น",
                  "ประจำปีงบประมาณ พ.ศ. 2565"],
                 "การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น "
                 "ประจำปีงบประมาณ พ.ศ. 2565", id="slash-read-as-an-apostrophe"),
    pytest.param(["งการประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น",
                  "รอบการประเมินที่ 2 ประจำปีงบประมาณ พ.ศ. 2564"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 2 ประจำปีงบประมาณ พ.ศ. 2564", id="letter-of-ink-glued-before-the-first-word"),
    pytest.param(["การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น",
                  "รอบการประเมินที่ 2 ประจำปีงบประมาณพ A. 2562"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 2 ประจำปีงบประมาณ พ.ศ. 2562", id="era-glued-its-sho-sala-read-as-a-capital"),
    pytest.param(["รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น ประจำเดือน กุมภาพันธ์ พ. fi. 2567"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน กุมภาพันธ์ พ.ศ. 2567",
                 id="sho-sala-of-the-era-read-as-fi"),
    pytest.param(["การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่ง[สริม",
                  "การปกครองท้องถิ่น: .ประจำปีงบประมาณ พ.ศ. 2564"],
                 "การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น "
                 "ประจำปีงบประมาณ พ.ศ. 2564", id="colon-and-point-between-words"),
    pytest.param(["การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น",
                  "รอบการประเมินที่1 ประจำปีงบประมาณ พ.ศ. 2558"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 1 ประจำปีงบประมาณ พ.ศ. 2558", id="number-glued-to-thi"),
])
def test_subject_wraps_without_the_specks_at_line_ends(lines: list[str], subject: str) -> None:
    text = "\n".join(["ที่ รอ 0023.2/ว 4230", "19 ตุลาคม 2566", "เรื่อง " + lines[0], *lines[1:]])
    letter = _letter(text + "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject == subject


@pytest.mark.parametrize(("cited", "number", "date"), [
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่. มท 0802.2 /ว 782 ลงวันที่\n"
                 "28 มิถุนายน 2557", "มท 0802.2/ว 782", dt.date(2014, 6, 28), id="dot-after-thi"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท\n0810.7/ว 3239 สงวันที่ 5 มกราคม 2565 แจ้งให้",
                 "มท 0810.7/ว 3239", dt.date(2022, 1, 5), id="lo-read-as-its-twin-so"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด NUN 0810.5 /ว\n4704 ลงวันที่ 28 "
                 "กรกฎาคม 2557", "", None, id="code-lost-is-not-a-reference"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ni มท 0810.7/ว 4841 ลงวันที่ 29 "
                 "กุมภาพันธ์ 2555", "มท 0810.7/ว 4841", dt.date(2012, 2, 29), id="thi-garbled"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที มท0810.,7/ว2351\nลงวันที่ 14 มีนาคม 2563",
                 "มท 0810.7/ว 2351", dt.date(2020, 3, 14), id="doubled-dot"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ทีมท 0810.7 ฒ/ว\n2681 ลงวันที่ 17 มีนาคม 2563",
                 "มท 0810.7/ว 2681", dt.date(2020, 3, 17), id="speck-before-slash"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที มท0810.7/ว\nc971 ลงวันที่ 4 เมษายน 2566",
                 "มท 0810.7/ว 971", dt.date(2023, 4, 4), id="serial-with-a-speck-on-the-next-line"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ ที่ มท -- 0810.5/ว 1625 ลงวันที่\n"
                 "11 ธันวาคม 2566", "มท 0810.5/ว 1625", dt.date(2023, 12, 11), id="dashes-after-code"),
])
def test_cited_numbers_as_ocr_reads_them(cited: str, number: str, date: dt.date | None) -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" +
                     cited + "\nแจ้งให้สำนักงานรายงาน นั้น\n" + BODY)
    refs = {(r.doc_number, r.date) for r in letter.references}
    assert refs - {("มท 0810.7/ว 2940", dt.date(2023, 10, 9))} == ({(number, date)} if number else set())


@pytest.mark.parametrize(("office", "canonical", "repaired"), [
    pytest.param("0810.7", "0810.7", False, id="as-printed"),
    pytest.param("0810 . 7", "0810.7", False, id="spaced"),
    pytest.param("0810.,7", "0810.7", False, id="doubled-dot"),
    pytest.param("08.10.7", "0810.7", True, id="dot-inside-the-owner-number"),
    pytest.param("04002", "04002", False, id="five-digit-owner-kept"),
])
def test_office_digits(office: str, canonical: str, repaired: bool) -> None:
    assert clean_office(office) == (canonical, repaired)


@pytest.mark.parametrize(("line", "number", "repaired"), [
    pytest.param("ที่ มท 08022/ว 2898", "มท 0802.2/ว 2898", True, id="interior-owner-lost-its-point"),
    pytest.param("มท 08092 /ว 1463 ' วันที 11 ธันวาคม 2555", "มท 0809.2/ว 1463", True, id="memo-number-line"),
    pytest.param("ที่ นพ 00231/3742", "นพ 0023.1/3742", True, id="provincial-office-lost-its-point"),
    pytest.param("ที่ ศธ 04002/ว 1234", "ศธ 04002/ว 1234", False, id="other-five-digit-owner-kept"),
    pytest.param("ที่ มท 0812/6265", "มท 0812/6265", False, id="four-digit-owner-without-sub-unit"),
    pytest.param("ที่ มท 810.7/ว 2750", "มท 0810.7/ว 2750", True, id="interior-owner-lost-its-leading-zero"),
    pytest.param("ที่ ศธ 810.7/ว 2750", "ศธ 810.7/ว 2750", False, id="other-owner-kept-as-read"),
])
def test_a_point_lost_from_a_four_digit_owner_comes_back(line: str, number: str, repaired: bool) -> None:
    found = try_parse_docnum(line)
    assert found is not None and (found.text(), found.repaired) == (number, repaired)


def test_a_regrouped_own_number_is_flagged() -> None:
    found = try_parse_docnum("ที่ มท 08.10.7/ว 4841")
    assert found is not None and found.text() == "มท 0810.7/ว 4841" and found.repaired
    letter = _letter("ที่ มท 08.10.7/ว 4841\n" + SUBJECT + "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.doc_number == "มท 0810.7/ว 4841"
    assert DOC_NUMBER_REPAIRED in letter.flags


@pytest.mark.parametrize("name_line", [
    pytest.param(". (นายชาตรี ปินตาคำ) 1 -", id="digit-and-dash"),
    pytest.param("(นายชาตรี ปินตาคำ) บ", id="lone-letter"),
])
def test_signature_name_with_specks_after_it(name_line: str) -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
                     "ตามหนังสือ ที่ มท 0810.7/ว 2940 ลงวันที่ 9 ตุลาคม 2566 นั้น\n"
                     "จึงเรียนมาเพื่อทราบ\n| ขอแสดงความนับถือ\n" + name_line + "\n"
                     ". รองอธิบดี ปฏิบัติราชการแทน\nอธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    assert letter.signatory == "นายชาตรี ปินตาคำ"


def test_no_signatory_taken_from_an_attached_form_when_ocr_lost_the_letters() -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
                     "ตามหนังสือ ที่ มท 0810.7/ว 2940 ลงวันที่ 9 ตุลาคม 2566 นั้น\n"
                     "จึงเรียนมาเพื่อทราบและดำเนินการ\nขอแสดงความนับถือ\n"
                     "ฝ่ายบริหารทั่วไป\nโทร. 0 2241 9000 ต่อ 4958\nโทรสาร 0 2241 6106\n"
                     "แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                     "จังหวัด ปราจีนบุรี\n1 เมืองปราจีนบุรี 13 13 0\n2 กบินทร์บุรี 14 12 2\n"
                     "3 นาดี 8 8 0\n4 ประจันตคาม 9 9 0\n5 ศรีมหาโพธิ 11 10 1\n6 บ้านสร้าง 7 7 0\n"
                     "ลงชื่อ ผู้รายงาน\n(นางนภาพร พงใจ)\nตำแหน่ง นักส่งเสริมการปกครองท้องถิ่นชำนาญการ\n")
    assert letter.signatory == ""


@pytest.mark.parametrize(("line", "date"), [
    pytest.param("9 มกรา ค ม 2563 1", dt.date(2020, 1, 9), id="month-in-pieces"),
    pytest.param("21 มกราคม 2.568", dt.date(2025, 1, 21), id="dot-inside-the-year"),
])
def test_date_line_as_ocr_spread_it(line: str, date: dt.date) -> None:
    letter = _letter("ที่ มท 0810.5/2971\n" + LETTERHEAD + line + "\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.date == date


def test_fiscal_year_with_the_era_dots_doubled() -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
                     "กรมได้กำหนดตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ ประจำ\n"
                     "ปีงบประมาณ พ.ศ..2561 ตัวชี้วัดที่ 6 การประเมินผลการปฏิบัติราชการของข้าราชการ\n" + BODY)
    assert [(i.code, i.fiscal_year) for i in letter.indicators] == [("6", 2561)]


def test_header_found_by_a_surviving_attachment_label_and_a_code_with_a_stray_mark() -> None:
    letter = _letter("' ที่ชูย 0023.5/5095 .-] สำนักงานส่งเสริมการปกครอง\n| .ท้องถิ่นจังหวัดชัยภูมิ\n"
                     "6 สิงหาคม 2564\nGo. รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                     "Feu อัธิบดีกรมส่งเสริมการปกครองท้องถิ่น | |\n"
                     ".สิงที่ส่งมาด้วย | แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ |\n" + BODY)
    assert letter.doc_number == "ชย 0023.5/5095"
    assert letter.date == dt.date(2021, 8, 6)


def test_a_speck_read_as_thanthakhat_inside_the_code() -> None:
    """SCAN_0013 (seed 300): ยล read `ย์ล`; ์ never stands in a code, so it is a speck."""
    letter = _letter("ที่ ย์ล 0023.2/2477 .\n| ท้องถิ่นจังหวัดยะลา -\nศาลากลางจังหวัดยะลา\n11 สิงหาคม 2567\n"
                     "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.doc_number == "ยล 0023.2/2477"


def test_page_with_only_its_subject_label_readable_is_a_letter() -> None:
    letter = _letter("N อย0.023.2/1140 . สำนักงานส่งเสริมการปกครอง\n6 มีนาคม 2561\n" + SUBJECT.split("\n", 1)[1] +
                     "“5 กริบดีกรมสงเล็กาปกต a\n" + BODY)
    assert letter.subject.startswith("รายงานผลการจัดตั้งศูนย์")
    assert letter.signatory == "นางสาวสุนิสา ภูมิพัฒน์"


@pytest.mark.parametrize(("lines", "subject"), [
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ :",
                  "-- องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) น", "เเญ์ ล 011 ต 5ง ซ๊ 2ซี่อ เอ0 /3"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                 "(สถานที่กลาง)", id="a-line-of-ink-is-no-wrap"),
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนของ",
                  ".องค์กรปกครองส่วนท้องถิ่นและศูนย์ปฏิบัติการร่วมในการ , |",
                  "' ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"],
                 "เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและศูนย์ปฏิบัติการร่วม"
                 "ในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)", id="specks-spaced-at-a-line-end"),
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น.(สถานที่กลาง) |"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                 "(สถานที่กลาง)", id="dot-before-a-parenthesis"),
    pytest.param(["โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ",
                  "พุศ.2565 . 7- |"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2565",
                 id="era-with-a-stray-vowel"),
    pytest.param(["รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น 1",
                  ". ประจำเดือน กุมภาพันธ์ พ.ศ. 2561 ."],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน กุมภาพันธ์ "
                 "พ.ศ. 2561", id="lone-digit-speck-at-a-wrap"),
    pytest.param(["การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น รอบการประเมินที่ 1",
                  "ประจำปีงบประมาณ พ.ศ. 2563"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น รอบการประเมินที่ 1 "
                 "ประจำปีงบประมาณ พ.ศ. 2563", id="a-numbered-round-keeps-its-digit"),
    # wide seeds 1033-1037, as read
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนของ |/-",
                  "; . องค์กรปกครองส่วนท้องถิ่นและศูนย์ปฏิบัติการร่วมในการ )",
                  ".ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"],
                 "เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและศูนย์ปฏิบัติการร่วม"
                 "ในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)", id="a-slash-among-specks"),
    pytest.param(["รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ -' - า '",
                  "องค์กรปกครองส่วนท้องถิ่น ประจำเดือน กุมภาพันธ์ พ.ศ. 2565"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน กุมภาพันธ์ "
                 "พ.ศ. 2565", id="a-vowel-alone-after-specks"),
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ :", "0001 ลิ : .",
                  "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                 "(สถานที่กลาง)", id="a-number-and-a-piece-between-a-phrase-and-its-wrap"),
])
def test_subject_continuation_stops_at_ink_and_sheds_specks(lines: list[str], subject: str) -> None:
    text = "\n".join(["ที่ รอ 0023.2/ว 4230", "19 ตุลาคม 2566", "เรื่อง " + lines[0], *lines[1:]])
    letter = _letter(text + "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject == subject


def test_memo_subject_whose_label_ocr_garbled_stands_between_date_and_addressee() -> None:
    letter = _letter("บันทึกข้อความ\nส่วนราชการ ฝ่ายวินัย กองการเจ้าหน้าที่ โทร 0-2241-9000 ต่อ 2401\n"
                     "ที่ มท 0802.2/ว 1730 วันที่ 5 ตุลาคม 2562\n2ไห ว- ให\n"
                     ". อง การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครอง\n"
                     "ท้องถิ่น รอบการประเมินที่ 1 ประจำปีงบประมาณ พ.ศ. 2563\n"
                     "เรียน ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน และท้องถิ่นอำเภอทุกอำเภอ\n" + BODY)
    assert letter.subject == ("การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                              "รอบการประเมินที่ 1 ประจำปีงบประมาณ พ.ศ. 2563")


@pytest.mark.parametrize("dated", [
    pytest.param("ลังวันที่\no7 พฤษภาคม 2559", id="extra-mark"),
    pytest.param("ล่งวันที 7 พฤษภาคม 2559", id="wrong-mark"),
    pytest.param("ลงวัน ที 7 พฤษภาคม 2559", id="split"),
    pytest.param("ล งวันที 1 7 พ ฤษ ภาคม 2559 แจ้งให้", id="label-and-month-torn-by-spaces"),
    pytest.param("ลงวัน ที 7 พฤษภ าค ม 2559", id="month-torn-by-spaces"),
])
def test_reference_date_after_a_damaged_longwanthi(dated: str) -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
                     "อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่มท 0802.2 /ว 1907 " + dated + "\n" +
                     BODY)
    assert (("มท 0802.2/ว 1907", dt.date(2016, 5, 7))) in {(r.doc_number, r.date) for r in letter.references}


def test_circular_mark_read_as_mai_yamok() -> None:
    found = try_parse_docnum("ที มท0810.7/ๆ1716 ลงวันที่ 3")
    assert found is not None and found.text() == "มท 0810.7/ว 1716"


def test_memo_with_a_split_urgency_mark_and_a_broken_year() -> None:
    letter = _letter("ด่วนทีส ด ' สนง.ท้องถิ่นอำเภอสรรพ\nบนทกขอความ\n"
                     "ส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยนาท โทร. 0-2241-9000\n"
                     "ที่ ชน 0023.1/ว 4309 วันที่ 24 พฤษภาคม 25.62\n"
                     "เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครอง\n"
                     "ท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2562\nเรียน ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน\n" + BODY)
    assert (letter.kind, letter.urgency, letter.date) == ("memo", "ด่วนที่สุด", dt.date(2019, 5, 24))


def test_a_year_broken_short_is_not_read_as_a_two_digit_year() -> None:
    letter = _letter("ที่ ชย 0023.5/5095\n6 สิงหาคม 56.4\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.date is None  # 2564 lost a digit: no date rather than 2556


def test_header_number_after_thi_with_a_swapped_vowel_and_a_speck_before_the_month() -> None:
    letter = _letter("ด่วนมาก -\nทิ มท 0801.5/ว1315 ]'\n| กรมส่งเสริมการปกครอง\n6 'กรกฎาคม 2562\n" +
                     SUBJECT.split("\n", 1)[1] + "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert (letter.doc_number, letter.circular) == ("มท 0801.5/ว 1315", True)
    assert letter.date == dt.date(2019, 7, 6)


def test_cited_date_wrapped_over_lines_of_ink() -> None:
    letter = _letter("ที่ มท 0810.5/2971\n21 มกราคม 2568\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n"
                     "BN หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ ที่ มท 0810.7 /ว 2900 ลงวันที่ 15\n-\nZo\nDr\n"
                     "ตุลาคม W2567\n" + BODY)
    assert ("มท 0810.7/ว 2900", dt.date(2024, 10, 15)) in {(r.doc_number, r.date) for r in letter.references}


@pytest.mark.parametrize("line", [
    pytest.param("และรายงานผลให้ทราบภายในวันที 14oc\nพฤศจิกายน 2561 รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย", id="latin-glued"),
    pytest.param("และรายงานผลให้ทราบภายในวันที่ 14 พฤศจิกายน )\n\"2561 รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย",
                 id="specks-before-the-year"),
])
def test_deadline_with_ink_among_its_parts(line: str) -> None:
    letter = _letter("ที่ มท 0810.5/2971\n21 ตุลาคม 2561\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\nจึงขอให้สำนักงานเร่งรัดการดำเนินการดังกล่าว\n" + line + "\n" + BODY)
    assert letter.deadline == dt.date(2018, 11, 14)


@pytest.mark.parametrize(("line", "day"), [
    pytest.param("ดังกล่าว และรายงานผลให้ทราบภา ย ในวันที่ 12 พฤศจิ กายน 2561", 12, id="phrase-and-month-spaced-out"),
    pytest.param("ดังกล่าว และ รายงานผลให้ทราบภายในวันที่ 1.2 พฤศจิกายน. 2561 โทรสำรหมายเลข 02241", 12,
                 id="point-inside-the-day"),
    pytest.param("การดำเนินการดังกล่าว และรายงานผลให้ทราบภายในวันที่ 3m0o”\n| พฤศจิกายน 2561 โทรสารหมายเลข", 30,
                 id="latin-ink-inside-the-day"),
])
def test_deadline_day_as_ocr_broke_it(line: str, day: int) -> None:
    letter = _letter("ที่ มท 0810.5/2971\n21 ตุลาคม 2561\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\nจึงขอให้สำนักงานเร่งรัดการดำเนินการดังกล่าว\n" + line + "\n" + BODY)
    assert letter.deadline == dt.date(2018, 11, day)


def test_own_number_with_a_speck_glued_to_its_digits() -> None:
    letter = _letter("ที่.มท ส0802.2/ว 359\n., 13 มิถุนายน 2555\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน ผู้ว่าราชการจังหวัดสมุทรปราการ\n" + BODY)
    assert (letter.doc_number, letter.circular) == ("มท 0802.2/ว 359", True)
    assert try_parse_docnum("ที่ กสม 0023/5") is not None and try_parse_docnum("ที่ กสม 0023/5").text() == "กสม 0023/5"


def test_addressee_sheds_specks_at_brackets_and_a_trailing_digit() -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + SUBJECT +
                     "ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด.( ตามบัญชีแนบท้าย ) . 3\n" + BODY)
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"


@pytest.mark.parametrize(("mark", "urgency"), [
    pytest.param("เดวนทสด", "ด่วนที่สุด", id="speck-read-as-sara-e"),
    pytest.param("ดวงนทสุด 4 .", "ด่วนที่สุด", id="wo-read-as-wo-ngo"),
    pytest.param("ดวงนมาก", "ด่วนมาก", id="wo-read-as-wo-ngo-mak"),
])
def test_urgency_marks_as_ocr_read_them(mark: str, urgency: str) -> None:
    letter = _letter(mark + "\nที่ มท 0810.7/ว 2917\n" + SUBJECT + "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.urgency == urgency


def test_thi_glued_to_the_code_is_not_part_of_it() -> None:
    found = try_parse_docnum("ทีมท0810.5/ว4722 กรมส่งเสริมการปกครองท้องถิ่น")
    assert found is not None and found.text() == "มท 0810.5/ว 4722"


# Subject lines as Tesseract read generated scans (wide seeds 811, 812): the label garbled,
# specks at the year, a stray `ที่` between the wrapped lines.
@pytest.mark.parametrize(("label_line", "rest", "subject"), [
    pytest.param("เรียง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                 ["องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                 "(สถานที่กลาง)", id="vowel-for-a-mark"),
    pytest.param("'เสื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น |",
                 ["ประจำเดือน มิถุนายน พ.ศ.2564 |"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน มิถุนายน "
                 "พ.ศ. 2564", id="one-letter-off"),
    pytest.param("เร อง การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพใน",
                 ["การปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2557"],
                 "การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ "
                 "ประจำปีงบประมาณ พ.ศ. 2557", id="label-split"),
    pytest.param("ไ เรื่อง .เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและ",
                 ["ที่", "| . ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (",
                  "สถานที่กลาง) : [ ."],
                 "เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและศูนย์ปฏิบัติการร่วม"
                 "ในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="thai-speck-before-the-label-and-a-stray-word-between-lines"),
    pytest.param("เรื่อง การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ",
                 ["ประจำปีงบประมาณ พ.ศี.. 2555"],
                 "การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ "
                 "ประจำปีงบประมาณ พ.ศ. 2555", id="vowel-on-the-era"),
    pytest.param("เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
                 ["ประจำเดือน กุมภาพันธ์ พ.ศ. .2560"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน กุมภาพันธ์ "
                 "พ.ศ. 2560", id="speck-before-the-year"),
])
def test_subject_under_a_garbled_label(label_line: str, rest: list[str], subject: str) -> None:
    text = "\n".join(["ที่ รอ 0023.2/ว 4230", "19 ตุลาคม 2566", label_line, *rest])
    letter = _letter(text + "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject == subject


def test_addressee_label_with_a_speck_and_a_subject_label_read_as_latin() -> None:
    # Both the number and the date lost (`NAN` for ที่ มท, a year short of a digit).
    letter = _letter("NAN 0810.7/463 กรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา เขตดุสิต กทม..\n| 10300\n"
                     "20 กันยายน 564\n"
                     "Gov เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ ' .\n"
                     "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)\n"
                     "ถึง. สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\n" + BODY)
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"
    assert letter.subject == ("เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                              "(สถานที่กลาง)")


# Debris OCR left inside subjects of wide seeds 811/812, lines as read.
@pytest.mark.parametrize(("lines", "subject"), [
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "' องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) แรธร:"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                 "(สถานที่กลาง)", id="ink-after-the-parenthesis"),
    pytest.param(["เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น ! (สถานที่กลาง)"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                 "(สถานที่กลาง)", id="speck-alone-between-words"),
    pytest.param(["รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น |",
                  "ประจำเดือน มิ มิถุนายน พ.ศ.2564 |"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน มิถุนายน "
                 "พ.ศ. 2564", id="glyphs-read-twice-before"),
    pytest.param(["โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ มาณ",
                  "พ.ศ. 2556"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2556",
                 id="glyphs-read-twice-after"),
    pytest.param(["รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
                  "ประจำเดือน. มิถุนายน พ.ศ. 2563"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน มิถุนายน "
                 "พ.ศ. 2563", id="dot-after-a-word"),
    pytest.param(["การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรม",
                  "ส่งเสริมการปกครองท้องถิ่น รอบการประเมินที่ 1 ประจำ. ก", ". ปีงบประมาณ พ.ศ. 2557"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 1 ประจำปีงบประมาณ พ.ศ. 2557", id="letter-after-a-speck-at-a-line-end"),
    pytest.param(["การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                  "รอบการประเมินที่ o1 ประจำปีงบประมาณ พ.ศ. 2556 :"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 1 ประจำปีงบประมาณ พ.ศ. 2556", id="latin-speck-glued-to-a-number"),
    pytest.param(["การประชุมเชิงปฏิบัติการ กทม. และ อปท. ประจำปีงบประมาณ พ.ศ. 2556"],
                 "การประชุมเชิงปฏิบัติการ กทม. และ อปท. ประจำปีงบประมาณ พ.ศ. 2556", id="abbreviations-keep-their-dots"),
])
def test_subject_sheds_ocr_debris(lines: list[str], subject: str) -> None:
    text = "\n".join(["ที่ รอ 0023.2/ว 4230", "19 ตุลาคม 2566", "เรื่อง " + lines[0], *lines[1:]])
    letter = _letter(text + "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject == subject


@pytest.mark.parametrize(("line", "addressee"), [
    pytest.param("เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด ” น", "ผู้ว่าราชการจังหวัด ทุกจังหวัด", id="quote-and-letter-of-ink"),
    pytest.param("เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด 8 8", "ผู้ว่าราชการจังหวัด ทุกจังหวัด", id="digits-of-ink"),
    pytest.param("ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแก ่งกระจาน",
                 "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแก่งกระจาน", id="space-before-a-tone-mark"),
])
def test_addressee_as_ocr_read_it_on_wide_seeds(line: str, addressee: str) -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT + line + "\n" + BODY)
    assert letter.addressee == addressee


def test_reference_whose_label_ocr_lost_and_a_name_torn_in_five() -> None:
    # As read on a wide-seed scan: อ้างถึง lost, so the cited หนังสือ line starts like an
    # annex title; the signatory's name in five pieces.
    letter = _letter("ที่ รอ 0023.1/1377\nสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดร้อยเอ็ด\n16 มิถุนายน 2555\n"
                     "เรื่อง การรายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2555\n"
                     "ถึง ท้องถิ่นอำเภอ ทุกอำเภอ : 7\n"
                     ". หนังสือกรมส่งเสริมการปกครองท้องถิ่น ท่ มท0810.7/ว2859\nลงวันที่9 พฤษภาคม 2555 |\n"
                     "จึงขอให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเร่งรัดการดำเนินการดังกล่าว\n"
                     "จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการต่อไป :\n"
                     "(ว่าที่ร้อย ตรียุทธนา หา ดแพ ง )\n. ปลัดจังหวัด ปฏิบัติราชการแทน\n")
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.7/ว 2859", dt.date(2012, 5, 9))]
    assert letter.signatory == "ว่าที่ร้อยตรียุทธนา หาดแพง"


def test_memo_number_line_whose_thi_ocr_moved_away() -> None:
    letter = _letter(".บนทกขอความ\n| ส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครศรีธรรมราช โทร. 0-. .\n"
                     ": 2241-9000 ต่อ 3916\nนศ 0023.1/2062 - - วันที่ 1 กรกฎาคม 2555\n"
                     "ไ เรื่อง .เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\nที่\n"
                     "เรียน ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน และท้องถิ่นอำเภอทุกอำเภอ\n" + BODY)
    assert (letter.kind, letter.doc_number, letter.date) == ("memo", "นศ 0023.1/2062", dt.date(2012, 7, 1))


def test_a_letter_dated_before_the_letter_it_cites_lost_digits_of_its_year() -> None:
    """Seen on a scan: ๒๐ พฤษภาคม ๒๕๖๔ read as `20 พฤษภาคม 24` (1981), in a letter citing one
    of 4 April 2564. The year is read again around the cited date, and the letter flagged."""
    from extractors.letters import YEAR_COMPLETED, extract_letters
    from pipeline.thai.dates import IMPLAUSIBLE_DATE
    from pipeline.thai.text import normalise

    text = ("ที่ มท 0801.5/1448 กรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา เขตดุสิต กทม. 10300\n"
            "20 พฤษภาคม 24\nเรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วม\n"
            "ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 4210 ลงวันที่ 4 เมษายน 2564\n"
            "จึงเรียนมาเพื่อทราบ\n(นางอรุณี ประเสริฐศักดิ์)\nอธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    [letter] = extract_letters([(1, normalise(text))])
    assert (letter.date, letter.flags) == (dt.date(2021, 5, 20), [IMPLAUSIBLE_DATE, YEAR_COMPLETED])
    # Digits no year around the citation holds: the date stays as read, and is flagged.
    [again] = extract_letters([(1, normalise(text.replace("20 พฤษภาคม 24", "20 พฤษภาคม 19")))])
    assert (again.date, again.flags) == (dt.date(1976, 5, 20), [IMPLAUSIBLE_DATE])


def test_a_letter_whose_three_labels_ocr_garbled_is_still_read() -> None:
    """Seen on a scan: เรื่อง read as `Gar`, เรียน as `เรวียน`, and a space set inside
    สิ่งที่ส่งมาด้วย; no label was left to find the letter by."""
    text = ("ที่ นว 0023.2 / 815 . สำนักงานส่งเสริมการปกครอง\n| ท้องถิ่นจังหวัดนครสวรรค์ |\n"
            "ศาลากลางจังหวัดนครสวรรค์\n13 สิงหาคม 2564\n"
            "Gar รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
            "ประจำเดือน กรกฎาคม พ.ศ. 2564\nเรวียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
            "สิ่งที่ ส่งมาด้วย แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน จำนวน 1 ฉบับ\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 3600 ลงวันที่ 28 มิถุนายน 2564\n"
            "จึงเรียนมาเพื่อโปรดทราบ\n(นายสมชาย ใจดี)\nท้องถิ่นจังหวัดนครสวรรค์\n")
    [letter] = extract_letters([(1, normalise(text))])
    assert (letter.doc_number, letter.date, letter.addressee) == (
        "นว 0023.2/815", dt.date(2021, 8, 13), "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น")
    assert letter.subject == ("รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                              "ประจำเดือน กรกฎาคม พ.ศ. 2564")

def test_a_letter_dated_after_next_year_misread_one_digit_of_its_year() -> None:
    """Seen on a wide-seed scan: ๒๖ มิถุนายน ๒๕๖๑ read as `26 มิถุนายน 5561` (year 5018), so
    its stamp could not be placed and its form got period 5018-06. The year is read again
    against the letter's other dates (here its deadline), and the letter flagged."""
    from extractors.letters import YEAR_COMPLETED, extract_letters
    from pipeline.thai.dates import IMPLAUSIBLE_DATE
    from pipeline.thai.text import normalise

    text = ("ที่ มท 0802.2/ว 1664 กรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา เขตดุสิต กทม. 10300\n"
            "26 มิถุนายน 5561\nเรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วม\n"
            "เรียน สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\n"
            "ขอให้รายงานผลภายในวันที่ 4 กรกฎาคม 2561\n"
            "จึงเรียนมาเพื่อทราบ\n(นางรัตนา อุดมผล)\nผู้อำนวยการกองการเจ้าหน้าที่\n")
    [letter] = extract_letters([(1, normalise(text))])
    assert (letter.date, letter.flags) == (dt.date(2018, 6, 26), [IMPLAUSIBLE_DATE, YEAR_COMPLETED])
    assert letter.deadline == dt.date(2018, 7, 4)
    # Two digits wrong: no year near the deadline fits, so the date stays as read, flagged.
    [again] = extract_letters([(1, normalise(text.replace("5561", "5591")))])
    assert (again.date, again.flags) == (dt.date(5048, 6, 26), [IMPLAUSIBLE_DATE])


def test_a_letter_date_whose_year_gained_a_digit_is_read_against_the_letters_other_dates() -> None:
    """Seen on a blind wide-seed scan (a province's revised report): ๒๒ พฤศจิกายน ๒๕๖๖ read as
    `22 พฤศจิกายน 25660`, so the letter had no date, and the first report it replaced outranked
    it in the national figures. Its citation says 2566: the year is read so, and flagged."""
    from extractors.letters import YEAR_COMPLETED, extract_letters
    from pipeline.thai.dates import IMPOSSIBLE_DATE
    from pipeline.thai.text import normalise

    text = ("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดฉะเชิงเทรา\nที่ ฉช 0023.2/3544\n22 พฤศจิกายน 25660\n"
            "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
            "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7/ว 3360 ลงวันที่ 1 กรกฎาคม 2566\n"
            "จึงเรียนมาเพื่อโปรดทราบ\n(นายสมชาย ใจดี)\nท้องถิ่นจังหวัดฉะเชิงเทรา\n")
    [letter] = extract_letters([(1, normalise(text))])
    assert letter.date == dt.date(2023, 11, 22) and YEAR_COMPLETED in letter.flags
    # A digit too many that no year of the letter's other dates holds in order: no date, flagged.
    [again] = extract_letters([(1, normalise(text.replace("25660", "25770")))])
    assert again.date is None and IMPOSSIBLE_DATE in again.flags


def test_a_letter_date_whose_year_lost_a_digit_is_completed_from_the_letters_other_dates() -> None:
    """Seen on a wide-seed scan: ๒๐ กุมภาพันธ์ ๒๕๖๗ read as `20 กุมภาพันธ์ 256`, so the letter
    had no date and its attachment list no month. The stamp and the deadline say 2567."""
    from extractors.letter_body import CITED_YEAR_READ_AGAIN
    from extractors.letters import YEAR_COMPLETED, extract_letters
    from pipeline.thai.dates import IMPLAUSIBLE_DATE
    from pipeline.thai.text import normalise

    text = ("เลขรับ 572\nวันที่ 22/2/67\n. กรมส่งเสริมการปกครองท้องถิ่น :\n' ที่มท 0809.2/ว 2997 -\n"
            "ถนนนครราชสีมา เขตดุสิต กทม.\n20 กุมภาพันธ์ 256 |\n"
            "เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วม\n"
            "ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0802.2/ว202 ลงวันที่\n18 มกราคม 27 แจ้งให้รายงาน\n"
            "ขอให้รายงานผลภายในวันที่ 9 มีนาคม 2567\n"
            "จึงเรียนมาเพื่อทราบ\n(นางรัตนา อุดมผล)\nอธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")
    [letter] = extract_letters([(1, normalise(text))])
    # The cited `18 มกราคม 27` was read again too (2567), and flagged so.
    assert (letter.date, letter.flags) == (dt.date(2024, 2, 20), [IMPLAUSIBLE_DATE, YEAR_COMPLETED, CITED_YEAR_READ_AGAIN])
    assert letter.received_date == dt.date(2024, 2, 22)


def test_a_letter_date_whose_year_lost_a_digit_beside_a_point_is_completed() -> None:
    """Seen on wide seed 990: ๕ เมษายน ๒๕๖๔ read as `ๆ 5 เมษายน 25.4 .`: a point where a digit was."""
    from extractors.letters import YEAR_COMPLETED, extract_letters
    from pipeline.thai.text import normalise

    text = ("ด่วน\nที่ นบ0023..5/3456\nสำนักงานส่งเสริมการปกครอง\nท้องถิ่นจังหวัดนนทบุรี\n"
            "ศาลากลางจังหวัดนนทบุรี\nๆ 5 เมษายน 25.4 .\n"
            ". เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
            "ประจำเดือน มีนาคม พ.ศ. 2564\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0810.7/ว2486 ลงวันที่ 2 มีนาคม 2564 แจ้งให้\n"
            "จึงเรียนมาเพื่อทราบ\n(นางรัตนา อุดมผล)\nท้องถิ่นจังหวัดนนทบุรี\n")
    [letter] = extract_letters([(1, normalise(text))])
    assert letter.date == dt.date(2021, 4, 5) and YEAR_COMPLETED in letter.flags


def test_a_days_last_digit_read_twice() -> None:
    """Seen on wide seed 988: ๑๕ กรกฎาคม ๒๕๖๓ read as `15 5 กรกฎาคม 2563`."""
    letter = _letter("ที่ มท 0810.7/3145\n15 5 กรกฎาคม 2563\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.date == dt.date(2020, 7, 15)


@pytest.mark.parametrize(("line", "date"), [
    pytest.param("13 กุมภาพันธ์ 256,3", dt.date(2020, 2, 13), id="wide980-comma-inside-the-year"),
    pytest.param("3 กุมภาพันธ์ 2556.0", dt.date(2013, 2, 3), id="wide983-speck-after-the-year"),
])
def test_date_line_with_a_speck_in_or_after_its_year(line: str, date: dt.date) -> None:
    letter = _letter(f"ที่ มท 0810.7/3145\n{line}\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.date == date


# Own-number lines as Tesseract read wide seeds 947 and 950: ที่ read as a speck, a speck
# over the code, the slash lost before ว, a speck point inside the serial.
@pytest.mark.parametrize(("number_line", "number", "circular"), [
    pytest.param("i นฐ0023.3/4340 7 สำนักงานส่งเสริมการปกครอง", "นฐ 0023.3/4340", False, id="thi-read-as-i"),
    pytest.param("7 มท 0802.2 /ว 1664", "มท 0802.2/ว 1664", True, id="thi-read-as-a-digit"),
    pytest.param("ทที่ นพ 0023.1/4867", "นพ 0023.1/4867", False, id="thi-doubled"),
    pytest.param("ที่ปข่ 0023.5/3439 . - . ร ณั“ สำนักงานส่งเสริมการปกครอง", "ปข 0023.5/3439", False,
                 id="tone-mark-speck-on-the-code"),
    pytest.param("ที่ มท 0810.7 ว646", "มท 0810.7/ว 646", True, id="slash-lost-before-wo"),
    pytest.param(".ที่ ปท 0023.2/5.075 ' สำนักงานส่งเสริมการปกครอง ]", "ปท 0023.2/5075", False,
                 id="speck-point-in-the-serial"),
])
def test_own_number_lines_as_ocr_reads_them(number_line: str, number: str, circular: bool) -> None:
    letter = _letter(number_line + "\n" + LETTERHEAD + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert (letter.doc_number, letter.circular) == (number, circular)
    assert DOC_NUMBER_REPAIRED not in letter.flags


@pytest.mark.parametrize("line", [
    pytest.param("มท 0810.7/ว 2174 ลงวันที่ 17 กันยายน 2560", id="a-citation-wrapped-to-the-line-start"),
    pytest.param("เลขรับ 2323", id="a-stamp-number"),
])
def test_no_own_number_is_taken_from_a_line_that_is_not_a_number_line(line: str) -> None:
    letter = _letter(LETTERHEAD + line + "\n" + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.doc_number == ""


def test_a_cited_number_with_a_speck_after_its_circular_mark() -> None:
    found = try_parse_docnum("ตามหนังสือ ที่ มท 0810.5 /วง 545 ลงวันที่ 17 เมษายน 2559")
    assert found is not None and (found.text(), found.circular) == ("มท 0810.5/ว 545", True)
    assert try_parse_docnum("ที่ มท 0810.7/วันที่ 5") is None or not try_parse_docnum("ที่ มท 0810.7/วันที่ 5").serial


# A scan of distributed Thai justification: Tesseract spaced the line out glyph by glyph.
@pytest.mark.parametrize(("subject_line", "subject"), [
    pytest.param("เรื่อง รายงานผลการ จัดตั้งศูนย์ ช่วยเหลือ ประชาชนขอ ง อ ง ค์ก รปกค ร อ งส่วน ท้องถิ่น",
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน กันยายน พ.ศ. 2566",
                 id="spaced-out-line"),
    pytest.param("เรื่อง รายงานผลกา รจัดตั้งศูนย์ช่วยเหลือ ประชา ชนขององค์ ก ร ปกครองส่วนท้องถิ่น",
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน กันยายน พ.ศ. 2566",
                 id="torn-words"),
    pytest.param("เรื่อง การติดตามตัวชี้วัด ของกรมส่งเสริมการปกครองท้องถิ่น",
                 "การติดตามตัวชี้วัด ของกรมส่งเสริมการปกครองท้องถิ่น ประจำเดือน กันยายน พ.ศ. 2566",
                 id="a-space-between-words-stays"),
])
def test_subject_whose_words_ocr_spaced_apart(subject_line: str, subject: str) -> None:
    text = "ที่ รอ 0023.2/4230\n19 ตุลาคม 2566\n" + subject_line + "\nประจำเดือน กันยายน พ.ศ. 2566\n"
    letter = _letter(text + "เรียน อธิบดีกรมส่ง เสริมกา ร ปก ครอ ง ท้องถิ่น\n" + BODY)
    assert letter.subject == subject
    assert letter.addressee == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"


@pytest.mark.parametrize(("lines", "subject"), [
    pytest.param(["เเรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น .",
                  "ประจำเดือน ตุลาคม พ.ศ. 2560"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน ตุลาคม พ.ศ. 2560",
                 id="label-sara-e-read-twice"),
    pytest.param(["เรื่อ โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ", "\"พ.ศ. 2565"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2565",
                 id="label-lost-its-last-letter"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการ .",
                  "ป ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่", "กลาง) :"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="a-lone-consonant-before-a-wrapped-line"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
                  "(สถานที่กลาง]"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="closing-parenthesis-read-as-a-bracket"),
])
def test_subject_labels_and_wraps_as_ocr_read_them(lines: list[str], subject: str) -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + "19 ตุลาคม 2566\n" + "\n".join(lines) + "\n"
    letter = _letter(text + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject == subject


def test_a_circular_mark_the_numeral_reader_saw_as_an_unreadable_letter_is_flagged() -> None:
    letter = _letter("บันทึกข้อความ\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพัทลุง\n"
                     "ที่ พท 0023.1/\ufffd4261 : วันที่ 21 สิงหาคม 2559\n"
                     "เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert (letter.doc_number, letter.circular) == ("พท 0023.1/ว 4261", True)
    assert DOC_NUMBER_REPAIRED in letter.flags


@pytest.mark.parametrize(("cited", "number"), [
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว1.05 ลงวันที่ 27 สิงหาคม 2566",
                 "มท 0810.7/ว 105", id="speck-point-in-a-cited-serial"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.5 ว545 ลงวันที่ 27 สิงหาคม 2566",
                 "มท 0810.5/ว 545", id="slash-lost-in-a-cited-number"),
])
def test_cited_numbers_are_read_like_own_numbers(cited: str, number: str) -> None:
    letter = _letter("ที่ รอ 0023.2/4230\n" + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + cited +
                     "\nแจ้งให้สำนักงานรายงาน นั้น\n" + BODY)
    assert (number, dt.date(2023, 8, 27)) in {(r.doc_number, r.date) for r in letter.references}


@pytest.mark.parametrize(("lines", "subject"), [
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)", "0 2ซิวก 7ร เส5เซจ 1จ เคณคภารๆ น (3ารจ เจซี 5"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="ink-with-digits-inside-letters"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ -",
                  "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) .", "17 aA"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="ink-without-a-thai-letter"),
    pytest.param(["เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ:",
                  ". องค์กรปกครองส่วนท้องถิ่น ประจำเดือน พฤศจิกายน พ.ศ. 2562"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน พฤศจิกายน พ.ศ. 2562",
                 id="a-colon-speck-glued-at-the-line-end"),
])
def test_subject_stops_at_ink_under_it(lines: list[str], subject: str) -> None:
    text = "ที่ มท 0809.2/ว1478\n" + "\n".join(["กรมส่งเสริมการปกครองท้องถิ่น", "29 ตุลาคม 2567", *lines])
    letter = _letter(text + "\nถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\n" + BODY)
    assert letter.subject == subject


@pytest.mark.parametrize("year_line", [
    pytest.param("ประจำเดือน มีนาคม พ.ศ. ศ. 2563", id="era-left-twice-by-a-patched-re-read"),
    pytest.param("ประจำเดือน มีนาคม w. ศ. 2563", id="pho-read-latin-after-a-month"),
    pytest.param("ประจำเดือน มีนาคม พ.ศ์. 2563", id="speck-on-so-sala"),
    # wide seeds 995-1000
    pytest.param(": ประจำเดือน มีนาคม พ.ศึ. 2563", id="upper-vowel-speck-on-so-sala"),
    pytest.param("ประจำเดือน มีนาคม พ์.ศ. 2563.", id="speck-on-pho-and-a-point-after-the-year"),
    pytest.param("ประจำเดือน มีนาคม พ.ศ. 2563 »", id="ink-glyph-after-the-year"),
])
def test_subject_year_with_its_era_as_ocr_read_it(year_line: str) -> None:
    letter = _letter("ที่ ปข 0023.3/2119\n13 เมษายน 2563\nเรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                     + year_line + "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject.endswith("ท้องถิ่น ประจำเดือน มีนาคม พ.ศ. 2563")


def test_an_open_parenthesis_closes_on_a_line_with_ink_after_it() -> None:
    letter = _letter("ที่ มท 0809.2/ว1478\n29 ตุลาคม 2567\n"
                     "เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและ\n"
                     "ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่\n"
                     "' กลาง) /1 | aa | | at\nถึง สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอโกสัมพีนคร\n" + BODY)
    assert letter.subject == ("เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและ"
                              "ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)")


@pytest.mark.parametrize(("cited", "number", "date"), [
    pytest.param(", ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7เต/ว\n"
                 ". 2174 ลงวันที่ 17 กันยายน 2560 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด.",
                 "มท 0810.7/ว 2174", dt.date(2017, 9, 17), id="speck-with-a-vowel-before-the-slash-and-a-dot-before-the-serial"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7 /ว\n"
                 "4765 ลงวันที่ 1.2 เมษายน 2565 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
                 "มท 0810.7/ว 4765", dt.date(2022, 4, 12), id="a-speck-point-inside-the-day"),
])
def test_cited_numbers_and_dates_with_specks(cited: str, number: str, date: dt.date) -> None:
    letter = _letter("ที่ รอ 0023.2/4230\n" + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + cited +
                     "\nรายงานผล นั้น\n" + BODY)
    assert (number, date) in {(r.doc_number, r.date) for r in letter.references}


def test_the_letters_own_words_as_tesseract_misreads_them() -> None:
    letter = _letter("ที่ มท 0810.5/ว 3275\n19 ตุลาคม 2566\n"
                     "เรื่อง การติดตามตัวขี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น\n"
                     "ประจำปี่งบประมาณ พ.ศ. 2557\n"
                     "ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด“(ตามบัญชีแนบท้าย)\n" + BODY)
    assert letter.subject == ("การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น "
                              "ประจำปีงบประมาณ พ.ศ. 2557")
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"


@pytest.mark.parametrize(("line", "subject"), [
    pytest.param("เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครลงส่วนท้องถิ่น",
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น", id="lo-ling-for-o-ang"),
    pytest.param("เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประ ะจำเดือน",
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน", id="sara-a-twice"),
])
def test_subject_letters_tesseract_confuses(line: str, subject: str) -> None:
    letter = _letter("ที่ รอ 0023.2/4230\n19 ตุลาคม 2566\n" + line + "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject == subject


def test_addressee_whose_label_ocr_read_as_junk_and_a_bar() -> None:
    letter = _letter("ที่ มท 0810.7 /ว 3426\nกรมส่งเสริมการปกครองท้องถิ่น\n8 กุมภาพันธ์ 2565\n"
                     "เรื่อ โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ\n\"พ.ศ. 2565\n"
                     "สง | สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด :\n"
                     "สิ่งที่ส่งมาด้วย หลักเกณฑ์กรอบการประเมิน จำนวน 1 ชุด\n" + BODY)
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด"


# Subject ends as OCR read them on wide seeds 947/962/963 (lines as read; the letterhead and
# body are the module's).
@pytest.mark.parametrize(("lines", "subject"), [
    pytest.param(["เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ | |",
                  "องค์กรปกครองส่วนท้องถิ่น ประจำเดือน มิถุนายน พ. A. 2561"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน มิถุนายน พ.ศ. 2561",
                 id="era-s-read-latin"),
    pytest.param(["เรื่อง . โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ.-.", "2566"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. 2566", id="dash-before-wrapped-year"),
    pytest.param(["เรื่อง การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุง",
                  "“ ประสิทธิภาพในการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ.", "2555 ฮ็7ฮ7เ6เไผผี"],
                 "การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ "
                 "ประจำปีงบประมาณ พ.ศ. 2555", id="ink-with-digits-after-the-year"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น (สถานที่", "กลาง) - ="],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="specks-after-the-parenthesis"),
    pytest.param(["เรื่อง การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น",
                  "รอบการประเมินที่ 1 ประจำปีงบประมาณ พ.ศ. 2568"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 1 ประจำปีงบประมาณ พ.ศ. 2568", id="appraisal-round-wrapped-at-its-space"),
    pytest.param(["เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
                  "ประจำเดือน มกราคม WA. 2564"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน มกราคม พ.ศ. 2564",
                 id="era-read-latin-after-a-month"),
    pytest.param(["เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ แน", "2566"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2566",
                 id="era-read-as-two-thai-letters"),
    pytest.param(["เรื่อง การติดตามตัวชี้วัด!นโยบายและแผนงานที่สำคัญของกรมส่งเสริม",
                  "การปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 256109"],
                 "การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2561",
                 id="slash-read-as-bang-and-specks-read-as-digits-after-the-year"),
    pytest.param(["เรื่อง การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพใน.",
                  "การปฏิบัติราชการ ประจำปีงบประมาณ ห.ศ. 2554"],
                 "การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ "
                 "ประจำปีงบประมาณ พ.ศ. 2554", id="era-pho-read-as-ho"),
    pytest.param(["เรื่อง การรายงานผลการดำเนินงานตามตัวชี้วัด", "ประจำปีงบประมาณ พ.ศ.): 2558"],
                 "การรายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2558", id="specks-between-era-and-year"),
    pytest.param(["เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน", "ประจำเดือน สิงหาคม พ. Al. 2565"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน ประจำเดือน สิงหาคม พ.ศ. 2565", id="era-sho-read-as-two-latin"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น (: สถานที่กลาง)๊"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="specks-inside-and-a-mark-after-the-parenthesis"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) ก."],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="a-letter-and-dot-of-ink-after-the-parenthesis"),
    # wide seeds 995-1000
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนของ- ก.",
                  "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"],
                 "เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="dash-and-a-letter-of-ink-at-the-wrap"),
    pytest.param(["เรื่อง การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น-",
                  "รอบการประเมินที่ 2 ประจำปีงบประมาณ พ.ศ. 2565"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น รอบการประเมินที่ 2 "
                 "ประจำปีงบประมาณ พ.ศ. 2565", id="dash-glued-at-the-wrap"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  "ืองค์กรปกครองส่วนท้องถิ่น-(สถานที่กลาง] .- : .", "1 รรชรง"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="dash-before-the-parenthesis-closed-by-a-bracket-then-ink"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่",
                  "กลาง) | 2200"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="a-bar-and-a-stamps-number-after-the-parenthesis"),
    pytest.param(["เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครอง",
                  "ท้องถิ่น'ประจำปีงบประมาณ พ.ศ. 2559"],
                 "การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2559",
                 id="a-quote-in-the-space-before-the-tail"),
    pytest.param(["เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัด ดี เด่น แล ะท้องถิ่นอำเภอดีเด่น .",
                  "ประจำปีงบประมาณ พ.ศ. 2566"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2566",
                 id="and-torn-in-a-spaced-out-line"),
    pytest.param(["เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ",
                  "2560] พ.,ศ."],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2560",
                 id="era-read-after-its-year"),
    pytest.param(["เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น Used พฤศจิกายน พ.ศ. 2.565"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน พฤศจิกายน พ.ศ. 2565",
                 id="monthly-read-as-latin-and-a-point-after-the-years-two"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและตศูนย์ปฏิบัติการร่วมใน",
                  "การช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"],
                 "เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและศูนย์ปฏิบัติการร่วมใน"
                 "การช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)", id="a-letter-of-ink-glued-between-words"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่ |",
                  "nan) | | i"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="central-read-as-latin-past-the-wrap"),
])
def test_subject_ends_as_ocr_read_them(lines: list[str], subject: str) -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + "1 กรกฎาคม 2561\n" + "\n".join(lines) + \
        "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY
    assert _letter(text).subject == subject


@pytest.mark.parametrize(("date_line", "year_line", "year"), [
    pytest.param("3 มิถุนายน 2565", "ประจำเดือน พฤษภาคม พ.ศ.255", "2565", id="month-report-lost-a-6"),
    pytest.param("9 ธันวาคม 2562", ". องค์กรปกครองส่วนท้องถิ่น ประจำเดือน พฤศจิกายน พ.ศ. 252", "2562", id="lost-a-6"),
    pytest.param("3 พฤศจิกายน 2563", "ท้องถิ่น ประจำปีงบประมาณ พ.ศ. 24", "2564", id="fiscal-year-after-the-letter"),
    pytest.param("13 กันยายน 2564", "ประจำเดือน ตุลาคม WA. 25", None, id="latin-era-cut-year-two-fit"),
    pytest.param("11 เมษายน 2556", "ดีเด่น ประจำปีงบประมาณ พ.ศ.556.", "2556", id="cut-year-and-a-dot"),
])
def test_subject_year_cut_by_ocr_is_completed_from_the_letters_date(date_line: str, year_line: str,
                                                                    year: str | None) -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + date_line + \
        "\nเรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n" + year_line + \
        "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY
    assert _letter(text).subject.endswith(f" พ.ศ. {year}" if year else year_line.split()[-1])


def test_a_cut_subject_year_that_two_years_fit_stays_as_read() -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + "3 มิถุนายน 2565\nเรื่อง รายงานผล ประจำเดือน พฤษภาคม พ.ศ. 25\n" \
        "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY
    assert _letter(text).subject.endswith("พ.ศ. 25")


def test_addressee_sheds_a_speck_after_its_parenthesis() -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + SUBJECT + \
        "ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย).\n" + BODY
    assert _letter(text).addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"


# Addressee lines whose label and first letters OCR lost under ink, or whose label it split
# (wide seeds 952/954/961, lines as read).
@pytest.mark.parametrize(("lines", "addressee"), [
    pytest.param(["นักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)", "Dh"],
                 "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)", id="label-and-first-letters-lost"),
    pytest.param(["เษ]", "a", "ท้'", "หงถิ่นอำเภอ ทุกอำเภอ"], "ท้องถิ่นอำเภอ ทุกอำเภอ", id="under-ink-specks"),
    pytest.param(["|", ": เรื ยน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น |"], "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
                 id="label-in-two-pieces"),
])
def test_addressee_without_a_readable_label(lines: list[str], addressee: str) -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + SUBJECT + "\n".join(lines) + "\n" + BODY
    letter = _letter(text)
    assert letter.addressee == addressee
    assert letter.subject.endswith("ประจำเดือน กันยายน พ.ศ. 2566")


# Deadlines whose date OCR spread over a wrapped line with specks (wide seeds 952-963, as read).
@pytest.mark.parametrize(("lines", "deadline"), [
    pytest.param(["การดำเนินการดังกล่าว และรายงานผลให้ทราบภายในวันที่ 28 1", "กันยายน 2566"], dt.date(2023, 9, 28),
                 id="digit-speck-after-the-day"),
    pytest.param(["hs การดำเนินการดังกล่าว และรายงานผลให้ทราบภายในวันที่ 13 1 ตุลาคม", ". 2556 | ."],
                 dt.date(2013, 10, 13), id="specks-both-sides-of-the-wrap"),
    pytest.param([". การดำเนินการดังกล่าว และรายงานผลให้ทราบภายในวันที่ 11", ": พฤษภาคม 2566 รายละเอียดปรากฏ"],
                 dt.date(2023, 5, 11), id="colon-before-the-wrapped-month"),
    pytest.param([". การดำเนินการดังกล่าว และรายงานผลให้ทราบภายในวันที่ 17 ธันวาคม แม", ". 2556"],
                 dt.date(2013, 12, 17), id="letters-of-ink-before-the-year"),
    pytest.param(["ดังกล่าว และรายงานผลให้ทราบภายในวันที่ 1.0 เมษายน 2555 โทรสารหมายเลข 0"], dt.date(2012, 4, 10),
                 id="point-inside-the-day"),
    pytest.param(["การดำเนินการดังกล่าว และรายงานผลให้ทราบภายในวันที 5", ". กุมภาพันธ์ 2.562 รายละเอียดปรากฏ"],
                 dt.date(2019, 2, 5), id="point-inside-the-year"),
    pytest.param(["การดำเนินการดังกล่าว และรายงานผลให้ทราบภายในวันที 2", "พฤษภาคม 256.0 โทรสารหมายเลข 022416956 0"],
                 dt.date(2017, 5, 2), id="point-before-the-years-last-digit"),
    pytest.param(["7 การดำเนินการ ดังกล่าว และรายงานผลให้ทรา บภาย ในวันที่ 23 ตุลาคม", "/2566รายล ะ เอี้ยดปราก ฏ .."],
                 dt.date(2023, 10, 23), id="label-split-and-slash-before-the-year"),
    # wide seeds 995, 998, as read
    pytest.param([". ดังกล่าว และรายงานผลให้ทราบภายในวันที่ 25 มีนาคม 1 2557 โทรสารหมายเลข 0 2241", "6956"],
                 dt.date(2014, 3, 25), id="digit-speck-before-the-year"),
    pytest.param(["งกล่าว และรายงานผลให้ทราบภายในวันที่ om: 13 'พฤษภาคม 2561 รายละเอียดปรากฏตาม"],
                 dt.date(2018, 5, 13), id="latin-ink-before-the-day"),
    pytest.param([". การดำเนินการดังกล่าว และรายงานุผลให้ทราบภายในวันที่ 8 มกราคม] |", "2564 รายละเอียดปรากฏตาม |"],
                 dt.date(2021, 1, 8), id="bracket-glued-to-the-month"),
])
def test_deadline_date_spread_by_ocr(lines: list[str], deadline: dt.date) -> None:
    dated = SUBJECT.replace("19 ตุลาคม 2566", f"2 มกราคม {deadline.year + 543}")  # a letter of the deadline's year
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + dated + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + \
        "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น แจ้งให้รายงานผลการดำเนินงาน นั้น\n" + "\n".join(lines) + \
        "\nจึงเรียนมาเพื่อทราบและดำเนินการ\n(นางสาวสุนิสา ภูมิพัฒน์)\nท้องถิ่นจังหวัดร้อยเอ็ด\n"
    assert _letter(text).deadline == deadline


# Name lines under the closing as OCR read them (wide seeds 952-961): ink before the parenthesis,
# the parenthesis read as 1, and the closing itself ending in a parenthesis of ink.
@pytest.mark.parametrize(("lines", "name"), [
    pytest.param(["ขอแสดงความนับถือ", "- (นายทศพล ชัยมงคล)"], "นายทศพล ชัยมงคล", id="dash-before"),
    pytest.param(["ขอแสดงความนับถือ", "ea | (นายทศพล ชัยมงคล)"], "นายทศพล ชัยมงคล", id="latin-and-bar-before"),
    pytest.param(["ขอแสดงความนับถือ", "= -.", ". 1นายสุทธิพงษ์ ทองคำ)"], "นายสุทธิพงษ์ ทองคำ", id="parenthesis-read-as-1"),
    pytest.param(["ขอแสดงคว มณับถิ)", "(นายวรวุฒิ ทองมา)"], "นายวรวุฒิ ทองมา", id="closing-is-no-name"),
    pytest.param(["| ; . (นายชาตรี คำแสน) |"], "นายชาตรี คำแสน", id="specks-with-semicolon-before"),
    pytest.param(["ขอแสดงความนับถือ", "0 0 (นายกิตติพงษ์ แก้วมณี)"], "นายกิตติพงษ์ แก้วมณี", id="two-pieces-before"),
    pytest.param(["ขอแสดงความนับถือ", ". ' (นางสาวกาญจนา ศรีวิไล]) ,."], "นางสาวกาญจนา ศรีวิไล", id="bracket-before-close"),
    pytest.param(["(นายศรัทธา สายทอง) 7ร"], "นายศรัทธา สายทอง", id="ink-piece-after"),
    # wide seeds 995-1000
    pytest.param(["ขอแสดงความนับถือ .", '1 "(นายสมพงษ์ ธนากุล)'], "นายสมพงษ์ ธนากุล", id="quote-glued-before"),
    pytest.param(["ขอแสดงความนับถือ", "2", ". (น ายธีรวัฒน์ บุญประเสริฐ)"], "นายธีรวัฒน์ บุญประเสริฐ",
                 id="title-torn-after-its-first-letter"),
    pytest.param(["ขอแสดงความนับถือ", "(นายชัยวัฒน์ แก้วมณี"], "นายชัยวัฒน์ แก้วมณี", id="closing-parenthesis-lost"),
    pytest.param(["2 (นายพิสิษฐ์ วัฒนชัย ฝ7"], "นายพิสิษฐ์ วัฒนชัย", id="closing-lost-ink-after"),
    pytest.param(["ขอแสดงความนับถือ", "Dany", "(นายขจรคำแสน)"], "นายขจร คำแสน", id="space-lost"),
    pytest.param(["ขอแสดงความนับถือ", ". แนายวิชัย อินทร์แก้ว) ."], "นายวิชัย อินทร์แก้ว", id="opening-read-as-a-letter"),
    pytest.param(["จึงเรียนมาเพื่อทราบ", "--- page 2", "-ไ2 -", "[นายกิตติพงษ์ หวังเจริญ)"], "นายกิตติพงษ์ หวังเจริญ",
                 id="opening-read-as-a-bracket"),
])
def test_signatory_name_lines_as_ocr_read_them(lines: list[str], name: str) -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + \
        "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น แจ้งให้รายงานผลการดำเนินงาน นั้น\n" + \
        "จึงเรียนมาเพื่อทราบและดำเนินการ\n" + "\n".join(lines) + "\nท้องถิ่นจังหวัดร้อยเอ็ด\n"
    assert _letter(text).signatory == name


def test_a_stamp_date_out_of_its_time_is_not_taken_without_the_letters_date() -> None:
    # wide952: the letter's date unread, the stamp's year cut to 256: no year 256 is reported.
    text = "ที่ รอ 0023.2/4230\n.เลขรับ: 4271]\nวันที 10 พ.ย. 256\n" + LETTERHEAD + SUBJECT[SUBJECT.index("เรื่อง"):] + \
        "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY
    letter = _letter(text)
    assert letter.received_number == "4271" and letter.received_date is None


@pytest.mark.parametrize(("line", "addressee"), [
    pytest.param("เรียน ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน และ ท้องถิ่นอำเภอทุกอำเภอ",
                 "ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน และท้องถิ่นอำเภอทุกอำเภอ", id="space-after-and"),
    pytest.param("เรียน ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน และ ะท้องถิ่นอำเภอทุกอำเภอ",
                 "ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน และท้องถิ่นอำเภอทุกอำเภอ", id="space-and-speck-after-and"),
    pytest.param("เรียน ทน.ผต. ผู้อำนวยการสำนัก/กอง และ ทน.ศปท.", "ทน.ผต. ผู้อำนวยการสำนัก/กอง และ ทน.ศปท.",
                 id="abbreviation-keeps-its-space"),
])
def test_the_last_addressee_of_a_list_joins_its_and(line: str, addressee: str) -> None:
    assert _letter("ที่ รอ 0023.2/4230\n" + LETTERHEAD + SUBJECT + line + "\n" + BODY).addressee == addressee


@pytest.mark.parametrize(("lines", "addressee"), [
    pytest.param([", ถึง ท้องถิ่นอำเภอ ทุกอำเภอ (",
                  "อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0802.2/ว2227 ลงวันที่ 6 ตุลาคม 2560"],
                 "ท้องถิ่นอำเภอ ทุกอำเภอ", id="parenthesis-of-ink-before-the-reference"),
    pytest.param(["เรี่ย อธิบดีกรมส่งเสริมการปกครองท้องถิ่น ไ2โไ(0",
                  "สิ่งที่ส่งมาด้วย แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ"],
                 "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", id="ink-with-a-parenthesis-before-the-attachment"),
    pytest.param(["เรียน ผู้ว่าราชการจังหวัดประจวบคีรีขันธ์ : ก ต"], "ผู้ว่าราชการจังหวัดประจวบคีรีขันธ์",
                 id="specks-and-letters-after-the-province"),
])
def test_addressee_ink_after_the_name(lines: list[str], addressee: str) -> None:
    assert _letter("ที่ รอ 0023.2/4230\n" + LETTERHEAD + SUBJECT + "\n".join(lines) + "\n" + BODY).addressee == addressee


def test_a_stamp_number_loses_the_leader_read_as_zeros() -> None:
    # wide950: the dotted leader under a hand-written ๔๘๓ read as zeros.
    text = "ที่ รอ 0023.2/4230\nเลขรับ 48300000\n" + LETTERHEAD + SUBJECT + \
        "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY
    assert _letter(text).received_number == "483"


def test_a_subject_wrapping_at_a_damaged_department_name_goes_on() -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + "19 ตุลาคม 2566\nเรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของ\n" \
        "กรมส่งเสริมกว่รปกครองท้องถิ่น\nประจำปีงบประมาณ พ.ศ. 2567\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY
    assert _letter(text).subject == ("การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น "
                                     "ประจำปีงบประมาณ พ.ศ. 2567")


def test_a_letter_dated_before_any_stamp_is_no_anchor_for_the_stamps_date() -> None:
    # wide953: the letter's ๒๕๖๕ read as 2505; the stamp's whole date is of its time and stands.
    text = "ที่ รอ 0023.2/4230\nเลขรับ 2391\nวันที 8 ส.ค. 2565\n" + LETTERHEAD + \
        "1 สิงหาคม 2505\nเรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY
    assert _letter(text).received_date == dt.date(2022, 8, 8)


@pytest.mark.parametrize(("number_line", "number"), [
    pytest.param("ที่ รกอิ 0023.2/ว 4230", "รอ 0023.2/ว 4230", id="code-with-a-letter-and-vowel-of-ink"),
    pytest.param("ที่ รูอ0023.2,4230", "รอ 0023.2/4230", id="comma-read-for-the-slash"),
    pytest.param("‘fl we 0023.2 / 4230", "รอ 0023.2/4230", id="code-and-thi-read-as-latin"),
])
def test_a_number_whose_code_did_not_read_takes_its_senders_code(number_line: str, number: str) -> None:
    letter = _letter(number_line + "\n" + LETTERHEAD + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.doc_number == number
    assert DOC_NUMBER_REPAIRED in letter.flags


def test_the_departments_number_whose_code_was_lost_is_the_ministrys() -> None:
    letter = _letter("กรมส่งเสริมการปกครองท้องถิ่น\nร\n| 0809.2/ว176\n| ถนนนครราชสีมา เขตดุสิต กทม.\n" + SUBJECT +
                     "เรียน ผู้ว่าราชการจังหวัดแพร่\n" + BODY)
    assert (letter.doc_number, letter.circular) == ("มท 0809.2/ว 176", True)


def test_a_memo_whose_labels_tore_takes_the_code_of_its_signatorys_office() -> None:
    letter = _letter("บันทึกข้อความ\nส่ว นราชก า ร สำนักง า นส่งเสริม การปกครองห้องถิ่นจัง หวัดร้อยเอ็ด\n"
                     "YW Ug 0 0023.4/ว 3676 วันที่ 29 ธันวาคม 2561\n"
                     "เรื่อง การรายงานผลการดำเนินงานตามตัวชี้วัด\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert (letter.doc_number, letter.date) == ("รอ 0023.4/ว 3676", dt.date(2018, 12, 29))


def test_a_number_is_not_made_from_a_cited_one() -> None:
    letter = _letter("| 0023.2/ว 4230 ลงวันที่ 3 ตุลาคม 2566\n" + LETTERHEAD + SUBJECT +
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.doc_number == ""


@pytest.mark.parametrize(("subject_lines", "subject"), [
    pytest.param("เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริม\n"
                 "“การปกครองท้องถิ่น ประจำปีงบประมาณ.พ:ศ. 2561",
                 "การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2561",
                 id="point-before-the-era"),
    pytest.param("เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริม\n"
                 "' การปกครองท้องถิ่น ประจำปีงบประมาณ W. พ.ศ. 2558 t",
                 "การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2558",
                 id="latin-ink-before-the-era"),
    pytest.param("เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                 "ประจำ เดือน มีนาคม พ.ศ. 2567",
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน มีนาคม พ.ศ. 2567",
                 id="space-inside-pracham-duean"),
    pytest.param("เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                 "ประจำเดือน มิ มิถุนายน. พ.ุศ. 2564",
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน มิถุนายน พ.ศ. 2564",
                 id="vowel-after-the-eras-point"),
    pytest.param("เรื่อง การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรม\n"
                 "ส่งเสริมกา ร ปกครองท้อ งถิน รอบการป ระ เมินที่ 1 Used)\nปีงบประมาณ -พ.ศ. 2562 |",
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น รอบการประเมินที่ 1"
                 " ประจำปีงบประมาณ พ.ศ. 2562", id="pracham-read-latin"),
])
def test_subject_tail_as_ocr_reads_it(subject_lines: str, subject: str) -> None:
    letter = _letter("ที่ มท 0810.7/ว 4230\n" + LETTERHEAD + "19 ตุลาคม 2566\n" + subject_lines +
                     "\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.subject == subject


def test_a_stamp_whose_label_caught_specks_is_still_the_stamp() -> None:
    letter = _letter("สนง.ท้องถิ่นอำเภอรัษฎา -\nเลิข์รับ 1130 |\nวันที่ 10 ส.ค. 2563\nเวลา 13.00 น,..\n"
                     "ที่ ตง 0023.2/1986\nสำนักงานส่งเสริม .\n: การปกครองท้องถิ่นจังหวัด '\nตรัง .\n"
                     ". ศาลากลางจังหวัดตรัง\n6 สิงหาคม 2563\n' เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ ' .\n"
                     "องค์กรปกครองส่วนท้องถิ่น ประจำเดือน กรกฎาคม พ.ศ. 2563 .\nเรียน . อธิบดีกรมส่งเสริมการปกครองท้องถิ่น if\n"
                     + BODY)
    assert (letter.date, letter.received_number, letter.received_date) == \
        (dt.date(2020, 8, 6), "1130", dt.date(2020, 8, 10))


def test_a_memo_whose_title_and_office_label_tore_is_a_memo_dated_on_its_number_line() -> None:
    letter = _letter("ล ๆันทึกข้อความ\nส่วน รา ช ก า ร ส่วนส่งเสริม การบริหารกิจการบ้านเมืองที่ดีท้องถิ่น กอง .\n"
                     "พัฒนาและส่งเสริมการบริหารงานท้องถิ่น โทร. 0-\n3 | 2241-9000 ต่อ118\n"
                     "ที่ มท 0810.7/ว 3335 7ฏฏว๊นที่ 24กรกฎาคม 2568\n"
                     "เรือง การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรม\n"
                     "ส่งเสริมการปกครองท้องถิ่น รอบการประเมินที่ 2 ประจำ\nปีงบประมาณ พ.ศ. 2568 ก \"\n"
                     "เรียน ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง\n" + BODY)
    assert (letter.kind, letter.doc_number, letter.date) == ("memo", "มท 0810.7/ว 3335", dt.date(2025, 7, 24))


@pytest.mark.parametrize(("stamp", "number"), [
    pytest.param("เลขรับ, 1298", "1298", id="comma-after-the-label"),
    pytest.param("เลขรับ 4709-”", "4709", id="dash-of-ink-after-the-number"),
    pytest.param("เลขรับ 3.599", "3599", id="speck-read-as-a-point-between-its-digits"),
])
def test_stamp_number_as_ocr_reads_it(stamp: str, number: str) -> None:
    letter = _letter("สนง. ส่งเสริมการปกครอง\nท้องถิ่นจังหวัดสุพรรณบุรี\n" + stamp + "\nวันที่19 ต.ค. 2566\n"
                     "[เวลา 16.00 : น.\nที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT +
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.received_number == number


def test_urgency_whose_thi_vowel_read_as_sara_i() -> None:
    letter = _letter("ด่วนทิสุด\nที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT +
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.urgency == "ด่วนที่สุด"


def test_a_speck_read_as_a_point_inside_the_day_is_dropped() -> None:
    letter = _letter("กรมส่งเสริมการปกครอง\nท้องถิ่น\nถนนนครราชสีมา .เขตดูสิต\nกทม. 10300 ..\nที่ มท 0802.2/ว 3927\n"
                     ". . 1.6จันว่าคม 2558\nเรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.date == dt.date(2015, 12, 16)


@pytest.mark.parametrize(("date_line", "date"), [
    pytest.param("9@ สิงหาคม 2562", dt.date(2019, 8, 9), id="speck-glued-to-the-day"),
    pytest.param("7ๆ พฤษภาคม 2560", dt.date(2017, 5, 7), id="mai-yamok-glued-to-the-day"),
    pytest.param("4 มปมีนาคม 2564", dt.date(2021, 3, 4), id="ink-glued-before-the-month"),
    pytest.param("26 มิถุนายน มิถุนายน 2556", dt.date(2013, 6, 26), id="month-read-twice"),
    pytest.param("ด 30 มกราคม 2561 71]", dt.date(2018, 1, 30), id="specks-apart-before-the-day-and-after-the-year"),
])
def test_letter_date_line_with_ink_on_it(date_line: str, date: dt.date) -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + date_line +
                     "\nเรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.date == date


@pytest.mark.parametrize("label", [
    pytest.param("เสขรับ 135 7", id="lo-ling-read-as-so-suea"),
    pytest.param("| ! 1357", id="label-lost-under-ink"),
])
def test_a_stamp_whose_label_ocr_garbled_is_told_by_its_time_row(label: str) -> None:
    """Seen on a scan: the stamp's date (13 กค. 2564) was taken for the letter's (5 กรกฎาคม 2561)."""
    letter = _letter("สนง.ส่งเสริมการปกครอง\nท้องถิ่นจังหวัดเพชรบุรี\n" + label + "\n'วันที 13 กค. 2564\n"
                     "เวลา 15.15 น.\nที่ มท 0809.2/ว 2288 กรมส่งเสริมการปกครองท้องถิ่น\n"
                     "ถนนนครราชสีมา เขตดุสิต กทม. 10300\n5 กรกฎาคม 2561\n"
                     "เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                     "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)\n"
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.date == dt.date(2018, 7, 5)


def test_a_stamp_number_after_a_dash() -> None:
    letter = _letter("โกสัมพีนคร.\n'เลขรับ - 2796\nวันที่ 27/8/64\nเวลา 10,45 น.\n"
                     "ที่ กพ0023.1/2276\n" + LETTERHEAD + "24 สิงหาคม 2564\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert (letter.received_number, letter.received_date) == ("2796", dt.date(2021, 8, 27))


def test_a_letter_year_cut_to_two_digits_is_read_in_the_years_of_its_other_dates() -> None:
    """Seen on a scan: ๑๕ ธันวาคม ๒๕๖๐ read as `15 ธันวาคม 20` (2520), under a stamp of 2560."""
    from extractors.letters import YEAR_COMPLETED

    letter = _letter("สนง.ท้องถิ่นอำเภอจะแนะ\nเลขรับ 3317\nวันที่ 20 ธค. 2560 -\nเวลา 10,45 น. .\n"
                     "ที่ นธ 0023.5/5023\n" + LETTERHEAD + "15 ธันวาคม 20\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY.replace("2566", "2560"))
    assert letter.date == dt.date(2017, 12, 15) and YEAR_COMPLETED in letter.flags


def test_a_letter_year_of_no_time_is_read_in_the_years_of_its_citations() -> None:
    """Seen on a scan: ๒๑ ธันวาคม ๒๕๖๑ read as `21. ธันวาคม 2521`; the only other date, the
    citation's, has its day broken (`1,0 พฤศจิกายน 2561`) and is read by the reference reader."""
    from extractors.letters import YEAR_COMPLETED

    letter = _letter("ที่ สน 0023.1/ว 802\n" + LETTERHEAD + "21. ธันวาคม 2521\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน นายกองค์การบริหารส่วนจังหวัด\n"
                     + "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/\nว784 ลงวันที่ 1,0 พฤศจิกายน 2561 แจ้งให้\n"
                     + BODY.split("\n", 1)[1])
    assert letter.date == dt.date(2018, 12, 21) and YEAR_COMPLETED in letter.flags


def test_a_stamp_date_label_with_a_tone_speck_on_its_wo() -> None:
    letter = _letter("สนง.ท้องถิ่นอำเภอเกาะ\nกูด -\nเลขรับ 3576 .\nวั้นที่ 18/4/62\nเวลา 16.45 หน,\n"
                     "ที่ ตร 0023.3/2144\n" + LETTERHEAD + "12 เมษายน 2562\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert (letter.received_number, letter.received_date) == ("3576", dt.date(2019, 4, 18))


@pytest.mark.parametrize(("line", "date"), [
    pytest.param("11 เมษายัน 2563", dt.date(2020, 4, 11), id="a-speck-mark-in-the-month-that-opens-with-a-vowel"),
    pytest.param("12 กันยายน J 2561", dt.date(2018, 9, 12), id="a-latin-speck-before-the-year"),
    pytest.param("26 ตุลาคม * 2563", dt.date(2020, 10, 26), id="a-symbol-speck-before-the-year"),
])
def test_letter_date_with_ocr_damage_between_its_parts(line: str, date: dt.date) -> None:
    letter = _letter("ที่ มท 0810.5/2971\n" + LETTERHEAD + line + "\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.date == date


def test_a_stamp_number_behind_a_speck_read_as_at() -> None:
    letter = _letter("สนง.ท้องถิ่นอำเภอเกาะคา\nเลขรับ .@826\nวันที 12/10/67\nเวลา 10.45 น.\n"
                     "ที่ ลป 0023.3/4730\n" + LETTERHEAD + "9 ตุลาคม 2567\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY.replace("2566", "2567"))
    assert (letter.received_number, letter.received_date) == ("826", dt.date(2024, 10, 12))


def test_a_memo_year_cut_on_its_number_line_is_read_in_its_other_dates() -> None:
    """Seen on a scan: a memo's `วันที่ ๒๕ ตุลาคม ๒๕๕๙` beside its number read as `25 ตุลาคม 559`."""
    from extractors.letters import YEAR_COMPLETED

    letter = _letter(".เลขรับ 4285.\nวันที 1 พ.ย. 2559\nเวลา 13.30 น.\nบันทึกข้อความ\n"
                     "ส่วนราชการ ส่วนส่งเสริมการบริหารกิจการบ้านเมืองที่ดีท้องถิ่น โทร. 0-2241-9000\n"
                     "ii มท 0810.7/ว3539 7 7ฝ วันที่ 25 ตุลาคม 559 |\n"
                     "เรื่อง การประเมินผลการปฏิบัติราชการ\nเรียน ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง\n"
                     + BODY.replace("2566", "2559"))
    assert letter.date == dt.date(2016, 10, 25) and YEAR_COMPLETED in letter.flags


def test_a_letter_year_with_its_last_digit_apart_is_read_whole() -> None:
    from extractors.letters import YEAR_COMPLETED

    letter = _letter("ที่ มท0809.2/ว2611\nกรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา เขตดุสิต กทม.\n"
                     "24 พฤษภาคม 252 7 -\nเรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วม\n"
                     "ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\n"
                     + BODY.replace("9 ตุลาคม 2566", "5 พฤษภาคม 2567"))
    assert letter.date == dt.date(2024, 5, 24) and YEAR_COMPLETED in letter.flags


def test_a_label_read_in_the_ink_above_the_number_is_no_addressee() -> None:
    letter = _letter("' :. ถึง ay\nกรมส่งเสริมการปกครอง |\nท้องถิ่น | |\nที่ มท0810.7/ว1637 2\n17 สิงหาคม 2562\n"
                     "เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                     "' องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) .\n17\n"
                     "กงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)\n" + BODY)
    assert letter.subject == ("เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ"
                              "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)")
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"


@pytest.mark.parametrize("first_line", [
    "เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ1",
    "เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ|",
])
def test_ink_glued_to_a_subject_line_end_is_dropped(first_line: str) -> None:
    letter = _letter("ที่ มท 0810.7/ว 3001\n" + LETTERHEAD + "12 มีนาคม 2567\n" + first_line +
                     "\nองค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) .\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" + BODY)
    assert letter.subject == ("เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ"
                              "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)")


def test_a_letter_and_point_of_ink_after_a_speck_at_a_line_end_is_dropped() -> None:
    letter = _letter("ที่ กพ 0023.3/2796\n" + LETTERHEAD + "12 สิงหาคม 2564\n"
                     "เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น : ก.\n"
                     "ประจำปีงบประมาณ พ.ศ. 2564 | 3\nเรียน ท้องถิ่นอำเภอ ทุกอำเภอ\n" + BODY)
    assert letter.subject == "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2564"


def test_a_subject_tail_wrapped_after_a_speck_keeps_its_space() -> None:
    letter = _letter("ที่ ชพ 0023.2/ว 3341\n" + LETTERHEAD + "12 มีนาคม 2559\n"
                     ". . เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น :\n"
                     "0\n.ประ จำปีงบประมาณ พ.ศ. 2559\n. เรียน นายกองค์การบริหารส่วนจังหวัดชุมพร .\n" + BODY)
    assert letter.subject == ("การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น "
                              "ประจำปีงบประมาณ พ.ศ. 2559")


# The boxed urgency mark above the header as OCR read it (wide seeds 952-985).
@pytest.mark.parametrize(("lines", "urgency"), [
    pytest.param(["[ด่วนที่สุด|"], "ด่วนที่สุด", id="box-edges-around"),
    pytest.param([". ดวนทสุดด 77777"], "ด่วนที่สุด", id="last-letter-twice"),
    pytest.param(["ไ2ดวนทสุด7"], "ด่วนที่สุด", id="ink-glued-before"),
    pytest.param(["เที่สุด", "ด่ว"], "ด่วนที่สุด", id="only-its-tail-read"),
    pytest.param(["ดอุมมาก Cae!"], "ด่วนมาก", id="middle-garbled"),
    pytest.param([". ด่วนมา"], "ด่วนมาก", id="last-letter-lost"),
    pytest.param(["ด่วมทิสด"], "ด่วนที่สุด", id="look-alike-letter-read-from-its-frame"),
])
def test_a_boxed_urgency_mark_as_ocr_read_it(lines: list[str], urgency: str) -> None:
    letter = _letter("\n".join(lines) + "\nที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT +
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.urgency == urgency


def test_no_urgency_is_read_from_a_letterhead_without_one() -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.urgency == ""


@pytest.mark.parametrize(("lines", "subject"), [
    pytest.param(["เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ", "พ.ศ. 25.68"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2568",
                 id="point-inside-the-year"),
    pytest.param(["เรื่อง การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครอง “",
                  "ท้องถิ่น รอบการประเมินที่ 2 ประ จำป่งบประมาณ พ.ศ. ห 2562 ' -"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น รอบการประเมินที่ 2 "
                 "ประจำปีงบประมาณ พ.ศ. 2562", id="letter-of-ink-before-the-year"),
    pytest.param(["Gor รา ยง า นผลกา ร จัดตั้งศูนย์ช่ว ยเห ลือปร ะ ชา ชนขององค์กร ปกค ร อ งส่วนท้องถิ่น",
                  "ป ร ะจำเดือน ธั น วาคม พ. ศ . 2 2561 —"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน ธันวาคม พ.ศ. 2561",
                 id="spaced-out-scan"),
    pytest.param(["เรอ ง การติดตามตัวชี้วัด/นโยบายและแผนงาน ที่สํ าคัญของกร มส่งเสริม |",
                  "การปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ..2564"],
                 "การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2564",
                 id="label-split-before-its-last-letter"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่นและ ศูนย์ปฏิบัติการร่วมในการ .",
                  "ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"],
                 "เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นและศูนย์ปฏิบัติการร่วมในการ"
                 "ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)", id="space-after-and"),
])
def test_subject_lines_as_ocr_read_them(lines: list[str], subject: str) -> None:
    letter = _letter("ที่ นค 0023.1/2007\n" + LETTERHEAD + "20 มกราคม 2562\n" + "\n".join(lines) +
                     "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject == subject


def test_a_memo_whose_title_ocr_spaced() -> None:
    letters = extract_letters([(1, normalise(
        "บันทึก ข้อความ\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสระบุรี โทร. 0-2241-9000 ต่อ 1246\n"
        "ที่ สบ 0023.4/ว 4914 วันที่ 18 พฤษภาคม 2564\nเรื่อง การติดตามตัวชี้วัด\nเรียน ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน\n"
        + BODY))])
    assert [letter.kind for letter in letters] == ["memo"]


def test_a_letter_whose_subject_label_lost_its_first_vowel_is_found() -> None:
    letters = extract_letters([(1, normalise(
        ". สนง.ท้องถิ่นอำเภอ\nสุวรรณคูหา\nเลขรับ 2755 :\nวันที่ 21 กย. 2564\nเวลา 15.15 Ve\nด่วน\nNUN 0023.2/3554\n"
        "สำนักงานสิ่งเสริม\n.การปกครองท้องถิ่นจังหวัด\nหนองบัวลำภู\n17 กันยายน 2564\n"
        "รื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ\nองค์กรปกครองส่วนท้องถิ่น ประจำเดือน สิงหาคม พ.ศ. 2564\n"
        "a a PA\nเงยน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY))])
    assert len(letters) == 1
    assert letters[0].subject == ("รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                                  "ประจำเดือน สิงหาคม พ.ศ. 2564")
    assert letters[0].urgency == "ด่วน"


def test_a_number_under_a_stamp_and_letterhead_still_opens_a_letter_whose_labels_ocr_garbled() -> None:
    letters = extract_letters([(1, normalise(
        "สนง.ท้องถิ่นอำเภอบ้าน\nเขว้า\nเลขรับ 1220\nวันที่ 17 กพ. 256\nเวลา- 13,00 น.\n.\nสำนักงานส่งเสริม\n"
        "การปกครองท้องถิ่นจังหวัด\n. . ชัยภูมิ พ 0\n17\nศาลากลางจังหวัดชัยลู\nทิ ชย 0023.2/310 '\n12 กุมภาพันธ์ 2561 |\n"
        "Gos รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ\n.องค์กรปกครองส่วนท้องถิ่น ประจำเดือน มกราคม พ.ศ. 2561\n"
        "a. a\nเยน .อธิบดีกรมส่งเสริมการปกครองท้องถิ่น . ๊\n" + BODY))])
    assert len(letters) == 1
    assert letters[0].subject.startswith("รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน")
    assert letters[0].addressee == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"


def test_a_memo_subject_label_split_over_two_lines_is_no_part_of_the_subject() -> None:
    letter = _letter("บนทกขอความ |\nส่วนราชการ ส่วนติดตามและประเมินผล สำนักนโยบายและแผน โท\n"
                     "ที่ มท 0801.5/ว 807 วันที่ 6 สิงหาคม 2562\nเร\n"
                     "อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น\nประจำปีงบประมาณ พ.ศ. 2562\nSe\n"
                     "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น .\n" + BODY)
    assert letter.subject == "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2562"


@pytest.mark.parametrize(("lines", "deadline"), [
    pytest.param(["ดังกล่าว และ รา ยงา นผลให้ทรา บภาย ในวันที่ 29 พฤศจิกา ย น 2566 โทรสารหม าย เลข 0"],
                 dt.date(2023, 11, 29), id="spaced-out-month"),
    pytest.param(["การดำเนินการดังกล่าว และรายงานผลให้ทราบภายในวันที่ 9ส", "พฤศจิกายน 2566 ก"],
                 dt.date(2023, 11, 9), id="letter-glued-to-the-day"),
    pytest.param(["การดำเนินการดังกล่าว และรายงานุผลให้ทราบภายในวันที่| 8 พฤศจิกายน |", "ไ2566 รายละเอียดปรากฏ"],
                 dt.date(2023, 11, 8), id="letter-glued-to-the-year"),
    pytest.param(["- ดังกล่าว และรายงานผลให้ไรโบภายใน 1 ธันวาคม 2566 รายละเอียดปรากฏตามสิ่งที่"],
                 dt.date(2023, 12, 1), id="wan-thi-lost"),
    pytest.param(["และรายงานผลให้ทราบภายในวันที่ 30 พฤศจิกายน 2506"], dt.date(2023, 11, 30), id="year-misread"),
    # wide seeds 1005-1011
    pytest.param(["ดังกล่าว และรายงานผลให้ทราบภายในวันที่ 1 กั น ยาย น 2 2567โทรสารหมายเลข 02241"],
                 dt.date(2024, 9, 1), id="spaced-month-and-a-speck-before-a-year-run-on"),
    pytest.param(["ดังกล่าว และรายงานผลให้ทราบภายในวันที 26 มกราคม W2.567 โทรสารหมายเลข 0"],
                 dt.date(2024, 1, 26), id="latin-letter-glued-to-the-year"),
    pytest.param(["การดำเนินการดังกล่าว และรายงานผลให้ทราบภายในวันที 30 พฤศจิกายน", "'5-4 รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย"],
                 dt.date(2023, 11, 30), id="year-lost-is-the-first-after-the-letter"),
])
def test_deadline_as_ocr_read_it(lines: list[str], deadline: dt.date) -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + \
        "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น แจ้งให้รายงานผลการดำเนินงาน นั้น\n" + "\n".join(lines) + \
        "\nจึงเรียนมาเพื่อทราบและดำเนินการ\n(นางสาวสุนิสา ภูมิพัฒน์)\nท้องถิ่นจังหวัดร้อยเอ็ด\n"
    assert _letter(text).deadline == deadline


@pytest.mark.parametrize(("line", "addressee"), [
    pytest.param("เรียน ผู้ว่าราชการจังหวัดระ ยอง", "ผู้ว่าราชการจังหวัดระยอง", id="province-split"),
    pytest.param("oe เรียน ผู้ว่าราชการจังหวัดลำพูน ง |", "ผู้ว่าราชการจังหวัดลำพูน", id="letter-of-ink-after"),
    pytest.param("เรียน นายกองค์การบริหารส่วนจังหวัดนครสวรรค์ ก", "นายกองค์การบริหารส่วนจังหวัดนครสวรรค์",
                 id="spaced-letter-after"),
    pytest.param("เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด", "ผู้ว่าราชการจังหวัด ทุกจังหวัด", id="no-province"),
])
def test_an_addressee_ending_in_a_province_as_ocr_read_it(line: str, addressee: str) -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + SUBJECT + line + "\n" + BODY)
    assert letter.addressee == addressee


@pytest.mark.parametrize("wrapped", [
    pytest.param("ก. ประจำเดือน เมษายน พ.ศ.2562 .", id="letter-and-point"),
    pytest.param("“ประจำเดือน เมษายน พ.ศ. 2562", id="curly-quote"),
])
def test_ink_before_a_wrapped_subject_line_is_dropped(wrapped: str) -> None:
    letter = _letter("ที่ รอ 0023.2/ว 4230\n" + LETTERHEAD + "8 พฤษภาคม 2562 .\n"
                     "เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n" + wrapped +
                     "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น .\n" + BODY)
    assert letter.subject == ("รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น "
                              "ประจำเดือน เมษายน พ.ศ. 2562")


def test_a_letter_of_ink_after_the_addressee_is_dropped() -> None:
    letter = _letter("ที่ มท 0810.5/2971\n21 มกราคม 2568\n" + SUBJECT.split("\n", 1)[1] +
                     "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด ก\n" + BODY)
    assert letter.addressee == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"


def test_a_memo_whose_labels_ocr_garbled_keeps_its_addressee() -> None:
    letter = _letter("ด่วนที่สด\n| . บันทึกข้อความ\n"
                     ": ส่วนราชการ ส่วนติดตามและประเมินผล สำนักนโยบายและแผน โทร. 0-2241-9000 |\n'ต่อ 3587 . . 0 .\n"
                     "ที่ มท 0801,5 / 5153 7 วันที่ . 14 เมษายน 2557\n"
                     "3 อง การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพใน\n"
                     "7 การปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2557\n"
                     "เรวียน. ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง\n" + BODY)
    assert letter.addressee == "ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง"


_STAMPED_2557 = ("สนง.ส่งเสริมการปกครอง\nท้องถิ่นจังหวัดแพร่\nเลขรับ 634\nวันที่ 1 พย. {stamp}\nเวลา 15,00 น,.\n"
                 "ด่วนที่สุด\nที่ มท 0802.2/ว 4702\nกรมส่งเสริมการปกครอง\nท้องถิ่น\nถนนนครราชสีมา เขตดุสิต\n"
                 "กทม. 10300\n24 ตุลาคม {letter} |\n"
                 "เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริม\n"
                 "การปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2558\nเรียน ผู้ว่าราชการจังหวัดแพร่\n"
                 "ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้กำหนดแนวทางการดำเนินงาน\nจึงเรียนมาเพื่อทราบ\n"
                 "(นายสมชาย ใจดี)\nอธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n")


def test_a_letter_year_one_digit_off_its_stamps_takes_the_year_its_fiscal_year_witnesses() -> None:
    """Seen on a scan: the letter's ๒๕๕๗ read 2553, the stamp's read whole; the stamp date had
    been pulled to the letter's year. The subject's fiscal year 2558 tells which one is right."""
    letter = _letter(_STAMPED_2557.format(stamp="2557", letter="2553"))
    assert (letter.date, letter.received_date) == (dt.date(2014, 10, 24), dt.date(2014, 11, 1))
    assert "year_completed" in letter.flags


def test_a_stamp_year_one_digit_off_the_letters_is_the_stamps_misreading() -> None:
    letter = _letter(_STAMPED_2557.format(stamp="2553", letter="2557"))
    assert (letter.date, letter.received_date) == (dt.date(2014, 10, 24), dt.date(2014, 11, 1))
    assert "year_completed" not in letter.flags


@pytest.mark.parametrize(("stamp", "year"), [("0557", "2557"), ("1557", "557"), ("0914", "2014")])
def test_years_of_unequal_length_on_letter_and_stamp_are_not_one_digit_apart(stamp: str, year: str) -> None:
    """Seen on an unseen scan: a stamp year read with a leading 0 made the year comparison fail
    and the whole letter was lost (`internal_error`)."""
    letter = _letter(_STAMPED_2557.format(stamp=stamp, letter=year))
    assert letter.doc_number == "มท 0802.2/ว 4702" and "year_completed" not in letter.flags


def test_a_code_with_a_letter_more_takes_the_code_of_the_seat_above_it() -> None:
    """Seen on a scan: the letterhead (province, then its seat) above the number, the office's name
    broken over three lines, and a speck read as a third letter of the code."""
    letter = _letter(". สำนักงานส่งเสริม. |\n, การปกครองท้องถิ่นจังหวัด\n| สระบุรี |\nศาลากลางจังหวัดสระบุรี\n"
                     ": ที่ สบป 0023.5/3969\n4 เมษายน 2565\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.doc_number == "สบ 0023.5/3969" and "doc_number_repaired" in letter.flags


# Subjects as OCR read them on wide seeds 1005-1011 (lines as read, the label line first).
@pytest.mark.parametrize(("lines", "subject"), [
    pytest.param(["- เรื่อง. รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ | | 0200 0",
                  ". องค์กรปกครองส่วนท้องถิ่น ประจำเดือน ธันวาคม พ.ศ. 2564"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน ธันวาคม พ.ศ. 2564",
                 id="stamp-digits-behind-a-bar"),
    pytest.param(["เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ",
                  ". องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง).", "> 3ข จรุ"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="point-after-the-closing-parenthesis"),
    pytest.param([". เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่",
                  "'กลาง) 6 0"],
                 "เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)",
                 id="two-specks-read-as-digits-after-the-parenthesis"),
    pytest.param(["เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น",
                  "ปก ประจำปีงบประมาณ พ.ศ. 2568"],
                 "การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2568",
                 id="two-letters-of-ink-before-the-tail"),
    pytest.param(["เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น", "จำปีงบประมาณ พ.ศ. 2567"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2567",
                 id="pracham-cut-at-the-line-start"),
    pytest.param(["เรือง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น1 ประจำปีงบประมาณ ]", "พ .ศ. 2567"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2567",
                 id="digit-glued-to-a-word"),
    pytest.param(["เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ",
                  "องค์กรปกครองส่วนท้องถิ่น ประจำเดือน'กรกฎาคม พ.ศ. 2561"],
                 "รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น ประจำเดือน กรกฎาคม พ.ศ. 2561",
                 id="speck-before-the-month-is-no-slash"),
    pytest.param(["เรื่อง การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครอง", "รว. DB",
                  "ท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2557"],
                 "การติดตามตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2557",
                 id="a-line-of-latin-ink-between-wrapped-lines"),
    pytest.param(["เรื่อง. การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น",
                  "รอบการประเมินที่.2 ประจำปีงบประมาณ พ.ศ. 2558"],
                 "การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น "
                 "รอบการประเมินที่ 2 ประจำปีงบประมาณ พ.ศ. 2558", id="speck-between-thi-and-its-number"),
    pytest.param(["เรื่อง โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ", "wa 2563 |"],
                 "โครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ พ.ศ. 2563",
                 id="era-read-latin-on-the-year-line"),
    pytest.param(["เรื่อง : กำรรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพใน",
                  "| การปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ.2556 |"],
                 "การรายงานผลการดำเนินงานตามตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ "
                 "ประจำปีงบประมาณ พ.ศ. 2556", id="sara-aa-read-as-sara-am"),
])
def test_subject_as_read_on_specked_scans(lines: list[str], subject: str) -> None:
    text = "\n".join(["ที่ มท 0809.2/ว1478", "กรมส่งเสริมการปกครองท้องถิ่น", "19 มีนาคม 2566", *lines])
    letter = _letter(text + "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject == subject


@pytest.mark.parametrize(("year_line", "year"), [
    pytest.param(". องค์กรปกครองส่วนท้องถิ่น ประจำเดือน มิถุนายน พ.ศ. 2505 .", "2565", id="a-digit-misread-far-off"),
    pytest.param("องค์กรปกครองส่วนท้องถิ่น ประจำเดือน มิถุนายน พ.ศ. 2555", "2555", id="a-year-of-its-time-stays"),
])
def test_subject_year_far_from_its_letter_had_a_digit_misread(year_line: str, year: str) -> None:
    # wide seed 996: the month reported is printed ๒๕๖๕ in a letter of ๑๐ กรกฎาคม ๒๕๖๕
    letter = _letter("ที่ ปข 0023.3/2119\n10 กรกฎาคม 2565\nเรื่อง. รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ |\n"
                     + year_line + "\nเรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.subject.endswith(f"ประจำเดือน มิถุนายน พ.ศ. {year}")


def test_a_date_line_under_the_number_is_the_date_when_the_subject_label_is_garbled() -> None:
    """Seen on a province office's scan: เรื่อง read `โ Gov` and เรียน `| ยน`, so the header seemed
    to end at the number line and the date-only line under it stood in the body."""
    letter = _letter("i ปท 0 0023.1/1248 . ' สำนักงานส่งเสริมกา รปก ค ร อ ง\n| | | . ท้องถิ่นจังหวัดปทุมธานี\n"
                     "ศาลาก ล า ง จังหวัด ปทุมธานี\n12 กรกฎาคม 2561\n"
                     "โ Gov รายงานผล ก ารจัดตั้งศูนย์ช่วยเหลือประชา ชนขององค์กร ปกค ร อ งส่วน ท้องถิ่น\n"
                     ". ประจำเดือน มิถุน า ยน พ.a. 2 2561\na\n| ยน อธิ บดี กรมส่งเสริมก า รปกครอง ท้อ งถิ่ น 0\n" + BODY)
    assert (letter.doc_number, letter.date) == ("ปท 0023.1/1248", dt.date(2018, 7, 12))


def test_a_stamp_number_behind_a_speck_read_as_a_quote() -> None:
    # wide seed 1025 SCAN_0005: ๖๕๒ read `“6.52`
    letter = _letter("สนง.ท้องถิ่นอำเภอ\nะกั่วป่า\nเลขรับ “6.52\nวันที 27 พ. ย. “61\nเวลา 10.30 น.\n"
                     "ที่ ลป 0023.3/4730\n" + LETTERHEAD + "20 พฤศจิกายน 2561\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY.replace("2566", "2561"))
    assert letter.received_number == "652"


@pytest.mark.parametrize(("stamp", "letter_date", "received"), [
    pytest.param("6/33/60", "2 มีนาคม 2560", dt.date(2017, 3, 6), id="month-glyph-read-twice"),  # seed 1026 saraban_006
    pytest.param("220/11/64", "19 พฤศจิกายน 2564", dt.date(2021, 11, 20), id="day-glyph-read-twice"),  # 1025 img033
    pytest.param("220/11/64", "ต19ฤศจิกายนย2564", dt.date(2021, 11, 20), id="without-the-letters-date"),
])
def test_a_stamp_date_with_a_glyph_read_twice_is_read_with_it_once(stamp: str, letter_date: str,
                                                                      received: dt.date) -> None:
    from extractors.letters import STAMP_DATE_REPAIRED

    letter = _letter(f"สนง.ส่งเสริมการปกครอง\nท้องถิ่นจังหวัดสระแก้ว\nเลขรับ 2414 .\nวันที่ {stamp}\nเวลา 12,00 น.\n"
                     "ที่ มท 0809.2/58\n" + LETTERHEAD + letter_date + "\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.received_date == received and STAMP_DATE_REPAIRED in letter.flags


@pytest.mark.parametrize(("stamp", "repaired"), [
    pytest.param("29 เมย. 254 -", True, id="cut-year-one-digit-off"),  # seed 1029 doc20170913
    pytest.param("29 เมย. 256 -", False, id="cut-year-as-printed"),
    pytest.param("29 เม.ย. 2567", False, id="whole-year"),
])
def test_a_stamp_year_read_back_to_the_letters_time_is_flagged(stamp: str, repaired: bool) -> None:
    from extractors.letters import STAMP_DATE_REPAIRED

    letter = _letter(f"สนง.ท้องถิ่นอำเภอวังวิเศษ\nเลขรับ 2711 .\nวันที่ {stamp}\nเวลา 10.15 น.\n"
                     "ที่ ตง 0023.4/2306\n" + LETTERHEAD + "21 เมษายน 2567\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.received_date == dt.date(2024, 4, 29)
    assert (STAMP_DATE_REPAIRED in letter.flags) is repaired


def test_a_stamp_date_of_an_impossible_month_with_no_glyph_doubled_stays_unread() -> None:
    letter = _letter("สนง.ส่งเสริมการปกครอง\nเลขรับ 2414 .\nวันที่ 6/14/60\nเวลา 12,00 น.\n"
                     "ที่ มท 0809.2/58\n" + LETTERHEAD + "2 มีนาคม 2560\n" + SUBJECT.split("\n", 1)[1]
                     + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + BODY)
    assert letter.received_date is None


# saraban_035 (seed 1036): the date line's ๒๕๖๗ read 2563, under a KPI of ปีงบประมาณ พ.ศ. ๒๕๖๗.
KPI_LETTER = """ด่วนที่สุด
ที่ มท 0809.2/2216 กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา เขตดุสิต กทม. 10300
9 มิถุนายน {year}
เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
บัดนี้ ใกล้ถึงกำหนดระยะเวลาตามตัวชี้วัดที่
4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ
องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) จำนวน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ.
2567 แล้ว จึงขอให้เร่งรัดการดำเนินการให้เป็นไปตามค่าเป้าหมาย
จึงเรียนมา เพื่อทราบและดำเนินการ
(นายจักรพันธ์ ธนากุล)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น
"""


@pytest.mark.parametrize(("year", "flagged"), [
    pytest.param(2563, True, id="four-years-before-its-fiscal-year"),
    pytest.param(2567, False, id="in-its-fiscal-year"),
    pytest.param(2566, False, id="the-year-before-sets-next-years-targets"),
])
def test_a_letter_dated_years_before_the_fiscal_year_it_sets_is_flagged(year: int, flagged: bool) -> None:
    from pipeline.thai.dates import IMPLAUSIBLE_DATE

    letter = _letter(KPI_LETTER.format(year=year))
    assert letter.date == dt.date(year - 543, 6, 9)  # nothing moved: the letter does not say which year is wrong
    assert [ind.fiscal_year for ind in letter.indicators] == [2567]
    assert (IMPLAUSIBLE_DATE in letter.flags) is flagged


def test_a_signed_name_ocr_set_above_the_closing_words_is_the_signatory() -> None:
    """Seen on a blind wide-seed memo's overleaf: its page read `- 2 -`, `(นายปิยะ ศรีสุข)`,
    `จึงเรียนมาเพื่อโปรดพิจารณา`, `ท้องถิ่นจังหวัดแพร่`; the name was looked for only after the
    closing, and the letter went unsigned. A loose line above the closing is not taken."""
    head = ("บันทึกข้อความ\nส่วนราชการ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดแพร่\n"
            "ที่ พร 0023.1/ว 479 วันที่ 10 สิงหาคม 2562\nเรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชน\n"
            "เรียน ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน และท้องถิ่นอำเภอทุกอำเภอ\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.5/ว 3130 ลงวันที่ 16 กรกฎาคม 2562 นั้น\n")
    letter = _letter(head + "- 2 -\n(นายปิยะ ศรีสุข)\n. จึงเรียนมาเพื่อโปรดพิจารณา\nท้องถิ่นจังหวัดแพร่\n")
    assert (letter.signatory, letter.signatory_position) == ("นายปิยะ ศรีสุข", "ท้องถิ่นจังหวัดแพร่")
    loose = _letter(head + "ผู้ประสานงาน นายปิยะ ศรีสุข\n. จึงเรียนมาเพื่อโปรดพิจารณา\nท้องถิ่นจังหวัดแพร่\n")
    assert loose.signatory == ""


# Seed 1039 (SCAN_0002): a speck over วัน read as one more mark, and Latin ink inside the day.
def test_a_deadline_whose_label_carries_a_stray_mark() -> None:
    text = "ที่ รอ 0023.2/4230\n" + LETTERHEAD + SUBJECT + "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n" + \
        "จึงขอให้เร่งรัดการดำเนินการ\nดังกล่าว และ ะรายงานผลให้ทราบภายในวั้นที่ 2o6 มิถุนายน 2554\n" + BODY
    letter = _letter(text)
    assert (letter.deadline, letter.deadline_text) == (dt.date(2011, 6, 26), "ภายในวั้นที่ 26 มิถุนายน 2554")


MEMO_TITLE_LOST = """บ . ปบันทกข้อความ
ส่วนราชการ ฝ่ายวินัย กองการเจ้าหน้าที่ โทร. 0-2241-9000 ต่อ
. 0 2847
{number_line}
เร อง โครงก า รคัดเลือกท้องถิ นจัง หวัดดีเด่นและท้องถิ่นอำเภอดีเด่น
ประจำปีงบประมาณ พ.ศ. 2565
เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น
ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7 /ว 2595 ลงวันที่ 8 พฤษภาคม 2565
จึงเรียนมาเพื่อโปรดพิจารณา
(นายมนตรี สัมมาประสิทธิ์)
ผู้อำนวยการกองการเจ้าหน้าที่
"""


@pytest.mark.parametrize(("number_line", "kind", "date"), [
    # seed 1039 doc20191220: the title and the เรื่อง label garbled, a speck on the month
    pytest.param("ที่ มท 0802.2/ว 3126 วันที่ 10 สิงหาคุม 2565", "memo", dt.date(2022, 8, 10), id="dated-number-line"),
    pytest.param("ที่ มท 0802.2/ว 3126 วันที่ 11 ส.ค. 65", "letter", None, id="a-stamps-short-date-beside-it"),
])
def test_a_number_line_dated_after_wan_thi_is_a_memos(number_line: str, kind: str, date: dt.date | None) -> None:
    letter = _letter(MEMO_TITLE_LOST.format(number_line=number_line))
    assert (letter.kind, letter.doc_number, letter.date) == (kind, "มท 0802.2/ว 3126", date)


DEPARTMENT_HEAD = """กรมส่งเสริมก า รปกครอง:
. ท้องถิ น
' ถนนน ค รราชสีมา เขตดุสิต
กทม . 10300
{number_line}
26 มีนาคม2561 _
. เรื่อง เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ
. องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง ) '
ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)
{citation}
จึงเรียนมาเพื่อโปรดทราบและพิจารณา ด ำเนิ นการต่อไป
. ไนาง รัตนา กิจเจริญ)
. อธิบดีกรมส่งเสริมการปกครองท้องถิ น
"""


def test_a_codeless_number_whose_mark_carries_a_speck() -> None:
    # seed 1039 doc20200218: มท read as the word มี, a speck over ว read as ิ
    letter = _letter(DEPARTMENT_HEAD.format(number_line="ที่ มี 0802.2/วิ4187", citation=""))
    assert (letter.doc_number, letter.circular) == ("มท 0802.2/ว 4187", True)
    assert DOC_NUMBER_REPAIRED in letter.flags


@pytest.mark.parametrize(("citation", "number", "date"), [
    # seed 1039 doc20200218: ๐๘ at the wrap read as three specks before the numeral reader's owner
    pytest.param(".. อ้างถึง หนังสือกรมส่งเสริมกา ร ปกค ร องท้องถิ่น ด่ว นที่สุด ที่ ม ท\n"
                 "0 007 ส 0810.7/ว 3965 ลงวันที่10 มีนาคม 2561 7", "มท 0810.7/ว 3965", dt.date(2018, 3, 10),
                 id="specks-at-the-wrap"),
    # seed 1039 doc20220730: the `eng` model's ๐๘๑๐ beside the owner, ink glued before the serial
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท OBO. 0810.7/ว\n"
                 "ดตาไว3693 ลงวันที่ 17 มกราคม 2562 + 0", "มท 0810.7/ว 3693", dt.date(2019, 1, 17),
                 id="latin-before-the-owner"),
    # seed 1039 img022: `/ว` at the line end read as a lone 0
    pytest.param("ตามหนังสือกรม์ส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7 0\n"
                 "774 ลงวันที่ 7 ธันวาคม 2560 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดรายงาน",
                 "มท 0810.7/ว 774", dt.date(2017, 12, 7), id="mark-read-as-zero"),
])
def test_a_cited_number_garbled_where_it_wraps(citation: str, number: str, date: dt.date) -> None:
    letter = _letter(DEPARTMENT_HEAD.format(number_line="ที่ มท 0802.2/ว 4187", citation=citation))
    assert [(r.doc_number, r.date) for r in letter.references] == [(number, date)]


SARABURI = """ด่วนมาก
7 {code}0023.5/5112
. สำนักงานส่งเสริม
การปกครองท้องถิ่นจังหวัด
ศัระบว
| ศาลากลางจังหวัดสระบุ
น 7 กันยายน 2565
เรื่อง เร่งรัดการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น
. ถึง สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอเฉลิมพระเกียรติ |
ตามที กรมส่งเสริมการปกครองท้องถิ่นได้กำหนดแนวทางการดำเนินงาน{aside}
จึงเรียนมาเพื่อทราบและดำเนินการ
(นางสาวลลิตา พงใจ)
ปลัดจังหวัด ปฏิบัติราชการแทน |
ผู้ว่าราชการจังหวัดสระบุรี
"""


@pytest.mark.parametrize(("code", "aside", "number", "repaired"), [
    # seed 1039 saraban_001: บ's tail read as ป's, สระบุรี's code read as สมุทรปราการ's
    pytest.param("สป", "", "สบ 0023.5/5112", True, id="a-lookalike-of-its-provinces-code"),
    pytest.param("สป", " ร่วมกับจังหวัดสมุทรปราการ", "สป 0023.5/5112", False, id="the-read-codes-province-named"),
    pytest.param("สบ", "", "สบ 0023.5/5112", False, id="its-own-code"),
])
def test_a_province_code_read_as_its_lookalike(code: str, aside: str, number: str, repaired: bool) -> None:
    letter = _letter(SARABURI.format(code=code, aside=aside))
    assert (letter.doc_number, DOC_NUMBER_REPAIRED in letter.flags) == (number, repaired)


def test_a_cited_date_with_a_zero_speck_where_it_wraps() -> None:
    # seed 1038 img038: the day ๘ ends the line, the next opens with a speck read as 0
    letter = _letter(DEPARTMENT_HEAD.format(
        number_line="ที่ มท 0802.2/ว 4187",
        citation="หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0810.5/ว5047 ลงวันที่ 8\n0 เมษายน 2556 |\n"
                 "ตามหนังสือกรมส่งเสริมการปกครองห้องถิ่น ที่ มท 0810.5/ว 311 ลงวันที่ 1 0 มีนาคม 2556"))
    assert [(r.doc_number, r.date) for r in letter.references] == [
        ("มท 0810.5/ว 5047", dt.date(2013, 4, 8)),
        ("มท 0810.5/ว 311", None)]  # `1 0` may be ๑๐ split: left unread, not taken for the 1st


@pytest.mark.parametrize(("line", "number"), [
    pytest.param("ที่ มท 0802.2/วิตา3370", "มท 0802.2/ว 3370", id="glued-to-the-mark"),  # seed 1038 img007
    pytest.param(".ท มท 0023.1/ว ตา378", "มท 0023.1/ว 378", id="apart-from-the-mark"),  # seed 1035 doc20200507
])
def test_an_own_number_with_a_letter_and_vowel_glued_between_mark_and_serial(line: str, number: str) -> None:
    letter = _letter(DEPARTMENT_HEAD.format(number_line=line, citation=""))
    assert (letter.doc_number, letter.circular) == (number, True)


@pytest.mark.parametrize(("citation", "cited"), [
    # seed 1037 saraban_034: ตามหนังสือกรมส่งเสริม… garbled past reading, the number dated right after it
    pytest.param(". 6 0ฮ2ฝ7(''พัแตริมกรปกครองทัยงถิ่น ที่ มท 0810.7/ว 605 ลงวันที่ .\n'\na\n"
                 "4 สิงหาคม 2565 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดรายงาน",
                 [("มท 0810.7/ว 605", dt.date(2022, 8, 4))], id="dated-right-after"),
    pytest.param("ให้ใช้แบบ มท 0810.7/ว 605 ในการรายงาน", [], id="neither-cited-nor-dated"),
])
def test_a_number_dated_right_after_in_the_body_is_cited(citation: str, cited: list[tuple[str, dt.date]]) -> None:
    letter = _letter(DEPARTMENT_HEAD.format(number_line="ที่ มท 0802.2/ว 4187", citation=citation))
    assert [(r.doc_number, r.date) for r in letter.references] == cited
