"""The numeral reader other stages call (ตัวอ่านตัวเลข): one crop → one number, or OCR words →
the same words with their digits re-read from the page image."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline.numerals.reader import GlyphReader, NumeralReading, load_model, reading_from_glyphs
from pipeline.numerals.rows import reread_words
from pipeline.records import Word


class NumeralReader:
    """Second reading pass for numbers. Loads model.npz once; thread-safe for reads."""

    def __init__(self, model_path: Path | None = None) -> None:
        self.model = load_model(model_path)
        self.glyphs = GlyphReader(self.model)
        # A crop handed to read() holds a number by contract, so a glyph torn between "Thai
        # letter" and a digit (Laksaman's 1 looks like า) is taken as the digit.
        self.cell_glyphs = GlyphReader(self.model, other_weight=0.2, cell=True)

    @property
    def version(self) -> str:
        return self.model.version

    def read(self, gray: np.ndarray) -> NumeralReading | None:
        """Read the one number in a grayscale crop (a table cell or word box); None if no digit."""
        return reading_from_glyphs(self.cell_glyphs.read_glyphs(gray))

    def reread_words(self, gray_page: np.ndarray, words: list[Word]) -> list[Word]:
        """Re-read the digits of every word that has any; other words pass through unchanged."""
        return reread_words(self.glyphs, gray_page, words)


@lru_cache(maxsize=1)
def default_reader() -> NumeralReader:
    """The process-wide reader with the packaged model."""
    return NumeralReader()
