"""Official document numbers (เลขที่หนังสือ): `มท 0810.7/ว 435`.

The printed form is issuer code (รหัสพยัญชนะ, e.g. มท, อต, กส), office digits, a slash, an
optional `ว` for circulars (หนังสือเวียน) and the serial. OCR and typists vary the spacing
(`มท๐๘๑๒/ ๖๒๖๕`, `ที่มท ๐๘๑๐.๗/ว๔๓๕`, `กส ๐๐๒๓.๑ /ว ๑๙๘`) and sometimes push the serial to the
next line; all are normalised to one form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.issuer_codes import is_province_code
from extractors.letter_terms import LEAD, THI, loose

# รหัสพยัญชนะ is consonants only; OCR may set a lower vowel among them (`ชูย` for ชย) or a
# speck read as ์ (`ย์ล` for ยล). Vowels and tone marks above are not allowed: `ทีมท` is ที่
# glued to มท, not a code.
# A speck over the code may be read as ั too (`มัท` for มท): no code letter carries a vowel, but
# a code never stands where a word with ั could before office digits and a slash.
# So may a speck between its letters be read as ่ (`ม่ท0801.5/ว4288`): no code letter carries one.
_CODE_MARK = "[\u0e31\u0e38\u0e39\u0e48\u0e4c]"
# A speck over the code's last letter may be read as a tone mark (`ปข่ 0023.5` for ปข): only
# there, right before the digits, where no word of ที่'s own can be (`ทีมท` keeps its vowel out).
# So may a lower vowel (`พจู0023.5` for พจ), there too, or a ์ (`มท์-.` then the digits on the next line),
# or two at once (`สถู่00235`).
_CODE_TONE = "[\u0e38\u0e39\u0e48-\u0e4c]{1,2}(?=[\\s.\\-–|]*\\d)"
# A speck over it may be read as ิ or ี too (`ทิ ตรี 002.3/3362` for ที่ ตร ๐๐๒๓.๓): only before an
# owner's number, which opens with 0 (`วันที่ 21/5/65` is no code before a number).
_CODE_VOWEL = "[\u0e34\u0e35](?=[\\s.\\-–|]*0\\d{2})"
CODE = f"[ก-ฮ](?:{_CODE_MARK}?[ก-ฮ]){{1,2}}(?:{_CODE_TONE}|{_CODE_VOWEL})?"
# OCR may part the code's two letters (`ม ท 0810.7`): only where digits follow.
_CODE = rf"(?P<code>{CODE}|[ก-ฮ]\s[ก-ฮ](?=[\s.]*\d))"
# OCR doubles, triples or swaps the dot between office digit groups (`0810.,7`, `0810,7`), or puts one
# inside the owner's four digits (`0,810.7`: `clean_office` regroups it). Tesseract's Thai model
# reads the sub-unit's ๗ as ฒ, the letter it most resembles (`0810. ฒ/ว 746`), and ๑ as @
# (`0023.@/1131`), right before the slash where neither stands in a number. The point may be
# read as a space (`0023 3/ว`): a lone digit right before the slash is the sub-unit.
# The sub-unit's ๗ is read as ญ or ต too, with a speck as a tone mark at times (`0810.ญ/ว'`,
# `0810.ต่/ว1796`, `0810. ต/ว311`): a lone letter after the owner's point, right before the slash.
# A speck before the sub-unit is read as @ (`0023.@4/246`): `clean_office` drops it.
# OCR may set points all through the owner's digits (`0.8.02.2`): `clean_office` regroups them.
# The point may be read as a dash or a colon (`0810-7 ./ ว3918`, `0810: 7/ว 268.7`) before a lone
# sub-unit digit.
_OFFICE = (r"(?P<office>(?:\d{2,5}|\d(?=[.,]\d))"
           r"(?:\s?[.,]{1,3}\s?(?:@?\d{1,3}|[ฒญต@][\u0e48-\u0e4b]?(?=\s*/))|\s\d(?=\s*/)|[\-:]\s?\d(?=[\s.]*/))*)")
# The circular mark ว is read as ๆ or ) at times (neither stands in a number); the numeral
# reader writes � for a letter it saw after the slash where Tesseract wrote digits: the only
# letter printed there is ว, taken as the mark and flagged.
# OCR may split a serial of four digits before its last three (`ว 1 196`); a lone digit after a
# serial (`ว 96 2`), or three digits after one of three (`/ว910 454“%`), is something else.
# Between code and digits OCR puts dashes (`มท -- 0810.5`), a speck read as a letter glued to
# the digits (`มท ส0802.2`), or one standing apart before the owner's four digits, read as a
# letter (a leading vowel at times), a digit or a symbol (`มท , ง, 0810.7`, `นว 0 0023.2`, `มท ©`
# or `มท` then `เซ 0810.7`), or a bar read as a slash (`มท / 0802.2`); not Latin: a word's end may
# pass for a code (`ด่วนที่สุด NUN 0810.5`, ที่ มท read by the `eng` model) and Latin would join them,
# but for a speck read as a short lower-case word (`ลย ook. 0023.2`), which ที่ มท never reads as.
# Before the slash, one speck read as a letter, with a leading vowel at times, or a bar
# (`0810.7 ฒ/ว`, `0810.7เต/ว`).
# A serial has no point in it: one between its digits is a speck (`5.075`, `313.7`).
# OCR may lose the slash before the circular mark (`0810.7 ว646`): the ว still tells the serial;
# or read it as a short Latin word (`มท0810.7 .of` then `ว346`) or a 7 glued to the ว (`7ว 2134`).
# A speck after the mark is read as a letter or a vowel (`/วง 545`, `/วิ` at a line end).
# The speck may stand apart as a lone mark (`/ว ๊` then the serial), and a quote may open the
# serial (`/ว่ "5151`), or a lone consonant stand before it (`/วิ ล 1401`).
# Tesseract's `eng` model reads ว as 7 (`0802.2 /7. 1088`): a 7 right after the slash with a
# whole serial behind it is the mark, read unseen and flagged like �.
_SEVEN_FOR_WO = r"7(?=\.?\s+\d{3,4}(?!\d)|\.\d{3,4}(?!\d))"
# Tesseract's Thai model reads ว as ๒ or ๔, the digits it most resembles: glued to a four-digit
# serial (`0810.7/24001` for /ว4001: no serial runs to five digits) or standing apart before one
# (`0810.7/` then `4 3426` on the next line; any digit there, `/9 3194`: a serial is split only
# before its last three digits), the digit is the mark, flagged like 7.
# Read as 7 and a 2 together, glued to the serial (`0023.1/724553` for /ว 4553): both are the mark.
# Or as 1, its hook lost (`0810.7/13454` for /ว3454), glued to a whole serial of four digits.
_DIGIT_FOR_WO = r"7?[124](?=\d{4}(?!\d))|\d(?=\s+\d{4}(?!\d))"
# So is another consonant glued to the serial right after the slash (`0810.7/ท2853`), or standing
# alone before it (`0802..2/` then `ง 2021`): no letter but ว is printed there. So is a leading vowel
# glued to a serial of four digits there (`0810.7/เ3500` for /ว๓๕๐๐: ว's loop and hook read as เ); before
# fewer it may be a speck before a ว lost (`/ไ277` read from `/ไว277`).
_LETTER_FOR_WO = r"[ก-ฮ](?=\d|\s\d{2,4}(?!\d))|[เ-ไ](?=\d{4}(?!\d))"
# A speck before the mark is read as a vowel (`0810.7/ะว`).
_VOWEL_SPECK = "[\u0e30-\u0e3a\u0e40-\u0e44]?"
_MARKS = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
# Or as a letter with marks and a vowel on it, glued to the serial (`/วิตา3370`, `/ว ตา378`): no word is
# glued to digits.
_CIRC_SPECK = (f"(?:(?:[ก-ฮ]|\\s?{_MARKS}+)(?=\\s*(?:[ก-ฮ]\\.?\\s+)?[\"“”']?\\s*(?:\\d|$))"
               f"|\\s?{_MARKS}*[ก-ฮ][\u0e30-\u0e3a\u0e47-\u0e4e]{{1,2}}(?=\\d))?")
# No serial opens with 0: a lone 0 before one is a speck (`/ว 0` then `2777`).
ZERO_SPECK = r"(?:0\s+(?=[1-9]\d{2,3}(?!\d)))?"
# A speck read as a leading vowel glued to the serial (`/ว เ2354`): no serial holds a letter.
# Or as a symbol (`/ว@1271`, `/ว # 2354`): no serial holds one either.
_VOWEL_ON_SERIAL = r"(?:[เ-ไ](?=\d)|[@#*~^°](?=\s?\d))?"
_SERIAL = r"(?P<serial>\d{1,4}[.,]\d{1,3}(?![\d.,])|\d\s\d{3}(?!\d)|\d{1,6})"
# Before the slash OCR may leave a point (`0023.3./3268`) or a speck with a mark on it
# (`0810.7ๆ่ /ว`, `0810.7#/ว999`); the slash itself may come doubled (`0802.2/ /ว 3031`).
# A quote may stand there too (`0023.3'/ 4461`).
_BEFORE_SLASH = rf"(?:[.,]\s*)?(?:[เ-ไ]?[ก-ฮๆ!|#@'‘’]{_MARKS}?\s*)?"
_APART = r"(?:[เ-ไ]?[ก-ฮ]|\d|[^\w\s/]|[a-z]{1,3}\.?)"
DOCNUM_PATTERN = (
    rf"{_CODE}[^\w]*(?:[ก-ฮ](?=\d)|{_APART}[.,\s]+(?=\d{{4}}))?{_OFFICE}"
    rf"(?:\s*{_BEFORE_SLASH}/\s*(?:/\s*)?(?P<circ>{_VOWEL_SPECK}[วๆ)\ufffd]{_CIRC_SPECK}(?![ก-๛])|{_SEVEN_FOR_WO}|{_DIGIT_FOR_WO}|{_LETTER_FOR_WO})?|\s+(?:[.,]?[a-z]{{1,3}}\.?\s+)?7?(?P<bare_circ>ว)(?=\s*\d))"
    rf"\.?\s*{_VOWEL_ON_SERIAL}{ZERO_SPECK}{_SERIAL}?(?![\d])"
)
_DOCNUM = re.compile(DOCNUM_PATTERN)
# Tesseract's `eng` model may read the slash and ว as Latin and bars (`มท 0810.7 if | . , 2711
# ลงวันที่`, `มท 0810.7 a) 4219 ลงวันที่`): in a citation, the ลงวันที่ right after the serial
# still tells which digits it is. Two glyphs there were `/ว`, one the slash alone.
# The Thai model may read `/ว` as a mark over a consonant glued to the serial (`0810.7 ่ฑ3526
# ลงวันที่`): no word opens with a mark, so that is the garbled `/ว` too.
# Or as a consonant and a vowel standing apart (`มท 0802.2 บา 321 ลงวันที่`): no word is that short.
_THAI_GARBLE = "[\u0e31\u0e34-\u0e4e]+[ก-ฮ]{1,2}[\u0e31\u0e34-\u0e4e]*|(?<=\\s)[ก-ฮ][\u0e30-\u0e39](?=\\s)"
_LATIN_GARBLE = "[A-Za-z|!()]{1,2}(?:\\s[A-Za-z|!()]{1,2})?"
GARBLED_MARK_PATTERN = (rf"{_CODE}[.,\s\-–]*{_OFFICE}"
                        rf"(?:\s+(?P<mark>{_LATIN_GARBLE})[\s.,|]|\s*(?P<thai>{_THAI_GARBLE}))[\s.,|]*(?P<serial>\d{{2,4}})(?=\s*[\-–]?ล)")
# A header line: ที่ at the start, then the number. `ที่` may be glued to the code (ที่มท).
_HEADER = re.compile(rf"^[#*\s]*ที่\s*(?={_CODE}\.?\s*\d)")
_BARE_SERIAL = re.compile(r"^\s*(\d{1,6})\s*$")


@dataclass(frozen=True)
class DocNumber:
    """A parsed number; `serial` empty when it was not on the line."""

    code: str
    office: str
    circular: bool
    serial: str
    end: int  # where the number ended in the searched text
    repaired: bool = False  # office digits regrouped (`clean_office`) or ว read unseen: flag it
    mark_guessed: bool = False  # the ว taken from another glyph in its place (�, 7, a letter)

    def text(self) -> str:
        if not self.serial:
            return ""
        return f"{self.code} {self.office}/{'ว ' if self.circular else ''}{self.serial}"


DOC_NUMBER_REPAIRED = "doc_number_repaired"  # a letter flag: its number was regrouped, check it
_MAIN_DIGITS = 4  # เลขประจำของเจ้าของเรื่อง: two digits for the กรม, two for its division


# Owners whose number is four digits, always: the Ministry of Interior's (มท 0810.7, มท 0812) and a
# province's local administration office (นพ 0023.1). Their sub-unit follows a point.
_FOUR_DIGIT_ISSUER = "มท"
_PROVINCIAL_OWNER = "0023"


def clean_office(office: str, code: str = "") -> tuple[str, bool]:
    """Office digits as printed → (canonical form, regrouped?).

    The owner's number is at least four digits written unbroken, then `.sub-unit`. OCR adds a
    dot inside it (`08.10.7` for `0810.7`); that is regrouped and reported as repaired. A lost
    dot (`08022`) is left as read, as five-digit owners exist (ศธ 04002), unless the owner's
    number is known to be four digits (`มท 08022` → `มท 0802.2`, repaired). An owner's number
    opens with 0: a four-digit one read with another digit first (`1023.2`) is repaired.
    A province office's owner is 0023: its point read a digit early (`002.33`) or its 3 lost
    (`002.1`) is put back. Spacing and a doubled dot are only typography.
    """
    read = _SEVEN_AS_LETTER.sub("7", _SPECK_AT.sub("", office)).replace("@", "1")
    groups = [g for g in re.split(r"[\s.,:\-]+", read) if g]
    owner = _owner_regrouped(groups)
    if owner or _READ_AS_SYMBOL.search(office):
        return owner or ".".join(groups), True
    provincial = _provincial_office(groups, code)
    if provincial:
        return provincial, True
    if len(groups) == 1 and _lost_its_point(groups[0], code):
        return f"{groups[0][:_MAIN_DIGITS]}.{groups[0][_MAIN_DIGITS:]}", True
    if clean_code(code) == _FOUR_DIGIT_ISSUER and len(groups[0]) == _MAIN_DIGITS - 1 and groups[0][0] != "0":
        return ".".join(["0" + groups[0], *groups[1:]]), True  # its leading 0 lost (`มท 810.7`)
    if len(groups[0]) == _MAIN_DIGITS and groups[0][0] != "0" and len(groups) > 1:
        return ".".join(["0" + groups[0][1:], *groups[1:]]), True  # its 0 misread (`ชพ 1023.2`)
    if _one_off_provincial(groups, code):
        return ".".join([_PROVINCIAL_OWNER, *groups[1:]]), True  # `นน 0123.4`: a 0 read as 1
    return ".".join(groups), False


# The sub-unit's ๗ read as a letter, with a speck as a tone mark at times; @ before a digit is a
# speck, alone it is ๑ (see _OFFICE).
_SEVEN_AS_LETTER = re.compile("[ฒญต][\u0e48-\u0e4b]?")
_SPECK_AT = re.compile(r"@(?=\d)")
_READ_AS_SYMBOL = re.compile("[ฒญต@]")


def _owner_regrouped(groups: list[str]) -> str:
    """The owner's four digits with points OCR set inside them (`08.10.7`, `0.8.02.2`) joined
    again, the sub-unit after them; '' when no leading groups make exactly four digits."""
    if len(groups) < 3 or len(groups[0]) >= _MAIN_DIGITS:
        return ""
    for k in range(2, len(groups)):
        owner = "".join(groups[:k])
        if len(owner) == _MAIN_DIGITS:
            return ".".join([owner, *groups[k:]])
        if len(owner) > _MAIN_DIGITS:
            return ""
    return ""


def _provincial_office(groups: list[str], code: str) -> str:
    """A province office's `0023.3` read with its point one digit early (`002.33`), or with the
    owner's 3 lost under a province's code (`รบ 002.1`), put back; else ''."""
    if len(groups) != 2 or groups[0] == _PROVINCIAL_OWNER:
        return ""
    joined = "".join(groups)
    if joined.startswith(_PROVINCIAL_OWNER) and len(joined) == _MAIN_DIGITS + 1:
        return f"{_PROVINCIAL_OWNER}.{joined[_MAIN_DIGITS:]}"
    lost_three = groups[0] == _PROVINCIAL_OWNER[:-1] and len(groups[1]) == 1
    return f"{_PROVINCIAL_OWNER}.{groups[1]}" if lost_three and is_province_code(clean_code(code)) else ""


def _one_off_provincial(groups: list[str], code: str) -> bool:
    """A province office's owner 0023 with one of its leading 0s misread (`นน 0123.4`): a
    province's offices number from 00 (0017, 0023 …), so a 0x23 under its code is 0023."""
    owner = groups[0]
    return (len(groups) > 1 and len(owner) == _MAIN_DIGITS and owner.endswith(_PROVINCIAL_OWNER[2:])
            and is_province_code(clean_code(code)) and owner[:2].count("0") == 1)


def _lost_its_point(owner: str, code: str) -> bool:
    """Five or six unbroken digits of an owner known to have four, then a sub-unit."""
    known = clean_code(code) == _FOUR_DIGIT_ISSUER or owner.startswith(_PROVINCIAL_OWNER)
    return known and _MAIN_DIGITS < len(owner) <= _MAIN_DIGITS + 2


def clean_code(code: str) -> str:
    return re.sub("[\u0e31\u0e34\u0e35\u0e38\u0e39\u0e48-\u0e4c\\s]", "", code)


def try_parse_docnum(text: str, at_start: bool = False) -> DocNumber | None:
    """The first document number in `text` (Arabic digits expected), or None; with `at_start`,
    only one that opens the text."""
    m = _DOCNUM.match(text) if at_start else _DOCNUM.search(text)
    return docnum_of(m, m.group("serial") or "") if m else None


def docnum_of(m: re.Match[str], serial: str) -> DocNumber:
    """The number a match of DOCNUM_PATTERN (or a pattern holding it) names, with `serial`
    (the match's own, or one found on the next line), normalised."""
    office, repaired = clean_office(m.group("office"), m.group("code"))
    return DocNumber(
        code=clean_code(m.group("code")),
        office=office,
        circular=m.group("circ") is not None or m.group("bare_circ") is not None,
        serial=re.sub(r"[\s.,]", "", serial),
        end=m.end(),
        repaired=repaired or _mark_read_unseen(m.group("circ") or ""),
        mark_guessed=_mark_read_unseen(re.sub(f"^{_VOWEL_SPECK}", "", m.group("circ") or "")),
    )


def garbled_mark_docnum(m: re.Match[str]) -> DocNumber:
    """The number a match of GARBLED_MARK_PATTERN names; always `repaired`: its mark is a guess."""
    office, _ = clean_office(m.group("office"), m.group("code"))
    circular = m.group("thai") is not None or len(re.sub(r"\s", "", m.group("mark"))) >= 2
    return DocNumber(clean_code(m.group("code")), office, circular, m.group("serial"), m.end(), True)


def _mark_read_unseen(circ: str) -> bool:
    """The circular mark was taken from what stands in its place (�, 7, another letter)."""
    return bool(circ) and circ[0] not in "วๆ)"


# Where OCR read ที่ as a speck (`i นฐ0023.3/4340`, `7 มท 0802.2 /ว 1664`, `ทที่ นพ …`) or lost
# it, a header's number still opens its line: two short tokens at most before it
# (`| i นพ0023.2/1512`), or before its ที่ (`ว่า) ที่ ชพ 0023.1/3315`).
_SPECK_THEN_CODE = re.compile(rf"{LEAD}(?:(?:[^\s\d]{{1,4}}|\d)\s+){{0,2}}(?:{THI}[\s.]*)?(?={CODE}[.\s]*\d)")
_DATED = re.compile(loose("ลงวันที่"))


def opening_number(text: str) -> DocNumber | None:
    """A whole number (code, office digits, serial) opening the line behind specks, with no
    ลงวันที่ after it (a citation wrapped to a line start has one): a header's number."""
    at = _SPECK_THEN_CODE.match(text)
    found = try_parse_docnum(text[at.end():], at_start=True) if at else None
    return found if found is not None and found.serial and not _DATED.search(text) else None


# Office digits and serial whose issuer code OCR garbled or lost (`‘fl we 0023.3 / 3640`,
# `| 0809.2/ว176`, `ยูส0023.1,584`: a comma for the slash): an owner's number opens with 0.
# Its point may come doubled (`NUN 0801..5/2198`: ที่ มท read by the `eng` model).
# A speck inside its serial is read as a point (`หลส็0023.3/3.31`), as in a whole number's; one
# over the mark as a vowel (`ที่ มี 0802.2/วิ4187`, its มท read as a word): no mark is printed on ว there.
_CODELESS = re.compile(r"(?<![\d.])(?P<office>0\d{3}(?:\s?\.{1,2}\s?\d{1,2})?)\s*[/,]\s*"
                       r"(?P<circ>ว[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?)?\s*"
                       r"(?P<serial>\d{1,4}[.,]\d{1,3}|\d{1,5})(?![\d.,])")


def number_for_issuer(text: str, code: str) -> DocNumber | None:
    """The office digits and serial on `text`, under the issuer `code` its sender tells; always
    `repaired`: the code was not read."""
    m = _CODELESS.search(text)
    if m is None or _DATED.search(text):
        return None
    office, _ = clean_office(m.group("office"), code)
    return DocNumber(code, office, m.group("circ") is not None, re.sub("[.,]", "", m.group("serial")), m.end(), True)


def normalise_docnum(text: str) -> str:
    """`กส 0023.1 /ว 198` → `กส 0023.1/ว 198`; empty when no complete number is found."""
    found = try_parse_docnum(text)
    return found.text() if found else ""


# A header number whose slash OCR lost (`ที่มท 0809.2263`): where the owner is known to print four
# digits and a one-digit sub-unit (the Ministry's, a province office's 0023), what follows the
# sub-unit's digit is the serial.
_SLASH_LOST = re.compile(rf"{_CODE}\s*(?P<owner>0\d{{3}})[.,](?P<sub>\d)(?P<serial>\d{{2,4}})(?![\d/.,])")


def slash_lost_number(text: str) -> DocNumber | None:
    """The number on a header line whose slash OCR lost; always `repaired`: the split is a guess."""
    m = _SLASH_LOST.search(text)
    if m is None:
        return None
    code = clean_code(m.group("code"))
    if code != _FOUR_DIGIT_ISSUER and not (is_province_code(code) and m.group("owner") == _PROVINCIAL_OWNER):
        return None
    return DocNumber(code, f"{m.group('owner')}.{m.group('sub')}", False, m.group("serial"), m.end(), True)


def read_header_number(lines: list[str], index: int) -> tuple[DocNumber | None, int]:
    """Parse the number on `lines[index]`; take a serial left alone on the next line(s).

    Returns the number and the index of the last line used.
    """
    found = try_parse_docnum(lines[index]) or slash_lost_number(lines[index])
    if found is None or found.serial:
        return found, index
    for j in range(index + 1, min(index + 4, len(lines))):
        bare = _BARE_SERIAL.match(lines[j])
        if bare:
            return replace(found, serial=bare.group(1)), j
        if lines[j].strip():
            break
    return found, index
