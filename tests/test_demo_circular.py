"""The example circular `saraban-run` drops into an empty inbox, read end to end: the first
thing a new user sees. Rendered, scanned, OCR'd, re-read, extracted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.header_lines import count_line_ids
from extractors.letter_terms import FISCAL_YEAR
from flows.process import process_file
from pipeline.records import Page, Word
from pipeline.synth.demo import write_circular


@pytest.mark.slow
def test_demo_circular_reads_whole(tmp_path: Path) -> None:
    _, extraction = process_file(write_circular(tmp_path / "circular.pdf"), tmp_path)
    [letter] = extraction.letters
    assert (letter.doc_number, letter.date, letter.urgency) == ("มท 0810.7/ว 1055", dt.date(2018, 2, 26), "ด่วนที่สุด")
    assert [(r.doc_number, r.date) for r in letter.references] == [("มท 0810.7/ว 435", dt.date(2018, 2, 14))]
    assert letter.deadline == dt.date(2018, 3, 30)
    [kpi] = letter.indicators
    # `จำนวน ๘๗๘ ศูนย์` came out `จำนวน 878 aud` from the page OCR: the line is re-read with `tha`.
    assert (kpi.code, kpi.target_value, kpi.target_unit, kpi.fiscal_year) == ("4.2", 878, "ศูนย์", 2561)
    assert kpi.due_date == dt.date(2018, 4, 30)


def test_a_count_with_a_latin_unit_is_a_line_to_read_again() -> None:
    lines = ["ส่วนท้องถิ่น (สถานที่กลาง) จำนวน 878 aud ภายในเดือนเมษายน 2561", "(LPA) จำนวน 6,500 แห่ง",
             "E-mail: saraban@dla.go.th"]
    page = Page(number=1, source="ocr", words=[Word(t, 90.0, 0, 60 * k, 100, 50, 1, k) for k, t in enumerate(lines)])
    assert count_line_ids(page) == [0]


@pytest.mark.parametrize("text", ["ประจำปีงบประมาณ พ.ศ. 2561", "ประจำปิงบประมาณ พ.ศ. 2561", "ปงบประมาณ 2561"])
def test_fiscal_year_despite_the_upper_vowel(text: str) -> None:
    m = FISCAL_YEAR.search(text)
    assert m and m.group(1) == "2561"
