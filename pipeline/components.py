"""Connected components of an ink mask (ส่วนที่ติดกันของหมึก), labelled the cheap way.

OpenCV labels into 32-bit integers by default, and on this build that path (parallel, twice
the memory) takes four to five times the CPU of 16-bit labels on a page's rule mask (measured:
94 ms against 19 ms on a 300 dpi A4 form). Every component holds at least one horizontal run
of ink, so where a mask has fewer runs than 16 bits count, the 16-bit labels are the same
numbers and the statistics and centroids the same to the bit.
"""

from __future__ import annotations

import cv2
import numpy as np

_LABELS_16 = 65535


def with_stats(mask: np.ndarray, connectivity: int = 8) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """`cv2.connectedComponentsWithStats` of a 0/non-0 uint8 mask: (count, labels, stats, centroids)."""
    ltype = cv2.CV_16U if most_components(mask) < _LABELS_16 else cv2.CV_32S
    return cv2.connectedComponentsWithStats(mask, connectivity=connectivity, ltype=ltype)


def most_components(mask: np.ndarray) -> int:
    """An upper bound on the mask's components: its inked pixels when few, else its horizontal
    runs of ink (a page's rules are a few hundred thousand pixels but a few thousand runs)."""
    inked = cv2.countNonZero(mask)
    if inked < _LABELS_16 or mask.shape[1] < 2:
        return inked
    # A pixel with ink on its left continues a run; min keeps any two non-zero values non-zero.
    return inked - cv2.countNonZero(cv2.min(mask[:, 1:], mask[:, :-1]))
