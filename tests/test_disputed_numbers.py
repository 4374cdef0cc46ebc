"""Numbers the two readers disputed on Thai print, settled by their ink words
(pipeline/ocr/disputed_numbers).

Readings as seen on generated scans of this stop: a KPI letter's ๗,๐๐๐ แห่ง came out `61,000`
(Tesseract's `eng` half, kept over the glyph pass's `7,000` for having more digits), its ร้อยละ ๙๐
`50` (the glyph pass: `0`), and its date's ๑๙ `15`.
"""

from __future__ import annotations

import pytest

from extractors.number_lines import is_better_numbers
from pipeline.numerals import default_reader
from pipeline.ocr.disputed_numbers import disputed, disputed_line_ids, settle_disputed
from pipeline.records import Page, Word
from tests.test_numerals import render_line, token


def _page(segments: list[str], texts: list[str], alternatives: list[tuple[str, ...]]) -> Page:
    gray, boxes = render_line(segments)
    words = [Word(**{**vars(token(text, box[0], box[2], line=4)), "alternatives": alts})
             for text, box, alts in zip(texts, boxes, alternatives, strict=True)]
    return Page(number=1, source="ocr", words=words, image=gray)


@pytest.mark.parametrize(("segments", "read", "glyph_pass", "settled"), [
    (["จำนวน ", "๗,๐๐๐", " แห่ง"], "61,000", "7,000", "7,000"),
    (["ร้อยละ ", "๙๐", " และ"], "50", "0", "90"),
    (["วันที่ ", "๑๙", " พฤษภาคม"], "15", "1", "19"),
])
def test_a_thai_print_number_the_readers_disputed_is_read_from_its_ink_word(
        segments: list[str], read: str, glyph_pass: str, settled: str) -> None:
    page = _page(segments, [segments[0].strip(), read, segments[2].strip()], [(), (glyph_pass,), ()])
    assert disputed_line_ids(page) == [4]
    assert settle_disputed(page, [4], default_reader(), is_better_numbers) == [4]
    number = page.words[1]
    assert number.text == settled and read in number.alternatives and number.reread
    assert settled in page.raw_text


def test_on_arabic_print_tesseracts_reading_stands() -> None:
    """Its `eng` half reads Arabic print well: the glyph pass lost the digit, not Tesseract."""
    page = _page(["จำนวน ", "61,000", " แห่ง"], ["จำนวน", "61,000", "แห่ง"], [(), ("1,000",), ()])
    words = list(page.words)
    assert settle_disputed(page, [4], default_reader(), is_better_numbers) == []
    assert page.words == words


def test_a_judge_that_refuses_leaves_the_line_alone() -> None:
    page = _page(["จำนวน ", "๗,๐๐๐", " แห่ง"], ["จำนวน", "61,000", "แห่ง"], [(), ("7,000",), ()])
    assert settle_disputed(page, [4], default_reader(), lambda old, new: False) == []
    assert page.words[1].text == "61,000"


def test_only_tokens_kept_against_the_glyph_pass_are_disputed() -> None:
    assert disputed(Word("61,000", 90, 0, 0, 10, 10, alternatives=("7,000",)))
    assert not disputed(Word("7,000", 90, 0, 0, 10, 10, alternatives=("61,000",), reread=True))
    assert not disputed(Word("แห่ง", 90, 0, 0, 10, 10, alternatives=("แท่ง",)))
    assert not disputed(Word("2567", 90, 0, 0, 10, 10))
