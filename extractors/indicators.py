"""KPIs (ตัวชี้วัด) defined or cited in a letter → `Indicator` records.

Three printed shapes: inline mentions ("ตัวชี้วัดที่ 4.2 … จำนวน 878 ศูนย์ ภายในเดือนเมษายน
2561"), numbered items of a KPI summary memo ("1.1 ร้อยละของ… (กพส. เป็นเจ้าภาพ)" with "(8) …"
sub-items), and KPI tables whose rows carry a target and five scoring levels (เกณฑ์การให้คะแนน).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from extractors.letter_terms import FISCAL_YEAR, fiscal_year_of, loose, loose_tones, smart_join, strip_marks
from extractors.stamp_reading import FIRST_YEAR
from pipeline.records import Indicator
from pipeline.thai.dates import find_month_year, find_thai_dates, month_end, out_of_its_time

# OCR sets a space before ที่ (`ตัวชี้วัด ที่ 3.1`) or a speck read as a Latin letter before the
# code (`ตัวชี้วัดที c4.2`).
# Tesseract reads its ช as ข or ซ (`ตัวขี้วัด`), the ี of ที่ as ิ (`ตัวชี้วัดทิ 4.2`), and ink
# between the label and a code wrapped to the next line as a Latin piece or a bar (`ที่ dD. 4.2`,
# `ที่ | o 4.2`).
# Its ต may read as ก (`กัวชี้วัด`, no Thai word), and the point of a code as a comma (`5,1`).
# Its last ด may read as ต or ก (`ตัวชี้วัตที่ 4.2`, `ตามดัวขีวักที่ 4.2`), its ต as ท with a tone mark
# (`ทั่วชี้วัดที่ 6`) or as ด, its ช as ด (`ตัวดี้วัตที่ 4.2`).
_KPI_WORD = "[ตกทด]" + loose_tones("ั่วชี้วัด").replace("ด", "[ดตก]").replace("ช", "[ชขซด]")
# Specks between ที่ and its code: points, colons, quotes, a bracket (`ที่. : 4.2`, `ที่ ) 6,`).
# A piece of ink glued before the code reads as a Latin letter, a consonant, or the vowel า (`ที่ า6`
# for ๖: no Thai word puts า before a digit).
_CODE = re.compile(
    f"{_KPI_WORD}\\s?ท[\u0e34-\u0e37]?[\u0e48-\u0e4b]?\\s*(?:[|:'\".()]+\\s*){{0,3}}(?:[A-Za-z]{{1,3}}\\.?\\s+)?[A-Za-zก-ฮา]?"
    "(\\d(?P<twin>\\d)(?P=twin)(?![\\d.,])|\\d\\s[1-9](?=\\s+[ก-๛])|\\d{1,2}(?:[.,]{1,2}\\d{1,2})*)\\s*[:：]?\\s*")
# No KPI code has three digits: three whose last two are one digit twice (`ตัวชี้วัดที่ 233` for ๒.๓) are
# the code with its point read as a copy of the digit after it, or with a speck after it read so:
# either way ๒.๓ (flagged).
_POINT_AS_TWIN = re.compile(r"(\d)(\d)\2")
CODE_POINT_REPAIRED = "code_point_read_as_digit"
# A code's point lost to a space (`ตัวชี้วัดที่ 5 1 ระดับความสำเร็จ…`) is taken above as `5 1`; never
# `6 0` (a speck after ๖ read as 0: no KPI's number under a heading is 0).
_POINT = re.compile(r"[.,]{1,2}|\s")
# Lines of ink between the label and a code wrapped under it, read as short pieces
# (`ตามตัวชี้วัดที่ ⏎ De ⏎ CN ⏎ ข ⏎ 4.2 การจัดตั้ง…`).
_INKED_CODE = re.compile(
    f"{_KPI_WORD}\\s?ท[\u0e34-\u0e37]?[\u0e48-\u0e4b]?\\s+(?:[^\\s\\d]{{1,3}}\\s+){{1,4}}(\\d\\.\\d{{1,2}})\\s+(?=[ก-๛])")
# The label garbled all but a piece of it (`ตามต้ a ดที่ 4.2`, `ตาม วชี an 4.2`, `ตามต้ วชี้ ain 4.2`): its
# วช or ดที่ left, at most one short piece of Latin ink or specks, alone or glued to the code
# (`ต า ม ล ดที่ ⏎ g4.2 การจัดตั้ง…`), then a dotted code and the KPI's name.
# Or several such pieces where the label's end and the code's line were read as specks, a lone digit
# among them (`ตามัวชี an. ⏎ o ⏎ 4.2 การ…`, `ตามตัวชี่ ⏎ 1 . ⏎ vi a ⏎ Yan 4.2 ⏎ . การจัดตั้ง…`), a speck
# before the name too.
_GARBLED_CODE = re.compile(
    "(?:ว\\s?[ชขซ]|ดท)[\u0e31-\u0e4e]*(?:\\s*(?:[^\\s\\dก-๛]{1,3}|\\d(?=\\s))){0,6}?\\s*(\\d\\.\\d)\\s+(?:[.|:'\"]\\s+)?(?=[ก-๛])")
# The label read as Latin by the `eng` model (`ผลการดำเนินงานตาม my yan ⏎ 4.2 การจัดตั้ง…`,
# `พ.ศ. 2565 MIAN.4.1 ⏎ การพัฒนา…`): one or two Latin pieces, then a dotted code and the KPI's name;
# after ตาม (…ผลการดำเนินงานตาม[ตัวชี้วัดที่]) always, elsewhere only where the text names ตัวชี้วัด.
# A speck glued after the code may read as a Latin letter (`พ.ศ. 2556 MIAN 3.1o . ⏎ ร้อยละของ…`).
_LATIN_PIECES_CODE = r"\s*(?:[A-Za-z]{2,5}[.\s]\s*){1,2}(\d\.\d)(?:[A-Za-z]?[\s.]*\s)(?=[ก-๛])"
_LATIN_LABEL_CODE = re.compile(r"(?<=\s)" + _LATIN_PIECES_CODE)
_LATIN_LABEL_AFTER_TAM = re.compile(r"(?<=ตาม)" + _LATIN_PIECES_CODE)
_QUOTED = re.compile(r"^.{0,60}?[“\"]([^”\"]{4,200})[”\"]")
# จำนวน with its ำ read as a tone mark and า, a mark doubled or a vowel added (`จ้านวัน`, `จ้ำนวน`).
_COUNT_WORD = "จ[\u0e48-\u0e4b]?[ำา][\u0e48-\u0e4b]?นว[\u0e31]?น"
# A spaced-out scan tears ร้อยละ (`ร้อ ย ละ 1 100`), its ล may read as ส (`ร้อยสะ`), and a speck
# before the number may read as `>` (`ร้อยละ > 90`).
# The `eng` model may read all of it but its ร as Latin (`รั JALAL 80`); its ร may read as จ with
# a vowel over it (`จื้อย ละ 100`): อยละ is no other word.
_PERCENT = r"[รจ]\s?[\u0e31-\u0e37]?[\u0e48-\u0e4b]?\s?อ\s?ย\s?[ลส]\s?ะ|ร[\u0e31\u0e49]{0,2}\s?[A-Z]{3,6}(?=\s\d)"
KPI_WORD, PERCENT = _KPI_WORD, _PERCENT  # for the judges of KPI lines read again (extractors/kpi_lines.py)
# `ร้อยละ ⏎ @100`, `ร้อยละ ‘90`, `ร้อยละ - ⏎ = 100`: a speck read as @, a quote, a dash or a bar.
_SCALE_SPECKS = r"[\s'\"“”‘’.§|:<>@©=\-–]*"
# …or as a Latin letter glued to the number (`ระดับ a5`).
_GLUED_SPECK = r"[A-Za-z]?"
# The scale word read as Latin by the `eng` model (`…ขององค์กรปกครองส่วนท้องถิ่น SAU 5` for ระดับ ๕):
# a Latin piece and a short number, which KPI's unit its name tells (see `_scale_unit`).
_LATIN_SCALE_WORD = r"[A-Za-z]{2,6}\s?(\d{1,3})(?![\d.,/A-Za-z])"
_LATIN_SCALE = re.compile(rf"^[\s.|'\"]*{_LATIN_SCALE_WORD}")
# A speck OCR glued to a wrapped line's first word (`(LPA) .จำนวน 6,500 แห่ง`) still stops the name.
_NAME_STOP = re.compile(
    r"\s[.|'\"“”]*(?:เรียน|อ้างถึง|สิ่งที่ส่งมาด้วย|" + _COUNT_WORD +
    r"|ภายใน|โดย|ค่าเป้าหมาย|คำเป้าหมาย|มีค่าเป้าหมาย|ประจำปีงบประมาณ|แล้ว|จึง|และตัวชี้วัด|จัดส่ง)"
    rf"|\s(?:ระดับ|{_PERCENT}){_SCALE_SPECKS}{_GLUED_SPECK}\d|\s{_LATIN_SCALE_WORD}|"
    r"\s?\((?:[^()]*เจ้าภาพ|กลุ่มงาน|ฝ่าย)|\s?\(\s*[ก-๛]{1,3}\.\s?[ก-๛]{1,3}\.?\s*\d"
)
_BAD_NAME = re.compile(r"^(?:แล้ว|ดังกล่าว|นี้)(?:\s|$)|^(?:จำนวน|ภายใน)")
_UNIT_WORDS = ("ศูนย์", "แห่ง", "คน", "ราย", "เรื่อง", "ครั้ง", "ชุด", "หน่วย", "ตำบล", "อำเภอ", "จังหวัด", "โครงการ",
               "กิจกรรม")
# A unit's marks may be lost to OCR (`878 ศูนย j`); the unit is reported as spelled.
_UNITS = "|".join(loose(u) for u in _UNIT_WORDS)
# A speck may follow the number (`878. ศูนย์`).
_COUNT = re.compile(rf"{_COUNT_WORD}[^\d]{{0,40}}?(\d[\d,]*(?:\.\d+)?)\.?\s*({_UNITS})")
# A count whose unit word OCR garbled by one letter (`จำนวน 7,000 แหท่ง`): the Thai word after it.
_COUNT_ANY_WORD = re.compile(rf"{_COUNT_WORD}[^\d]{{0,40}}?(\d[\d,]*(?:\.\d+)?)\.?\s*([ก-๛]{{2,8}})")
# จำนวน garbled past reading (`a TN 7,85.0 แห่ง`): a number and a unit word alone.
# The unit a whole word (not ราย of รายละเอียด), the number no year (`17 มกราคม 2561 รายละเอียด`).
_BARE_COUNT = re.compile(rf"(?<![\d.,])(?!25\d\d\b)(\d[\d,]*(?:\.\d+)?)\.?\s*({_UNITS})(?![ก-๛])")
# ร้อยละ with its tone mark lost (`รอยละ 100`), a speck after it (`ร้อยละ' 80`) or a letter of ink
# before the number (`ร้อยละ ว 100`).
# A speck before a percentage may read as a lone digit (`ร้อยละ 4 80`): a percentage is one number.
_SPECK_DIGIT = r"(?<=ะ\s)\d\s+(?=\d{2,3}(?![\d.]))"
_SCALE = re.compile(rf"({_PERCENT}|ระดับ){_SCALE_SPECKS}(?:[ก-ฮ]\s+|{_SPECK_DIGIT}|[A-Za-z](?=\d))?(\d+(?:\.\d+)?)"
                    r"(?!\s*[./]\d)")
_OWNER = re.compile(r"\(([^()]{1,60}?)\s*เป็นเจ้าภาพ\s*\)")
_UNIT_OWNER = re.compile(r"\(((?:กลุ่มงาน|ฝ่าย|กอง|สำนัก)[^()]{1,150})\)\s*$")
_DUE_MONTH = re.compile(r"ภายใน\s*(?:วันที่|เดือน)?\s*|\(\s*(?=[ก-๛]{1,3}\.\s?[ก-๛]{1,3}\.?\s*\d)")
_REPLY = re.compile(r"จัดส่ง|โทรสาร|จึงขอ|ให้รายงาน|รายงานให้")
_ITEM = re.compile(r"^[\s\-–•]*(\d{1,2}\.\d{1,2})\s+(\S.*)$")
_NUM = r"\d+(?:\.\d+)?"
# A KPI table row once tabs are gone: ลำดับ, the issue and KPI text, target, five levels, owner.
_TABLE_ROW = re.compile(
    rf"^(?P<code>\d{{1,3}})\s+(?P<text>.+?)\s+(?P<target>{_NUM})\s+(?P<levels>(?:{_NUM}\s+){{4}}{_NUM})"
    r"\s+(?P<owner>[ก-๛][^\s]*(?:\s?\([^)]*\))?)(?:\s+.*)?$"
)
_SUB_ITEM = re.compile(r"^[\s\-–•]*\((\d{1,2})\)\s*(\S.*)$")


def extract_indicators(text: str, page: int, fiscal_year_hint: int | None) -> list[Indicator]:
    """Every KPI in one page of a letter. `fiscal_year_hint` (BE) is the letter's ปีงบประมาณ."""
    found = _inline(text, page, fiscal_year_hint)
    if re.search(loose("ตัวชี้วัด"), text) and re.search(f"{loose('เจ้าภาพ')}|{loose('เป้าหมาย')}", text):
        found += _numbered_items(text, page, fiscal_year_hint)
    found += _kpi_table(text, page, fiscal_year_hint)
    return merge_indicators(found)


def merge_indicators(found: list[Indicator]) -> list[Indicator]:
    """One record per code: the first mention wins, later mentions fill its empty fields."""
    by_code: dict[str, Indicator] = {}
    for ind in _points_restored(found):
        first = by_code.setdefault(ind.code, ind)
        if first is ind:
            continue
        if first.target_value is None and ind.target_value is not None:
            first.repaired = ind.repaired
        for name in ("name", "fiscal_year", "target_value", "target_unit", "due_date", "owner", "levels"):
            if getattr(first, name) in (None, "", []):
                setattr(first, name, getattr(ind, name))
    return list(by_code.values())


def _points_restored(found: list[Indicator]) -> list[Indicator]:
    """A letter that numbers its KPIs `3.1`, `5.1` numbers them all so: a two-digit code beside
    them lost its point to OCR (`31` for 3.1)."""
    if not any("." in ind.code for ind in found):
        return found
    return [replace(ind, code=f"{ind.code[0]}.{ind.code[1]}") if re.fullmatch(r"[1-9]\d", ind.code) else ind
            for ind in found]


def _inline(text: str, page: int, hint: int | None) -> list[Indicator]:
    out: list[Indicator] = []
    for paragraph in re.split(r"\n\s*\n", text):
        out += _inline_paragraph(smart_join(paragraph.splitlines()), page, hint)
    return out


def _inline_paragraph(flat: str, page: int, hint: int | None) -> list[Indicator]:
    matches = _code_matches(flat)
    out = []
    for k, m in enumerate(matches):
        stop = matches[k + 1].start() if k + 1 < len(matches) else len(flat)
        chunk = flat[m.end() : min(stop, m.end() + 500)]
        code = _POINT.sub(".", m.group(1))  # `5..1`, `4,2`, `5 1`: OCR's doubled, comma or lost point
        twin = _POINT_AS_TWIN.fullmatch(code)
        code, chunk = _wrapped_code(f"{twin.group(1)}.{twin.group(2)}" if twin else code, chunk)
        found = _from_chunk(code, chunk, _fiscal_before(flat, m.start(), chunk, hint), page)
        out.append(replace(found, repaired=found.repaired or CODE_POINT_REPAIRED) if twin else found)
    return out


# A code wrapped to the line after its label, with specks read on the lines between as a lone
# digit and a letter or two (`ตามตัวชี้วัดที่ ⏎ 1 ⏎ ฆม ⏎ 4.2 การจัดตั้ง…`): the dotted code opening
# the KPI's name is its code, the lone digit ink.
# Or a number of ink alone (`ตามตัวชี้วัดที่ ⏎ 9 ⏎ 4.2 การจัดตั้ง…`, `… ⏎ 12 ⏎ 5.1 ระดับ…`).
_WRAPPED_CODE = re.compile(r"^\s*(?:[^\s\d]{1,2}\s+){0,2}(\d\.\d{1,2})\s+(?=[ก-๛])")


def _wrapped_code(code: str, chunk: str) -> tuple[str, str]:
    """(code, the text after it): the dotted code a lone digit stood in front of, if any."""
    m = _WRAPPED_CODE.match(chunk) if re.fullmatch(r"\d{1,2}", code) else None
    return (m.group(1), chunk[m.end():]) if m else (code, chunk)


def _code_matches(flat: str) -> list[re.Match[str]]:
    """Every labelled code, and every code whose label OCR garbled, in reading order."""
    labelled = list(_CODE.finditer(flat))
    labelled += [m for m in _INKED_CODE.finditer(flat) if not any(c.start() == m.start() for c in labelled)]
    garbled = list(_GARBLED_CODE.finditer(flat)) + list(_LATIN_LABEL_AFTER_TAM.finditer(flat))
    if re.search(_KPI_WORD, flat):
        garbled += _LATIN_LABEL_CODE.finditer(flat)
    # A garbled label's pattern also finds a whole label's end (its ดที่): that code is the labelled one's.
    garbled = [m for m in garbled if not any(c.start() <= m.start(1) < c.end() or c.start() <= m.start() < c.end()
                                             for c in labelled)]
    garbled = [m for k, m in enumerate(garbled) if not any(o.start(1) == m.start(1) for o in garbled[:k])]
    return sorted(labelled + garbled, key=lambda m: m.start())


def _fiscal_before(flat: str, at: int, chunk: str, hint: int | None) -> int | None:
    inside = FISCAL_YEAR.search(chunk[:200])
    if inside:
        return fiscal_year_of(inside.group(1))
    before = FISCAL_YEAR.findall(flat[:at])
    return fiscal_year_of(before[-1]) if before else hint


def _from_chunk(code: str, chunk: str, fiscal: int | None, page: int) -> Indicator:
    name, rest = _name(chunk)
    value, unit, how = _target(rest, name)
    mended = _mended_percent(value) if unit == "ร้อยละ" else None
    return Indicator(
        code=code, name=name, fiscal_year=fiscal, target_value=mended or value, target_unit=unit,
        due_date=_due(rest), owner=_owner(rest), page=page, repaired=PERCENT_REPAIRED if mended else how,
    )


PERCENT_REPAIRED = "percent_over_100"
_WHOLE = 100


def _mended_percent(value: float | None) -> float | None:
    """A KPI's percentage target over 100 is a misread (seen: ๑๐๐ read 109, its last ๐ touched by
    a speck, by the page pass, the numeral reader and Tesseract alike). The only three-digit
    percentage is 100: a reading that keeps two of its three glyphs in place is taken for it,
    flagged; else a speck after two digits (`_speck_digit_after`); any other stays as read."""
    if value is None or value <= _WHOLE or value != int(value) or len(str(int(value))) != len(str(_WHOLE)):
        return None
    same = sum(a == b for a, b in zip(str(int(value)), str(_WHOLE), strict=True))
    if same == len(str(_WHOLE)) - 1:
        return float(_WHOLE)
    return _speck_digit_after(value)


def _speck_digit_after(value: float) -> float | None:
    """`ร้อยละ 901` for ๙๐ and a speck after it read as 1 (the digit a speck or bar reads as): three
    digits no reading of 100 explains, ending in 1, whose first two are a percentage above the
    scoring levels, are taken as those two (flagged); else None (`155` stays as read)."""
    digits = str(int(value))
    first_two = float(digits[:2])
    return first_two if digits.endswith("1") and _TOP_LEVEL < first_two < _WHOLE else None


# A speck inside ๑๐๐ read as a point (`ร้อยละ ⏎ 10.0`): no letter prints a target with a decimal of
# 0, and without the point the digits read 100, the whole (flagged).
_POINT_INSIDE = re.compile(r"^\d+\.\d+$")
PERCENT_POINT_SPECK = "percent_point_speck"


def _point_speck(raw: str) -> float | None:
    return float(_WHOLE) if _POINT_INSIDE.match(raw) and raw.replace(".", "") == str(_WHOLE) else None


def _name(chunk: str) -> tuple[str, str]:
    """(name, text after the name). A quoted title near the code is the name itself."""
    quoted = _QUOTED.match(chunk)
    if quoted:
        return _clean(quoted.group(1)), chunk[quoted.end() :]
    stops = [m.start() for m in (_NAME_STOP.search(chunk), _BARE_COUNT.search(chunk[:200])) if m]
    cut = min(stops, default=min(len(chunk), 200))  # a count and its unit end a name whose จำนวน OCR lost
    name = _clean(chunk[:cut])
    return ("" if _BAD_NAME.match(name) else name), chunk[cut:]


# Ink before a name: the rest of a code's placeholder and a stray bracket (`3..1.@ ) ร้อยละของ…`), a
# speck read as a lone digit (`ตัวชี้วัดที่ 6 0 การประเมินผล…`, `ตัวชี้วัดที่ 233 1 องค์กรปกครอง…`).
_LEADING_INK = re.compile(r"^(?:[\s@#*%!?&$©)\]|.,:;]|\d(?=\s))+")


def _clean(text: str) -> str:
    return " ".join(_LEADING_INK.sub("", re.sub(r"[|]", " ", text)).split()).strip(" ,.:")


def _target(rest: str, name: str = "") -> tuple[float | None, str, str]:
    """(value, unit, how the unit was inferred when no scale word was read, else '')."""
    count, scale = _COUNT.search(rest) or _BARE_COUNT.search(rest[:120]) or _garbled_unit(rest), _SCALE.search(rest)
    latin = None if count else _LATIN_UNIT.search(rest)
    first = min((m for m in (count, scale, latin) if m), key=lambda m: m.start(), default=None)
    if first is None or first.start() > 200:
        return _latin_scale(rest, name)
    if first is count:
        return _count_value(first.group(1)), _spelled_unit(first.group(2)), ""
    if first is latin:
        return _count_value(first.group(1)), _named_unit(name), ""
    if first.group(1) == "ระดับ":
        return float(first.group(2)), "ระดับ", ""
    whole = _point_speck(first.group(2))
    return (whole, "ร้อยละ", PERCENT_POINT_SPECK) if whole else (float(first.group(2)), "ร้อยละ", "")


# The scale word read as Latin further on, after a KPI's wording that runs past its quoted title,
# a speck glued to it (`“ศูนย์…” ครบทุกองค์กรปกครองส่วนท้องถิ่น Saya. 100 และ…` for ร้อยละ ๑๐๐).
_LATIN_SCALE_LATER = re.compile(r"\s[A-Za-z]{2,6}\.?\s?(\d{1,3})(?=\s|$)")
_TOP_LEVEL = 5  # a ระดับ target is one of five scoring levels (เกณฑ์การให้คะแนน ๕ ระดับ)
PERCENT_FROM_VALUE = "percent_unit_from_value"


def _latin_scale(rest: str, name: str) -> tuple[float | None, str, str]:
    """A target whose scale word came out Latin: right after the name, or later in its first
    lines. The name says the scale (ระดับความสำเร็จ… ระดับ ๕, ร้อยละของ… ร้อยละ ๘๕); where it does
    not, a value above the top level and at most 100 can only be a percentage (flagged)."""
    m, unit = _LATIN_SCALE.match(rest) or _LATIN_SCALE_LATER.search(rest[:200]), _scale_unit(name)
    if m is None:
        return None, "", ""
    value = float(m.group(1))
    if unit:
        return value, unit, ""
    return (value, "ร้อยละ", PERCENT_FROM_VALUE) if _TOP_LEVEL < value <= _WHOLE else (None, "", "")


# A count whose unit the `eng` model read as Latin (`จำนวน 878 qué` for ๘๗๘ ศูนย์), a speck before
# the number read as a Latin letter too (`จำนวน c878 Mud`).
_LATIN_UNIT = re.compile(rf"{_COUNT_WORD}\s*[A-Za-z]?(\d[\d,]*)\.?\s*[A-Za-z]{{2,4}}(?![A-Za-z])")
# The classifier Thai counts a noun with: centres by ศูนย์; organisations, agencies and places by แห่ง;
# people by คน.
_CLASSIFIERS = {"ศูนย์": "ศูนย์", "องค์กร": "แห่ง", "หน่วยงาน": "แห่ง", "สถานที่": "แห่ง", "อปท": "แห่ง",
                "ประชาชน": "คน", "บุคลากร": "คน", "เจ้าหน้าที่": "คน", "โครงการ": "โครงการ"}
_COUNTED = re.compile("|".join(_CLASSIFIERS))


def _named_unit(name: str) -> str:
    """The unit of a count read as Latin: the classifier of the first thing the KPI's name counts
    (การจัดตั้งศูนย์… จำนวน 878 ศูนย์; องค์กรปกครองส่วนท้องถิ่นที่ผ่านเกณฑ์… จำนวน 6,500 แห่ง), or none."""
    m = _COUNTED.search(name)
    return _CLASSIFIERS[m.group(0)] if m else ""


def _garbled_unit(rest: str) -> re.Match[str] | None:
    """A count after จำนวน whose unit is one letter off a unit word (`แหท่ง`): `_spelled_unit`
    then names the unit word."""
    m = _COUNT_ANY_WORD.search(rest)
    return m if m and _one_off_unit(m.group(2)) else None


_MIN_FUZZY = 3  # letters, marks aside: a shorter unit (คน) is one letter off too many words


def _one_off_unit(word: str) -> str:
    bare = strip_marks(word)
    near = [u for u in _UNIT_WORDS if len(strip_marks(u)) >= _MIN_FUZZY
            and Levenshtein.distance(strip_marks(u), bare) <= 1]
    return near[0] if len(near) == 1 else ""


def _spelled_unit(found: str) -> str:
    bare = strip_marks(found)
    return next((u for u in _UNIT_WORDS if strip_marks(u) == bare), "") or _one_off_unit(found) or found


def _count_value(text: str) -> float:
    """A count of places or people has no decimals: a point in it is OCR's (๗,๐๐๐ read as
    `7,00.0`), and every digit belongs to the count."""
    return float(re.sub(r"\D", "", text))


def _due(rest: str) -> dt.date | None:
    """Month end for `ภายในเดือน…` or `(เม.ย. 61)`; the letter's own reply deadline is not a KPI's."""
    rest = _REPLY.split(rest[:250])[0]
    for m in _DUE_MONTH.finditer(rest):
        after = rest[m.end() : m.end() + 40]
        dates = find_thai_dates(after)
        if dates and dates[0].start <= 3:
            return dates[0].date
        month_year = find_month_year(after)
        if month_year and re.match(r"^\s*(?:เดือน)?\s*[ก-๛]", after):
            return month_end(*month_year)
    return None


def _owner(rest: str) -> str:
    m = _OWNER.search(rest) or _UNIT_OWNER.search(rest.strip())
    return " ".join(m.group(1).split()) if m else ""


def _numbered_items(text: str, page: int, hint: int | None) -> list[Indicator]:
    """`1.1 …` items of a KPI memo, and their `(n)` sub-items coded `5.2(8)`."""
    out: list[Indicator] = []
    parent = ""
    for line in text.splitlines():
        item, sub = _ITEM.match(line), _SUB_ITEM.match(line)
        if item:
            parent = item.group(1)
            out.append(_from_chunk(parent, item.group(2), _fiscal_in(text, hint), page))
        elif sub and parent:
            out.append(_from_chunk(f"{parent}({sub.group(1)})", sub.group(2), _fiscal_in(text, hint), page))
    return out


def _fiscal_in(text: str, hint: int | None) -> int | None:
    m = FISCAL_YEAR.search(text)
    return fiscal_year_of(m.group(1)) if m else hint


def _kpi_table(text: str, page: int, hint: int | None) -> list[Indicator]:
    """Rows `ลำดับ | ประเด็น | ตัวชี้วัด | เป้าหมาย | 1..5 | สำนัก/กอง | หมายเหตุ` (tab-separated)."""
    if not re.search(loose("เกณฑ์การให้คะแนน"), text):
        return []
    out = []
    for line in text.splitlines():
        m = _TABLE_ROW.match(line)
        if m:
            levels = m.group("levels").split()
            name = _clean(m.group("text"))
            out.append(Indicator(
                code=m.group("code"), name=name, fiscal_year=_fiscal_in(text, hint),
                target_value=float(m.group("target")), target_unit=_scale_unit(name),
                owner=m.group("owner"), levels=levels, page=page,
            ))
    return out


def _scale_unit(name: str) -> str:
    """The unit a KPI table row is scored in, when its wording says (ร้อยละของ…, ระดับความสำเร็จ…)."""
    if "ร้อยละ" in name:
        return "ร้อยละ"
    return "ระดับ" if "ระดับความสำเร็จ" in name else ""


_BE = 543
_FISCAL_START = 10  # the Thai fiscal year begins in October


def settle_fiscal_years(found: list[Indicator], letter_date: dt.date | None,
                        letter_fiscal: int | None = None, cited: dt.date | None = None) -> list[Indicator]:
    """A KPI letter sets targets for the fiscal year it is written in or one either side. A year
    OCR lost (`พ.ศ. 563`, `พ. fi.`) or misread out of its time (2523 for 2563) is taken from the
    letter's date: the year of those three that keeps most of the printed digits in place, the
    letter's own on a tie or when none was read. Without a date to trust, the fiscal year the
    letter prints (its subject's ประจำปีงบประมาณ พ.ศ. 2563), if of its time, anchors instead; without
    either, the date of the latest letter it cites (a letter follows what it cites by days or
    months: seen, a date OCR ran together, `ต19ฤศจิกายนย2564`, and a KPI's year read 2465)."""
    own = _own_fiscal_year(letter_date, letter_fiscal)
    if own is None and cited is not None:
        own = _own_fiscal_year(cited, None)
    if own is None:
        return found
    near = (own, own - 1, own + 1)
    return [replace(ind, fiscal_year=_nearest_year(ind.fiscal_year, near)) if _misread(ind.fiscal_year) else ind
            for ind in found]


def _own_fiscal_year(letter_date: dt.date | None, letter_fiscal: int | None) -> int | None:
    if letter_date is not None and not out_of_its_time(letter_date):  # a date whose year OCR misread is no anchor
        return letter_date.year + _BE + (letter_date.month >= _FISCAL_START)
    return None if _misread(letter_fiscal) else letter_fiscal


def _misread(year: int | None) -> bool:
    """No year, or one before any record of the department or after next year (a year read
    cleanly stands, even far from the letter's: a letter may look back)."""
    return year is None or not FIRST_YEAR <= year - _BE <= dt.date.today().year + 1


def _nearest_year(printed: int | None, near: tuple[int, ...]) -> int:
    if printed is None:
        return near[0]
    same = [sum(a == b for a, b in zip(str(printed), str(year), strict=False)) for year in near]
    return near[same.index(max(same))]
