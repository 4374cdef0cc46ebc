"""A receiving stamp's hand-filled numbers, read by the stamp reader: dust, dotted leaders and
the ink of the stamp's tightly packed lines around them.

Lines are rendered in Purisa (TLWG's handwriting face, as clerks fill stamps in), with the
specks and neighbouring ink seen on dev scans put where they were seen (1038 SCAN_0003,
1039 saraban_009, saraban_021, SCAN_0002).
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from pipeline.components import with_stats
from pipeline.numerals import NumeralReader, stamp_reader
from pipeline.numerals.reader import VALUES, GlyphReading
from pipeline.numerals.runs import find_runs
from pipeline.numerals.segment import Band, Glyph, binarise
from pipeline.ocr.boxes import clean_box, find_boxes, reading_area
from pipeline.synth.numerals import Degrade, degrade
from pipeline.synth.pages import Stamp, stamped_letter
from tests.test_numerals import render_line, token

OFFICE = ("สนง.ท้องถิ่นอำเภอศรีมหา", "โพธิ")


@pytest.fixture(scope="module")
def reader() -> NumeralReader:
    return stamp_reader()


def _speck(page: np.ndarray, x: int, y: int, size: int = 5) -> np.ndarray:
    out = page.copy()
    out[y : y + size, x : x + size] = 20
    return out


def _texts(reader: NumeralReader, page: np.ndarray, words: list) -> list[str]:
    return [w.text for w in reader.reread_words(page, words)]


def test_a_speck_over_a_dates_last_digit_leaves_it_a_digit(reader: NumeralReader) -> None:
    """Dust just over the last ๕ of `๑๕/๕/๕๕` merged with it into a "letter with a mark", and the
    year lost a digit (15/5/5): at a number's end, a sure digit on one side and nothing close on
    the other, the bare digit is read."""
    page, (label, sp, date, end) = render_line(["วันที่", " ", "๑๕/๕/๕๕", "   "], font="Purisa")
    h = date[3] - date[1]
    page = _speck(page, date[2] - h // 2, date[1] - h // 4)
    assert _texts(reader, page, [token("วันที่", label[0], label[2]), token("๑๕/๕/๕๕", date[0], date[2])])[1] \
        == "15/5/55"


def test_dust_before_a_number_backs_none_of_tesseracts_digits(reader: NumeralReader) -> None:
    """Tesseract wrote the stamp's ๑๒๖๖ with its ๑ twice where a speck stands before it; the
    speck, paired with the first ๑, kept it (11266)."""
    page, (label, sp, number, end) = render_line(["เลขรับ", "  ", "๑๒๖๖", "  "], font="Purisa")
    h = number[3] - number[1]
    page = _speck(page, number[0] - h // 3, number[1])
    words = [token("เลขรับ", label[0], label[2]), token("๑๑๒๖๖", number[0] - h // 2, number[2])]
    assert _texts(reader, page, words)[1] == "1266"


def test_a_speck_halfway_up_between_two_digits_is_no_point(reader: NumeralReader) -> None:
    """Dust halfway up between a hand-written day's 2 and 1 was read as its point (2.1), and the
    stamp's date was lost; a point stands on the digits' feet."""
    page, (label, sp, day, rest, month) = render_line(["วันที่", " ", "2", "1", " พ.ค. 54"], font="Purisa")
    page = _speck(page, (day[2] + rest[0]) // 2 - 2, (day[1] + day[3]) // 2 - 3, size=4)
    words = [token("วันที่", label[0], label[2]), token("21", day[0], rest[2])]
    assert _texts(reader, page, words)[1] == "21"
    x0, y0, x1, y1 = day[0] - 10, day[1] - 10, rest[2] + 10, day[3] + 10
    assert reader.read(page[y0:y1, x0:x1]).text == "21"


def test_the_line_aboves_foot_is_no_part_of_a_digit(reader: NumeralReader) -> None:
    """A stamp's lines are packed tight: the foot of the office line above reached into the
    number's row window, cut by its top edge, and merged with the ๙ under it (read 8)."""
    page, (label, sp, number, end) = render_line(["เลขรับ", "  ", "๓๙๓๕", "  "], font="Purisa")
    word = token("๓๙๓๕", number[0], number[2])
    h = number[3] - number[1]
    nine = number[0] + (number[2] - number[0]) // 4
    page = page.copy()
    # ink from above the window down into its top margin, over the ๙, ending above the token
    page[word.top - 20 : word.top - 4, nine + 2 : nine + 8] = 20
    assert word.top - 4 < number[1] - h // 6
    assert _texts(reader, page, [token("เลขรับ", label[0], label[2]), word])[1] == "3935"


def _one_hot(value: str, p: float = 1.0) -> np.ndarray:
    probs = np.zeros(len(VALUES), dtype=np.float32)
    probs[VALUES.index(value)] = p
    probs[VALUES.index("other" if value != "other" else "noise")] += 1.0 - p
    return probs


def test_a_lone_unsure_digit_between_letters_is_no_number() -> None:
    """The point of a hand-written `ส.ค.` read as a 6 at 0.70 became a number, and the day
    before it took it (`19` → 196); a sure lone digit, or one after a space, stays one."""
    band = Band(0.0, 30.0)
    box = np.ones((30, 20), bool)

    def at(x: int, value: str, p: float = 1.0) -> GlyphReading:
        return GlyphReading(Glyph(x, 0, 20, 30, box), _one_hot(value, p), band)

    row = [at(0, "1"), at(22, "9"), at(80, "other"), at(102, "6", 0.7), at(124, "other")]
    assert [r.text for r in find_runs(row)] == ["19"]
    sure = [*row[:3], at(102, "6"), row[4]]
    assert [r.text for r in find_runs(sure)] == ["19", "6"]
    spaced = [*row[:3], at(140, "6", 0.7), at(162, "other")]
    assert [r.text for r in find_runs(spaced)] == ["19", "6"]


def test_a_point_beside_a_dates_slash_is_a_speck() -> None:
    """A speck on the feet between a hand-written date's slash and its month (`28/.7/63`) made
    the date unreadable; the slash stands, the point goes. A point alone between digits stays."""
    band = Band(0.0, 30.0)

    def at(x: int, value: str, w: int = 14, y: int = 0, h: int = 30) -> GlyphReading:
        return GlyphReading(Glyph(x, y, w, h, np.ones((h, w), bool)), _one_hot(value), band)

    date = [at(0, "2"), at(16, "8"), at(32, "/"), at(48, ".", 3, 27, 3), at(53, "7"), at(69, "/"), at(85, "6")]
    assert [r.text for r in find_runs(date)] == ["28/7/6"]
    decimal = [at(0, "4"), at(16, ".", 3, 27, 3), at(21, "2")]
    assert [r.text for r in find_runs(decimal)] == ["4.2"]


def _stamp_crop(office: tuple[str, ...], number: str, date: str, scale: float, damage: Degrade) -> np.ndarray:
    """The reading area of a stamp on a rendered letter page, scanned at `scale` with `damage`."""
    page, _ = stamped_letter(Stamp(office, number, date, "๑๕.๐๐ น."))
    gray = np.asarray(page.convert("L"))
    [box] = find_boxes(gray)
    x0, y0, x1, y1 = reading_area(box, gray.shape)
    crop = cv2.resize(gray[y0:y1, x0:x1], None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return degrade(crop, None, damage, np.random.default_rng(0))[0]


def _dots(gray: np.ndarray) -> int:
    """Dot-sized ink in the numeral reader's own threshold."""
    n, _, stats, _ = with_stats(binarise(gray).astype(np.uint8))
    return sum(max(stats[i, 2], stats[i, 3]) <= 10 for i in range(1, n))


def test_a_leaders_dots_go_with_their_grey_rims() -> None:
    """A scan thickens and blurs each dot of a leader: cut through as a rule first, or painted
    out to its dark core only, its rest came back as specks in the numeral reader's threshold
    (`21` written over a leader read 2.1). Leaders go first, with their rims."""
    crop = _stamp_crop(OFFICE, "๓๒๙๗", "๑๒ ธ.ค. ๒๕๖๔", 1.0, Degrade(bold=1, blur=1.2))
    assert _dots(crop) > 60
    assert _dots(clean_box(crop)) <= 8


def test_a_stamps_text_rows_are_no_rules() -> None:
    """Thickened to bridge a tilted rule's steps, a row of text across a small stamp runs a
    third of its width and was erased through its middle (`จังหวัดกระบี่`); only runs along the
    box's top and bottom are its rules."""
    office = ("สนง.ส่งเสริม", "การปกครองท้องถิ่น", "จังหวัดกระบี่")
    crop = _stamp_crop(office, "๓๙๓๕", "๙/๓/๕๕", 0.6, Degrade(bold=1, blur=0.8))
    height, width = crop.shape
    office_lines = (slice(int(0.1 * height), int(0.5 * height)), slice(int(0.06 * width), int(0.85 * width)))
    clean = clean_box(crop)
    assert binarise(clean)[office_lines].sum() >= 0.98 * binarise(crop)[office_lines].sum()
    assert clean[:3].min() > 200 and clean[-3:].min() > 200  # the rules went
