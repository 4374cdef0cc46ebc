"""Cited letters (`ที่ <เลข> ลงวันที่ <วัน>`) as OCR leaves them on scans: the serial or the date
pushed to the next line behind specks, a point inside the year."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.letters import extract_letters
from pipeline.thai.text import normalise

HEAD = """ที่ รอ 0023.2/4230
สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดร้อยเอ็ด
19 ตุลาคม 2566
เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น
เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น
"""
TAIL = """แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดรายงานผลการดำเนินงาน นั้น
จึงเรียนมาเพื่อทราบและดำเนินการ
(นางสาวสุนิสา ภูมิพัฒน์)
ท้องถิ่นจังหวัดร้อยเอ็ด
"""


def _references(cited: str) -> set[tuple[str, dt.date | None]]:
    letters = extract_letters([(1, normalise(HEAD + cited + "\n" + TAIL))])
    assert len(letters) == 1
    return {(r.doc_number, r.date) for r in letters[0].references}


@pytest.mark.parametrize(("cited", "number", "date"), [
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7/ /ว่\n"
                 "\"5151 ลงวันที่ 28 ธันวาคม 2566 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 5151", dt.date(2023, 12, 28), id="quote-before-the-serial"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว\n"
                 "ก. 1344 ลงวันที่ 4 มกราคม 2561 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 1344", dt.date(2018, 1, 4), id="lone-consonant-before-the-serial"),
    pytest.param(".อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ .มท 0802.2/ว ส810 |\nจ\n"
                 ". ลงวันที่ 7 มกราคม 2556",
                 "มท 0802.2/ว 810", dt.date(2013, 1, 7), id="consonant-glued-to-the-serial"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7\n"
                 "/ว 3530 ลงวันทิ 24 มกราคม 256.1",
                 "มท 0810.7/ว 3530", dt.date(2018, 1, 24), id="point-inside-the-year"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0802.2/ว1638 .-\n"
                 "wa. d ข 1 ข0 w 1 A ; ข 1 0317 ew\n'ลงวันที่ 10 เมษายน 2559 แจ้งให้",
                 "มท 0802.2/ว 1638", dt.date(2016, 4, 10), id="line-of-specks-before-longwanthi"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0802.2/ว\n"
                 ". 1182'ลงวันที่ 10 กันยายน 2556",
                 "มท 0802.2/ว 1182", dt.date(2013, 9, 10), id="quote-glued-before-longwanthi"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ทิ มท์-.\n"
                 "0810.7/ว 1630 ลงวันที่ 9 พฤษภาคม 2564 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 1630", dt.date(2021, 5, 9), id="speck-read-as-thanthakhat-on-the-code"),
    pytest.param("ก ป 1ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท์\n"
                 "| 0810.7 /ว 207 ลงวันที่ 13 ธันวาคม 2562 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 207", dt.date(2019, 12, 13), id="bar-at-the-line-start-after-the-code"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/\n"
                 "4 3426 ลงวันที่ 9 กุมภาพันธ์ 2565 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 3426", dt.date(2022, 2, 9), id="mark-read-as-a-lone-four"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท.0810.7/ะว\n"
                 "3793 ลงวันที่ 28 กันยายน 2564 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 3793", dt.date(2021, 9, 28), id="vowel-speck-before-the-mark"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท / 0802.2/24715\n"
                 ", , ลงวันที่ 10 พฤษภาคม 2558 :",
                 "มท 0802.2/ว 4715", dt.date(2015, 5, 10), id="bar-read-as-a-slash-after-the-code"),
    pytest.param(". ตา ม หนั ง สือกร มส่งเสริมกา ร ปกครอง ท้ องถิ่ น ด่ วนที่สุด ที่ มท 0810.7 /ว 402\n"
                 "ลงวันที่ 7 ธันวาคม 2561 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 402", dt.date(2018, 12, 7), id="spaces-inside-the-citing-words"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ท่ มท\n"
                 "เซ 0810.7/ว 87 ลงวันที่ 7 สิงหาคม 2568 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 87", dt.date(2025, 8, 7), id="vowel-and-consonant-speck-before-the-owner"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0802..2/\n"
                 "ง 2021 ล งวันที 30 มีนาคม 2564 แจ้งให้สำนักงาน",
                 "มท 0802.2/ว 2021", dt.date(2021, 3, 30), id="mark-read-as-a-lone-consonant"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7/ว ]\n"
                 ". 3384 ลงวันที่ 24 เมษายน 2560 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 3384", dt.date(2017, 4, 24), id="bracket-before-the-serial"),
    pytest.param("= . ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0802.2/ว 3604.\n"
                 "12 สิงหาคม 2565 แจ้งให้สำนักงาน",
                 "มท 0802.2/ว 3604", dt.date(2022, 8, 12), id="longwanthi-lost"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ท่ ที่ มท 0802.2 /ว 2985 ร จจรนท\n"
                 "25 กุมภาพันธ์ 2558 7",
                 "มท 0802.2/ว 2985", dt.date(2015, 2, 25), id="longwanthi-garbled-to-letters"),
    pytest.param(".ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท0802.2/ว 0\n"
                 "2777 ลงวันที่ 22 สิงหาคม 2565 แจ้งให้สำนักงาน",
                 "มท 0802.2/ว 2777", dt.date(2022, 8, 22), id="zero-speck-before-the-serial"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ ที่ มท 081.0..5/ว\n"
                 ". 0 4897 ลงวันที่ 15 ตุลาคม 2558 .",
                 "มท 0810.5/ว 4897", dt.date(2015, 10, 15), id="zero-speck-before-a-wrapped-serial"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น : ที่ ที่ มท 0810. ต/ว311 |\n"
                 "8ลงวันที่22มกราคม 2565 -",
                 "มท 0810.7/ว 311", dt.date(2022, 1, 22), id="speck-read-as-a-digit-glued-before-longwanthi"),
    # seed 1029 doc20210819: a speck read as a digit and a comma glued before ลงวันที่, one more
    # read as a comma between the day and the month
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0810.5/ว1283\n"
                 "2,ลงวันที่24 , พฤษภาคม 2564",
                 "มท 0810.5/ว 1283", dt.date(2021, 5, 24), id="specks-read-as-digit-and-commas-around-the-day"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.ญ/ว'\n"
                 "4251 ลงวันที่ 6 พฤศจิกายน 2อ่65 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 4251", dt.date(2022, 11, 6), id="a-glyph-of-the-year-read-as-a-letter"),
    pytest.param(". ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท\n"
                 "0810-7 ./ ว3918 ลงวันที่ 29 เมษายน 2564 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 3918", dt.date(2021, 4, 29), id="point-read-as-a-dash"),
    pytest.param(". อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ ที่ มท 0810: 7/ว 268.7 ลงวันที่ 4\n"
                 "กุมภาพันธ์ 2562",
                 "มท 0810.7/ว 2687", dt.date(2019, 2, 4), id="point-read-as-a-colon"),
    pytest.param("ตามหนังสือกรมส่งเสริมกา ร ปกครอง ท้องถิ่น ที่ มท0810.7 .of\n"
                 "ว346 ล งวันที 1 16 เม ษา ยน 2564 แจ้งให้สำนักงานส่งเสริม 1",
                 "มท 0810.7/ว 346", dt.date(2021, 4, 16), id="slash-read-as-a-latin-word"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0802.2 บา 321 ลงวันที่ 28 มีนาคม\n2566",
                 "มท 0802.2/ว 321", dt.date(2023, 3, 28), id="slash-and-mark-read-as-a-consonant-and-vowel"),
    pytest.param("' 1 เงแจ่มสริมการปกครองท้องถิ่น ที่ ที่ ม์ท0810.7/ว2273\n"
                 "ลงวันที่ 23 ตุลาคม 2559 แจ้งให้สำนักงาน",
                 "มท 0810.7/ว 2273", dt.date(2016, 10, 23), id="citing-words-garbled-the-department-before-thi"),
    pytest.param(". ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7\n"
                 "7ว 2134 ลงวันที่ 16 เมษายน 2563 แจ้งให้สำนักงานส่งเสริม",
                 "มท 0810.7/ว 2134", dt.date(2020, 4, 16), id="slash-read-as-a-seven-glued-to-the-mark"),
    pytest.param(". . ตาม หนังสือกรมส่งเสริมการปกครอง ท้องถิ่น ด่ วนที่สุด . nun .\n"
                 "0810.7/ว4148 ลงวันที่ 2 ตุลาคม 2566 แจ้งให้สำนักงานส่งเสริม",
                 "มท 0810.7/ว 4148", dt.date(2023, 10, 2), id="a-word-end-taken-for-the-departments-code"),
    pytest.param(": ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ ฟี 0810.5/ว\n"
                 "2859 ลงวันที่ 7 เมษายน 2554 แจ้งให้สำนักงานส่งเสริม",
                 "มท 0810.5/ว 2859", dt.date(2011, 4, 7), id="code-read-as-a-vowelled-word"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ 0810.7 มท /ว\n"
                 "2554 ลงวันที่ 21 เมษายน 2566 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
                 "มท 0810.7/ว 2554", dt.date(2023, 4, 21), id="owner-read-before-the-code"),
    pytest.param("ตามหนังสือกรัมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810ต7/ว\n"
                 ".1115 ลงวันที่ 18 ธันวาคม 2564 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
                 "มท 0810.7/ว 1115", dt.date(2021, 12, 18), id="owners-point-read-as-a-letter"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด.ที่ มท 0810.7 1ว\n"
                 "976 | ลงวันที่ 18 กันยายน 2564 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
                 "มท 0810.7/ว 976", dt.date(2021, 9, 18), id="slash-read-as-a-one-glued-to-the-mark"),
    pytest.param(". .. ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท0810.77จ2666\n"
                 "ลงวันที่ 3 ตุลาคม 2558 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดรายงาน ,",
                 "มท 0810.7/ว 2666", dt.date(2015, 10, 3), id="slash-read-as-a-seven-and-the-mark-as-jo"),
    pytest.param("| ตา ม หนังสือกรมส่งเสริมการปกคร อ ง ท้องถิ่น ที่ท่ี่ ม ท 0810.5 /\n"
                 "ว 1477 ลงวันที่23 ธั้นวา ค ม 2 2565 แจ้งให้สำนักงานส่งเสริม",
                 "มท 0810.5/ว 1477", dt.date(2022, 12, 23), id="lone-digit-speck-before-the-year"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0802.2 3467 ลงวันที่ 18\nพฤษภาคม 2556",
                 "มท 0802.2/ว 3467", dt.date(2013, 5, 18), id="slash-and-mark-lost"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7 :\n"
                 "575 ลงวันที่ 27 เมษายน 2556 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
                 "มท 0810.7/ว 575", dt.date(2013, 4, 27), id="slash-and-mark-left-as-a-speck"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ ที่ มท 0810.5 1 3484 ลงวันที่ 22\n"
                 ". พฤศจิกายน 2561 7", "มท 0810.5/ว 3484", dt.date(2018, 11, 22), id="slash-alone-read-as-a-one"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุดที่มท 17\n"
                 "0810.7/ว1176 ลงวันที่ 19 กันยายน 2566 แจ้งให้สำนักงานส่งเสริม",
                 "มท 0810.7/ว 1176", dt.date(2023, 9, 19), id="digit-speck-between-code-and-owner"),
])
def test_cited_number_and_date_behind_specks(cited: str, number: str, date: dt.date) -> None:
    assert (number, date) in _references(cited)


@pytest.mark.parametrize("cited", [
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 3530 ลงวันที่ 24 มกราคม 25.6",
                 id="a-year-with-a-lost-digit-is-not-made-whole"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 3530 แจ้งว่า ลงวันที่ 24 มกราคม 2561",
                 id="a-thai-word-between-number-and-longwanthi-keeps-the-date-apart"),
])
def test_a_cited_number_without_a_sure_date(cited: str) -> None:
    assert _references(cited) == {("มท 0810.7/ว 3530", None)}


@pytest.mark.parametrize(("year", "date"), [
    pytest.param("560", dt.date(2017, 9, 16), id="a-digit-lost"),
    pytest.param("2263", dt.date(2020, 9, 16), id="out-of-its-time"),
    pytest.param("2465", dt.date(2022, 9, 16), id="a-century-before-the-letter"),
])
def test_a_cited_year_ocr_misread_is_read_in_the_letters_years(year: str, date: dt.date) -> None:
    letter_year = date.year + 543 + 1
    head = HEAD.replace("19 ตุลาคม 2566", f"19 ตุลาคม {letter_year}")
    letters = extract_letters([(1, normalise(head + "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0802.2/ว2543 "
                                             f"ลงวันที่\n16 กันยายน {year} แจ้งให้\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letters[0].references] == [("มท 0802.2/ว 2543", date)]


def test_a_cited_year_cut_short_in_a_letter_without_a_date() -> None:
    """Seen on wide seed 980: the letter's date lost, its citation `25 พฤศจิกายน 252` was given as
    the year 252. With no date to read it against it is none; a stamp's date anchors it."""
    head = HEAD.replace("19 ตุลาคม 2566\n", "")
    cited = "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0802.2/ว2018 ลงวันที่ 25 พฤศจิกายน 252 แจ้งให้\n"
    [alone] = extract_letters([(1, normalise(head + cited + TAIL))])
    assert [(r.doc_number, r.date) for r in alone.references] == [("มท 0802.2/ว 2018", None)]
    [stamped] = extract_letters([(1, normalise("เลขรับ 572\nวันที่ 2 ธ.ค. 62\n" + head + cited + TAIL))])
    assert [(r.doc_number, r.date) for r in stamped.references] == [("มท 0802.2/ว 2018", dt.date(2019, 11, 25))]


def test_a_cited_letter_some_years_older_keeps_its_year() -> None:
    refs = _references("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 3530 ลงวันที่ 24 มกราคม 2555")
    assert refs == {("มท 0810.7/ว 3530", dt.date(2012, 1, 24))}


@pytest.mark.parametrize(("cited", "number"), [
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7/วิ\nล 1401 ลงวันที่ 18 สิงหาคม 2564",
                 "มท 0810.7/ว 1401", id="marked-mark-then-a-lone-consonant"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7/ว —\n3602 ลงวันที่ 18 สิงหาคม 2564",
                 "มท 0810.7/ว 3602", id="dash-before-the-serial"),
    pytest.param("ตตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท\n0810.7 /ว ไ2307 ลงวันที่ 18 สิงหาคม 2564",
                 "มท 0810.7/ว 2307", id="leading-vowel-glued-to-the-serial"),
])
def test_serial_on_the_next_line_behind_specks(cited: str, number: str) -> None:
    assert (number, dt.date(2021, 8, 18)) in _references(cited)


@pytest.mark.parametrize(("cited", "number", "date"), [
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0802.2/ว 4629\n"
                 "AUN 13 มิถุนายน 2558 แจ้งให้", "มท 0802.2/ว 4629", dt.date(2015, 6, 13), id="longwanthi-read-as-latin"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครอง ท้องถิ่น ด่ วนที่สุด 7 มท\n0810..7/ว 1044-ลงวันที่ 5 สิงหาคม 2564",
                 "มท 0810.7/ว 1044", dt.date(2021, 8, 5), id="dash-glued-before-longwanthi"),
    pytest.param("อ้างถึง. หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7/ว1.05 ลงวันที่\n"
                 "27 สิงหาคม W566", "มท 0810.7/ว 105", dt.date(2023, 8, 27), id="year-first-digit-read-as-latin"),
    pytest.param("0 โซโโไฝโ ด่วนที่สุด ที่มท 0 0810.7 ซ/ว\n1866 ลงวันที่ 19 กรกฎาคม 2565",
                 "มท 0810.7/ว 1866", dt.date(2022, 7, 19), id="tam-nangsue-garbled-urgency-left"),
    pytest.param(". . ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7 a)\n"
                 "4219 ลงวันที่ 29 มิถุนายน 2564", "มท 0810.7/ว 4219", dt.date(2021, 6, 29), id="slash-and-mark-read-as-latin"),
])
def test_citations_whose_words_ocr_read_as_latin(cited: str, number: str, date: dt.date) -> None:
    assert (number, date) in _references(cited)


def test_a_cited_year_cut_to_two_digits_is_read_in_the_letters_years() -> None:
    head = HEAD.replace("19 ตุลาคม 2566", "19 ตุลาคม 2567")
    letters = extract_letters([(1, normalise(head + "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0802.2/ว202 "
                                             "ลงวันที่\n18 มกราคม 27 แจ้งให้\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letters[0].references] == [("มท 0802.2/ว 202", dt.date(2024, 1, 18))]


def test_a_short_year_of_a_recent_letter_is_kept() -> None:
    head = HEAD.replace("19 ตุลาคม 2566", "19 ตุลาคม 2561")
    letters = extract_letters([(1, normalise(head + "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0802.2/ว202 "
                                             "ลงวันที่ 18 ม.ค. 59 แจ้งให้\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letters[0].references] == [("มท 0802.2/ว 202", dt.date(2016, 1, 18))]


@pytest.mark.parametrize(("letter_day", "cited", "date"), [
    pytest.param("22 มกราคม 2563", "อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.5/ว\n"
                 ". . 1985 ลงวันที่ 27 ตุลาคม 256 7 |", dt.date(2019, 10, 27), id="cut-year-in-the-letters-year-is-later"),
    pytest.param("14 มกราคม 2568", "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่มท 0810.5/ว\n"
                 "1985 ลงวันที่ 27 ตุลาคม 56ซ แจ้งให้", dt.date(2024, 10, 27), id="two-digits-after-a-month-written-out"),
])
def test_a_cited_year_read_again_dates_the_cited_letter_before_the_letter(letter_day: str, cited: str,
                                                                          date: dt.date) -> None:
    head = HEAD.replace("19 ตุลาคม 2566", letter_day)
    [letter] = extract_letters([(1, normalise(head + cited + "\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.5/ว 1985", date)]
    assert "cited_year_read_again" in letter.flags


def test_a_cited_year_printed_whole_raises_no_flag() -> None:
    [letter] = extract_letters([(1, normalise(HEAD + "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 3530 "
                                              "ลงวันที่ 24 มกราคม 2566\n" + TAIL))])
    assert letter.references[0].date == dt.date(2023, 1, 24)
    assert "cited_year_read_again" not in letter.flags


@pytest.mark.parametrize(("cited", "number", "date"), [
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0802.2 /ว\n1\nvy aA 5 17\n"
                 "94 ลงวันที่ 11 ตุลาคม 2566 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวั",
                 "มท 0802.2/ว 94", dt.date(2023, 10, 11), id="between-the-mark-and-the-serial"),
    pytest.param("้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ ที่ มท0810.7/ว4433 ลงวันที่ 29 .\n0\n"
                 ". เมษายน 2566", "มท 0810.7/ว 4433", dt.date(2023, 4, 29), id="between-the-day-and-the-month"),
])
def test_lines_of_specks_with_a_digit_inside_a_citation(cited: str, number: str, date: dt.date) -> None:
    assert (number, date) in _references(cited)


def test_a_mark_lost_where_a_cited_number_wraps_is_put_back_and_flagged() -> None:
    cited = ("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0802.2/\n"
             "4865 ลงวันที่ 26 พฤษภาคม 2566 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่น |")
    [letter] = extract_letters([(1, normalise(HEAD + cited + "\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0802.2/ว 4865", dt.date(2023, 5, 26))]
    assert "reference_repaired" in letter.flags


def test_a_mark_lost_where_a_cited_number_wraps_after_a_spaced_slash() -> None:
    assert ("มท 0810.7/ว 1921", dt.date(2018, 12, 29)) in _references(
        "ดามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7 /\n"
        "1921 ลงวันที่ 29 ธันวาคม 2561 แจ้งให้ไานักงานกงเลานการปกคจารกก ก")


def test_a_cited_number_without_a_mark_on_one_line_keeps_none() -> None:
    [letter] = extract_letters([(1, normalise(HEAD + "ตามหนังสือจังหวัดร้อยเอ็ด ที่ รอ 0023.2/4865 ลงวันที่ 26 "
                                              "พฤษภาคม 2566\n" + TAIL))])
    assert [r.doc_number for r in letter.references] == ["รอ 0023.2/4865"]
    assert "reference_repaired" not in letter.flags


def test_a_cited_date_past_lines_of_thai_specks_with_its_year_cut_to_two_digits() -> None:
    """Two digits that fit the letter's year and the one before: the letter's, when that still
    dates the cited letter before it."""
    head = HEAD.replace("19 ตุลาคม 2566", "25 ตุลาคม 2565")
    cited = ("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7ต่/ว 3060 ลงวันที่.12\n00\nกๆ\n.\nOr\n"
             "ตุลาคม 25")
    [letter] = extract_letters([(1, normalise(head + cited + "\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.7/ว 3060", dt.date(2022, 10, 12))]


@pytest.mark.parametrize("cited", [
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7\n/ว 95\n"
                 "ลงวันที่ 18 สิงหาคม 2564 แจ้งให้สำนักงาน", id="mark-and-serial-alone"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่\nมท\n"
                 "0810.7/ว 95 ลงวันที่ 18 สิงหาคม 2564 แจ้งให้สำนักงาน", id="code-alone"),
])
def test_a_short_line_of_a_citation_is_no_speck(cited: str) -> None:
    assert _references(cited) == {("มท 0810.7/ว 95", dt.date(2021, 8, 18))}


def test_a_provinces_cited_number_with_its_slash_lost_is_not_made_a_circular() -> None:
    refs = _references("ตามหนังสือจังหวัดร้อยเอ็ด ที่ รอ 0023.2 4865 ลงวันที่ 26 พฤษภาคม 2566 แจ้งให้")
    assert "รอ 0023.2/ว 4865" not in {number for number, _ in refs}


@pytest.mark.parametrize(("cited", "date"), [
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/\n"
                 ". ว1660 ลงวันที่ 13 เมษายน 3 แจ้งให้สำนักงานส่งเสริม .", dt.date(2023, 4, 13), id="year-lost"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 1660 ลงวันที่ 12 มกราคม 465.",
                 dt.date(2023, 1, 12), id="three-digits-that-fit-no-year"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท\n"
                 "0810.7 /ว 1660 ลงวันที่ 29 เมษายน 2.2", dt.date(2023, 4, 29), id="point-inside"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 1660 ลงวันที่ 6 ธันวาคม 200",
                 dt.date(2022, 12, 6), id="after-the-letter-in-its-year"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท\n"
                 "0810.7/ว 1660 ลงวันที่ 16 มกราคม 2233 แจ้งให้สำนักงาน -", dt.date(2023, 1, 16), id="four-digits-of-no-time"),
])
def test_a_cited_year_lost_to_ocr_is_the_latest_one_before_the_letter(cited: str, date: dt.date) -> None:
    """The letter is of 19 October 2566: a cited day and month whose year OCR lost fall in the
    months before it, and the letter is flagged."""
    letters = extract_letters([(1, normalise(HEAD + cited + "\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letters[0].references] == [("มท 0810.7/ว 1660", date)]
    assert "cited_year_read_again" in letters[0].flags


def test_a_cited_year_lost_without_a_letter_date_is_none() -> None:
    head = HEAD.replace("19 ตุลาคม 2566\n", "")
    cited = "อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.7/ว 1660 ลงวันที่ 13 เมษายน 3"
    [letter] = extract_letters([(1, normalise(head + cited + "\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.7/ว 1660", None)]


@pytest.mark.parametrize(("cited", "date"), [
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท0802.2/ว1661 ลงวันที่\n"
                 "9 มกราคม we562 แจ้งให้สำนักงาน", dt.date(2019, 1, 9), id="two-latin-letters-for-25"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0802.2 /ว\n"
                 "4945 WINN.19 oo กุมภาพันธ์ 2554 แจ้งให้สำนักงาน", dt.date(2011, 2, 19), id="latin-label-and-speck"),
])
def test_a_cited_date_past_latin_ink(cited: str, date: dt.date) -> None:
    head = HEAD.replace("19 ตุลาคม 2566", "19 มีนาคม 2562")
    [letter] = extract_letters([(1, normalise(head + cited + "\n" + TAIL))])
    assert [r.date for r in letter.references] == [date]


def test_a_cited_date_of_a_letter_whose_own_year_is_out_of_its_time() -> None:
    """A letter date OCR made impossible (5144) says nothing of its citations' years."""
    head = HEAD.replace("19 ตุลาคม 2566", "12 เมษายน 5687")
    cited = "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0802.2/ว\n3521 ลงวันที่ 21 มีนาคม 2568 แจ้งให้"
    [letter] = extract_letters([(1, normalise(head + cited + "\n" + TAIL))])
    assert [r.date for r in letter.references] == [dt.date(2025, 3, 21)]


@pytest.mark.parametrize(("cited", "number"), [
    pytest.param("ตามหนังสือ กรมส่งเสริมกา ร ปกค ร องท้องถิ่น ด่ วนที่สุด ท มท 0810.7/ฯ 1050 a\nจ\n'\n"
                 "ลงวันที่ 31 มีนาคม. 2561\"แจ้งให้สำนักงาน", "มท 0810.7/ว 1050", id="pai-yan-noi-for-the-mark"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7/?\n"
                 "1723 ลงวันที่ 4 เมษายน 2561 แจ้งให้สำนักงาน", "มท 0810.7/ว 1723", id="question-mark-at-the-line-end"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท0810.5/(2589\n"
                 ". ลงวันที่ 17 กรกฎาคม 2561 .", "มท 0810.5/ว 2589", id="bracket-glued-to-the-serial"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท0810.7ว\n"
                 "3077 ลงวันที่ 7 มิถุนายน 2561 แจ้งให้สำนักงาน", "มท 0810.7/ว 3077", id="slash-lost-mark-glued"),
    pytest.param(".ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ท่ มท\n"
                 "0810.7 ๆ 2880 ลงวันที่ 4 มกราคม 2561 แจ้งให้สำนักงาน", "มท 0810.7/ว 2880", id="slash-lost-mark-as-mai-yamok"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7 ญ่ว\n"
                 "4016 ลงวันที่ 1 กุมภาพันธ์ 2561 แจ้งให้สำนักงาน", "มท 0810.7/ว 4016", id="slash-read-as-a-letter"),
])
def test_a_department_number_whose_mark_or_slash_ocr_garbled(cited: str, number: str) -> None:
    head = HEAD.replace("19 ตุลาคม 2566", "19 ตุลาคม 2561")
    [letter] = extract_letters([(1, normalise(head + cited + "\n" + TAIL))])
    assert [r.doc_number for r in letter.references] == [number]
    assert "reference_repaired" in letter.flags


def test_a_department_number_with_its_serial_right_after_the_slash_keeps_no_mark() -> None:
    """Nothing stood between the slash and the serial: a letter to one office has no ว."""
    assert _references("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท\n"
                       "0810.7/2830 ลงวันที่ 25 พฤศจิกายน 2562 แจ้งให้สำนักงาน") == {
        ("มท 0810.7/2830", dt.date(2019, 11, 25))}


def test_a_cited_number_ocr_set_on_a_line_of_its_own_above_its_citation() -> None:
    cited = ("มท 0810.7 /ว 4772\nชี\nอ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่\n"
             "ลงวันที่ 12 ธันวาคม 2561")
    head = HEAD.replace("19 ตุลาคม 2566", "31 มกราคม 2562")
    [letter] = extract_letters([(1, normalise(head + cited + "\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.7/ว 4772", dt.date(2018, 12, 12))]


def test_a_mark_read_as_a_digit_before_a_serial_set_apart() -> None:
    head = HEAD.replace("19 ตุลาคม 2566", "10 กันยายน 2564")
    cited = ("| ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0802.2/2\n"
             "ก. 5196 ลงวันที่ 21 สิงหาคม 2564.แจ้งให้สำนักงานส่งเสริมการปกครอง")
    [letter] = extract_letters([(1, normalise(head + cited + "\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0802.2/ว 5196", dt.date(2021, 8, 21))]
    assert "reference_repaired" in letter.flags


def test_a_serial_of_one_digit_that_its_date_follows_is_kept() -> None:
    assert _references("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0802.2/ว 5 ลงวันที่ 3 มกราคม 2566") == {
        ("มท 0802.2/ว 5", dt.date(2023, 1, 3))}


def test_a_number_line_above_stays_when_the_citation_wraps_its_own_number() -> None:
    """The citation's number opens the next line behind a speck: a bare number line above it
    (a number OCR set apart from its ที่) is no part of it."""
    cited = ("มท 0810.5 /ว 3057\nอ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่\n"
             ". มท 0810.7/ว 4772 ลงวันที่ 12 ธันวาคม 2565")
    assert ("มท 0810.7/ว 4772", dt.date(2022, 12, 12)) in _references(cited)
    assert "มท 0810.5/ว 3057" not in {number for number, _ in _references(cited)}


# Citations of the department as OCR read them on wide seeds 1016 and 1023 (lines as read): the slash and
# the mark garbled past every pattern of the number; the anchors (ที่, the owner, the serial that
# ลงวันที่ dates) still hold it.
@pytest.mark.parametrize(("cited", "number", "date"), [
    pytest.param("| ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7/ว .\n"
                 "ย « 3135 ลงวันที่ 14 กรกฎาคม 2560 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด.",
                 "มท 0810.7/ว 3135", dt.date(2017, 7, 14), id="the-serial-behind-specks-on-the-next-line"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.5 1ร\n"
                 "4656 ลงวันที่ 6 มกราคม 2566 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด .",
                 "มท 0810.5/ว 4656", dt.date(2023, 1, 6), id="the-slash-read-as-1-the-mark-as-a-letter"),
    pytest.param("อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0802.2\n"
                 ": . 7”ว 4003 ลงวันที่ 29 สิงหาคม 2557",
                 "มท 0802.2/ว 4003", dt.date(2014, 8, 29), id="the-slash-read-as-7-and-a-quote"),
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท0810ฒ7ว230 .\n"
                 "ลงวันที่ 11พฤษภาคม 2565 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดรายงาน",
                 "มท 0810.7/ว 230", dt.date(2022, 5, 11), id="the-point-read-as-a-letter-the-slash-lost"),
    # seed 1023 img032: `/ว 0` at a line end, then `2 2137 ลงวันที่` (printed /ว ๒๑๓๗)
    pytest.param("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท0810.7/ว 0\n"
                 "2 2137 ลงวันที่ 26 ธันวาคม 2564 แจ้งให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
                 "มท 0810.7/ว 2137", dt.date(2021, 12, 26), id="a-serial-wrapped-past-a-speck-read-as-zero"),
])
def test_a_department_number_garbled_between_its_anchors(cited: str, number: str, date: dt.date) -> None:
    [letter] = extract_letters([(1, normalise(HEAD + cited + "\n" + TAIL))])
    assert [(r.doc_number, r.date) for r in letter.references] == [(number, date)]
    assert "reference_repaired" in letter.flags


def test_a_cited_serial_ocr_split_is_cited_once() -> None:
    """The number read whole by its pattern (`ว1 763` joined) is not cited again by its anchors."""
    refs = _references("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.7/ว1 763 ลงวันที่ "
                       "17 พฤศจิกายน 2561 แจ้งให้")
    assert len(refs) == 1



def test_a_citation_whose_mark_was_read_as_a_one_is_flagged() -> None:
    """Seed 1025 doc20200421: `0810.7/13454` for /ว๓๔๕๔."""
    cited = ("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท\n"
             "0810.7/13454 ลงวันที่ 29 มีนาคม 2565 แจ้งให้สำนักงานส่งเสริม")
    [letter] = extract_letters([(1, normalise(HEAD + cited + "\n" + TAIL))])
    assert [r.doc_number for r in letter.references] == ["มท 0810.7/ว 3454"]
    assert "reference_repaired" in letter.flags


# A letter whose contact footer ran onto its second page, as unseen scans show it: the signed
# page ends with the cue for the next page (`/สำนักนโยบาย…`, garbled), the footer stands overleaf
# under the page's number; and an annex overleaf, under a speck, that is no part of the letter.
_SIGNED = """ที่ มท 0810.7/ว 2012
กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา เขตดุสิต กทม. 10300
25 ธันวาคม 2567
เรื่อง การติดตามตัวชี้วัด
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้กำหนดแนวทางการดำเนินงาน
จึงเรียนมาเพื่อทราบและดำเนินการ
ขอแสดงความนับถือ
(นางสาวสุดารัตน์ ธนากุล)
รองอธิบดี ปฏิบัติราชการแทน
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น
"""


@pytest.mark.parametrize(("last_line", "overleaf", "page_to"), [
    ("/สำนกน ยบ้ายและ.", "สำนักนโยบายและแผน\nโทร. 02241 9000 ต่อ 1253\nโทรสาร 022412576", 2),
    ("หอพัศ์ a", "0 = 97 -\nกองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น\nโทร. 02241 9000 ต่อ 2668", 2),
    ("โทรสาร 0 2241 7316", "17 aA\nบัญชีแนบท้าย\nแบบรายงานความคืบหน้าการจัดตั้งศูนย์\nลำดับ จังหวัด จำนวน", 1),
])
def test_a_footer_overleaf_belongs_to_the_letter(last_line: str, overleaf: str, page_to: int) -> None:
    letters = extract_letters([(1, normalise(_SIGNED + last_line)), (2, normalise(overleaf))])
    assert letters[0].page_to == page_to
