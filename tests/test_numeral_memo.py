"""The numeral reader's memo of crops (pipeline/numerals/memo.py): a crop with the same pixels is
not classified again, and reads exactly as it did; other pixels are read afresh."""

from __future__ import annotations

import numpy as np
import pytest
from test_numerals import render_line

from pipeline.numerals import NumeralReader
from pipeline.numerals.reader import GlyphReader


def _text(readings: list) -> str:
    return "".join(r.best for r in readings)


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = GlyphReader._classify

    def classify(self: GlyphReader, *args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(GlyphReader, "_classify", classify)
    return calls


def test_same_pixels_read_once_and_alike(counted: list[int]) -> None:
    reader = NumeralReader()  # a fresh memo
    page, boxes = render_line(["ที่ มท ", "๐๘๑๐.๗/ว ๓๑๐๖"])
    left, top, right, bottom = boxes[1]
    crop = page[top - 10:bottom + 10, left - 10:right + 10]
    first = reader.glyphs.read_row(crop)
    classified = len(counted)
    again = reader.glyphs.read_row(crop.copy())  # another array, the same pixels
    assert len(counted) == classified
    assert _text(again) == _text(first) and "0810" in _text(first).replace("other", "")
    assert all(np.array_equal(a.probs, b.probs) for a, b in zip(first, again, strict=True))
    again.clear()  # a caller's list is its own
    assert reader.glyphs.read_row(crop) == first


def test_other_pixels_read_afresh(counted: list[int]) -> None:
    reader = NumeralReader()
    page, boxes = render_line(["๑๒๓"])
    left, top, right, bottom = boxes[0]
    crop = page[top - 10:bottom + 10, left - 10:right + 10].copy()
    reader.glyphs.read_glyphs(crop)
    before = len(counted)
    crop[0, 0] = 0  # one speck more
    reader.glyphs.read_glyphs(crop)
    assert len(counted) > before


def test_a_glyph_met_again_elsewhere_is_split_as_when_first_met(monkeypatch: pytest.MonkeyPatch) -> None:
    """A glyph cut up once is not cut up again where it stands in another crop in the same place
    in its band (the letter-number pass re-reads header lines the page rows held); its parts come
    back where they stand in the new crop, read exactly as a reader meeting them first reads them."""
    splits: list[int] = []
    real = GlyphReader._split

    def split(self: GlyphReader, *args: object) -> object:
        splits.append(1)
        return real(self, *args)

    monkeypatch.setattr(GlyphReader, "_split", split)
    page, boxes = render_line(["ที่ มท ", "๐๘๑๐.๗/ว ๓๑๐๖", " ลงวันที่ ๒๗ มกราคม"])
    left, top, right, bottom = boxes[1]
    first, shifted = page[top - 10:bottom + 10, left - 10:right + 10], page[top - 10:bottom + 10, left - 40:right + 25]
    seen = NumeralReader()
    seen.glyphs.read_row(first)
    cut = len(splits)
    again = seen.glyphs.read_row(shifted)
    assert cut > 0 and len(splits) < 2 * cut
    fresh = NumeralReader().glyphs.read_row(shifted)
    assert [(r.glyph.x, r.glyph.y, r.glyph.w, r.glyph.h, r.band) for r in again] == \
        [(r.glyph.x, r.glyph.y, r.glyph.w, r.glyph.h, r.band) for r in fresh]
    assert all(np.array_equal(a.probs, b.probs) and np.array_equal(a.glyph.mask, b.glyph.mask)
               for a, b in zip(again, fresh, strict=True))
