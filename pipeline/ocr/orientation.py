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
from pipeline.ocr import engine

LOW_CONFIDENCE = 50.0  # below this a page's orientation is checked
_MIN_OSD_CONFIDENCE = 1.5  # Tesseract's own orientation confidence; below, it is guessing
_MIN_CHARACTERS = 10
_OSD_WIDTH = 1400  # pixels: OSD needs letters, not resolution
_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")


def needs_check(confidence: float | None) -> bool:
    return confidence is None or confidence < LOW_CONFIDENCE


def detect_rotation(gray: np.ndarray, timeout: int = 60) -> int:
    """Clockwise degrees (0, 90, 180, 270) that turn the page upright; 0 when unsure. In this
    process when tesserocr is there (pipeline.ocr.engine: no program start, no model load per
    page), else the `tesseract` program; the same figures either way."""
    small = gray
    if gray.shape[1] > _OSD_WIDTH:
        scale = _OSD_WIDTH / gray.shape[1]
        small = cv2.resize(gray, (_OSD_WIDTH, int(gray.shape[0] * scale)),
                           interpolation=cv2.INTER_AREA)
    found = engine.detect_orientation(small, _MIN_CHARACTERS) if engine.in_process() else _program_osd(small, timeout)
    if found is None or found[1] < _MIN_OSD_CONFIDENCE:
        return 0
    return found[0] % 360


def _program_osd(small: np.ndarray, timeout: int) -> tuple[int, float] | None:
    try:
        osd = pytesseract.image_to_osd(small, config=f"--psm 0 -c min_characters_to_try={_MIN_CHARACTERS}",
                                       timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError, OSError) as e:
        if "osd.traineddata" in str(e):
            raise OcrError("tesseract has no osd model (apt-get install tesseract-ocr-osd)") from e
        return None  # too little text to judge: leave the page as it is
    rotate, confidence = _ROTATE.search(osd), _CONFIDENCE.search(osd)
    if rotate is None or confidence is None:
        return None
    return int(rotate.group(1)), float(confidence.group(1))


def turn(gray: np.ndarray, clockwise: int) -> np.ndarray:
    """The page turned clockwise by a multiple of 90 degrees."""
    return np.ascontiguousarray(np.rot90(gray, k=-(clockwise // 90)))
