"""A caption line whose month name OCR lost, read again from its pixels.

The band above a scanned table is read as one block (`pipeline.tables.scan._read_caption`). On a
speckled scan Tesseract can take the period line and the province line under it for one line
and drop the month between them (`ประจำเดือนนพ.ศ .ไต๕๒๐๐` for ประจำเดือน กรกฎาคม พ.ศ. ๒๕๖๐):
the form's rows then have no period. Cut to its own letters and read alone, the line keeps its
month. The pipeline reads the pixels (`reread_line`); this module decides: a reading replaces
the line only when it names a month the old reading did not.
"""

from __future__ import annotations

import numpy as np

from extractors.form_context import caption_month_year, names_month_word
from pipeline.tables.cell_ocr import reread_line
from pipeline.tables.scan import fit_line

Box = tuple[int, int, int, int]


def reread_caption_month(lines: list[str], boxes: list[Box], image: np.ndarray | None) -> list[str]:
    """Caption lines with a lost month read again; every other line as OCR gave it."""
    if image is None:
        return lines
    return [_with_month(text, box, image) for text, box in zip(lines, boxes, strict=False)] + lines[len(boxes):]


def _with_month(text: str, box: Box, image: np.ndarray) -> str:
    if not names_month_word(text) or caption_month_year(text)[0]:
        return text
    left, top, right, bottom = fit_line(image, box)
    crop = image[top:bottom, left:right]
    if crop.size == 0:
        return text
    return next((reading for reading in reread_line(crop) if caption_month_year(reading)[0]), text)
