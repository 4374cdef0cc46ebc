"""Records that pass between stages. Plain dataclasses so they pickle across Prefect/process pools.

Everything here is the in-memory shape; `pipeline.dataset.storage` maps it to DuckDB and
`pipeline.publish.export` to the contract tables (docs/contract.md in shared/).
"""

from __future__ import annotations

import datetime as dt
import traceback
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from pipeline.errors import InternalError

PageSource = Literal["text_layer", "ocr", "sheet"]
LayerVerdict = Literal["sound", "repairable", "ocr"]
FileStatus = Literal["processed", "partial", "quarantined", "duplicate"]
_TRACE_CHARS = 4000  # the innermost frames: where it broke


@dataclass(frozen=True)
class PageError:
    """A failure kept as data, never only a log line: which page (None: the whole file), which
    stage, a reason code from pipeline/errors.py, the message, and the trace when unexpected."""

    page: int | None
    reason: str
    message: str
    stage: str = ""
    detail: str = ""  # the traceback of an unexpected failure (reason internal_error)

    def summary(self) -> str:
        where = f"page {self.page}" if self.page is not None else "file"
        return f"{where}: {self.reason}: {self.message}"

    @classmethod
    def from_exception(cls, error: BaseException, stage: str, page: int | None = None) -> PageError:
        """An unexpected failure of one of our stages: reason internal_error, with the trace."""
        trace = "".join(traceback.format_exception(error))
        return cls(page, InternalError.reason, f"{type(error).__name__}: {error}", stage, trace[-_TRACE_CHARS:])


@dataclass(frozen=True)
class Word:
    """One OCR word with its box in page pixels. `alternatives` holds other readings of a number."""

    text: str
    conf: float  # 0–100, Tesseract's scale
    left: int
    top: int
    width: int
    height: int
    block: int = 0
    line: int = 0
    alternatives: tuple[str, ...] = ()
    reread: bool = False  # True when the numeral reader replaced Tesseract's digits

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (self.left, self.top, self.left + self.width, self.top + self.height)


@dataclass(frozen=True)
class TableCell:
    """One cell of a table read from a page image (ช่องตาราง), merged cells once (at their top-left).

    `text` is as read, digits from the numeral reader (Arabic); `number` is the cell's value when
    the cell is a number (a count, an amount "12,500", a decimal), else None; `confidence` 0–1."""

    row: int
    col: int
    text: str
    number: float | None
    confidence: float | None
    bbox: tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels (the page after deskewing)
    row_span: int = 1
    col_span: int = 1


@dataclass(frozen=True)
class PageTable:
    """A ruled or boxed table found on a page and read cell by cell (ตารางในหน้า)."""

    table_index: int  # 0-based, top to bottom on the page
    n_rows: int
    n_cols: int
    bbox: tuple[int, int, int, int]
    source: str  # "ruled": found from its rules on the page image
    cells: list[TableCell] = field(default_factory=list)


@dataclass(frozen=True)
class Repair:
    """One repair of a PDF text layer: the word as the layer had it and the dictionary word it became.

    kind: `dropped_am` (า where ำ belongs: ตาแหน่ง), `am_for_aa` (ำ where า belongs: งำน),
    `split_am` (ำ written as ำา), `mark_order` (a tone mark before its vowel, or after ำ)."""

    kind: str
    before: str
    after: str


@dataclass(frozen=True)
class TextVerdict:
    """Why a PDF page's text layer was used as is, repaired, or set aside for OCR (one per page).

    `word_share` is the share of Thai letters in dictionary words after repair (`word_share_before`:
    as the layer had it); `bad_code_points` counts U+FFFD, control characters and Private Use
    Area code points that are no Thai presentation form; `symbols` the share of characters that
    are neither letters, digits nor ordinary punctuation (a wrong ToUnicode map: `%0%211>`)."""

    verdict: LayerVerdict
    reason: str = ""  # why not sound: "no text", "cid codes", "few dictionary words", …
    chars: int = 0
    thai_letters: int = 0
    word_share: float = 0.0
    word_share_before: float = 0.0
    cid: int = 0
    bad_code_points: int = 0
    thai_pua: int = 0  # Thai presentation forms (U+F700–U+F71A), mapped back by normalise
    symbols: float = 0.0
    misplaced_marks: int = 0
    repairs: tuple[Repair, ...] = ()


@dataclass
class Page:
    """One page of a document after loading and OCR.

    `text` is normalised (NFC, Thai digits → Arabic, ำ repaired); `raw_text` is as read.
    `image` (grayscale uint8) is kept in memory only for pages that were rasterised, so table
    reading can crop cells; it is never stored. `grid` holds a sheet's cells (XLSX), merged
    ranges resolved to their top-left value.
    """

    number: int  # 1-based
    source: PageSource
    raw_text: str = ""
    text: str = ""
    words: list[Word] = field(default_factory=list)
    confidence: float | None = None  # mean word confidence 0–100 when OCR'd
    width: int = 0
    height: int = 0
    dpi: int = 0
    image: np.ndarray | None = field(default=None, repr=False, compare=False)
    image_sha: str = ""
    grid: list[list[str]] | None = None
    sheet_name: str = ""
    errors: list[PageError] = field(default_factory=list)
    # Tables of a text-layer page (pdfplumber grids, cell text normalised), filled by loading via
    # pipeline.tables.pdf_tables.tables_from_pdf_page; None when not looked for.
    tables: list[list[list[str]]] | None = None
    # Ruled tables of an OCR'd page read cell by cell (pipeline.tables.page_tables); their cells
    # also stand in the page's words and text in place of what page segmentation made of them.
    page_tables: list[PageTable] = field(default_factory=list)
    # Areas of those tables (x0, y0, x1, y1) that the page-level OCR pass left blank for the cell
    # reading (pipeline.ocr.stage); read by the page pass after all if the cell reading fails.
    unread_areas: list[tuple[int, int, int, int]] = field(default_factory=list)
    # A PDF page's text-layer verdict and its evidence; None for images and sheets.
    text_verdict: TextVerdict | None = None

    @property
    def text_source(self) -> str:
        """Where `text` came from: text_layer, repaired (a text layer we repaired), ocr or sheet."""
        if self.source == "text_layer" and self.text_verdict is not None and self.text_verdict.repairs:
            return "repaired"
        return self.source


@dataclass
class Document:
    """A loaded file: its pages, whatever their origin."""

    file_id: str
    source_name: str
    media: Literal["pdf", "image", "xlsx"]
    pages: list[Page] = field(default_factory=list)

    @property
    def ocr_used(self) -> bool:
        return any(p.source == "ocr" for p in self.pages)

    @property
    def mean_confidence(self) -> float | None:
        confs = [p.confidence for p in self.pages if p.confidence is not None]
        return round(sum(confs) / len(confs), 1) if confs else None


@dataclass
class Reference:
    """A letter cited by อ้างถึง or "ตามหนังสือ … ที่ … ลงวันที่ …"."""

    doc_number: str
    date: dt.date | None = None


@dataclass
class Indicator:
    """A KPI (ตัวชี้วัด) defined or cited in a letter."""

    code: str
    name: str = ""
    fiscal_year: int | None = None  # Buddhist era, e.g. 2561
    target_value: float | None = None
    target_unit: str = ""
    due_date: dt.date | None = None
    owner: str = ""
    levels: list[str] = field(default_factory=list)  # five scoring levels, when a KPI table gives them
    page: int | None = None
    repaired: str = ""  # why the target is not as read (a misread mended), for the letter's flags; not stored


@dataclass
class Letter:
    """An official letter (หนังสือภายนอก/หนังสือเวียน) or memo (บันทึกข้อความ) found in a file."""

    letter_index: int
    page_from: int
    page_to: int
    kind: Literal["letter", "memo"]
    doc_number: str = ""
    circular: bool = False
    date: dt.date | None = None
    urgency: str = ""
    subject: str = ""
    addressee: str = ""
    sender: str = ""
    references: list[Reference] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    deadline: dt.date | None = None
    deadline_text: str = ""  # recurring or unparseable deadlines ("ทุกวันที่ 15 ของเดือน")
    signatory: str = ""
    signatory_position: str = ""
    received_number: str = ""
    received_date: dt.date | None = None
    indicators: list[Indicator] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)  # provinces the letter lists (for count checks)
    flags: list[str] = field(default_factory=list)  # e.g. impossible_date
    field_pages: dict[str, int] = field(default_factory=dict)  # field name → page it came from


@dataclass
class ReportRow:
    """One data row of a returned report form, as read. Numbers are as printed; checks only flag."""

    page: int
    table_index: int
    row_index: int
    indicator: str  # help_centre | joint_centre
    period: str = ""  # YYYY-MM
    province_code: str = ""
    province: str = ""
    district_code: str = ""
    district: str = ""
    unit_label: str = ""
    total: int | None = None
    established: int | None = None
    not_established: int | None = None
    remark: str = ""
    confidence: float = 1.0  # 0–1
    flags: list[str] = field(default_factory=list)
    printed_name: str = ""  # the place name as printed, before gazetteer matching
    raw_cells: dict[str, str] = field(default_factory=dict)  # column → cell text as read
    alternatives: dict[str, list[int]] = field(default_factory=dict)  # column → other readings


@dataclass
class TableFinding:
    """A check that fails for a whole table, not for any one row of it: the printed รวม row
    disagrees with the column sums (`total_row_mismatch`). It belongs to the table's total (the
    province's figure), so its rows stay unflagged and reconcile puts the province row under
    review. Where: the table's first page and index; what: the printed and summed numbers."""

    page: int
    table_index: int
    indicator: str
    period: str
    province_code: str
    flag: str
    printed: dict[str, int | None] = field(default_factory=dict)
    column_sums: dict[str, int] = field(default_factory=dict)


@dataclass
class Extraction:
    """Everything extracted from one document."""

    letters: list[Letter] = field(default_factory=list)
    report_rows: list[ReportRow] = field(default_factory=list)
    table_findings: list[TableFinding] = field(default_factory=list)
    page_roles: dict[int, str] = field(default_factory=dict)  # page → letter|memo|report_form|…
    errors: list[PageError] = field(default_factory=list)  # every page's, then the file's own

    @property
    def is_empty(self) -> bool:
        """Nothing usable: no letter and no report-table row."""
        return not self.letters and not self.report_rows
