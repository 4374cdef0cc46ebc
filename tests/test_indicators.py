"""KPI reading: inline mentions, memo items, KPI tables."""

from __future__ import annotations

import datetime as dt

import pytest
from letters_seed_pages import seed_pages

from extractors.indicators import extract_indicators, merge_indicators, settle_fiscal_years
from pipeline.records import Indicator
from pipeline.thai.text import normalise

_INLINE = normalise(
    "ประจำปีงบประมาณ พ.ศ. ๒๕๖๑ ตัวชี้วัดที่ ๔.๑ การจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น"
    "ครบทุกองค์กรปกครองส่วนท้องถิ่น ภายในเดือนกันยายน ๒๕๖๑ และตัวชี้วัดที่ ๔.๒ การจัดตั้งศูนย์ปฏิบัติการร่วม"
    "ในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) จำนวน ๘๗๘ ศูนย์ ภายในเดือนเมษายน ๒๕๖๑"
)


def test_inline_kpis() -> None:
    found = {i.code: i for i in extract_indicators(_INLINE, 1, None)}
    assert set(found) == {"4.1", "4.2"}
    kpi = found["4.2"]
    assert kpi.name == "การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"
    assert (kpi.target_value, kpi.target_unit, kpi.fiscal_year) == (878, "ศูนย์", 2561)
    assert kpi.due_date == dt.date(2018, 4, 30) and kpi.page == 1
    assert found["4.1"].due_date == dt.date(2018, 9, 30) and found["4.1"].target_value is None


def test_kpi_keyword_with_a_misread_tone_mark() -> None:
    """Tesseract reads ตัวชี้วัด as ตัวชี่วัด (mai ek for mai tho): still a KPI."""
    text = _INLINE.replace("ตัวชี้วัดที่ 4.2", "ตัวชี่วัดที่ 4.2")
    assert "ตัวชี่วัดที่ 4.2" in text
    found = {i.code: i for i in extract_indicators(text, 1, None)}
    assert found["4.2"].target_value == 878


def test_quoted_name_and_scale_target() -> None:
    text = ("พ.ศ. 2565 ตัวชี้วัดที่ 2.3 องค์กรปกครองส่วนท้องถิ่นที่ผ่านเกณฑ์การประเมินประสิทธิภาพ\n(LPA) จำนวน 6,500 แห่ง "
            "และตัวชี้วัดที่ 5.1 ระดับความสำเร็จของการจัดทำฐานข้อมูลกลาง\nขององค์กรปกครองส่วนท้องถิ่น ระดับ 5")
    found = {i.code: i for i in extract_indicators(text, 2, 2565)}
    assert found["2.3"].name == "องค์กรปกครองส่วนท้องถิ่นที่ผ่านเกณฑ์การประเมินประสิทธิภาพ (LPA)"
    assert (found["2.3"].target_value, found["2.3"].target_unit) == (6500, "แห่ง")
    assert found["5.1"].name == "ระดับความสำเร็จของการจัดทำฐานข้อมูลกลางขององค์กรปกครองส่วนท้องถิ่น"
    assert (found["5.1"].target_value, found["5.1"].target_unit, found["5.1"].fiscal_year) == (5, "ระดับ", 2565)
    quoted = extract_indicators('ตัวชี้วัดที่ 4.2 การพัฒนาประสิทธิภาพ “การจัดตั้งศูนย์ฯ (สถานที่กลาง)” จำนวน 878 ศูนย์', 1, 2561)
    assert quoted[0].name == "การจัดตั้งศูนย์ฯ (สถานที่กลาง)" and quoted[0].fiscal_year == 2561


def test_memo_items_with_owner_and_sub_items() -> None:
    pages = dict(seed_pages("000"))
    found = {i.code: i for i in extract_indicators(pages[5], 5, 2561)}
    assert found["1.1"].owner == "กพส."
    assert found["5.2(8)"].target_value == 878 and found["5.2(8)"].due_date == dt.date(2018, 4, 30)
    assert found["5.2(12)"].target_value == 80 and found["5.2(12)"].target_unit == "ร้อยละ"


def test_kpi_table_levels() -> None:
    pages = dict(seed_pages("002"))
    rows = {i.code: i for i in extract_indicators(pages[3], 3, None)}
    assert rows["1"].target_value == 50 and rows["1"].levels == ["17", "34", "50", "67", "84"]
    assert rows["1"].owner == "สน.สส." and rows["1"].fiscal_year == 2554
    assert rows["5"].levels == ["2.5", "3", "3.5", "4", "4.5"]
    assert rows["17"].owner == "กค."


def test_recurring_mention_without_details() -> None:
    found = extract_indicators("รายงานผลการดำเนินงานตามตัวชี้วัดที่ 4.2 แล้ว จึงขอให้", 1, None)
    assert found[0].code == "4.2" and found[0].name == "" and found[0].target_value is None


def test_a_count_target_with_a_point_ocr_set_in_it_keeps_every_digit() -> None:
    """Seen on a JPEG scan: ๗,๐๐๐ แห่ง read as `7,00.0 แห่ง` (a speck between the zeros)."""
    text = ("ปีงบประมาณ พ.ศ. 2561 ตัวชี้วัดที่ 2.3 องค์กรปกครองส่วนท้องถิ่นที่ผ่านเกณฑ์\n"
            "การประเมินประสิทธิภาพ (LPA) จำนวน 7,00.0 แห่ง")
    [kpi] = extract_indicators(text, 1, 2561)
    assert (kpi.code, kpi.target_value, kpi.target_unit) == ("2.3", 7000, "แห่ง")


def test_ocr_spacing_and_a_speck_around_the_code() -> None:
    """Seen on scans: `ตัวชี้วัดที c4.2` (mark lost, a speck read as c) and `ตัวชี้วัด ที่ 3.1`."""
    speck = extract_indicators("ผลการดำเนินงานตามตัวชี้วัดที c4.2 การจัดตั้งศูนย์ปฏิบัติการร่วม\n"
                               "จำนวน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ. 2564 แล้ว", 1, 2564)
    spaced = extract_indicators("ปีงบประมาณ พ.ศ. 2563 ตัวชี้วัด ที่ 3.1 ร้อยละของเรื่องร้องเรียน\n"
                                "ที่ได้รับการแก้ไขแล้วเสร็จ ร้อยละ 80", 1, 2563)
    assert [(k.code, k.target_value) for k in speck + spaced] == [("4.2", 878), ("3.1", 80)]


# KPI targets and fiscal years as OCR read them on wide seeds 947/950/952/955/960 (lines as read).
@pytest.mark.parametrize(("text", "code", "expected"), [
    pytest.param("ตามตัวชี้วัดที่\n4.2 lo การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น\n"
                 ") (สถานที่กลาง) จำนวน 878 ศูนย j ประจำปีงบประมาณ พ.ศ.2567 แล้ว", "4.2", (878, "ศูนย์", 2567),
                 id="unit-lost-its-mark"),
    pytest.param("ปีงบประมาณ พ.ศ. 2558 ตัวชี้วัดที่ 4.1 การพัฒนานวัตกรรม “ศูนย์ช่วยเหลือประชาชนของ]\n"
                 "องค์กรปกครองส่วนท้องถิ่น” ครบทุกองค์กรปกครองส่วนท้องถิ่น ร้อยละ ว 100 และ", "4.1",
                 (100, "ร้อยละ", 2558), id="letter-of-ink-before-the-number"),
    pytest.param("ปีงบประมาณ พ.ศ. 2568 ตัวชี้วัดที่ 4.1 การพัฒนานวัตกรรม “ศูนย์ช่วยเหลือประชาชน\n"
                 "“ขององค์กรปกครองส่วนท้องถิ่น” ครบทุกองค์กรปกครองส่วนท้องถิ่น ร้ รอยละ 100", "4.1",
                 (100, "ร้อยละ", 2568), id="percent-lost-its-tone-mark"),
    pytest.param("การปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2567 ตัวชี้วัดที่ 2.3 .\n"
                 "| องค์กรปกครองส่วนท้องถิ่นที่ผ่านเกณฑ์การประเมินประสิทธิภาพ (LPA)\n.จำนวน 6,500 แห่ง และ", "2.3",
                 (6500, "แห่ง", 2567), id="speck-glued-to-the-wrapped-count"),
    pytest.param("ประจำปีงบประมาณ WA. 2563 ตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์ จำนวน 878 ศูนย์", "4.2",
                 (878, "ศูนย์", 2563), id="era-read-latin"),
    pytest.param("ปีงบประมาณ พ.ศ. (2557 ตัวชี้วัดที่ 2.3 องค์กรปกครองส่วนท้องถิ่นที่ผ่านเกณฑ์ จำนวน 6,500 แห่ง",
                 "2.3", (6500, "แห่ง", 2557), id="speck-read-as-a-parenthesis-before-the-year"),
    pytest.param("การปฏิบัติราชการ ประจำปีงบประมาณ ห.ศ. 2554 ตัวชี้วัดที่ 5.1 ระดับความสำเร็จ ระดับ 5", "5.1",
                 (5, "ระดับ", 2554), id="era-pho-read-as-ho"),
    pytest.param("ผลการดำเนินงานตามตัวชี้วัดทิ 4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการ\nก ช่วยเหลือประชาชน\n"
                 ". จำนวน 878 ศูนย์ ประจ๊ำปีงบประมาณ พ.ศ. 2563 แล้ว", "4.2", (878, "ศูนย์", 2563), id="thi-read-with-sara-i"),
    pytest.param("ในการรายงานผลการดำเนินงานตามตัวขี้วัดที่\ndD.\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วม\n"
                 ". (สถานที่กลาง) จำนวน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ. 2565 แล้ว", "4.2", (878, "ศูนย์", 2565),
                 id="cho-read-as-kho-and-ink-before-the-wrapped-code"),
    pytest.param("ตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์ (สถานที่กลาง) an\nจำนวน 878 ศูนย์ ประจำปีงบประมาณ. พ.ศ. 2562 แล้ว",
                 "4.2", (878, "ศูนย์", 2562), id="dot-after-the-fiscal-word"),
    pytest.param("ประจำปีงบประมาณ พ.ศ. 256109 ตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์ จำนวน 878 ศูนย์", "4.2",
                 (878, "ศูนย์", 2561), id="specks-read-as-digits-after-the-fiscal-year"),
    pytest.param(". ปี่งบประมาณ พ.ศ. 2564 ตัวชี้วัดที่ 6 .การประเมินผล และตัวชี้วัดที่ 5.1 ระดับความสำเร็จ ระดับ 5",
                 "5.1", (5, "ระดับ", 2564), id="tone-mark-over-the-fiscal-word"),
    pytest.param("ประจำ.\nปีงบประมาณ พ.ศ. 256,2 ตัวชี้วัดที่ 5.1 ระดับความสำเร็จ ระดับ 5", "5.1", (5, "ระดับ", 2562),
                 id="comma-inside-the-fiscal-year"),
    pytest.param("ผลการดำเนินงานตาม ตัวชี้วัดที่ |\no\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วม\nจำนวน 878 ศูนย์ แล้ว", "4.2",
                 (878, "ศูนย์", None), id="bar-and-letter-of-ink-before-the-wrapped-code"),
    pytest.param("การปกครองท้องถิ่น ประจำ ปีงบปร ะ มาณ พ .ศ. 2 2562 ตัวชี้วัดที่ 6\nการประเมินผลการปฏิบัติราชการ"
                 " และตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์ จำนวน 880 ศูนย์", "4.2", (880, "ศูนย์", 2562),
                 id="torn-fiscal-word-torn-era-and-a-speck-digit"),
    pytest.param("ประจำ ปีงบประมาณ พ,ศ . 2562ตัวชี้วัดที่4.2 การจัดตั้งศูนย์ จำนวน 880 ศูนย์", "4.2",
                 (880, "ศูนย์", 2562), id="space-inside-the-era"),
    pytest.param("ประจำปีงบประมาณ พ.ศ..\n! 2559\nตัวชี้วัดที่ 6 การประเมินผล", "6", (None, "", 2559),
                 id="bar-before-the-fiscal-year"),
    pytest.param("ปีงบประมาณ พ.ศ. 2562 ต้ กัวชี้วัดที่ 6 การประเมินผลการปฏิบัติราชการ", "6", (None, "", 2562),
                 id="to-read-as-ko"),
    pytest.param("ปีงบประมาณ พ.ศ..2554-ตัวชี้วัดที่ 5,1 ระ ดับความสำเร็จของการจัดทำฐานข้อมูลกลาง\nระดับ 5", "5.1",
                 (5, "ระดับ", 2554), id="point-of-the-code-read-as-comma"),
    pytest.param("ผลการดำเนินงานตามตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการ |\nช่วยเหลือประชาชนขององค์กรปกครอง"
                 "ส่วนท้องถิ่น (สถานที่กลาง)\nจ้านวัน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ. 2562 แล้ว", "4.2",
                 (878, "ศูนย์", 2562), id="jamnuan-with-its-am-read-as-tone-and-aa-and-a-vowel-added"),
    pytest.param("ปีงบประมาณ wa. 2566 และตัวชี้วัดที่\n3.1 ว้อยละ ะของเรื่องร้องเรียนที่ได้รับการแก้ไขแล้วเสร็จ ร้ รอยละ 80",
                 "3.1", (80, "ร้อยละ", 2566), id="percent-without-its-tone-mark-ends-the-name"),
    pytest.param("การปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2566 ตัวชี้วัดที่ 3.1 ,\n"
                 "ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขแล้วเสร็จ ร้อยละ 4 80 และตัวชี", "3.1", (80, "ร้อยละ", 2566),
                 id="speck-read-as-a-digit-before-the-percentage"),
    pytest.param("ปีงบป ระ มา ณ พ.ศ. 2 2568 ตัวชี้วัดที่ 4.1 การพัฒนานวัตกรรม “ศูนย์ช่วยเหลือประชาชน ของ '\n"
                 "' องค์กรปก ค ร อ ง ส่วนหท้องถิ่น” ครบทุกอ ง ค์ กรปก คร อ ง ส่วนท้องถิ่น ร้อ ย ละ 1 100", "4.1",
                 (100, "ร้อยละ", 2568), id="percent-torn-by-spaces"),
    pytest.param("ปีงบประมาณ พ.ศ. 2554 ตัวชี้วัดที่ 4.1 การพัฒนานวัตกรรม “ศูนย์ช่วยเหลือประชาชน\n"
                 "ขององค์กรปกครองส่วนท้องถิ่น” ครบทุกองค์กรปกครองส่วนท้องถิ่น รั ร้อยสะ 100 |", "4.1",
                 (100, "ร้อยละ", 2554), id="lo-ling-of-percent-read-as-so-suea"),
    pytest.param("จำนวน 878 ศูนย์ และ ตัวชี้วัดที่ 3.1 ร้อยละ ของเรื่องร้องเรียนที่ได้รับการ\nแก้ไขแล้วเสร็จ ร้อยละ > 90\n"
                 ".เพื่อให้การดำเนินงานเป็นไปด้วยความเรียบร้อย", "3.1", (90, "ร้อยละ", None), id="speck-read-as-greater-than"),
])
def test_kpi_targets_and_years_as_ocr_read_them(text: str, code: str, expected: tuple) -> None:
    found = {i.code: i for i in extract_indicators(text, 1, None)}
    kpi = found[code]
    assert (kpi.target_value, kpi.target_unit, kpi.fiscal_year) == expected


def test_a_two_digit_code_beside_dotted_ones_lost_its_point() -> None:
    text = ("ประจำปีงบประมาณ พ.ศ. 2566 ตัวชี้วัดที่ 31 ,\nร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขแล้วเสร็จ ร้อยละ 80 และตัวชี้วัดที่ 5.1"
            " ระดับความสำเร็จของการจัดทำฐานข้อมูลกลาง ระดับ 5")
    assert sorted(i.code for i in merge_indicators(extract_indicators(text, 1, None))) == ["3.1", "5.1"]
    assert [i.code for i in merge_indicators(extract_indicators("ตัวชี้วัดที่ 12 การพัฒนา", 1, None))] == ["12"]


# KPI labels as OCR garbled them on wide seeds 950-984: a piece of the label left before the code.
@pytest.mark.parametrize(("text", "code"), [
    pytest.param("ผลการดำเนินงานตามต้ a ดที่\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                 "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) จำนวน 878 ศูนย์", "4.2", id="only-its-end-left"),
    pytest.param("ร้อยละ 85 และตัวซี่\nTAN 4.1 การพัฒนานวัตกรรม “ศูนย์ช่วยเหลือประชาชนของ\n"
                 "องค์กรปกครองส่วนท้องถิ่น” ครบทุกองค์กรปกครองส่วนท้องถิ่น ร้อยละ 100", "4.1", id="latin-ink-after"),
    pytest.param("ประจำปีงบประมาณ พ.ศ. 2559 ตัวชี้วัดที่ .6.\nการประเมินผลการปฏิบัติราชการของข้าราชการ",
                 "6", id="specks-around-the-code"),
    pytest.param("ปีงบประมาณ พ.ศ. 2555 ตัวชี้วัดที่ 3..1 ร้อยละของเรืองร้องเรียนที่ได้รับการแก้ไข", "3.1",
                 id="point-doubled"),
])
def test_kpi_codes_whose_label_ocr_garbled(text: str, code: str) -> None:
    assert [i.code for i in extract_indicators(text, 1, 2560)] == [code]


def test_a_three_digit_code_with_its_last_digit_twice_is_the_dotted_code_flagged() -> None:
    # wide 1033 doc20190120, as read: ตัวชี้วัดที่ ๒.๓ read `233 1`
    text = ("ประจำปีงบประมาณ พ.ศ. 2565 ตัวชี้วัดที่ 233 1\nองค์กรปกครองส่วนท้องถิ่นที่ผ่านเกณฑ์การประเมินประสิทธิภาพ (LPA)\n"
            "จำนวน 7,850 แห่ง และตัวชี้วัดที่ 6 การประเมินผลการปฏิบัติราชการ")
    found = extract_indicators(text, 1, None)
    assert [(i.code, i.target_value, bool(i.repaired)) for i in found] == [("2.3", 7850, True), ("6", None, False)]
    assert [i.code for i in extract_indicators("ตัวชี้วัดที่ 234 องค์กร", 1, None)] == ["23"]  # no twin: as read


def test_a_code_wrapped_past_specks_is_the_dotted_one_not_a_specks_digit() -> None:
    # wide seed 995, as read: the specks on the lines between label and code read `1` and `ฆม`
    text = ("ผลการดำเนินงานตามตัวชี้วัดที่\n1\nฆม\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ"
            "องค์กรปกครองส่วนท้องถิ่น\n. (สถานที่กลาง) จำนวน 878 ศูนย์ j ประจำปีงบประมาณ พ.ศ. 2561 แล้ว")
    found = extract_indicators(text, 1, None)
    assert [(i.code, i.target_value, i.target_unit, i.fiscal_year) for i in found] == [("4.2", 878, "ศูนย์", 2561)]
    assert [i.code for i in extract_indicators("ตามตัวชี้วัดที่ 6 และ 4.2 การจัดตั้งศูนย์", 1, None)][0] == "6"


def test_a_cited_number_after_urgency_is_no_kpi_code() -> None:
    text = "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 1.7 ฑ/ว 00 ลงวันที่ 6 กุมภาพันธ์ 2561"
    assert extract_indicators(text, 1, 2561) == []


def test_a_percentage_with_a_speck_before_its_number_ends_the_name() -> None:
    text = ("ปีงบประมาณ พ.ศ. 2567 ตัวชี้วัดที่ 3.1 ว้อยละ ของเรื่องร้องเรียนที่\n"
            "ได้รับการแก้ไขแล้วเสร็จ 3 ร้อยละ' 80")
    kpi = extract_indicators(text, 1, None)[0]
    assert (kpi.code, kpi.target_value, kpi.target_unit) == ("3.1", 80, "ร้อยละ")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("ตัวชี้วัดที่ 3..1 |\nร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขแล้วเสร็จ ร้อยละ § 85 และตัวซี .",
                 ("3.1", 85, "ร้อยละ"), id="speck-before-the-percentage"),
    pytest.param("ตัวชี้วัดที่ 4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ |\n"
                 "องค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง) จำนวน d878. ศูนย์ ประจำปีงบประมาณ", ("4.2", 878, "ศูนย์"),
                 id="speck-after-the-count"),
    pytest.param("ตัวชี้วัดที่ 2.3\n| องค์กรปกครองส่วนท้องถิ่นที่ผ่านเกณฑ์การประเมินประสิทธิภาพ (LPA)\n"
                 "a TN 7,85.0 แห่ง และตัวชี้วัดที่ 4.1", ("2.3", 7850, "แห่ง"), id="count-word-garbled"),
    pytest.param("จำนวน 7850 แห่ง และตัวชี้วัดที่ ด3.1\n' ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขแล้วเสร็จ ร้อยละ 85",
                 ("3.1", 85, "ร้อยละ"), id="letter-glued-before-the-code"),
])
def test_kpi_targets_past_ocr_specks(text: str, expected: tuple) -> None:
    kpi = extract_indicators(text, 1, 2562)[0]
    assert (kpi.code, kpi.target_value, kpi.target_unit) == expected


def test_a_date_before_a_word_starting_with_a_unit_is_no_target() -> None:
    text = ("ปีงบประมาณ พ.ศ. 2561 ตัวชี้วัดที่ 6 การประเมินผลการปฏิบัติราชการของข้าราชการ\n"
            "ในสังกัดกรมส่งเสริมการปกครองท้องถิ่น\nจึงขอให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเร่งรัดการดำเนินการ\n"
            "ดังกล่าว และรายงานผลให้ทราบภายในวันที่ 17 มกราคม 2561 รายละเอียดปรากฏตามสิ่งที่")
    kpi = extract_indicators(text, 1, 2561)[0]
    assert (kpi.code, kpi.target_value, kpi.target_unit) == ("6", None, "")


@pytest.mark.parametrize(("printed", "settled"), [
    pytest.param(None, 2564, id="year-lost"),
    pytest.param(2523, 2563, id="year-misread-out-of-range"),
    pytest.param(2565, 2565, id="next-year-kept"),
])
def test_a_kpi_year_ocr_lost_or_misread_is_the_letters_fiscal_year(printed: int | None, settled: int) -> None:
    found = settle_fiscal_years([Indicator("4.2", fiscal_year=printed)], dt.date(2020, 11, 3))  # FY 2564
    assert [i.fiscal_year for i in found] == [settled]


def test_without_a_letter_date_the_latest_cited_letter_anchors() -> None:
    # wide seed 1025 img033: the letter's date ran together (`ต19ฤศจิกายนย2564`), its KPI year read 2465
    cited = dt.date(2021, 9, 26)
    assert settle_fiscal_years([Indicator("4.2", fiscal_year=2465)], None, None, cited)[0].fiscal_year == 2565
    assert settle_fiscal_years([Indicator("4.2", fiscal_year=2562)], None, None, cited)[0].fiscal_year == 2562


@pytest.mark.parametrize(("read", "target", "repaired"), [
    pytest.param("109", 100, True, id="last-zero-read-as-nine"),
    pytest.param("190", 100, True, id="middle-zero-read-as-nine"),
    pytest.param("100", 100, False, id="read-right"),
    pytest.param("155", 155, False, id="two-glyphs-off-stays-as-read"),
    pytest.param("901", 90, True, id="a-speck-after-the-number-read-as-one"),  # wide 1034 SCAN_0006
    pytest.param("10.0", 100, True, id="a-speck-inside-read-as-a-point"),  # wide 1036 img002
    pytest.param("12.5", 12.5, False, id="a-real-decimal-stays"),
])
def test_a_percentage_no_letter_prints_is_mended_flagged(read: str, target: float, repaired: bool) -> None:
    # wide seed 1023 doc20200615: ๑๐๐ read 109 by the page pass and the numeral reader alike
    text = f"ตัวชี้วัดที่ 4.1 การพัฒนานวัตกรรม “ศูนย์ช่วยเหลือประชาชน” ครบทุกองค์กรปกครองส่วนท้องถิ่น ร้อยละ\n{read} และ"
    kpi = extract_indicators(text, 1, 2557)[0]
    assert (kpi.target_value, kpi.target_unit, bool(kpi.repaired)) == (target, "ร้อยละ", repaired)


@pytest.mark.parametrize(("latin", "expected"), [
    pytest.param("Saya. 100", (100.0, "ร้อยละ", True), id="percent-word-latin-then-100"),
    pytest.param("Saya 85", (85.0, "ร้อยละ", True), id="percent-word-latin-then-85"),
    pytest.param("SAU 5", (None, "", False), id="a-level-or-a-percentage-unknown"),
])
def test_a_scale_word_read_latin_past_the_quoted_name(latin: str, expected: tuple) -> None:
    # wide1029 doc20210819: ร้อยละ at a line's end read `Saya.` by the `eng` model, its ๑๐๐ on the next
    text = ("ตัวชี้วัดที่ 4.1\nการพัฒนานวัตกรรม “ศูนย์ช่วยเหลือประชาชนของ\nองค์กรปกครองส่วนท้องถิ่น” "
            f"ครบทุกองค์กรปกครองส่วนท้องถิ่น {latin.split()[0]}\n{latin.split()[1]} และตัวชี้วัดที่ 2.3 องค์กรปกครอง")
    kpi = extract_indicators(text, 1, 2564)[0]
    assert (kpi.target_value, kpi.target_unit, bool(kpi.repaired)) == expected


def test_without_a_letter_date_a_kpi_year_stays_as_read() -> None:
    assert settle_fiscal_years([Indicator("3.1", fiscal_year=2521)], None)[0].fiscal_year == 2521


def test_without_a_date_to_trust_the_letters_printed_fiscal_year_anchors() -> None:
    # wide seed 995: `ประจำปีงบประมาณ พ.ศ. 2523 ตัวชี้วัดที่ 4.2` in a letter of FY 2563 whose date was doubted
    assert settle_fiscal_years([Indicator("4.2", fiscal_year=2523)], None, 2563)[0].fiscal_year == 2563
    assert settle_fiscal_years([Indicator("4.2", fiscal_year=2523)], None, 2423)[0].fiscal_year == 2523


# KPI mentions as OCR read them on wide seeds 1005-1011.
@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("ปีงบประมาณ พ.ศ. 2563 ตัวชี้วัดที่ 5 1 ระ ดับความสำเร็จของการจัดทำฐานข้อมูลกลาง\n"
                 "ขององค์กรปกครองส่วนท้องถิ่น ระดับ 5 และตัวชี้วัดที่ 42 การพัฒนาประสิทธิภาพในการ",
                 [("5.1", 5, "ระดับ"), ("4.2", None, "")], id="point-read-as-a-space"),
    pytest.param("การรายงานผลการดำเนินงานตามตัวชี้วัดที่\n9\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน"
                 "ขององค์กรปกครองส่วนท้องถิ่น (\nสถานที่กลาง) จำนวน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ. 2562 แล้ว",
                 [("4.2", 878, "ศูนย์")], id="a-specks-number-alone-before-the-code"),
    pytest.param("ผลการดำเนินงานต า มตัวชี้วัดที่\nDe\nCN\nข\n4.2 การจัดตั้งศูนย์ปฏิบัติ กา รร่วมในการช่วยเหลือประชาชน"
                 "ของ องค์กรปกครองส่วนท้องถิ่น (\n' สถานที่ กลาง) จำนวน 878 ศูนย์ ประจำ ปีงบประมาณ",
                 [("4.2", 878, "ศูนย์")], id="lines-of-ink-between-label-and-code"),
    pytest.param("ผลการดำเนินงานตามตัวชี้วัตที่\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน\n"
                 "(สถานที่กลาง) จำนวน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ. 2565 แล้ว", [("4.2", 878, "ศูนย์")],
                 id="do-read-as-to"),
    pytest.param("ผลการดำเนินงานตาม my yan\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ\n"
                 "องค์กรปกครองส่วนท้องถิ่น (สถานทึกลาง) จำนวน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ.",
                 [("4.2", 878, "ศูนย์")], id="label-read-as-latin-after-tam"),
    pytest.param("ได้กำหนดตัวชี้วัด\nตามมาตรการปรับปรุงประสิทธิภาพ ประจำปีงบประมาณ พ.ศ. 2565 MIAN.4.1\nการพัฒนานวัตกรรม “ศูนย์ช่วยเหลือ"
                 "ประชาชนของ องค์กรปกครองส่วนท้องถิ่น” ครบทุกองค์กร ร้อยละ\n100 และตัว ชีวัดที่ 5.1 ระดับ ความสำเร็จ",
                 [("4.1", 100, "ร้อยละ"), ("5.1", None, "")], id="label-read-as-latin-where-kpis-are-named"),
    pytest.param("ตัวชี้วัดที่ 4.1\nการพัฒนานวัตกรรม “ศูนย์ช่วยเหลือประชาชนของ |\nองค์กรปกครองส่วนท้องถิ่น” ครบทุกองค์กร"
                 "ปกครองส่วนท้องถิ่น : ร้อยละ\n@100", [("4.1", 100, "ร้อยละ")], id="speck-read-as-at"),
    pytest.param("ตัวชี้วัดที่ 4.2 การพัฒนาประสิทธิภาพในการปฏิบัติงาน -“การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือ\n"
                 "ประชาชนขององค์กรปกครองส่วนท้องถิ่น' (สถานที่กลาง)” จำนวน 878 qué และตัวชี้วัดที่",
                 [("4.2", 878, "ศูนย์")], id="unit-read-as-latin-is-the-one-the-name-counts"),
    pytest.param("ตัวชี้วัดที่ 3.1 |\nร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขแล้วเสร็จ รั JALAL 80 และตัวชี",
                 [("3.1", 80, "ร้อยละ")], id="percent-read-as-latin"),
    # wide seeds 995-998
    pytest.param("ตัวชี้วัดที่ 2.3 องค์กรปกครอง\nผ่านเกณฑ์การประเมินประสิทธิภาพ (LPA) จำนวน 6,500 urs\nเพื่อให้การดำเนินงาน",
                 [("2.3", 6500, "แห่ง")], id="organisations-are-counted-by-haeng"),
    pytest.param("ตามตัวชี้วัดที่\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน\n. (สถานที่กลาง) จำนวน c878 Mud "
                 "ประจำปีงบประมาณ", [("4.2", 878, "ศูนย์")], id="speck-before-the-count-and-unit-read-as-latin"),
    pytest.param("ตัวชี้วัดที่ 3.1 ร้อยละ ของเรื่องร้องเรียนที่ได้รับการแก้ไข\na 1\n9 « 17 A\n. แล้วเสร็จ ร้อยละ ‘90 และ",
                 [("3.1", 90, "ร้อยละ")], id="speck-read-as-an-opening-quote"),
    # wide seeds 1023-1026, page text as read
    pytest.param("ตัวชี้วัดที่ 4.1 การพัฒนานวัตกรรม “ศูนย์\nช่วยเหลือประชาชนขอ งองค์กรปกครองส่วนท้องถิ่น” ครบ ทุ กองค์ "
                 "กรปกครองส่วนท้องถิ่น |\nจื้อย ละ 100 . 3\nจึง ขอให้สี ำนักงาน", [("4.1", 100, "ร้อยละ")],
                 id="ro-of-percent-read-as-jo-with-a-vowel"),
    pytest.param("ตัวช้วัดที่ 5.1 ระดับความสำเร็จของการจัดทำฐานข้อมูลกลาง\nขององค์กรปกครองส่วนท้องถิ่น ระดับ a5\nง",
                 [("5.1", 5, "ระดับ")], id="speck-read-as-a-latin-letter-glued-to-the-level"),
    pytest.param("ตัวชี้วัดที่ 5.1 ระดับความสำเร็จของการจัดทำฐานข้อมูลกลางของ\nองค์กรปกครองส่วนท้องถิ่น SAU 5\n"
                 "เพื่อให้การดำเนินงาน", [("5.1", 5, "ระดับ")], id="level-word-read-as-latin"),
    pytest.param("ตัวชี้วัดที่ 2.3\nองค์กรปกครองส่วนท้องถิ่นที่ผ่านเกณฑ์การประเมินประสิทธิภาพ (LPA)\n' จำนวน 7,000 แหท่ง "
                 "และตัวชี้วัดที่ 6 การประเมินผลการปฏิบัติราชการ", [("2.3", 7000, "แห่ง"), ("6", None, "")],
                 id="unit-one-letter-off"),
    pytest.param("ปีงบประมาณ wa. 2566 ต้ ทั่วชี้วัดที่ 6 การประเมินผลการปฏิบัติราชการของข้าราชการ a.\nในสังกัดกรม",
                 [("6", None, "")], id="to-of-the-label-read-as-tho-with-a-tone"),
    pytest.param("บัดนนี่ ใกล้ถึ งกา หาต ร ะยะเว ลาในการรายงานผลการ ด ำ เนินงานต า ม ล ดที่\ng4.2 กา รจัดตั้งศูนย์"
                 "ปฏิบัติการร่วม (สถานที่กลาง ) จำนวนg878ศูนย์ ประจำ ปีงบประมาณ", [("4.2", 878, "ศูนย์")],
                 id="garbled-label-and-a-speck-glued-to-the-code"),
    pytest.param("ตัวชีวัตที่ 3..1.@ ) ร้อยละ ของเรื่องร้องเรียนที่ได้รับการแก้ไข\nแล้วเสร็จ ร้ ร้อยละ 80 .",
                 [("3.1", 80, "ร้อยละ")], id="code-read-again-with-ink-after-it"),
    pytest.param("ได้กำหนดตัวชี้วัด :\nการปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2556 MIAN 3.1o .\n"
                 ". ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขแล้วเสร็จ ร้ ร้อยละ B80 ห", [("3.1", 80, "ร้อยละ")],
                 id="label-read-as-latin-and-a-speck-glued-after-the-code"),  # wide seed 1000 img003
    # wide seeds 1033-1037, page text as read
    pytest.param("ผล การสนี้นานตามดัวขีวักที่\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครอง"
                 "ส่วนท้องถิ่น (.\nสถานที่กลาง) จำนวน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ: 2566 war", [("4.2", 878, "ศูนย์")],
                 id="to-as-do-and-do-as-ko-in-the-label"),
    pytest.param("การรายงรนผลการดำเฉินงานตามตัวดี้วัตที่ 4.2\nเด\na\nการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน"
                 "ขององค์กรปกครองส่วนท้องถิ่น =\nสถานที่กลาง). จำนวน 878 ศูนย์ .ประจำปีงบประมาณ", [("4.2", 878, "ศูนย์")],
                 id="cho-of-the-label-read-as-do"),
    pytest.param("ในการรายงานผลการดำเนินงานตามัวชี an.\no\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนของ 3 |\n"
                 "องค์กรปกครองส่วนท้องถิ่น- (สถานที่กลาง) จำนวน 878 ศูนย์ ประจำปีงบประมาณ WA", [("4.2", 878, "ศูนย์")],
                 id="two-pieces-of-ink-after-the-labels-start"),
    pytest.param("ผลการดำเนินงานตามตัวชี่\n1 .\nvi a\nYan 4.2\n. การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน"
                 "ขององค์กรปกครองส่วนท้องถิ่น (\nสถานที่กลาง) จำนวน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ. 2561 แล้ว",
                 [("4.2", 878, "ศูนย์")], id="label-cut-and-lines-of-ink-with-a-digit-before-the-code"),
    pytest.param("ผลการดำเนินงานตามตัวชี้วัดที่. :\n4.2 การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน (\n"
                 "สถานที่กลาง) จำนวน 878 ศูนย์ ' ประจำปีงบประมาณ พ.ศ. 2565 แล้ว", [("4.2", 878, "ศูนย์")],
                 id="two-specks-after-the-label"),
    pytest.param("ปีงบประมาณ พ.ศ. 2558 ตัวชี้วัดที่ ) 6, การประเมินผลการปฏิบัติราชการของข้าราชการ\nในสังกัดกรม"
                 "ส่งเสริมการปกครองท้องถิ่น และตัวชี้วัดที่ 4..2 การพัฒนาประสิทธิภาพ", [("6", None, ""), ("4.2", None, "")],
                 id="a-bracket-before-the-code"),
    # wide seed 1038 img001, page text as read: ๖ read with a piece of its ink as า
    pytest.param("กลาง)” จำนวน 880 ศูนย์ และตัวชีวัตที่ า6 การประเมินผลการปฏิบัติราชการของข้าราชการ\n"
                 "ในสังกัดกรมส่งเสริมการปกครองท้องถิ่น และตัวชี้วัดที่ 3.1 ร้อยละของเรื่องร้องเรียนที่ได้รับ\n"
                 "| การแก้ไขแล้วเสร็จ 3 ร้อยละ 90", [("6", None, ""), ("3.1", 90, "ร้อยละ")], id="a-vowel-of-ink-before-the-code"),
    # wide seed 1038 doc20240825: specks before the wrapped percentage read as a dash and a bar
    pytest.param(".การปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2559ตัวชี้วัดที่4.1 7\n''การพัฒนานวัตกรรม “ศูนย์ช่วยเหลือ"
                 "ประชาชนของ 7\n. องค์กรปกครองส่วนท้องถิ่น” ครบทุกองค์กรปกครองส่วนท้องถิ่น ร้อยละ -\n= 100\n1 ' เพกชัทร",
                 [("4.1", 100, "ร้อยละ")], id="specks-read-as-a-dash-and-a-bar"),
    # wide seed 1039 img010: a speck after ๖ read as 0 is no code's second number
    pytest.param("การปกครองท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2561 ตัวชี้วัดที่ 6 0\n' การประเมินผลการปฏิบัติราชการของข้าราชการ\n"
                 "การปกครองท้องถิ่น และตัวชี้วัดที่ 2.3 องค์กรปกครองส่วนท้องถิ่นที", [("6", None, ""), ("2.3", None, "")],
                 id="a-speck-after-a-code-read-as-zero"),
])
def test_kpis_as_read_on_specked_scans(text: str, expected: list) -> None:
    found = extract_indicators(text, 1, 2562)
    assert [(i.code, i.target_value, i.target_unit) for i in found][:len(expected)] == expected


def test_a_speck_read_as_zero_after_a_code_is_no_part_of_its_name() -> None:
    text = "ประจำปีงบประมาณ พ.ศ. 2561 ตัวชี้วัดที่ 6 0\n' การประเมินผลการปฏิบัติราชการของข้าราชการ"  # wide1039 img010
    assert [(k.code, k.name) for k in extract_indicators(text, 1, None)] == [("6", "การประเมินผลการปฏิบัติราชการของข้าราชการ")]
