"""Letters read from the real seed texts: every field a person can read in them."""

from __future__ import annotations

import datetime as dt

import pytest
from letters_seed_pages import seed_pages

from extractors.letter_docnum import normalise_docnum
from extractors.letters import extract_letters
from pipeline.records import Letter


def _letters(prefix: str) -> dict[str, Letter]:
    return {letter.doc_number: letter for letter in extract_letters(seed_pages(prefix))}


@pytest.fixture(scope="module")
def seed000() -> dict[str, Letter]:
    return _letters("000")


def test_seed000_finds_two_circulars_and_a_memo(seed000: dict[str, Letter]) -> None:
    assert list(seed000) == ["อต 0023.4/ว 160", "มท 0810.7/ว 835", "มท 0812/6265"]
    kinds = [(n, letter.kind, letter.circular) for n, letter in seed000.items()]
    assert kinds == [("อต 0023.4/ว 160", "letter", True), ("มท 0810.7/ว 835", "letter", True),
                     ("มท 0812/6265", "memo", False)]


def test_seed000_province_letter(seed000: dict[str, Letter]) -> None:
    letter = seed000["อต 0023.4/ว 160"]
    assert letter.date == dt.date(2018, 2, 23)
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอลับแล ท่าปลา ฟากท่า และบ้านโคก"
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.7/ว 435", dt.date(2018, 2, 14))]
    assert letter.deadline == dt.date(2018, 3, 30)
    assert (letter.received_number, letter.received_date) == ("331", dt.date(2018, 2, 23))
    assert letter.signatory == "นางสาวลลิตา ปินตาคำ"
    assert letter.signatory_position == "ท้องถิ่นอำเภอลับแล"
    assert letter.urgency == "" and letter.page_from == 1


def test_seed000_kpi_42_target(seed000: dict[str, Letter]) -> None:
    kpi = {i.code: i for i in seed000["อต 0023.4/ว 160"].indicators}["4.2"]
    assert kpi.target_value == 878 and kpi.target_unit == "ศูนย์" and kpi.fiscal_year == 2561
    assert kpi.name == "การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานทีกลาง)"


def test_seed000_department_circular(seed000: dict[str, Letter]) -> None:
    letter = seed000["มท 0810.7/ว 835"]
    assert letter.urgency == "ด่วนที่สุด"
    assert letter.date is None  # the scan lost its date line: stays empty
    assert letter.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด"
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.7/ว 2796", dt.date(2017, 12, 12))]
    assert (letter.received_number, letter.received_date) == ("177b", dt.date(2018, 2, 15))
    assert letter.deadline is None and letter.deadline_text == "ทุกวันที่ 15 ของเดือน"
    kpi = {i.code: i for i in letter.indicators}["4.2"]
    assert kpi.due_date == dt.date(2018, 4, 30)


def test_seed000_memo(seed000: dict[str, Letter]) -> None:
    memo = seed000["มท 0812/6265"]
    assert memo.date == dt.date(2018, 1, 26)
    assert memo.subject == ("สรุปรายละเอียดตัวชี้วัดตามมาตรการปรับปรุงประสิทธิภาพในการปฏิบัติราชการ "
                            "ของ สท. ประจำปีงบประมาณ พ.ศ. 2561")
    assert memo.addressee == "ทน.ผต. ผู้อำนวยการสำนัก/กอง และ ทน.ศปท."
    assert memo.sender == "ก.พ.ร.สท."
    assert memo.signatory == "นายสุทธิพงษ์ จุลเจริญ"
    assert memo.signatory_position == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"
    assert memo.received_number == "17" and memo.references == []
    kpis = {i.code: i for i in memo.indicators}
    assert kpis["5.2(8)"].target_value == 878 and kpis["5.2(8)"].owner == "กพส."
    assert kpis["1.1"].owner == "กพส."


def test_seed001_letter_with_province_list() -> None:
    letters = _letters("001")
    assert list(letters) == ["มท 0810.7/ว 1055", "มท 0810.7/ว 435"]
    first = letters["มท 0810.7/ว 1055"]
    assert first.urgency == "ด่วนที่สุด"
    assert first.addressee == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)"
    assert first.provinces == ["ฉะเชิงเทรา", "ชลบุรี", "ตาก", "นครปฐม", "นครสวรรค์", "นนทบุรี",
                               "พังงา", "เพชรบุรี", "สตูล", "สุพรรณบุรี"]
    assert {i.code: i.target_value for i in first.indicators} == {"4.1": None, "4.2": 878}
    assert letters["มท 0810.7/ว 435"].references[0].doc_number == "มท 0810.7/ว 2796"


def test_seed002_letter_and_memo() -> None:
    letters = _letters("002")
    assert list(letters) == ["มท 0810.5/ว 1250", "มท 0801.5/ว 1238"]
    assert letters["มท 0810.5/ว 1250"].references[0].date == dt.date(2011, 6, 21)
    memo = letters["มท 0801.5/ว 1238"]
    assert (memo.kind, memo.date, memo.sender) == ("memo", dt.date(2011, 6, 26), "สน.พส. (สตป.)")
    assert memo.signatory == "นายขวัญชัย วงศ์นิติกร" and memo.signatory_position == "อสก."


def test_seed003_memo_then_department_letter() -> None:
    letters = _letters("003")
    assert list(letters) == ["กส 0023.1/ว 198", "มท 0811.1/ว 1553"]
    memo, letter = letters["กส 0023.1/ว 198"], letters["มท 0811.1/ว 1553"]
    assert memo.date == dt.date(2024, 4, 19) and memo.signatory == "สำเนียง หวังเจริญ"
    assert memo.signatory_position == "ท้องถิ่นจังหวัดกาฬสินธุ์"
    assert len(memo.indicators) == 12
    assert letter.date == dt.date(2024, 4, 10)
    assert letter.sender == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert letter.addressee.startswith("ผู้ว่าราชการจังหวัด ทุกจังหวัด (ยกเว้นจังหวัดลำพูน,")
    assert letter.addressee.endswith("และจังหวัดสุราษฎร์ธานี)")
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0811.1/ว 1085", dt.date(2024, 3, 11))]
    assert letter.attachments == [
        "แบบรายงานผลการประเมินคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. 2567 จำนวน 1 ชุด",
        "รายละเอียดตัวชี้วัดท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. 2567 จำนวน 1 ชุด",
    ]
    assert letter.signatory == "นายขจร ศรีชวโนทัย"
    assert (letter.received_number, letter.received_date) == ("1861", dt.date(2024, 5, 14))


def test_seed004_number_on_next_line() -> None:
    letters = extract_letters(seed_pages("004"))
    assert len(letters) == 1
    letter = letters[0]
    assert (letter.doc_number, letter.date, letter.urgency) == ("มท 0810.7/ว 5157", dt.date(2023, 12, 13), "ด่วนที่สุด")
    assert letter.subject.startswith("การประเมินผลการปฏิบัติราชการของข้าราชการในสังกัดกรมส่งเสริมการปกครองท้องถิ่น")
    assert letter.addressee == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"
    assert letter.sender == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0802.2/ว 4348", dt.date(2023, 10, 27))]
    assert letter.attachments == ["รายละเอียดและเอกสารที่เกี่ยวข้องในการดำเนินการตามตัวชี้วัดที่ 6 จำนวน 1 ชุด"]
    assert letter.signatory == "นายศรัทธันท์ ศรีคงพล"
    assert letter.signatory_position == "รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"
    assert letter.field_pages["doc_number"] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ที่มท 0810.7/ว435", "มท 0810.7/ว 435", id="glued"),
        pytest.param("กส 0023.1 /ว 198", "กส 0023.1/ว 198", id="space-before-slash"),
        pytest.param("มท0812/ 6265", "มท 0812/6265", id="memo-number"),
        pytest.param("ปจ 0023.3/1707", "ปจ 0023.3/1707", id="not-circular"),
        pytest.param("ที่ มท 0810.7/ว", "", id="serial-missing"),
        pytest.param("ที่ พบ 0023.1/) 3820 7 : 4", "พบ 0023.1/ว 3820", id="circular-mark-read-as-bracket"),
        pytest.param("ที่ มท 0801.5 /ว 1 196 วันที 5 มกราคม 2560", "มท 0801.5/ว 1196", id="serial-split-by-ocr"),
        pytest.param("มท 0810.5/ว 96 2 มีนาคม", "มท 0810.5/ว 96", id="a-day-after-the-serial-stays-apart"),
    ],
)
def test_normalise_docnum(text: str, expected: str) -> None:
    assert normalise_docnum(text) == expected


def test_impossible_date_is_a_flag() -> None:
    page = "ที่ มท 0810.7/ว 99\nกรมส่งเสริมการปกครองท้องถิ่น\n31 กุมภาพันธ์ 2561\nเรื่อง ทดสอบ\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด"
    letter = extract_letters([(1, page)])[0]
    assert letter.date is None and "impossible_date" in letter.flags


def test_reference_wrapped_after_a_speck() -> None:
    """SCAN_0001's body as OCR'd: the serial wraps to a line that opens with a speck (`- ว797`)."""
    page = ("ที่ มท 0809.2/ว 4233\n28 พฤษภาคม 2554\nเรื่อง การรายงานผล\nเรียน ผู้ว่าราชการจังหวัดอุทัยธานี\n"
            "| ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่มท0810.5/\n"
            "- ว797 ลงวันที่ 1 มีนาคม 2554 แจ้งให้สำนักงานส่งเสริมการปกครอง:\n"
            "จึงเรียนมาเพื่อโปรดทราบ")
    letter = extract_letters([(1, page)])[0]
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.5/ว 797", dt.date(2011, 3, 1))]


def test_signature_ink_read_as_latin_is_not_the_position() -> None:
    """SCAN_0008 as OCR'd: the signature scribble comes out as `aA` between name and position."""
    page = ("ที่ ปจ 0023.3/1707\n6 ธันวาคม 2564\nเรื่อง รายงานผล\nเรียน อธิบดี กรมสังเสริมการปกครองท้องถื่น\n"
            "จึงเรียนมาเพื่อทราบและดำเนินการ\nขอแสดงความนับถือ\n(นายอนุชา ทองคำ)\naA\nท้องถิ่นจังหวัดปราจีนบุรี\n"
            "กลุ่มงานกฎหมายระเบียบและเรื่องร้องทุกข์\nโทร. 0 2241 9000 ต่อ 1715")
    form = "ประจำเดือน พฤศจิกายน พ.ศ. 2564\nจังหวัดปราจีนบุรี\nแบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน"
    letter = extract_letters([(1, page), (2, form)])[0]
    assert letter.signatory_position == "ท้องถิ่นจังหวัดปราจีนบุรี"
    assert letter.addressee == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"
    assert letter.page_to == 1  # the report form overleaf is no contact footer


def test_a_footer_line_overleaf_stays_with_the_letter() -> None:
    page = ("ที่ มท 0809.2/ว 4233\n28 พฤษภาคม 2554\nเรื่อง การรายงานผล\nเรียน ผู้ว่าราชการจังหวัดอุทัยธานี\n"
            "จึงเรียนมาเพื่อโปรดทราบ\nขอแสดงความนับถือ\n(ว่าที่ร้อยตรีชัยวัฒน์ จุลเจริญ)\n"
            "ผู้อำนวยการสำนักบริหารงานบุคคลส่วนท้องถิ่น\nสำนักบริหารงานบุคคลส่วนท้องถิ่น\nโทร. 02241 9000 ต่อ 3410")
    letter = extract_letters([(1, page), (2, "| โทรสาร 0 241 8105 .")])[0]
    assert letter.page_to == 2


def test_attachment_list_numbered_with_an_ocr_one_and_wrapped_after_a_speck() -> None:
    """SCAN_0001's attachment list as OCR'd: ๑ read as `@`, the wrap opening with a speck."""
    page = ("ที่ มท 0809.2/ว 4233\n28 พฤษภาคม 2554\nเรื่อง การรายงานผล\nเรียน ผู้ว่าราชการจังหวัดอุทัยธานี\n"
            "สิ่งที่ส่งมาด้วย @. รายละเอียดและเอกสารที่เกี่ยวข้องในการดำเนินการ .\n. ตามตัวชี้วัด จำนวน 1 ชุด\n"
            "2. แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนของ |\nองค์กรปกครองส่วนท้องถิ่น จำนวน 1 ฉบับ\n"
            "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น")
    letter = extract_letters([(1, page)])[0]
    assert letter.attachments == [
        "รายละเอียดและเอกสารที่เกี่ยวข้องในการดำเนินการตามตัวชี้วัด จำนวน 1 ชุด",
        "แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น จำนวน 1 ฉบับ",
    ]
