"""Lone digits read from specks, dropped from KPI code lines (pipeline/ocr/speck_digits).

Boxes as seen on wide seeds 1033 img006 and 1039 img010: `ตัวชี้วัดที่ 6 4`, `ตัวชี้วัดที่ 6 0`, the
second digit a 2×2 pixel box on a line whose tokens stand 50 pixels tall.
"""

from __future__ import annotations

from extractors.indicators import extract_indicators
from extractors.kpi_lines import kpi_code_line_ids
from pipeline.ocr.speck_digits import drop_speck_digits, speck_digits
from pipeline.ocr.tesseract import text_from_tokens
from pipeline.records import Page, Word


def _line(speck: tuple[int, int], reread: bool = False) -> list[Word]:
    w, h = speck
    return [Word("พ.ศ.", 90, 1700, 2300, 90, 52, 1, 3), Word("2563", 95, 1800, 2300, 110, 50, 1, 3),
            Word("ตัวชี้วัดที่", 92, 1920, 2290, 100, 62, 1, 3), Word("6", 99, 2036, 2307, 30, 51, 1, 3, reread=True),
            Word("4", 45, 2136, 2294, w, h, 1, 3, reread=reread),
            Word("การประเมินผล", 90, 300, 2400, 300, 55, 1, 4)]


def test_a_digit_boxed_like_a_speck_is_dropped_from_a_kpi_code_line() -> None:
    page = Page(number=1, source="ocr", words=_line((2, 2)))
    assert kpi_code_line_ids(page) == [3]
    assert [w.text for w in drop_speck_digits(page, [3])] == ["4"]
    assert "6 4" not in page.raw_text
    assert [k.code for k in extract_indicators(page.raw_text, 1, None)] == ["6"]


def test_a_digit_of_a_digits_size_or_one_the_numeral_pass_read_stays() -> None:
    assert speck_digits(_line((28, 50))[:5]) == []
    assert speck_digits(_line((2, 2), reread=True)[:5]) == []


def test_without_the_drop_the_speck_reads_as_a_code_whose_point_was_lost() -> None:
    """Why the box must decide: as text, `6 4` is `5 1` with its point lost to a space."""
    page = Page(number=1, source="ocr", words=_line((2, 2)))
    assert [k.code for k in extract_indicators(text_from_tokens(page.words), 1, None)] == ["6.4"]
