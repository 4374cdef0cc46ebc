"""Thai date reading: table-driven cases from the seeds' own spellings, and round-trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit
from pythainlp.util.date import thai_abbr_months, thai_full_months

from pipeline.thai.dates import (
    IMPOSSIBLE_DATE,
    be_to_ce,
    expand_year,
    find_thai_dates,
    parse_period,
    parse_thai_date,
)

TODAY = dt.date(2024, 6, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("๑๔ กุมภาพันธ์ ๒๕๖๑", dt.date(2018, 2, 14), id="thai-digits-full-month"),
        pytest.param("15 ก.พ. 2561", dt.date(2018, 2, 15), id="abbr-dots"),
        pytest.param("วันที่ ๒๓ กพ. ๒๕๖๑", dt.date(2018, 2, 23), id="abbr-no-dots"),
        pytest.param("๓๐ ส.ค. ๒๕๖๑", dt.date(2018, 8, 30), id="abbr-aug"),
        pytest.param("วันที่ - ๒ ก.ย. ๒๕๖๑", dt.date(2018, 9, 2), id="stamp-dash"),
        pytest.param("ณ วันที่ ๓๐ ก.ย. ๖๐", dt.date(2017, 9, 30), id="two-digit-be"),
        pytest.param("อัปเดตวันที่ 10/4/61", dt.date(2018, 4, 10), id="numeric-short"),
        pytest.param("เลขที่รับ 1861 วันที่ 14/05/67", dt.date(2024, 5, 14), id="numeric-stamp"),
        pytest.param("ภายในวันศุกร์ที่ 31 พฤษภาคม 2567", dt.date(2024, 5, 31), id="weekday-deadline"),
        pytest.param("1 มกราคม พ.ศ. 2561", dt.date(2018, 1, 1), id="literal-pho-so"),
        pytest.param("30 มิ.ย. 2554", dt.date(2011, 6, 30), id="mi-yo"),
        pytest.param("วันที ๒๐ ธุ.ค. ๒๕๖๔", dt.date(2021, 12, 20), id="handwritten-tho-with-stray-mark"),
        pytest.param("วันที 9 ธ.ูค. 2564", dt.date(2021, 12, 9), id="stray-mark-after-the-dot"),
        pytest.param("1 มี.ค. 2564", dt.date(2021, 3, 1), id="mi-kho-is-march-not-january"),
        pytest.param("12 ธันวาคม ๒๕๖๐", dt.date(2017, 12, 12), id="mixed-digits"),
        pytest.param("๑๓ ธันวาคม ๒๕๖๖", dt.date(2023, 12, 13), id="seed-004"),
        pytest.param("26 มกราคม 2561", dt.date(2018, 1, 26), id="full-jan"),
        pytest.param("8 กุมภาพันธ 2561", dt.date(2018, 2, 8), id="ocr-dropped-mark"),
        pytest.param("2 ตุลาคม 2022", dt.date(2022, 10, 2), id="ce-year"),
        pytest.param("12 มกราคม 25/62", dt.date(2019, 1, 12), id="year-split-by-a-slash"),
        pytest.param("12 มกราคม 25 62", dt.date(2019, 1, 12), id="year-split-by-a-space"),
        pytest.param("17 ม.ค. “62", dt.date(2019, 1, 17), id="speck-read-as-a-quote"),
        pytest.param("1 ม.ค. 62 10.30 น.", dt.date(2019, 1, 1), id="a-time-after-a-short-year"),
        # saraban_006 (seed 1026): the year's wide ๒ read twice, spaced off
        pytest.param(". 2มีนาคม 2 2560", dt.date(2017, 3, 2), id="a-year-s-first-digit-read-twice"),
        pytest.param("ภายในวันที. 10 มีนาคม 2 2560 โทรสาร", dt.date(2017, 3, 10), id="a-deadline-s-year-doubled"),
    ],
)
def test_parse_thai_date(text: str, expected: dt.date) -> None:
    assert parse_thai_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("คำสั่ง ที่ ๕/๒๕๕๙", id="order-number"),
        pytest.param("โทร ๐-๒๒๔๑-๕๐๑๓", id="phone"),
        pytest.param("ทุกวันที่ ๑๕ ของเดือน", id="recurring"),
        pytest.param("มท 0810.7/ว 435", id="doc-number"),
        pytest.param("", id="empty"),
    ],
)
def test_no_date(text: str) -> None:
    assert parse_thai_date(text, today=TODAY) is None


@pytest.mark.parametrize(
    "text",
    [pytest.param("31 ก.พ. 2561", id="feb-31"), pytest.param("30 กุมภาพันธ์ ๒๕๖๑", id="feb-30"),
     pytest.param("31/4/61", id="apr-31-numeric")],
)
def test_impossible_date_is_flagged_not_raised(text: str) -> None:
    found = find_thai_dates(text, today=TODAY)
    assert len(found) == 1 and found[0].date is None and IMPOSSIBLE_DATE in found[0].flags
    assert parse_thai_date(text, today=TODAY) is None


@pytest.mark.parametrize(
    ("year", "expected"),
    [pytest.param(2567, 2024, id="be-year"), pytest.param(2024, 2024, id="ce-year"),
     pytest.param(61, 2018, id="two-digit"), pytest.param(99, 1956, id="two-digit-last-century")],
)
def test_years(year: int, expected: int) -> None:
    assert expand_year(year, TODAY) == expected


def test_be_to_ce() -> None:
    assert be_to_ce(2561) == 2018


def test_find_reports_spans_in_order() -> None:
    text = "ลงวันที่ ๑๒ ธันวาคม ๒๕๖๐ และ ๑๔ ก.พ. ๖๑"
    found = find_thai_dates(text, today=TODAY)
    assert [d.date for d in found] == [dt.date(2017, 12, 12), dt.date(2018, 2, 14)]
    assert found[0].start == text.index("๑๒")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ประจำเดือน มกราคม พ.ศ. ๒๕๖๑", "2018-01", id="month-be"),
        pytest.param("อัปเดตวันที่ 10/4/61", "2018-04", id="update-date"),
        pytest.param("อัปเดตวันที่.28/12/61", "2018-12", id="update-date-a-speck-glued-before-the-day"),
        pytest.param("ที่ มท 0810.7/1/61", None, id="a-code-point-before-digits-is-no-date"),
        pytest.param("ประจำเดือน พฤศจิกายน พ.ศ. 2564", "2021-11", id="nov"),
        pytest.param("ไม่มีวันที่", None, id="none"),
    ],
)
def test_parse_period(text: str, expected: str | None) -> None:
    assert parse_period(text, today=TODAY) == expected


_DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2040, 12, 31))


@given(day=_DATES, abbr=st.booleans(), thai=st.booleans(), dots=st.booleans())
def test_round_trip_written_dates(day: dt.date, abbr: bool, thai: bool, dots: bool) -> None:
    month = (thai_abbr_months if abbr else thai_full_months)[day.month - 1]
    if abbr and not dots:
        month = month.replace(".", "")
    text = f"ลงวันที่ {day.day} {month} {day.year + 543}"
    if thai:
        text = arabic_digit_to_thai_digit(text)
    assert parse_thai_date(text) == day


@given(day=st.dates(min_value=dt.date(1958, 1, 1), max_value=dt.date(2033, 12, 31)))
def test_round_trip_two_digit_numeric(day: dt.date) -> None:
    text = f"{day.day}/{day.month}/{(day.year + 543) % 100:02d}"
    assert parse_thai_date(text, today=TODAY) == day


# --- OCR-damaged month names and dates near an anchor (real readings from the sample scans) ---

from pipeline.thai.dates import complete_year, date_near, fuzzy_month, stamp_date  # noqa: E402


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("ภายในวันที่ 8 มิถุนายน่ 2554", dt.date(2011, 6, 8), id="scan0001-stray-mark"),
    pytest.param("18 กันวาคม 2564", dt.date(2021, 12, 18), id="img009-tha-reread-k-for-th"),
    pytest.param("18 จันวาคม 2564", dt.date(2021, 12, 18), id="laksaman-ch-for-th"),
    pytest.param("วนท 26 มนาคม 2566", dt.date(2023, 3, 26), id="doc2018-dropped-vowel"),
    pytest.param("5 พฤศจกายน 2564", dt.date(2021, 11, 5), id="dropped-sara-i"),
    # img033 (seed 1025): ๑๙ พฤศจิกายน ๒๕๖๔ read with its พ lost and a speck glued before the year
    pytest.param("ต19ฤศจิกายนย2564", dt.date(2021, 11, 19), id="first-letter-lost-and-a-speck-glued"),
    pytest.param("11 เมษายัน 2563", dt.date(2020, 4, 11), id="speck-mark-in-the-month-that-opens-with-a-vowel"),
    # img033 (seed 1036): ๑๓ ตุลาคม ๒๕๖๔ read with its า as a 1 and the year glued on
    pytest.param(". 13 ตุล1คม2564", dt.date(2021, 10, 13), id="sara-aa-read-as-one-year-glued"),
    pytest.param("วันที 1 พล.ย.. 2559", dt.date(2016, 11, 1), id="stamp-inner-dot-read-as-lo-ling"),
    pytest.param("วันที 21 เมล.ย. 2567", dt.date(2024, 4, 21), id="stamp-inner-dot-read-as-lo-ling-after-a-vowel"),
])
def test_damaged_month_names_are_read(text: str, expected: dt.date) -> None:
    assert parse_thai_date(text, today=TODAY) == expected


@pytest.mark.parametrize("text", [
    pytest.param("ทุกวันที่ 15 ของเดือน 2564", id="not-a-month"),
    pytest.param("จำนวน 8 แห่ง 2564", id="unit-word"),
    pytest.param("18 HUNAN 2564", id="latin-month-left-alone"),
    pytest.param("3 มกราย 2564", id="two-edits-away"),
    pytest.param("ที่ 1 ก1ก 2564", id="a-one-between-letters-of-no-month"),
])
def test_words_that_are_not_months_give_no_date(text: str) -> None:
    assert find_thai_dates(text, today=TODAY) == []


@pytest.mark.parametrize(("word", "month"), [
    ("มิถุนายน่", 6), ("มนาคม", 3), ("พฤศจกายน", 11), ("กันวาคม", 12), ("ธันวาคม", 12),
    ("กันยายน", 9), ("กรกฏาคม", 7), ("มกราย", None), ("แห่ง", None), ("วาคม", None),
    ("ฤศจิกายนย", 11), ("กรกฎาคมม", 7), ("ประชาคม", None), ("กิจกรรม", None),
])
def test_fuzzy_month(word: str, month: int | None) -> None:
    assert fuzzy_month(word) == month


LETTER = dt.date(2021, 12, 18)  # img009: letter of 18 ธันวาคม 2564


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    pytest.param("วันที่ 22 ธค. 25", LETTER, dt.date(2021, 12, 22), id="img009-cut-off-25"),
    pytest.param("วันที่ 22 ธค. 2", LETTER, dt.date(2021, 12, 22), id="img009-reread-2"),
    pytest.param("วันที่ 22 ธค. 2564", LETTER, dt.date(2021, 12, 22), id="full-year"),
    pytest.param("วันที่ 22 ธค. 64", LETTER, dt.date(2021, 12, 22), id="two-digit-be"),
    pytest.param("Jun. 25 พย. 25“", dt.date(2023, 11, 21), dt.date(2023, 11, 25), id="saraban010-page-reading"),
    pytest.param("วันที่. 25 พย. 2%ไ", dt.date(2023, 11, 21), dt.date(2023, 11, 25), id="saraban010-smudged-year"),
    pytest.param("วันที่ 5 ม.ค. 25", LETTER, dt.date(2022, 1, 5), id="over-new-year"),
    pytest.param("วันที่ 22 ธค. 2525", LETTER, None, id="decades-away-is-flagged"),
    pytest.param("วันที่ 12 ธค. 2", dt.date(2011, 5, 28), None, id="too-long-after"),
    pytest.param("วันที่ 2 ก.ย. 25", LETTER, None, id="cut-off-but-months-away"),
    pytest.param("วันที่ 22 ธค. 26", LETTER, None, id="two-digits-not-this-century"),
    pytest.param("วันที่ 22 ธค.", LETTER, dt.date(2021, 12, 22), id="no-year-digits-at-all"),
    pytest.param("วันที 25 มค..", dt.date(2020, 1, 18), dt.date(2020, 1, 25), id="wide963-year-lost"),
    pytest.param("วันที 2 มี.ค. ใ256", dt.date(2020, 2, 23), dt.date(2020, 3, 2), id="wide950-speck-before-cut-year"),
    pytest.param("วันที่ 21 มิย. 2551", dt.date(2014, 6, 16), dt.date(2014, 6, 21), id="wide950-one-digit-off"),
    pytest.param("วันที่ 3 ก.ย.", dt.date(2021, 5, 3), None, id="no-year-and-months-after-the-letter"),
    pytest.param("วันที่ 17/7./64", dt.date(2021, 7, 10), dt.date(2021, 7, 17), id="wide960-numeric-with-a-speck"),
    pytest.param("วันที่ 13/1/“จ2", dt.date(2019, 1, 7), dt.date(2019, 1, 13), id="wide963-numeric-year-smudged"),
    pytest.param("วันที่ 10 ธ.ค. 51", dt.date(2014, 12, 3), dt.date(2014, 12, 10), id="wide960-short-year-one-off"),
    pytest.param("วันที่ 25/6/65.", dt.date(2020, 6, 20), dt.date(2020, 6, 25), id="wide952-numeric-short-year-one-off"),
    pytest.param("วันที่ 16/9764.", dt.date(2021, 9, 10), dt.date(2021, 9, 16), id="wide988-second-slash-read-as-seven"),
    pytest.param("วันที่ 17/.3/62", dt.date(2019, 3, 10), dt.date(2019, 3, 17), id="wide989-speck-after-the-first-slash"),
    pytest.param("วันที่ 2ก.ค. 262", dt.date(2019, 6, 28), dt.date(2019, 7, 2), id="wide988-a-digit-lost-inside-the-year"),
    pytest.param("วันที่ 30 ท.ค, 66", dt.date(2023, 5, 25), dt.date(2023, 5, 30), id="wide989-month-letter-misread"),
    pytest.param("วันที่ 30 มพี.ค. 25", dt.date(2021, 3, 25), dt.date(2021, 3, 30), id="wide991-month-letter-added"),
    pytest.param("วันที่ 18 ฟี.ค. 63", dt.date(2024, 3, 10), None, id="month-letter-misread-year-elsewhere"),
    pytest.param("วันที 27 ก,พ4 55", dt.date(2012, 2, 25), dt.date(2012, 2, 27), id="wide983-speck-digit-after-the-month"),
    pytest.param("วันที 22 กลพ1 256", dt.date(2019, 2, 20), dt.date(2019, 2, 22), id="wide991-speck-digit-then-a-cut-year"),
    pytest.param("วันที 12 กลุูพ. 2561", dt.date(2019, 2, 8), dt.date(2019, 2, 12), id="wide991-marks-on-the-month-year-one-off"),
    # seed 1029 doc20170913: ๒๕๖ cut at the box's edge, its ๖ there read as 4
    pytest.param("วันที่ 29 เมย. 254 -", dt.date(2024, 4, 21), dt.date(2024, 4, 29), id="cut-year-its-last-digit-misread"),
    pytest.param("วันที่ 29 เมย. 244 -", dt.date(2024, 4, 21), None, id="cut-year-two-digits-off"),
    # seed 1041 SCAN_0032: the point between พ and ย read as a digit
    pytest.param("วันที่ 26 พ 1.ย. 66", dt.date(2023, 11, 22), dt.date(2023, 11, 26), id="month-point-read-as-digit"),
    pytest.param("วันที่ 26 พ 10ย. 66", dt.date(2023, 11, 22), dt.date(2023, 11, 26), id="month-point-read-as-digits"),
    # seed 1041 SCAN_0031: a speck after the day read as `#`, ย read as its look-alike ฑ
    pytest.param("วั้นที่ 7# พฑ2566", dt.date(2023, 11, 5), dt.date(2023, 11, 7), id="speck-after-the-day-month-misread"),
])
def test_stamp_date_near_the_letter(text: str, anchor: dt.date, expected: dt.date | None) -> None:
    date, printed = stamp_date(text, anchor)
    assert date == expected and printed


def test_digits_between_two_letters_that_make_no_month_are_left() -> None:
    assert stamp_date("วันที่ 5 ก 12 ฟ. 55", dt.date(2012, 7, 1)) == (None, False)


def test_a_line_without_a_day_and_month_is_not_a_stamp_date() -> None:
    assert stamp_date("เวลา 16.15 น.", LETTER) == (None, False)
    assert stamp_date("วันที่ 13/14/62", LETTER) == (None, False)  # no fourteenth month


def test_date_near_keeps_a_plausible_full_date_and_drops_a_far_one() -> None:
    near, far = find_thai_dates("28 พฤษภาคม 2554 และ 28 พฤษภาคม 2525")
    assert date_near(near, dt.date(2011, 5, 20)) == dt.date(2011, 5, 28)
    assert date_near(far, dt.date(2011, 5, 20)) is None


def test_complete_year_needs_exactly_one_candidate() -> None:
    assert complete_year(22, 12, "25", LETTER) == dt.date(2021, 12, 22)
    assert complete_year(22, 12, "26", LETTER) is None  # no 26xx year near 2564


def test_a_two_digit_year_is_not_taken_from_a_year_with_a_dot_inside() -> None:
    assert [d.date for d in find_thai_dates("24 พฤษภาคม 25.62")] == []
    assert [d.date for d in find_thai_dates("9 ต.ค. 62.", today=TODAY)] == [dt.date(2019, 10, 9)]
