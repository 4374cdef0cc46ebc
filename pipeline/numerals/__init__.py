"""Thai/Arabic numeral reading pass (issue F4): Tesseract's `tha` model cannot tell ๔ ๕ ๘ ๙
apart, so every token that is or holds a number is re-read from the image by a small glyph
classifier trained on font renders (see train.py)."""

from pipeline.numerals.api import NumeralReader, default_reader, stamp_reader
from pipeline.numerals.reader import NumeralReading

__all__ = ["NumeralReader", "NumeralReading", "default_reader", "stamp_reader"]
