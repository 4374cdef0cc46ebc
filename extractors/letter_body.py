"""Body fields of one letter: references, attachments, deadline, signature, listed provinces."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from pythainlp.util.date import thai_full_months
from rapidfuzz import fuzz, process

from extractors.issuer_codes import known_code, misread_code
from extractors.letter_docnum import (
    DOCNUM_PATTERN,
    GARBLED_MARK_PATTERN,
    ZERO_SPECK,
    DocNumber,
    clean_code,
    docnum_of,
    garbled_mark_docnum,
)
from extractors.letter_fields import LetterLines, tidy
from extractors.letter_terms import (
    ATTACHMENT_HEAD,
    CLOSING,
    DEADLINE_DAY,
    LEAD,
    REFERENCE_HEAD,
    loose,
    smart_join,
    spaced,
    starts_with,
)
from extractors.signatory_names import split_joined
from extractors.stamp_reading import FIRST_YEAR
from pipeline.records import Reference
from pipeline.thai.dates import (
    BE_OFFSET,
    DateMatch,
    digits_in_order,
    find_thai_dates,
    out_of_its_time,
    year_near_others,
)
from pipeline.thai.names import TITLES, repair_name

# `ที่` before a cited number is often lost or garbled by OCR (`NUN`, `ni`, `ที่.`); the number's
# own shape and the หนังสือ/อ้างถึง before it (`_is_cited`) are what make it a reference.
_REF = re.compile(f"(?:(?:{loose('ที่')}|fi)[\\s.]*)?{DOCNUM_PATTERN}")
_GARBLED_MARK = re.compile(GARBLED_MARK_PATTERN)
# A serial pushed to the next line may carry a speck of ink read as a Latin letter (`ว c971`),
# a quote, a dash or a bracket (`/ว่ "5151`, `/ว — 3602`, `/ว ]` then `. 3384`) or a lone Thai
# consonant or leading vowel, with a point or glued (`/ว ก. 1344`, `/ว ส810`, `/ว ไ2307`): no word
# is one letter, and none is glued to digits. (`/ว` then `. 2174`.) A question mark or ฯ may stand
# there too (`/?` then `1723`, `/ฯ 1050`).
_SERIAL_AFTER = re.compile(r"\s*(?:[.,'|\"“”—–\-\[\]()?]\s*){0,2}(?:[ก-ฯเ-ไ]\.?\s*)?[A-Za-z]{0,2}"
                           rf"{ZERO_SPECK}(\d{{1,6}})(?!\d)")
# A serial wrapped past a speck read as 0 (`/ว 0` then `2 2137 ลงวันที่`): a lone digit more may
# stand before it, then the serial ลงวันที่ dates.
_DATED_SERIAL = re.compile(f"\\s+(?:\\d\\s+)?(\\d{{2,4}})(?=\\s*{loose('ลงวันที่')})")
# ลงวันที่ with its marks dropped, doubled or misplaced by OCR (`ลังวันที่`, `ล่งวันที`), its ล read as
# its twin ส (`สงวันที่`), or split
# by spaces (`ลงวัน ที`, `ล งวันที`); a speck read as a letter alone on the line between the
# number and ลงวันที่ (`/ว 4486 จ ลงวันที่`) is passed over, and so is a line of such specks
# (`/ว1638 .- wa. d ข 1 ข0 w 1 A ; ข 1 0317 ew ลงวันที่`): short tokens, none a Thai word.
_M = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
# A dash or a quote may be glued before it (`/ว 1044-ลงวันที่`, `1182'ลงวันที่`); the `eng` model may read the whole label as
# Latin (`/ว 4629 AUN 13 มิถุนายน 2558`, glued by a point: `4945 WINN.19 oo กุมภาพันธ์`): a short
# Latin word right before a day and month; or
# lose it or garble it to a word or two (`/ว 3604.` then `12 สิงหาคม 2565`, `/ว 2985 ร จจรนท` then
# `25 กุมภาพันธ์ 2558`): a day and month right after a number are its date.
_SPECKS_BEFORE = "(?:(?![ก-๛]{3})\\S{1,4}\\s+){0,12}?"
# A speck glued before it is read as a digit or a mark at times, or both (`/ว311 |` then
# `8ลงวันที่22มกราคม`, `/ว1283` then `2,ลงวันที่24`).
_DATED = re.compile(f"^[\\s,.\\-–'\"‘’“”]*(?:{_SPECKS_BEFORE}[^\\sก-๛]{{0,2}}[ลส]{_M}\\s?ง{_M}\\s*ว{_M}\\s?น{_M}"
                    f"\\s*ท{_M}"
                    f"|[A-Za-z]{{2,5}}[.,]?(?=\\s*\\d{{1,2}}\\s*(?:[A-Za-z]{{1,3}}\\s+)?[ก-๛])|(?:\\S{{1,7}}\\s+){{0,2}}(?=\\d{{1,2}}\\s*[ก-๛]))")
# OCR may lose วันที่ (`ภายใน 1 พฤษภาคม 2565`): a whole date right after ภายใน is the deadline still.
# A speck over วัน may be read as one more mark (`ภายในวั้นที่`): see DEADLINE_DAY.
_DEADLINE = re.compile(f"{spaced('ภายใน')}\\s*(?:{DEADLINE_DAY}[ก-๛]{{0,10}}?\\s*{loose('ที่')}|(?=\\d))")
_RECURRING = re.compile(
    f"(?:{loose('ทุกวันที่')}|{loose('ภายในวันที่')})\\s*\\d{{1,2}}\\s*{loose('ของ')}(?:ทุก)?\\s*{loose('เดือน')}"
)
# After the closing parenthesis only specks: ink or a page edge read as `1 -`, `,`, `|`, or one
# letter alone (`) บ`). A name torn by OCR may come in up to six pieces (`ว่าที่ร้อย ตรียุทธนา
# หา ดแพ ง`); repair_name puts them back together.
# Before the opening parenthesis, ink read as a speck or a short piece (`- (นาย…`, `ea | (นาย…`,
# `ก ' (ว่าที่…`, up to three: `| ; . (นาย…`, `0 0 (นาย…`); the parenthesis itself may be read as 1 or l
# (`. 1นายสุทธิพงษ์ ทองคำ)`), a bracket may stand before the closing one (`ศรีวิไล])`), and up to two
# short pieces of the signature's ink may follow it (`(นายศรัทธา สายทอง) 7ร`). A speck may cling
# to a part of the name (`(นายอนุชำ, ศรีวิไล)`, `(น่ายชาตรี .สายทอง)`): repair_name sheds it.
_NAME = re.compile(
    r"^[\s'\".,:;|“”‘’\-=~_]*(?:(?:[^\s()]{1,3}\s+(?:[|'\"]\s+)?){1,3}(?=['\"“”‘’]?\())?(?:ลงชื่อ[.…\s]*)?"
    r"['\"“”‘’]?[(\[1lI]?\s*"
    r"([ก-๛](?:\s(?=[ก-๛]{2}))?[ก-๛.,]+(?:\s+[.,']?[ก-๛][ก-๛.,]*){1,5})\s*\]?\)[^ก-๛A-Za-z]{0,6}(?:\s[ก-ฮ])?[^ก-๛A-Za-z]{0,4}(?:\s\S{1,3}){0,2}"
    r"[^ก-๛A-Za-z]{0,4}$"
)
_TITLE_START = re.compile("|".join(re.escape(t) for t in TITLES))
_NAME_LEAD = r"^[\s'\".,:;|“”‘’\-=~_]*(?:[^\s()]{1,3}\s+){0,2}['\"“”‘’]?\(\s*"
# The closing parenthesis lost to the signature's ink (`(นายชัยวัฒน์ แก้วมณี`, `2 (นายพิสิษฐ์ วัฒนชัย ฝ7`):
# a titled name of two words, at most one short piece of ink after it.
_UNCLOSED_NAME = re.compile(
    rf"{_NAME_LEAD}((?:{_TITLE_START.pattern})[ก-๛]+\s+[ก-๛]+)(?:\s+\S{{1,3}})?[^ก-๛A-Za-z]{{0,4}}$")
# The space between given name and surname lost (`(นายขจรคำแสน)`): split_joined puts it back.
_JOINED_NAME = re.compile(rf"{_NAME_LEAD}((?:{_TITLE_START.pattern})[ก-๛]{{4,}})\s*\]?\)[^ก-๛A-Za-z]{{0,6}}$")
_SIGNATURE_WINDOW = 10  # non-blank lines after the closing (ขอแสดงความนับถือ) that hold the name
_NOT_NAME = re.compile("ตาม|แนบ|สถาน|ยกเว้น|เจ้าภาพ|แห่ง|จำนวน|ร้อยละ|ฉบับ|ชุด|จังหวัด|อำเภอ|ระหว่าง|^ขอแสดง")
_ON_BEHALF = re.compile(f"(?:{loose('ปฏิบัติราชการแทน')}|{loose('รักษาราชการแทน')}|แทน)\\s*$")
_ON_BEHALF_HEAD = starts_with("ปฏิบัติราชการแทน", "รักษาราชการแทน", "รักษาการแทน")
_FOOTER = starts_with(
    "กอง", "สำนัก", "ส่วน", "กลุ่มงาน", "ฝ่าย", "งาน", "ศูนย์", "โทร", "ไปรษณีย์", "ผู้ประสานงาน",
    "นาย", "นาง", "E-mail", "e-mail", "http", "<http", "สนง",
)
# A page's number as OCR reads it (`- ๒ -`, `0 = 97 -`): short, and no Thai letter in it.
_PAGE_NUMBER = re.compile(r"[^\u0e01-\u0e4e]{1,10}")
_ANNEX = starts_with("แบบรายงาน", "บัญชีแนบท้าย", "เอกสารแนบท้าย", "สรุปข้อมูล", "หนังสือ", "**สรุป")
_BODY_START = re.compile(
    f"{LEAD}(?:{loose('ตามที่')}|{loose('ตามหนังสือ')}|{loose('ด้วย')}|{loose('เนื่องด้วย')}|{loose('พร้อมนี้')})")
# `@` is how Tesseract reads a list's ๑ (seen: `@. รายละเอียด…`).
_ITEM = re.compile(r"^[\s\-–•.,]*(\d{1,2}|@)\s*[.)]\s*\.?\s*")


CITED_YEAR_READ_AGAIN = "cited_year_read_again"  # a letter flag: a cited date's misread year was read again
REFERENCE_REPAIRED = "reference_repaired"  # a letter flag: a cited number was read back from OCR damage


@dataclass
class Citations:
    """The letters a letter cites, and whether a cited year had to be read again or a cited
    number read back from OCR damage (check them)."""

    refs: list[Reference] = field(default_factory=list)
    year_read_again: bool = False
    repaired: bool = False

    def add(self, number: str, after: str, letter_date: dt.date | None, repaired: bool = False) -> None:
        """Cite `number`, dated by the text right `after` it."""
        found = _dated(after)
        letter_date = letter_date if letter_date is None or not out_of_its_time(letter_date) else None
        date = cited_date(found, letter_date)
        if date is None and _year_unreadable(found):
            date = year_unread(after, letter_date)
            self.year_read_again |= date is not None
        self.refs.append(Reference(number, date))
        self.year_read_again |= found is not None and found.date != date
        self.repaired |= repaired

    def flags(self) -> list[str]:
        return [flag for flag, raised in ((CITED_YEAR_READ_AGAIN, self.year_read_again),
                                          (REFERENCE_REPAIRED, self.repaired)) if raised]


def find_references(view: LetterLines, core_end: int, own: str, letter_date: dt.date | None = None
                    ) -> Citations:
    """Every `ที่ <เลข> ลงวันที่ <วัน>` in the letter proper, other than its own number; a cited
    year OCR misread is read again against the letter's own date (`letter_date`)."""
    (text, restored), cited, seen = _joined(view, view.span.header + 1, core_end), Citations(), {own}
    for m in _REF.finditer(text):
        found, end = _cited_number(text, m)
        if found is None:
            continue
        found = _department_code(m, found)
        number = found.text()
        if number in seen or not (_is_cited(text, m.start()) or _DATED_RIGHT_AFTER.match(text, end)):
            continue
        seen.add(number)
        repaired = any(m.start() <= at < end for at in restored) or found.circular and not _circular(m) \
            or found.repaired  # its owner regrouped or its mark read from another glyph
        cited.add(number, text[end:], letter_date, repaired)
    _garbled_mark_references(text, seen, letter_date, cited)
    _reread_references(text, seen, letter_date, cited)
    _anchored_references(text, seen, letter_date, cited)
    return cited


_DEPARTMENT_OWNER = "08"  # the department's own numbers: มท 08xx (0802.2, 0810.7 …)
# A whole number right before ลงวันที่ in the letter proper is a letter it cites, whatever OCR made
# of the words before it (`0ฮ2ฝ7(''พัแตริมกรปกครองทัยงถิ่น ที่ มท 0810.7/ว 605 ลงวันที่`, seed 1037
# saraban_034): the letter's own number is never dated so.
_DATED_RIGHT_AFTER = re.compile(f"[\\s.,]*{loose('ลงวันที่')}")


def _department_code(m: re.Match[str], cited: DocNumber) -> DocNumber:
    """A cited number of the department whose code OCR garbled: a word's end taken for the code
    (`ด่วนที่สุด . nun .` then `0810.7/ว4148`: สุด, its ที่ มท read as Latin) or มท one letter off.
    A code that is no known one, read with a mark in it or one letter off มท, before an owner of
    the department's, is มท."""
    if known_code(cited.code) or not cited.office.startswith(_DEPARTMENT_OWNER):
        return cited
    marked = clean_code(m.group("code")) != m.group("code").replace(" ", "")
    return replace(cited, code="มท") if marked or misread_code(cited.code, "มท") else cited


def _cited_number(text: str, m: re.Match[str]) -> tuple[DocNumber | None, int]:
    """The number a match names with its serial, its mark read back where OCR misread it, and
    where it ends; None without a serial."""
    serial, end = _serial(text, m)
    if not serial:
        return None, end
    cited = docnum_of(m, serial)
    if serial != m.group("serial") and m.group("serial"):  # read past the speck taken for it: check it
        cited = replace(cited, repaired=True)
    return _mark_read_as_digit(text, m, _mark_misread(text, m, cited), end)


def _circular(m: re.Match[str]) -> bool:
    return m.group("circ") is not None or m.group("bare_circ") is not None


# What stands between a slash and a serial on the next token: no glyph but a point or a comma
# when nothing was printed there.
_EMPTY_GAP = re.compile(r"[\s.,]*")


# What follows a serial of one digit when that digit was the mark: a speck read as a lone letter
# at most, then the serial, then ลงวันที่.
_SERIAL_BEFORE_DATE = re.compile(f"\\s+(?:[ก-ฮ]\\.?\\s+)?(\\d{{2,4}})(?=\\s*{loose('ลงวันที่')})")


def _mark_read_as_digit(text: str, m: re.Match[str], cited: DocNumber, end: int) -> tuple[DocNumber, int]:
    """A department's number whose ว OCR read as the digit it most resembles, the serial after it
    set apart (`มท 0802.2/2` then `ก. 5196 ลงวันที่`): one digit, then the number ลงวันที่ dates, is
    the mark and the serial. A serial of one digit dated so is left as read (`/ว 5 ลงวันที่`)."""
    if _circular(m) or len(cited.serial) != 1 or not cited.office.startswith(_DEPARTMENT_OWNER):
        return cited, end
    after = _SERIAL_BEFORE_DATE.match(text, end)
    return (replace(cited, circular=True, serial=after.group(1)), after.end()) if after else (cited, end)


def _mark_misread(text: str, m: re.Match[str], cited: DocNumber) -> DocNumber:
    """A department's number whose `ว` OCR read as a speck standing between the slash and the
    serial (`มท0810.5/(2589`, `/?` then `1723`, `/ฯ 1050`): a glyph stood where only the mark is
    printed, so the number is a circular. A serial right after the slash (`0810.7/2830`) is left
    as read: nothing says a mark was there."""
    if _circular(m) or m.group("serial") or not cited.office.startswith(_DEPARTMENT_OWNER) \
            or not re.search(r"/[\s.]*$", m.group(0)):
        return cited
    after = _SERIAL_AFTER.match(text, m.end())
    gap = text[m.end():after.start(1)] if after else ""
    return cited if _EMPTY_GAP.fullmatch(gap) else replace(cited, circular=True)


# ที่, then a code OCR read as no code (`ที่ ฟี 0810.5/ว` for มท), then an owner of the department's;
# a speck read as a digit or two may stand between them (`ที่มท 17` then `0810.7/ว1176`).
_THI_THEN_OWNER = re.compile(f"{loose('ที่')}[\\s.]*[^\\s\\d]{{1,4}}(?:\\s+\\d{{1,2}})?[\\s.]*"
                             f"(?={_DEPARTMENT_OWNER}\\d{{2}}[.,]\\d)")
# ที่, then the owner before its code: OCR set the line's words out of order (`ที่ 0810.7 มท /ว`).
_OWNER_BEFORE_CODE = re.compile(
    f"{loose('ที่')}[\\s.]*(?P<office>{_DEPARTMENT_OWNER}\\d{{2}}[.,]\\d)\\s+(?P<code>[ก-ฮ]{{2}})(?=[\\s.]*/)")
# The owner's point read as a letter (`มท 0810ต7/ว`): no number holds one between its digits.
_POINT_AS_LETTER = re.compile(
    f"(?P<code>[ก-ฮ]{{2}})\\s*(?P<owner>{_DEPARTMENT_OWNER}\\d{{2}})[ก-ฮ](?P<sub>\\d)(?=\\s*/)")
# The slash read as a 1 or a 7 glued to the mark (`มท 0810.7 1ว` then `976 ลงวันที่`), the mark at
# times as จ (`มท0810.77จ2666`): the department's sub-unit is one digit.
_SLASH_AS_ONE = re.compile(
    f"(?P<code>[ก-ฮ]{{2}})\\s*(?P<office>{_DEPARTMENT_OWNER}\\d{{2}}[.,]\\d)\\s*[17](?=[วจ]\\s*\\d)")
# `/ว` lost whole, or left as one speck, between the owner and a serial that ลงวันที่ follows
# (`ที่ มท 0802.2 3467 ลงวันที่`, `ที่ มท 0810.7 :` then `575 ลงวันที่`, the slash alone read as a 1
# or an l: `มท 0810.5 1 3484 ลงวันที่`): the gap is where it stood. Only for the department's
# numbers, whose letters to the provinces are circulars; a province's may lack the ว.
_MARK_LOST = re.compile(f"{loose('ที่')}\\s*(?P<number>[ก-ฮ]{{2}}\\s*{_DEPARTMENT_OWNER}\\d{{2}}[.,]\\d)"
                        f"\\s+(?:[:;|.,1lI]\\s+)?"
                        f"(?=\\d{{2,4}}\\s*{loose('ลงวันที่')})")
# The slash lost and the mark read glued to the owner (`มท0810.7ว` then `3077`), as ๆ standing
# apart (`0810.7 ๆ 2880`), or with a speck read as a letter and a tone mark before it (`0810.7 ญ่ว`
# then `4016`): the department's sub-unit is one digit, so the mark after it opens the serial.
_MARK_UNSLASHED = re.compile(f"(?P<number>[ก-ฮ]{{2}}\\s*{_DEPARTMENT_OWNER}\\d{{2}}[.,]\\d)"
                             "\\s*(?:[ก-ฮ][\u0e48-\u0e4c]?)?[วๆ](?=\\s*\\d{2,4}(?!\\d))")
_NUMBER_AT = re.compile(DOCNUM_PATTERN)
# What each pattern's match stands for, as the number was printed.
_REREAD = (
    (_THI_THEN_OWNER, lambda m: "มท "),
    (_OWNER_BEFORE_CODE, lambda m: f"{m['code']} {m['office']}"),
    (_POINT_AS_LETTER, lambda m: f"{m['code']} {m['owner']}.{m['sub']}"),
    (_SLASH_AS_ONE, lambda m: f"{m['code']} {m['office']}/"),
    (_MARK_LOST, lambda m: f"{m['number']}/ว "),
    (_MARK_UNSLASHED, lambda m: f"{m['number']}/ว "),
)


def _reread_references(text: str, seen: set[str], letter_date: dt.date | None, cited: Citations) -> None:
    """Cited numbers OCR garbled past `_REF`: the department's code read as something else,
    vowels and all (`ที่ ฟี 0810.5/ว` then `2859 ลงวันที่ 7 เมษายน 2554`, read under มท), set after
    the owner, the owner's point read as a letter, the slash as a 1, `/ว` lost, or the slash lost
    before a mark; each is read again as printed."""
    for pattern, printed in _REREAD:
        for m in pattern.finditer(text):
            _cite_printed(printed(m) + text[m.end():], _is_cited(text, m.start()), seen, letter_date, cited)


# A department's cited number as its anchors hold it when OCR garbled what lies between them:
# ที่, the code, the owner (its point read as a letter at times: `0810ฒ7`), then a few glyphs of
# no digit (the slash and the mark, read as anything: `/ว .` then `ย «`, ` 1ร`, `: . 7”ว`; a lone
# 1 or 7 is a slash, a lone 0 a speck: `มท 0810.7 0` then `774 ลงวันที่`), then the serial that
# ลงวันที่ dates. Where the number wraps after its code, the next line may open with specks
# read as short tokens before the owner (`ที่ ม ท` then `0 007 ส 0810.7/ว 3965`, `ที่ มท OBO. 0810.7`:
# the `eng` model's ๐๘๑๐ beside the numeral reader's), none a word of three Thai letters.
_ANCHORED = re.compile(
    f"{loose('ที่')}[\\s.]*(?:[ก-ฮ]\\s?[ก-ฮ])?[\\s.,:]*(?:(?![ก-๛]{{3}})\\S{{1,4}}\\s+){{0,3}}?"
    f"(?P<owner>(?<!\\d){_DEPARTMENT_OWNER}\\d{{2}})"
    f"(?:\\s*[.,ก-ฮ]\\s*(?P<sub>\\d))?(?P<gap>(?:[^\\d]|[017](?=\\D)){{1,14}}?)"
    f"(?P<serial>(?<!\\d)\\d{{2,5}})[\\s.,:|]*(?={loose('ลงวันที่')})")


def _anchored_references(text: str, seen: set[str], letter_date: dt.date | None, cited: Citations) -> None:
    """Cited numbers of the department that no pattern of the number read, taken from their
    anchors (`_ANCHORED`): a serial no cited number holds yet, under หนังสือ/อ้างถึง. A glyph
    stood between the owner and the serial, where the department's letters to the provinces
    print `/ว`: a circular, flagged as read back."""
    for m in _ANCHORED.finditer(text):
        owner = m["owner"] + (f".{m['sub']}" if m["sub"] else "")
        number = f"มท {owner}/ว {m['serial']}"
        if number in seen or _serial_cited(m["serial"], cited) or not _is_cited(text, m.start()):
            continue
        seen.add(number)
        cited.add(number, text[m.end("serial"):], letter_date, repaired=True)


def _serial_cited(serial: str, cited: Citations) -> bool:
    """A serial a number already cited ends with, or ends a piece of (OCR split `ว1 763`)."""
    held = [m.group(0) for ref in cited.refs if (m := re.search(r"\d+$", ref.doc_number))]
    return any(other.endswith(serial) or serial.endswith(other) for other in held)


def _cite_printed(rest: str, is_cited: bool, seen: set[str], letter_date: dt.date | None, cited: Citations) -> None:
    found = _NUMBER_AT.match(rest)
    read, end = _cited_number(rest, found) if found else (None, 0)
    number = read.text() if read else ""
    if number and number not in seen and is_cited:
        seen.add(number)
        cited.add(number, rest[end:], letter_date, repaired=True)


def _garbled_mark_references(text: str, seen: set[str], letter_date: dt.date | None, cited: Citations) -> None:
    """Cited numbers whose `/ว` OCR read as Latin and bars (`มท 0810.7 if | 2711 ลงวันที่`)."""
    for m in _GARBLED_MARK.finditer(text):
        number = garbled_mark_docnum(m).text()
        if number not in seen and _is_cited(text, m.start()):
            seen.add(number)
            cited.add(number, text[m.end():], letter_date)


def _serial(text: str, m: re.Match[str]) -> tuple[str, int]:
    """The serial of a cited number and where the number ends; empty when there is none."""
    if m.group("serial") == "0" and (dated := _DATED_SERIAL.match(text, m.end())):
        return dated.group(1), dated.end()  # no serial is 0: a speck where the number wraps
    if m.group("serial"):
        return m.group("serial"), m.end()
    after = _SERIAL_AFTER.match(text, m.end())
    return (after.group(1), after.end()) if after else ("", m.end())


def _is_cited(text: str, at: int) -> bool:
    """A number counts as a reference when the words before it name a หนังสือ or อ้างถึง, or
    its urgency (ด่วนที่สุด ที่ …: the letter's own number is not in its body), for when OCR
    garbled ตามหนังสือ (`0 โซโโไฝโ ด่วนที่สุด ที่มท 0 0810.7 ซ/ว`)."""
    before = text[max(0, at - 90):at]
    return _CITING.search(before) is not None


# OCR may set spaces inside the words (`หนั ง สือกร ม`, `ด่ วนที่สุด`).
# With ตามหนังสือกรม garbled (`' 1 เงแจ่มสริมการปกครองท้องถิ่น ที่ ที่ ม์ท0810.7/ว2273`), the
# department's name right before ที่ still names a letter of it.
_CITING = re.compile(f"{spaced('หนังสือ')}|{spaced('อ้างถึง')}|{spaced('ด่วน')}|ปกครองท้องถิ่น\\s+{loose('ที่')}\\s")


def _dated(after: str) -> DateMatch | None:
    m = _DATED.match(after)
    if not m:
        return None
    tail = _SPLIT_DAY.sub(r"\1\2", _day_cleared(after[m.end(): m.end() + 50]), count=1)
    tail = _LATIN_FIRST_DIGIT.sub("", _SPLIT_YEAR.sub(_joined_year, tail, count=1), count=1)
    tail = _DIGIT_BEFORE_YEAR.sub("", _LETTER_IN_YEAR.sub(r"\1\2", tail), count=1)
    dates = dates_in(tail)
    return dates[0] if dates and dates[0].start <= 4 else None


_OLDEST_CITED_YEARS = 25  # a letter cites letters of its own years; one a generation older is a misread year


def cited_date(found: DateMatch | None, letter_date: dt.date | None) -> dt.date | None:
    """The date of a cited letter. A year no letter of `letter_date`'s could cite (cut to three
    digits, ๒๕๖๐ read as 560; out of its time, 2263; a generation older, 2505 for 2565; two
    digits after a month written out, `30 กรกฎาคม 56`) had a digit lost or misread: it is read
    again in the letter's year or one either side, as the letter's own date is, but never so
    that the cited letter comes after the letter citing it; None when no such year fits."""
    if found is None:
        return None
    if letter_date is None:  # nothing to read a misread year against: a year no letter bears is none
        return None if len(found.year_text) == 3 or (found.date and out_of_its_time(found.date)) else found.date
    if not _year_misread(found, letter_date):
        return found.date
    if len(found.year_text) == 2:
        return _two_digits_left(found, letter_date)
    return _year_before_the_letter(found, letter_date)


def _year_unreadable(found: DateMatch | None) -> bool:
    """No year, a year cut short, or four digits no letter bears (`16 มกราคม 2233`): a year
    misread past reading, not one misread into another year of the letter's time."""
    return found is None or len(found.year_text) < 4 or found.date is None or out_of_its_time(found.date)


# A cited day and month at the start of the text after the number (past its ลงวันที่ and specks),
# and what OCR left of the year after them.
_DAY_AND_WORD = re.compile(r"^[^\dก-๛]{0,3}(\d{1,2})\s*([ก-๛][ก-๛.]{1,11})[\s.,]*(?P<year>(?:\d[.,]?){0,4})")


def year_unread(after: str, letter_date: dt.date | None) -> dt.date | None:
    """The date of a cited letter whose year OCR garbled past reading (`13 เมษายน 3`,
    `6 สิงหาคม 200`, `12 มกราคม 465`, `16 มกราคม 2233`) or left with a speck inside (`29 เมษายน 2.2`): its day and
    month on the latest such day not after the letter's own date (letters cite letters of the past
    months), or on the one a year before when only that year holds the printed digits in order;
    None when both do (`25.6`: either year), or without a letter date or a day and month."""
    m = _DATED.match(after)
    day = _DAY_AND_WORD.match(_day_cleared(after[m.end():])) if m and letter_date else None
    if day is None or letter_date is None:
        return None
    dates = [d for year in (letter_date.year, letter_date.year - 1)
             if (d := _day_month_in(day, year)) is not None and d <= letter_date][:2]
    printed = re.sub(r"\D", "", day.group("year"))
    fits = [d for d in dates if digits_in_order(printed, str(d.year + BE_OFFSET))]
    return fits[0] if len(fits) == 1 else dates[0] if dates and not fits else None


def _day_month_in(day: re.Match[str], year: int) -> dt.date | None:
    dates = find_thai_dates(f"{day.group(1)} {day.group(2).rstrip('.')} {year + BE_OFFSET}")
    return dates[0].date if dates else None


def _year_before_the_letter(found: DateMatch, letter_date: dt.date) -> dt.date | None:
    """A misread cited year read in the letter's own year, or, when that would date the cited
    letter after the letter itself (`27 ตุลาคม 256` in a letter of January 2563), the year before."""
    date = year_near_others(found, [letter_date])
    if date is None or date <= letter_date:
        return date
    return year_near_others(found, [dt.date(letter_date.year - 1, 1, 1)])


def _two_digits_left(found: DateMatch, letter_date: dt.date) -> dt.date | None:
    """A cited year OCR cut to two of its digits (๒๕๖๐ read as 20): the letter's year, else the
    one before, whose Buddhist digits hold them in order and that dates the cited letter before
    the letter (letters cite letters of the past months); None when neither does."""
    dates = [d for y in (letter_date.year, letter_date.year - 1)
             if digits_in_order(found.year_text, str(y + BE_OFFSET)) and (d := _in_year(found, y)) is not None
             and d <= letter_date]
    return dates[0] if dates else None


def _in_year(found: DateMatch, year: int) -> dt.date | None:
    """The day and month of `found` in `year` (Gregorian)."""
    again = find_thai_dates(f"{found.text.rsplit(' ', 1)[0]} {year + BE_OFFSET}")
    return again[0].date if again else None


def _year_misread(found: DateMatch, letter_date: dt.date) -> bool:
    if len(found.year_text) == 3 or (len(found.year_text) == 2 and "." not in found.text):
        return True  # two digits stand for a year after an abbreviated month (ม.ค. 59) only
    return found.date is not None and (out_of_its_time(found.date)
                                       or found.date.year < letter_date.year - _OLDEST_CITED_YEARS)


# Latin ink inside the day (`l2o8` for ๒๘) or standing between the day and the month
# (`19 oo กุมภาพันธ์`): no day or month holds a Latin letter.
_LATIN_DAY = re.compile(r"^\s*[A-Za-z]?(\d)[A-Za-z]{1,2}(\d)(?=\s)")
_LATIN_AFTER_DAY = re.compile(r"^(\s*\d{1,2})\s+[A-Za-z]{1,3}\s+(?=[ก-๛])")


def _day_cleared(tail: str) -> str:
    return _LATIN_AFTER_DAY.sub(r"\1 ", _LATIN_DAY.sub(r"\1\2", tail, count=1), count=1)


# A speck read as a point inside the day after ลงวันที่ (`1.2 เมษายน 2565`): a day has none.
_SPLIT_DAY = re.compile(r"^(\s*\d)[.,](\d)(?=\s*[ก-๛])")
# Or inside the year after the month (`24 มกราคม 256.1`): four digits around one point are a year.
_SPLIT_YEAR = re.compile(r"(?<=[ก-๛.]\s)(\d{1,3})[.,](\d{1,3})(?![\d.,])")


# The year's first ๒ read as a Latin letter or two (`27 สิงหาคม W566`, `9 มกราคม we562`): dropped,
# the three digits left are completed against the letter's date (`cited_date`).
_LATIN_FIRST_DIGIT = re.compile(r"(?<=[ก-๛.]\s)[A-Za-z]{1,2}(?=\d{3}(?!\d))")


# Or a glyph inside the year read as a Thai letter (`6 พฤศจิกายน 2อ่60`): no year holds one; it is
# dropped, and the three digits left are completed the same way.
_LETTER_IN_YEAR = re.compile("(?<=[ก-๛.]\\s)(\\d)[ก-ฮ][\u0e31-\u0e4e]*(\\d{2})(?![\\d.,])")


# Or a speck read as a lone digit between the month and a whole year (`23 ธันวาคม 2 2565`).
_DIGIT_BEFORE_YEAR = re.compile(r"(?<=[ก-๛.]\s)\d\s+(?=\d{4}(?!\d))")


def _joined_year(m: re.Match[str]) -> str:
    year = m.group(1) + m.group(2)
    return year if len(year) == 4 else m.group(0)


# Ink OCR glued to a date's numbers (`14oc พฤศจิกายน`, `W2567`) or set between its parts
# (`มกราคม ) "2562`): dropped before the date is read. Digits are never touched.
_GLUED_LATIN = re.compile(r"(?<=\d)[A-Za-z]{1,3}(?=\s)|(?<=\s)[A-Za-z]{1,2}(?=\d{4}(?!\d))")
_DATE_SPECKS = re.compile(r"[()\"'“”|]+")
# A speck read as a comma, or a point standing alone, between the day and the month
# (`24 , พฤษภาคม 2564`): no date sets one there (a Thai month's own points are glued to it).
_SPECK_AFTER_DAY = re.compile(r"(?<=\d)\s*,\s*(?=[ก-๛])|(?<=\d)\s+\.\s+(?=[ก-๛])")


# A lone 0 between a day and its month (`ลงวันที่ 8` then `0 เมษายน 2556`, a speck at the wrap's
# start): no day is 0. Unless the day and it make a day (`1 0 เมษายน` may be ๑๐ split).
_ZERO_AFTER_DAY = re.compile(r"(?<!\d)(\d{1,2})\s+0\s+(?=[ก-๛])")
_LAST_DAY = 31


def _zero_speck_dropped(m: re.Match[str]) -> str:
    return m.group(0) if int(m.group(1) + "0") <= _LAST_DAY else m.group(1) + " "


def despeck_date(text: str) -> str:
    text = _SPECK_AFTER_DAY.sub(" ", _DATE_SPECKS.sub(" ", _GLUED_LATIN.sub("", text)))
    return _ZERO_AFTER_DAY.sub(_zero_speck_dropped, text)


# Tesseract splits a Thai word at its marks on poor scans (`ก ร กฎาคม`, `กั นย าย น`); a month
# broken so is read with the gaps between Thai letters closed, only when it reads no date as is.
_THAI_GAP = re.compile(r"(?<=[ก-๛])\s+(?=[ก-๛])")


def dates_in(text: str) -> list[DateMatch]:
    """Dates in `text` past ink specks; failing that, with split Thai words closed up."""
    clean = despeck_date(text)
    return find_thai_dates(clean) or find_thai_dates(_THAI_GAP.sub("", clean))


def _joined(view: LetterLines, start: int, stop: int) -> tuple[str, set[int]]:
    """The lines of the letter proper as one text, and where a lost `ว` was put back in it."""
    # Each line tidied first: a speck at a line start (`- ว797`) would cut a number that
    # wraps there from its serial.
    # Lines of a few Latin letters are ink between a wrapped citation's parts (`15 / Zo / Dr / ตุลาคม`).
    lines = [tidy(view.text(i)) for i in view.nonblank(start, stop) if not _is_ink(view.text(i))]
    return _mark_restored(_numbers_put_back(lines))


# A citation line ending at its ที่ (`อ้างถึง หนังสือกรม… ด่วนที่สุด ที่`, then `ลงวันที่ 12 …`):
# OCR cut the number printed at its end into a line of its own, set a few lines above it
# (`มท 0810.7 /ว 4772`), when the number sat a little off the line's baseline.
_ENDS_AT_THI = re.compile(f"(?:{spaced('หนังสือ')}|{spaced('ด่วน')}).*\\s{loose('ที่')}\\W*$")
_BARE_NUMBER = re.compile(f"^\\W{{0,3}}{DOCNUM_PATTERN}\\W{{0,3}}$")
_NUMBER_REACH = 3  # lines above the cut citation where its number may be set
_OPENING = 30  # characters of a line that a number wrapped to it opens (specks and all)


def _numbers_put_back(lines: list[str]) -> list[str]:
    """Lines with a number OCR set apart put back after the ที่ that cites it."""
    lines = list(lines)
    for k, line in enumerate(lines):
        if not _ENDS_AT_THI.search(line) or k + 1 < len(lines) and _NUMBER_AT.search(lines[k + 1][:_OPENING]):
            continue  # the number wrapped to the next line, behind a speck at times
        above = [j for j in range(max(0, k - _NUMBER_REACH), k) if _is_bare_number(lines[j])]
        if above:
            lines[k], lines[above[-1]] = f"{line} {lines[above[-1]]}", ""
    return [line for line in lines if line]


def _is_bare_number(line: str) -> bool:
    m = _BARE_NUMBER.match(line)
    return m is not None and bool(m.group("serial"))


# Digits, points and a slash glued together are one word that no line breaks inside: a line that
# ends right after a number's slash (`ที่ มท 0802.2/` then `4865 ลงวันที่`) broke at the `ว` after
# it, which OCR lost at the margin. A lone digit opening the next line is that ว misread (`/` then
# `4 3426`): the mark is there, misread, and read as such by DOCNUM_PATTERN.
_ENDS_AT_SLASH = re.compile(r"\d\s?/$")  # OCR sets a space before the slash at times (`0810.7 /`)
_OPENS_WITH_SERIAL = re.compile(r"^\d{2,6}(?![\d.,])")


def _mark_restored(lines: list[str]) -> tuple[str, set[int]]:
    text, restored = "", set()
    for line, after in pairwise([*lines, ""]):  # a body may have no lines at all
        if _ENDS_AT_SLASH.search(line) and _OPENS_WITH_SERIAL.match(after):
            line += "ว"
            restored.add(len(text) + len(line) - 1)
        text += line + " "
    return text[:-1], restored


# No speck is read as three digits (a serial or a year), a slash (`/ว 95` wrapped alone) or a
# code alone on its line (`มท`).
_NOT_INK = re.compile(r"\d{3}|/|^\W*[ก-ฮ]{2}\W*$")


def _is_ink(text: str) -> bool:
    """A line of specks between a wrapped citation's parts: two Thai glyphs at most, no word
    of a line's own, and only a digit or two among Latin letters (`1`, `0`, `vy aA 5 17`
    between `/ว` and `94 ลงวันที่`; `00`, `กๆ`, `Or` between `ลงวันที่ 12` and `ตุลาคม`)."""
    return len(re.findall("[ก-๛]", text)) <= 2 and not _NOT_INK.search(text)


def find_deadline(view: LetterLines, core_end: int, letter_date: dt.date | None = None
                  ) -> tuple[dt.date | None, str, int | None]:
    """`ภายในวันที่ 30 มีนาคม 2561` → a date; `ทุกวันที่ 15 ของเดือน` → recurring text only. A year
    OCR misread (๒๕๖๕ read as 1962 or 0256) is read again near the letter's own date."""
    recurring: tuple[str, int] | None = None
    for i in view.nonblank(view.body_start, core_end):
        window = view.text(i) + " " + " ".join(view.text(j) for j in view.nonblank(i + 1, i + 3)[:1])
        for m in _DEADLINE.finditer(window):
            found, tail = _deadline_date(despeck_date(_DEADLINE_INK.sub("", window[m.end(): m.end() + 40])))
            if found is not None and m.start() < len(view.text(i)):
                return _in_its_time(found, letter_date), tidy(m.group(0) + tail[: found.end]), i
            yearless = _yearless(tail, letter_date) if m.start() < len(view.text(i)) else None
            if yearless is not None:
                return yearless[0], tidy(m.group(0) + tail[: yearless[1]]), i
        rec = _RECURRING.search(view.text(i))
        if rec and recurring is None:
            recurring = (tidy(rec.group(0)), i)
    return (None, recurring[0], recurring[1]) if recurring else (None, "", None)


# A deadline's day and month whose year OCR lost (`ภายในวันที่ 30 เมษายน ⏎ '5-4`).
_DAY_MONTH = re.compile(rf"^\s*(\d{{1,2}})\s*({'|'.join(thai_full_months)})")


def _yearless(tail: str, letter_date: dt.date | None) -> tuple[dt.date, int] | None:
    """(the deadline, the end of its text) for a day and month without a year: the first such
    day from the letter's date on (a reply is asked for after the letter is written)."""
    m = _DAY_MONTH.match(tail)
    if m is None or letter_date is None or not FIRST_YEAR <= letter_date.year <= dt.date.today().year + 1:
        return None
    day, month = int(m.group(1)), thai_full_months.index(m.group(2)) + 1
    for year in (letter_date.year, letter_date.year + 1):
        date = _real_date(year, month, day)
        if date is not None and date >= letter_date:
            return date, m.end()
    return None


def _real_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A day OCR broke with a point (`1.2 มกราคม`: 12, not 2) or with Latin ink inside it (`3m0o” พฤษภาคม`: 30).
_BROKEN_DAY = re.compile(r"^(\s*\d)[.,](\d)(?=\s*[ก-๛])")
_LATIN_IN_DAY = re.compile(r"^(\s*\d)[A-Za-z]{1,2}(\d)[A-Za-z]{0,2}[\"“”']*(?=\s)")


def _deadline_date(tail: str) -> tuple[DateMatch | None, str]:
    """The date opening `tail` as printed, past specks, or with a spaced-out month closed up."""
    tail = _LATIN_IN_DAY.sub(r"\1\2", _BROKEN_DAY.sub(r"\1\2", tail))
    closed = _THAI_GAP.sub("", tail)  # a month spaced out and a speck before its year (`กั น ยาย น 2 2559`)
    for text in (tail, _without_specks(tail), closed, _without_specks(closed)):
        dates = [d for d in find_thai_dates(text)[:1] if d.start <= 3]
        if dates and dates[0].date is not None:
            return dates[0], text
    return None, tail


# Ink glued to a date's parts in a deadline (`9ส พฤศจิกายน`, `เมษายน1 . 2566`, `ไ2567`): no date prints so.
# A Latin letter glued before a year (`มกราคม W2.567`) is ink too.
_DEADLINE_INK = re.compile(r"(?<=\d)[ก-ฮ](?=\s)|(?<=[ก-๛]{3})\d(?=\s+\D)|(?<=\s)[ก-๛](?=\d{4}(?!\d))|[«»]"
                           r"|(?<=\s)[A-Za-z](?=\d[.,]?\d{3}(?!\d))")


def _in_its_time(found: DateMatch, letter_date: dt.date | None) -> dt.date | None:
    """A deadline falls in its letter's year or the next: one in another year had its year
    misread, and is read again in the letter's year or one either side (as printed when no such
    year fits the printed digits)."""
    date = found.date
    if letter_date is None or not FIRST_YEAR <= letter_date.year <= dt.date.today().year + 1 or date is None:
        return date  # a letter date older than any record of the department had its own year misread
    if date.year in (letter_date.year, letter_date.year + 1):
        return date
    return year_near_others(found, [letter_date]) or date


_PART_SPECKS = "/.:;|,'\"“”[]"
# Latin ink before a deadline's day (`ภายในวันที่ om: 13 พฤษภาคม`): no date starts with a letter.
_LEAD_INK = re.compile(r"^\s*[A-Za-z]{1,3}[.:;,]*\s+(?=\d)")
_BROKEN_NUMBER = re.compile(r"^(\d)[.,](\d)$|(?<![\d.])(\d{1,3})[.,](\d{1,3})(?![\d.])")


def _without_specks(tail: str) -> str:
    """A deadline's date as OCR spread it over a wrapped line, its specks left out: a digit or
    mark between the day and the month (`29 71 /กรกฎาคม2555`, `11 : พฤษภาคม`), a letter or
    mark between the month and the year (`17 ธันวาคม แม . 2556`, `มีนาคม 1 2557`, `มกราคม] |`),
    Latin ink before the day (`om: 13`), a point inside the day or the year (`1.0 เมษายน`, `2.562`,
    `256.0`)."""
    tokens = _LEAD_INK.sub("", tail).split()
    out: list[str] = []
    month_seen = False
    for k, token in enumerate(tokens[:6]):
        token = token if k == 0 else token.strip(_PART_SPECKS)
        thai = len(_THAI_LETTER.findall(token)) >= 2
        if k > 0 and (not month_seen and not thai or month_seen and _speck_after_month(token, tokens[k + 1:])):
            continue
        out.append(token)
        month_seen = month_seen or thai
    return " ".join(_BROKEN_NUMBER.sub(_closed_number, t) for t in out + tokens[6:])


def _speck_after_month(token: str, rest: list[str]) -> bool:
    """A short piece between the month and the year: ink (`แม`, `.`), or a lone digit before a
    whole year (`มีนาคม 1 2557`)."""
    if len(token) > 2:
        return False
    # The year may run on into the next word (`2 2559โทรสารหมายเลข`).
    return not token.isdigit() or bool(rest) and re.match(r"\d{4}(?!\d)", rest[0].strip(_PART_SPECKS)) is not None


def _closed_number(m: re.Match[str]) -> str:
    if m.group(1):
        return m.group(1) + m.group(2)
    return m.group(3) + m.group(4) if len(m.group(3) + m.group(4)) == 4 else m.group(0)


_THAI_LETTER = re.compile("[ก-ฮ]")
_LEAD_SPECKS = re.compile(r"^[\s.,:;|'\"]+")  # a wrapped line's first speck is no text


def find_signature(view: LetterLines) -> tuple[str, str, int | None, int]:
    """(name, position, name row, row after the signature block). Name without parentheses.

    The name follows the closing words; when OCR lost it there, nothing is signed: a name further
    on belongs to an attached form (ลงชื่อ … ผู้รายงาน), not to the letter."""
    for i in _signature_rows(view):
        name = signed_name(view.text(i))
        if name:
            position, after = _position(view, i)
            return name, position, i, after
    above = _name_above_closing(view)
    if above is not None:
        position, after = _position(view, above)
        return signed_name(view.text(above)), position, above, after
    return "", "", None, view.span.end


def _name_above_closing(view: LetterLines) -> int | None:
    """A signed name, closed in its parentheses, one or two lines above the closing words on the
    same page: OCR's reading order set the signature block's name first (a memo's overleaf, seen
    on a blind seed: `(นายปิยะ ศรีสุข)` then `จึงเรียนมาเพื่อโปรดพิจารณา`). Open or loose name
    readings are not taken there: body text above the closing is no signature."""
    rows, closing = _closing_at(view)
    if closing is None:
        return None
    above = [i for i in rows[max(0, closing - 2):closing] if view.page(i) == view.page(rows[closing])]
    return next((i for i in reversed(above) if is_signed_name(view.text(i))), None)


def signed_name(text: str) -> str:
    """The name a signature line prints, repaired; '' when the line is no name."""
    if is_signed_name(text):
        return repair_name(_without_glued_glyph(tidy(_NAME.match(text).group(1))))  # type: ignore[union-attr]
    m = _UNCLOSED_NAME.match(text) or _JOINED_NAME.match(text)
    return split_joined(repair_name(tidy(m.group(1)))) if m and not _NOT_NAME.search(m.group(1)) else ""


def _without_glued_glyph(name: str) -> str:
    """`แนายวิชัย …`: the opening parenthesis read as a letter glued before the title."""
    return name[1:] if not _TITLE_START.match(name) and _TITLE_START.match(name[1:]) else name


def names_a_thing(text: str) -> bool:
    """Words no name holds (ตาม, แนบ, จังหวัด …): a list or an office in parentheses."""
    return _NOT_NAME.search(text) is not None


def is_signed_name(text: str) -> bool:
    """The line is a signatory's name as letters print it: `(นางลลิตา หาดแพง)`, closed."""
    m = _NAME.match(text)
    return m is not None and not _NOT_NAME.search(m.group(1))


def _signature_rows(view: LetterLines) -> list[int]:
    rows, closing = _closing_at(view)
    return rows[closing:closing + _SIGNATURE_WINDOW] if closing is not None else rows


def _closing_at(view: LetterLines) -> tuple[list[int], int | None]:
    """The body's non-blank rows, and the index among them of the first closing line."""
    rows = view.nonblank(view.body_start)
    return rows, next((k for k, i in enumerate(rows) if CLOSING.match(view.text(i))), None)


def _position(view: LetterLines, name_row: int) -> tuple[str, int]:
    # A line without Thai letters under the name is the signature's ink read as Latin ("aA").
    rows = [j for j in view.nonblank(name_row + 1, name_row + 6)
            if _THAI_LETTER.search(view.text(j)) and not CLOSING.match(view.text(j))]
    if not rows:
        return "", name_row + 1
    parts, last = [re.sub(f"{LEAD}{loose('ตำแหน่ง')}", "", view.text(rows[0]))], rows[0]
    for j in rows[1:3]:
        if not (_ON_BEHALF.search(parts[-1]) or _ON_BEHALF_HEAD.match(view.text(j))):
            break
        parts.append(view.text(j))
        last = j
    return tidy(" ".join(parts)), last + 1


def find_core_end(view: LetterLines, signature_end: int | None) -> int:
    """Where the letter proper ends: after its signature and contact footer, or at an annex."""
    if signature_end is not None:
        signed_on = view.page(max(view.span.start, signature_end - 1))
        return next((i for i in view.nonblank(signature_end) if not _in_footer(view, i, signed_on)),
                    view.span.end)
    start = view.addressee_at if view.addressee_at is not None else view.span.header
    return next((i for i in view.nonblank(start + 1) if _is_annex_title(view.text(i))), view.span.end)


def _in_footer(view: LetterLines, row: int, signed_on: int) -> bool:
    """A line of the signature's contact footer. Overleaf, the footer names itself (โทรสาร …)
    under the page's number (`- ๒ -`); the signed page's last line may be the cue a Thai letter
    sets for its next page (`/สำนักนโยบาย…`), however OCR garbled it."""
    text = view.text(row)
    if _ANNEX.match(text):
        return False
    if view.page(row) != signed_on:
        return bool(_FOOTER.match(text)) or (bool(_PAGE_NUMBER.fullmatch(text)) and _footer_follows(view, row))
    return bool(_FOOTER.match(text) or len(text) <= 5 or re.search(r"\d{3}|@", text)) or _last_on_page(view, row)


def _footer_follows(view: LetterLines, row: int) -> bool:
    later = view.nonblank(row + 1)[:1]
    return bool(later) and view.page(later[0]) == view.page(row) and bool(_FOOTER.match(view.text(later[0])))


def _last_on_page(view: LetterLines, row: int) -> bool:
    later = view.nonblank(row + 1)
    return not later or view.page(later[0]) != view.page(row)


def _is_annex_title(text: str) -> bool:
    """An attachment's title; a line citing a numbered หนังสือ is the body's reference, its
    อ้างถึง lost to OCR (`. หนังสือกรม… ที่ มท0810.7/ว2859`)."""
    return bool(_ANNEX.match(text)) and not _REF.search(text)


def find_attachments(view: LetterLines) -> tuple[list[str], int | None]:
    """สิ่งที่ส่งมาด้วย: one item, or a numbered list 1. 2. … (numbers dropped)."""
    rows = view.nonblank(None, view.body_start + 1)
    head = next((i for i in rows if ATTACHMENT_HEAD.match(view.text(i))), None)
    if head is None:
        return [], None
    items: list[str] = []
    first = ATTACHMENT_HEAD.sub("", view.text(head), count=1)
    _add_item(items, first)
    for i in view.nonblank(head + 1, head + 12):
        text = view.text(i)
        if _BODY_START.match(text) or REFERENCE_HEAD.match(text) or CLOSING.match(text):
            break
        if _ITEM.match(text) or not items:
            _add_item(items, text)
        elif not re.search(loose("จำนวน") + r"\s*\d+\s*\S+\s*$", items[-1]):
            items[-1] = tidy(smart_join([items[-1], _LEAD_SPECKS.sub("", text)]))
        else:
            break
    return [item for item in items if item], head


def _add_item(items: list[str], text: str) -> None:
    text = _ITEM.sub("", text, count=1)
    if text.strip():
        items.append(tidy(text))


@cache
def _province_names() -> tuple[str, ...]:
    from pythainlp.corpus import provinces

    return tuple(sorted(provinces()))


def match_province(text: str) -> str | None:
    """A province name as printed (OCR-damaged allowed) → its official name."""
    name = re.sub(f"^{loose('จังหวัด')}\\s*", "", text.strip())
    if not name or len(name) < 2:
        return None
    names = _province_names()
    if name in names:
        return name
    best = process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=85)
    return best[0] if best else None


_LIST_HEAD = starts_with("บัญชีแนบท้าย", "บัญชีรายชื่อจังหวัด")
_ROW = re.compile(r"^[\s|]*\d{1,3}[\s.|\t]+([ก-๛][ก-๛ .]*?)\s*(?:\t.*)?$")


def find_provinces(view: LetterLines) -> tuple[list[str], int | None]:
    """Provinces of an attached list (บัญชีแนบท้าย): numbered rows up to the next title."""
    found: list[str] = []
    first_row: int | None = None
    rows = view.nonblank()
    heads = [i for i in rows if _LIST_HEAD.match(view.text(i))]
    for head in heads:
        for i in view.nonblank(head + 1):
            if _ANNEX.match(view.text(i)) and not _LIST_HEAD.match(view.text(i)):
                break
            m = _ROW.match(view.text(i))
            name = match_province(m.group(1)) if m else None
            if name and name not in found:
                found.append(name)
                first_row = i if first_row is None else first_row
    return found, first_row
