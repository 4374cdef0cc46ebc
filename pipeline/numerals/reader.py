"""Read a number from pixels (อ่านตัวเลขจากภาพ): segment, split touching glyphs, classify.

Thai and Arabic forms of a digit are pooled before deciding (๘ and 8 both mean 8), so a model
unsure which script it sees is still sure of the value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any, Generic, TypeVar

import cv2
import numpy as np

from pipeline import components
from pipeline.numerals.features import featurise_all, featurise_each
from pipeline.numerals.memo import CropMemo
from pipeline.numerals.model import SEPARATORS, GlyphModel
from pipeline.numerals.segment import (
    Band,
    Glyph,
    cut_points,
    estimate_band,
    merge,
    min_part_width,
    part_between,
    parts_between,
    segment,
    without_lower_pieces,
)
from pipeline.thai.chars import ARABIC_DIGITS, THAI_DIGITS

T = TypeVar("T")
MODEL_PATH = Path(__file__).with_name("model.npz")
HAND_MODEL_PATH = Path(__file__).with_name("model_hand.npz")  # printed faces + handwriting (stamps)
VALUES: tuple[str, ...] = (*ARABIC_DIGITS, *SEPARATORS, "other", "noise", "multi")
NUMERIC = frozenset(ARABIC_DIGITS + SEPARATORS)
_REAL = [i for i, v in enumerate(VALUES) if v not in ("noise", "multi")]
# A glyph this much wider than the band is tall is too wide for any single digit.
MAX_DIGIT_ASPECT = 1.15
# Cell crops (read()): a digit shorter than this many pixels is scan dust at any resolution a
# scanner or phone gives (a 10 pt digit is ~14 px tall at 150 dpi); dust next to a dash in an
# otherwise empty cell would otherwise be read as "1" or "3".
MIN_DIGIT_PX = 8
# … and a "digit" less than this share of the tallest digit's height in the same crop is dust.
MIN_DIGIT_SHARE = 0.45
# Specks that merged with a digit (a dot above ๑, below ๓): pieces outside the digit's own box
# with at most this share of its ink, and no taller/wider than SPECK_SIZE of its height (a tone
# mark over ห is ~0.35 of its height: it stays, and ห is no digit anyway).
SPECK_INK = 0.15
SPECK_SIZE = 0.3
# A digit stripped of specks replaces the merged glyph only when this sure.
STRIPPED_SURE = 0.9
# Broken glyphs side by side are rejoined when no further apart than this share of the band
# height, and the union is a digit this sure.
JOIN_GAP = 0.12
JOIN_SURE = 0.95
JOIN_MAX = 4
# ๗ tails cut off by a split (see _restore_tails): steps of this share of the band height, up
# to TAIL_STEPS of them, right of the cut; how sure the 7 must be.
TAIL_STEP = 0.08
TAIL_STEPS = 5
TAIL_SURE = 0.9
# On text rows, only when the merged glyph is not this likely a Thai letter with its mark (ำ
# without its ring is า, which some faces draw like a 1).
ROW_STRIP_MAX_OTHER = 0.5


class _once(Generic[T]):  # noqa: N801 (a decorator, named like property)
    """functools.cached_property without its lock: on Python 3.11 every first look took an
    RLock, a tenth of a row's Python time (F11). A reading's value is the same whichever thread
    works it out first, so two threads racing for it cannot store different values."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func, self.name = func, func.__name__

    def __get__(self, obj: object, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]  # looked up on the class
        value = self.func(obj)
        obj.__dict__[self.name] = value  # found before this descriptor from now on
        return value


@dataclass(frozen=True)
class GlyphReading:
    glyph: Glyph
    probs: np.ndarray  # over VALUES
    band: Band | None = None  # the text band the glyph was judged in (rows: its local band)

    # Asked for again and again while runs, alignments and joins are weighed: worked out once
    # (a reading's probabilities are never changed after it is made).
    @_once
    def best(self) -> str:
        return VALUES[int(self.probs.argmax())]

    @_once
    def p(self) -> float:
        return float(self.probs.max())

    def runner_up(self) -> tuple[str, float]:
        order = np.argsort(self.probs)[::-1]
        second = next(i for i in order[1:] if VALUES[i] in NUMERIC)
        return VALUES[int(second)], float(self.probs[second])


class GlyphReader:
    """Turns a crop into classified glyphs, left to right."""

    def __init__(self, model: GlyphModel, other_weight: float = 1.0, cell: bool = False,
                 packed: bool = False) -> None:
        self.model = model
        # packed=True: rows are set as tightly as a receiving stamp's, whose neighbours' ink
        # reaches into a row's window (rows.without_neighbours); on print, Tesseract's boxes
        # are no such guide to a row's own ink.
        self.packed = packed
        # cell=True: the crop holds one number and little else (a table cell), so specks merged
        # with digits are stripped and dust-sized "digits" dropped (see clean_cell).
        self.cell = cell
        # Fold the model's classes (Thai and Arabic digits apart) into values.
        self.fold = np.zeros((len(model.classes), len(VALUES)), np.float32)
        for i, c in enumerate(model.classes):
            value = ARABIC_DIGITS[THAI_DIGITS.index(c)] if c in THAI_DIGITS else c
            self.fold[i, VALUES.index(value)] = other_weight if value == "other" else 1.0
        self._memo: CropMemo[GlyphReading] = CropMemo()  # the same crop is read again by later passes (memo.py)
        self._splits: CropMemo[GlyphReading] = CropMemo(4096)  # the same glyph split again (_best_split)

    def probs(self, glyphs: list[Glyph], band: Band) -> np.ndarray:
        if not glyphs:
            return np.zeros((0, len(VALUES)), np.float32)
        folded = self.model.predict_proba(featurise_all(glyphs, band)) @ self.fold
        return folded / folded.sum(axis=1, keepdims=True)

    def read_glyphs(self, gray: np.ndarray) -> list[GlyphReading]:
        """A short crop (a cell, a number): one band for all its glyphs."""
        return self._memo.read("glyphs", gray, self._read_glyphs)

    def _read_glyphs(self, gray: np.ndarray) -> list[GlyphReading]:
        glyphs, band = segment(gray)
        if not self.cell:
            return self._classify(glyphs, [band] * len(glyphs))
        readings = self._read_cell(glyphs, band, gray)
        # The band is measured on glyphs before broken ones are joined: the two halves of a ๔
        # broken at its waist made a band of half a digit, and the whole ๔ then looked two
        # digits wide and was cut into letters (๑๔ read 1). Measured again on the joined glyphs
        # (without ink hanging below them), a different band gives a second reading; the one
        # that leaves fewer glyphs unread as digits wins, the first on a tie.
        again = estimate_band([without_lower_pieces(g, band) for g in glyphs])
        if abs(again.top - band.top) + abs(again.bottom - band.bottom) <= BAND_SAME * band.height:
            return readings
        second = self._read_cell(glyphs, again, gray)
        return second if _unread(second) < _unread(readings) else readings

    def _read_cell(self, glyphs: list[Glyph], band: Band, gray: np.ndarray) -> list[GlyphReading]:
        glyphs = self._strip_specks(glyphs, [band] * len(glyphs), whole_wins=False)
        glyphs, probs = self._strip_halo_specks(glyphs, band, gray)
        return drop_dust(self._above_the_feet(self._classify(glyphs, [band] * len(glyphs), probs)))

    def _above_the_feet(self, readings: list[GlyphReading]) -> list[GlyphReading]:
        """A digit hanging below the feet of the digits beside it, cut at their feet, when that
        reads a sure digit. No Thai or Arabic digit descends below the line, so ink there that
        touches a digit is a speck: one at ๐'s foot made it ๑ or ๙, often surely (๒๐ read 21,
        ๒๐ read 29)."""
        cuts = [(k, cut) for k in range(len(readings)) if (cut := _cut_at_feet(readings, k)) is not None]
        if not cuts:
            return readings
        out = list(readings)
        bands = [readings[k].band or Band(0.0, 1.0) for k, _ in cuts]
        for (k, cut), pr, band in zip(cuts, self._probs_each([c for _, c in cuts], bands), bands, strict=True):
            if _sure_digit(pr) and VALUES[int(pr.argmax())] != readings[k].best:
                out[k] = GlyphReading(cut, pr, band)  # else the digit's own dip (Garuda's ๑): kept as read
        return out

    def _strip_halo_specks(self, glyphs: list[Glyph], band: Band,
                           gray: np.ndarray) -> tuple[list[Glyph], np.ndarray | None]:
        """A speck that only the blur around it joins to a digit: the ink mask keeps a glyph's
        light edges, so a dot beside ๑'s head makes one piece with it, and the piece reads as a
        letter (SCAN_0033: ๑๑ read 1). Where such a piece is no sure digit, its dark core is cut
        from it; when the core is one body and specks, the body grown back into the piece's own
        ink is taken if it reads a sure digit.

        The glyphs are classified here all together, as `_classify` classifies them: when none is
        cut, their probabilities are returned for `_classify` to use rather than work out again
        (to the bit: the model's rows come out of one batch of the same glyphs); else None."""
        whole = [i for i, g in enumerate(glyphs) if g.one_piece] if gray.ndim == 2 else []
        if not whole:
            return glyphs, None
        probs = self._probs_each(glyphs, [band] * len(glyphs))
        smooth = cv2.GaussianBlur(gray, (3, 3), 0)
        cores = [(i, core) for i in whole
                 if not _sure_digit(probs[i]) and (core := dark_body(glyphs[i], smooth)) is not None]
        out = list(glyphs)
        for (i, core), ps in zip(cores, self._probs_each([c for _, c in cores], [band] * len(cores)),
                                 strict=True):
            if _sure_digit(ps):
                out[i] = core
        return out, probs if all(a is b for a, b in zip(out, glyphs, strict=True)) else None

    def read_row(self, gray: np.ndarray) -> list[GlyphReading]:
        """A whole text row: each glyph is judged in the band of its neighbours, because a long
        row on a slightly skewed scan drifts by half a line from end to end."""
        return self._memo.read("row", gray, self._read_row)

    def _read_row(self, gray: np.ndarray) -> list[GlyphReading]:
        glyphs, band = segment(gray)
        glyphs = [without_lower_pieces(g, band) for g in glyphs]
        bands = local_bands(glyphs, height=gray.shape[0])
        glyphs = self._strip_specks(glyphs, bands, max_other=ROW_STRIP_MAX_OTHER)
        return self._joined_between_digits(self._bare_between_digits(self._classify(glyphs, bands)))

    def _bare_between_digits(self, readings: list[GlyphReading]) -> list[GlyphReading]:
        """A glyph taken for a Thai letter with a mark, set between two sure digits of one
        number or at its end (a sure digit on one side, no glyph close on the other), is the
        digit without the specks merged over it when that reads a sure digit.

        Why: `_strip_specks` keeps a letter with its mark whole on text rows (ำ without its ring
        is า), but no letter stands inside a number: seen, two specks over ๐ in `ว๓๐๔๑` made the
        glyph a letter and the serial lost a digit; a speck over a stamp's last ๕ (`๑๕/๕/๕๕`
        read 15/5/5) and over its first ๓ did the same at a number's ends."""
        inside = [k for k in range(len(readings)) if readings[k].best == "other"
                  and _in_a_number(readings[k], *_beside(readings, k, k))]
        bare = [(k, g) for k in inside if (g := without_specks(readings[k].glyph)) is not None]
        if not bare:
            return readings
        bands = [readings[k].band or Band(0.0, 1.0) for k, _ in bare]
        out = list(readings)
        for (k, g), pr, band in zip(bare, self._probs_each([g for _, g in bare], bands), bands, strict=True):
            if VALUES[int(pr.argmax())] in ARABIC_DIGITS and pr.max() >= STRIPPED_SURE:
                out[k] = GlyphReading(g, pr, band)
        return out

    def _joined_between_digits(self, readings: list[GlyphReading]) -> list[GlyphReading]:
        """Two pieces taken for letters between two sure digits are one digit broken in two
        (or a digit and its point) when together they read a sure digit of a digit's width
        (seen: ๓ of `๐๐๒๓.๒` broken at
        its waist, both halves letters, read 002.2). `_join_fragments` wants noise among the
        pieces; inside a number a letter-like half is as broken."""
        out, k = list(readings), 1
        while k < len(out) - 2:
            pair = out[k : k + 2]
            before, after = _beside(out, k, k + 1)
            if all(r.best == "other" for r in pair) and before is not None and after is not None \
                    and _sure_digit_beside(before, pair[0]) and _sure_digit_beside(after, pair[1], points=True):
                joined = self._sure_union(pair, max(before.glyph.w, after.glyph.w))
                if joined is not None:
                    out[k : k + 2] = [joined]
            k += 1
        return out

    def _sure_union(self, pieces: list[GlyphReading], digit_w: int) -> GlyphReading | None:
        """The pieces as one glyph if that is a sure digit no wider than the digits beside
        (`digit_w`, the wider; Thai ๓ is wider than the band is tall)."""
        band = pieces[0].band or Band(0.0, 1.0)
        union = merge(pieces[0].glyph, pieces[1].glyph)
        if union.w > MAX_DIGIT_ASPECT * digit_w:
            return None
        pr = self._probs_each([union], [band])[0]
        sure = VALUES[int(pr.argmax())] in ARABIC_DIGITS and pr.max() >= JOIN_SURE
        return GlyphReading(union, pr, band) if sure else None

    def _classify(self, glyphs: list[Glyph], bands: list[Band],
                  probs: np.ndarray | None = None) -> list[GlyphReading]:
        """`probs`: the glyphs' probabilities in these bands, when already worked out."""
        probs = self._probs_each(glyphs, bands) if probs is None else probs
        out: list[GlyphReading] = []
        for g, band, pr in zip(glyphs, bands, probs, strict=True):
            if self._needs_split(g, pr, band):
                out += self._best_split(g, pr, band)
            else:
                out.append(GlyphReading(g, pr, band))
        return self._join_fragments(out)

    def _join_fragments(self, readings: list[GlyphReading]) -> list[GlyphReading]:
        """Rejoin a digit that light print broke side by side (Norasi's ๒: the stem loses the
        hairline to its loop, and the pieces alone are noise): up to JOIN_MAX neighbours, one
        of them noise, none a sure digit, that together make a digit-sized, sure digit."""
        # The tests of one reading, once (F11: most rows hold no noise at all).
        noise = [r.best == "noise" for r in readings]
        if not any(noise):
            return readings
        sure = [r.best in NUMERIC and r.p >= JOIN_SURE for r in readings]
        spans = [span for i in range(len(readings)) for span in _joinable_spans(readings, i, noise, sure)]
        if not spans:
            return readings
        unions = []
        for i, j in spans:
            u = readings[i].glyph
            for r in readings[i + 1 : j]:
                u = merge(u, r.glyph)
            unions.append(u)
        bands = [readings[i].band or Band(0.0, 1.0) for i, _ in spans]
        probs = self._probs_each(unions, bands)
        best: dict[int, tuple[float, int, GlyphReading]] = {}
        for (i, j), u, pr, band in zip(spans, unions, probs, bands, strict=True):
            if VALUES[int(pr.argmax())] in ARABIC_DIGITS and pr.max() >= JOIN_SURE:
                if i not in best or (pr.max(), j) > best[i][:2]:
                    best[i] = (float(pr.max()), j, GlyphReading(u, pr, band))
        out: list[GlyphReading] = []
        i = 0
        while i < len(readings):
            if i in best:
                out.append(best[i][2])
                i = best[i][1]
            else:
                out.append(readings[i])
                i += 1
        return out

    def _probs_each(self, glyphs: list[Glyph], bands: list[Band]) -> np.ndarray:
        if not glyphs:
            return np.zeros((0, len(VALUES)), np.float32)
        feats = featurise_each(glyphs, bands)
        folded = self.model.predict_proba(feats) @ self.fold
        return folded / folded.sum(axis=1, keepdims=True)

    def _strip_specks(self, glyphs: list[Glyph], bands: list[Band],
                      max_other: float = 1.0, whole_wins: bool = True) -> list[Glyph]:
        """Each glyph that is not a sure digit as merged, but a sure digit without the specks
        that merge_fragments joined to it, is replaced by the bare digit. On text rows
        (max_other < 1) a glyph the model takes for a Thai letter with its mark stays whole.
        In a count cell (not `whole_wins`) the bare digit wins even over a sure reading of the
        whole: every digit is one stroke, so a separate speck is never what makes it a digit,
        yet a dot under ๐ reads as the tail of ๑ or ๖ (seen on 200 dpi scans). Nor does a
        speck make a letter a digit: in a count cell, a glyph that is no sure digit as merged
        but a sure Thai letter bare is the letter (seen: แ of `๑๕ แห่ง` with a dot under its
        first stroke read as ๒, the cell as 152)."""
        candidates = [(i, bare) for i, g in enumerate(glyphs)
                      if (bare := without_specks(g)) is not None]
        if not candidates:
            return glyphs
        whole = self._probs_each([glyphs[i] for i, _ in candidates], [bands[i] for i, _ in candidates])
        stripped = self._probs_each([bare for _, bare in candidates], [bands[i] for i, _ in candidates])
        other = VALUES.index("other")
        out = list(glyphs)
        for (i, bare), pw, ps in zip(candidates, whole, stripped, strict=True):
            whole_sure = VALUES[int(pw.argmax())] in ARABIC_DIGITS and pw.max() >= STRIPPED_SURE
            if ((not whole_sure or not whole_wins) and pw[other] <= max_other
                    and VALUES[int(ps.argmax())] in ARABIC_DIGITS and ps.max() >= STRIPPED_SURE):
                out[i] = bare
            elif not whole_wins and not whole_sure and ps[other] >= STRIPPED_SURE:
                out[i] = bare  # a speck made a letter of the unit word look like a digit
        return out

    def _needs_split(self, g: Glyph, pr: np.ndarray, band: Band) -> bool:
        best = VALUES[int(pr.argmax())]
        if best == "other" and pr.max() > 0.9:
            return False  # a wide Thai letter (ม ฒ) is not two digits
        return best == "multi" or g.w > MAX_DIGIT_ASPECT * band.height or pr.max() < 0.6

    def _best_split(self, g: Glyph, whole: np.ndarray, band: Band) -> list[GlyphReading]:
        """Cut at projection minima where the classifier likes the parts best (DP over cuts).

        The same glyph in the same place in its band is split the same wherever it stands, so a
        glyph the letter-number pass meets again in a header line's crop (read as a page row
        before) is not cut up and classified again (F11: one split in seven was a repeat)."""
        kind = f"split {g.y - band.top} {g.y - band.bottom} {whole.tobytes().hex()}"
        found = self._splits.read(kind, g.mask, lambda _: self._split_at_origin(g, whole, band))
        if not found:
            return [GlyphReading(g, whole, band)]
        return [GlyphReading(replace(r.glyph, x=r.glyph.x + g.x, y=r.glyph.y + g.y), r.probs, band) for r in found]

    def _split_at_origin(self, g: Glyph, whole: np.ndarray, band: Band) -> list[GlyphReading]:
        """The glyph's parts with the glyph moved to (0, 0) (its band with it; the arithmetic of
        whole and half pixels is exact, so the features are the same), or [] to keep it whole."""
        at_origin = replace(g, x=0, y=0)
        pieces = self._split(at_origin, whole, Band(band.top - g.y, band.bottom - g.y))
        return [] if len(pieces) == 1 and pieces[0].glyph is at_origin else pieces

    def _split(self, g: Glyph, whole: np.ndarray, band: Band) -> list[GlyphReading]:
        cuts = cut_points(g, band)
        edges = [0, *cuts, g.w]
        cols: list[int | None] = [None, *cuts, None]
        narrow = min_part_width(band)
        spans = [
            (a, b) for a in range(len(edges)) for b in range(a + 1, len(edges))
            if edges[b] - edges[a] >= narrow
        ]
        parts = parts_between(g, [(cols[a], cols[b]) for a, b in spans])
        probs = self.probs([p for p in parts if p is not None], band)
        table: dict[tuple[int, int], tuple[Glyph, np.ndarray]] = {}
        it = iter(probs)
        for span, part in zip(spans, parts, strict=True):
            if part is not None:
                table[span] = (part, next(it))
        self._restore_tails(g, band, edges, table)
        best: list[tuple[float, list[int]]] = [(0.0, [0])] + [(-np.inf, [])] * (len(edges) - 1)
        for b in range(1, len(edges)):
            for a in range(b):
                if (a, b) in table and best[a][0] > -np.inf:
                    score = best[a][0] + np.log(table[(a, b)][1][_REAL].max() + 1e-9)
                    if score > best[b][0]:
                        best[b] = (score, [*best[a][1], b])
        path = best[-1][1]
        pieces = [GlyphReading(*table[(a, b)], band) for a, b in pairwise(path) if (a, b) in table]
        if len(path) <= 2 or _letters_of_a_sure_digit(whole, pieces):
            return [GlyphReading(g, whole, band)]
        return pieces


    def _restore_tails(self, g: Glyph, band: Band, edges: list[int],
                       table: dict[tuple[int, int], tuple[Glyph, np.ndarray]]) -> None:
        """A part read as 3 may be a ๗ whose tail the cut took: Garuda's ๗ is ๓ with a tail
        rising at its right that leans on the next glyph (๗ค, ๗-, ๗๗), so the cut candidates
        (projection minima, a coarse grid) often fall just inside the tail. The part is tried
        again with its right edge moved out in fine steps; a sure 7 replaces the 3."""
        three = VALUES.index("3")
        step = max(1, int(TAIL_STEP * band.height))
        threes = [span for span, (_, pr) in table.items()
                  if int(pr.argmax()) == three and span[1] < len(edges) - 1]
        if not threes:
            return
        # Thai ๓ only: an Arabic 3 touching a "/" would make a 7 of its own.
        raw = self.model.predict_proba(featurise_all([table[s][0] for s in threes], band))
        thai3, arabic3 = self.model.classes.index("๓"), self.model.classes.index("3")
        tries = [(span, part) for span, pr in zip(threes, raw, strict=True)
                 if pr[thai3] > pr[arabic3]
                 for k in range(1, TAIL_STEPS + 1)
                 if (part := part_between(g, edges[span[0]] or None,
                                          min(g.w, edges[span[1]] + k * step))) is not None]
        if not tries:
            return
        feats = featurise_all([part for _, part in tries], band)
        raw = self.model.predict_proba(feats)
        probs = raw @ self.fold
        probs /= probs.sum(axis=1, keepdims=True)
        thai7 = self.model.classes.index("๗")
        # A "/" after the cut rises just like the tail would (๓/ in dates): the 3 stands.
        slash = VALUES.index("/")
        before_slash = {a for (a, _), (_, pr) in table.items() if int(pr.argmax()) == slash}
        for (span, part), pr, rp in zip(tries, probs, raw, strict=True):
            if (int(rp.argmax()) == thai7 and pr.max() >= TAIL_SURE and span[1] not in before_slash
                    and VALUES[int(table[span][1].argmax())] == "3"):
                table[span] = (part, pr)


BAND_SAME = 0.15  # of the band's height: two bands closer than this read alike


def _letters_of_a_sure_digit(whole: np.ndarray, pieces: list[GlyphReading]) -> bool:
    """A glyph read surely as one digit is cut only into digits: a cut is there to find the
    digits of a glyph too wide for one, and pieces that read as letters say it was one wide
    digit (seen on a 300 dpi scan: a broad ๓ at p 0.995, cut into two "letters" at p 1.0, so
    ๑๓ read 1)."""
    sure_digit = VALUES[int(whole.argmax())] in ARABIC_DIGITS and float(whole.max()) >= STRIPPED_SURE
    return sure_digit and any(p.best not in ARABIC_DIGITS for p in pieces)


def _unread(readings: list[GlyphReading]) -> int:
    """Glyphs of a cell taken for letters: ink a reading leaves unexplained as digits."""
    return sum(r.best == "other" for r in readings)


BESIDE_GAP = 0.6  # of the band height: wider, a word space parts the two glyphs


def _beside(readings: list[GlyphReading], first: int, last: int) -> tuple[GlyphReading | None, GlyphReading | None]:
    """The nearest readings before `first` and after `last` that are not noise (dust under a
    digit sorts between it and its neighbour)."""
    # By index, not over slices: a slice copies the row's readings, once per glyph asked about.
    before = next((readings[i] for i in range(first - 1, -1, -1) if readings[i].best != "noise"), None)
    after = next((readings[i] for i in range(last + 1, len(readings)) if readings[i].best != "noise"), None)
    return before, after


def _sure_digit_beside(neighbour: GlyphReading, glyph: GlyphReading, points: bool = False) -> bool:
    """`neighbour` is a sure digit (or, with `points`, a decimal point or comma) set close
    beside `glyph` (no word space between them)."""
    kinds = ARABIC_DIGITS + ".," if points else ARABIC_DIGITS
    if neighbour.best not in kinds or neighbour.p < STRIPPED_SURE or glyph.band is None:
        return False
    return _close_beside(neighbour, glyph)


def _in_a_number(glyph: GlyphReading, before: GlyphReading | None, after: GlyphReading | None) -> bool:
    """A sure digit set close on one side of `glyph`, and on the other one too or no glyph
    close at all: the glyph stands inside a number or at its end, not between it and a word."""
    sides = [n is not None and _sure_digit_beside(n, glyph) for n in (before, after)]
    apart = [n is None or not _close_beside(n, glyph) for n in (before, after)]
    return any(sides) and all(d or a for d, a in zip(sides, apart, strict=True))


def _close_beside(neighbour: GlyphReading, glyph: GlyphReading) -> bool:
    if glyph.band is None:
        return True
    gap = max(neighbour.glyph.x, glyph.glyph.x) - min(neighbour.glyph.x1, glyph.glyph.x1)
    return gap <= BESIDE_GAP * glyph.band.height


def _joinable_spans(readings: list[GlyphReading], i: int, noise: list[bool],
                    sure: list[bool]) -> list[tuple[int, int]]:
    """The spans (i, j) of two to JOIN_MAX readings from i that may be one broken digit: some
    noise, no sure digit or separator (`noise`, `sure`: per reading), close together,
    digit-sized and sharing a line, in i's band.

    The group grows a reading at a time and its widest gap, width and height are kept as it
    grows (F11: worked out again for every group, they took a tenth of a row's reading); as
    they and its sure readings only grow, the first group they fail ends the search."""
    first = readings[i]
    if first.band is None or sure[i]:
        return []
    h = first.band.height
    g = first.glyph
    reach, left, top, bottom, gap, noisy = g.x1, g.x, g.y, g.y1, -np.inf, noise[i]
    out = []
    for j in range(i + 1, min(len(readings), i + JOIN_MAX)):
        g = readings[j].glyph
        gap, reach = max(gap, g.x - reach), max(reach, g.x1)
        left, top, bottom = min(left, g.x), min(top, g.y), max(bottom, g.y1)
        if sure[j] or gap > JOIN_GAP * h or reach - left > MAX_DIGIT_ASPECT * h or bottom - top > 1.3 * h:
            break
        noisy = noisy or noise[j]
        if noisy:
            out.append((i, j + 1))
    return out


def without_specks(g: Glyph) -> Glyph | None:
    """The glyph's largest piece (with the pieces centred inside its box), when everything
    else is a few specks outside it; None when there is nothing to strip."""
    if g.one_piece:
        return None
    n, labels, stats, _ = components.with_stats(g.mask.astype(np.uint8))
    if n <= 2:
        return None
    main = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    kinds = {i: _piece_kind(stats[i], stats[main]) for i in range(1, n) if i != main}
    if "mark" in kinds.values():
        return None  # a real mark (a tone mark, a vowel): the glyph stays whole
    keep = [main, *(i for i, kind in kinds.items() if kind == "inside")]
    return None if len(keep) == n - 1 else _cropped(g, np.isin(labels, keep))


def _piece_kind(piece: np.ndarray, body: np.ndarray) -> str:
    """A piece beside a glyph's body: `inside`, a broken-off stroke of the digit itself (centred
    in the body's box); `speck`, little ink and small both ways; else `mark`."""
    x, y, w, h, area = (int(v) for v in piece)
    mx, my, mw, mh, marea = (int(v) for v in body)
    if mx <= x + w / 2 <= mx + mw and my <= y + h / 2 <= my + mh:
        return "inside"
    return "mark" if area > SPECK_INK * marea or max(w, h) > SPECK_SIZE * mh else "speck"


def _cropped(g: Glyph, mask: np.ndarray) -> Glyph:
    """The part of `g` that `mask` (in g's box) keeps, cut to its own box."""
    ys, xs = np.nonzero(mask)
    y0, y1, x0, x1 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
    return Glyph(g.x + x0, g.y + y0, x1 - x0, y1 - y0, mask[y0:y1, x0:x1])


# Of the neighbours' digit height: a round digit overshoots the line a little (๐, ๖, 0), some
# faces' ๑ dips a tenth below it (Sawasdee, Umpush), feet lie a pixel apart on a skewed scan;
# lower than this, ink below a digit is a speck's.
FEET_SLACK = 0.06


def _cut_at_feet(readings: list[GlyphReading], k: int) -> Glyph | None:
    """Reading k's glyph without its ink below the median feet of the other digits in the crop;
    None when it does not hang below them (or there are no other digits to measure by)."""
    g = readings[k].glyph
    others = [r.glyph for i, r in enumerate(readings) if i != k and r.best in ARABIC_DIGITS]
    if readings[k].best not in ARABIC_DIGITS or not others:
        return None
    feet = float(np.median([o.y1 for o in others]))
    tall = float(np.median([o.h for o in others]))
    keep = int(np.ceil(feet)) - g.y  # cut at the feet themselves: a speck is a few pixels tall
    if g.y1 <= feet + FEET_SLACK * tall or keep < g.h / 2:
        return None
    mask = np.zeros_like(g.mask)
    mask[:keep] = g.mask[:keep]
    return _cropped(g, mask) if mask.any() else None


def _sure_digit(probs: np.ndarray) -> bool:
    return VALUES[int(probs.argmax())] in ARABIC_DIGITS and float(probs.max()) >= STRIPPED_SURE


def dark_body(g: Glyph, smooth: np.ndarray) -> Glyph | None:
    """The glyph's body without the specks that only its light edges join to it: its pixels
    darker than halfway between its darkest ink and the crop's Otsu threshold, when they fall
    into one body and specks outside it (as in `without_specks`), that body grown back 2 px into
    the glyph's ink; None when the dark core is one piece or holds more than specks."""
    box = smooth[g.y:g.y1, g.x:g.x1]
    otsu, _ = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    core = (box < (float(box[g.mask].min()) + otsu) / 2) & g.mask
    n, labels, stats, _ = components.with_stats(core.astype(np.uint8))
    if n <= 2:
        return None
    main = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    if any(_piece_kind(stats[i], stats[main]) != "speck" for i in range(1, n) if i != main):
        return None
    grown = cv2.dilate((labels == main).astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool) & g.mask
    return _cropped(g, grown)


def drop_dust(readings: list[GlyphReading]) -> list[GlyphReading]:
    """Cell crops: "digits" too small to be digits, and "separators" off the digits' line or
    inside a digit's columns, are dust (a speck far below ๑๕ must not make it 1,5)."""
    heights = [_body_height(r.glyph) for r in readings if r.best in ARABIC_DIGITS]
    if not heights:
        return readings
    # The digits' size from the sure ones: the unit's ง taken for a 3 at p 0.56, twice as tall
    # as ๑๐, made them dust. A digit's size is without the specks merged with it: a dot 14 px
    # under ๒ (read sure whole, unsure bare, so kept whole) made the ๑ beside it dust (๒๑ → 2).
    sure = [_body_height(r.glyph) for r in readings if r.best in ARABIC_DIGITS and r.p >= STRIPPED_SURE]
    floor = max(MIN_DIGIT_PX, MIN_DIGIT_SHARE * max(sure or heights))
    digits = [r.glyph for r in readings if r.best in ARABIC_DIGITS and r.glyph.h >= floor]
    top = float(np.median([g.y for g in digits])) if digits else 0.0
    bottom = float(np.median([g.y1 for g in digits])) if digits else 0.0
    tall = max(1.0, bottom - top)
    noise = np.zeros(len(VALUES), np.float32)
    noise[VALUES.index("noise")] = 1.0

    def dust(r: GlyphReading) -> bool:
        g = r.glyph
        if r.best in ARABIC_DIGITS:
            return g.h < floor
        if r.best not in SEPARATORS:
            # A speck between two digits, taken for a letter, would split ๑๕ into 1 and 5.
            return max(g.h, g.w) < floor
        mid_y, mid_x = (g.y + g.y1) / 2, g.x + g.w / 2
        off_line = not top - 0.25 * tall <= mid_y <= bottom + 0.35 * tall
        return off_line or below_the_feet(r, bottom, tall) or above_the_feet(r, top, tall) \
            or any(d.x <= mid_x < d.x1 for d in digits)

    return [GlyphReading(r.glyph, noise, r.band) if dust(r) else r for r in readings]


def below_the_feet(sep: GlyphReading, feet: float, tall: float) -> bool:
    """A point or comma stands on the digits' baseline, its top above their feet; one whose top
    lies below them is a speck (seen on a 300 dpi scan: a speck under the gap of ๑๐ read as a
    point, 1.0, and a count of 10 taken as 1). Other separators stand higher."""
    return sep.best in ".," and sep.glyph.y > feet + BASELINE_SLACK * tall


def above_the_feet(sep: GlyphReading, top: float, tall: float) -> bool:
    """A point or comma whose foot is not below the digits' middle is a speck (seen: dust
    halfway up between a stamp's hand-written `21`, read 2.1, and the day lost)."""
    return sep.best in ".," and sep.glyph.y1 < top + MID_HEIGHT * tall


BASELINE_SLACK = 0.1  # of the digits' height: a point a pixel or two low on a skewed scan
MID_HEIGHT = 0.6  # of the digits' height, from their top: a hand's point sits below it


def _body_height(g: Glyph) -> int:
    """The glyph's height without the specks merged with it (see `without_specks`)."""
    bare = without_specks(g)
    return (bare or g).h


def local_bands(glyphs: list[Glyph], k: int = 9, height: int | None = None) -> list[Band]:
    """Per glyph, the band of the k glyphs nearest along the row (glyphs are sorted by x).

    Given the crop's `height`, glyphs the crop's top or bottom edge cuts do not vote in their
    window: they are the feet of the line above or the heads of the line below that the row's
    window took in. Seen: the cut feet of `๓๔๑๓` above a memo's ที่ line outnumbered the serial's
    own digits among their nearest glyphs, the band moved up to them, and ๓๐๑ of `/๔๓๐๑` were
    dropped as off the row (0809.2/4301 read 0809.2/401). The windows stay those of all glyphs."""
    half = k // 2
    # Glyphs near a row's ends share its first or last window (a row of k or fewer, one window
    # for all): each window's band is worked out once (F11).
    by_start: dict[int, Band] = {}
    cut = [height is not None and cut_by_edge(g, height) for g in glyphs]  # once per glyph, not per window
    out = []
    for i in range(len(glyphs)):
        lo = max(0, min(i - half, len(glyphs) - k))
        if lo not in by_start:
            window = glyphs[lo : lo + k]
            whole = [g for g, edge in zip(window, cut[lo : lo + k], strict=True) if not edge]
            by_start[lo] = estimate_band(whole or window)
        out.append(by_start[lo])
    return out


def cut_by_edge(g: Glyph, height: int) -> bool:
    """The glyph touches the crop's top or bottom row: part of it lies outside the crop."""
    return g.y <= 0 or g.y1 >= height


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
