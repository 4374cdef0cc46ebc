"""Light preprocessing before OCR: straighten slightly skewed scans.

Table reading crops cells by ruled lines and word boxes, so a 1° skew across an A4 page
(≈ 40 px at 300 dpi) matters more for tables than for Tesseract itself. Tesseract binarises
on its own (Otsu), so no binarisation here.
"""

from __future__ import annotations

import cv2
import numpy as np

_SEARCH_DEGREES = 4.0
_MIN_CORRECTION = 0.15


def estimate_skew(gray: np.ndarray) -> float:
    """Angle in degrees that maximises the sharpness of the horizontal ink profile."""
    small = _downscale(gray, 1200)
    # 0/1 as bytes: 28 rotations per page move a quarter of the memory float32 would, and row
    # sums of 0/1 are the same integers whatever the type they are summed in.
    ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    if ink.sum() < 100:
        return 0.0
    scores: dict[float, float] = {}  # the fine search starts on a coarse angle

    def score(angle: float) -> float:
        if angle not in scores:
            scores[angle] = _profile_score(ink, angle)
        return scores[angle]

    coarse = np.arange(-_SEARCH_DEGREES, _SEARCH_DEGREES + 1e-9, 0.5)
    best = max(coarse, key=score)
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.1)
    return float(max(fine, key=score))


def deskew(gray: np.ndarray) -> tuple[np.ndarray, float]:
    angle = estimate_skew(gray)
    if abs(angle) < _MIN_CORRECTION:
        return gray, 0.0
    return rotate(gray, angle), angle


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def _profile_score(ink: np.ndarray, angle: float) -> float:
    # Row counts of 0/1 pixels, whole numbers far below 2^24: OpenCV's integer row sums are the
    # same float32 numbers as numpy's float32 ones, at a tenth of the CPU.
    counts = cv2.reduce(rotate_mask(ink, angle), 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S)
    rows = counts.ravel().astype(np.float32)
    return float(np.square(np.diff(rows)).sum())


def rotate_mask(mask: np.ndarray, angle: float) -> np.ndarray:
    h, w = mask.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(mask, matrix, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)


def _downscale(gray: np.ndarray, width: int) -> np.ndarray:
    if gray.shape[1] <= width:
        return gray
    scale = width / gray.shape[1]
    return cv2.resize(gray, (width, int(gray.shape[0] * scale)), interpolation=cv2.INTER_AREA)
