"""Which digits a number is printed in: เลขไทย (๔๓๕) or Arabic (435).

The dataset keeps numbers in Arabic digits (the contract), and the reader pools the two forms of
a digit before deciding its value, so the script is not stored. The glyph model still tells the
forms apart (its classes are ๐–๙ and 0–9 separately), so a crop of a number, read again, says
which script the page prints it in: what a searchable copy must write for Ctrl-F to find it.
"""

from __future__ import annotations

import numpy as np

from pipeline.numerals.features import featurise_all
from pipeline.numerals.model import GlyphModel
from pipeline.numerals.segment import segment
from pipeline.thai.chars import ARABIC_DIGITS, THAI_DIGITS

# Below this much digit probability over all glyphs, the crop shows no digit worth judging.
_MIN_DIGIT_MASS = 0.5


def printed_in_thai_digits(model: GlyphModel, gray: np.ndarray) -> bool | None:
    """True for Thai digits, False for Arabic, None when the crop shows no digit."""
    if gray.size == 0:
        return None
    glyphs, band = segment(gray)
    if not glyphs:
        return None
    probs = model.predict_proba(featurise_all(glyphs, band))
    thai = _mass(model, probs, THAI_DIGITS)
    arabic = _mass(model, probs, ARABIC_DIGITS)
    if thai + arabic < _MIN_DIGIT_MASS:
        return None
    return thai > arabic


def _mass(model: GlyphModel, probs: np.ndarray, digits: tuple[str, ...] | str) -> float:
    columns = [model.classes.index(d) for d in digits]
    return float(probs[:, columns].sum())
