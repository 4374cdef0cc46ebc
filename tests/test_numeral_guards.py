"""Guards on the numeral reader's row pass, from what it did to a real JPEG scan (saraban_010):
it dropped digits a sure reading of the token's own box holds (4.2 → .2, 2567 → 257), and it
took the ก of การ for a 6 (6ารจัดตั้ง)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLES
from PIL import Image, ImageDraw, ImageFont

from flows.process import process_file
from pipeline.numerals import default_reader
from pipeline.numerals.api import _digits_inserted, _is_subsequence
from pipeline.numerals.reader import VALUES, GlyphReading
from pipeline.numerals.rows import (
    _arabic_digits_lost,
    _kept,
    _letter_taken_for_digit,
    _thai_digits_lost,
    one_written_over_three,
)
from pipeline.numerals.segment import Glyph
from pipeline.numerals.words import merge_text, reread_text, units
from pipeline.records import Word
from pipeline.synth.fonts import font_path
from pipeline.thai.chars import to_arabic


@pytest.mark.parametrize("old, new, taken", [
    pytest.param("การจัดตั้ง", "6ารจัดตั้ง", True, id="digit-before-sara-aa"),
    pytest.param("เลขรับ", "เ1ขรับ", True, id="digit-after-leading-vowel"),
    pytest.param("ที่", "ที่", False, id="unchanged"),
    pytest.param("ว๔๓๕", "ว435", False, id="digits-were-there"),
    pytest.param("จำนวน", "จำนวน 878", False, id="a-number-beside-a-word"),
])
def test_a_letter_taken_for_a_digit_is_refused(old: str, new: str, taken: bool) -> None:
    assert _letter_taken_for_digit(old, new) is taken


def _token(text: str) -> Word:
    return Word(text, 90.0, 0, 0, 10, 10, 1, 1)


@pytest.mark.parametrize("old, new, lost", [
    pytest.param("0810.7/ว4351", "01.0.7/ว451", True, id="clean-arabic-scan-thin-strokes"),
    pytest.param("1141", "1", True, id="serial-cut-short"),
    pytest.param("2567", "2561", False, id="same-count-the-readers-call"),
    pytest.param("๒๕๖๗", "256", False, id="thai-digits-tesseract-cannot-read"),
    pytest.param("ว๔3๕", "ว45", False, id="mixed-scripts"),
    pytest.param("เลขรับ", "เลขรับ", False, id="no-digits"),
    pytest.param("0023.17246261", "0023.1/\ufffd4261", False, id="slash-and-wo-read-as-digits"),
    pytest.param("0023.17246261", "0023.1/4261", True, id="a-slash-alone-explains-nothing"),
    # seed 1026 saraban_013: the `eng` half read ๐๘๑๐.๗/ว as `0810. 1/2`
    pytest.param("0810.1/2", "0810.7/\ufffd", False, id="wo-after-the-slash-read-as-a-digit"),
    pytest.param("0810.1/2", "081.7/\ufffd", True, id="and-a-digit-lost-besides"),
    pytest.param("21/5/65", "21/\ufffd/65", True, id="a-dates-slash-is-no-numbers"),
])
def test_arabic_digits_the_glyph_pass_lost_are_refused(old: str, new: str, lost: bool) -> None:
    assert _arabic_digits_lost(_token(old), _token(new)) is lost


@pytest.mark.parametrize("old, new, lost", [
    pytest.param("๑๑", "1", True, id="a-filled-in-one-left-unread"),
    pytest.param("๑๐", ",0", True, id="stamp-day-lost-its-first-digit"),
    pytest.param("๑๕", "4", False, id="a-four-tesseract-cannot-write"),
    pytest.param("๒๕๖๖", "256", False, id="a-digit-tesseract-cannot-write"),
    pytest.param("๑๒", "2", True, id="one-digit-fewer-in-order"),
    pytest.param("๑๒๓", "3", False, id="two-digits-fewer"),
    pytest.param("๑", "", False, id="no-number-left-at-all"),
    pytest.param("๑๒", "21", False, id="same-count"),
    pytest.param("๑๕๕๒๐บับ", "1552ฉบับ", False, id="a-letter-tesseract-read-as-a-digit"),
])
def test_thai_digits_tesseract_can_write_that_the_glyph_pass_lost(old: str, new: str, lost: bool) -> None:
    assert _thai_digits_lost(_token(old), _token(new)) is lost


@pytest.mark.parametrize("read, written, alternatives, agreed", [
    pytest.param("34", "๑๕", ("14",), "14", id="ink-filled-one-tesseracts-stand-in-for-four-ignored"),
    pytest.param("33", "๑๓", ("13",), "13", id="ink-filled-one-before-a-three"),
    pytest.param("3", "๑", ("1",), "1", id="a-lone-one"),
    pytest.param("33", "๑๓", ("38",), "33", id="one-not-the-passes-runner-up"),
    pytest.param("10", "๐๐", ("00",), "10", id="tesseracts-zero-is-no-evidence"),
    pytest.param("13", "๑๗", ("17",), "13", id="tesseracts-three-may-be-a-seven-either-way"),
    pytest.param("33", "๑๓๓", ("13",), "33", id="other-lengths-are-for-other-judges"),
    pytest.param("33", "๑๓ก", ("13",), "33", id="not-a-bare-number"),
])
def test_a_one_tesseract_wrote_over_the_glyph_passs_three(read: str, written: str,
                                                          alternatives: tuple[str, ...], agreed: str) -> None:
    assert one_written_over_three(read, to_arabic(written), alternatives) == agreed


def test_the_row_pass_keeps_a_one_tesseract_wrote_as_two_readers_agreeing() -> None:
    """`๑๔ แห่ง` on a bilevel 200 dpi form: Tesseract wrote ๑๕, the glyph pass 34 (runner-up 14)."""
    old = Word("๑๕", 91.0, 0, 0, 10, 10, 1, 1)
    kept = _kept(old, Word("34", 84.6, 0, 0, 10, 10, 1, 1, alternatives=("14", "24"), reread=True))
    assert (kept.text, kept.conf, kept.alternatives[0]) == ("14", 70.0, "34")


@pytest.mark.parametrize("row_pass, crop, merged", [
    pytest.param("0023.3/52", "00233/522", "0023.3/522", id="serial-digit-back-dot-kept"),
    pytest.param("0801.5/62", "08015/262", "0801.5/262", id="digit-back-inside-the-serial"),
    pytest.param("2", "22", "22", id="day-of-month"),
    pytest.param("12", "13", None, id="a-different-number"),
    pytest.param("2567", "2567", None, id="nothing-to-add"),
])
def test_digits_a_sure_crop_reading_has_beyond_the_row_pass(row_pass: str, crop: str, merged: str | None) -> None:
    assert _digits_inserted(row_pass, crop) == merged


def test_subsequence() -> None:
    assert _is_subsequence(".2", "4.2") and _is_subsequence("257", "2567")
    assert not _is_subsequence("275", "2567")


@pytest.mark.parametrize("printed, row_pass", [("4.2", ".2"), ("2567", "257"), ("๐๐๒๓.๓/๕๒๒", "0023.3/52")])
def test_digits_the_row_pass_dropped_come_back_from_the_tokens_own_box(printed: str, row_pass: str) -> None:
    page = Image.new("L", (600, 200), 255)
    font = ImageFont.truetype(str(font_path("Laksaman")), 64)
    ImageDraw.Draw(page).text((200, 60), printed, font=font, fill=0)
    ink = np.nonzero(np.asarray(page) < 128)
    top, left = int(ink[0].min()), int(ink[1].min())
    height, width = int(ink[0].max()) - top + 1, int(ink[1].max()) - left + 1
    word = Word(row_pass, 93.9, left, top, width, height, 1, 1, reread=True)
    out = default_reader()._cross_check(np.asarray(page), word)
    assert out.text == to_arabic(printed)
    assert row_pass in out.alternatives


@pytest.mark.slow
def test_sample_jpeg_scan_kpi_reads_whole(tmp_path: Path) -> None:
    """saraban_010: ตัวชี้วัดที่ 4.2 … จำนวน 878 ศูนย์ ประจำปีงบประมาณ พ.ศ. 2567."""
    _, extraction = process_file(SAMPLES / "inbox" / "saraban_010.pdf", tmp_path)
    [letter] = extraction.letters
    [kpi] = letter.indicators
    assert (kpi.code, kpi.target_value, kpi.target_unit, kpi.fiscal_year) == ("4.2", 878, "ศูนย์", 2567)
    assert kpi.name == "การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น (สถานที่กลาง)"
    assert letter.date == dt.date(2023, 11, 21)


def _rendered(printed: str, boxed: str) -> tuple[np.ndarray, Word]:
    """The page with `printed` in Laksaman, and a token over the ink of its part `boxed`."""
    page = Image.new("L", (700, 200), 255)
    font = ImageFont.truetype(str(font_path("Laksaman")), 64)
    ImageDraw.Draw(page).text((200, 60), printed, font=font, fill=0)
    before = printed[:printed.index(boxed)]
    x0 = 200 + (font.getlength(before) if before else 0)
    gray = np.asarray(page)
    ink = np.nonzero(gray[:, int(x0):int(200 + font.getlength(before + boxed))] < 128)
    top, left = int(ink[0].min()), int(x0) + int(ink[1].min())
    word = Word("", 95.0, left, top, int(x0) + int(ink[1].max()) - left + 1, int(ink[0].max()) - top + 1, 1, 1,
                reread=True)
    return gray, word


def test_a_digit_the_row_pass_dropped_inside_a_box_that_cuts_the_first_glyph() -> None:
    # saraban_001: ๐๐๒๓.๓ boxed from the middle of its first ๐; the row pass split ๓ and read 002.3.
    gray, ink = _rendered("๐๐๒๓.๓", "๐๐๒๓.๓")
    cut = ink.height // 3
    word = replace(ink, text="002.3", left=ink.left + cut, width=ink.width - cut)
    out = default_reader()._cross_check(gray, word)
    assert out.text == "0023.3" and "002.3" in out.alternatives



def _seen(value: str, x: int) -> GlyphReading:
    probs = np.full(len(VALUES), 0.001)
    probs[VALUES.index(value)] = 1.0
    return GlyphReading(Glyph(x, 0, 30, 50, np.ones((50, 30), bool)), probs / probs.sum())


def test_a_letter_after_a_slash_where_tesseract_wrote_digits_is_kept_unreadable() -> None:
    # SCAN_0002: พท ๐๐๒๓.๑/ว๔๒๖๑ read 0023.17246261 by Tesseract; the glyphs show / and a letter.
    glyphs = [_seen(v, 40 * k) for k, v in enumerate("0023.1/") ]
    glyphs += [_seen("other", 280)] + [_seen(v, 320 + 40 * k) for k, v in enumerate("4261")]
    merged, _, _ = merge_text(glyphs, units("0023.17246261"))
    assert "".join(merged) == "0023.1/\ufffd4261"
    merged, _, _ = merge_text([_seen("1", 0), _seen("other", 40), _seen("2", 80)], units("102"))
    assert "".join(merged) == "12"  # elsewhere a letter Tesseract took for a digit is dropped


def test_a_letter_after_a_slash_that_tesseract_dropped_is_kept_unreadable() -> None:
    # Seed 1026 saraban_009: ปจ ๐๐๒๓.๔/ว๓๐๓๒, its ว in no character of Tesseract's (there `11@0010`,
    # here the digits alone); the glyphs show / and a letter.
    glyphs = [_seen(v, 40 * k) for k, v in enumerate("0023.4/")]
    glyphs += [_seen("other", 280)] + [_seen(v, 320 + 40 * k) for k, v in enumerate("3032")]
    runs = frozenset(id(g.glyph) for g in glyphs if g.best not in "/other")  # the row's two numbers
    merged, _, _ = merge_text(glyphs, units("0023.4/3032"), runs)
    assert "".join(merged) == "0023.4/\ufffd3032"
    merged, _, _ = merge_text(glyphs, units("0023.4/ว"), runs)  # Tesseract wrote the mark: nothing added
    assert "\ufffd" not in "".join(merged)
    date = [_seen(v, 40 * k) for k, v in enumerate("21/")] + [_seen("other", 120), _seen("5", 160)]
    merged, _, _ = merge_text(date, units("21/5"), frozenset(id(g.glyph) for g in date if g.best in "125"))
    assert "\ufffd" not in "".join(merged)  # a date's slash: no mark stands after it


def test_a_line_split_into_rows_by_a_speck_comes_back_left_to_right() -> None:
    # SCAN_0016 (wide seed 947): a speck under เรียน made a row with it; the line read `| อธิบดีกรม… เรียน`.
    speck = Word("|", 90.0, 282, 1231, 7, 40, 7, 70101)
    label = Word("เรียน", 90.0, 359, 1139, 150, 86, 7, 70101)  # clear of the speck
    name = Word("อธิบดีกรมส่งเสริมการปกครองท้องถิน", 90.0, 529, 1125, 900, 115, 7, 70101)  # reaching it
    gray = np.full((1400, 1600), 255, np.uint8)
    out = default_reader().reread_words(gray, [speck, label, name])
    assert [w.text for w in out] == ["|", "เรียน", "อธิบดีกรมส่งเสริมการปกครองท้องถิน"]


def _count_page(printed: str, size: int = 64) -> tuple[np.ndarray, Word]:
    """`printed` in Laksaman, a token boxed over all its ink."""
    page = Image.new("L", (600, 200), 255)
    font = ImageFont.truetype(str(font_path("Laksaman")), size)
    ImageDraw.Draw(page).text((200, 60), printed, font=font, fill=0)
    gray = np.asarray(page).copy()
    ink = np.nonzero(gray < 128)
    top, left = int(ink[0].min()), int(ink[1].min())
    bottom, right = int(ink[0].max()), int(ink[1].max())
    return gray, Word("", 91.0, left, top, right - left + 1, bottom - top + 1, 1, 1)


def test_a_one_tesseract_doubled_over_no_ink_is_not_kept() -> None:
    """Seed 1023 (a 300 dpi scan): ๑๓ written ๑๑๓ by Tesseract, the glyph pass's 1 and 3 sure and
    filling the box; the count stood as 113 (then cut to 1 as more than its total)."""
    gray, word = _count_page("๑๓")
    [out] = default_reader().reread_words(gray, [replace(word, text="๑๑๓")])
    assert out.text == "13"


def test_a_one_the_glyph_pass_left_unread_is_still_kept() -> None:
    """The case the rule is for: the box holds ink the pass did not read as a digit (here the
    ๑ of ๑๑ blotted into a square), so Tesseract's second ๑ stands."""
    gray, word = _count_page("๑๑")
    blot = word.left + word.height  # the first glyph's columns, roughly a digit wide
    gray[word.top:word.top + word.height, word.left:blot - 4] = 0
    [out] = default_reader().reread_words(gray, [replace(word, text="๑๑")])
    assert out.text == "11"


@pytest.mark.parametrize("size", [40, 48])
def test_a_speck_under_the_gap_of_a_count_is_no_point(size: int) -> None:
    """Seed 1026 img031: ๑๐ with a speck under the gap between its digits read 1.0 (count 1)."""
    gray, word = _count_page("๑๐", size)
    ink = gray[:, word.left:word.left + word.width] < 128
    gap = word.left + int(np.flatnonzero(~ink.any(axis=0)).mean())
    feet = word.top + word.height
    gray[feet + 5:feet + 8, gap - 1:gap + 2] = 0
    crop = gray[word.top - 10:feet + 25, word.left - 10:word.left + word.width + 10]
    assert default_reader().read(crop).text == "10"


def test_a_point_on_the_baseline_still_reads() -> None:
    gray, word = _count_page("๔.๒")
    crop = gray[word.top - 10:word.top + word.height + 10, word.left - 10:word.left + word.width + 10]
    assert default_reader().read(crop).text == "4.2"


def _unsure(x: int, **probs: float) -> GlyphReading:
    """A glyph the pass took for a letter, with some weight on digits."""
    p = np.full(len(VALUES), 1e-6)
    for value, weight in probs.items():
        p[VALUES.index(value.lstrip("d"))] = weight
    return GlyphReading(Glyph(x, 0, 30, 50, np.ones((50, 30), bool)), p / p.sum())


def test_a_digit_given_a_glyph_taken_for_a_letter_makes_the_number_unsure() -> None:
    # saraban_035 (seed 1036): ๙ มิถุนายน ๒๕๖๗, its ๗ taken for a letter (0.58) and given a 3 (0.29).
    glyphs = [_seen(v, 40 * k) for k, v in enumerate("256")] + [_unsure(120, other=0.58, d3=0.29, d7=0.12)]
    word = reread_text(Word("2567", 100.0, 0, 0, 160, 50, 1, 1), glyphs, frozenset(id(g.glyph) for g in glyphs[:3]))
    assert word.text == "2563" and word.conf < 50
    sure = reread_text(Word("2567", 100.0, 0, 0, 160, 50, 1, 1), [_seen(v, 40 * k) for k, v in enumerate("2567")])
    assert sure.conf > 90  # four glyphs each at ~0.984


def test_the_tokens_crop_outweighs_a_guessed_digit_of_the_row_pass() -> None:
    """The same token as the row pass then has it, against its own crop: the crop's 2567 stands."""
    gray, ink = _rendered("๒๕๖๗", "๒๕๖๗")
    glyphs = [_unsure(40 * k, **{f"d{v}": 1.0}) for k, v in enumerate("256")]  # as sure as the pass can be
    glyphs.append(_unsure(120, other=0.58, d3=0.29, d7=0.12))
    row_pass = reread_text(replace(ink, text="2567"), glyphs, frozenset(id(g.glyph) for g in glyphs[:3]))
    assert default_reader()._cross_check(gray, row_pass).text == "2567"


def test_a_lone_digit_the_pass_took_for_a_letter_is_read_from_its_crop() -> None:
    # SCAN_0021 (seed 1036): ๗ มีนาคม ๒๕๖๕, its ๗ written 3 by Tesseract, taken for a letter (0.68).
    gray, ink = _rendered("๗", "๗")
    word = reread_text(replace(ink, text="3", conf=94.5), [_unsure(0, other=0.68, d7=0.27)])
    assert word.reread and word.conf < 50
    assert default_reader()._cross_check(gray, word).text == "7"
    letters = reread_text(Word("ฉบับ", 90.0, 0, 0, 30, 50, 1, 1), [_unsure(0, other=0.68, d7=0.27)])
    assert not letters.reread  # no digit written: nothing to weigh
