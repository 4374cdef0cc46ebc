"""A receiving stamp's hand-filled numbers, read by the stamp reader: dust, dotted leaders and
the ink of the stamp's tightly packed lines around them.

Stamps are rendered on letter pages and digits in Purisa (TLWG's handwriting face, as clerks
fill stamps in); where the classifier's verdict on a glyph is the point, the glyph readings are
set as they were seen on dev scans (1038 SCAN_0003; 1039 saraban_009, saraban_021, SCAN_0002,
doc20191220_142440_08, SCAN_0033).
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from pipeline.components import with_stats
from pipeline.numerals import NumeralReader, stamp_reader
from pipeline.numerals.reader import VALUES, GlyphReading
from pipeline.numerals.rows import without_neighbours
from pipeline.numerals.runs import find_runs
from pipeline.numerals.segment import Band, Glyph, binarise
from pipeline.numerals.words import merge_text, units
from pipeline.ocr.boxes import clean_box, find_boxes, reading_area
from pipeline.synth.numerals import Degrade, degrade
from pipeline.synth.pages import Stamp, stamped_letter
from tests.test_numerals import render

OFFICE = ("สนง.ท้องถิ่นอำเภอศรีมหา", "โพธิ")


@pytest.fixture(scope="module")
def reader() -> NumeralReader:
    return stamp_reader()


def _digit(text: str) -> np.ndarray:
    """A hand-written digit's ink mask (Purisa, 16 pt at 300 dpi), cut to its box."""
    ink = render(text, "Purisa", 300, 16, Degrade(), seed=1) < 128
    ys, xs = np.nonzero(ink)
    return ink[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def test_a_speck_over_a_numbers_last_digit_leaves_it_a_digit(reader: NumeralReader) -> None:
    """Dust just over the last ๕ of a stamp's `๑๕/๕/๕๕` merged with it into a "letter with a
    mark", and the year lost a digit (15/5/5): at a number's end, with a sure digit on one side
    and no glyph close on the other, the bare digit is read. Before a letter set close, the
    glyph stays whole."""
    five = _digit("๕")
    h, w = five.shape
    merged = np.zeros((h + 10, w), bool)
    merged[10:] = five
    merged[0:5, w // 2 : w // 2 + 5] = True  # the speck, 5 px over the digit
    band = Band(10.0, float(h + 10))
    left = GlyphReading(Glyph(0, 10, w, h, five), _one_hot("5"), band)
    last = GlyphReading(Glyph(w + 6, 0, w, h + 10, merged), _one_hot("other"), band)
    assert [r.best for r in reader.glyphs._bare_between_digits([left, last])] == ["5", "5"]
    letter = GlyphReading(Glyph(2 * w + 10, 10, w, h, five), _one_hot("other"), band)
    assert [r.best for r in reader.glyphs._bare_between_digits([left, last, letter])] == ["5", "other", "other"]


def test_dust_before_a_number_backs_none_of_tesseracts_digits() -> None:
    """Tesseract wrote a stamp's ๑๒๖๖ as `๑๑๒๖๖` where dust stands before it; the dust, taken
    for a letter at 0.89 and paired with the first ๑, kept it: 11266."""
    band = Band(0.0, 30.0)

    def at(x: int, value: str, p: float = 1.0, size: int = 24) -> GlyphReading:
        return GlyphReading(Glyph(x, 0, size, size, np.ones((size, size), bool)), _one_hot(value, p), band)

    glyphs = [at(0, "other", 0.89, size=5), at(12, "1"), at(40, "2"), at(68, "6"), at(96, "6")]
    merged, _, _ = merge_text(glyphs, units("๑๑๒๖๖"), frozenset(id(g.glyph) for g in glyphs[1:]))
    assert "".join(merged) == "1266"


def test_a_numbers_own_digits_take_tesseracts_digits() -> None:
    """The day `19` of a stamp, Tesseract's box running on over `ส.ค.`: the 9 of the row's
    number was left unpaired on a tie and Tesseract's 9 given to the point of ส.ค. read as a 6
    at 0.70: 196. The ว after an office's slash still keeps its letter (`/ว๕๐๔๗`)."""
    band = Band(0.0, 30.0)

    def at(x: int, value: str, p: float = 1.0) -> GlyphReading:
        return GlyphReading(Glyph(x, 0, 20, 30, np.ones((30, 20), bool)), _one_hot(value, p), band)

    glyphs = [at(0, "1"), at(22, "9"), at(60, "other"), at(82, "6", 0.7), at(104, "other"), at(126, ".")]
    merged, _, _ = merge_text(glyphs, units("19"), frozenset(id(g.glyph) for g in glyphs[:2]))
    assert "".join(merged) == "19"
    serial = [at(0, "/"), at(22, "other"), at(44, "5"), at(66, "0"), at(88, "4"), at(110, "7")]
    merged, _, _ = merge_text(serial, units("/ว๕๐๔๗"), frozenset(id(g.glyph) for g in serial[2:]))
    assert "".join(merged) == "/ว5047"


def test_a_speck_halfway_up_between_two_digits_is_no_point() -> None:
    """Dust halfway up between a hand-written day's 2 and 1 was read as its point (2.1) and the
    stamp's date was lost; a point stands on the digits' feet."""
    band = Band(0.0, 38.0)

    def at(x: int, value: str, y: int = 0, size: tuple[int, int] = (38, 26)) -> GlyphReading:
        h, w = size
        return GlyphReading(Glyph(x, y, w, h, np.ones((h, w), bool)), _one_hot(value), band)

    speck = at(30, ".", y=16, size=(4, 5))
    assert [r.text for r in find_runs([at(0, "2"), speck, at(38, "1")])] == ["21"]
    point = at(30, ".", y=34, size=(4, 5))
    assert [r.text for r in find_runs([at(0, "2"), point, at(38, "1")])] == ["2.1"]


def test_the_line_aboves_foot_is_cut_from_a_packed_rows_window() -> None:
    """A stamp's lines are packed tight: the foot of the office line above reached into the
    number's row window, cut by its top edge, and merged with the ๙ under it (read 8). Ink cut
    by the window's edge that ends in its margin goes; the row's own marks stay."""
    window = np.full((80, 120), 235, np.uint8)
    window[0:10, 40:50] = 20  # cut by the top edge, ends in the 14 px margin above the tokens
    window[20:60, 40:70] = 20  # the row's glyph
    window[16:19, 80:86] = 20  # a mark of the row's own, inside the margin but clear of the edge
    window[70:80, 10:16] = 20  # the line below's tall letter, cut by the bottom edge
    clean = without_neighbours(window, 14, 14)
    assert clean[0:10, 40:50].min() == 255 and clean[70:80, 10:16].min() == 255
    assert (clean[14:70] == window[14:70]).all()


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
