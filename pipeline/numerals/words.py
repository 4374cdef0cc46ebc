"""Put re-read digits back into OCR words (แทนตัวเลขในคำที่ OCR อ่านได้).

Tesseract keeps the letters (it reads Thai letters well); only its digits are replaced. Both the
OCR text and the image are cut into numeric runs — digits with separators between them — and
runs are paired left to right.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from pipeline.numerals.reader import NUMERIC, GlyphReader, GlyphReading, reading_from_glyphs
from pipeline.numerals.synth import ARABIC_DIGITS, SEPARATORS, THAI_DIGITS, to_arabic
from pipeline.records import Word

_DIGIT = f"[{ARABIC_DIGITS}{THAI_DIGITS}]"
NUMERIC_RUN = re.compile(f"{_DIGIT}(?:[{re.escape(SEPARATORS)}]*{_DIGIT})*")


def has_digit(text: str) -> bool:
    return any(c in ARABIC_DIGITS or c in THAI_DIGITS for c in text)


def crop_word(gray_page: np.ndarray, w: Word) -> tuple[np.ndarray, int, int]:
    """The word box with a small margin (commas descend, boxes are tight); returns crop, x0, y0."""
    pad_x, pad_y = max(2, w.height // 10), max(2, w.height // 6)
    x0, y0 = max(0, w.left - pad_x), max(0, w.top - pad_y)
    x1 = min(gray_page.shape[1], w.left + w.width + pad_x)
    y1 = min(gray_page.shape[0], w.top + w.height + pad_y)
    return gray_page[y0:y1, x0:x1], x0, y0


def image_runs(glyphs: list[GlyphReading]) -> list[list[GlyphReading]]:
    """Consecutive numeric glyphs, each run starting and ending with a digit."""
    runs: list[list[GlyphReading]] = []
    current: list[GlyphReading] = []
    for g in [*glyphs, None]:
        if g is not None and g.best in NUMERIC:
            current.append(g)
            continue
        while current and current[-1].best in SEPARATORS:
            current.pop()
        while current and current[0].best in SEPARATORS:
            current.pop(0)
        if current:
            runs.append(current)
        current = []
    return runs


def _inside(g: GlyphReading, w: Word, x0: int, y0: int) -> bool:
    cx = x0 + g.glyph.x + g.glyph.w / 2
    cy = y0 + g.glyph.y + g.glyph.h / 2
    return w.left <= cx < w.left + w.width and w.top <= cy < w.top + w.height


def pair_runs(
    n_text: int, runs: list[list[GlyphReading]]
) -> list[list[GlyphReading]]:
    """Match image runs to the OCR text's runs; when counts differ keep the most confident."""
    if len(runs) <= n_text:
        return runs
    conf = [float(np.prod([g.p for g in r])) * len(r) for r in runs]
    keep = sorted(sorted(range(len(runs)), key=lambda i: -conf[i])[:n_text])
    return [runs[i] for i in keep]


def reread_word(reader: GlyphReader, gray_page: np.ndarray, w: Word) -> Word:
    """The word with its digits re-read from the page; unchanged when it holds no digit."""
    if not has_digit(w.text):
        return w
    crop, x0, y0 = crop_word(gray_page, w)
    glyphs = [g for g in reader.read_glyphs(crop) if _inside(g, w, x0, y0)]
    spans = [m.span() for m in NUMERIC_RUN.finditer(w.text)]
    if len(spans) == 1 and spans[0] == (0, len(w.text)):
        readings = [reading_from_glyphs(glyphs)]  # a bare number: every numeric glyph counts
    else:
        readings = [reading_from_glyphs(r) for r in pair_runs(len(spans), image_runs(glyphs))]
    readings = [r for r in readings if r is not None]
    if len(readings) != len(spans):
        return replace(w, text=to_arabic(w.text))  # cannot pair: keep OCR's digits, as Arabic
    return _substitute(w, spans, readings)


def _substitute(w: Word, spans: list[tuple[int, int]], readings: list) -> Word:
    def build(texts: list[str]) -> str:
        out, last = [], 0
        for (a, b), t in zip(spans, texts, strict=True):
            out += [w.text[last:a], t]
            last = b
        return to_arabic("".join([*out, w.text[last:]]))

    best = [r.text for r in readings]
    alts = []
    for i, r in enumerate(readings):
        for alt in r.alternatives:
            alts.append(build([*best[:i], alt, *best[i + 1 :]]))
    conf = min(r.confidence for r in readings)
    return replace(
        w, text=build(best), conf=round(100 * conf, 1), alternatives=tuple(alts[:3]), reread=True
    )
