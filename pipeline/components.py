"""Connected components of an ink mask (ส่วนที่ติดกันของหมึก), labelled the cheap way.

OpenCV labels into 32-bit integers by default, and on this build that path (parallel, twice
the memory) takes about four times the CPU of 16-bit labels on a page's rule mask (measured:
72 ms against 17 ms on a 300 dpi A4 page). A mask cannot hold more components than inked
pixels, so where those are fewer than 16 bits count, the 16-bit labels are the same numbers
and the statistics and centroids the same to the bit.
"""

from __future__ import annotations

import cv2
import numpy as np

_LABELS_16 = 65535


def with_stats(mask: np.ndarray, connectivity: int = 8) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """`cv2.connectedComponentsWithStats` of a 0/non-0 uint8 mask: (count, labels, stats, centroids)."""
    ltype = cv2.CV_16U if cv2.countNonZero(mask) < _LABELS_16 else cv2.CV_32S
    return cv2.connectedComponentsWithStats(mask, connectivity=connectivity, ltype=ltype)
