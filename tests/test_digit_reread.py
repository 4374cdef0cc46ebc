"""Letter-line numbers read again as whole ink words (pipeline/ocr/digit_reread) and the judge
(extractors/number_lines).

Line texts are the readings seen on generated scans of this stop: the ที่ line of a circular read
`ที่มท 0809.2/ว 73 4น` (printed ที่ มท ๐๘๐๙.๒/ว ๔๖๗๓: the row pass took ๔๖ for letters, and the
`tha` re-read's boxes sat a word off), and a province office's `สห 0023.5/2093`, whose row pass
had read only `3.5` of its owner digits.
"""

from __future__ import annotations

import numpy as np
import pytest

from extractors.number_lines import deadline_line_ids, is_better_numbers, stamp_line_ids
from pipeline.numerals import default_reader
from pipeline.numerals.reader import VALUES, GlyphReading
from pipeline.numerals.runs import find_runs
from pipeline.numerals.segment import Band, Glyph
from pipeline.ocr import digit_reread
from pipeline.ocr.digit_reread import _given_to_token, grown_number, ink_word, reread_numbers
from pipeline.records import Page, Word
from pipeline.thai.dates import find_thai_dates
from tests.test_numerals import render_line, token


@pytest.mark.parametrize(("old", "new", "better"), [
    ("ที่มท 0809.2/ว 73 4น กรมส่งเสริมการปกครองท้องถิ่น", "ที่มท 0809.2/ว 4673 4น กรมส่งเสริมการปกครองท้องถิ่น", True),
    ("ที่ สห 0023.5/2093", "ที่ สห 0023.53.5/2093", False),  # owner digits no longer an owner's
    ("ที่ มท 0810.7/ว 731", "ที่ มท 0810.7/ว 47314", False),  # a speck read as a fifth digit
    ("ลงวันที่ 9 มิถุนายน 2567", "ลงวันที่ 19 มิถุนายน 2567", True),
    ("ลงวันที่ 9 มิถุนายน 2567", "ลงวันที่ 91 มิถุนายน 2567", False),  # no such day
    # seed 1033 doc20190120: ๒๘ written 25 by Tesseract, which has no ๘; the re-read's 28
    ("ท มท 0810.7/4972 วันที่ 25 มิถุนายน 2565.", "ท มท 0810.7/4972 วันที่ 28 มิถุนายน 2565.", True),
    ("วันที่ 25 มิถุนายน 2565", "วันที่ 23 มิถุนายน 2565", False),  # a digit Tesseract writes: its own
    ("วันที่ 28 มิถุนายน 2565", "วันที่ 29 มิถุนายน 2565", False),  # Tesseract's 8 was Arabic print
    ("วันที่ 29 กย. 2567", "วันที่ 2.9 กย. 2567", False),  # a speck by the stamp's day read as a point
    ("เลขรับ 119", "เลขรับ 1193", True),
    # the ที่ line read again from its own ink: the serial found, the year's ๖ no longer ๒
    ("ที่ มท 08.106) 707 ว7ภ วันที่ 3 เมษายน 2552 .", "ที่ มท 0810.7/) 3106 ว7ภ วันที่ 3 เมษายน 2556 .", True),
    ("วันที่ 3 เมษายน 2556", "วันที่ 3 พฤษภาคม 2556", False),  # a date's month is not re-read
    ("ที่ มท 0810.7/ว 3106", "ที่ มท 08107/ว 3106", False),  # the sub-unit's point lost
    # seed 1034 doc20181111: the owner's 0 given a 9 by the re-read, the serial no different
    ("ที่ มท 0810.7/7 4379 ฏ. วันที่ 26 พฤษภาคม 2563", "ที่ มท 0819.7/\ufffd 4379 ฏ. วันที่ 26 พฤษภาคม 2563", False),
    ("เวลา 15.30 น.", "เวลา 1530 น.", False),
    ("ที่ มท 0802.2/ไว277", "ที่ มท 0802.2/ไ277", False),  # the circular's ว lost
    ("ท ตร 6.0023.1/ว458 7 วันที 27", "ท ตร 0023.1/ว4558 7 วันที 27", True),  # a speck and a point before it
    # seed 1026 SCAN_0035: the owner's point read a digit early and its last digit lost
    ("ที่ มท 080.2./838", "ที่ มท 0802.2/838", True),
    # seed 1025 doc20180804: a ว guessed from a letter that was half of the serial's broken ๓
    ("ที่ ยส 0023.3 / ต3382 .", "ที่ ยส 0023.3 / 3382 .", True),
    # seed 1023 doc20170317: the owner's point and sub-unit read as one more digit, where the
    # parser puts the point back; a fifth serial digit stays refused (above)
    ("ด่วนที่สุด ที่ มท0802/ว", "ด่วนที่สุด ที่ มท08022/ว", True),
    ("ด่วนที่สุด ที่ มท0802/ว", "ด่วนที่สุด ที่ มท080222/ว", False),  # two digits more: a speck too
    # seed 1029 doc20210819: the stamp day's ink word ran over the leader to the month's ส (`2...4`)
    ("วันที่ 2 สคด. 569", "วันที่ 2...4 สคด. 2564", False),
    ("วันที่ 2 สคด. 569", "วันที่ 2 สคด. 2564", True),
    # seed 1023 doc20170317: a doubled point is a speck beside the KPI code's own (3.1), no leader
    ("พ.ศ, 2568 ตัวชีวัตที่ 3.@ ) ร้อยละ", "พ.ศ, 2568 ตัวชีวัตที่ 3..1.@ ) ร้อยละ", True),
])
def test_which_number_reading_wins(old: str, new: str, better: bool) -> None:
    assert is_better_numbers(old, new) is better


def test_a_reading_grows_only_by_keeping_the_row_digits_in_order() -> None:
    assert grown_number("73", "4673") and grown_number("0023.5", "0023.35")
    assert not grown_number("73", "73") and not grown_number("73", "4637")
    assert grown_number("29", "2.9")  # a point the row pass lost, or a speck: the judge tells


def test_the_longer_number_goes_to_the_token_number_it_grows() -> None:
    words = [Word("0023.5/2093", 90, 0, 0, 10, 10), Word("73", 90, 20, 0, 10, 10)]
    assert [w.text for w in _given_to_token(words, "3.5", "0023.53.5")] == ["0023.5/2093", "73"]
    grown = _given_to_token(words, "73", "4673")[1]
    assert grown.text == "4673" and "73" in grown.alternatives
    # a stamp's day whose ๑ the row pass took for a letter: `3/7/6` was its run, `5` another
    stamp = [Word("วันที่", 90, 0, 0, 10, 10), Word("3/7/65", 90, 20, 0, 10, 10)]
    assert [w.text for w in _given_to_token(stamp, "3/7/6", "13/7/65")] == ["วันที่", "13/7/65"]
    # the symbol Tesseract wrote for the serial's ๔ goes with it
    serial = [Word("0809.2", 90, 0, 0, 10, 10), Word("/ว@747", 90, 20, 0, 10, 10)]
    assert _given_to_token(serial, "747", "4747")[1].text == "/ว4747"


def test_a_serial_grown_after_its_slash_goes_to_the_serial() -> None:
    """Seed 1026 saraban_009: ๐๐๒๓.๔/ว๓๐๓๒ whose row pass read `0023.4/032`; its serial's ink
    word read `3032`."""
    words = [Word("ปจ", 90, 0, 0, 10, 10), Word("0023.4/032", 90, 20, 0, 10, 10)]
    assert _given_to_token(words, "032", "3032")[1].text == "0023.4/3032"
    assert _given_to_token(words, "032", "30.32")[1].text == "0023.4/032"  # only a plain serial


def test_a_letter_standing_on_a_digits_ink_is_dropped() -> None:
    """Seed 1025 doc20180804: ๓๓๘๒ whose first ๓ broke in two came out `ต3382`; the serial's ink
    word, read whole, starts where the token does."""
    words = [Word("/", 90, 779, 384, 31, 76), Word("ต3382", 90, 833, 361, 175, 74)]
    assert digit_reread._letter_on_its_ink(words, "3382", 832)[1].text == "3382"
    assert digit_reread._letter_on_its_ink(words, "3382", 880)[1].text == "ต3382"  # the letter's own ink
    assert digit_reread._letter_on_its_ink(words, "33821", 832)[1].text == "ต3382"  # not the token's number


def test_a_letter_on_a_serials_ink_goes_when_the_row_pass_read_every_digit() -> None:
    """Seed 1025 doc20180804 again: the row pass read all of ๓๓๘๒ (`3382`), so no reading grew
    it, and Tesseract's ต for half the first ๓ stayed before it, taken downstream for a guessed
    ว. The serial's ink word reads as many digits and starts where the token does: the letter
    was the digit's ink. A ว printed before the serial has ink of its own and stays."""
    gray, boxes = render_line(["ที่ ยส ", "๐๐๒๓.๓ / ", "๓๓๘๒"])
    serial = boxes[2]
    for lead, left, kept in (("ต", serial[0], "3382"), ("ว", serial[0] - 40, "ว3382")):
        words = [token("ที่ยส", boxes[0][0], boxes[0][2], line=4), token("0023.3/", boxes[1][0], boxes[1][2], line=4),
                 token(lead + "3382", left, serial[2], line=4)]
        page = Page(number=1, source="ocr", words=words, image=gray)
        reread_numbers(page, [4], default_reader(), is_better_numbers)
        assert page.words[-1].text == kept


def _glyph(x: int, w: int, best: str) -> GlyphReading:
    probs = np.zeros(len(VALUES), dtype=np.float32)
    probs[VALUES.index(best)] = 1.0
    return GlyphReading(Glyph(x, 10, w, 40, np.ones((40, w), bool)), probs, Band(10.0, 50.0))


def test_an_ink_word_reaches_over_glyphs_read_as_letters_up_to_a_word_gap() -> None:
    glyphs = [_glyph(0, 30, "0"), _glyph(100, 30, "other"), _glyph(135, 30, "other"), _glyph(170, 30, "7"),
              _glyph(205, 30, "3"), _glyph(300, 30, "5")]  # ๔๖ read as letters; 5 a word away
    serial = next(run for run in find_runs(glyphs) if run.text == "73")
    assert ink_word(glyphs, serial) == (100, 10, 235, 50)


def _short_row(serial: tuple[int, int, int, int]):
    """The row pass as seen on the scan: the serial's first digits taken for letters (in this
    face its ๗ too: the row pass reads only ๓)."""
    row = digit_reread.row_readings
    letter = np.eye(len(VALUES), dtype=np.float32)[VALUES.index("other")]
    half = (serial[0] + serial[2]) // 2

    def short_row(reader, image, tokens):
        return [GlyphReading(g.glyph, letter, g.band) if serial[0] <= g.glyph.x < half else g
                for g in row(reader, image, tokens)]
    return short_row


def test_a_serial_the_row_pass_read_short_is_read_whole_from_its_ink_word(monkeypatch) -> None:
    gray, boxes = render_line(["ที่ มท ", "๐๘๐๙.๒/ว ", "๔๖๗๓"])
    serial = boxes[2]
    words = [token("ที่มท", boxes[0][0], boxes[0][2], line=7),
             token("0809.2/ว", boxes[1][0], boxes[1][2], line=7),
             token("3", (serial[0] + serial[2]) // 2, serial[2], line=7)]  # the row pass's reading
    monkeypatch.setattr(digit_reread, "row_readings", _short_row(serial))
    page = Page(number=1, source="ocr", words=words, image=gray)
    assert reread_numbers(page, [7], default_reader(), is_better_numbers) == [7]
    assert [w.text for w in page.words] == ["ที่มท", "0809.2/ว", "4673"] and "4673" in page.raw_text


def test_a_judge_that_refuses_leaves_the_line_alone(monkeypatch) -> None:
    gray, boxes = render_line(["ที่ มท ", "๐๘๐๙.๒/ว ", "๔๖๗๓"])
    words = [token("0809.2/ว", boxes[1][0], boxes[1][2], line=3), token("3", boxes[2][0], boxes[2][2], line=3)]
    monkeypatch.setattr(digit_reread, "row_readings", _short_row(boxes[2]))
    page = Page(number=1, source="ocr", words=list(words), image=gray)
    assert reread_numbers(page, [3], default_reader(), lambda old, new: False) == []
    assert page.words == words


def test_stamp_lines_are_the_received_number_date_and_time() -> None:
    lines = ["สนง.ส่งเสริมการปกครอง", "เลขรับ 4685", "วันที่ 29 กย. 2567", "เวลา 15.30 น.", "ที่ มท 0809.2/ว 73"]
    page = Page(number=1, source="ocr", words=[Word(t, 90, 0, 50 * k, 100, 40, 1, k) for k, t in enumerate(lines)])
    assert stamp_line_ids(page) == [1, 2, 3]


def test_of_the_readings_that_grow_the_number_the_longest_wins(monkeypatch) -> None:
    """Seen on a scan: the word's crop read as a row gave `673`, as a cell `4673`, for ๔๖๗๓."""
    gray, boxes = render_line(["ที่ มท ", "๐๘๐๙.๒/ว ", "๔๖๗๓"])
    words = [token("0809.2/ว", boxes[1][0], boxes[1][2], line=3), token("3", boxes[2][0], boxes[2][2], line=3)]
    monkeypatch.setattr(digit_reread, "row_readings", _short_row(boxes[2]))
    monkeypatch.setattr(digit_reread, "word_readings",
                        lambda reader, image, box, run: ["673", "4673"] if run.text == "3" else [run.text])
    assert [w.text for w in digit_reread.reread_line_numbers(default_reader(), gray, words)] == ["0809.2/ว", "4673"]


def test_a_line_is_read_from_its_own_ink_without_the_neighbours_cut_edges_or_dust() -> None:
    """Seen on a clean memo: descenders of the line above, cut by the ที่ line's window, set the
    band of `๓๑๐๖` and the row pass read the serial as letters; its page carried ~2,300 specks."""
    gray, boxes = render_line(["ที่ มท ", "๐๘๑๐.๗/ว ", "๓๑๐๖"])
    words = [token("ที่มท", boxes[0][0], boxes[0][2]), token("08.106)", boxes[1][0], boxes[1][2]),
             token("707", boxes[2][0], boxes[2][2])]
    dirty = gray.copy()
    top = 40 - 100 // 6  # the window's top edge: the tokens' top less a sixth of their height
    dirty[top:top + 6, boxes[1][0]:boxes[2][2]:9] = 0  # the cut ends of the line above's strokes
    dirty[150:152, boxes[2][0] + 5:boxes[2][0] + 7] = 0  # a speck under the serial
    dirty[top + 2:top + 14, boxes[2][0]:boxes[2][0] + 10] = 0  # a short line above, whole in the window
    clean = digit_reread.line_ink(dirty, words)
    assert (clean[top:top + 6] < 128).sum() == 0 and (clean[150:152] < 128).sum() == 0
    assert (clean[top:top + 14, boxes[2][0]:boxes[2][0] + 10] < 128).sum() == 0
    assert np.array_equal(clean[top + 8:150] < 128, gray[top + 8:150] < 128)  # the line's own ink stays
    assert clean[top:top + 6].min() > 200 and dirty[top:top + 6].min() == 0


def test_a_line_read_again_into_fewer_tokens_takes_its_place_in_the_page() -> None:
    """The row pass joins a number Tesseract split (`0801.5/ว42` `88`): the line holds fewer
    tokens than before (seen: the stage failed on the page, `zip() argument 2 is longer`)."""
    page = [Word("เรื่อง", 90, 0, 0, 10, 10, 1, 2), Word("ที่", 90, 0, 0, 10, 10, 1, 1),
            Word("0801.5/ว42", 90, 20, 0, 10, 10, 1, 1), Word("88", 90, 40, 0, 10, 10, 1, 1),
            Word("วันที่", 90, 60, 0, 10, 10, 1, 1), Word("ท้องถิ่น", 90, 0, 20, 10, 10, 1, 3)]
    new = [page[1], Word("0801.5/ว4288", 90, 20, 0, 30, 10, 1, 1), page[4]]
    spliced = digit_reread._spliced(page, page[1:5], new)
    assert [w.text for w in spliced] == ["เรื่อง", "ที่", "0801.5/ว4288", "วันที่", "ท้องถิ่น"]


def test_a_line_whose_whole_reading_is_refused_may_still_grow_its_short_numbers(monkeypatch) -> None:
    """Seen on a citation: the whole line read again lost the circular's ว (refused), where the
    short serial alone, read from its ink word, was right (`/ไว77` → `/ไว277`)."""
    gray, boxes = render_line(["ที่ มท ", "๐๘๐๙.๒/ว ", "๔๖๗๓"])
    words = [token("0809.2/ว", boxes[1][0], boxes[1][2], line=3), token("3", boxes[2][0], boxes[2][2], line=3)]
    monkeypatch.setattr(digit_reread, "reread_line_numbers", lambda reader, image, tokens: [tokens[0]])
    monkeypatch.setattr(digit_reread, "row_readings", _short_row(boxes[2]))
    page = Page(number=1, source="ocr", words=list(words), image=gray)
    assert reread_numbers(page, [3], default_reader(), lambda old, new: len(new) >= len(old)) == [3]
    assert [w.text for w in page.words] == ["0809.2/ว", "4673"]


def test_a_deadline_day_read_as_latin_glued_to_a_digit_is_read_again() -> None:
    """wide1025 SCAN_0003: `ภายในวันที่ lo6 ธันวาคม` for ๒๖ (the ๒ read `lo`); a rendered line whose
    day token says so gives 26 back from its ink, and a day read as digits is not picked."""
    gray, boxes = render_line(["ภายในวันที่ ", "๒๖", " ธันวาคม"])
    words = [token(t, b[0], b[2], line=7) for t, b in zip(("ภายในวันที่", "lo6", "ธันวาคม"), boxes, strict=True)]
    page = Page(number=1, source="ocr", words=words, image=gray)
    assert deadline_line_ids(page) == [7]
    reread_numbers(page, deadline_line_ids(page), default_reader(), is_better_numbers)
    assert find_thai_dates(" ".join(w.text for w in page.words) + " 2568")[0].date.day == 26
    clean = Page(number=1, source="ocr", words=[token(t, b[0], b[2], line=7) for t, b in
                                                 zip(("ภายในวันที่", "26", "ธันวาคม"), boxes, strict=True)])
    assert deadline_line_ids(clean) == []
