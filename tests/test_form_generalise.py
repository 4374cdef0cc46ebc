"""Report forms the samples do not show: photographed pages, bilevel scans, damaged captions,
headings OCR loses. Rendered with real fonts and read through the whole table path."""

from __future__ import annotations

import numpy as np
import pytest

from extractors.form_columns import find_header
from extractors.form_context import caption_month_year, detect_period
from extractors.report_forms import extract_report_rows
from pipeline.records import Document, Letter, Page, ReportRow
from pipeline.synth.tables import FormRow, render_report_form

TITLE = ["แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
         "ประจำเดือน มิถุนายน พ.ศ. ๒๕๖๑", "จังหวัดอุตรดิตถ์"]
ROWS = [
    FormRow("1", "เมืองอุตรดิตถ์", 15, 13, 2),
    FormRow("2", "ตรอน", 9, 7, 2, "ไม่มี"),
    FormRow("3", "ท่าปลา", 3, 3, None),
    FormRow("4", "น้ำปาด", 12, 11, 1, "ขาดบุคลากร"),
]
EXPECTED = [("5301", 15, 13, 2), ("5302", 9, 7, 2), ("5303", 3, 3, 0), ("5304", 12, 11, 1)]


def _rows(image: np.ndarray, letters: list[Letter] | None = None) -> list[ReportRow]:
    page = Page(number=1, source="ocr", image=image, dpi=300, width=image.shape[1],
                height=image.shape[0])
    doc = Document(file_id="g", source_name="form.pdf", media="pdf", pages=[page])
    return extract_report_rows(doc, letters or [], {1: "report_form"})


def _photographed(gray: np.ndarray, seed: int = 3) -> np.ndarray:
    """A phone photo's look: grey, unevenly lit ground and dark specks all over."""
    rng = np.random.default_rng(seed)
    h, w = gray.shape
    light = 200 + 25 * np.linspace(0, 1, w)[None, :] * np.linspace(0.4, 1, h)[:, None]
    page = np.where(gray < 128, gray.astype(float) + 30, light)
    specks = rng.random((h, w)) < 0.0015
    page[specks] = 60
    return np.clip(page, 0, 255).astype(np.uint8)


@pytest.fixture(scope="module")
def photographed_rows() -> list[ReportRow]:
    page = np.array(render_report_form(ROWS, TITLE, dpi=300, font="Garuda"))
    return _rows(_photographed(page))


def test_photographed_form_finds_place_column_and_rows(photographed_rows: list[ReportRow]) -> None:
    rows = photographed_rows
    assert [(r.district_code, r.total, r.established, r.not_established) for r in rows] == EXPECTED
    assert {(r.period, r.province_code) for r in rows} == {("2018-06", "53")}
    assert not any("period_unknown" in r.flags for r in rows)


def test_bilevel_scan_reads_caption_period() -> None:
    """A fax-like 1-bit page at 200 dpi: the caption's Thai year is still read."""
    page = np.array(render_report_form(ROWS, TITLE, dpi=200, font="Garuda"))
    bilevel = np.where(page < 160, 0, 255).astype(np.uint8)
    rows = _rows(bilevel)
    assert {r.period for r in rows} == {"2018-06"}
    assert [r.district_code for r in rows] == [e[0] for e in EXPECTED]


def test_row_without_readable_period_is_kept_and_flagged() -> None:
    title = [TITLE[0], "ประจำเดือน", TITLE[2]]  # the month and year were never printed
    rows = _rows(np.array(render_report_form(ROWS[:2], title, dpi=200)))
    assert [r.district_code for r in rows] == ["5301", "5302"]
    assert all(r.period == "" and "period_unknown" in r.flags for r in rows)


@pytest.mark.parametrize(("text", "month", "year"), [
    (". ประจำเดือน มิ มอุนายน พ. A. 2561 —", 6, 2018),  # month torn, พ.ศ. read as Latin
    ("| ป ระ จำเดือน กุมภาพันธ์ พพ..ศ . 2565", 2, 2022),
    ("ประจําเด ือนกันยายนพ.ศ. ๒ ๕๖๒", 9, 2019),
    (".ประจำเดือน พฤษภาคม W.A. 256", 5, None),  # a digit lost: month only
    ("ประจำเดือน ธันวาคม พ. ศ. 25202", 12, None),
    ("ประจำเดือน กุมภาพันธ์ WA. 2 2563", 2, 2020),  # a speck before the year read as a digit
    ("ประจำเดือน มีนาคม พ.ศ. 2 5", 3, None),  # no group of it makes a year
    ("ประจำเดือน มิ มถฤนายน พ.ศ. 2565 -", 6, 2022),  # the month's first glyphs read twice
    ("ประจำเดือน ที่ ผ่านมา พ.ศ. 2565", None, None),  # no month among the first words
    ("เรื่อง ขอส่งรายงาน", None, None),
])
def test_caption_month_year_from_damaged_ocr(text: str, month: int | None,
                                             year: int | None) -> None:
    assert caption_month_year(text) == (month, year)


def test_period_falls_back_to_the_strict_reading_first() -> None:
    assert detect_period("ประจำเดือน มี.ค. 2561") == "2018-03"
    assert detect_period("ประจำเดือน ตุลาคม พ. A. 2567") == "2024-10"


def test_header_whose_place_heading_was_lost_takes_the_name_column() -> None:
    grid = [["", "", "จำนวน อปท. ทั้งหมด (แห่ง)", "จัดตั้งแล้ว (แห่ง)", "ยังไม่จัดตั้ง (แห่ง)"],
            ["๑", "เมืองชลบุรี", "20 แห่ง", "11 แห่ง", "9 แห่ง"],
            ["๒", "บ้านบึง", "3 แห่ง", "3 แห่ง", "-"],
            ["๓", "หนองใหญ่", "14 แห่ง", "8 แห่ง", "6 แห่ง"]]
    header = find_header(grid)
    assert header is not None and header.roles["district"] == 1 and header.data_row == 1
    provinces = [row[:] for row in grid]
    for row, name in zip(provinces[1:], ("ชลบุรี", "ระยอง", "จันทบุรี"), strict=True):
        row[1] = name
    found = find_header(provinces)
    assert found is not None and found.roles.get("province") == 1


def test_form_scanned_upside_down_is_turned_and_read(tmp_path) -> None:  # noqa: ANN001
    from flows.process import process_file
    from pipeline.synth.tables import save_pdf

    page = render_report_form(ROWS, TITLE, dpi=200, font="Garuda").rotate(180)
    path = save_pdf([page], tmp_path / "upside_down.pdf")
    work = tmp_path / "work"
    work.mkdir()
    doc, extraction = process_file(path, work, source_name=path.name)
    rows = extraction.report_rows
    assert [(r.district_code, r.total, r.established, r.not_established) for r in rows] == EXPECTED
    assert {r.period for r in rows} == {"2018-06"}
    assert doc.pages[0].confidence is not None and doc.pages[0].confidence >= 50


def test_a_caption_box_cut_inside_the_years_last_digit_is_grown_to_its_ink() -> None:
    """Seen on a 200 dpi scan: Tesseract boxed "พ.ศ. ๒๕๖๗" to half of ๗, which alone reads as
    ๓, so the table's rows were filed under 2020 instead of 2024."""
    from PIL import Image, ImageDraw, ImageFont

    from extractors.form_numerals import reread_caption_year
    from pipeline.numerals import default_reader
    from pipeline.synth.fonts import font_path
    from pipeline.tables.scan import grow_to_ink

    image = Image.new("L", (900, 80), 255)
    ImageDraw.Draw(image).text((20, 10), "ประจำเดือน มิถุนายน พ.ศ. ๒๕๖๗",
                               font=ImageFont.truetype(font_path("Laksaman"), 44), fill=0)
    gray = np.array(image)
    cols = np.flatnonzero((gray < 128).any(axis=0))
    seven = cols[-1] - 8  # inside ๗, whose right half is cut off
    grown = grow_to_ink(gray, (int(cols[0]) + 30, 5, int(seven), 75))
    assert (grown[0], grown[2]) == (int(cols[0]), int(cols[-1]) + 1)
    cut = reread_caption_year(["ประจำเดือน มิถุนายน พ.ศ. ๒๕๖"], [(int(cols[0]), 5, int(seven), 75)],
                              gray, default_reader())
    whole = reread_caption_year(["ประจำเดือน มิถุนายน พ.ศ. ๒๕๖"], [grown], gray, default_reader())
    assert cut != whole and detect_period(whole[0]) == "2024-06"


@pytest.mark.parametrize(("caption", "period"), [
    pytest.param(". 7 ประจําเดือนกรกฎาคม พ.ศ . ๒๕๒๕", "2021-07", id="speck-digit-before-the-month"),
    pytest.param(". ป ระจ๊้าเดือน| พฤศจิกายน 9พ.ศ. ๒๕๒๐๒๐", "2021-11", id="speck-digit-before-the-label"),
    pytest.param("ประจำเดือน มีนาคม 2561 จังหวัดตาก", "2021-03", id="text-after-the-year"),
])
def test_the_pixel_year_replaces_only_the_printed_year(caption: str, period: str) -> None:
    from extractors.form_numerals import _with_year

    assert detect_period(_with_year(caption, 2564)) == period


def test_a_caption_box_holding_its_neighbours_marks_is_fitted_to_its_line() -> None:
    """Seen on a bilevel TIFF: the caption's box held the lowest marks of the title above and
    the highest of the province line below; touching ๒๕๖๖, they made it read as 26. The year is
    read again from the line's letters' rows."""
    from PIL import Image, ImageDraw, ImageFont

    from extractors.form_numerals import reread_caption_year
    from pipeline.numerals import default_reader
    from pipeline.synth.fonts import font_path
    from pipeline.tables.scan import fit_line, grow_to_ink

    font = ImageFont.truetype(font_path("Laksaman"), 44)
    image = Image.new("L", (900, 150), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, 0), "ศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่นฐู", font=font, fill=0)
    draw.text((20, 44), "ประจำเดือน พฤศจิกายน พ.ศ. ๒๕๖๖", font=font, fill=0)
    draw.text((20, 86), "จังหวัดเพชรบุรี ที่นี่ ซึ่ง ปี๊บ ก๊ก", font=font, fill=0)
    gray = np.where(np.array(image) < 150, 0, 255).astype(np.uint8)
    loose = grow_to_ink(gray, (20, 40, 880, 120))  # the whole band between the lines' bodies
    fitted = fit_line(gray, loose)
    assert loose[1] < fitted[1] and fitted[3] < loose[3]
    [line] = reread_caption_year(["ประจำเดือน พฤศจิกายน พ.ศ. ๒๕๒๐๒๐"], [loose], gray, default_reader())
    assert detect_period(line) == "2023-11"


@pytest.mark.parametrize(("heading", "source", "flagged"), [
    pytest.param("บัญชีแนบท้าย", "letter_attachment", False, id="the-letters-attachment-list"),
    pytest.param("แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชน", "letter_date", True, id="a-form-sent-under-it"),
])
def test_a_table_without_its_month_takes_the_covering_letters(heading: str, source: str,
                                                             flagged: bool) -> None:
    """A list attached to a letter stands as at the letter's date; a report form without its
    month may be older than the letter that sends it, so its rows say the month is a guess."""
    import datetime as dt

    title = [heading, "ศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น", "จังหวัดอุตรดิตถ์"]
    letter = Letter(letter_index=0, page_from=1, page_to=1, kind="letter", date=dt.date(2018, 6, 28))
    rows = _rows(np.array(render_report_form(ROWS[:2], title, dpi=200)), [letter])
    assert {r.period for r in rows} == {"2018-06"}
    assert {r.raw_cells["period_source"] for r in rows} == {source}
    assert all(("period_inferred" in r.flags) is flagged for r in rows)


@pytest.mark.parametrize(("update", "source"), [
    pytest.param("อัปเดตวันที่ 5/12/61", "page", id="days-before-the-letter"),
    pytest.param("อัปเดตวันที่ 5/2/61", "letter_attachment", id="a-digit-lost-ten-months-back"),
    pytest.param("อัปเดตวันที่.5/12/61", "page", id="a-speck-point-glued-before-the-day"),
    pytest.param("อัปเดตวันที 5/1261", "page", id="the-second-slash-lost"),
    pytest.param("อัปเดตวันที 5/261", "letter_attachment", id="the-second-slash-lost-ten-months-back"),
    pytest.param("อัปเดตวันที่ 5!12161 .", "page", id="slashes-read-as-bang-and-one"),
    # Seen on a scan: 12/4/66 read `1214/66`; and 18/9/63 read `189/63`.
    pytest.param("อัปเดตวันที่ 5112/61", "page", id="the-first-slash-read-as-one"),
    pytest.param("อัปเดตวันที 512/61", "page", id="the-first-slash-lost"),
    pytest.param("คำสั่งที่ 512/61", "letter_attachment", id="an-orders-number-is-no-date"),
    # Blind seed 1036: the letter's ๒๕๖๗ read 2563, its list updated 5/6/67: one date is misread.
    pytest.param("อัปเดตวันที่ 5/6/65", "letter_disputed", id="years-after-the-letter"),
])
def test_a_pages_update_date_counts_only_shortly_before_the_letter(update: str, source: str) -> None:
    """Seen on a scan: 5/12/61 read as 5/2/61 on a list sent under a letter of 10 December 2561."""
    import datetime as dt

    from extractors.form_context import read_context

    letter = Letter(letter_index=0, page_from=1, page_to=1, kind="letter", date=dt.date(2018, 12, 10))
    title = "บัญชีแนบท้าย\nแบบรายงานความคืบหน้าการจัดตั้งศูนย์ปฏิบัติการร่วม (สถานที่กลาง)"
    context = read_context(title, f"{title}\nกระบี่ 8 1 7\n{update}", [letter])
    assert (context.period, context.period_source) == ("2018-12", source)


def test_a_caption_with_sara_am_in_two_parts_has_its_year_read_again() -> None:
    """Seen on a scan: OCR wrote ำ as ํ + า (`ประจําเดือน`) and พ.ศ. as `ฟ.ศ`; the caption was
    not taken for one with a year, and ๒๕๖๔ stayed as Tesseract read it (๒๕๒๕)."""
    from PIL import Image, ImageDraw, ImageFont

    from extractors.form_numerals import reread_caption_year
    from pipeline.numerals import default_reader
    from pipeline.synth.fonts import font_path

    image = Image.new("L", (900, 80), 255)
    ImageDraw.Draw(image).text((20, 10), "ประจำเดือน กุมภาพันธ์ พ.ศ. ๒๕๖๔",
                               font=ImageFont.truetype(font_path("Garuda"), 40), fill=0)
    gray = np.array(image)
    [line] = reread_caption_year(["ประจ\u0e4d\u0e32เดือน กุมภาพันธ์ฟ.ศ .๒๕๒๕"], [(0, 0, 900, 80)],
                                 gray, default_reader())
    assert detect_period(line) == "2021-02"


@pytest.mark.parametrize("between", [
    pytest.param([], id="right-above"),
    pytest.param(["2 A ซ่ eo od 6 IAA 1 : 1 a"], id="a-line-of-specks-between"),
    pytest.param(["i ‘eo & 9 pA vA 7 i ; 15", "| ea 5 vy"], id="two-lines-of-specks-between"),
])
def test_an_attachment_heading_a_few_lines_above_the_forms_title_heads_it(between: list[str]) -> None:
    """Seen on scans: OCR made lines of a stamp's edge and specks between the two headings."""
    from extractors.form_pages import _title_from_lines

    lines = ["| ea 5 vy", "บัญชีแนบท้าย | |", *between,
             "แบบรายงานความคืบหน้าการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน"]
    assert _title_from_lines(lines).splitlines()[0] == "บัญชีแนบท้าย | |"


@pytest.mark.parametrize("heading", [
    pytest.param("a บัญชีแนบ ท้าย |", id="spaced"),
    # Seen on a scan: ้ read as ํ, so ท้าย became ทําย (ํ + า), and ten rows were flagged.
    pytest.param(". บัญชีแนบทําย", id="its-tone-mark-read-as-nikhahit"),
    pytest.param("บัญซีแนบท้าย", id="a-letter-misread"),
])
def test_an_attachment_heading_as_ocr_leaves_it_still_heads_the_title(heading: str) -> None:
    """Seen on a scan: `บัญชีแนบ ท้าย` over the form's title; the list was taken for a report
    form sent under the letter, and its nine rows flagged period_inferred."""
    import datetime as dt

    from extractors.form_context import read_context
    from extractors.form_pages import _title_from_lines

    lines = ["อัปเดต", heading, "| แบบรายงานความคืบหน้าการ จัดตั้งศูนย์ปฎิบัติการร่วม",
             ": -ขององค์กรปกครองส่วนท้องถิ ่น(สถานที่กลาง) :"]
    title = _title_from_lines(lines)
    assert title.splitlines()[0] == heading
    letter = Letter(letter_index=0, page_from=1, page_to=1, kind="letter", date=dt.date(2020, 10, 27))
    context = read_context(title, title, [letter])
    assert (context.period, context.period_source) == ("2020-10", "letter_attachment")


@pytest.mark.parametrize("line", ["บัญชีแนบ", "ตามบัญชีรายชื่อจังหวัด", "แบบรายงานความคืบหน้า",
                                  "บัญชีรายละเอียดแนบ"])
def test_a_line_that_is_not_the_attachment_heading_is_not_taken_for_it(line: str) -> None:
    from extractors.form_cells import names_attachment_list

    assert not names_attachment_list(line)


def test_a_caption_year_whose_five_the_reader_takes_for_two_is_still_25xx() -> None:
    """Seen on a speckled scan: ๒๕๖๐ read by the numeral reader as 2260 (its ๕ as ๒) and by
    Tesseract as ๒ ๕๒๐, so the form's rows had no period. Every BE year of the era opens with
    ๒๕: a four-digit reading that does not is read for its last two digits."""
    from scan_caption_crops import crop

    from extractors.form_numerals import reread_caption_year
    from pipeline.numerals import default_reader

    line = crop("year_2560_five_read_as_two")
    [read] = reread_caption_year(["ประจําเดือนพฤษภาคม พ .ศ . ๒ ๕๒๐"], [(0, 0, line.shape[1], line.shape[0])],
                                 line, default_reader())
    assert detect_period(read) == "2017-05"


def test_a_caption_month_lost_by_the_block_reading_is_read_from_its_line() -> None:
    """Seen on a speckled scan: the caption band read as a block took the period line and the
    province line under it for one line and dropped the month; the rows had no period. The
    line cut to its letters and read alone keeps กรกฎาคม, and the year comes from the pixels."""
    from scan_caption_crops import crop

    from extractors.caption_month import reread_caption_month
    from extractors.form_numerals import reread_caption_year
    from pipeline.numerals import default_reader

    line = crop("month_lost_two_lines")
    box = [(0, 0, line.shape[1], line.shape[0])]
    lost = "ประจําเดือนนพ.ศ .ไต๕๒๐๐ . |"
    assert detect_period(lost) == ""
    [read] = reread_caption_month([lost], box, line)
    [read] = reread_caption_year([read], box, line, default_reader())
    assert detect_period(read) == "2017-07"


def test_a_caption_line_with_a_month_or_without_เดือน_is_left_as_read() -> None:
    """Only a line naming เดือน and no month is read again: the crop above reads กรกฎาคม, and a
    line OCR read with another month, or a line of something else, keeps its own reading."""
    from scan_caption_crops import crop

    from extractors.caption_month import reread_caption_month

    line = crop("month_lost_two_lines")
    lines = ["ประจำเดือน มีนาคม พ.ศ. ๒๕๖๔", "จังหวัดน่าน"]
    assert reread_caption_month(lines, [(0, 0, line.shape[1], line.shape[0])] * 2, line) == lines
