"""Glyph → feature vector (ลักษณะเด่นของตัวอักษร).

Shape: the glyph's own ink, scaled to fit a square keeping its aspect (so ๐ and 0 differ), as
pixels and as HOG (gradient directions survive blur and bold better than raw pixels).
Place: size and position relative to the text band, which is all that tells `.` from `-` or `,`.

A page's glyphs are featurised by the ten thousand (every cut of every touching pair is
judged), so the work is done over stacks: images stacked one above the other keep each row
as wide as a lone glyph's, which is what keeps OpenCV's per-row arithmetic (and so every
feature, to the last bit) the same as for one glyph at a time.
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
    out = np.zeros((SIDE, SIDE), np.float32)
    _fit_into(mask, out)
    return out


def _fit_into(mask: np.ndarray, out: np.ndarray) -> None:
    """`normalise(mask)` written into `out`, a zeroed SIDE×SIDE float32 image (a glyph's slot
    in a batch's stack, which saves an image and a copy per glyph)."""
    h, w = mask.shape
    scale = (SIDE - 2) / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    y0, x0 = (SIDE - nh) // 2, (SIDE - nw) // 2
    out[y0 : y0 + nh, x0 : x0 + nw] = cv2.resize(mask.astype(np.float32), (nw, nh), interpolation=cv2.INTER_AREA)


def geometry(g: Glyph, band: Band) -> np.ndarray:
    return geometry_each([g], [band])[0]


def geometry_each(glyphs: list[Glyph], bands: list[Band]) -> np.ndarray:
    """Size, place and ink of each glyph in its band (n×8).

    Worked out a column at a time over all glyphs (F11: per glyph, in Python, this was a fifth
    of featurising): the same float64 operations on the same values as one glyph at a time, so
    the same numbers (np.log of an array gives each element what it gives alone: checked for
    every glyph size up to 5000 px both ways)."""
    y, w, h = np.array([(g.y, g.w, g.h) for g in glyphs], np.int64).reshape(-1, 3).T
    top, bottom = np.array([(b.top, b.bottom) for b in bands], np.float64).reshape(-1, 2).T
    bh = np.maximum(1.0, bottom - top)  # Band.height
    y1 = y + h
    out = np.empty((len(glyphs), 8), np.float64)
    out[:, 0] = h / bh
    out[:, 1] = w / bh
    out[:, 2] = np.log((w + 1) / (h + 1))
    out[:, 3] = (y - top) / bh
    out[:, 4] = (y1 - bottom) / bh
    out[:, 5] = ((y + y1) / 2 - (top + bottom) / 2) / bh
    out[:, 6] = [float(np.count_nonzero(g.mask)) / max(1, g.w * g.h) for g in glyphs]
    out[:, 7] = [_holes(g.mask) / 2.0 for g in glyphs]
    return out.astype(np.float32)


def _holes(mask: np.ndarray) -> int:
    """Enclosed paper regions: ๐ ๘ 0 8 have them, ๑ ๓ ๕ have small loops — a shape hint."""
    padded = cv2.copyMakeBorder((~mask).view(np.uint8), 1, 1, 1, 1, cv2.BORDER_CONSTANT, value=1)
    # 16-bit labels label faster; a mask this small cannot hold more regions than they count.
    ltype = cv2.CV_16U if padded.size < 65535 else cv2.CV_32S
    n, _ = cv2.connectedComponents(padded, connectivity=4, ltype=ltype)
    return min(3, n - 2)


def gradient_histograms(img: np.ndarray) -> np.ndarray:
    """A small HOG: per 5×5 cell, gradient magnitude binned by unsigned direction."""
    return gradient_histograms_all(img[None])[0]


def gradient_histograms_all(imgs: np.ndarray) -> np.ndarray:
    """`gradient_histograms` of a stack of SIDE×SIDE images at once (n×SIDE×SIDE → n×features).

    Written out because this OpenCV build has no HOGDescriptor. A feature must not depend on
    how glyphs were batched, so the arithmetic is each glyph's own: Sobel over the images
    stacked in one column, each between its own reflected border rows (rows as wide as one
    image's, so OpenCV's SIMD splits them as it does a lone image; side by side it would not),
    and each cell's magnitudes added in float32 one pixel after another in raster order.
    """
    n = len(imgs)
    framed = np.concatenate([imgs[:, 1:2], imgs, imgs[:, -2:-1]], axis=1).reshape(-1, SIDE)  # reflect-101
    gx = np.ascontiguousarray(cv2.Sobel(framed, cv2.CV_32F, 1, 0, ksize=3).reshape(n, SIDE + 2, SIDE)[:, 1:-1])
    gy = np.ascontiguousarray(cv2.Sobel(framed, cv2.CV_32F, 0, 1, ksize=3).reshape(n, SIDE + 2, SIDE)[:, 1:-1])
    mag = np.hypot(gx, gy)
    ang = _half_turn(np.arctan2(gy, gx)) / np.pi * BINS
    bins = np.minimum(ang.astype(np.int32), BINS - 1)
    by_cell = (n, _CELLS, CELL, _CELLS, CELL)
    order = (0, 1, 3, 2, 4)  # image, cell row, cell column, pixel row, pixel column
    mag_c = mag.reshape(by_cell).transpose(order).reshape(n * _CELLS * _CELLS, CELL * CELL)
    bin_c = bins.reshape(by_cell).transpose(order).reshape(n * _CELLS * _CELLS, CELL * CELL)
    slot = np.arange(n * _CELLS * _CELLS)[:, None] * BINS + bin_c
    hist = np.zeros(n * _CELLS * _CELLS * BINS, np.float32)
    np.add.at(hist, slot.ravel(), mag_c.ravel())  # in index order: each cell's pixels in turn
    hist = hist.reshape(n, -1)
    # np.linalg.norm of a float32 row is sqrt(row·row); the dot stays per row (BLAS sums one
    # row differently from a reduction over many).
    norms = np.array([np.sqrt(h.dot(h)) for h in hist], np.float32).reshape(-1, 1)
    return np.sqrt(hist / (norms + 1e-6))


_CELLS = SIDE // CELL
_PI = np.float32(np.pi)


def _half_turn(angle: np.ndarray) -> np.ndarray:
    """`angle % np.pi` for float32 angles in [-π, π] (arctan2's), bit for bit as numpy's
    remainder gives it (its fmod, then + π for a negative rest; +0.0 for a zero rest), at a
    tenth of its cost: numpy's float32 remainder was a quarter of the HOG's time."""
    out = np.where(angle < 0, angle + _PI, angle)
    out[angle == _PI] = 0
    return out + np.float32(0)  # -0.0 → +0.0


def pooled_all(imgs: np.ndarray) -> np.ndarray:
    """Each image at half size (area average), flattened: the stack resized as one column of
    images, which halves every image on its own (n×SIDE×SIDE → n×SIDE²/4)."""
    n = len(imgs)
    half = cv2.resize(imgs.reshape(-1, SIDE), (SIDE // 2, n * SIDE // 2), interpolation=cv2.INTER_AREA)
    return half.reshape(n, -1)


def featurise(g: Glyph, band: Band) -> np.ndarray:
    return featurise_each([g], [band])[0]


def featurise_all(glyphs: list[Glyph], band: Band) -> np.ndarray:
    return featurise_each(glyphs, [band] * len(glyphs))


def featurise_each(glyphs: list[Glyph], bands: list[Band]) -> np.ndarray:
    """One feature row per glyph, each judged against its own band."""
    if not glyphs:
        return np.zeros((0, N_FEATURES), np.float32)
    imgs = np.zeros((len(glyphs), SIDE, SIDE), np.float32)
    for g, img in zip(glyphs, imgs, strict=True):
        _fit_into(g.mask, img)
    parts = [pooled_all(imgs), gradient_histograms_all(imgs), geometry_each(glyphs, bands)]
    return np.concatenate(parts, axis=1).astype(np.float32)
