"""Two readers of one number, the glyph pass and Tesseract, agreeing digit by digit (ตัดสินหลัก).

The glyph pass reads every Thai digit; stock Tesseract `tha` can write only ๐ ๑ ๒ ๓ ๕
(tesseract-ocr/langdata_lstm#42) and writes those well. Where the pass is torn between two
digits Tesseract can write, and Tesseract wrote the pass's runner-up, two readers outvote one.
"""

from __future__ import annotations

from collections.abc import Iterable

# Digits stock `tha` cannot write: where the glyph pass reads one of these, Tesseract's digit is
# a stand-in (๑๔ written ๑๕), so the pass stands.
UNWRITABLE = frozenset("46789")


def runner_up_agreed(written: str, read: str, alternatives: Iterable[str]) -> str:
    """`read` with each digit replaced by Tesseract's (`written`, Arabic digits) where that is
    the pass's runner-up there (`alternatives` are the pass's one-glyph swaps) and the pass's
    digit is one Tesseract can write. Numbers of other lengths, or not bare digits, are `read`.

    Seen on a bilevel 200 dpi form: ink-filled ๑ read as 3 (๑๓ → 33 at p 0.92, runner-up 1)."""
    if not (written.isdigit() and read.isdigit() and len(written) == len(read)):
        return read
    swaps = frozenset(alternatives)
    digits = list(read)
    for i, (mine, theirs) in enumerate(zip(read, written, strict=True)):
        if mine != theirs and mine not in UNWRITABLE and read[:i] + theirs + read[i + 1:] in swaps:
            digits[i] = theirs
    return "".join(digits)
