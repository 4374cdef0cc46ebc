"""Segmentation (การแบ่งเอกสาร): which pages hold letters, memos, report forms, lists, KPI tables.

One scanned file often holds a province's cover letter, the department circular it forwards,
a memo, then report forms. Letters may start mid-page, so we work on one stream of lines over
all pages: a letter starts at its `ที่ <เลข>` header (or a บันทึกข้อความ title), pulled back
over the urgency mark and receiving stamp printed above it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pythainlp.util.date import thai_full_months

from extractors.letter_docnum import CODE, opening_number
from extractors.letter_terms import (
    ADDRESSEE,
    ATTACHMENT_HEAD,
    LEAD,
    MEMO_OFFICE,
    MEMO_TITLE,
    REFERENCE_HEAD,
    STAMP_LINE,
    STAMP_NUMBER,
    SUBJECT,
    THI,
    URGENCY,
    is_date_only,
    loose,
    specked,
    starts_with,
)

PageRole = str  # letter | memo | report_form | attachment_list | kpi_table | continuation | other
_HEADER_LOOKAHEAD = 15  # non-blank lines after ที่ in which เรียน/ถึง must appear
_TOP_LINES = 10  # a page "is" a letter page when the header is this near its top
# A receiving stamp (office, number, date, time) and a letterhead set beside it push the number
# of a letter down to about the twelfth line.
_STAMPED_TOP_LINES = 15
# `ที่` as OCR gives it: ที่, ที, ท, fi — then the issuer code and digits.
_HEADER_NUMBER = re.compile(f"{LEAD}{THI}[\\s.]*(?={CODE}\\.?\\s*(?:[ก-ฮ](?=\\d))?\\d)")
_OFFICE_LINE = starts_with("สำนักงาน", "สนง", "กอง", "กรม", "ณ.", "ศาลากลาง", "ที่ว่าการ")
_LETTERHEAD = starts_with("กรม", "สำนักงาน", "ศาลากลาง", "ถนน", "กทม", "ท้องถิ่นจังหวัด", "ท้องถิ่น")
_REPORT_TITLE = starts_with("แบบรายงาน")
_ESTABLISHED = re.compile(f"{loose('จัดตั้งแล้ว')}|{loose('ยังไม่')}(?:ได้)?{loose('จัดตั้ง')}")
_LIST_TITLE = starts_with("บัญชีแนบท้าย", "เอกสารแนบท้าย", "สิ่งที่ส่งมาด้วย", "บัญชีรายชื่อ")
_KPI_TABLE = re.compile(f"{loose('เกณฑ์การให้คะแนน')}")
_KPI_ITEM = starts_with("ตัวชี้วัดที่")


@dataclass(frozen=True)
class Line:
    """One text line of the file with the page it is on."""

    page: int
    text: str


@dataclass(frozen=True)
class Span:
    """Where one letter sits in the line stream: [start, end), header = its ที่/title line."""

    kind: str  # letter | memo
    start: int
    header: int
    end: int


def stream_lines(pages: Sequence[tuple[int, str]]) -> list[Line]:
    return [Line(number, line.strip()) for number, text in pages for line in text.splitlines()]


def _next_texts(lines: list[Line], index: int, count: int) -> list[str]:
    found: list[str] = []
    for line in lines[index + 1 :]:
        if line.text:
            found.append(line.text)
            if len(found) == count:
                break
    return found


def is_number_head(text: str) -> bool:
    """`ที่ <code> <digits>` opening the line: a letter's number line, or a citation's wrap."""
    return bool(_HEADER_NUMBER.match(text))


def is_letter_header(lines: list[Line], index: int) -> bool:
    """`ที่ <เลข>` followed soon by a header label (เรื่อง, เรียน/ถึง, อ้างถึง, สิ่งที่ส่งมาด้วย; OCR
    may garble some of them): the number line of a letter, not a stamp copy."""
    text = lines[index].text
    if not _HEADER_NUMBER.match(text) or re.search(loose("ลงวันที่"), text):
        return False  # a reference wrapped to line start carries ลงวันที่
    following = _next_texts(lines, index, _HEADER_LOOKAHEAD)
    return any(_is_header_label(t) for t in following)


def _is_header_label(text: str) -> bool:
    return bool(ADDRESSEE.match(text) or SUBJECT.match(text) or REFERENCE_HEAD.match(text)
                or ATTACHMENT_HEAD.match(text))


def _is_preamble(lines: list[Line], index: int) -> bool:
    """Lines printed above a header: urgency, a receiving stamp, page numbers, specks."""
    text = lines[index].text
    if not text or URGENCY.match(text) or STAMP_LINE.match(text):
        return True
    if len(re.sub(r"[\s.]", "", text)) <= 5 or _LETTERHEAD.match(text) or is_date_only(text):
        return True  # OCR may read the letterhead office, address and date before ที่
    nxt = _next_texts(lines, index, 1)
    return bool(_OFFICE_LINE.match(text) and nxt and STAMP_LINE.match(nxt[0]))


def _pull_back(lines: list[Line], header: int, floor: int) -> int:
    start = _over_preamble(lines, header, floor)
    stamp = _stamp_above(lines, start, floor)
    if stamp is not None:
        start = _over_preamble(lines, stamp, floor)
    while start < header and not lines[start].text:
        start += 1
    return start


def _over_preamble(lines: list[Line], index: int, floor: int) -> int:
    while index - 1 > floor and _is_preamble(lines, index - 1):
        index -= 1
    return index


def _stamp_above(lines: list[Line], start: int, floor: int) -> int | None:
    """A receiving stamp whose routing boxes (ฝ่าย…, กลุ่มงาน…) sit between it and the header."""
    rows = [i for i in range(max(floor + 1, start - 12), start) if lines[i].text][-5:]
    for k, i in enumerate(rows):
        if STAMP_NUMBER.search(lines[i].text) and all(len(lines[j].text) < 60 for j in rows[k:]):
            return i
    return None


def _header_kind(lines: list[Line], index: int, last_header: int) -> str | None:
    text = lines[index].text
    if MEMO_TITLE.match(text):
        return "memo"
    # A ที่ line just under a memo's head is the memo's own number, not a new letter.
    if index - last_header <= 8 and _is_memo_head(lines[last_header].text if last_header >= 0 else ""):
        return None
    if _is_memo_office(lines, index):
        return "memo"
    if not is_letter_header(lines, index):
        return None
    return "memo" if _dated_number_line(text) else "letter"


# A memo prints its date on its number's line, after วันที่ (`ที่ มท 0802.2/ว 3126 วันที่ 10
# สิงหาคม 2565`); a letter sets its date on a line of its own, unlabelled. So a number line dated
# so is a memo's whose title and ส่วนราชการ OCR garbled (`บ . ปบันทกข้อความ`). A receiving stamp's
# date read onto the line is written short (`วันที่ 11 ก.ย. 65`): the memo's month is in full, a
# speck set on it at times (`สิงหาคุม`).
_FULL_MONTH = "|".join(specked(month) for month in thai_full_months)
_NUMBER_LINE_DATE = re.compile(f"{specked('วันที่')}\\s*\\d{{1,2}}\\s*(?:{_FULL_MONTH})")


def _dated_number_line(text: str) -> bool:
    found = opening_number(re.sub(f"^{LEAD}{THI}", "", text))
    return found is not None and _NUMBER_LINE_DATE.search(text[found.end:]) is not None


def _is_memo_head(text: str) -> bool:
    return bool(MEMO_TITLE.match(text) or MEMO_OFFICE.match(text))


def _is_memo_office(lines: list[Line], index: int) -> bool:
    """A memo whose title a stamp or speck made unreadable (`ผ่"อด บันทึกข้อความ ว`) still has
    its ส่วนราชการ line, with the เรื่อง line a few lines below (a body line that starts with
    ส่วนราชการ has no เรื่อง after it)."""
    return bool(MEMO_OFFICE.match(lines[index].text)) and any(
        SUBJECT.match(text) for text in _next_texts(lines, index, 4))


def find_spans(lines: list[Line]) -> list[Span]:
    """Every letter and memo in the stream, in order."""
    heads: list[tuple[str, int, int]] = []
    last_header, floor = -1, -1
    for i in range(len(lines)):
        kind = _header_kind(lines, i, last_header)
        if kind is None:
            continue
        start = _pull_back(lines, i, floor) if heads else _page_start(lines, i)
        heads.append((kind, start, i))
        last_header, floor = i, i
    heads = _owning_labels(lines, heads) or _page_top_fallback(lines)
    if not heads:
        return []
    ends = [start for _, start, _ in heads[1:]] + [len(lines)]
    return [Span(kind, start, header, end) for (kind, start, header), end in zip(heads, ends, strict=True)]


def _owning_labels(lines: list[Line], heads: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Letter heads whose header labels are their own. A speck over a stamp read as a number
    line (`ทสด 5` for ที่ สด 5) finds the labels of the memo printed just below it: a letter with
    none of its own is no letter (the memo keeps its own start, as it would without the speck:
    given that line, it would take it for its number)."""
    ends = [start for _, start, _ in heads[1:]] + [None] if heads else []
    return [(kind, start, header) for (kind, start, header), end in zip(heads, ends, strict=True)
            if kind != "letter" or end is None or _labels_within(lines, header, end)]


def _labels_within(lines: list[Line], header: int, end: int) -> bool:
    return any(_is_header_label(line.text) for line in lines[header + 1:end] if line.text)


def _page_start(lines: list[Line], header: int) -> int:
    """The first letter owns everything above its header on its page: urgency mark, letterhead
    and stamp, however OCR broke them (a province name alone, `' การปกครอง…`)."""
    start = header
    while start > 0 and lines[start - 1].page == lines[header].page:
        start -= 1
    while start < header and not lines[start].text:
        start += 1
    return start


# An owner's number whose ที่ and issuer code OCR garbled into short pieces (`NWN 0810.7/ว่4231`
# for ที่ มท, `G อต Saleen. 0023.5/2687`): office digits (0 and three more, a point and one or two)
# and a serial after at most three pieces at the line's start.
_GARBLED_CODE_NUMBER = re.compile(r"^(?:\S{1,8}\s+){0,3}\S{0,8}?[\s.]*0\d{3}\s?\.\s?\d{1,2}"
                                  r"\s*/\s*(?:ว[\u0e48-\u0e4b]?)?\s*\d{1,5}(?![\d.])")


def _opens_with_number(text: str) -> bool:
    return opening_number(text) is not None or _GARBLED_CODE_NUMBER.match(text) is not None


def _number_at_top(lines: list[Line], window: list[int]) -> list[tuple[str, int, int]]:
    """Labels and ที่ all garbled (`Gt บก 0023.1 / 939`, then `Gas รายงานผล…`, `เงยน อธิบดี…`): a
    whole number opening one of the page's top lines is still a letter's header."""
    top = [i for i in window if lines[i].text][:_STAMPED_TOP_LINES]
    header = next((i for i in top if _opens_with_number(lines[i].text)), None)
    return [("letter", top[0], header)] if header is not None else []


def _page_top_fallback(lines: list[Line]) -> list[tuple[str, int, int]]:
    """No header readable (OCR lost `ที่`): a first page with a เรียน or เรื่อง line is a letter."""
    first = next((i for i, line in enumerate(lines) if line.text), None)
    if first is None:
        return []
    window = [i for i in range(first, len(lines)) if lines[i].page == lines[first].page][:80]
    subject = next((i for i in window if SUBJECT.match(lines[i].text)), None)
    addressee = next((i for i in window if ADDRESSEE.match(lines[i].text)), None)
    if addressee is None and subject is None:  # one of the two labels must have survived,
        return _number_at_top(lines, window)  # or the number that opens the page's header
    return [("letter", first, subject if subject is not None and (addressee is None or subject < addressee) else first)]


def _content_role(texts: list[str]) -> PageRole | None:
    joined = "\n".join(texts)
    if any(_REPORT_TITLE.match(t) for t in texts) and _ESTABLISHED.search(joined):
        return "report_form"
    if _ESTABLISHED.search(joined) and re.search(f"{loose('อำเภอ')}|{loose('จังหวัด')}", joined) and \
            sum(bool(re.search(r"\d", t)) for t in texts) >= 5:
        return "report_form"
    if _KPI_TABLE.search(joined) or sum(bool(_KPI_ITEM.match(t)) for t in texts) >= 3:
        return "kpi_table"
    if any(_LIST_TITLE.match(t) for t in texts[:6]):
        return "attachment_list"
    return None


def _page_role(number: int, lines: list[Line], spans: list[Span]) -> PageRole:
    texts = [line.text for line in lines if line.page == number and line.text]
    top = {line_index for line_index, line in enumerate(lines) if line.page == number}
    starts = [s for s in spans if s.header in top]
    first_rows = sorted(top)[: _TOP_LINES * 3]
    near_top = [s for s in starts if s.header in first_rows[: _nonblank_cut(lines, first_rows)]]
    if near_top:
        return near_top[0].kind
    content = _content_role(texts)
    if content:
        return content
    if starts:
        return starts[0].kind
    if any(s.start <= min(top, default=-1) < s.end for s in spans):
        return "continuation"
    return "other"


def _nonblank_cut(lines: list[Line], rows: list[int]) -> int:
    """How many of `rows` it takes to see `_TOP_LINES` non-blank lines."""
    seen = 0
    for k, row in enumerate(rows):
        seen += bool(lines[row].text)
        if seen >= _TOP_LINES:
            return k + 1
    return len(rows)


def classify_pages(pages: Sequence[tuple[int, str]]) -> dict[int, PageRole]:
    """Page number (1-based) → role, for the table reader and for letter page ranges."""
    lines = stream_lines(pages)
    spans = find_spans(lines)
    return {number: _page_role(number, lines, spans) for number, _ in pages}

