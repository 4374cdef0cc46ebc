"""Train the glyph classifier from font renders: `python -m pipeline.synth.train_numerals`.

`--faces print` (default) trains model.npz on printed faces, for pages and table cells;
`--faces hand` trains model_hand.npz on the same faces plus a handwriting face, for the
hand-filled receiving stamps that pipeline.ocr.boxes reads.

Reproducible: fixed seeds, fonts from Debian fonts-thai-tlwg/fonts-noto (installed system-wide),
no downloads. Writes pipeline/numerals/model.npz with the version string below; bump it when the
data recipe or features change. Takes a few minutes on one core.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from pipeline.numerals.features import featurise
from pipeline.numerals.model import CLASSES, DIGIT_CLASSES, GlyphModel, fit_mlp
from pipeline.numerals.reader import HAND_MODEL_PATH, MODEL_PATH
from pipeline.numerals.segment import (
    Band,
    Glyph,
    cut_points,
    min_part_width,
    segment,
    split_at,
)
from pipeline.synth.numerals import (
    FONT_NAMES,
    HAND_FONT_NAMES,
    THAI_WORDS,
    Piece,
    available_fonts,
    degrade,
    font_px,
    number_pieces,
    random_degrade,
    random_number,
    render_pieces,
)

FACES = {  # --faces → (font names, model file, version)
    "print": (FONT_NAMES, MODEL_PATH, "numerals-mlp-2025.1"),
    "hand": (FONT_NAMES + HAND_FONT_NAMES, HAND_MODEL_PATH, "numerals-mlp-hand-2026.2"),
}
TRAIN_SEED = 1234  # tests and benchmarks use other seeds
CLASS_INDEX = {c: i for i, c in enumerate(CLASSES)}


def random_line(rng: np.random.Generator) -> list[Piece]:
    """A short line: numbers, sometimes glued to Thai words (๑๓แห่ง, มท๐๘๑๐.๗/ว๔๓๕)."""
    pieces: list[Piece] = []
    for _ in range(int(rng.integers(1, 4))):
        if rng.random() < 0.5:
            pieces.append(Piece(str(rng.choice(THAI_WORDS)), "other"))
            if rng.random() < 0.5:
                pieces.append(Piece(" ", " "))
        pieces += number_pieces(random_number(rng, thai=rng.random() < 0.7))
        if rng.random() < 0.3:
            pieces.append(Piece(str(rng.choice(THAI_WORDS)), "other"))
        pieces.append(Piece(" ", " "))
    return pieces


def label_glyph(g: Glyph, ids: np.ndarray, pieces: list[Piece], sizes: np.ndarray) -> str:
    """Which piece drew this glyph: a digit, a fragment ("noise"), or several ("multi")."""
    drawn = ids[g.y : g.y1, g.x : g.x1][g.mask]
    drawn = drawn[drawn >= 0]
    if len(drawn) < 0.3 * g.mask.sum():
        return "noise"
    counts = np.bincount(drawn, minlength=len(pieces))
    best = int(counts.argmax())
    share = counts[best] / counts.sum()
    if pieces[best].label == "other":
        return "other" if share > 0.6 else "multi"
    if share < 0.85:
        big = [i for i in np.nonzero(counts)[0] if counts[i] > 0.25 * sizes[i]]
        return "multi" if len(big) >= 2 else "noise"
    coverage = counts[best] / max(1, sizes[best])
    if coverage < 0.55:
        return "noise"
    return pieces[best].label if coverage > 0.8 else "skip"


def line_samples(rng: np.random.Generator, fonts: tuple[str, ...]) -> list[tuple[np.ndarray, str]]:
    pieces = random_line(rng)
    px = font_px(float(rng.uniform(11, 20)), int(rng.choice([200, 300])))
    tracking = float(rng.choice([0, 0, 0, -0.04, -0.08, 0.05]))
    font = str(rng.choice(fonts))
    gray, ids = render_pieces(pieces, font, px, tracking=tracking)
    damage = random_degrade(rng, float(rng.choice([0, 0.5, 1, 1.3])))
    if font in HAND_FONT_NAMES:  # a hand leans, mostly right; print models never draw this
        damage = replace(damage, slant=float(rng.uniform(-0.1, 0.35)))
    gray, ids = degrade(gray, ids, damage, rng)
    assert ids is not None
    sizes = np.bincount(ids[ids >= 0], minlength=len(pieces))
    glyphs, band = segment(gray)
    out = [(featurise(g, band), label_glyph(g, ids, pieces, sizes)) for g in glyphs]
    out += split_samples(rng, glyphs, band, ids, pieces, sizes)
    return [(f, lab) for f, lab in out if lab != "skip"]


def split_samples(
    rng: np.random.Generator, glyphs: list[Glyph], band: Band, ids: np.ndarray,
    pieces: list[Piece], sizes: np.ndarray,
) -> list[tuple[np.ndarray, str]]:
    """Parts of glyphs cut at projection minima, as the reader will try them: teaches the model
    that half a digit is not a digit, and that a clean cut of touching digits is."""
    out = []
    for g in glyphs:
        cuts = cut_points(g, band)
        if not cuts or rng.random() < 0.5:
            continue
        k = int(rng.integers(1, min(2, len(cuts)) + 1))
        chosen = sorted(rng.choice(cuts, size=k, replace=False).tolist())
        for part in split_at(g, chosen):
            if part.w < min_part_width(band):
                continue  # the reader never tries slivers this thin
            out.append((featurise(part, band), label_glyph(part, ids, pieces, sizes)))
    return out


def build_dataset(n_lines: int, seed: int, faces: tuple[str, ...] = FONT_NAMES) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    fonts = available_fonts(faces)
    feats, labels = [], []
    for _ in range(n_lines):
        for f, lab in line_samples(rng, fonts):
            feats.append(f)
            labels.append(CLASS_INDEX[lab])
    return np.stack(feats), np.array(labels, np.int64)


def balance(x: np.ndarray, y: np.ndarray, seed: int, floor: int = 1500) -> tuple[np.ndarray, np.ndarray]:
    """Repeat rare classes (separators, Arabic digits) up to `floor` samples so the flood of
    "other" and "noise" glyphs does not teach the model that a full stop is dust."""
    rng = np.random.default_rng(seed)
    idx = [np.arange(len(y))]
    for c in range(len(CLASSES)):
        members = np.nonzero(y == c)[0]
        if 0 < len(members) < floor:
            idx.append(rng.choice(members, floor - len(members)))
    keep = np.concatenate(idx)
    return x[keep], y[keep]


def report(model: GlyphModel, x: np.ndarray, y: np.ndarray) -> None:
    pred = model.predict_proba(x).argmax(axis=1)
    digits = np.isin(y, [CLASS_INDEX[c] for c in DIGIT_CLASSES])
    print(f"held-out glyph accuracy {np.mean(pred == y):.4f}  digits {np.mean(pred[digits] == y[digits]):.4f}")
    counts = np.bincount(y, minlength=len(CLASSES))
    print("class counts:", dict(zip(CLASSES, counts.tolist(), strict=False)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--faces", choices=sorted(FACES), default="print")
    ap.add_argument("--out", type=Path, default=None, help="default: the packaged model of --faces")
    args = ap.parse_args()
    faces, default_out, version = FACES[args.faces]
    args.out = args.out or default_out
    t0 = time.perf_counter()
    x, y = build_dataset(args.lines, TRAIN_SEED, faces)
    xv, yv = build_dataset(max(300, args.lines // 10), TRAIN_SEED + 1, faces)
    print(f"{len(y)} training glyphs in {time.perf_counter() - t0:.0f}s")
    x, y = balance(x, y, TRAIN_SEED)
    mean, std, weights = fit_mlp(x, y, len(CLASSES), epochs=args.epochs, seed=TRAIN_SEED)
    model = GlyphModel(version, CLASSES, mean, std, weights)
    report(model, xv, yv)
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
