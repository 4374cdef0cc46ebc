"""One file, start to finish in memory: load → OCR → re-read header lines → re-read numerals →
re-read stamp boxes → normalise → extract.

`process_file` is the whole per-file pipeline as plain stage calls; Prefect wraps it in
flows/, tests and benchmarks call it directly.
"""

from __future__ import annotations

from pathlib import Path

from extractors.header_lines import count_line_ids, header_line_ids, is_better_reading
from extractors.letters import extract_letters
from extractors.report_forms import extract_report_rows
from extractors.segment import classify_pages
from extractors.stamp_reading import is_better_stamp
from pipeline.config import Settings, load_settings
from pipeline.dataset.row_checks import check_report_rows
from pipeline.errors import NoTextFoundError
from pipeline.intake.raw_store import sha256_of
from pipeline.loading import load_document
from pipeline.numerals import default_reader, stamp_reader
from pipeline.ocr.boxes import reocr_boxes
from pipeline.ocr.lines import reocr_lines
from pipeline.ocr.stage import ocr_pages
from pipeline.ocr.tesseract import OcrOptions, text_from_tokens
from pipeline.records import Document, Extraction
from pipeline.thai.ocr_repair import repair_thai_ocr
from pipeline.thai.text import normalise


def ocr_options(settings: Settings) -> OcrOptions:
    return OcrOptions(languages=settings.languages, timeout=settings.ocr_timeout)


def reocr_header_lines(doc: Document, cache_dir: Path) -> Document:
    """Read a letter's header lines, and counts with a Latin unit, again with `tha` alone, where
    that reads better (before numerals)."""
    for page in doc.pages:
        if page.source == "ocr" and page.image is not None and page.words:
            header = header_line_ids(page)
            lines = header + [i for i in count_line_ids(page) if i not in header]
            reocr_lines(page, lines, is_better_reading, cache_dir=cache_dir)
    return doc


def reread_numerals(doc: Document) -> Document:
    """Replace Tesseract's digits (its Thai model cannot emit ๔ ๖ ๗ ๘ ๙) with the numeral reader's."""
    reader = default_reader()
    for page in doc.pages:
        if page.source == "ocr" and page.image is not None and page.words:
            page.words = reader.reread_words(page.image, page.words)
            page.raw_text = text_from_tokens(page.words)
    return doc


def reocr_stamp_boxes(doc: Document, cache_dir: Path) -> Document:
    """Read boxed receiving stamps on their own, where that reads more of them (after numerals:
    the judge weighs the numbers; the box's digits are read from the cleaned crop by the reader
    trained for handwriting)."""
    reader = stamp_reader()
    for page in doc.pages:
        if page.source == "ocr" and page.image is not None and page.words:
            reocr_boxes(page, is_better_stamp, reread=reader.reread_words, cache_dir=cache_dir)
    return doc


def normalise_pages(doc: Document) -> Document:
    for page in doc.pages:
        if page.source == "ocr":  # raw_text keeps what Tesseract said; text is what we stand behind
            page.text = repair_thai_ocr(normalise(page.raw_text))
    return doc


def require_text(doc: Document) -> Document:
    if not any(page.text.strip() for page in doc.pages):
        errors = "; ".join(e for page in doc.pages for e in page.errors)
        raise NoTextFoundError(f"no readable text on any of {len(doc.pages)} page(s){': ' + errors if errors else ''}")
    return doc


def extract(doc: Document) -> Extraction:
    texts = [(page.number, page.text) for page in doc.pages]
    roles = classify_pages(texts)
    letters = extract_letters(texts)
    rows = check_report_rows(extract_report_rows(doc, letters, roles))  # rows that cannot be placed are flagged
    return Extraction(letters=letters, report_rows=rows, page_roles=roles,
                      errors=[f"page {p.number}: {e}" for p in doc.pages for e in p.errors])


def process_file(path: Path, work_dir: Path, settings: Settings | None = None,
                 file_id: str | None = None, source_name: str = "") -> tuple[Document, Extraction]:
    """Raises a SarabanError subclass for input that cannot be processed."""
    settings = settings or load_settings()
    doc = load_document(path, file_id or sha256_of(path), settings, source_name)
    ocr_pages(doc.pages, ocr_options(settings), work_dir, settings.workers)
    doc = reocr_header_lines(doc, work_dir)
    doc = reocr_stamp_boxes(reread_numerals(doc), work_dir)
    doc = require_text(normalise_pages(doc))
    return doc, extract(doc)
