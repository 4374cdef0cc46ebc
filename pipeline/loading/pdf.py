"""PDF pages: keep a sound Thai text layer, rasterise everything else for OCR.

pdfplumber reads the text layer (layout order); pypdfium2 opens, detects encryption and renders.
Many Thai PDFs carry a damaged text layer that extracts without error — `(cid:N)`, scrambled
marks, no sara am in hundreds of letters — so soundness is tested, not assumed.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium

from pipeline.config import Settings
from pipeline.errors import CorruptPdfError, EncryptedPdfError, TooLargeError
from pipeline.records import Page, Word
from pipeline.tables.pdf_tables import tables_from_plumber_page
from pipeline.thai.chars import COMBINING_MARKS
from pipeline.thai.text import normalise

_THAI_CONSONANT = re.compile("[\u0e01-\u0e2e]")
_MARKS = COMBINING_MARKS
# A combining mark may only follow a consonant or another mark; anything else is scrambled order.
_LEADING_MARK = re.compile(f"(?:^|[^\u0e01-\u0e2e{_MARKS}])[{_MARKS}]", re.M)
_CID = re.compile(r"\(cid:\d+\)")


def is_sound_thai(text: str) -> bool:
    """A usable text layer: enough text, no cid codes, and Thai that looks like Thai."""
    consonants = len(_THAI_CONSONANT.findall(text))
    if len(text.strip()) < 20 or len(_CID.findall(text)) > 3 or "\ufffd" in text:
        return False
    if consonants >= 150 and "ำ" not in text and "\u0e4d" not in text:
        return False  # real Thai prose of that length always has sara am
    if text.count("ำา") > 2:
        return False  # sara am then sara aa is no Thai: a layer written per glyph (LibreOffice + TLWG fonts)
    misplaced = len(_LEADING_MARK.findall(text))
    return consonants == 0 or misplaced <= max(3, consonants // 50)


def open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise EncryptedPdfError(f"{path.name} is password-protected") from e
        raise CorruptPdfError(f"{path.name}: {e}") from e


def load_pdf(path: Path, settings: Settings) -> list[Page]:
    pdf = open_pdf(path)
    try:
        count = len(pdf)
        if count == 0:
            raise CorruptPdfError(f"{path.name} has no pages")
        if count > settings.max_pages:
            raise TooLargeError(f"{path.name} has {count} pages; the limit is {settings.max_pages}")
        layers = _text_layers(path, count)
        return [_load_page(pdf, i, layers[i], settings) for i in range(count)]
    finally:
        pdf.close()


Layer = tuple[str, list[Word], list[list[list[str]]]]


def _text_layers(path: Path, count: int) -> list[Layer]:
    try:
        with pdfplumber.open(path) as doc:
            return [_page_layer(page) for page in doc.pages]
    except Exception:  # a text layer pdfplumber cannot parse is simply not used; pdfium still renders
        return [("", [], [])] * count


def _page_layer(page: pdfplumber.page.Page) -> Layer:
    text = page.extract_text() or ""
    if not is_sound_thai(text):
        return text, [], []
    words = [
        Word(w["text"], 100.0, int(w["x0"]), int(w["top"]), int(w["x1"] - w["x0"]), int(w["bottom"] - w["top"]))
        for w in page.extract_words()
    ]
    return text, words, tables_from_plumber_page(page)


def _load_page(pdf: pdfium.PdfDocument, index: int, layer: Layer, settings: Settings) -> Page:
    text, words, tables = layer
    page = pdf[index]
    width_pt, height_pt = page.get_size()
    if is_sound_thai(text):
        return Page(number=index + 1, source="text_layer", raw_text=text, text=normalise(text),
                    words=words, width=int(width_pt), height=int(height_pt), dpi=72, tables=tables)
    dpi = _safe_dpi(width_pt, height_pt, settings)
    image = page.render(scale=dpi / 72, grayscale=True).to_numpy()
    gray = image if image.ndim == 2 else image[..., 0]
    return Page(number=index + 1, source="ocr", image=np.ascontiguousarray(gray),
                width=gray.shape[1], height=gray.shape[0], dpi=dpi)


def _safe_dpi(width_pt: float, height_pt: float, settings: Settings) -> int:
    """Lower the resolution of huge pages so one page never exceeds the pixel cap."""
    pixels_at = lambda dpi: (width_pt * dpi / 72) * (height_pt * dpi / 72)  # noqa: E731
    dpi = settings.dpi
    while dpi > 72 and pixels_at(dpi) > settings.max_pixels:
        dpi = int(dpi * 0.8)
    if pixels_at(dpi) > settings.max_pixels:
        raise TooLargeError(f"page of {width_pt:.0f}×{height_pt:.0f} pt exceeds the pixel limit")
    return dpi
