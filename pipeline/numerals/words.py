"""Put re-read digits back into OCR words (แทนตัวเลขในคำที่ OCR อ่านได้).

Tesseract keeps the letters (it reads Thai letters well); only digits come from the glyph
classifier. The word's glyphs (left to right) are aligned with the OCR text's characters by a
small edit-distance DP, because Tesseract sometimes reads a Thai digit as a letter (๗ → ฆ,
๘ → ฒ) or drops one, so the two sequences need not line up one to one.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from pipeline.numerals.model import SEPARATORS
from pipeline.numerals.reader import (
    NUMERIC,
    VALUES,
    GlyphReading,
    reading_from_glyphs,
)
from pipeline.records import Word
from pipeline.thai.chars import ARABIC_DIGITS, COMBINING_MARK_SET, THAI_DIGITS, UNREADABLE, to_arabic

# Thai marks that sit above or below a base letter: one glyph with it after merging.
_MARKS = COMBINING_MARK_SET
# Letters Tesseract's tha model writes for digits it has no class for.
SUSPECT_LETTERS = frozenset("ฆฒณญอฅซ๏!|'`:;«»")
_NUMERIC_IDX = [VALUES.index(v) for v in ARABIC_DIGITS + SEPARATORS]
SURE = 0.9  # a glyph must be this sure to overrule a letter Tesseract read
# Leaving a digit of the row's number unpaired: a little dearer than another digit (0.9), which
# breaks a tie its way, but cheaper than pairing it with a letter (1.2 plus a skipped letter's
# 0.5 would no longer beat it, and the ว of `/ว๕๐๔๗` was given to a digit).
RUN_SKIP = 1.0


def has_digit(text: str) -> bool:
    return any(c in ARABIC_DIGITS or c in THAI_DIGITS for c in text)


def should_reread(text: str) -> bool:
    """Holds a digit, or is made only of the letters Tesseract writes for digits (๗ → ฆ)."""
    if has_digit(text):
        return True
    core = [c for c in text if c not in _MARKS]
    return bool(core) and all(c in SUSPECT_LETTERS or c in SEPARATORS for c in core) and any(
        c in SUSPECT_LETTERS and c.isalpha() for c in core)


def units(text: str) -> list[str]:
    """Base characters with their stacked marks attached: roughly one per glyph."""
    out: list[str] = []
    for ch in text:
        if ch in _MARKS and out:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def is_numeric_unit(u: str) -> bool:
    return u[0] in ARABIC_DIGITS or u[0] in THAI_DIGITS or u[0] in SEPARATORS


def _pair_cost(g: GlyphReading, u: str) -> float:
    numeric = g.best in NUMERIC
    if is_numeric_unit(u):
        if not numeric:
            return 0.8
        # Tesseract's digits are unreliable, its separators are not: a digit paired with a
        # separator means the two sequences slipped (a split letter, a speck read as ".").
        if (g.best in SEPARATORS) != (u[0] in SEPARATORS):
            return 0.7
        return 0.2 if g.best in SEPARATORS and g.best != u[0] else 0.0
    if not numeric:
        return 0.0
    return 0.4 if u[0] in SUSPECT_LETTERS else 1.2


def align(glyphs: list[GlyphReading], us: list[str],
          run_glyphs: frozenset[int] = frozenset()) -> list[tuple[int | None, int | None]]:
    """Needleman–Wunsch between glyphs and text units; returns (glyph idx, unit idx) pairs.
    A glyph of the row's number (`run_glyphs`) gives its digit whatever it pairs with, so it
    is costly to leave unpaired: a unit it leaves is not another glyph's to take (seen: the
    day `19` of a stamp, its 9 left unpaired on a tie and Tesseract's 9 given to a point
    of `ส.ค.` read as 6, came back 196)."""
    n, m = len(glyphs), len(us)
    skip_g = [_skip_cost(g, run_glyphs) for g in glyphs]
    skip_u = [0.7 if is_numeric_unit(u) else 0.5 for u in us]
    cost = np.zeros((n + 1, m + 1))
    cost[1:, 0] = np.cumsum(skip_g)
    cost[0, 1:] = np.cumsum(skip_u)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i, j] = min(
                cost[i - 1, j - 1] + _pair_cost(glyphs[i - 1], us[j - 1]),
                cost[i - 1, j] + skip_g[i - 1],
                cost[i, j - 1] + skip_u[j - 1],
            )
    return _backtrack(cost, glyphs, us, skip_g, skip_u)


def _skip_cost(g: GlyphReading, run_glyphs: frozenset[int]) -> float:
    if g.best not in ARABIC_DIGITS:
        return 0.3
    return RUN_SKIP if id(g.glyph) in run_glyphs else 0.9


def _backtrack(cost, glyphs, us, skip_g, skip_u) -> list[tuple[int | None, int | None]]:
    i, j, path = len(glyphs), len(us), []
    while i > 0 or j > 0:
        if i > 0 and j > 0 and np.isclose(
            cost[i, j], cost[i - 1, j - 1] + _pair_cost(glyphs[i - 1], us[j - 1])
        ):
            path.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and np.isclose(cost[i, j], cost[i - 1, j] + skip_g[i - 1]):
            path.append((i - 1, None))
            i -= 1
        else:
            path.append((None, j - 1))
            j -= 1
    return path[::-1]


def _numeric_value(g: GlyphReading) -> tuple[str, float]:
    k = _NUMERIC_IDX[int(np.argmax(g.probs[_NUMERIC_IDX]))]
    return VALUES[k], float(g.probs[k])


def merge_text(
    glyphs: list[GlyphReading], us: list[str], run_glyphs: frozenset[int] = frozenset()
) -> tuple[list[str], list[GlyphReading], list[int]]:
    """The word's units with digits from the image; the glyphs that supplied digits, and where
    in the output each one went. Glyphs whose id(glyph.glyph) is in `run_glyphs` belong to a
    number found on the row (runs.py): they always give their digit, aligned or not."""
    out: list[str] = []
    used: list[GlyphReading] = []
    slots: list[int] = []

    def take(g: GlyphReading, value: str) -> None:
        slots.append(len(out))
        used.append(g)
        out.append(value)

    pairs = align(glyphs, us, run_glyphs)
    inside = _inside_runs(pairs, glyphs, run_glyphs)
    read_mark = "ว" in "".join(us)  # Tesseract wrote the mark itself: an unpaired letter glyph is not it
    for k, (gi, ui) in enumerate(pairs):
        g = glyphs[gi] if gi is not None else None
        u = us[ui] if ui is not None else None
        in_run = g is not None and id(g.glyph) in run_glyphs
        if g is None:
            # A digit Tesseract saw but no glyph backs is dropped; so is a stray letter it
            # wrote for a digit (๗ → ฒญ, ๘ → ส๕), the other half of which took the glyph,
            # and any letter between two digits of one number on the image.
            drop = u is None or is_numeric_unit(u) or u[0] in SUSPECT_LETTERS or inside[k]
            out.append("" if drop else u)
        elif in_run:
            take(g, g.best)  # the row's number: Tesseract's letter or gap here was wrong
        elif u is None:
            # Digits Tesseract dropped come in runs. Of lone separators only / and - are
            # taken (๗/ read as one letter); an unmatched "." or "," is as likely a speck.
            if g.best in "/-" and g.p >= SURE:
                take(g, g.best)
            elif g.best == "other" and g.p >= SURE and _after_office_slash(out) and not read_mark:
                # A letter Tesseract dropped right after a number's slash: only ว is printed there
                # (seen: ๐๐๒๓.๔/ว๓๐๓๒ read `11@0010`, whose digits the glyph pass put back).
                out.append(UNREADABLE)
        elif is_numeric_unit(u) and u not in SEPARATORS and g.best == "other" and g.p >= SURE:
            # Tesseract's digit is a letter on the image (ฉ → 0). Right after a number's slash
            # it is kept as unreadable: a letter stands there (`/ว๔๒๖๑` read 0023.17246261).
            out.append(UNREADABLE if _after_slash(out) else "")
        elif is_numeric_unit(u) and u[0] not in SEPARATORS and g.best not in NUMERIC and _dust(g):
            # A speck no digit is as small as backs none of Tesseract's (seen: dust before a
            # stamp's ๑๒๖๖ paired with the ๑ Tesseract wrote twice, read 11266).
            out.append("")
        elif is_numeric_unit(u) or (g.best in NUMERIC and g.p >= SURE):
            value, p = _numeric_value(g)
            if g.best in NUMERIC or p > 0.2:
                take(g, value)
            else:
                out.append(to_arabic(u))
        else:
            out.append(u)
    return out, used, slots


DUST = 0.35  # of the band height, both ways: smaller than any digit (a full stop is no digit)


def _dust(g: GlyphReading) -> bool:
    return g.band is not None and max(g.glyph.w, g.glyph.h) < DUST * g.band.height


# A document number's office (owner, point, sub-unit) and its slash (`0023.4/`): a date's slash
# (`21/5/65`) has no point before it. The row pass (rows.py) tests what stands after it.
OFFICE_SLASH = r"\d{2,5}[.,]\s?\d{1,2}\s*/"
_OFFICE_SLASH = re.compile(OFFICE_SLASH + "$")


def _after_office_slash(out: list[str]) -> bool:
    return bool(_OFFICE_SLASH.search("".join(out)))


def _after_slash(out: list[str]) -> bool:
    last = next((piece for piece in reversed(out) if piece), "")
    return last == "/"


def _inside_runs(
    pairs: list[tuple[int | None, int | None]], glyphs: list[GlyphReading], run_glyphs: frozenset[int]
) -> list[bool]:
    """Per aligned pair: lies between two glyphs of the row's numbers (no glyph of its own)."""
    flags = [gi is not None and id(glyphs[gi].glyph) in run_glyphs for gi, _ in pairs]
    has_glyph = [gi is not None for gi, _ in pairs]
    out = []
    for k in range(len(pairs)):
        before = next((flags[j] for j in range(k - 1, -1, -1) if has_glyph[j]), False)
        after = next((flags[j] for j in range(k + 1, len(pairs)) if has_glyph[j]), False)
        out.append(before and after)
    return out


def reread_text(
    w: Word, glyphs: list[GlyphReading], run_glyphs: frozenset[int] = frozenset()
) -> Word:
    """The word with its digits taken from `glyphs` (its own, left to right)."""
    merged, used, slots = merge_text(glyphs, units(w.text), run_glyphs)
    reading = reading_from_glyphs(used)
    if not used or reading is None or not has_digit(text := "".join(merged)):
        return _digits_unseen(w, used, [merged[k] for k in slots])
    alts = [
        "".join(merged[:slots[k]] + [value] + merged[slots[k] + 1 :])
        for k, value in _glyph_alternatives(used)
    ]
    conf = reading.confidence * _doubt(used, [merged[k] for k in slots])
    return replace(w, text=text, conf=round(100 * conf, 1),
                   alternatives=tuple(a for a in alts if a != text)[:3], reread=True)


def _doubt(used: list[GlyphReading], values: list[str]) -> float:
    """How sure the pass is of the digits it gave glyphs it took for letters (the product of
    those digits' probabilities). `reading_from_glyphs` counts only the glyphs read as digits,
    so without this a number holding a guessed digit reads as sure as one without (seen: ๒๕๖๗
    in a letter's date, its ๗ taken for a letter at 0.58 and given a 3 at 0.29, came back 2563
    at 100 and outweighed the token's own crop reading 2567 at 99.97)."""
    doubt = 1.0
    for g, value in zip(used, values, strict=True):
        if g.best not in NUMERIC and value in VALUES:
            doubt *= float(g.probs[VALUES.index(value)])
    return doubt


def _digits_unseen(w: Word, used: list[GlyphReading], values: list[str]) -> Word:
    """No glyph read as a digit: Tesseract's digits stand, as Arabic. Where the pass still gave
    some glyph a digit, the token is marked read again with the pass's doubt as its confidence,
    so the token's own crop reading is weighed against it (`NumeralReader._cross_check`; seen:
    ๗ of `๗ มีนาคม`, written 3 by Tesseract, taken for a letter by the pass at 0.68 and read 7
    at 0.9999 from its crop)."""
    if not has_digit(w.text):
        return w
    arabic = replace(w, text=to_arabic(w.text))
    if not used or not _NUMBER_ONLY.fullmatch(arabic.text):
        return arabic
    return replace(arabic, conf=min(w.conf, round(100 * _doubt(used, values), 1)), reread=True)


_NUMBER_ONLY = re.compile(r"[0-9]+")


def _glyph_alternatives(used: list[GlyphReading]) -> list[tuple[int, str]]:
    """(glyph index, runner-up digit) for the least certain glyphs first."""
    cands = []
    for k, g in enumerate(used):
        value, p2 = g.runner_up()
        if p2 > 1e-3:
            cands.append((p2 / max(g.p, 1e-9), k, value))
    cands.sort(reverse=True)
    return [(k, v) for _, k, v in cands[:3]]
