"""Pages scanned sideways or upside down (หน้ากลับหัว/ตะแคง): found by Tesseract's OSD, turned.

OSD (`--psm 0`, the `osd` model from tesseract-ocr-osd) costs seconds a page, so it runs only
on pages whose first reading was poor: an upright Thai page reads at a mean confidence of 50
or more, a turned one well below (measured: 73 upright, 39–41 turned 90° or 180°).
"""

from __future__ import annotations

import re

import cv2
import numpy as np
import pytesseract

from pipeline.errors import OcrError

LOW_CONFIDENCE = 50.0  # below this a page's orientation is checked
_MIN_OSD_CONFIDENCE = 1.5  # Tesseract's own orientation confidence; below, it is guessing
_OSD_WIDTH = 1400  # pixels: OSD needs letters, not resolution
_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")


def needs_check(confidence: float | None) -> bool:
    return confidence is None or confidence < LOW_CONFIDENCE


def detect_rotation(gray: np.ndarray, timeout: int = 60) -> int:
    """Clockwise degrees (0, 90, 180, 270) that turn the page upright; 0 when unsure."""
    small = gray
    if gray.shape[1] > _OSD_WIDTH:
        scale = _OSD_WIDTH / gray.shape[1]
        small = cv2.resize(gray, (_OSD_WIDTH, int(gray.shape[0] * scale)),
                           interpolation=cv2.INTER_AREA)
    try:
        osd = pytesseract.image_to_osd(small, config="--psm 0 -c min_characters_to_try=10",
                                       timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError, OSError) as e:
        if "osd.traineddata" in str(e):
            raise OcrError("tesseract has no osd model (apt-get install tesseract-ocr-osd)") from e
        return 0  # too little text to judge: leave the page as it is
    rotate, confidence = _ROTATE.search(osd), _CONFIDENCE.search(osd)
    if rotate is None or confidence is None or float(confidence.group(1)) < _MIN_OSD_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def turn(gray: np.ndarray, clockwise: int) -> np.ndarray:
    """The page turned clockwise by a multiple of 90 degrees."""
    return np.ascontiguousarray(np.rot90(gray, k=-(clockwise // 90)))
