"""Letters and memos (หนังสือราชการ / บันทึกข้อความ) → `Letter` records.

Stages: the file's pages become one line stream; `segment.find_spans` cuts it into letters;
for each letter the header fields, body fields and KPIs are read from its own lines. Every
field records the page it came from in `field_pages`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from extractors import letter_body as body
from extractors import letter_fields as head
from extractors.addressee_vocabulary import (
    ADDRESSEE_CORRECTED,
    district_office_by_name,
    fixed_name_by_tail,
    head_of_department_by_head,
)
from extractors.appraisal_round import APPRAISAL_ROUND_REPAIRED, mended_round
from extractors.indicators import extract_indicators, merge_indicators, settle_fiscal_years
from extractors.issuer_codes import (
    is_province_code,
    issuer_code,
    known_code,
    lookalike_code,
    misread_code,
    province_code,
    province_of_code,
)
from extractors.letter_docnum import DOC_NUMBER_REPAIRED, DocNumber, number_for_issuer
from extractors.letter_fields import LetterLines
from extractors.letter_terms import CLOSING, FISCAL_YEAR, LEAD, fiscal_year_of, loose
from extractors.offices import canonical_office, closest_fixed_name, head_of_department_by_tail
from extractors.segment import Line, Span, classify_pages, find_spans, stream_lines
from extractors.signatory_names import (
    SIGNATORY_CORRECTED,
    judge_given_name,
    judge_surname,
    resplit,
    surname_syllable_mended,
    surname_tone_restored,
    title_mended,
)
from extractors.stamp_reading import FIRST_YEAR
from extractors.subject_spelling import SPELLING_CORRECTED, judge_spelling
from pipeline.records import Letter
from pipeline.thai.dates import (
    IMPLAUSIBLE_DATE,
    IMPOSSIBLE_DATE,
    DateMatch,
    find_thai_dates,
    out_of_its_time,
    year_from_digits_left,
    year_near_others,
)

_TABLE_ROLES = {"report_form", "attachment_list", "kpi_table"}
INDICATOR_REPAIRED = "indicator_repaired"  # a KPI target read impossible was mended: check it
STAMP_DATE_REPAIRED = "stamp_date_repaired"  # a stamp date read back: a doubled glyph once, a year one digit off
YEAR_COMPLETED = "year_completed"  # a letter date whose year OCR cut was read again: check it
_POSITION_OFFICES = [  # a signatory's title names the office that signs: อธิบดีกรม… → กรม…
    (re.compile(r"^(?:.*\s)?อธิบดี(กรม\S+)$"), r"\1"),
    (re.compile(r"^(?:.*\s)?ท้องถิ่นจังหวัด(\S+)$"), r"สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด\1"),
]


def extract_letters(pages: Sequence[tuple[int, str]]) -> list[Letter]:
    """Every letter and memo in a file's normalised page texts, in reading order."""
    return [read() for read in letter_readers(pages)]


def letter_readers(pages: Sequence[tuple[int, str]]) -> list[Callable[[], Letter]]:
    """One reader per letter and memo in the page texts, in reading order: a caller may run each
    on its own, so a letter that cannot be read costs only itself, not the file's other letters."""
    lines = stream_lines(pages)
    roles = classify_pages(pages)
    return [partial(_read_letter, k, LetterLines(lines, span), roles) for k, span in enumerate(find_spans(lines))]


def _read_letter(index: int, view: LetterLines, roles: dict[int, str]) -> Letter:
    head.locate(view)
    letter = Letter(index, view.page(view.span.start), view.page(view.span.start), view.span.kind)  # type: ignore[arg-type]
    date_row = _read_header(letter, view)
    core_end = _read_signature(letter, view)
    _read_body(letter, view, core_end)
    _date_after_citations(letter, view, date_row)
    letter.page_to = _page_to(view, core_end, roles, signed="signatory" in letter.field_pages)
    fiscal = _fiscal_year(view, core_end)
    found = [ind for page, text in _texts_by_page(view.lines, view.span)
             for ind in extract_indicators(text, page, fiscal)]
    letter.indicators = settle_fiscal_years(merge_indicators(found), _trusted_date(letter), fiscal,
                                            _latest_cited(letter))
    mended = [ind.code for ind in letter.indicators if ind.repaired]
    if mended:
        letter.flags.append(f"{INDICATOR_REPAIRED}:{','.join(mended)}")
    _date_before_its_fiscal_year(letter, fiscal)
    return letter


_NEXT_YEARS = 1  # a letter sets targets for the fiscal year it is written in, or the next


def _date_before_its_fiscal_year(letter: Letter, fiscal: int | None) -> None:
    """A letter is written in the fiscal year it names or the one before; one dated earlier
    still had a year misread, its own or the ones it names (seen on seed 1036: ๒๕๖๗ of the date
    line read 2563 under `ประจำปีงบประมาณ พ.ศ. ๒๕๖๗`, and the table sent with it dated 2020).
    The letter does not say which: flagged for a person to check, nothing moved."""
    if letter.date is None or IMPLAUSIBLE_DATE in letter.flags:
        return
    named = [y for y in (fiscal, *(ind.fiscal_year for ind in letter.indicators))
             if y is not None and FIRST_YEAR <= y - _BE_OFFSET <= dt.date.today().year + 1]
    own = letter.date.year + _BE_OFFSET + (letter.date.month >= _FISCAL_START)
    if named and own < min(named) - _NEXT_YEARS:
        letter.flags.append(IMPLAUSIBLE_DATE)


_FISCAL_START = 10  # a Thai fiscal year opens in October


def _latest_cited(letter: Letter) -> dt.date | None:
    """The date of the latest letter this one cites, of its time (a year misread is no anchor)."""
    return max((ref.date for ref in letter.references if ref.date and not out_of_its_time(ref.date)), default=None)


def _trusted_date(letter: Letter) -> dt.date | None:
    """The letter's date, unless a check found its year misread (dated before the letters it
    cites, or impossible): such a date anchors nothing."""
    doubted = {IMPLAUSIBLE_DATE, IMPOSSIBLE_DATE, YEAR_COMPLETED}
    return None if doubted & set(letter.flags) else letter.date


def _set(letter: Letter, name: str, value: object, row: int | None, view: LetterLines) -> None:
    if value in (None, "", []) or row is None:
        return
    setattr(letter, name, value)
    letter.field_pages[name] = view.page(row)


def _read_header(letter: Letter, view: LetterLines) -> int | None:
    """The header's fields; returns the row of the letter's date."""
    number, number_row = head.read_doc_number(view)
    if number is None or not number.serial:
        number, number_row = _number_of_its_issuer(view, number, number_row)
    number = _code_of_its_issuer(view, number, number_row)
    own = number.text() if number else ""
    _set(letter, "doc_number", own, number_row, view)
    letter.circular = bool(own) and number is not None and number.circular
    if own and number is not None and number.repaired:
        letter.flags.append(DOC_NUMBER_REPAIRED)
    date, date_row, impossible = head.read_date(view, number_row, own)
    _set(letter, "date", date, date_row, view)
    if impossible:
        letter.flags.append(IMPOSSIBLE_DATE)
    _date_in_its_time(letter, view, date_row)
    _set(letter, "urgency", *head.read_urgency(view), view)
    _read_subject(letter, view)
    addressee, row = _addressee(head.read_addressee(view))
    guess = head_of_department_by_head(addressee) or fixed_name_by_tail(addressee) \
        or district_office_by_name(addressee)
    if guess:
        letter.flags.append(f"{ADDRESSEE_CORRECTED}:{addressee.replace(' ', '')}>{guess}")
    _set(letter, "addressee", guess or addressee, row, view)
    _set(letter, "sender", *_office(head.read_sender(view, number, number_row)), view)
    received, received_date, row, implausible, mended = head.read_received(view, letter.date)
    _set(letter, "received_number", received, row, view)
    _set(letter, "received_date", received_date, row, view)
    if implausible:
        letter.flags.append(IMPLAUSIBLE_DATE)
    if mended:
        letter.flags.append(STAMP_DATE_REPAIRED)
    _year_its_stamp_prints(letter, view, date_row, row)
    return date_row


_BE_OFFSET = 543
_STAMP_AFTER_DAYS = 120  # a stamp is dated days or weeks after the letter it receives
_BE_YEAR = re.compile(r"(?<!\d)25\d\d(?!\d)")


def _year_its_stamp_prints(letter: Letter, view: LetterLines, date_row: int | None, stamp_row: int | None) -> None:
    """The letter's year and its stamp's printed whole year one digit apart (๒๕๕๗ read as 2553 on
    one of them): the stamp date was read near the letter's year, so both carry one misreading.
    The other years the letter prints (its fiscal year, its citations) witness which is right:
    the one nearer their median. Where the stamp's wins, the letter's date takes its year, and
    the stamp its printed date; flagged for a person to check."""
    printed = _stamp_whole_date(view, stamp_row) if stamp_row is not None else None
    if letter.date is None or printed is None or date_row is None or _digits_off(printed.year, letter.date.year) != 1:
        return
    moved = _in_year(letter.date, printed.year)
    if moved is None or not 0 <= (printed - moved).days <= _STAMP_AFTER_DAYS:
        return
    skip = {date_row, *range(stamp_row, stamp_row + 4)}  # type: ignore[arg-type]
    witnesses = sorted(int(y) - _BE_OFFSET for i in view.nonblank() if i not in skip
                       for y in _BE_YEAR.findall(view.text(i)))
    if not witnesses:
        return
    middle = witnesses[len(witnesses) // 2]
    if abs(printed.year - middle) < abs(letter.date.year - middle):
        letter.date, letter.received_date = moved, printed
        letter.flags += [f for f in (IMPLAUSIBLE_DATE, YEAR_COMPLETED) if f not in letter.flags]


def _stamp_whole_date(view: LetterLines, row: int) -> dt.date | None:
    """The first real date with a four-digit year on the stamp's rows."""
    for i in [row, *view.nonblank(row + 1, row + 4)]:
        for found in find_thai_dates(view.text(i)):
            if found.date is not None and len(found.year_text) == 4:
                return found.date
    return None


def _digits_off(a: int, b: int) -> int:
    """How many digits two years differ in; years of unequal length (a year OCR cut to 3 digits)
    differ in every one."""
    x, y = str(a), str(b)
    return sum(p != q for p, q in zip(x, y, strict=True)) if len(x) == len(y) else max(len(x), len(y))


def _in_year(date: dt.date, year: int) -> dt.date | None:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February
        return None


def _read_subject(letter: Letter, view: LetterLines) -> None:
    """The subject, its OCR-damaged words put back where the dictionary is sure, and flagged."""
    subject, row = head.read_subject(view)
    subject, changes = judge_spelling(subject)
    if changes:
        letter.flags.append(f"{SPELLING_CORRECTED}:{' '.join(changes)}")
        subject = head.close_gap_after_and(subject)  # a word put back may be และ glued at a wrap
    subject, round_read = mended_round(subject)
    if round_read:
        letter.flags.append(f"{APPRAISAL_ROUND_REPAIRED}:{round_read}")
    _set(letter, "subject", head.complete_subject_year(subject, letter.date), row, view)


def _number_of_its_issuer(view: LetterLines, number: DocNumber | None,
                          row: int | None) -> tuple[DocNumber | None, int | None]:
    """No whole number read: office digits and serial under the code of the office that sends
    the letter (its code garbled or lost), else what was read. A province office whose name
    OCR broke over its letterhead's lines still prints its seat (`ศาลากลางจังหวัดหนองคาย`)."""
    code = issuer_code(_sending_office(view)) or _seat_code(view) or issuer_code(_office_beside_number(view))
    found, found_row = head.number_of_issuer(view, code) if code else (None, None)
    return (found, found_row) if found is not None else (number, row)


def _office_beside_number(view: LetterLines) -> str:
    """The letterhead's office printed after a number whose code OCR lost, on the same line
    (`NNN 0809.2/57 กรมส่งเสริมการปกครองท้องถิ่น |`): the sender is found nowhere else when the
    signatory's title is lost too."""
    for i in head.rows_above_subject(view):
        found = number_for_issuer(view.text(i), "")
        if found is not None:
            return canonical_office(head.office_with_wrap(view, view.text(i)[found.end:], i))
    return ""


def _code_of_its_issuer(view: LetterLines, number: DocNumber | None, row: int | None) -> DocNumber | None:
    """A number whose code is no known code one letter off the sender's (`ภภ 0023.1` from
    ภูเก็ต's office, ภก): the sender's code, flagged as repaired. The sender is the office the
    letterhead or signatory names, or the province the letterhead under the number names
    (`ศาลากลางจังหวัดภูเก็ต`, or the province alone on the line its office name wrapped to), or
    the province whose seat the letterhead gives as address, above the number too (`สบป 0023.5`
    under `ศาลากลางจังหวัดสระบุรี`)."""
    if number is None or not number.serial or row is None:
        return number
    if known_code(number.code):  # taken as printed, but for a province's read as its neighbour's
        return _province_code_misread(view, number)
    beside = _office(head.read_sender(view, number, row))[0]  # the office printed after the number
    codes = {issuer_code(_sending_office(view)), issuer_code(beside), *_letterhead_codes(view, row),
             _seat_code(view)} - {""}
    near = [code for code in codes if misread_code(number.code, code)]
    return replace(number, code=near[0], repaired=True) if len(near) == 1 else number


def _province_code_misread(view: LetterLines, number: DocNumber) -> DocNumber:
    """A province office's own code read as another province's, one letter taken for its
    look-alike (`สป 0023.5` for สบ: สระบุรี's, read as สมุทรปราการ's): the code of the province the
    letter names as its own (its seat in the letterhead, the governor it is signed for), when it
    names the read code's province nowhere. Flagged as repaired. A letter may cite another
    office's number, but its own is its province's."""
    own = _seat_code(view) or _governor_code(view)
    if not is_province_code(number.code) or not own or not lookalike_code(number.code, own):
        return number
    named = province_of_code(number.code)
    if any(named in view.text(i) for i in view.nonblank()):
        return number
    return replace(number, code=own, repaired=True)


# The governor a province office's letter is signed for (ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัด…).
_GOVERNOR = re.compile(f"{LEAD}{loose('ผู้ว่าราชการจังหวัด')}\\s*(\\S+)")


def _governor_code(view: LetterLines) -> str:
    """The code of the province whose governor signs the letter: a line under its closing."""
    rows = view.nonblank()
    closing = next((k for k, i in enumerate(rows) if CLOSING.match(view.text(i))), len(rows))
    rows = rows[closing:]
    names = (body.match_province(m.group(1)) for i in rows if (m := _GOVERNOR.match(view.text(i))))
    return next((province_code(name) for name in names if name), "")


_LETTERHEAD_ROWS = 6  # the office's name and address under the number, before the date
_SEAT = re.compile(r"^\W*(?:ศาลากลาง)?(?:จังหวัด)?")
_SEAT_LINE = re.compile(r"^\W*ศาลากลางจังหวัด\s*(\S*)")


def _seat_code(view: LetterLines) -> str:
    """The code of the province whose seat (ศาลากลางจังหวัด…) the letterhead gives as address,
    the province on the line itself or, wrapped, alone on the next (`ศาลากลางจังหวัด` then
    `' หนองบัวลำภู`); a stamp never prints one."""
    rows = view.nonblank(None, view.body_start)
    names = [_seat_province(view, rows, k, m) for k, i in enumerate(rows) if (m := _SEAT_LINE.match(view.text(i)))]
    return next((province_code(name) for name in names if name), "")


def _seat_province(view: LetterLines, rows: list[int], k: int, m: re.Match[str]) -> str | None:
    if m.group(1) or k + 1 >= len(rows):
        return body.match_province(m.group(1)) if m.group(1) else None
    return body.match_province(head.tidy(view.text(rows[k + 1])))


def _letterhead_codes(view: LetterLines, row: int) -> set[str]:
    names = (body.match_province(_SEAT.sub("", view.text(i))) for i in view.nonblank(row + 1)[:_LETTERHEAD_ROWS])
    return {province_code(name) for name in names if name}


def _sending_office(view: LetterLines) -> str:
    """The letterhead's office, or the office its signatory's title names."""
    office = _office(head.read_sender(view, None, None))[0]
    return office or _office_of(canonical_office(body.find_signature(view)[1]))


def _date_in_its_time(letter: Letter, view: LetterLines, row: int | None) -> None:
    """A letter dated after next year or before any record of this department (๒๕๖๑ read as
    5561, ๒๕๖๐ as 2520), or whose year lost a digit (๒๕๖๗ read as 256), had its year misread:
    it is read again against the years of the other dates the letter prints (citations,
    deadline, stamp), and flagged either way."""
    found = head.printed_date(view, row) if row is not None else None
    if found is None or (letter.date is not None and not _beyond_its_time(letter.date)):
        return
    if letter.date is not None:
        letter.flags.append(IMPLAUSIBLE_DATE)  # a date that cannot be is flagged impossible already
    others = [d.date for i in view.nonblank() if i != row for d in find_thai_dates(view.text(i))
              if d.date is not None and not _beyond_its_time(d.date)]
    again = year_near_others(found, others)
    if again is not None:
        letter.date = again
        letter.flags.append(YEAR_COMPLETED)
        letter.field_pages["date"] = view.page(row)


def _beyond_its_time(date: dt.date) -> bool:
    return out_of_its_time(date) or date.year < FIRST_YEAR


def _date_after_citations(letter: Letter, view: LetterLines, row: int | None) -> None:
    """A letter is dated after every letter it cites. One dated before them lost digits of its
    year to OCR (๒๕๖๔ read as 24): it is read again with the latest cited date as anchor, and
    flagged either way, for a person to check."""
    cited = [ref.date for ref in letter.references if ref.date]
    if letter.date is None or row is None or not cited or letter.date >= max(cited):
        return
    if IMPLAUSIBLE_DATE not in letter.flags:  # flagged already when its year is of no time
        letter.flags.append(IMPLAUSIBLE_DATE)
    found = head.printed_date(view, row)
    again = _year_of_citations(found, cited) if found else None
    if again is not None:
        letter.date = again
        letter.flags.append(YEAR_COMPLETED)


def _year_of_citations(found: DateMatch, cited: list[dt.date]) -> dt.date | None:
    """The letter's date read again in its citations' years: its year cut to the digits left
    (๒๕๖๔ read as 24), or, in a year no letter of this department bears, one digit of it
    misread (๒๕๖๑ as 2521; a year of its time may be right and the citation's wrong)."""
    again = year_from_digits_left(found, max(cited))
    if again is None and found.date is not None and _beyond_its_time(found.date):
        return year_near_others(found, cited)
    return again


def _read_signature(letter: Letter, view: LetterLines) -> int:
    name, position, row, after = body.find_signature(view)
    for judge in (title_mended, resplit, judge_given_name, surname_tone_restored, judge_surname,
                  surname_syllable_mended):
        name, change = judge(name)
        if change:
            letter.flags.append(f"{SIGNATORY_CORRECTED}:{change}")
    position = canonical_office(position)
    _set(letter, "signatory", name, row, view)
    _set(letter, "signatory_position", position, row, view)
    if not letter.sender and position:
        _set(letter, "sender", _office_of(position), row, view)
    return body.find_core_end(view, after if row is not None else None)


def _office(found: tuple[str, int | None]) -> tuple[str, int | None]:
    return canonical_office(found[0]), found[1]


def _addressee(found: tuple[str, int | None]) -> tuple[str, int | None]:
    """An addressee with a known name spelled right; one that is not a place's office and reads
    as no name letter for letter is matched to the fixed names it may be a damaged copy of."""
    office = canonical_office(found[0])
    if office != found[0]:
        return office, found[1]
    near = closest_fixed_name(office)
    return (near if near != office else head_of_department_by_tail(office)), found[1]


def _office_of(position: str) -> str:
    for pattern, repl in _POSITION_OFFICES:
        if pattern.match(position):
            return pattern.sub(repl, position)
    return ""


def _read_body(letter: Letter, view: LetterLines, core_end: int) -> None:
    # The stamp dates the letter within days when its own date is lost: cited years are read against it.
    cited = body.find_references(view, core_end, letter.doc_number, letter.date or letter.received_date)
    if cited.refs:
        letter.references = cited.refs
        letter.field_pages["references"] = view.page(view.span.header)
    letter.flags += cited.flags()
    _set(letter, "attachments", *body.find_attachments(view), view)
    deadline, deadline_text, row = body.find_deadline(view, core_end, _trusted_date(letter))
    _set(letter, "deadline", deadline, row, view)
    _set(letter, "deadline_text", deadline_text, row, view)
    _set(letter, "provinces", *body.find_provinces(view), view)


def _page_to(view: LetterLines, core_end: int, roles: dict[int, str], signed: bool) -> int:
    """Last page of the letter proper. Unsigned, its end is unsure: stop before table pages."""
    rows = view.nonblank(None, core_end) or [view.span.start]
    first = view.page(view.span.start)
    pages = [view.page(i) for i in rows
             if signed or view.page(i) == first or roles.get(view.page(i)) not in _TABLE_ROLES]
    return max(pages, default=first)


def _fiscal_year(view: LetterLines, core_end: int) -> int | None:
    text = " ".join(view.text(i) for i in view.nonblank(None, core_end))
    m = FISCAL_YEAR.search(text)
    return fiscal_year_of(m.group(1)) if m else None


def _texts_by_page(lines: list[Line], span: Span) -> list[tuple[int, str]]:
    pages: dict[int, list[str]] = {}
    for line in lines[span.start : span.end]:
        pages.setdefault(line.page, []).append(line.text)
    return [(page, "\n".join(texts)) for page, texts in pages.items()]
