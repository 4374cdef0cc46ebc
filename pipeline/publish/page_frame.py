"""Where a stored word box lies on the original page: the OCR stage's turn and deskew, undone.

An OCR'd page's word boxes and table cells are in the pixels Saraban read: the page rendered at
its dpi, turned upright when OSD found it sideways or upside down, then deskewed. Neither the turn
nor the angle is stored, but both are deterministic, so they are found again: the page is rendered
from its original, each turn that gives the stored size is tried with the OCR stage's own deskew,
and the one whose pixels hash to the stored `image_sha` is the frame (verified). When none does
(a renderer that draws a pixel differently), the first turn of the right size is used, unverified.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from pipeline.ocr.cache import image_hash
from pipeline.ocr.deskew import deskew
from pipeline.ocr.orientation import turn

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class PageFrame:
    """The original raster's size and how the stored page was made from it."""

    source_width: int
    source_height: int
    clockwise: int  # 0, 90, 180, 270: the turn the OCR stage gave the page
    inverse: np.ndarray  # 2×3 affine: stored (deskewed) pixels → turned pixels
    straight: np.ndarray  # the page as Saraban read it (for reading digits again)
    verified: bool

    def to_source(self, box: Box) -> Box:
        """A stored box on the original raster (the axis-aligned box of its four corners)."""
        x0, y0, x1, y1 = box
        corners = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], np.float64)
        turned = corners @ self.inverse.T
        points = [self._unturn(x, y) for x, y in turned]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return (max(0.0, min(xs)), max(0.0, min(ys)),
                min(float(self.source_width), max(xs)), min(float(self.source_height), max(ys)))

    def _unturn(self, x: float, y: float) -> tuple[float, float]:
        w, h = self.source_width, self.source_height
        return {0: (x, y), 90: (y, h - x), 180: (w - x, h - y), 270: (w - y, x)}[self.clockwise]


def find_frame(raster: np.ndarray, image_sha: str, width: int, height: int) -> PageFrame:
    """The frame whose turn and deskew of `raster` reproduce the stored page (see module doc)."""
    candidates = [c for c in (0, 180, 90, 270) if _turned_size(raster, c) == (width, height)]
    fallback = None
    for clockwise in candidates:
        straight, angle = deskew(turn(raster, clockwise))
        frame = _frame(raster, clockwise, angle, straight, verified=image_hash(straight) == image_sha)
        if frame.verified:
            return frame
        fallback = fallback or frame
    if fallback is not None:
        return fallback
    return _frame(raster, 0, 0.0, raster, verified=False)


def _turned_size(raster: np.ndarray, clockwise: int) -> tuple[int, int]:
    h, w = raster.shape[:2]
    return (h, w) if clockwise in (90, 270) else (w, h)


def _frame(raster: np.ndarray, clockwise: int, angle: float, straight: np.ndarray,
           verified: bool) -> PageFrame:
    h, w = straight.shape[:2]
    forward = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)  # as deskew.rotate turns it
    return PageFrame(raster.shape[1], raster.shape[0], clockwise, cv2.invertAffineTransform(forward),
                     straight, verified)
