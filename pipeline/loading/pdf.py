"""PDF pages: keep a sound Thai text layer, repair a repairable one, rasterise the rest for OCR.

pdfplumber reads the text layer (layout order); pypdfium2 opens, detects encryption and renders.
Many Thai PDFs carry a damaged text layer that extracts without error — a wrong ToUnicode map
(`%0%211>`), `(cid:N)`, ำ dropped or written for า — so each page's layer is judged on its own
(pipeline.thai.text_layer), and the verdict with its evidence travels on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium

from pipeline.config import Settings
from pipeline.errors import CorruptPdfError, EncryptedPdfError, TooLargeError
from pipeline.records import Page, Repair, TextVerdict, Word
from pipeline.tables.pdf_tables import tables_from_plumber_page
from pipeline.thai.text_layer import LayerReading, apply_repairs, judge_text_layer


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
        missing = _unreadable("no text layer for this page")  # pdfplumber saw fewer pages than pdfium
        return [_load_page(pdf, i, layers[i] if i < len(layers) else missing, settings) for i in range(count)]
    finally:
        pdf.close()


@dataclass
class _Layer:
    """One page's text layer as extracted, judged, and (when usable) its words and tables."""

    raw: str
    reading: LayerReading
    words: list[Word] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)


def _text_layers(path: Path, count: int) -> list[_Layer]:
    try:
        with pdfplumber.open(path) as doc:
            return [_page_layer(page) for page in doc.pages]
    except Exception:  # a text layer pdfplumber cannot parse is simply not used; pdfium still renders
        return [_unreadable("the PDF's text layer could not be parsed")] * count


def _unreadable(why: str) -> _Layer:
    return _Layer("", LayerReading(TextVerdict("ocr", why), ""))


def _page_layer(page: pdfplumber.page.Page) -> _Layer:
    try:
        raw = page.extract_text() or ""
    except Exception as e:  # one page's odd content stream costs that page its layer, no more
        return _unreadable(f"text layer unreadable: {type(e).__name__}")
    reading = judge_text_layer(raw)
    if reading.verdict.verdict == "ocr":
        return _Layer(raw, reading)
    repairs = reading.verdict.repairs
    try:
        return _Layer(raw, reading, _words(page, repairs), _tables(page, repairs))
    except Exception:  # odd geometry costs the page its word boxes and tables; its text stands
        return _Layer(raw, reading)


def _words(page: pdfplumber.page.Page, repairs: tuple[Repair, ...]) -> list[Word]:
    return [
        Word(apply_repairs(w["text"], repairs), 100.0, int(w["x0"]), int(w["top"]), int(w["x1"] - w["x0"]),
             int(w["bottom"] - w["top"]))
        for w in page.extract_words()
    ]


def _tables(page: pdfplumber.page.Page, repairs: tuple[Repair, ...]) -> list[list[list[str]]]:
    tables = tables_from_plumber_page(page)
    if not repairs:
        return tables
    return [[[apply_repairs(cell, repairs) for cell in row] for row in table] for table in tables]


def _load_page(pdf: pdfium.PdfDocument, index: int, layer: _Layer, settings: Settings) -> Page:
    page = pdf[index]
    width_pt, height_pt = page.get_size()
    verdict = layer.reading.verdict
    if verdict.verdict != "ocr":
        return Page(number=index + 1, source="text_layer", raw_text=layer.raw, text=layer.reading.text,
                    words=layer.words, width=int(width_pt), height=int(height_pt), dpi=72, tables=layer.tables,
                    text_verdict=verdict)
    dpi = _safe_dpi(width_pt, height_pt, settings)
    image = page.render(scale=dpi / 72, grayscale=True).to_numpy()
    gray = image if image.ndim == 2 else image[..., 0]
    return Page(number=index + 1, source="ocr", image=np.ascontiguousarray(gray),
                width=gray.shape[1], height=gray.shape[0], dpi=dpi, text_verdict=verdict)


def _safe_dpi(width_pt: float, height_pt: float, settings: Settings) -> int:
    """Lower the resolution of huge pages so one page never exceeds the pixel cap."""
    pixels_at = lambda dpi: (width_pt * dpi / 72) * (height_pt * dpi / 72)  # noqa: E731
    dpi = settings.dpi
    while dpi > 72 and pixels_at(dpi) > settings.max_pixels:
        dpi = int(dpi * 0.8)
    if pixels_at(dpi) > settings.max_pixels:
        raise TooLargeError(f"page of {width_pt:.0f}×{height_pt:.0f} pt exceeds the pixel limit")
    return dpi
