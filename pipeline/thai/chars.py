"""Thai characters every stage shares: the digits both ways and the combining marks. One home for
them, so a reader, a renderer and an extractor cannot disagree on what a digit or a mark is."""

from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# A glyph the numeral reader saw to be a letter where Tesseract wrote a digit (the ว of `/ว๔๒๖๑`).
UNREADABLE = "\ufffd"
ARABIC_DIGITS = "0123456789"
# Marks drawn above or below a consonant (mai han-akat, upper/lower vowels, phinthu, tone marks,
# thanthakhat, nikhahit, yamakkan), as the body of a regex character class.
COMBINING_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
COMBINING_MARK_SET = frozenset(chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)))

_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)


def to_arabic(text: str) -> str:
    """๒๕๖๗ → 2567; everything else unchanged."""
    return text.translate(_TO_ARABIC)


def to_thai(text: str) -> str:
    """2567 → ๒๕๖๗; everything else unchanged."""
    return text.translate(_TO_THAI)
