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
    padded = np.pad(~mask, 1, constant_values=True).astype(np.uint8)
    n, _ = cv2.connectedComponents(padded, connectivity=4)
    return min(3, n - 2)


def gradient_histograms(img: np.ndarray) -> np.ndarray:
    """A small HOG: per 5×5 cell, gradient magnitude binned by unsigned direction.

    Written out because this OpenCV build has no HOGDescriptor; 20×20 input makes it cheap.
    """
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3)
    mag = np.hypot(gx, gy)
    ang = (np.arctan2(gy, gx) % np.pi) / np.pi * BINS
    bins = np.minimum(ang.astype(np.int32), BINS - 1)
    cells = SIDE // CELL
    cell_idx = (np.arange(SIDE) // CELL)[:, None] * cells + (np.arange(SIDE) // CELL)[None, :]
    hist = np.zeros(cells * cells * BINS, np.float32)
    np.add.at(hist, (cell_idx * BINS + bins).ravel(), mag.ravel())
    return np.sqrt(hist / (np.linalg.norm(hist) + 1e-6))


def featurise(g: Glyph, band: Band) -> np.ndarray:
    img = normalise(g.mask)
    pooled = cv2.resize(img, (SIDE // 2, SIDE // 2), interpolation=cv2.INTER_AREA).ravel()
    hog = gradient_histograms(img)
    return np.concatenate([pooled, hog, geometry(g, band)]).astype(np.float32)


def featurise_all(glyphs: list[Glyph], band: Band) -> np.ndarray:
    if not glyphs:
        return np.zeros((0, N_FEATURES), np.float32)
    return np.stack([featurise(g, band) for g in glyphs])
