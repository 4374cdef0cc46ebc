"""Invisible text laid over page images: OCRmyPDF's renderer writes it, pikepdf lays it on.

OCRmyPDF's fpdf2 renderer (`ocrmypdf.fpdf_renderer`) turns an `OcrElement` tree into a text-only
PDF page in render mode 3 (invisible), in a Thai face it finds on the system (unshaped: see
render_layers), each word stretched to its box so a viewer highlights the right place. pikepdf then lays
each such page over the original's page as a Form XObject (`Page.add_overlay`), so the page's
own content (the scanned image, untouched) stays exactly as it was.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

import img2pdf
import pikepdf
from fpdf import FPDF
from fpdf.enums import TextMode
from ocrmypdf.font import MultiFontManager
from ocrmypdf.fpdf_renderer import Fpdf2PdfRenderer
from ocrmypdf.models.ocr_element import BoundingBox, OcrClass, OcrElement

from pipeline.publish.layer_text import Line


@dataclass(frozen=True)
class LayerPage:
    """One page's layer: lines of words with boxes in the original raster's pixels."""

    number: int  # 1-based page of the original
    width: int
    height: int
    dpi: int
    lines: list[Line] = field(default_factory=list)


def render_layers(pages: list[LayerPage], path: Path) -> None:
    """A text-only PDF, one page per LayerPage, sized width/dpi × height/dpi inches.

    As Fpdf2MultiPageRenderer does it, but without HarfBuzz shaping: shaping splits ำ into two
    glyphs, the second of which has no Unicode (จำนวน extracts as `จำ นวน`, and Ctrl-F misses
    it). Invisible text needs no shapes, only each character mapped to one glyph in order."""
    # A word mixing Thai letters and Arabic digits (`5.แห่ง` as read) falls back to the glyphless
    # face; it is still found and copied, and the layer is invisible anyway, so no warning per word.
    logging.getLogger("ocrmypdf.font").setLevel(logging.ERROR)
    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(auto=False)
    pdf.c_margin = 0  # fpdf2 pads cells by default, which would shift every word
    pdf.text_mode = TextMode.INVISIBLE
    fonts, registered = MultiFontManager(), {}
    for page in pages:
        renderer = Fpdf2PdfRenderer(page=_page_element(page), dpi=float(page.dpi), multi_font_manager=fonts)
        renderer._registered_fonts = registered  # noqa: SLF001 - shared as Fpdf2MultiPageRenderer shares it
        renderer.render_to_pdf(pdf)
    pdf.output(str(path))


def _page_element(page: LayerPage) -> OcrElement:
    lines = [_line_element(line) for line in page.lines if line.tokens]
    return OcrElement(ocr_class=OcrClass.PAGE, bbox=BoundingBox(0, 0, page.width, page.height),
                      dpi=float(page.dpi), children=lines)


def _line_element(line: Line) -> OcrElement:
    tokens = line.tokens
    words = [OcrElement(ocr_class=OcrClass.WORD, bbox=BoundingBox(*t.box), text=t.text) for t in tokens]
    x0, y0 = min(t.box[0] for t in tokens), min(t.box[1] for t in tokens)
    x1, y1 = max(t.box[2] for t in tokens), max(t.box[3] for t in tokens)
    return OcrElement(ocr_class=OcrClass.LINE, bbox=BoundingBox(x0, y0, x1, y1), children=words)


def overlay(base: pikepdf.Pdf, layer: pikepdf.Pdf, numbers: list[int]) -> None:
    """Lay layer page i over base page numbers[i] (1-based), scaled to the base page's box."""
    for number, layer_page in zip(numbers, layer.pages, strict=True):
        base.pages[number - 1].add_overlay(layer_page)


def images_to_pdf(frames: list[bytes], dpis: list[int]) -> pikepdf.Pdf:
    """Page images as a PDF, losslessly (img2pdf embeds a JPEG as it is), each at its dpi."""
    layout = _per_page_dpi(dpis)
    return pikepdf.open(io.BytesIO(img2pdf.convert(frames, layout_fun=layout)))


def _per_page_dpi(dpis: list[int]):  # noqa: ANN202 - img2pdf's layout callable
    """img2pdf asks for a page size per image, in order; each page gets its own dpi."""
    remaining = iter(dpis)

    def layout(imgwidthpx, imgheightpx, ndpi):  # noqa: ANN001, ANN202 - img2pdf's signature
        dpi = next(remaining)
        return img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))(imgwidthpx, imgheightpx, ndpi)

    return layout
