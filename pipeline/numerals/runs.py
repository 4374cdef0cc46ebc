"""Numbers on a text row as runs of glyphs (ลำดับตัวเลขในบรรทัด).

A number is found on the image, not in Tesseract's tokens: a run of digit glyphs with nothing
wider than a narrow gap between them, and separators (, . / -) only where they sit between two
digits. Tesseract's boxes for Thai are too loose to say where a number starts; the run says it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.numerals.model import SEPARATORS
from pipeline.numerals.reader import VALUES, GlyphReading, above_the_feet, below_the_feet
from pipeline.numerals.segment import Band
from pipeline.thai.chars import ARABIC_DIGITS

_SEP_IDX = [VALUES.index(v) for v in SEPARATORS]
# Between glyphs of one number the gap stays under this share of the band height; a word
# space is wider.
MAX_GAP = 0.6
# A glyph the model calls noise is still taken as a separator between digits when this much
# of its probability is on separators (a faint hyphen on light print).
SEP_FLOOR = 0.1
# A run with every digit at least this sure may stand where Tesseract wrote letters or nothing.
SURE_RUN = 0.97
LONE_SURE = 0.9  # a lone digit between letters must be this sure to be a number of its own


@dataclass(frozen=True)
class Run:
    """One number on the row, left to right, in page pixels."""

    glyphs: tuple[GlyphReading, ...]

    @property
    def left(self) -> int:
        return min(g.glyph.x for g in self.glyphs)

    @property
    def right(self) -> int:
        return max(g.glyph.x1 for g in self.glyphs)

    @property
    def top(self) -> int:
        return min(g.glyph.y for g in self.glyphs)

    @property
    def bottom(self) -> int:
        return max(g.glyph.y1 for g in self.glyphs)

    @property
    def text(self) -> str:
        return "".join(g.best for g in self.glyphs)

    @property
    def sure(self) -> bool:
        return all(g.p >= SURE_RUN for g in self.glyphs if g.best in ARABIC_DIGITS)


def _band(g: GlyphReading) -> Band:
    return g.band or Band(float(g.glyph.y), float(g.glyph.y1))


def on_row(g: GlyphReading) -> bool:
    """The glyph's middle lies near its band: not a descender of the line above or below."""
    band = _band(g)
    mid = (g.glyph.y + g.glyph.y1) / 2
    half = 0.5 * band.height
    return band.top - half <= mid <= band.bottom + half


def is_digit(g: GlyphReading) -> bool:
    return g.best in ARABIC_DIGITS


def as_separator(g: GlyphReading) -> GlyphReading | None:
    """The glyph read as a separator, or None when it is not one (letter, digit, dust)."""
    if g.best in SEPARATORS:
        return g
    if g.best != "noise" or float(g.probs[_SEP_IDX].sum()) < SEP_FLOOR:
        return None
    probs = np.zeros_like(g.probs)
    probs[_SEP_IDX] = g.probs[_SEP_IDX]
    return GlyphReading(g.glyph, probs / probs.sum(), g.band)


def find_runs(readings: list[GlyphReading]) -> list[Run]:
    """Digit runs on a row (readings sorted by x); separators kept only between digits."""
    runs: list[Run] = []
    current: list[GlyphReading] = []
    pending: list[GlyphReading] = []  # separators seen since the last digit
    for g in readings:
        if not on_row(g):
            continue
        gap_ok = bool(current) and _gap(current[-1], pending, g) <= MAX_GAP * _band(g).height
        if is_digit(g):
            if not gap_ok and current:
                runs.append(Run(tuple(current)))
                current = []
            kept = [s for s in pending if not _inside(s, g) and _on_baseline(s, current[-1], g)] if gap_ok else []
            if any(s.best in "/-" for s in kept):  # a point beside a date's slash is a speck (`28/.7/63`)
                kept = [s for s in kept if s.best not in ".,"]
            current += [*kept, g]
            pending = []
        elif (sep := as_separator(g)) is not None and current:
            if gap_ok and not _inside(sep, current[-1]):
                pending.append(sep)
            elif not gap_ok:
                runs.append(Run(tuple(current)))
                current, pending = [], []
        elif g.best == "noise":
            continue  # dust neither joins nor breaks a number
        else:
            if current:
                runs.append(Run(tuple(current)))
            current, pending = [], []
    if current:
        runs.append(Run(tuple(current)))
    return [run for run in runs if not _between_letters(run, readings)]


def _between_letters(run: Run, readings: list[GlyphReading]) -> bool:
    """A lone unsure digit set close between two letters is no number: a letter's part or a
    hand's full stop (seen: the point of a stamp's hand-written `ส.ค.` read as a 6 at 0.70,
    and the date's day `19` became 196)."""
    if len(run.glyphs) != 1 or run.glyphs[0].p >= LONE_SURE:
        return False
    g = run.glyphs[0]
    row = [r for r in readings if r.best != "noise" and on_row(r)]
    k = next(i for i, r in enumerate(row) if r is g)
    before, after = (row[k - 1] if k else None), (row[k + 1] if k + 1 < len(row) else None)
    return _letter_beside(before, g) and _letter_beside(after, g)


def _letter_beside(n: GlyphReading | None, g: GlyphReading) -> bool:
    if n is None or n.best != "other":
        return False
    gap = max(n.glyph.x, g.glyph.x) - min(n.glyph.x1, g.glyph.x1)
    return gap <= MAX_GAP * _band(g).height


def _gap(last: GlyphReading, pending: list[GlyphReading], g: GlyphReading) -> int:
    """Widest blank column between the run's last glyph, any separators, and g."""
    edges = [last, *pending, g]
    return max(b.glyph.x - a.glyph.x1 for a, b in zip(edges, edges[1:], strict=False))


def _on_baseline(sep: GlyphReading, before: GlyphReading, after: GlyphReading) -> bool:
    """Not a speck below the digits either side, nor halfway up them, taken for a point (see
    `below_the_feet`, `above_the_feet`)."""
    feet, top = max(before.glyph.y1, after.glyph.y1), min(before.glyph.y, after.glyph.y)
    return not (below_the_feet(sep, feet, feet - top) or above_the_feet(sep, top, feet - top))


def _inside(sep: GlyphReading, digit: GlyphReading) -> bool:
    """A dot whose middle lies within a digit's columns is a broken-off piece of that digit."""
    mid = sep.glyph.x + sep.glyph.w / 2
    return digit.glyph.x <= mid < digit.glyph.x1
