"""Glyph → feature vector (ลักษณะเด่นของตัวอักษร).

Shape: the glyph's own ink, scaled to fit a square keeping its aspect (so ๐ and 0 differ), as
pixels and as HOG (gradient directions survive blur and bold better than raw pixels).
Place: size and position relative to the text band, which is all that tells `.` from `-` or `,`.
"""

from __future__ import annotations

import cv2
import numpy as np

from pipeline.numerals.segment import Band, Glyph

SIDE = 20
CELL = 5
BINS = 8
N_FEATURES = SIDE * SIDE // 4 + (SIDE // CELL) ** 2 * BINS + 8


def normalise(mask: np.ndarray) -> np.ndarray:
    """Fit the mask into SIDE×SIDE (float 0–1), centred, aspect kept, 1 px border."""
    h, w = mask.shape
    scale = (SIDE - 2) / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    small = cv2.resize(mask.astype(np.float32), (nw, nh), interpolation=cv2.INTER_AREA)
    out = np.zeros((SIDE, SIDE), np.float32)
    y0, x0 = (SIDE - nh) // 2, (SIDE - nw) // 2
    out[y0 : y0 + nh, x0 : x0 + nw] = small
    return out


def geometry(g: Glyph, band: Band) -> np.ndarray:
    bh = band.height
    ink = float(g.mask.sum())
    return np.array(
        [
            g.h / bh,
            g.w / bh,
            np.log((g.w + 1) / (g.h + 1)),
            (g.y - band.top) / bh,
            (g.y1 - band.bottom) / bh,
            ((g.y + g.y1) / 2 - (band.top + band.bottom) / 2) / bh,
            ink / max(1, g.w * g.h),
            _holes(g.mask) / 2.0,
        ],
        np.float32,
    )


def _holes(mask: np.ndarray) -> int:
    """Enclosed paper regions: ๐ ๘ 0 8 have them, ๑ ๓ ๕ have small loops — a shape hint."""
    h, w = mask.shape
    padded = np.ones((h + 2, w + 2), np.uint8)  # paper all round (np.pad costs more than the count)
    padded[1:-1, 1:-1] = ~mask
    n, _ = cv2.connectedComponents(padded, connectivity=4)
    return min(3, n - 2)


def gradient_histograms(img: np.ndarray) -> np.ndarray:
    """A small HOG: per 5×5 cell, gradient magnitude binned by unsigned direction."""
    return gradient_histograms_all(img[None])[0]


def gradient_histograms_all(imgs: np.ndarray) -> np.ndarray:
    """`gradient_histograms` of a stack of SIDE×SIDE images at once (n×SIDE×SIDE → n×features).

    Written out because this OpenCV build has no HOGDescriptor. OpenCV's Sobel per image (its
    SIMD sums are not numpy's, and a feature must not depend on how glyphs were batched), the
    rest in numpy over the whole stack: one call per glyph, tens of thousands on a page set,
    cost more than classifying them.
    """
    gx = np.stack([cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3) for img in imgs])
    gy = np.stack([cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3) for img in imgs])
    mag = np.hypot(gx, gy)
    ang = (np.arctan2(gy, gx) % np.pi) / np.pi * BINS
    bins = np.minimum(ang.astype(np.int32), BINS - 1)
    # Each cell's pixels in raster order, one-hot by bin, summed in float32 one after another
    # (a cumulative sum, not numpy's pairwise sum) as the per-glyph np.add.at summed: the same
    # features to the last bit, whatever the batch.
    n = len(imgs)
    by_cell = (n, _CELLS, CELL, _CELLS, CELL)
    order = (0, 1, 3, 2, 4)  # image, cell row, cell column, pixel row, pixel column
    mag_c = mag.reshape(by_cell).transpose(order).reshape(n, _CELLS * _CELLS, CELL * CELL, 1)
    bin_c = bins.reshape(by_cell).transpose(order).reshape(n, _CELLS * _CELLS, CELL * CELL, 1)
    onehot = np.where(bin_c == np.arange(BINS, dtype=np.int32), mag_c, np.float32(0))
    hist = onehot.cumsum(axis=2, dtype=np.float32)[:, :, -1, :].reshape(n, -1)
    norms = np.array([[np.linalg.norm(h)] for h in hist], np.float32).reshape(-1, 1)
    return np.sqrt(hist / (norms + 1e-6))


_CELLS = SIDE // CELL
_CELL_IDX = (np.arange(SIDE) // CELL)[:, None] * _CELLS + (np.arange(SIDE) // CELL)[None, :]


def featurise(g: Glyph, band: Band) -> np.ndarray:
    return featurise_each([g], [band])[0]


def featurise_all(glyphs: list[Glyph], band: Band) -> np.ndarray:
    return featurise_each(glyphs, [band] * len(glyphs))


def featurise_each(glyphs: list[Glyph], bands: list[Band]) -> np.ndarray:
    """One feature row per glyph, each judged against its own band; the HOG of all at once."""
    if not glyphs:
        return np.zeros((0, N_FEATURES), np.float32)
    imgs = np.stack([normalise(g.mask) for g in glyphs])
    pooled = [cv2.resize(img, (SIDE // 2, SIDE // 2), interpolation=cv2.INTER_AREA).ravel() for img in imgs]
    geo = [geometry(g, band) for g, band in zip(glyphs, bands, strict=True)]
    return np.concatenate([np.stack(pooled), gradient_histograms_all(imgs), np.stack(geo)], axis=1).astype(np.float32)
