"""Read a number from pixels (อ่านตัวเลขจากภาพ): segment, split touching glyphs, classify.

Thai and Arabic forms of a digit are pooled before deciding (๘ and 8 both mean 8), so a model
unsure which script it sees is still sure of the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from pipeline.numerals.features import featurise, featurise_all
from pipeline.numerals.model import GlyphModel
from pipeline.numerals.segment import (
    Band, Glyph, cut_points, estimate_band, min_part_width, segment, split_at,
)
from pipeline.numerals.synth import ARABIC_DIGITS, SEPARATORS, THAI_DIGITS

MODEL_PATH = Path(__file__).with_name("model.npz")
VALUES: tuple[str, ...] = (*ARABIC_DIGITS, *SEPARATORS, "other", "noise", "multi")
NUMERIC = frozenset(ARABIC_DIGITS + SEPARATORS)
_REAL = [i for i, v in enumerate(VALUES) if v not in ("noise", "multi")]
# A glyph this much wider than the band is tall is too wide for any single digit.
MAX_DIGIT_ASPECT = 1.15


@dataclass(frozen=True)
class GlyphReading:
    glyph: Glyph
    probs: np.ndarray  # over VALUES
    band: Band | None = None  # the text band the glyph was judged in (rows: its local band)

    @property
    def best(self) -> str:
        return VALUES[int(self.probs.argmax())]

    @property
    def p(self) -> float:
        return float(self.probs.max())

    def runner_up(self) -> tuple[str, float]:
        order = np.argsort(self.probs)[::-1]
        second = next(i for i in order[1:] if VALUES[i] in NUMERIC)
        return VALUES[int(second)], float(self.probs[second])


class GlyphReader:
    """Turns a crop into classified glyphs, left to right."""

    def __init__(self, model: GlyphModel, other_weight: float = 1.0) -> None:
        self.model = model
        # Fold the model's classes (Thai and Arabic digits apart) into values.
        self.fold = np.zeros((len(model.classes), len(VALUES)), np.float32)
        for i, c in enumerate(model.classes):
            value = ARABIC_DIGITS[THAI_DIGITS.index(c)] if c in THAI_DIGITS else c
            self.fold[i, VALUES.index(value)] = other_weight if value == "other" else 1.0

    def probs(self, glyphs: list[Glyph], band: Band) -> np.ndarray:
        if not glyphs:
            return np.zeros((0, len(VALUES)), np.float32)
        folded = self.model.predict_proba(featurise_all(glyphs, band)) @ self.fold
        return folded / folded.sum(axis=1, keepdims=True)

    def read_glyphs(self, gray: np.ndarray) -> list[GlyphReading]:
        """A short crop (a cell, a number): one band for all its glyphs."""
        glyphs, band = segment(gray)
        return self._classify(glyphs, [band] * len(glyphs))

    def read_row(self, gray: np.ndarray) -> list[GlyphReading]:
        """A whole text row: each glyph is judged in the band of its neighbours, because a long
        row on a slightly skewed scan drifts by half a line from end to end."""
        glyphs, _ = segment(gray)
        return self._classify(glyphs, local_bands(glyphs))

    def _classify(self, glyphs: list[Glyph], bands: list[Band]) -> list[GlyphReading]:
        out: list[GlyphReading] = []
        for g, band, pr in zip(glyphs, bands, self._probs_each(glyphs, bands), strict=True):
            if self._needs_split(g, pr, band):
                out += self._best_split(g, pr, band)
            else:
                out.append(GlyphReading(g, pr, band))
        return out

    def _probs_each(self, glyphs: list[Glyph], bands: list[Band]) -> np.ndarray:
        if not glyphs:
            return np.zeros((0, len(VALUES)), np.float32)
        feats = np.stack([featurise(g, b) for g, b in zip(glyphs, bands, strict=True)])
        folded = self.model.predict_proba(feats) @ self.fold
        return folded / folded.sum(axis=1, keepdims=True)

    def _needs_split(self, g: Glyph, pr: np.ndarray, band: Band) -> bool:
        best = VALUES[int(pr.argmax())]
        if best == "other" and pr.max() > 0.9:
            return False  # a wide Thai letter (ม ฒ) is not two digits
        return best == "multi" or g.w > MAX_DIGIT_ASPECT * band.height or pr.max() < 0.6

    def _best_split(self, g: Glyph, whole: np.ndarray, band: Band) -> list[GlyphReading]:
        """Cut at projection minima where the classifier likes the parts best (DP over cuts)."""
        edges = [0, *cut_points(g, band), g.w]
        narrow = min_part_width(band)
        spans = [
            (a, b) for a in range(len(edges)) for b in range(a + 1, len(edges))
            if edges[b] - edges[a] >= narrow
        ]
        parts = [_part(g, edges[a], edges[b]) for a, b in spans]
        probs = self.probs([p for p in parts if p is not None], band)
        table: dict[tuple[int, int], tuple[Glyph, np.ndarray]] = {}
        it = iter(probs)
        for span, part in zip(spans, parts, strict=True):
            if part is not None:
                table[span] = (part, next(it))
        best: list[tuple[float, list[int]]] = [(0.0, [0])] + [(-np.inf, [])] * (len(edges) - 1)
        for b in range(1, len(edges)):
            for a in range(b):
                if (a, b) in table and best[a][0] > -np.inf:
                    score = best[a][0] + np.log(table[(a, b)][1][_REAL].max() + 1e-9)
                    if score > best[b][0]:
                        best[b] = (score, [*best[a][1], b])
        path = best[-1][1]
        if len(path) <= 2:
            return [GlyphReading(g, whole, band)]
        return [GlyphReading(*table[(a, b)], band) for a, b in pairwise(path) if (a, b) in table]


def local_bands(glyphs: list[Glyph], k: int = 9) -> list[Band]:
    """Per glyph, the band of the k glyphs nearest along the row (glyphs are sorted by x)."""
    half = k // 2
    out = []
    for i in range(len(glyphs)):
        lo = max(0, min(i - half, len(glyphs) - k))
        out.append(estimate_band(glyphs[lo : lo + k]))
    return out


def _part(g: Glyph, a: int, b: int) -> Glyph | None:
    parts = split_at(g, [c for c in (a, b) if 0 < c < g.w])
    inside = [p for p in parts if a <= p.x - g.x < b]
    return inside[0] if inside else None


def load_model(path: Path | None = None) -> GlyphModel:
    return GlyphModel.load(path or MODEL_PATH)


@dataclass(frozen=True)
class NumeralReading:
    """A number read from pixels.

    `text` uses Arabic digits and the separators , . / - as printed ("0810.7", "1,250", "13").
    `value` is set only for plain integers (thousands commas allowed).
    """

    text: str
    value: int | None
    confidence: float  # 0–1
    alternatives: tuple[str, ...] = ()  # other plausible readings, best first, excluding text


def reading_from_glyphs(glyphs: list[GlyphReading], max_alternatives: int = 3) -> NumeralReading | None:
    """Join numeric glyphs into a reading; separators at the ends are dropped."""
    kept = [g for g in glyphs if g.best in NUMERIC]
    while kept and kept[0].best in SEPARATORS:
        kept.pop(0)
    while kept and kept[-1].best in SEPARATORS:
        kept.pop()
    if not any(g.best in ARABIC_DIGITS for g in kept):
        return None
    text = "".join(g.best for g in kept)
    confidence = float(np.prod([g.p for g in kept]))
    return NumeralReading(text, integer_value(text), confidence, _alternatives(kept, max_alternatives))


def _alternatives(kept: list[GlyphReading], limit: int) -> tuple[str, ...]:
    """Single-glyph swaps to the runner-up digit, most likely first."""
    text = [g.best for g in kept]
    scored = []
    for i, g in enumerate(kept):
        value, p2 = g.runner_up()
        if p2 > 1e-3 and value != text[i]:
            alt = "".join(text[:i] + [value] + text[i + 1 :])
            scored.append((p2 / max(g.p, 1e-9), alt))
    scored.sort(reverse=True)
    return tuple(alt for _, alt in scored[:limit])


def integer_value(text: str) -> int | None:
    """13 → 13, 1,250 → 1250; anything with . / - or misplaced commas → None."""
    if text.isdigit():
        return int(text)
    groups = text.split(",")
    if (
        len(groups) > 1 and all(g.isdigit() for g in groups)
        and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    ):
        return int("".join(groups))
    return None
