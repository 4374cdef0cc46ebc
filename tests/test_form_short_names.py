"""Rows and counts of scanned report forms whose district names are short and whose count
cells print their unit ("๑๓ แห่ง"): rendered with real fonts, degraded like a photo or a
bilevel scan, and read through the whole table path."""

from __future__ import annotations

import io

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.form_columns import Header
from extractors.form_numerals import (
    AGREED_CONFIDENCE,
    CellNumber,
    agreed_with_text,
    judged_number,
    judged_together,
    read_cell_number,
)
from extractors.form_rows import read_body
from extractors.places import RowPlace, match_district, place_by_elimination, place_district_row
from extractors.report_forms import extract_report_rows
from pipeline.numerals import default_reader
from pipeline.numerals.reader import NumeralReading
from pipeline.records import Document, Page, ReportRow, TableCell
from pipeline.synth.fonts import font_path
from pipeline.synth.tables import FormRow, render_report_form
from pipeline.tables.model import Table
from pipeline.thai.chars import to_arabic, to_thai

# พะเยา: two- and three-letter names (จุน, ปง) are where one OCR slip leaves a name unmatched.
TITLE = ["แบบรายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
         "ประจำเดือน พฤศจิกายน พ.ศ. ๒๕๖๒", "จังหวัดพะเยา"]
NAMES = ["เมืองพะเยา", "จุน", "เชียงคำ", "เชียงม่วน", "ดอกคำใต้", "ปง", "แม่ใจ", "ภูซาง", "ภูกามยาว"]
COUNTS = [(10, 3, 7), (15, 15, 0), (12, 10, 2), (5, 5, 0), (4, 2, 2), (6, 6, 0), (11, 10, 1),
          (4, 4, 0), (10, 6, 4)]
ROWS = [FormRow(str(i + 1), name, t, e, n or None) for i, (name, (t, e, n)) in
        enumerate(zip(NAMES, COUNTS, strict=True))]
EXPECTED = [(f"56{i + 1:02d}", *c) for i, c in enumerate(COUNTS)]


def _rows(image: np.ndarray) -> list[ReportRow]:
    page = Page(number=1, source="ocr", image=image, dpi=300, width=image.shape[1],
                height=image.shape[0])
    doc = Document(file_id="s", source_name="form.pdf", media="pdf", pages=[page])
    return extract_report_rows(doc, [], {1: "report_form"})


def _photographed(gray: np.ndarray, seed: int = 5) -> np.ndarray:
    """Grey, unevenly lit ground with specks, then saved as a JPEG-like blur of 1 px."""
    rng = np.random.default_rng(seed)
    h, w = gray.shape
    light = 195 + 30 * np.linspace(0, 1, w)[None, :] * np.linspace(0.3, 1, h)[:, None]
    page = np.where(gray < 128, gray.astype(float) + 35, light)
    page[rng.random((h, w)) < 0.001] = 70
    return np.clip(page, 0, 255).astype(np.uint8)


@pytest.mark.parametrize(("font", "degrade"), [
    ("Garuda", "photo"),
    ("Laksaman", "bilevel"),
])
def test_every_short_district_row_is_found_and_counted(font: str, degrade: str) -> None:
    page = np.array(render_report_form(ROWS, TITLE, dpi=200, font=font,
                                       totals=(77, 61, 16)))
    image = _photographed(page) if degrade == "photo" else np.where(page < 150, 0, 255).astype(np.uint8)
    rows = _rows(image)
    got = [(r.district_code, r.total, r.established, r.not_established) for r in rows]
    assert got == EXPECTED
    assert {r.period for r in rows} == {"2019-11"}


def _count_crop(text: str, font: str, size: int = 34) -> np.ndarray:
    face = ImageFont.truetype(str(font_path(font)), size)
    image = Image.new("L", (int(face.getlength(text)) + 40, int(size * 2)), 255)
    ImageDraw.Draw(image).text((20, size // 3), text, font=face, fill=0)
    return np.array(image)


def _jpeg(gray: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(gray).save(buffer, "JPEG", quality=quality)
    return np.array(Image.open(buffer))


def _phone_cell(gray: np.ndarray, seed: int, blur: bool) -> np.ndarray:
    """A cell of a phone photo: grey ground, sensor noise, (soft focus,) JPEG."""
    rng = np.random.default_rng(seed)
    page = np.where(gray < 128, gray.astype(float) + 50, 205) + rng.normal(0, 18, gray.shape)
    page = np.clip(page, 0, 255).astype(np.uint8)
    return _jpeg(cv2.GaussianBlur(page, (3, 3), 1.0) if blur else page, 30)


@pytest.mark.parametrize(("font", "size", "blur"), [
    ("Sawasdee", 34, False), ("Loma", 28, True), ("Tlwg Typo", 28, True), ("Garuda", 34, False),
])
def test_count_cell_with_unit_reads_no_digit_from_the_unit(font: str, size: int, blur: bool) -> None:
    """แห่ง after the number is the unit: none of its letters may add a digit (ง → ๙)."""
    reader = default_reader()
    values = [1, 4, 5, 9, 11, 12, 13, 15, 21, 104]
    got = [reader.read_count(_phone_cell(_count_crop(f"{to_thai(str(v))} แห่ง", font, size), v, blur))
           for v in values]
    longer = [(v, g.text) for v, g in zip(values, got, strict=True)
              if g is not None and len(g.text) > len(str(v))]
    assert longer == []
    assert sum(g is not None and g.value == v for v, g in zip(values, got, strict=True)) >= 8


@pytest.mark.parametrize(("printed", "code"), [
    ("จูน", "5602"),  # the vowel below swapped
    ("บง", "5606"),  # ป without its tail
    ("ถูซาง", "5608"),
    ("เชยงคา", "5603"),  # marks and the ring of ำ lost
    ("ภูกามยาว", "5609"),
])
def test_ocr_slips_in_short_names_still_match_within_the_province(printed: str, code: str) -> None:
    hit = match_district(printed, "56")
    assert hit is not None and hit.code == code


def test_a_name_matching_no_district_stays_unmatched() -> None:
    assert match_district("ขาดบุคลากร", "56") is None
    assert match_district("บง", "") is None  # nationwide, a two-letter slip is no evidence


def test_a_name_beside_debris_matches_by_its_own_word() -> None:
    # The word's letters folded (ภ/ถ, ซ/ช) match ภูซาง alone, although the debris beside it
    # sinks the whole reading below every cut-off.
    hit = place_district_row("ภฏซขาง ข่", "56")
    assert hit.district_code == "5608" and hit.corrected


def test_garbled_name_takes_the_one_district_no_other_row_took() -> None:
    labels = ["เมืองพะเยา", "จุน", "ภฏซขวง ข่", "ภูกามยาว"]
    places = [place_district_row(label, "56") for label in labels]
    assert not places[2].matched
    placed = place_by_elimination(labels, places, "56")
    assert placed[2].district_code == "5608" and placed[2].corrected
    assert [p.district_code for p in placed[:2]] == ["5601", "5602"]


def test_elimination_leaves_a_row_unmatched_when_no_free_district_is_clearly_likelier() -> None:
    labels = ["ขก", "เมืองพะเยา"]
    places: list[RowPlace] = [place_district_row(label, "56") for label in labels]
    assert place_by_elimination(labels, places, "56")[0].district_code == ""


def test_a_dash_among_specks_is_the_forms_zero() -> None:
    """A photographed "-" cell: specks all over the crop, OCR text of them ("-= ."), no digit."""
    rng = np.random.default_rng(11)
    crop = _count_crop("-", "Garuda", 44)  # 16 pt at 200 dpi
    crop = np.pad(crop, ((20, 20), (60, 60)), constant_values=255)
    h, w = crop.shape
    for y, x in zip(rng.integers(0, h - 2, 14), rng.integers(0, w - 2, 14), strict=True):
        crop[y:y + 2, x:x + 2] = 40  # dust: a pixel or two at 200 dpi
    number = read_cell_number(default_reader(), crop, "-= .")
    assert (number.value, number.confidence >= 0.9) == (0, True)
    digit = read_cell_number(default_reader(), _count_crop("๗", "Garuda", 34), "")
    assert digit.value == 7


def _cell_with(text: str, specks: list[tuple[int, int]], dots: list[tuple[int, int]] = ()
               ) -> np.ndarray:
    """A 200 dpi count cell's crop holding `text` (from x=70), with scanner specks at `specks`:
    thin 4-px smudges, as long as a third of a dash but with a fifth of its ink; and round
    2-px dots at `dots`."""
    image = Image.new("L", (250, 54), 255)
    ImageDraw.Draw(image).text((70, 0), text, font=ImageFont.truetype(font_path("Laksaman"), 36),
                               fill=0)
    gray = np.array(image)
    for x, y in specks:
        cv2.line(gray, (x, y), (x + 3, y + 3), 40, 1)
    for x, y in dots:
        cv2.circle(gray, (x, y), 1, 40, -1)
    return gray


def _glyph_boxes(gray: np.ndarray) -> list[tuple[int, int, int, int]]:
    """x, y, w, h of each ink blob, left to right."""
    _, _, stats, _ = cv2.connectedComponentsWithStats((gray < 128).astype(np.uint8))
    return sorted((int(x), int(y), int(w), int(h)) for x, y, w, h, _ in stats[1:])


@pytest.mark.parametrize(("printed", "where"), [
    pytest.param("๑๐", "under", id="dot-under-zero-is-no-tail"),
    pytest.param("๑๔", "between", id="dot-between-digits-is-no-decimal-point"),
])
def test_a_dot_by_a_counts_digits_is_dust(printed: str, where: str) -> None:
    """Seen on 200 dpi scans: ๑๐ read as 11 or 16 (a dot under ๐ taken for the tail of ๑/๖) and
    ๑๔ as 1.4, so no count at all."""
    clean = _cell_with(f"{printed} แห่ง", [])
    first, second = _glyph_boxes(clean)[:2]
    x, y = (second[0] + second[2] - 3, second[1] + second[3] + 3) if where == "under" else (
        (first[0] + first[2] + second[0]) // 2, second[1] + second[3])
    number = read_cell_number(default_reader(), _cell_with(f"{printed} แห่ง", [], [(x, y)]), "")
    assert number.value == int(to_arabic(printed))


def test_a_dash_beside_specks_a_third_its_length_is_zero() -> None:
    # Seen on a 200 dpi bilevel scan: a 10-px dash with dots as long as a third of it around it.
    specks = [(20, 3), (135, 40), (140, 10)]
    number = read_cell_number(default_reader(), _cell_with("-", specks), "=")
    assert (number.value, number.confidence) == (0, 0.9)


@pytest.mark.parametrize("speck", [(27, 84), (10, 40)], ids=["above-it", "far-from-it"])
def test_a_thick_dash_with_specks_is_the_forms_zero(speck: tuple[int, int]) -> None:
    """Blur makes a 200 dpi dash 11x4 px; specks around it, and OCR read the
    cell as "="."""
    gray = np.full((87, 250), 255, np.uint8)
    gray[54:58, 119:130] = 30
    y, x = speck
    gray[y:y + 3, x:x + 3] = 60
    gray[67:70, 175:178] = 60
    number = read_cell_number(default_reader(), gray, "=")
    assert (number.value, number.confidence) == (0, 0.9)


def test_a_digit_among_specks_is_no_dash() -> None:
    number = read_cell_number(default_reader(), _cell_with(to_thai("4"), [(20, 3)]), "")
    assert number.value == 4


def test_a_speck_taken_for_a_letter_between_two_digits_splits_no_count(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen on a 200 dpi scan of "๑๕ แห่ง": a 3x2 px speck between ๑ and ๕, which the model
    took for a letter ('other'), cut the count into 1 and 5, and 1 stood."""
    from pipeline.numerals.reader import VALUES, GlyphReading
    from pipeline.numerals.segment import Band, Glyph

    def read(value: str, x: int, y: int, w: int, h: int) -> GlyphReading:
        probs = np.zeros(len(VALUES), np.float32)
        probs[VALUES.index(value)] = 1.0
        return GlyphReading(Glyph(x, y, w, h, np.ones((h, w), bool)), probs, Band(35.0, 67.0))

    glyphs = [read("1", 51, 45, 24, 23), read("other", 79, 38, 3, 2), read("5", 82, 35, 27, 32)]
    reader = default_reader()
    # The glyphs as the model classed them on that scan; the rest of the count path as it is.
    monkeypatch.setattr(reader.cell_glyphs, "_classify", lambda *_: glyphs)
    reading = reader.read_count(np.full((87, 250), 255, np.uint8))
    assert reading is not None and reading.value == 15


def test_an_unsure_tall_digit_does_not_make_the_sure_ones_dust(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen on a 200 dpi scan of "๑๐ แห่ง": the unit's ง, with its tail, taken for a 3 at
    p 0.56 and twice as tall as ๑๐, set the digits' size, and ๑๐ became dust (read: 3)."""
    from pipeline.numerals.reader import VALUES, GlyphReading
    from pipeline.numerals.segment import Band, Glyph

    def read(value: str, p: float, x: int, y: int, w: int, h: int) -> GlyphReading:
        probs = np.zeros(len(VALUES), np.float32)
        probs[VALUES.index(value)] = p
        probs[VALUES.index("other")] += 1.0 - p
        return GlyphReading(Glyph(x, y, w, h, np.ones((h, w), bool)), probs, Band(40.0, 68.0))

    glyphs = [read("1", 1.0, 71, 45, 24, 23), read("0", 1.0, 103, 45, 24, 22),
              read("other", 1.0, 151, 39, 11, 28), read("other", 1.0, 175, 24, 26, 44),
              read("3", 0.56, 204, 22, 17, 58)]
    reader = default_reader()
    monkeypatch.setattr(reader.cell_glyphs, "_classify", lambda *_: glyphs)
    reading = reader.read_count(np.full((87, 292), 255, np.uint8))
    assert reading is not None and reading.value == 10


@pytest.mark.parametrize(("read", "text", "taken"), [
    (CellNumber(31, 0.31, "๓๑", [11, 33]), 11, 11),    # ๑๑ on a photo: the reader unsure, Tesseract's 11 among its readings
    (CellNumber(10, 0.9, "๑๐", [11]), 11, 10),          # the reader sure: its reading stands (but for ๓ over ๑)
    (CellNumber(9, 0.34, "๙", [3]), 15, 9),             # Tesseract's 15 is no reading of the reader's
    (CellNumber(36, 0.4, "๓๖", [32]), 32, 36),          # Tesseract prints ๖ as ๒: its 2 is no evidence
    (CellNumber(30, 0.5, "๓๐", [10]), None, 30),        # no digits in the text
    (CellNumber(34, 0.85, "๓๔", [14]), 15, 14),         # ink-filled ๑๔, however sure: Tesseract's ๑ (its ๕ a stand-in)
    (CellNumber(33, 0.955, "๓๓", [13]), 13, 13),        # ink-filled ๑๓
    (CellNumber(34, 0.85, "๓๔", [24]), 15, 34),         # 1 not the reader's runner-up
])
def test_an_unsure_cell_reading_takes_the_alternative_tesseract_spelt(read: CellNumber, text: int | None,
                                                                       taken: int) -> None:
    judged = agreed_with_text(read, text)
    assert judged.value == taken
    if taken != read.value:
        assert read.value in judged.alternatives and judged.confidence == AGREED_CONFIDENCE


@pytest.mark.parametrize(("first", "again", "value", "other"), [
    (CellNumber(3, 0.967, "3"), CellNumber(8, 0.399, "8"), 3, 8),     # ๓ with a speck above: the loose crop's ๘ unsure
    (CellNumber(3, 0.427, "3"), CellNumber(7, 1.0, "7"), 7, 3),       # a lone ๗ cut tight read as ๓, unsure
    (CellNumber(30, 0.845, "30 แห่ง"), CellNumber(70, 0.934, "70", [90]), 70, 30),
    (CellNumber(None, 0.0, "๓x"), CellNumber(3, 0.5, "3"), 3, None),  # the tight reading no count
    (CellNumber(12, 0.9, "12"), CellNumber(12, 0.7, "12", [17]), 12, None),  # agreed: the re-read as it was
])
def test_two_readings_of_a_count_cell_are_judged_together(first: CellNumber, again: CellNumber,
                                                          value: int, other: int | None) -> None:
    judged = judged_together(first, again)
    assert judged.value == value
    assert judged.confidence == max(first.confidence, again.confidence) or judged is again
    if other is not None:
        assert judged.alternatives[0] == other


def test_a_tie_between_the_two_readings_goes_to_the_cell_read_again() -> None:
    assert judged_together(CellNumber(16, 0.9, "16"), CellNumber(10, 0.9, "10")).value == 10


def test_a_page_table_cell_gives_its_count_as_it_read_it() -> None:
    box = (0, 0, 80, 40)
    assert judged_number(TableCell(3, 4, "-", None, None, box)).value == 0
    assert (judged_number(TableCell(3, 4, "13 แห่ง", 13.0, 0.93, box)).value, 0.93) == (13, 0.93)
    decimal = judged_number(TableCell(3, 4, "1.5", 1.5, 0.99, box))
    assert (decimal.value, decimal.confidence) == (None, 0.0)
    assert judged_number(TableCell(3, 4, "-54 แห่ง", -54.0, 0.83, box)).value is None  # a rule remnant as a minus


class _StubReader:
    """Reads every crop as one fixed number."""

    def __init__(self, text: str, confidence: float) -> None:
        self.reading = NumeralReading(text, int(text), confidence)

    def read(self, gray: np.ndarray) -> NumeralReading:
        return self.reading

    def read_count(self, gray: np.ndarray) -> NumeralReading:
        return self.reading


def test_a_count_the_page_tables_read_is_judged_with_the_crops_own_reading() -> None:
    """One count per cell: a body row's count cell taken from the page-table stage (`judged`)
    and read again from its crop comes out once, the surer reading standing."""
    image = np.full((200, 400), 255, np.uint8)
    image[120:140, 300:310] = 0  # ink in the count cell, so the crop is read at all
    boxes = [[(0, 0, 200, 100), (200, 0, 400, 100)], [(0, 100, 200, 200), (200, 100, 400, 200)]]
    cell = TableCell(1, 1, "3", 3.0, 0.967, boxes[1][1])
    table = Table(cells=[["อำเภอ", "ยังไม่จัดตั้ง"], ["ท่าช้าง", "3"]], source="ruled", boxes=boxes,
                  image=image, judged={(1, 1): cell})
    header = Header(roles={"district": 0, "not_established": 1}, first_row=0, data_row=1)
    [row] = read_body(table, header, _StubReader("8", 0.399)).rows
    assert (row.numbers["not_established"].value, row.numbers["not_established"].alternatives) == (3, [8])
    [row] = read_body(table, header, _StubReader("8", 0.99)).rows
    assert row.numbers["not_established"].value == 8


def test_a_dash_among_specks_stays_the_forms_zero_whatever_the_page_tables_read() -> None:
    """The page-table stage counts a dash only alone; with specks around it, it read the stroke
    as a sure 1 (0.94). The cell's own crop is a dash: the form's zero stands."""
    image = np.full((200, 400), 235, np.uint8)
    image[150:153, 290:305] = 30  # the dash, 15x3
    for y, x in [(125, 310), (135, 312), (160, 280), (170, 300)]:
        image[y:y + 2, x:x + 2] = 40  # specks
    boxes = [[(0, 0, 200, 100), (200, 0, 400, 100)], [(0, 100, 200, 200), (200, 100, 400, 200)]]
    cell = TableCell(1, 1, "1", 1.0, 0.942, boxes[1][1])
    table = Table(cells=[["อำเภอ", "จัดตั้งแล้ว"], ["นาวัว", "1"]], source="ruled", boxes=boxes,
                  image=image, judged={(1, 1): cell})
    header = Header(roles={"district": 0, "established": 1}, first_row=0, data_row=1)
    [row] = read_body(table, header, default_reader()).rows
    assert row.numbers["established"].value == 0


def test_a_hairline_dash_among_dark_dust_on_a_photo_is_the_forms_zero() -> None:
    """As cropped from a 150 dpi phone photo: the dash is an 8x1 hair, the dust 2-3 px dots as
    dark as it (each half its ink), and a digit's stroke is no dot."""
    crop = np.full((54, 163), 225, np.uint8)
    crop[34, 78:86] = 90  # the dash
    for x, y, w, h in [(96, 1, 2, 2), (150, 18, 2, 2), (136, 26, 2, 2), (83, 45, 2, 2), (9, 16, 3, 2)]:
        crop[y:y + h, x:x + w] = 20
    assert read_cell_number(default_reader(), crop, "วา").value == 0
    crop[20:34, 120:122] = 20  # a stroke as tall as a quarter of the cell is not dust
    assert read_cell_number(default_reader(), crop, "วา").value != 0


@pytest.mark.parametrize(("printed", "font", "strip_read", "flagged"), [
    pytest.param("กะปง", "Garuda", "กะบง", False, id="ocr-confused-p-with-b"),
    pytest.param("ระแงะ", "Laksaman", "ระแงง", False, id="ocr-doubled-a-letter"),
    pytest.param("ไทธโยค", "Laksaman", "ไทธโยค", True, id="a-misprint-reads-the-same-again"),
])
def test_a_name_unlike_the_gazetteers_is_read_again_from_its_cell(printed: str, font: str, strip_read: str,
                                                                  flagged: bool) -> None:
    """The strip reading of a cell (`strip_read`) names the district with a letter off. Its crop
    is read again alone and enlarged: the printed name comes back letter for letter when OCR was
    to blame, and the row keeps no flag; a misprint reads the same and stays flagged."""
    from extractors.form_columns import Header
    from extractors.form_context import FormContext
    from extractors.form_rows import RawRow
    from extractors.report_forms import _Logical, _read_again

    province = {"กะปง": "82", "ระแงะ": "96", "ไทธโยค": "71"}[printed]
    table = _Logical(FormContext(), Header(roles={"district": 1}, first_row=0, data_row=1))
    raw = RawRow(cells={}, label=strip_read, label_crop=_count_crop(printed, font, 40))
    place = place_district_row(strip_read, province)
    assert place.matched and place.corrected
    again = _read_again(table, raw, place, province)
    assert (again.district_code, again.corrected) == (place.district_code, flagged)


@pytest.mark.parametrize(("strip_read", "province", "readings", "flagged"), [
    pytest.param("อัมฟวา .", "75", ["อัมฟวา .", "อัมพวา . '", "อัมฟวา . ๊"], True, id="misprint-read-again-then-right-once"),
    pytest.param("ลอมบึง", "70", ["ลอมบึง 0", "จอมบึง 7", "จอมบึง 70"], False, id="ocr-confusion-read-again-then-right"),
    pytest.param("นาหทว้า", "48", ["นาหวัวา", "นาหว้า", "นาหว้า ."], False, id="ocr-slip-read-otherwise-then-right"),
    pytest.param("ทุ่งหัวข้าง", "51", ["ทุ่งหัวช้าง", "ทุ่งหัวข้าง", "ทุ่งหัวข้าง ."], False, id="right-at-once"),
    pytest.param("กงทหรา", "93", ["กงหรา", "กงทหรา :", "กงทรา :"], False, id="ink-read-as-a-letter-right-at-once"),
])
def test_a_reading_that_repeats_the_strips_settles_a_misprint(strip_read: str, province: str, readings: list[str],
                                                             flagged: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """As read on scans: a misprint's cell read alone repeats the strip's letters before an
    enlarged read takes ฟ for พ; OCR's slips are read right at once, or after a repeat differ
    from the place's letters only as Tesseract's confusions do."""
    from extractors import report_forms
    from extractors.form_columns import Header
    from extractors.form_context import FormContext
    from extractors.form_rows import RawRow

    monkeypatch.setattr(report_forms, "reread_line", lambda crop: iter(readings))
    table = report_forms._Logical(FormContext(), Header(roles={"district": 1}, first_row=0, data_row=1))
    raw = RawRow(cells={}, label=strip_read, label_crop=np.zeros((4, 4), np.uint8))
    place = place_district_row(strip_read, province)
    assert place.matched and place.corrected
    assert report_forms._read_again(table, raw, place, province).corrected == flagged


def test_a_digit_broken_at_its_waist_is_read_whole() -> None:
    """As scanned: ๑๔ whose ๔ lost a thin band of ink across its middle. Its two halves are one
    glyph; measured before they were joined, they set the digits' height to half a ๔, so the
    whole ๔ looked two digits wide, was cut up into letters, and the cell read 1."""
    crop = _count_crop("๑๔", "Laksaman", 44)
    ink = np.flatnonzero((crop < 128).any(axis=0))
    right = ink[ink > ink.mean()]  # the ๔'s columns
    rows = np.flatnonzero((crop[:, right] < 128).any(axis=1))
    waist = (rows[0] + rows[-1]) // 2
    crop[waist - 1:waist + 2, right.min():right.max() + 1] = 255
    number = read_cell_number(default_reader(), crop, "")
    assert number.value == 14


def test_ink_joined_under_a_digit_does_not_stretch_the_cells_band() -> None:
    """As scanned: a speck half a digit under a 1 is joined to it as one glyph; the band
    measured with it was half again too tall, and the 1 was taken for noise."""
    crop = _count_crop("1.", "Laksaman", 44)
    ink = np.argwhere(crop < 128)
    stem = ink[ink[:, 1] < ink[:, 1].min() + 4]  # the 1's leftmost columns
    x, bottom = int(stem[:, 1].min()), int(stem[:, 0].max())
    crop = np.pad(crop, ((0, 20), (0, 0)), constant_values=255)
    crop[bottom + 15:bottom + 17, x + 2:x + 6] = 30  # a speck half a digit under it
    assert read_cell_number(default_reader(), crop, "1.").value == 1


def _by_order(province: str, code: str) -> RowPlace:
    from dataclasses import replace

    from extractors.places import _gazetteer_place, _row_place
    return replace(_row_place(province, _gazetteer_place(province, code), "", False), by_order=True)


@pytest.mark.parametrize(("printed", "province", "strip_read", "guess", "placed", "settled"), [
    pytest.param("เทศบาลเมืองสงขลา", "90", "ศศ", None, ("9001", "เทศบาลเมืองสงขลา"), True, id="unread-municipality"),
    pytest.param("ขุนยวม", "58", "เปอ", "5802", ("5802", ""), True, id="placed-by-order-confirmed"),
    pytest.param("ขุนยวม", "58", "เปอ", "5803", ("5803", ""), False, id="placed-by-order-read-otherwise"),
])
def test_a_label_the_strip_did_not_name_is_read_again_from_its_cell(
        printed: str, province: str, strip_read: str, guess: str | None, placed: tuple[str, str],
        settled: bool) -> None:
    """Seeds 1036 and 1032: the strip read a label as letters naming no place (`ศศ` for
    เทศบาลเมืองสงขลา on a photographed form, `เปอ` for ขุนยวม). The cell read alone names it:
    the row is placed by its name, unflagged, not left unplaced (place_unread) or placed by its
    position (place_inferred). A reading that names another place than the order's guess leaves
    the guess, and its flag, standing."""
    from extractors.form_context import FormContext
    from extractors.form_rows import RawRow
    from extractors.report_forms import _Logical, _read_again

    table = _Logical(FormContext(), Header(roles={"district": 1}, first_row=0, data_row=1))
    raw = RawRow(cells={}, label=strip_read, label_crop=_count_crop(printed, "Laksaman", 40))
    place = _by_order(province, guess) if guess else place_district_row(strip_read, province)
    assert not place.matched or place.by_order
    again = _read_again(table, raw, place, province)
    assert (again.district_code, again.unit_label) == placed
    assert (again.matched and not again.corrected and not again.by_order) == settled


@pytest.mark.parametrize("font", ["Laksaman", "Garuda"])
def test_a_misprint_the_strip_did_not_name_is_not_cleared_when_read_again(font: str) -> None:
    """ปราณปุรี printed (ป for บ) and lost by the strip: read alone it may come back as the place
    (ปราณบุรี); the ink holds the misprint, so the row stays flagged, one way or the other."""
    from extractors.form_context import FormContext
    from extractors.form_rows import RawRow
    from extractors.report_forms import _Logical, _read_again

    table = _Logical(FormContext(), Header(roles={"district": 1}, first_row=0, data_row=1))
    raw = RawRow(cells={}, label="ศศ", label_crop=_count_crop("ปราณปุรี", font, 40))
    again = _read_again(table, raw, place_district_row("ศศ", "77"), "77")
    assert not again.matched or again.corrected
