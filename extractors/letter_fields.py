"""Header fields of one letter (ส่วนหัวหนังสือ): number, date, urgency, subject, addressee, sender.

Each function reads the letter's own lines (a `LetterLines` view over the file's line stream)
and returns the value with the index of the line it came from, so the caller can record the
page. A value that is not there stays empty: nothing is inferred from other letters.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from pythainlp.util.date import thai_full_months

from extractors.domain_phrases import repair_phrases
from extractors.field_debris import shed_debris, shed_glued_speck
from extractors.letter_docnum import (
    CODE,
    DocNumber,
    number_for_issuer,
    opening_number,
    read_header_number,
    try_parse_docnum,
)
from extractors.letter_terms import (
    ADDRESSEE,
    ADDRESSEE_TITLE,
    ATTACHMENT_HEAD,
    LEAD,
    MEMO_OFFICE,
    REFERENCE_HEAD,
    STAMP_HEAD,
    STAMP_LINE,
    STAMP_NUMBER,
    STAMP_TIME,
    SUBJECT,
    THI,
    URGENCY,
    canonical_urgency,
    garbled_subject_label,
    is_date_only,
    loose,
    smart_join,
    specked,
    starts_with,
    unspace_phrase,
    urgency_mark_level,
)
from extractors.offices import closest_fixed_name, cut_short, wraps_on
from extractors.segment import Line, Span
from extractors.stamp_reading import FIRST_YEAR, glyph_read_twice, plausible_stamp_day
from pipeline.thai.dates import DateMatch, digits_in_order, find_thai_dates, stamp_date
from pipeline.thai.dictionary import tokens, words
from pipeline.thai.ocr_repair import swap_confusables
from pipeline.thai.text import normalise_field

# A lone consonant before ที่ is a speck (`ร ที่ มท0809.2/333`): no Thai word is one letter
# but ณ and ธ, and neither starts a header line.
# A dash may follow the code (`ที่ ชร- 0023.2/2859`).
# Between the code and the digits, a speck standing apart (`ที่ ลย ook. 0023.2`, `ที่ มท ©`).
_NUMBER_LINE = re.compile(f"{LEAD}(?:[ก-ฮ]\\s+)?{THI}[\\s.]*"
                          f"(?={CODE}(?:[.\\s\\-–|]*(?:[ก-ฮ](?=\\d))?|[.\\s\\-–|]+[^\\s\\d]{{1,4}}[.\\s]+)\\d)")
_OFFICE = starts_with("กรม", "สำนักงาน", "สนง", "ศาลากลาง", "ที่ว่าการ", "สำนัก", "องค์การบริหาร", "เทศบาล")
_ADDRESS = starts_with("ถนน", "ถ.", "กทม", "ตำบล", "อำเภอ", "จังหวัด")
# A square bracket too (`] ประจำเดือน…`): Thai letters print none.
_SPECKS = re.compile(r"^[\s\-–•'\".,|:_“”‘’\[\]]+")
# A consonant alone before a wrapped line's words is a speck (`ป ช่วยเหลือประชาชน…`, with a point:
# `ก. ประจำเดือน…`): no Thai word is one bare letter but ณ and ธ.
_LEAD_LETTER = re.compile("^(?![ณธ])[ก-ฮ]\\.?\\s+(?=[ก-๛])")
# Two letters of ink before a subject's tail on its wrapped line (`ปก ประจำปีงบประมาณ พ.ศ. 2568`): the
# tail opens its line as printed, and no word of two letters stands before it.
_INK_BEFORE_TAIL = re.compile("^[ก-ฮ][ก-๛]?\\.?\\s+(?=ประจำ(?:ปีงบประมาณ|เดือน))")
# ประจำ with its first letters lost at the edge of a wrapped line (`จำปีงบประมาณ พ.ศ. 2567`): no
# other word opens a line with จำปีงบประมาณ or จำเดือน.
_TAIL_HEAD_LOST = re.compile("^(?:ร?ะ)?จำ(?=ปีงบประมาณ|เดือน)")
# A digit alone before a wrapped line's words (`0 ประสิทธิภาพในการปฏิบัติราชการ`): a speck.
_LEAD_DIGIT = re.compile("^\\d\\s+(?=[ก-๛])")


def _wrapped_line(text: str) -> str:
    """A subject's wrapped line less the specks and ink OCR set before its first word."""
    text = _INK_BEFORE_TAIL.sub("", _LEAD_LETTER.sub("", _SPECKS.sub("", text)))
    return _TAIL_HEAD_LOST.sub("ประจำ", text)


# After a blank line only a typical tail of a subject continues it (ประจำเดือน…, พ.ศ. …).
_WRAP_AFTER_GAP = starts_with("ประจำ", "พ.ศ", "(", "ของ")
# วันที่ on a memo's ที่ line; ink in its box sets marks on it (`ว๊นที่`).
_MEMO_DATE = re.compile(specked("วันที่"))
_OCR_FIXES = [
    (re.compile("ท้องถิน(?!่)|ท้องลิ่น|ห้องถิ่น|ทองถิน"), "ท้องถิ่น"),
    (re.compile("ทัวไป"), "ทั่วไป"),
    (re.compile("สนง\\.\\s?"), "สำนักงาน"),
    # The two words every such letter prints, as Tesseract misreads them: ช as ข or ซ, ด as ต, a
    # speck over ปี read as a tone mark (neither word takes one there).
    (re.compile("ตัว[ขซ]ี้วัด|ตัวชี้วัต"), "ตัวชี้วัด"),
    (re.compile("ปี[่้]งบประมาณ"), "ปีงบประมาณ"),
]
# A trailing dot is a speck after a long word (ท้องถิ่น.) but part of an abbreviation (ทน.ศปท.).
_EDGE_JUNK = re.compile(r"^[\s|.,:;'\"“”\-_]+|[\s|,:;'\"“”\-_]+$|(?<=[ก-๛]{4})\.$|\s+\.$")
# Tesseract reads stamp ink and signatures as short lowercase Latin ("oy", "ay ay") inside Thai.
_LATIN_SPECK = re.compile(r"(?<=\s)(?:[a-z]{1,3}\s+)+(?=\S)|(?<=\s)[a-z]{1,3}(?=\s*$)")


_LONE_SPECKS = frozenset({"|", "||", "¦", "."})
# No Thai word starts with a combining mark: a space before one is OCR's (`แก ่งกระจาน`).
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])")


def tidy(text: str) -> str:
    """One-line field text: spaces collapsed, OCR pipes and specks off the ends, known word fixes."""
    text = _SPACE_BEFORE_MARK.sub("", normalise_field(text))
    for pattern, repl in _OCR_FIXES:
        text = pattern.sub(repl, text)
    text = " ".join(_LATIN_SPECK.sub(" ", f" {text} ").split())
    text = " ".join(t for t in text.split(" ") if t not in _LONE_SPECKS)  # a rule or speck as `|`
    while (trimmed := _EDGE_JUNK.sub("", text)) != text:  # specks come in layers: `ท้องถิ่น . |`
        text = trimmed
    return text


@dataclass
class LetterLines:
    """The lines of one letter and the landmarks found in them (indices into `lines`)."""

    lines: list[Line]
    span: Span
    addressee_at: int | None = None
    body_start: int = 0

    def text(self, i: int) -> str:
        return self.lines[i].text

    def page(self, i: int) -> int:
        return self.lines[i].page

    def indices(self, start: int | None = None, stop: int | None = None) -> range:
        lo = self.span.start if start is None else max(start, self.span.start)
        hi = self.span.end if stop is None else min(stop, self.span.end)
        return range(lo, hi)

    def nonblank(self, start: int | None = None, stop: int | None = None) -> list[int]:
        return [i for i in self.indices(start, stop) if self.lines[i].text]


def locate(view: LetterLines) -> None:
    """Find the addressee line and where the body starts (after อ้างถึง/สิ่งที่ส่งมาด้วย)."""
    window = view.nonblank(None, view.span.header + 60)
    labelled = [i for i in window if ADDRESSEE.match(view.text(i)) and not _CITES.match(view.text(i))]
    # The addressee is printed under the number line: a `ถึง` above it is ink or the stamp
    # read as a label (`' :. ถึง ay`).
    view.addressee_at = next((i for i in labelled if i > view.span.header), None)
    if view.addressee_at is None:
        view.addressee_at = _unlabelled_addressee(view)
    after = view.span.header
    if view.addressee_at is not None:
        after = _addressee_rows(view, view.addressee_at)[-1]
    else:  # OCR lost เรียน: the header ends at least at เรื่อง, or just before อ้างถึง/สิ่งที่ส่งมาด้วย
        near = view.nonblank(None, view.span.header + 12)
        subject = [i for i in near if SUBJECT.match(view.text(i))]
        labels = [i - 1 for i in near if i > view.span.header and _is_body_label(view.text(i))]
        after = max([after] + subject[:1] + labels[:1])
    view.body_start = after + 1
    for i in view.nonblank(after + 1, after + 25):
        text = view.text(i)
        if REFERENCE_HEAD.match(text) or ATTACHMENT_HEAD.match(text) or _is_list_item(text):
            view.body_start = i + 1
        elif len(text) > 40 or SUBJECT.match(text):
            break


# `ถึง หนังสือ…` is อ้างถึง with its first word lost: a letter is addressed to a person or office,
# never to a หนังสือ; the line cites a letter.
_CITES = re.compile(f"{ADDRESSEE.pattern}{loose('หนังสือ')}")


def _unlabelled_addressee(view: LetterLines) -> int | None:
    """OCR lost or garbled เรียน (`Seu อธิบดี…`): the addressee is the line under the subject
    that starts with an addressee's title (the subject's own wrap stops there too)."""
    rows = view.nonblank(None, view.span.header + 12)
    subject = next((i for i in rows if SUBJECT.match(view.text(i))), None)
    if subject is None:  # เรื่อง garbled too (`Gar รายงานผล…`): from the letter's date line on
        subject = next((i for i in rows if i > view.span.header and is_date_only(view.text(i))), None)
    if subject is None and view.span.kind == "memo":  # a memo's date stands on its number line
        subject = next((i for i in rows if i > view.span.header and _NUMBER_LINE.match(view.text(i))), None)
    if subject is None:  # the date garbled as well (`ด 30 มกราคม 2561 71]`): เรื่อง read as Latin (`Bae .เร่งรัด…`)
        subject = next((i for i in rows if i > view.span.header and _REMNANT_BEFORE_WORDS.match(view.text(i))), None)
    if subject is None:
        return None
    for i in view.nonblank(subject + 1, subject + 8)[:5]:
        text = view.text(i)
        if _is_addressee_line(text):
            return i
        if _is_header_keyword(text) or _BODY_OPENING.match(text):
            return None
    return None


def _is_body_label(text: str) -> bool:
    return bool(REFERENCE_HEAD.match(text) or ATTACHMENT_HEAD.match(text))


def _is_list_item(text: str) -> bool:
    return bool(re.match(r"^[\s\-–•]*\(?\d{1,2}[.)]\s*\S", text)) and len(text) < 160


def read_doc_number(view: LetterLines) -> tuple[DocNumber | None, int | None]:
    """The letter's own number: on its header line (letter) or its ที่ line (memo)."""
    texts = [line.text for line in view.lines]
    if view.span.kind == "letter" and _NUMBER_LINE.match(view.text(view.span.header)):
        found, _ = read_header_number(texts, view.span.header)
        return found, view.span.header
    for i in view.nonblank(None, view.body_start):
        if _NUMBER_LINE.match(view.text(i)) or (view.span.kind == "memo" and _memo_number_line(view.text(i))):
            return read_header_number(texts, i)[0], i
    return _number_without_label(view) if view.addressee_at is not None else _number_past_lost_labels(view)


_CITED_DATE = re.compile(loose("ลงวันที่"))
_LABELS_LOST_ROWS = 8  # a memo's ที่ line stands within its first rows: ส่วนราชการ, โทร. wrapped, ที่


def _number_past_lost_labels(view: LetterLines) -> tuple[DocNumber | None, int | None]:
    """Where OCR garbled both เรื่อง and เรียน (`3 อง การรายงาน…`, `เรวียน. ผู้อำนวยการ…`), the
    header seems to end at its first line: the ที่ line is looked for in the rows under it, a
    labelled one with no ลงวันที่ (a citation wrapped to a line start has one)."""
    texts = [line.text for line in view.lines]
    for i in view.nonblank(view.body_start, view.span.header + _LABELS_LOST_ROWS):
        if _NUMBER_LINE.match(view.text(i)) and not _CITED_DATE.search(view.text(i)):
            return read_header_number(texts, i)[0], i
    return _number_without_label(view)


def _number_without_label(view: LetterLines) -> tuple[DocNumber | None, int | None]:
    """The letter's number on a header line above its subject whose ที่ OCR garbled: a whole
    number (issuer code, office digits, serial) at the start of the line, with no ลงวันที่ after
    it (a citation wrapped to a line start has one). Nothing else in a letterhead reads so."""
    for i in rows_above_subject(view):
        found = opening_number(view.text(i))
        if found is not None:
            return found, i
    return None, None


def number_of_issuer(view: LetterLines, code: str) -> tuple[DocNumber | None, int | None]:
    """The letter's number when its issuer code did not read: office digits and serial on a
    header line above the subject, under the code of the office that sends the letter."""
    for i in rows_above_subject(view):
        found = number_for_issuer(view.text(i), code)
        if found is not None:
            return found, i
    return None, None


def rows_above_subject(view: LetterLines) -> list[int]:
    rows = [i for i in view.nonblank(None, view.body_start) if i not in _stamp_rows(view)]
    subject = next((k for k, i in enumerate(rows) if SUBJECT.match(view.text(i))), len(rows))
    return rows[:subject]


# A memo's ที่ line whose ที่ OCR lost or moved (`นศ 0023.1/2062 - - วันที่ 1 กรกฎาคม 2555`):
# a number at the start, วันที่ after it.
_BARE_NUMBER_START = re.compile(f"{LEAD}(?={CODE}\\s*\\d)")


def _memo_number_line(text: str) -> bool:
    found = try_parse_docnum(text) if _BARE_NUMBER_START.match(text) else None
    return found is not None and bool(found.serial) and bool(_MEMO_DATE.search(text[found.end:]))


def _stamp_rows(view: LetterLines) -> set[int]:
    """Rows of receiving stamps (เลขรับ … วันที่ … เวลา): their dates are not the letter's."""
    rows: set[int] = set()
    for i in view.nonblank():
        if STAMP_NUMBER.search(view.text(i)) or STAMP_HEAD.match(view.text(i)):
            rows.add(i)
            rows.update(j for j in view.nonblank(i + 1, i + 6)[:3] if STAMP_LINE.match(view.text(j)))
        elif STAMP_TIME.match(view.text(i)):
            rows.update(j for j in view.nonblank(max(0, i - 2), i) if STAMP_LINE.match(view.text(j)))
    return rows


def read_date(view: LetterLines, number_row: int | None, own_number: str) -> tuple[dt.date | None, int | None, bool]:
    """The letter's date → (date, row, impossible?). Header zone first, then a `ที่ X / วันที่ D` copy."""
    stamps = _stamp_rows(view)
    if number_row is not None and view.span.kind == "memo":
        memo = _memo_date(view, number_row)
        if memo:
            return memo
    rows = [i for i in view.nonblank(None, view.body_start) if i not in stamps]
    # A letter's date stands under its ที่ line: above it, a date is a stamp's whose label OCR lost.
    rows.sort(key=lambda i: number_row is not None and i < number_row)
    rows += [i for i in view.nonblank(view.body_start) if i not in stamps and _follows_own_number(view, i, own_number)]
    rows += [i for i in _rows_past_lost_subject(view) if i not in stamps and i not in rows]
    for i in rows:
        found = date_line(view, i)
        if found is not None:
            return found.date, i, found.date is None
    return None, None, False


def _rows_past_lost_subject(view: LetterLines) -> list[int]:
    """Where OCR garbled เรื่อง (`โ Gov รายงานผล…`) the header seems to end at the number line,
    and the date-only line under it stands in the body: the rows under it within the letterhead's
    reach, up to a labelled subject (`date_line` takes a row that is a date and nothing else)."""
    rows = []
    for i in view.nonblank(view.body_start, view.span.header + _LABELS_LOST_ROWS):
        if SUBJECT.match(view.text(i)):
            break
        rows.append(i)
    return rows


def date_line(view: LetterLines, i: int) -> DateMatch | None:
    """The date of row `i` when the row is a date and nothing else, as printed or closed up."""
    printed = _BROKEN_DAY.sub(r"\1\2", _DAY_DIGIT_TWICE.sub(r"\1", view.text(i)))
    printed = _INK_BEFORE_MONTH.sub("", _SPECK_AFTER_DAY.sub("", printed))
    printed = _SPECKS_APART.sub("", _MONTH_TWICE.sub(r"\1", _DIGIT_AFTER_DAY.sub(r"\1", printed)))
    found = [dates[0] for t in (printed, _closed_up(printed))
             if is_date_only(t, long_years=True) and (dates := find_thai_dates(t, long_years=True))]
    # As printed first; closed up when only that makes a whole year (`252 7` → 2527: its digit
    # misread is then read again against the letter's other dates).
    return next((d for d in found if d.date is not None and len(d.year_text) == 4), found[0] if found else None)


# A speck read as a point inside the day, before the month (`1.6จันว่าคม 2558` for ๑๖ ธันวาคม):
# no date prints a point there.
_BROKEN_DAY = re.compile(r"(?<![\d.])([1-3])[.,](\d)(?=\s*[ก-๛])")
# A speck glued to the day (`9@ สิงหาคม 2562`, `7ๆ พฤษภาคม 2560`), and a letter or two of ink glued
# before the month's name (`4 มปมีนาคม 2564`).
_SPECK_AFTER_DAY = re.compile(r"(?<=\d)[@#*%!ๆ]+(?=\s)")
# A two-digit day's last digit read again as a number of its own (`15 5 กรกฎาคม 2563` for ๑๕):
# the numeral reader handed the same glyph to two tokens.
_DAY_DIGIT_TWICE = re.compile(r"^(\W*[1-3](\d))\s+\2(?=\s*[ก-๛])")
_INK_BEFORE_MONTH = re.compile(f"(?<=\\d\\s)[ก-๛]{{1,3}}(?={'|'.join(thai_full_months)})")
# The month's name read twice (`26 มิถุนายน มิถุนายน 2556`): no date prints it twice.
_MONTH_TWICE = re.compile(f"({'|'.join(thai_full_months)})\\s+\\1")
# Specks standing apart on a date line: a lone consonant before the day (`ด 30 มกราคม 2561`: no
# word is one bare letter there) and a short run of symbols and digits after a whole year
# (`2561 71]`: a year ends the line).
_SPECKS_APART = re.compile(r"^\W*[ก-ฮ]\s+(?=\d{1,2}\s*[ก-๛])|(?<=[ก-๛]\s\d{4})\s+[^\sก-๛]{1,3}\s*$")


def _closed_up(text: str) -> str:
    """A date line as OCR spread it: a month in pieces (`มกรา ค ม`), a dot or a space inside the
    year (`25.62`, `252 7`)."""
    text = re.sub(r"(?<=[ก-๛])\s+(?=[ก-๛])", "", text)
    text = re.sub(r"(?<=\d)\s*['\"“”|]+\s*(?=[ก-๛])", " ", text)  # a speck before the month: `6 'กรกฎาคม`
    # and before the year, a Latin letter or a lone symbol or two: `กันยายน J 2561`, `ตุลาคม * 2563`
    text = re.sub(r"(?<=[ก-๛])\s+(?:[A-Za-z|]|[^\w\s]{1,2})\s+(?=\d)", " ", text)
    text = _SPLIT_LAST_DIGIT.sub(r"\1\2", text)
    text = _SPECK_AFTER_YEAR.sub("", text)
    return _BROKEN_YEAR.sub(_joined_year_digits, text)


def _joined_year_digits(m: re.Match[str]) -> str:
    joined = m[1] + m[2]
    return joined if len(joined) == 4 or (len(joined) == 3 and m[1] == _ERA_DIGITS) else m[0]


# A point inside the year: four digits around it are the year; the era's 25 and one digit
# (`25.4`) are a year that lost a digit where the point is, which `_date_in_its_time` reads
# again against the letter's other dates.
_ERA_DIGITS = "25"
_BROKEN_YEAR = re.compile(r"(?<![\d.,])(\d{1,3})[.,](\d{1,3})(?![\d.,])")  # or a comma (`256,3`)
# A speck after a whole year read as a point and a digit (`3 กุมภาันธ์ 2556.0`): no date has decimals.
# A lone digit between a two-digit day and the month (`วันที่ 28 5 พฤศจิกายน 2566`): a speck read
# as a digit; no date prints one there, and the day beside the label is the day.
_DIGIT_AFTER_DAY = re.compile(r"(?<![\d.])([1-3]\d)\s+\d(?=\s*[ก-๛])")
_SPECK_AFTER_YEAR = re.compile(r"(?<=[ก-๛]\s\d{4})[.,]\d(?![\d.,])")
# A year after the month with its last digit set apart (`24 พฤษภาคม 252 7`).
_SPLIT_LAST_DIGIT = re.compile(r"(?<=[ก-๛.]\s)(\d{3})\s(\d)(?![\d.,/])")


def _memo_date(view: LetterLines, number_row: int) -> tuple[dt.date | None, int, bool] | None:
    for i in view.nonblank(number_row, number_row + 4):
        found = _memo_date_on(view, i)
        if found is not None:
            return found.date, i, found.date is None
    beside = _date_beside_number(view.text(number_row))
    return (beside, number_row, False) if beside is not None else None


def _date_beside_number(text: str) -> dt.date | None:
    """A memo's date after its number on the ที่ line, its วันที่ garbled (`บร 0023.3/1479 . นท 7
    พฤศจิกายน 2561`): the line holds the number and the date, nothing else."""
    found = try_parse_docnum(text)
    dates = find_thai_dates(text[found.end:]) if found is not None and found.serial else []
    return dates[0].date if dates else None


def _memo_date_on(view: LetterLines, i: int) -> DateMatch | None:
    text = _closed_up(_DIGIT_AFTER_DAY.sub(r"\1", view.text(i)))
    at = _MEMO_DATE.search(text)
    dates = find_thai_dates(text[at.end():]) if at else []
    return dates[0] if dates else None


def printed_date(view: LetterLines, i: int) -> DateMatch | None:
    """The letter's date as printed on row `i`: a date line, or a memo's `วันที่ …` beside its number."""
    return date_line(view, i) or (_memo_date_on(view, i) if view.span.kind == "memo" else None)


def _follows_own_number(view: LetterLines, row: int, own_number: str) -> bool:
    prev = view.nonblank(row - 3, row)
    if not prev or not own_number:
        return False
    found = try_parse_docnum(view.text(prev[-1]))
    return found is not None and found.text() == own_number


def read_urgency(view: LetterLines) -> tuple[str, int | None]:
    for i in view.nonblank(None, max(view.span.header + 1, view.body_start - 1)):
        m = URGENCY.match(view.text(i))
        if m and i not in _stamp_rows(view):
            return canonical_urgency(m.group(1)), i
    return _boxed_urgency(view)


def _boxed_urgency(view: LetterLines) -> tuple[str, int | None]:
    stamps = _stamp_rows(view)
    for i in view.nonblank(None, view.span.header):
        level = "" if i in stamps else urgency_mark_level(view.text(i))
        if level:
            return level, i
    return "", None


def read_subject(view: LetterLines) -> tuple[str, int | None]:
    """เรื่อง …, with its wrapped lines (up to the next header keyword or a blank line)."""
    rows = view.nonblank(None, view.body_start)
    start = next((i for i in rows if SUBJECT.match(view.text(i))), None)
    if start is None:
        start = _garbled_label_row(view)
    if start is None:
        return _unlabelled_subject(view)
    parts = [_line_end_specks(_LABEL_INK.sub("", _without_label(view.text(start)).lstrip()))]
    gap = False
    for i in view.indices(start + 1, start + 10):
        text = _wrapped_line(view.text(i))
        if not re.search("ที่?$", parts[-1]):  # a number wrapped after ที่ (รอบการประเมินที่ ⏎ 2 ประจำปี…) stays
            text = _LEAD_DIGIT.sub("", text)
        if len(text) <= 3 or _is_latin_ink(text) or _is_number_ink(parts, text):
            # blank, or an OCR speck or a stamp's number between a subject and its wrapped line
            gap = gap or not text  # a speck (`ที่` strayed from the number line) is no blank line
            continue
        if _ink_inside(parts, text):
            continue
        if _stops_subject(parts, text, gap):
            parts += _closing_words(parts, text)
            break
        parts.append(_opened(parts, _line_end_specks(text)))
        gap = False
    return _finish_subject(parts), start


# A wrapped line that closes a parenthesis it never opened, one word in (`สถานที่กลาง)`).
_CLOSED_UNOPENED = re.compile(r"^[^\s()]+\)")


def _opened(parts: list[str], text: str) -> str:
    """`text` with the opening parenthesis OCR lost at the wrap put back (`…ท้องถิ่น` ⏎ `สถานที่กลาง)`):
    the subject so far holds none open, and the line closes one on its first word, so it opened
    where the line begins (a parenthesis' content is set off by a space, and wraps whole)."""
    joined = " ".join(parts)
    if joined.count("(") > joined.count(")") or not _CLOSED_UNOPENED.match(text):
        return text
    return f"({text}"


# A line of digits and specks only (`- 8671.`), no letter in it.
_DIGITS_ONLY = re.compile(r"^[\W_]*\d[\d\W_]*$")
# A subject's own numbers that wrap onto a line alone: its Buddhist-era year, whatever OCR made of
# the era before it (`พ.ศ.-.` ⏎ `2566`), or a number after ที่ (`รอบการประเมินที่` ⏎ `2`).
_WRAPPED_YEAR = re.compile(r"(?<!\d)25\d\d(?!\d)")
_NUMBERED_END = re.compile("ที่?$")


def _is_number_ink(parts: list[str], text: str) -> bool:
    """A line with digits and no letter between a subject's lines (`ประสิทธิภาพใน` ⏎ `- 8671.` ⏎
    `การปฏิบัติราชการ…`): a stamp's or a page's number read as a line; the subject's own numbers
    stand with its words, or wrap alone as its year or after ที่."""
    return bool(_DIGITS_ONLY.match(text)) and not _WRAPPED_YEAR.search(text) \
        and not _NUMBERED_END.search(parts[-1].rstrip(" .,:"))


# A letter of ink between the label and a word (`เรื่อง ง โครงการ…`), as on a wrap (`_LEAD_LETTER`);
# a line a scan spaced glyph by glyph (`เรื่อง ก า ร ประเมิน…`) keeps its first letter.
_LABEL_INK = re.compile("^(?![ณธ])[ก-ฮ]\\.?\\s+(?=[ก-๛]{3})")


# Words a subject's line cannot end on when the subject ends there: it runs on to the next line.
_HANGING = re.compile("(?:และ|หรือ|ของ|เพื่อ|แก่|โดย|ระหว่าง)$")


def _ink_inside(parts: list[str], text: str) -> bool:
    """A line of ink (a stamp's or the garuda's, read as text) between a subject cut mid-phrase
    (`…ท้องถิ่นและ`) and its wrapped line: the subject goes on past it."""
    inked = is_garbled(_respaced(_line_end_specks(text))) or _number_and_pieces(text)
    return bool(_HANGING.search(parts[-1].rstrip(" .|'"))) and inked \
        and not _is_header_keyword(text) and not _is_addressee_line(text)


def _number_and_pieces(text: str) -> bool:
    """`0001 ลิ`: a number and pieces of a letter or two, no word; a phrase cut after ของ or และ goes
    on with a word, never a number."""
    pieces = text.split()
    return any(p.isdigit() for p in pieces) and all(p.isdigit() or len(p) <= 2 for p in pieces)


def _closing_words(parts: list[str], text: str) -> list[str]:
    """A parenthesis the subject left open closes on the line where it stopped, even a line
    with ink after the close (`กลาง) /1 | aa | | at`): its words up to the close."""
    joined = " ".join(parts)
    close = text.find(")")
    if joined.count("(") <= joined.count(")") or close < 0 or not re.match("[ก-๛]", text):
        return []
    words = text[:close + 1]
    return [words] if not is_garbled(words) and not _is_header_keyword(words) else []


def _without_label(text: str) -> str:
    if SUBJECT.match(text):
        return SUBJECT.sub("", text, count=1)
    return text[garbled_subject_label(text):]


def _garbled_label_row(view: LetterLines) -> int | None:
    """The subject line whose label OCR garbled (`เรียง เร่งรัด…`, `เร อง การ…`): in the header,
    above the addressee when there is one."""
    stop = view.addressee_at if view.addressee_at is not None else view.span.header + 12
    return next((i for i in view.nonblank(view.span.header, stop) if garbled_subject_label(view.text(i))), None)


def _stops_subject(parts: list[str], text: str, gap: bool) -> bool:
    """Is `text` no longer the subject: the subject is complete, or the line is a label, the
    addressee, a line of ink, or (after a blank) not a typical tail of a subject?"""
    after_close = _closes_parenthesis(parts)
    return _subject_ends(parts[-1]) or _is_full(parts) or _is_header_keyword(text) \
        or _is_addressee_line(text) or ((gap or after_close) and not _WRAP_AFTER_GAP.match(text)) \
        or is_garbled(_respaced(_line_end_specks(text)))


def _closes_parenthesis(parts: list[str]) -> bool:
    """Does the subject so far end on the parenthesis that closes it (`…(สถานที่กลาง)`, its `)` read
    as `]`)? After it, as after a blank line, only a typical tail continues the subject."""
    joined = _BRACKET_CLOSE.sub(r"\1)", " ".join(parts))
    return joined.endswith(")") and joined.count("(") == joined.count(")")


# ะ read twice across a space OCR set inside a word (`ประ ะจำปีงบประมาณ`): no piece starts with ะ.
_SARA_A_TWICE = re.compile("(?<=ะ)\\s+ะ")
# ะ carries no mark: one OCR set after it is a speck (`…ท้องถิ่นแล่ะู` at a line's end, ่ dropped by
# the page repairs, ู left).
_MARK_AFTER_SARA_A = re.compile("(?<=ะ)[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")


# The era's first letter read twice, as a piece of its own (`ประจำปีงบประมาณ พ. พ.ศ. 2567`).
_ERA_TWICE = re.compile(r"(?<=\s)พ\s?[.,:]?\s+(?=พ\s?[.,:]?\s?ศ)")
# A speck read as a quote beside a slash between words (`ตัวชี้วัด/'นโยบาย`).
_QUOTE_AT_SLASH = re.compile(r"(?<=/)['\"’‘“”`]+(?=[ก-๛])|(?<=[ก-๛])['\"’‘“”`]+(?=/)")
# A piece gluing digits to a letter or two after the parenthesis that ends a subject
# (`(สถานที่กลาง) 7ว`): stamp or signature ink; no Thai word holds a digit.
# So is a letter or two with a point (`(สถานที่กลาง) กก.`): no subject runs on past its close so.
_INK_AFTER_CLOSE = re.compile(r"(?<=\))\s+(?:\d+[ก-๛]{1,3}|[ก-๛]{1,3}\d+|[ก-ฮ]{1,2}\.)$")


def _finish_subject(parts: list[str]) -> str:
    text = _ERA_TWICE.sub("", _QUOTE_AT_SLASH.sub("", smart_join(parts)))
    text = _ERA_AS_LATIN.sub(r"\1 พ.ศ. ", text)  # before tidy() sheds Latin pieces as ink
    text = _ERA_GARBLED.sub(_garbled_era, text)
    text = _AND_TORN.sub("และ", _MARK_AFTER_SARA_A.sub("", _SARA_A_TWICE.sub("", tidy(text))))
    text = shed_debris(swap_confusables(unspace_phrase(text)))
    text = _CENTRAL_AS_LATIN.sub("กลาง)", _MONTHLY_AS_LATIN.sub("ประจำเดือน ", _PRACHAM_AS_LATIN.sub("ประจำ", text)))
    text = repair_phrases(text)
    text = _BANG_FOR_SLASH.sub("/", _SPECK_BEFORE_MONTH.sub(" ", _AND_GLUED.sub("", text)))
    text = _TAIL_GLUED.sub(" ", _THI_NUMBER.sub("ที่", text))
    text = _NUMBER_AFTER_THI.sub(" ", _SPECKS_BETWEEN_WORDS.sub(" ", _DIGIT_GLUED.sub("", text)))
    text = _POINT_BEFORE_PRACHAM.sub(" ", text)
    text = _drop_lone_letter(_cut_after_year(_ERA_AFTER_YEAR.sub(r"พ.ศ. \1", _YEAR_SPLIT.sub(_joined_year, text))))
    return _INK_AFTER_CLOSE.sub("", _drop_glued_inner_letter(_drop_glued_lead_letter(text)))


_MIN_WORD = 3  # letters of the word a letter of ink is glued to
_LONE_CONSONANT = re.compile("(?![ณธ])[ก-ฮ]")


def _drop_glued_inner_letter(subject: str) -> str:
    """`…และตศูนย์ปฏิบัติการ…` → `…และศูนย์ปฏิบัติการ…`: a letter of ink glued between two words; no
    word of one bare letter (ณ and ธ aside) stands between dictionary words."""
    return " ".join(_without_lone_letter(chunk) for chunk in subject.split(" "))


def _without_lone_letter(chunk: str) -> str:
    parts = list(tokens(chunk))
    known = words()
    for k in range(1, len(parts) - 1):
        if _LONE_CONSONANT.fullmatch(parts[k]) and parts[k - 1] in known and len(parts[k - 1]) >= _MIN_WORD \
                and parts[k + 1] in known and len(parts[k + 1]) >= _MIN_WORD:
            return "".join(parts[:k] + parts[k + 1:])
    return chunk


def _drop_glued_lead_letter(subject: str) -> str:
    """`งการประเมินผล…` → `การประเมินผล…`: a letter of ink glued before the subject's first word
    (no word of one bare letter opens a subject; ณ and ธ are words)."""
    first = tokens(subject.split(" ", 1)[0])[:2]
    lone = len(first) == 2 and re.fullmatch("(?![ณธ])[ก-ฮ]", first[0]) is not None
    return subject[1:] if lone and len(first[1]) >= _MIN_WORD and first[1] in words() else subject


# A speck inside a Buddhist year read as a point or dash (`พ.ศ. 25.68`, `256.9`, `256-08`, `2.565`).
_YEAR_SPLIT = re.compile(r"(?<!\d)(?<!\d\.)(25\d?|2(?=\.5\d\d))[.\-](\d{1,3})(?![\d.])")
# The era read after its year at the subject's end (`ประจำปีงบประมาณ 2557 พ.ศ.`, `2560] พ.,ศ.`): Thai
# prints พ.ศ. before the year, so OCR's reading order swapped the two.
# A speck before the year too (`สิงหาคม .2560 พ.ศ.`).
_ERA_AFTER_YEAR = re.compile(r"(?<=[ก-๛]\s)[.,:;'|]*(25\d\d)[\]\)|.,:;]*\s+พ\s?[.,:]{1,2}\s?ศ\s?[.,:]{0,2}\s*$")


def _joined_year(m: re.Match[str]) -> str:
    year = m.group(1) + m.group(2)
    return year if 4 <= len(year) <= 6 else m.group(0)


# A subject's tail (ประจำปีงบประมาณ, ประจำเดือน, รอบการประเมิน) is printed spaced off the words before
# it; OCR loses the space where the tail wrapped to the next line after a speck (`ท้องถิ่น : / .ประ จำปี…`).
# A subject joins its phrases with และ set flush on both sides (…ท้องถิ่นและศูนย์…); OCR spaces it off.
_AND_GLUED = re.compile("(?<=[ก-๛]และ)\\s+(?=[ก-๛])")
# และ itself torn by OCR (`ดีเด่น แล ะท้องถิ่น`, a line spaced glyph by glyph): the spaces around it are OCR's too.
_AND_TORN = re.compile("(?<=[ก-๛])\\s+แล\\s+ะ\\s*(?=[ก-๛])")


def close_gap_after_and(text: str) -> str:
    """`ท้องถิ่นและ ศูนย์` → `ท้องถิ่นและศูนย์`: a space after และ glued to its word is a wrap."""
    return _AND_GLUED.sub("", text)

_TAILS = "ประจำปีงบประมาณ|ประจำเดือน|รอบการประเมิน"
_TAIL_GLUED = re.compile(f"(?<=[ก-๛])[!']?(?={_TAILS})")


# ประจำ before ปีงบประมาณ read by the `eng` model (`รอบการประเมินที่ 1 Used) ปีงบประมาณ`).
_PRACHAM_AS_LATIN = re.compile(r"(?<=\s)[A-Za-z]{2,5}\)?\s+(?=ปีงบประมาณ)")
# กลาง of the stock phrase (สถานที่กลาง) read by the `eng` model, past a wrap (`(สถานที่ |` / `nan)`).
_CENTRAL_AS_LATIN = re.compile(r"(?<=\(สถานที่)\s*[A-Za-z]{2,5}\s*\)")
# ประจำเดือน before a month's name read by the `eng` model too (`ท้องถิ่น Used พฤศจิกายน พ.ศ. …`).
_MONTHLY_AS_LATIN = re.compile(f"(?<=[ก-๛]\\s)[A-Za-z]{{2,5}}\\)?\\s+(?=(?:{'|'.join(thai_full_months)})\\s)")
# A colon and specks between two words at a wrap (`ท้องถิ่น: .ประจำปีงบประมาณ`): no subject prints them.
_SPECKS_BETWEEN_WORDS = re.compile(r"(?<=[ก-๛])\s*[:;]\s*[.:;]*\s*(?=[ก-๛])")
# A speck read as a point between a word and ประจำ (`…ท้องถิ่น.ประจำปีงบประมาณ`): subjects print a space
# there; an abbreviation's point (อปท.) stands after three letters or fewer, so one is kept.
_POINT_BEFORE_PRACHAM = re.compile(r"(?<=[ก-๛]{4})\s*[.,'’]+\s*(?=ประจำ)")
# A number OCR glued to ที่ (`รอบการประเมินที่1`), or set off it by a speck (`ที่.2`): Thai prints a space.
_NUMBER_AFTER_THI = re.compile(r"(?<=ที่)\s*[.,:;']*\s*(?=\d)")
# A digit glued to a word's end before the next word (`ท้องถิ่นอำเภอดีเด่น1 ประจำปี…`): a speck;
# Thai sets a number off its word, but for ที่ (`ที่1`, spaced above).
_DIGIT_GLUED = re.compile(r"(?<=[ก-๛]{2})(?<!ที่)(?<!ที)\d(?=\s+[ก-๛])")
# A speck between ประจำเดือน and the month's name (`ประจำเดือน'กรกฎาคม`): a space as printed, not a slash.
_SPECK_BEFORE_MONTH = re.compile(f"(?<=เดือน)\\s*[!'.,:;]+\\s*(?=(?:{'|'.join(thai_full_months)}))")
# The era read by the `eng` model after ปีงบประมาณ or a month, its dots lost (`ประจำปีงบประมาณ / wa 2563`):
# Latin letters between those words and a Buddhist year are พ.ศ.
_ERA_AS_LATIN = re.compile(f"((?:ประมาณ|{'|'.join(thai_full_months)}))\\s+[A-Za-z]{{1,3}}[.,:]*\\s*(?=25\\d\\d(?!\\d))")
# The era garbled in Thai letters between those words and a Buddhist year (`พฤษภาคม ฟัเศี. 2567`,
# `ประมาณ พ.ศ 2563`): Thai prints พ.ศ. there, and a piece that is no word, yet holds its ศ or a
# point, is what OCR made of it; a word (`มกราคม ปี 2563`) stays.
_ERA_GARBLED = re.compile(f"((?:ประมาณ|{'|'.join(thai_full_months)}))\\s+"
                          r"([^\sA-Za-z0-9]{1,6})\s*(?=25\d\d(?!\d))")
_ERA_PIECE = re.compile("[.,:]|ศ")


def _garbled_era(m: re.Match[str]) -> str:
    piece = m.group(2)
    era = _ERA_PIECE.search(piece) is not None and piece.strip(".,:") not in words()
    return f"{m.group(1)} พ.ศ. " if era else m.group(0)


# ที่ before a number (รอบการประเมินที่ 2, ตัวชี้วัดที่ 4.1) with its tone mark lost to OCR.
_THI_NUMBER = re.compile(r"ที(?=\s\d)")
# A slash read as `!` or `'` between Thai words (`ตัวชี้วัด!นโยบาย`, `ตัวชี้วัด'นโยบาย`): Thai
# prints neither inside a phrase. Before a subject's tail (ประจำปีงบประมาณ …) it is a speck in the
# space printed there (`ห้องถิ่น'ประจำปีงบประมาณ`): _TAIL_GLUED gives the space back.
_BANG_FOR_SLASH = re.compile(f"(?<=[ก-๛])[!'](?=[ก-๛])(?!{_TAILS})")


# What OCR left of a garbled เรื่อง before the subject's first word (`อง`, `Go.`, `เรอง`).
_LABEL_REMNANT = re.compile(r"^(?:[A-Za-z.]{1,4}|[เรื่อง.]{2,6})\s+")
# The label read as a Latin word (`Gov เร่งรัด…`) before Thai words; not `NAN 0810.7/…`.
_REMNANT_BEFORE_WORDS = re.compile(r"^[\s'\".,|]*[A-Za-z]{2,4}\.?\s+\.?[ก-๛]{3}")


def _unlabelled_subject(view: LetterLines) -> tuple[str, int | None]:
    """OCR garbled เรื่อง (`. อง การประเมิน…`, `Gov เร่งรัด…`): the subject is what stands between
    the letter's number or date line (or, both unreadable, the label's remnant) and its
    (labelled) addressee, less lines of ink."""
    stop = view.addressee_at if view.addressee_at is not None else _first_body_label(view)
    if stop is None:
        return "", None
    rows = view.nonblank(view.span.header, stop)
    starts = [k + 1 for k, i in enumerate(rows) if _NUMBER_LINE.match(view.text(i)) or find_thai_dates(view.text(i))]
    if not starts:  # the date lost too (`20 กันยายน 564`): the label's remnant before Thai words
        starts = [k for k, i in enumerate(rows) if _REMNANT_BEFORE_WORDS.match(view.text(i))][:1]
    if not starts:
        return "", None
    lines = [i for i in rows[starts[-1]:] if not is_garbled(_respaced(_line_end_specks(view.text(i))))]
    if not lines or len(lines) > _MAX_SUBJECT_LINES:
        return "", None
    parts = [_line_end_specks(_SPECKS.sub("", view.text(i))) for i in lines]
    parts[0] = _without_label(parts[0])
    # The remnant is taken off the joined lines: OCR may split it over two (`เร` / `อง โครงการ…`).
    return _finish_subject([_LABEL_REMNANT.sub("", smart_join(parts), count=1)]), lines[0]


_MAX_SUBJECT_LINES = 3


def _first_body_label(view: LetterLines) -> int | None:
    """Where the header ends when OCR lost the addressee too: the first สิ่งที่ส่งมาด้วย / อ้างถึง."""
    rows = view.nonblank(view.span.header, view.span.header + 12)
    return next((i for i in rows if _is_body_label(view.text(i))), None)

# At a line end: specks after a space (`ในการ '`, `กรม )` with no parenthesis open, `กลาง) - =`), or a dot
# colon or dash OCR set after a word (`ของ.`, `ของ:`, `ท้องถิ่น-`: Thai never hyphenates at a wrap); a dot
# inside an abbreviation (พ.ศ.) stays.
# A slash among specks too (`ของ |/-`); a slash alone may be the subject's own (`ตัวชี้วัด /`).
_SPACED_SPECKS = re.compile(r"(?:\s+(?:[|:;,.'\"“”!_\-–=~\[\]]+|[|:;,.'\"!_\-–=~/]{2,}))+$")
# A point after the parenthesis that closes a subject (`(สถานที่กลาง).`) is one too.
_END_SPECKS = re.compile(f"{_SPACED_SPECKS.pattern}|(?<=[ก-๛]{{3}})[.:\\-–]$|(?<=\\))[.:]$")
_LONE_CLOSE = re.compile(r"\s+\)$")
# A digit alone at a line end is a speck (`ท้องถิ่น 1`), unless it numbers something (`ที่ 1`).
_LONE_DIGIT = re.compile(r"(?<!ที่)(?<!ที)\s+\d$")


# Glyphs no subject prints (`พ.ศ. 2554@`, `ประสิทธิภาพใน =@ 17=`): stamp or signature ink, and
# the digits read among them with it; a year they cling to stays, and so does a year before them
# (`พ.ศ. 2567 »`).
_INK_GLYPHS = "@=#*~^«»"
_GLYPHS_AFTER_YEAR = re.compile(f"(?<=\\d{{4}})[{_INK_GLYPHS}]+$")
_INK_TAIL = re.compile(f"(?:\\s+(?!25\\d\\d\\b)[\\d{_INK_GLYPHS}]+)*"
                       f"\\s+[\\d{_INK_GLYPHS}]*[{_INK_GLYPHS}][\\d{_INK_GLYPHS}]*(?:\\s+[\\d{_INK_GLYPHS}]+)*$")
# Numbers after a closing parenthesis at a line's end (`(สถานที่กลาง) 13`, `กลาง) 6 0`), or after a
# rule's bar behind a word (`กลาง) | 2200`, `ประชาชนของ | | 0200 0`): a page or stamp's digits; a
# subject prints no bar, and its numbers follow ที่ (`รอบการประเมินที่ 2`).
_NUMBER_AFTER_CLOSE = re.compile(r"(?<=\))(?:\s+\d{1,3})+$|(?<=[ก-๛)])(?<!ที่)(?:\s+[|:;]+)+(?:\s+\d{1,4})+$")


def _line_end_ink(text: str) -> str:
    return _NUMBER_AFTER_CLOSE.sub("", _INK_TAIL.sub("", _GLYPHS_AFTER_YEAR.sub("", text)))


def _line_end_specks(text: str) -> str:
    text = _line_end_ink(text.rstrip())
    while (trimmed := _END_SPECKS.sub("", _LONE_INK.sub("", _END_SPECKS.sub("", text)))) != text:
        text = trimmed  # specks and letters of ink come in layers (`ดีเด่น : ก.`, `ท้องถิ่น ก. ก.`)
    text = shed_glued_speck(_LONE_DIGIT.sub("", text))
    if text.count("(") < text.count(")"):
        text = _LONE_CLOSE.sub("", text)
    return text


def _respaced(text: str) -> str:
    """A line a scan spaced out glyph by glyph (`ป ร ะจำเดือน ธั น วาคม`: two or more spaces closed)
    as its words, to be judged as words; any other line as read."""
    closed = unspace_phrase(text)
    return closed if len(closed.split()) <= len(text.split()) - 2 else text


def is_garbled(text: str) -> bool:
    """A line of ink, stamp or signature read as text: mostly one- and two-character pieces
    (`เเญ์ ล 011 ต 5ง ซ๊ 2ซี่อ`), or pieces with digits inside Thai letters (`2ซิวก เส5เซจ`), or,
    with no Thai letter in it, nothing but such pieces (`17 aA`, `Or`). Wrapped subject lines are
    words and phrases."""
    tokens = [t for t in text.split() if re.search(r"[ก-๛\w]", t)]  # specks are not pieces
    junk = sum(len(t) <= 2 or _DIGIT_IN_LETTERS.search(t) is not None for t in tokens)
    if not re.search("[ก-๛]", text):
        return bool(tokens) and junk == len(tokens)
    return len(tokens) >= 3 and junk * 2 > len(tokens)


_DIGIT_IN_LETTERS = re.compile("[\u0e01-\u0e4e][0-9]|[0-9][\u0e01-\u0e4e]")  # no Thai word holds a digit


def _is_latin_ink(text: str) -> bool:
    """A short line of ink read partly as Latin (`รว. DB`): one or two pieces of at most two
    letters or digits each (points aside), one of them Latin. A wrapped subject line carries a
    word, or a year (`wa 2563`: the era read as Latin)."""
    pieces = [t.strip(".,:;'\"|") for t in text.split()]
    pieces = [t for t in pieces if t]
    return 0 < len(pieces) <= 2 and all(len(t) <= 2 for t in pieces) \
        and any(re.search("[A-Za-z]", t) for t in pieces)


def _is_full(parts: list[str]) -> bool:
    """Three lines make a subject, unless a parenthesis is still open (…(สถานที่ / กลาง))."""
    joined = " ".join(parts)
    return len(parts) >= _MAX_SUBJECT_LINES and joined.count("(") <= joined.count(")")


# A letter alone at the end, after a space: ink or a stamp's edge read as a character
# (ณ is a word: `ณ วันที่`).
# Only after a closed parenthesis, a number or a speck (`ประจำ. ก`): elsewhere it may be a word
# OCR split (`ขอ ง`).
# A vowel alone (`ของ -' - า`) is never a word.
_LONE_LETTER = re.compile(r"(?<=[)\d.'\"”:;|,\-])\s+[ก-ฒด-ฮA-Za-zาะ]\.?$")
# A line's end only: a letter and a point alone after a word is ink too (`ท้องถิ่น ก.`); no
# abbreviation of one letter ends a subject's line.
_LONE_INK = re.compile(f"{_LONE_LETTER.pattern}|(?<=[ก-๛])\\s+[ก-ฒด-ฮ]\\.$")
# A dot, comma or quote OCR set between a word and an opening parenthesis (`ท้องถิ่น.(สถานที่กลาง)`,
# `จังหวัด“(ตามบัญชีแนบท้าย)`, `ท้องถิ่น-(สถานที่กลาง)`).
_SPECK_BEFORE_PAREN = re.compile(r"(?<=[ก-๛])\s*[.,'\"“”\-]\s*\(")


def _drop_lone_letter(subject: str) -> str:
    return _tidy_parentheses(_LONE_LETTER.sub("", subject))


# A subject that has reached its year (…ประจำปีงบประมาณ พ.ศ. 2567) is complete: the next line
# is the addressee or the body even when OCR garbled their label.
# The era as OCR reads it: a dot as `,` or `:`, doubled or lost, a stray mark (`พุศ.2565`, `พ.ุศ.`, `พ.ศี..`,
# `พ.ศึ.`, `พ์.ศ.`).
# After ปีงบประมาณ the `eng` model may read the era as Latin (`WAL.`, `wa.`, `W. A`).
# A speck may stand before the year (`พ.ศ. .2560`) or after it (`2564.`).
# The era's พ may come out Latin anywhere (`w. ศ.`), its ศ with a speck (`พ.ศ์.`), and a re-read
# that swapped `w.` for `พ.ศ.` leaves the old ศ. after it (`พ.ศ. ศ.`).
# Its ศ may come out a Latin capital or `fi` after พ. or พ (`พ. A. 2561`, `พ A. 2562`, `พ. fi. 2567`),
# and a dash of ink may stand
# between the era and a year wrapped to the next line (`พ.ศ.-. / 2566`).
# Its พ may come out ห (`ห.ศ.`), and specks may stand between the era and the year (`พ.ศ.): 2558`).
# After a month's name too the era may come out Latin (`ประจำเดือน ตุลาคม WA. 2564`); there, and
# after ปีงบประมาณ, it may also come out as two Thai letters (`ประจำปีงบประมาณ แน / 2566`).
# A speck after the year may be read as digits glued to it (`พ.ศ. 256109`): a year is 25xx.
# A speck before the year may be read as a lone digit or letter (`พ. ศ 2 2561`, `พ.ศ. ห 2562`).
_YEAR_END = re.compile(r"((?:[พห][ุู์]?|(?<=\s)[A-Za-z])\s?[.,:]{0,2}[ุู]?\s?"
                       r"(?:ศ[ิีึ์]?|(?:(?<=พ[.,:]\s)|(?<=พ\s))(?:[A-Z][a-z]?|fi))\s?[.,:]{0,2}"
                       r"(?:\s?ศ[.,:]{1,2})?"
                       r"|(?:(?<=ประมาณ\s)|(?<=คม\s)|(?<=ยน\s)|(?<=พันธ์\s))(?:[A-Za-z]{1,3}|[ก-๛]{1,2}(?=\s))\s?[.,:]{0,2}"
                       r"(?:\s?[A-Za-z]{1,2}[.,:]{0,2})?)"
                       r"[\s.,:;)\-–]*(?:[\dก-ฮA-Za-z]\s+)?(\d{4})(?:(?<=25\d\d)\d{1,2})?(?=[\s.]|$)")
# An addressee line whose label OCR lost or garbled (`Seu อธิบดี…`, `เรวียน อธิบดี…`,
# `สง | สำนักงาน…`): junk, a speck at times, then a title.
# The label may come out in two pieces (`: เรื ยน อธิบดี…`).
_ADDRESSEE_BY_TITLE = re.compile(
    f"^[\\s|:.'\"]*(?:\\S{{1,7}}\\s+){{0,2}}(?:[|:.'\"]+\\s*)?(?P<title>{'|'.join(loose(t) for t in ADDRESSEE_TITLE)})")
# The opening words of a letter's body (ตามที่…, ด้วย…): past them no header line is left.
_BODY_OPENING = starts_with("ตามที่", "ตามหนังสือ", "ด้วย", "เนื่องด้วย", "เนื่องจาก", "พร้อมนี้")


def _subject_ends(text: str) -> bool:
    return bool(_YEAR_END.search(text)) and not re.search(r"\(\s*[^)]*$", text)


def _is_addressee_line(text: str) -> bool:
    """A line that starts with an addressee's title, or, its label and first letters lost under
    ink (`หงถิ่นอำเภอ ทุกอำเภอ`, `นักงาน…(ตามบัญชีแนบท้าย)`), is a near copy of a fixed name."""
    near = closest_fixed_name(tidy(text))  # an addressee's name: not the department a subject names
    return bool(_ADDRESSEE_BY_TITLE.match(text)) or (near != tidy(text) and bool(_ADDRESSEE_BY_TITLE.match(near)))


def _cut_after_year(subject: str) -> str:
    """`… พ.ศ.2566 แค ดนด` → `… พ.ศ. 2566`: the year spaced as printed, and a few letters of
    stamp or signature ink read after it dropped."""
    years = list(_YEAR_END.finditer(subject))
    if not years:
        return subject
    last = years[-1]
    tail = subject[last.end():].strip()
    words_before = _ERA_DEBRIS.sub("", _DIGIT_BEFORE_ERA.sub("", subject[:last.start()]))
    head = f"{words_before} พ.ศ. {last.group(2)}"  # the era is always spaced off
    return head if len(tail) < 10 or _is_ink(tail) else f"{head} {tail}"


# Between the words before the era and the era: specks and a Latin piece of ink
# (`ประจำปีงบประมาณ. พ.ศ.`, `ประจำปีงบประมาณ W. พ.ศ.`, `ปีงบประมาณ - พ.ศ.`); Thai prints a space.
_ERA_DEBRIS = re.compile(r"(?<=[ก-๛])(?:\s*[.\-–,:;'\"|]+|\s+[A-Za-z]{1,3}\.?)*\s*$")
# A lone digit between a word and the era (`ประจำปีงบประมาณ 0 พ.ศ.`) is a speck, unless it is
# numbered (`ฉบับที่ 2 พ.ศ.`).
_DIGIT_BEFORE_ERA = re.compile(r"(?<=[ก-๛])(?<!ที่)(?<!ที)\s+\d\s*$")


# Digits between Thai letters (`ฮ็7ฮ7เ6เไผผี`): no Thai word or number is printed so.
_DIGITS_INSIDE_LETTERS = re.compile("[ก-๛][0-9]+[ก-๛]")


def _is_ink(tail: str) -> bool:
    """Words after a subject's year that are stamp or signature ink: every piece is a speck
    of one or two characters or holds digits between Thai letters."""
    return all(len(t) <= 2 or _DIGITS_INSIDE_LETTERS.search(t) for t in tail.split())


# The era and a year OCR cut to two or three digits at the subject's end (`พ.ศ.255`, `พ.ศ. 24`).
# Pieces of one or two characters after it are ink (`พ.ศ. 564 ณซ —`).
_CUT_YEAR = re.compile(r"\s*(?:[พห]\s?[.,:]{0,2}\s?ศ[ิี]?|(?<=\s)[A-Z][A-Za-z]?)\s?[.,:]{0,2}\s*(\d{2,3})[\s.]*"
                       r"(?:\s\S{1,2})*\s*$")
_BE_OFFSET = 543
_SUBJECT_YEAR = re.compile(r"(?<=พ\.ศ\. )(25\d\d)$")
_YEAR_DIGITS_KEPT = 3


def _year_in_its_time(subject: str, letter_date: dt.date) -> str:
    """A subject's year before any record of the department or after next year (`ประจำเดือน
    มิถุนายน พ.ศ. 2505` in a letter of 2565) had a digit misread: it is the letter's year or one
    either side that keeps three of its digits in place, when one alone does. A year of its
    time stands, even far from the letter's: a subject may look back."""
    m = _SUBJECT_YEAR.search(subject)
    today = dt.date.today().year
    if m is None or not FIRST_YEAR <= letter_date.year <= today + 1 \
            or FIRST_YEAR <= int(m.group(1)) - _BE_OFFSET <= today + 1:
        return subject
    own = letter_date.year + _BE_OFFSET
    near = (own - 1, own, own + 1)
    kept = [sum(a == b for a, b in zip(m.group(1), str(year), strict=True)) for year in near]
    best = max(kept)
    if best < _YEAR_DIGITS_KEPT or kept.count(best) != 1:
        return subject
    return subject[:m.start(1)] + str(near[kept.index(best)])


def complete_subject_year(subject: str, letter_date: dt.date | None) -> str:
    """A subject whose year OCR cut (`… ประจำเดือน พฤษภาคม พ.ศ.255` for ๒๕๖๕) takes the one
    Buddhist year holding the digits left, in order, among the letter's own year and the years
    either side (a month reported or a fiscal year named sits within a year of the letter).
    None or several fitting: the subject stays as read."""
    m = _CUT_YEAR.search(subject)
    if letter_date is None:
        return subject
    if m is None:
        return _year_in_its_time(subject, letter_date)
    year = letter_date.year + _BE_OFFSET
    fits = [str(y) for y in (year - 1, year, year + 1) if digits_in_order(m.group(1), str(y))]
    return f"{subject[:m.start()]} พ.ศ. {fits[0]}" if len(fits) == 1 else subject



def _is_header_keyword(text: str) -> bool:
    return bool(
        ADDRESSEE.match(text) or REFERENCE_HEAD.match(text) or ATTACHMENT_HEAD.match(text)
        or _NUMBER_LINE.match(text) or SUBJECT.match(text) or is_date_only(text)
    )


def read_addressee(view: LetterLines) -> tuple[str, int | None]:
    """เรียน / ถึง …; a list in parentheses ("ทุกจังหวัด (ยกเว้น …)") may wrap over lines."""
    at = view.addressee_at
    if at is None:
        return "", None
    parts = [view.text(i) for i in _addressee_rows(view, at)]
    parts[0] = _addressee_value(parts[0])
    text = _AND_SPACE.sub("และ", _tidy_parentheses(_field_end(unspace_phrase(tidy(smart_join(parts))))))
    text = _EVERY_GROUP.sub(" ", text)
    return _province_closed(text), at


# `ผู้อำนวยการกลุ่มงาน ทุกกลุ่มงาน` is printed with its space (shared seed 003); OCR loses it.
_EVERY_GROUP = re.compile("(?<=กลุ่มงาน)(?=ทุกกลุ่มงาน)")


# An addressee ending in a province (ผู้ว่าราชการจังหวัด…, นายกองค์การบริหารส่วนจังหวัด…): OCR may split
# the name (`จังหวัดระ ยอง`) or set a letter of ink after it (`จังหวัดลำพูนง`, `จังหวัดนครสวรรค์ ก`).
_PROVINCE_END = re.compile(r"(?<=จังหวัด)(\S+(?:\s\S+)?)$")
_INK_AFTER_PLACE = 2  # letters after a whole province name that are ink, not a longer name


def _province_closed(text: str) -> str:
    m = _PROVINCE_END.search(text)
    if m is None:
        return text
    joined = m.group(1).replace(" ", "")
    name = max((p for p in _provinces() if joined.startswith(p)), key=len, default=None)
    if name is None or len(joined) - len(name) > _INK_AFTER_PLACE:
        return text
    return text[:m.start()] + name


@cache
def _provinces() -> frozenset[str]:
    from pythainlp.corpus import provinces

    return frozenset(provinces())


# A list of addressees joins its last one with และ set flush against it (`… ทุกกลุ่มงาน
# และท้องถิ่นอำเภอทุกอำเภอ`); OCR spaces it off, at times with a speck (`และ ะท้องถิ่น…`). An
# abbreviation after และ keeps its space (`และ ทน.ศปท.`).
_AND_SPACE = re.compile("(?<=\\s)และ\\s+ะ?(?=[ก-ฮ][^\\s.]*(?:\\s|$))")


# A bare letter spaced off after the last word (`ผู้ว่าราชการจังหวัด ทุกจังหวัด ก`): no addressee ends
# in a word of one letter (ณ and ธ, which are words, are not in the range).
_LETTER_AFTER_WORD = re.compile(r"(?<=[ก-๛]{2})\s+[ก-ฒด-ฮ]$")


def _lone_letters_off(text: str) -> str:
    return _LETTER_AFTER_WORD.sub("", _LONE_LETTER.sub("", text))


def _field_end(text: str) -> str:
    """Specks, a digit or a letter of ink after the last word, in layers (`ทุกจังหวัด ” น`, `8 8`)."""
    while (trimmed := tidy(_LONE_DIGIT.sub("", _lone_letters_off(_SPACED_SPECKS.sub("", text))))) != text:
        text = trimmed
    return text


# A closing parenthesis read as a square bracket, or a speck inside the bracket's space
# (`(สถานที่กลาง]`, `(ตามบัญ [ชีแนบท้าย)`): Thai letters print no square brackets.
_BRACKET_CLOSE = re.compile(r"(\([^()\[\]]*)\](?=[^\]]*$)")
_BRACKET_SPECK = re.compile(r"(?<=[ก-๛])\s*[\[\]]\s*(?=[ก-๛])")


def _tidy_parentheses(text: str) -> str:
    """`จังหวัด.( ตามบัญชีแนบท้าย )` → `จังหวัด (ตามบัญชีแนบท้าย)`: OCR's specks and spaces at brackets."""
    text = _BRACKET_SPECK.sub("", _BRACKET_CLOSE.sub(r"\1)", _MARKS_AFTER_CLOSE.sub("", text)))
    text = _SPECK_BEFORE_PAREN.sub(" (", _SPECK_AFTER_CLOSE.sub(")", text))
    return re.sub(r"\s+\)", ")", _OPEN_SPECKS.sub("(", text))


# Specks just inside an opening parenthesis (`(: สถานที่กลาง)`), marks just after a closing
# one (`(สถานที่กลาง)๊`): no word starts with either.
_OPEN_SPECKS = re.compile(r"\(\s*[:;.,'\"]*\s*")
_MARKS_AFTER_CLOSE = re.compile("(?<=\\))[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")


_SPECK_AFTER_CLOSE = re.compile(r"\)\s*[.,]$")  # `(ตามบัญชีแนบท้าย).`: a field ends at its parenthesis


_LEADING_MARKS = re.compile("^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")


def _addressee_value(text: str) -> str:
    """The line without its label: เรียน/ถึง, or the speck OCR left where the label was."""
    if ADDRESSEE.match(text):  # a mark opens no word: a speck glued after the label (`เรี่ยนือธิบดี…`)
        return _LEADING_MARKS.sub("", ADDRESSEE.sub("", text, count=1))
    m = _ADDRESSEE_BY_TITLE.match(text)
    return text[m.start("title"):] if m else text


def _addressee_rows(view: LetterLines, at: int) -> list[int]:
    """The addressee line and, while a parenthesis is open, the lines it wraps onto."""
    rows = [at]
    for i in view.nonblank(at + 1, at + 6):
        joined = " ".join(view.text(r) for r in rows)
        if joined.count("(") <= joined.count(")") or _starts_the_body(view.text(i)):
            break  # a parenthesis of ink (`ทุกอำเภอ (`) opens no list: อ้างถึง under it is the body's
        rows.append(i)
    return rows


def _starts_the_body(text: str) -> bool:
    return _is_body_label(text) or bool(_BODY_OPENING.match(text))


def read_sender(view: LetterLines, number: DocNumber | None, number_row: int | None) -> tuple[str, int | None]:
    """The issuing office: ส่วนราชการ of a memo; the letterhead office line of a letter."""
    if view.span.kind == "memo":
        return _memo_office(view)
    if number_row is not None and number is not None:
        rest = _inked(view.text(number_row)[number.end :])  # specks between the columns (`/4008 7 . สำนักงาน…`)
        if _OFFICE.match(rest):
            return office_with_wrap(view, rest, number_row), number_row
    stamps = _stamp_rows(view)
    for i in view.nonblank(None, view.addressee_at or view.body_start):
        text = view.text(i)
        if i in stamps or (i < view.span.header and _is_stamp_office(view, i)):
            continue
        if _OFFICE.match(text) and not _ADDRESS.match(text):
            return office_with_wrap(view, text, i), i
    return "", None


def _is_stamp_office(view: LetterLines, row: int) -> bool:
    """An office name in the stamp above the header (the receiver, not the sender)."""
    nxt = view.nonblank(row + 1, row + 4)
    return bool(re.match(f"{LEAD}(?:สนง|{loose('สำนักงาน')}.*{loose('อำเภอ')})", view.text(row))) or \
        any(STAMP_LINE.match(view.text(j)) for j in nxt[:2])


def office_with_wrap(view: LetterLines, text: str, row: int) -> str:
    """Letterheads wrap a long office name over two or three lines (`สำนักงานส่งเสริม` /
    `การปกครองท้องถิ่นจังหวัด` / `มุกดาหาร`): the lines below are joined while the name read so far
    is a known one cut short and a line below carries it on; specks at the lines' edges go."""
    name = _inked(text)
    for j in view.nonblank(row + 1, row + 5)[:3]:
        if not cut_short(name):
            break
        more = _inked(view.text(j))
        name += more if wraps_on(name, more) else ""  # the number line may stand between (two columns)
    return tidy(name)


def _inked(text: str) -> str:
    """`text` without the specks and rules OCR sets at a line's ends (`. มุกดาหาร © |`)."""
    return re.sub("^[^\u0e01-\u0e2e\u0e40-\u0e44]+|[^\u0e01-\u0e4e]+$", "", text.strip())


def _memo_office(view: LetterLines) -> tuple[str, int | None]:
    for i in view.nonblank(None, view.body_start):
        m = MEMO_OFFICE.match(view.text(i))
        if m:
            office = re.split(f"\\s{loose('โท')}(?:ร|\\s|$)|\\s{loose('ที่')}\\s", view.text(i)[m.end():])[0]
            return tidy(office), i
    return "", None


# The dotted leader a clerk writes the number on, read as zeros after it (`เลขรับ 48300000` for
# ๔๘๓....): a receiving number is a year's serial, never seven digits or more. A dash or slash
# of ink after it (`4709-`) is no part of it.
_LEADER_ZEROS = re.compile(r"(?<=\d)0{3,}$(?<=\d{7})")


# A point between a receiving number's digits is a speck (`เลขรับ 3.599` for ๓๕๙๙): the number is
# a year's serial, written without separators.
_SPECKED_SERIAL = re.compile(r"(\d{1,3})[.,](\d{1,3})(?![\d.,])")


def _received_number(line: str, m: re.Match[str]) -> str:
    specked = _SPECKED_SERIAL.match(line, m.start(1))
    if specked and 3 <= len(joined := specked.group(1) + specked.group(2)) <= 5:
        return joined
    return _LEADER_ZEROS.sub("", m.group(1)).rstrip("/-")


def read_received(view: LetterLines, letter_date: dt.date | None = None
                  ) -> tuple[str, dt.date | None, int | None, bool, bool]:
    """The first receiving stamp: เลขรับ/เลขที่รับ and the วันที่ beside or under it.

    Returns (number, date, row, implausible?, date repaired?). With the letter's own date known,
    the stamp date must fall just after it (a cut-off year `25` is completed from it); one that
    does not is dropped and reported as implausible, never kept. A letter dated before any stamp
    of this department (its year misread: 2505 for 2565) is no anchor: the stamp's own whole date
    stands. A d/m/yy date that reads as none because a glyph was read twice (`6/33/60`) is read
    with it once (`glyph_read_twice`), and said to be repaired.
    """
    if letter_date is not None and letter_date.year < FIRST_YEAR:
        letter_date = None
    for i in view.nonblank():
        m = STAMP_NUMBER.search(view.text(i)) or STAMP_HEAD.match(view.text(i))
        if not m:
            continue
        number = _received_number(view.text(i), m) if m.re is STAMP_NUMBER else ""
        for j in [i] + view.nonblank(i + 1, i + 6)[:3]:
            tail = view.text(j)[m.end():] if j == i else view.text(j)
            if j != i and not STAMP_LINE.match(tail):
                continue
            found, once = _stamp_day(tail, letter_date), glyph_read_twice(tail)
            if found is None and once != tail and (mended := _stamp_day(once, letter_date)) and mended[0]:
                return number, mended[0], i, False, True
            if found is not None:
                return number, found[0], i, found[1], not _year_as_printed(tail, found[0])
        return number, None, i, False, False
    return "", None, None, False, False


def _year_as_printed(tail: str, day: dt.date | None) -> bool:
    """The stamp's date holds its year's digits as printed: whole, cut short (`25`, `256`), or
    its last two (`65`); not a year one digit off read back to the letter's time (`254` beside a
    letter of 2567: a repair, flagged)."""
    printed = next((d.year_text for d in find_thai_dates(tail)), "")
    be = str(day.year + 543) if day else ""
    return not (printed and be) or be.startswith(printed) or be[2:] == printed


def _stamp_day(tail: str, letter_date: dt.date | None) -> tuple[dt.date | None, bool] | None:
    """(date, implausible?) of a stamp's date text, None when it prints none. Without the
    letter's date, only a date of its time."""
    if letter_date is not None:
        date, printed = stamp_date(tail, letter_date)
        return (date, date is None) if printed else None
    dates = [d for d in find_thai_dates(tail) if plausible_stamp_day(d.date)]
    return (dates[0].date, False) if dates else None
