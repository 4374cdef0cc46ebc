"""The numeral reader other stages call (ตัวอ่านตัวเลข): one crop → one number, or OCR words →
the same words with their digits re-read from the page image."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline.numerals.reader import (
    HAND_MODEL_PATH,
    NUMERIC,
    GlyphReader,
    NumeralReading,
    load_model,
    reading_from_glyphs,
)
from pipeline.numerals.rows import reread_words
from pipeline.numerals.runs import find_runs, is_digit
from pipeline.records import Word

_POINT_IN_DIGITS = re.compile(r"\d+\.\d+")


class NumeralReader:
    """Second reading pass for numbers. Loads model.npz once; thread-safe for reads."""

    def __init__(self, model_path: Path | None = None, print_counts: bool = True) -> None:
        self.model = load_model(model_path)
        # Whether Tesseract's count of Arabic digits stands against the glyph pass's shorter
        # reading (rows._kept): true of print, which its `eng` half reads well; not of a
        # clerk's hand, where it reads a pen's tail or a speck beside the last digit as one
        # more (seen: a stamp's 955 written 9551, both numeral readings 955).
        self.print_counts = print_counts
        self.glyphs = GlyphReader(self.model, packed=not print_counts)
        # A crop handed to read() holds a number by contract, so a glyph torn between "Thai
        # letter" and a digit (Laksaman's 1 looks like า) is taken as the digit.
        self.cell_glyphs = GlyphReader(self.model, other_weight=0.2, cell=True)

    @property
    def version(self) -> str:
        return self.model.version

    def read(self, gray: np.ndarray) -> NumeralReading | None:
        """Read the one number in a grayscale crop (a table cell or word box); None if no digit."""
        return reading_from_glyphs(self.cell_glyphs.read_glyphs(gray))

    def read_count(self, gray: np.ndarray) -> NumeralReading | None:
        """The count in a cell that may print its unit too ("๑๓ แห่ง"): when letters or a word
        space split the digits into several numbers, a letter of the unit taken for a digit (ง
        for ๙) is a number of its own, so the longest one stands, the first of equals (a Thai
        count comes before its unit)."""
        glyphs = self.cell_glyphs.read_glyphs(gray)
        runs = [run for run in find_runs(glyphs) if any(is_digit(g) for g in run.glyphs)]
        if len(runs) >= 2:
            glyphs = list(max(runs, key=lambda run: (sum(is_digit(g) for g in run.glyphs),
                                                     -run.left)).glyphs)
        reading = reading_from_glyphs(glyphs)
        if reading is not None and reading.value is None and _POINT_IN_DIGITS.fullmatch(reading.text):
            # A count has no decimals: a point between its digits is a speck on the baseline.
            return reading_from_glyphs([g for g in glyphs if g.best != "."])
        return reading

    def try_read_number(self, gray: np.ndarray) -> NumeralReading | None:
        """The number in a crop that holds nothing else (a table cell): None when any glyph in it
        is taken for a letter. Judged without the cell reader's lean towards digits, which is
        only safe once the crop is known to hold a number."""
        glyphs = [g for g in self.glyphs.read_glyphs(gray) if g.best != "noise"]
        if not glyphs or any(g.best not in NUMERIC for g in glyphs):
            return None
        return self.read(gray)

    def reread_words(self, gray_page: np.ndarray, words: list[Word]) -> list[Word]:
        """Re-read the digits of every word that has any; other words pass through unchanged."""
        return [self._cross_check(gray_page, w) for w in reread_words(self.glyphs, gray_page, words)]

    def _cross_check(self, gray_page: np.ndarray, word: Word) -> Word:
        """A token that is just a number is read again as a crop, the way table cells are.

        The row pass places glyphs from estimated text bands, and a band a few pixels off can
        turn ๖ into ๐ with high confidence (seen: ๒๕๖๖ → 2506 in a memo date). When the two
        readings disagree in a glyph or two, the more confident one stands and the other is
        kept as an alternative. Readings of different length are the row pass's own business
        (it exists because token boxes lose leading digits), but for one case: the row pass
        dropped digits that a sure reading of the token's own box holds (seen on a JPEG scan:
        4.2 → .2, 2567 → 257).
        """
        if self._count_kept(word):
            return self._count_checked(gray_page, word)
        if not word.reread or not _NUMBER_TOKEN.fullmatch(word.text):
            return word
        crop = _crop(gray_page, word)
        second = self.read(crop) if crop.size else None
        if second is None or second.text == word.text:
            return word
        if len(second.text) > len(word.text) and _is_subsequence(word.text, second.text):
            return self._dropped_digits(gray_page, word) or word  # or a neighbour's digit in the margin
        merged = _digits_inserted(word.text, second.text) if second.confidence >= _SURE else None
        if merged:
            return replace(word, text=merged, conf=round(second.confidence * 100, 1),
                           alternatives=_merged((word.text, *word.alternatives), second.text, exclude=merged))
        if not _close(second.text, word.text):
            return word
        return self._more_confident(word, second)

    def _count_kept(self, word: Word) -> bool:
        """A hand's number where the row pass kept Tesseract's count of digits (the pass's own
        shorter reading among the alternatives): worth checking against the crop's reading."""
        return not self.print_counts and not word.reread and bool(word.alternatives) \
            and _NUMBER_TOKEN.fullmatch(word.text) is not None

    def _count_checked(self, gray_page: np.ndarray, word: Word) -> Word:
        """The hand's number as both numeral readings have it where they agree on fewer digits
        than Tesseract wrote (`_digits_unseen`), Tesseract's kept as an alternative."""
        crop = _crop(gray_page, word)
        second = self.read(crop) if crop.size else None
        if second is None or not _digits_unseen(word, second):
            return word
        return replace(word, text=second.text, conf=round(second.confidence * 100, 1), reread=True,
                       alternatives=_merged((word.text, *word.alternatives), exclude=second.text))

    def _more_confident(self, word: Word, second: NumeralReading) -> Word:
        if second.confidence * 100 <= word.conf:
            return replace(word, alternatives=_merged(word.alternatives, second.text, exclude=word.text))
        return replace(word, text=second.text, conf=round(second.confidence * 100, 1),
                       alternatives=_merged((word.text, *word.alternatives), *second.alternatives,
                                            exclude=second.text))

    def _dropped_digits(self, gray_page: np.ndarray, word: Word) -> Word | None:
        """The token's box read tight (no side margin, so no neighbour's glyph), else read with
        its margin but only the glyphs centred inside the box: a sure reading that is the row
        pass's digits plus more stands, the row pass's kept as an alternative.

        Why both: a tight crop cuts a glyph the box only half covers (seen: ๐๐๒๓.๓ boxed from the
        middle of its first ๐, read 023.3 tight, while the row pass had split the ๓ of ๒๓ in two
        and read 002.3); a glyph centred in the margin is the neighbour's."""
        for reading in (self._tight_reading(gray_page, word), self._inside_reading(gray_page, word)):
            if reading is not None and reading.confidence >= _SURE and len(reading.text) > len(word.text) \
                    and _is_subsequence(word.text, reading.text):
                return replace(word, text=reading.text, conf=round(reading.confidence * 100, 1),
                               alternatives=_merged((word.text, *word.alternatives), *reading.alternatives,
                                                    exclude=reading.text))
        return None

    def _tight_reading(self, gray_page: np.ndarray, word: Word) -> NumeralReading | None:
        crop = _crop(gray_page, word, side_margin=False)
        return self.read(crop) if crop.size else None

    def _inside_reading(self, gray_page: np.ndarray, word: Word) -> NumeralReading | None:
        crop = _crop(gray_page, word)
        if not crop.size:
            return None
        left = word.left - max(0, word.left - _side_pad(word))  # the box's left edge in the crop
        glyphs = [g for g in self.cell_glyphs.read_glyphs(crop)
                  if left <= g.glyph.x + g.glyph.w / 2 <= left + word.width]
        return reading_from_glyphs(glyphs)


_NUMBER_TOKEN = re.compile(r"[0-9,./-]*[0-9][0-9,./-]*")  # also a number whose first digit was lost (.2)
_SURE = 0.9
_SEPARATOR = re.compile(r"[,./-]")


def _digits_inserted(row_pass: str, crop: str) -> str | None:
    """The row pass's number with the digits a sure crop reading has beyond it put back, its
    separators kept (seen: ๐๐๒๓.๓/๕๒๒ read 0023.3/52 by the row pass, 00233/522 by the crop,
    which lost the dot); None when the row pass's digits are not all among the crop's, in order.
    The serial ends a document number, so digits left over go at the end."""
    extra = iter(_SEPARATOR.sub("", crop))
    out: list[str] = []
    for ch in row_pass:
        if not ch.isdigit():
            out.append(ch)
            continue
        for digit in extra:
            out.append(digit)
            if digit == ch:
                break
        else:
            return None
    rest = "".join(extra)
    return "".join(out) + rest if len(out) + len(rest) > len(row_pass) else None


def _digits_unseen(word: Word, second: NumeralReading) -> bool:
    """Tesseract's number holds digits that both numeral readings lack: the row pass's (kept
    among the token's alternatives) and the crop's, sure, are the same shorter number."""
    shorter = len(second.text) < len(word.text) and _is_subsequence(second.text, word.text)
    return shorter and second.confidence >= _SURE and second.text in word.alternatives


def _is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


def _crop(gray: np.ndarray, word: Word, side_margin: bool = True) -> np.ndarray:
    # Token boxes can be narrower than the printed number (re-OCR, Thai glyph boxes); a crop that
    # catches a neighbouring glyph reads longer and is then ignored by the length rule.
    pad_x, pad_y = (_side_pad(word) if side_margin else 0), max(4, word.height // 5)
    top, left = max(0, word.top - pad_y), max(0, word.left - pad_x)
    return gray[top:word.top + word.height + pad_y, left:word.left + word.width + pad_x]


def _side_pad(word: Word) -> int:
    return max(6, word.height // 2)


def _close(a: str, b: str) -> bool:
    return len(a) == len(b) and 0 < sum(x != y for x, y in zip(a, b, strict=True)) <= 2


def _merged(existing: tuple[str, ...], *more: str, exclude: str = "") -> tuple[str, ...]:
    out: list[str] = []
    for text in (*existing, *more):
        if text and text != exclude and text not in out:
            out.append(text)
    return tuple(out[:3])


@lru_cache(maxsize=1)
def default_reader() -> NumeralReader:
    """The process-wide reader with the packaged model."""
    return NumeralReader()


@lru_cache(maxsize=1)
def stamp_reader() -> NumeralReader:
    """The reader for hand-filled stamps: trained on the printed faces plus a handwriting face."""
    return NumeralReader(HAND_MODEL_PATH, print_counts=False)
