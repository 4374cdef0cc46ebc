"""One file, start to finish in memory: load → OCR → re-read header lines → re-read numerals →
re-read stamp boxes → read ruled tables cell by cell → normalise → extract.

`process_file` is the whole per-file pipeline as plain stage calls; Prefect wraps it in
flows/, tests and benchmarks call it directly. Partial success is data: a stage of ours that fails
unexpectedly on a file (a bug meeting an odd page) is recorded with its trace as a `PageError` and
the file goes on without that stage's work, so one odd file never takes a run down.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from extractors.header_lines import (
    SIGNATURE_REACH,
    count_line_ids,
    date_seam,
    deadline_date_line_ids,
    header_line_ids,
    is_better_block,
    is_better_name,
    is_better_reading,
    is_better_subject_reading,
    is_better_to_column,
    poorly_read_line_ids,
    signature_line_ids,
    subject_line_ids,
)
from extractors.kpi_lines import (
    is_better_code_reading,
    is_better_kpi_numbers,
    is_better_wrapped_target,
    kpi_code_line_ids,
    kpi_number_line_ids,
)
from extractors.letters import letter_readers
from extractors.number_lines import deadline_line_ids, header_number_line_ids, is_better_numbers, stamp_line_ids
from extractors.report_forms import ReportForms, extract_report_forms
from extractors.segment import classify_pages
from extractors.signature_lines import dropped_signature_band, is_signature_block_line
from extractors.stamp_reading import is_better_stamp, is_urgency_mark, lacks_urgency_mark
from pipeline.config import Settings, load_settings
from pipeline.dataset.row_checks import check_report_rows
from pipeline.errors import DiskFullError, InternalError, NoTextFoundError, SarabanError, is_disk_full
from pipeline.intake.raw_store import sha256_of
from pipeline.loading import load_document
from pipeline.numerals import default_reader, stamp_reader
from pipeline.ocr.boxes import reocr_boxes
from pipeline.ocr.digit_reread import reread_numbers
from pipeline.ocr.disputed_numbers import disputed_line_ids, settle_disputed
from pipeline.ocr.dropped_lines import read_dropped_lines
from pipeline.ocr.lines import BLOCK_OPTIONS, reocr_lines
from pipeline.ocr.marks import read_corner_mark
from pipeline.ocr.speck_digits import drop_speck_digits
from pipeline.ocr.stage import ocr_pages, read_unread_areas
from pipeline.ocr.tesseract import OcrOptions, text_from_tokens
from pipeline.records import Document, Extraction, Letter, PageError
from pipeline.tables.page_tables import STAGE as TABLES_STAGE
from pipeline.tables.page_tables import read_page_tables
from pipeline.thai.ocr_repair import repair_thai_ocr
from pipeline.thai.text import normalise

T = TypeVar("T")
R = TypeVar("R")


def ocr_options(settings: Settings) -> OcrOptions:
    return OcrOptions(languages=settings.languages, timeout=settings.ocr_timeout)


def reocr_header_lines(doc: Document, cache_dir: Path) -> Document:
    """Read a letter's header lines, and counts with a Latin unit, again with `tha` alone, where
    that reads better, the subject's lines once more thresholded to black ink on white, and up
    to the text column's edge; and a signatory's name line OCR cut short, wider (before numerals)."""
    for page in doc.pages:
        if page.source == "ocr" and page.image is not None and page.words:
            header = header_line_ids(page)
            lines = header + [i for i in count_line_ids(page) + deadline_date_line_ids(page) if i not in header]
            reocr_lines(page, lines, is_better_reading, cache_dir=cache_dir, seam=date_seam)
            # The subject's lines once more as black ink on white: grey paper and specks can make
            # Tesseract lose glyphs of a clean line (see `ink_on_white`).
            reocr_lines(page, subject_line_ids(page), is_better_subject_reading, cache_dir=cache_dir, ink_only=True)
            # Then to the column's edge: a subject or addressee line's crop stops where its tokens did.
            for ink_only in (False, True):
                reocr_lines(page, subject_line_ids(page), is_better_to_column, cache_dir=cache_dir, to_column=True,
                            ink_only=ink_only)
            # A line still garbled may have been misled by its neighbours' marks: read as a block.
            reocr_lines(page, poorly_read_line_ids(page), is_better_block, BLOCK_OPTIONS, cache_dir=cache_dir)
            for reach in (0.0, SIGNATURE_REACH):  # the tokens' own box first: a wide crop takes in ink
                reocr_lines(page, signature_line_ids(page), is_better_name, cache_dir=cache_dir, reach=reach)
            # Then a name and position the page pass left out whole (a signature's stroke over them).
            read_dropped_lines(page, dropped_signature_band(page), is_signature_block_line, cache_dir=cache_dir)
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


def reocr_urgency_marks(doc: Document, cache_dir: Path) -> Document:
    """Read the top-left corner of a letter's first page on its own where the page reading shows
    no urgency mark above the subject: large type there is often lost by the page pass."""
    for page in doc.pages:
        if page.source == "ocr" and page.image is not None and lacks_urgency_mark(page.raw_text):
            read_corner_mark(page, is_urgency_mark, cache_dir=cache_dir)
    return doc


def reread_letter_numbers(doc: Document) -> Document:
    """Numbers of a letter's header, citation and stamp lines read again as whole ink words, where
    the row pass read them short (after stamp boxes: the stamp's own tokens are then in place;
    its hand-filled digits go to the reader trained for handwriting); a reply deadline's day read
    as Latin glued to a digit (`ภายในวันที่ lo6`); a number on Thai print whose two readers
    disagreed (`pipeline.ocr.disputed_numbers`: ๗,๐๐๐ read 61,000); and a KPI's code or
    percentage target that reads impossibly (`ร้อยละ 00`, `ตัวชี้วัดที่ 3.@`, `ตัวชี้วัดที่2.`) or a
    KPI code the line's own ink reads otherwise (`ตัวชี้วัดที่ 5.2` for ๔.๒), lone digits read from
    specks dropped from its lines first (`ตัวชี้วัดที่ 6 4` for ๖)."""
    for page in doc.pages:
        if page.source == "ocr" and page.image is not None and page.words:
            settle_disputed(page, disputed_line_ids(page), default_reader(), is_better_numbers)
            reread_numbers(page, header_number_line_ids(page), default_reader(), is_better_numbers)
            reread_numbers(page, stamp_line_ids(page), stamp_reader(), is_better_numbers)
            reread_numbers(page, deadline_line_ids(page), default_reader(), is_better_numbers)
            drop_speck_digits(page, kpi_code_line_ids(page))
            inline, wrapped = kpi_number_line_ids(page)
            reread_numbers(page, inline, default_reader(), is_better_kpi_numbers)
            reread_numbers(page, wrapped, default_reader(), is_better_wrapped_target)
            reread_numbers(page, kpi_code_line_ids(page), default_reader(), is_better_code_reading)
    return doc


def read_tables(doc: Document, cache_dir: Path, options: OcrOptions) -> Document:
    """Every ruled table of every OCR'd page, cell by cell, into `Page.page_tables` and the
    page's text (after stamp boxes: a stamp's cleaned pixels are no table). A page whose tables
    fail unexpectedly keeps the failure and the page pass's reading of them (`options`), and the
    other pages go on."""
    reader = default_reader()
    for page in doc.pages:
        if page.source == "ocr" and page.image is not None:
            failures: list[PageError] = []
            isolated(TABLES_STAGE, lambda p: read_page_tables(p, reader, cache_dir), page, failures, fallback=[])
            page.errors += [replace(f, page=page.number) for f in failures]
            read_unread_areas(page, options, cache_dir, reader.reread_words)
    return doc


def normalise_pages(doc: Document) -> Document:
    for page in doc.pages:
        if page.source == "ocr":  # raw_text keeps what Tesseract said; text is what we stand behind
            page.text = repair_thai_ocr(normalise(page.raw_text))
    return doc


def require_text(doc: Document, failures: Sequence[PageError] = ()) -> Document:
    """No readable text on any page: bad input (no_text_found), unless a stage of ours failed on
    the way there, which is ours to own (internal_error, with its trace)."""
    if any(page.text.strip() for page in doc.pages):
        return doc
    ours = next((f for f in failures if f.reason == InternalError.reason), None)
    if ours is not None:
        raise InternalError(f"{ours.stage}: {ours.message}\n{ours.detail}")
    errors = "; ".join(e.summary() for page in doc.pages for e in page.errors)
    raise NoTextFoundError(f"no readable text on any of {len(doc.pages)} page(s){': ' + errors if errors else ''}")


def isolated(stage: str, step: Callable[[T], R], value: T, failures: list[PageError], fallback: R) -> R:
    """Run one stage; an unexpected failure is recorded in `failures` and `fallback` stands in.

    Bad input (SarabanError) still ends the file, and a full disk ends the run: neither is this
    file's stage failing."""
    try:
        return step(value)
    except SarabanError:
        raise
    except Exception as error:
        if is_disk_full(error):
            raise DiskFullError(str(error)) from error
        failures.append(PageError.from_exception(error, stage))
        return fallback


def extract(doc: Document, failures: list[PageError] | None = None, cache_dir: Path | None = None) -> Extraction:
    """Letters and report rows; each part that fails unexpectedly is recorded, the others kept.
    `cache_dir`: the OCR cache for the report forms' cell reads (None: read afresh)."""
    failures = [] if failures is None else failures
    texts = [(page.number, page.text) for page in doc.pages]
    roles = isolated("classify", classify_pages, texts, failures, fallback={})
    letters = _letters(texts, failures)
    forms = isolated("report_rows", lambda d: extract_report_forms(d, letters, roles, cache_dir=cache_dir), doc,
                     failures, fallback=ReportForms())
    return Extraction(letters=letters, report_rows=check_report_rows(forms.rows),
                      table_findings=forms.table_findings, page_roles=roles,
                      errors=[e for page in doc.pages for e in page.errors] + failures)


def _letters(texts: list[tuple[int, str]], failures: list[PageError]) -> list[Letter]:
    """Each letter read on its own: one that fails is recorded and its siblings are kept."""
    readers = isolated("letters", letter_readers, texts, failures, fallback=[])
    read = [isolated("letters", operator.call, reader, failures, fallback=None) for reader in readers]
    return [letter for letter in read if letter is not None]


def ocr_document(doc: Document, settings: Settings, work_dir: Path) -> Document:
    ocr_pages(doc.pages, ocr_options(settings), work_dir, settings.workers)
    return doc


def reading_stages(settings: Settings, work_dir: Path) -> list[tuple[str, Callable[[Document], Document]]]:
    """After loading, in order. Each refines the reading in place; one that fails unexpectedly is
    recorded and the document goes on as it stands."""
    return [
        ("ocr", lambda doc: ocr_document(doc, settings, work_dir)),
        ("header_lines", lambda doc: reocr_header_lines(doc, work_dir)),
        ("numerals", reread_numerals),
        ("stamp_boxes", lambda doc: reocr_stamp_boxes(doc, work_dir)),
        ("urgency_marks", lambda doc: reocr_urgency_marks(doc, work_dir)),
        ("letter_numbers", reread_letter_numbers),
        (TABLES_STAGE, lambda doc: read_tables(doc, work_dir, ocr_options(settings))),
        ("normalise", normalise_pages),
    ]


def process_file(path: Path, work_dir: Path, settings: Settings | None = None,
                 file_id: str | None = None, source_name: str = "") -> tuple[Document, Extraction]:
    """Raises a SarabanError subclass for input that cannot be processed. After loading, a stage
    that fails unexpectedly is recorded in `Extraction.errors` (the file becomes `partial`)."""
    settings = settings or load_settings()
    doc = load_document(path, file_id or sha256_of(path), settings, source_name)
    failures: list[PageError] = []
    for stage, step in reading_stages(settings, work_dir):
        doc = isolated(stage, step, doc, failures, fallback=doc)
    return doc, extract(require_text(doc, failures), failures, work_dir)
