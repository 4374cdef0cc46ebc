"""Keyword patterns for Thai official letters (หนังสือราชการ), tolerant of OCR.

Tesseract often drops Thai combining marks (เรื่อง → เรือง, บันทึกข้อความ → บนทกขอความ,
ที่ → ที), so every keyword is matched with its marks optional. Patterns are anchored at
line start by the callers, which keeps the looseness from matching inside body text.
"""

from __future__ import annotations

import re
from functools import cache

from pythainlp.util.date import thai_full_months

from pipeline.thai.dates import find_thai_dates
from pipeline.thai.ocr_repair import close_torn_spaces

_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
# Markdown, bullets and OCR specks (curly quotes, a bar read as !, `=`, a speck read as `;`, ink
# read as `@`, `~`, `^`, `«`: `@# บันทึกข้อความ`) before a keyword.
LEAD = r"^[\s#*\-–•'\".,;|!:_“”‘’=@~^«»]*"
# Before a header label, a speck of ink or stamp read as a short Latin word or a digit
# (`7 เรื่อง`, `by | บนทกขอความ`), or as one Thai letter with its marks (`ไ เรื่อง`,
# `วี บันทึกข้อความ`: no Thai word is a lone letter before a label); a list number (`1.`,
# `2)`) is not a speck.
LABEL_LEAD = LEAD + r"(?:(?:[A-Za-z0-9]{1,3}(?![.)\w])|[ก-ฮเ-ไ][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]{0,2})[\s|:.'\"]+)?"


def loose(word: str) -> str:
    """Regex for `word` with each combining mark optional."""
    return "".join(f"{re.escape(c)}?" if _MARK.match(c) else re.escape(c) for c in word)


_TONES = "\u0e48-\u0e4b"  # mai ek, mai tho, mai tri, mai chattawa


def loose_tones(word: str) -> str:
    """`loose`, and any tone mark may stand for another: Tesseract reads ้ as ่ (ตัวชี่วัด)."""
    return "".join(f"[{_TONES}]?" if re.match(f"[{_TONES}]", c) else loose(c) for c in word)


def spaced(word: str) -> str:
    """`loose`, and a space may fall between any two characters."""
    return "\\s?".join(loose(c) for c in word)


# `ที่` before a number as OCR reads it: marks dropped or swapped (ที, ทิ, ท), or Latin `fi`.
THI = "(?:ท[\u0e34-\u0e37]?[\u0e48-\u0e4b]?|fi)"


@cache
def starts_with(*words: str) -> re.Pattern[str]:
    """Line starts with one of `words` (marks optional), after leading specks."""
    alts = "|".join(loose(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"{LEAD}(?:{alts})")


# A title alone on its line; a stamp's or the garuda's speck may trail it (`บันทึกข้อความ 3`), and OCR
# may space its two words (`บันทึก ข้อความ`).
_MEMO_WORDS = f"{loose('บันทึก')}\\s?{loose('ข้อความ')}"
MEMO_TITLE = re.compile(f"{LABEL_LEAD}{_MEMO_WORDS}[\\s.*#|'\"]*(?:\\s[^\\sก-๛]{{1,2}})?[\\s.*#|'\"]*$")
# `ไ เรื่อง`: see LABEL_LEAD; its เ read twice (`เเรื่อง`), or lost with its marks kept (`รื่อง รายงาน…`:
# รอง, the word a line may start with, has no ื).
SUBJECT = re.compile(f"{LABEL_LEAD}(?:เ?{loose('เรื่อง')}|ร\u0e37\u0e48?อง(?=[\\s.:]))[\\s.:]*")
# `เรียน` also read as `รียน`/`เรยน`, or with a speck read as a tone mark (`เรี่ยน`); `จึงเรียนมา`
# never starts a line with เรียน.
# A memo's ถึง is often set flush against the addressee (ถึงสำนักงาน…), OCR may set a speck
# after it (`ถึง. สำนักงาน`), and OCR drops the space after เรียน; the titles an addressee
# starts with tell it from ถึงแม้ and the like.
ADDRESSEE_TITLE = ("สำนักงาน", "ผู้ว่าราชการ", "ผู้อำนวยการ", "อธิบดี", "ปลัด", "นายอำเภอ",
                   "นายก", "หัวหน้า", "ท้องถิ่นจังหวัด", "ท้องถิ่นอำเภอ", "รองอธิบดี", "ประธาน", "เลขาธิการ")
_TITLE_AHEAD = "|".join(loose(t) for t in ADDRESSEE_TITLE)
ADDRESSEE = re.compile(
    f"{LABEL_LEAD}(?:เ?ร{loose('ี')}[\u0e48-\u0e4b]?ยน(?!มา)|{loose('ถึง')}(?=[.:]?\\s|{_TITLE_AHEAD}))[\\s.:]*")
REFERENCE_HEAD = re.compile(f"{LABEL_LEAD}{loose('อ้างถึง')}[\\s.:]*")
# OCR may also set a space between its words (`สิ่งที่ ส่งมาด้วย`).
ATTACHMENT_HEAD = re.compile(
    f"{LABEL_LEAD}(?:{loose('สิ่งที่')}\\s?{loose('ส่งมาด้วย')}|\\S{{0,4}}\\s*{loose('ส่งมาด้วย')})[\\s.:]*")
# The urgency mark is set large and spaced: OCR may split it (`ด่วนทีส ด`).
# A speck before it may be read as เ (`เดวนทสด`): no Thai word starts เด่วน.
# A large stamped ด่วน loses its tone mark and its ว reads as ง (ดงน) at times.
# Its ว may also come out doubled as วง (`ดวงนทสุด`): no Thai word starts ดวงนท or ดวงนม.
# The ี of ที่ may read as ิ (`ด่วนทิสุด`).
_WO = "(?:วง?|ง)"
URGENCY = re.compile(
    f"{LEAD}เ?({spaced('ด่วนที่สุด').replace('ว', _WO).replace('ี?', '[ิี]?')}|{spaced('ด่วนมาก').replace('ว', _WO)}"
    f"|{spaced('ด่วน').replace('ว', '[วง]')})(?![ก-๛])")


def strip_marks(text: str) -> str:
    return _MARK.sub("", text)


def specked(word: str) -> str:
    """Regex for `word`'s letters with any marks OCR set on them, or lost (`เลิข์รับ` for เลขรับ):
    for a short label whose letters alone tell it."""
    return f"{_MARK.pattern}*".join(re.escape(c) for c in strip_marks(word)) + f"{_MARK.pattern}*"


# วัน of a reply deadline's ภายในวันที่: a speck over it is read as one more mark at times
# (`ภายในวั้นที่ 2o6 มิถุนายน`), which `loose` would not pass over; its letters tell it.
DEADLINE_DAY = specked("วัน")


# The stamp's number label; a handwritten stamp's ink sets marks on it (`เลิข์รับ 1130`), or a
# comma, a dash or a speck read as @ or a quote after it (`เลขรับ, 1298`, `เลขรับ - 2796`, `เลขรับ .@826`,
# `เลขรับ “6.52`).
_RECEIVED = f"{specked('เลขที่รับ')}|{specked('เลขรับ')}"
STAMP_NUMBER = re.compile(
    f"(?:{_RECEIVED}|{loose('รับที่')})[\\s.:,…\\-–@'\"“”‘’]*([0-9A-Za-z][0-9A-Za-z/\\-]*)")
# A stamp's เลขรับ row even when its number is unreadable (`'เลขรับ ท3 |` for ๓๖๕๓).
STAMP_HEAD = re.compile(f"{LEAD}(?:{_RECEIVED})[\\s.:…]*")
# A stamp's วันที่ label with a hand's speck read as a tone mark on its ว (`วั้นที่ 18/4/62`).
STAMP_DAY = loose("วันที่").replace("\u0e31?", "[\u0e31\u0e48-\u0e4b]{0,2}")
STAMP_LINE = re.compile(f"{LEAD}(?:{_RECEIVED}|{loose('เวลา')}|{STAMP_DAY})")
# A stamp's time row (`เวลา 15.15 น.`): a letter's header has none, so the วันที่ row over it is
# the stamp's even when OCR garbled its เลขรับ label (`เสขรับ 135 7`).
STAMP_TIME = re.compile(f"{LEAD}{loose('เวลา')}[\\s.:]*\\d")
# A memo's ส่วนราชการ label, torn by a scan spaced out glyph by glyph (`ส่วน รา ช ก า ร`).
MEMO_OFFICE = re.compile(f"{LABEL_LEAD}{spaced('ส่วนราชการ')}[\\s.:]*")
CLOSING = re.compile(f"{LEAD}(?:{loose('ขอแสดงความนับถือ')}|{loose('จึงเรียนมา')})")
URGENCY_WORDS = {"ด่วนที่สุด": "ด่วนที่สุด", "ด่วนมาก": "ด่วนมาก", "ด่วน": "ด่วน"}


# The urgency mark is set large, often boxed, above the header: OCR reads the box's edge before it
# (`[ด่วนที่สุด|`, `ไ2ดวนทสุด7`), a letter twice (`ดวนทสุดด`), a letter as its look-alike
# (`ด่วมทิสด`), or only part of it (`เที่สุด`, `ดอุมมาก`, `ด่วนมา`). On a short line alone nothing
# else reads so.
_MARK_TAIL = {"ด่วนที่สุด": re.compile("ท[\u0e34-\u0e37]?[\u0e48-\u0e4b]?ส\u0e38?ด"),
              "ด่วนมาก": re.compile(r"^[^ก-๛]{0,3}ด\S{0,3}มาก?$|^[^ก-๛]{0,3}ด\S{0,3}มาก")}
SHORT_MARK = 20  # characters, spaces aside, of a line that holds the mark and its specks


def urgency_mark_level(line: str) -> str:
    """The urgency level a short line alone reads as (its mark damaged as above), else ""."""
    compact = re.sub(r"\s", "", line)
    if len(compact) > SHORT_MARK:
        return ""
    m = URGENCY.match(line[line.find("ด"):]) if "ด" in compact[:4] else None
    if m:
        return canonical_urgency(m.group(1))
    return next((level for level, tail in _MARK_TAIL.items() if tail.search(compact)), "")


def canonical_urgency(found: str) -> str:
    """Map an OCR-damaged urgency word back to one of the three official levels."""
    bare = strip_marks(found).replace(" ", "").replace("วง", "ว")
    if bare.startswith(strip_marks("ด่วนที่สุด")):
        return "ด่วนที่สุด"
    if bare.startswith(strip_marks("ด่วนมาก")):
        return "ด่วนมาก"
    return "ด่วน"


def is_date_only(line: str, long_years: bool = False) -> bool:
    """A line that is just a date (optionally `วันที่` before it): the date line of a header."""
    dates = find_thai_dates(line, long_years=long_years)
    if len(dates) != 1:
        return False
    rest = line[: dates[0].start] + line[dates[0].end :]
    rest = re.sub(f"{loose('วันที่')}|{loose('ลงวันที่')}", "", rest)
    return len(re.sub(r"[\s.,:\-–|'\"“”]", "", rest)) <= 2


# Words printed with a space before them even where a line wraps (ประจำปีงบประมาณ / พ.ศ. 2565).
# รอบการประเมิน (an appraisal round) stands apart from the words before it too.
_SPACED_WORDS = ("พ.ศ", "ประจำ", "จำนวน", "ภายใน", "และ", "หรือ", "โดย", "ณ ", "เพื่อ", "ระดับ ", "ร้อยละ ",
                 "รอบการประเมิน")


_INNER_SPACE = re.compile("(?<=[ก-๛]) (?=[ก-๛])")
_THAI_MONTHS = tuple(thai_full_months)


def unspace_phrase(text: str) -> str:
    """A one-phrase field with the spaces OCR set inside its words closed (close_torn_spaces).
    Where it closed two or more, the scan spaced the line out glyph by glyph (distributed Thai
    justification), so its other spaces between Thai words are the scan's too, but for those
    Thai prints (before ประจำ, พ.ศ., และ …, and a month after ประจำเดือน)."""
    keep = (*_SPACED_WORDS, *_THAI_MONTHS)
    text, closed = close_torn_spaces(text, keep)
    if closed < 2:
        return text
    return _INNER_SPACE.sub(lambda m: m[0] if text[m.end():].startswith(keep) else "", text)


_WRAP_SPECK = re.compile(r"^[|,.'\"“”:;]+\s+")


def smart_join(parts: list[str]) -> str:
    """Join wrapped lines: Thai words broken by a line end join without a space."""
    out = ""
    for part in (p.strip() for p in parts):
        if out:
            part = _WRAP_SPECK.sub("", part)  # `, ช่วยเหลือ…`: OCR's speck where a wrapped line starts
        if not part:
            continue
        glue = re.match("[ก-๛]", out[-1:]) and re.match("[ก-๛]", part[:1]) and not part.startswith(_SPACED_WORDS)
        out = f"{out}{part}" if glue or not out else f"{out} {part}"
    return out


# ปีงบประมาณ and its year; OCR swaps the upper vowel (ปิงบประมาณ), drops it or sets a tone mark
# with it or for it (ปี่งบประมาณ, ป่งบประมาณ).
# The era's dots doubled or read as `,`/`:` (`พ.ศ..2561`, `พ:ศ.`).
# The era read as Latin by the `eng` model (`WA.`, `wa.`), its พ as ห (`ห.ศ.`), a speck read as a
# parenthesis before the year (`พ.ศ. (2557`) or after ประมาณ (`ประมาณ'พ.ศ.`, `ประมาณ. พ.ศ.`).
# A spaced-out scan tears the word and the era (`ปีงบปร ะ มาณ พ .ศ.`) and a speck before the year
# reads as a lone digit (`พ.ศ. 2 2562`) or a bar (`พ.ศ.. ! 2559`).
FISCAL_YEAR = re.compile(r"ป[\u0e34-\u0e37]?[\u0e48-\u0e4b]?" + "\\s?".join("งบประมาณ") + r"[\s.'’]*"
                         r"(?:[พห]\s?[.,:]{0,2}\s?ศ\s?[.,:]{0,2}|[A-Za-z]{1,2}[.,:]{0,2}\s?[A-Za-z]?[.,:]{0,2})?"
                         r"\s*(?:\d\s)?[(\[!|]?\s*(\d{4}|25\d[,.]\d)(?:(?<=25\d\d)\d{1,2})?(?!\d)")


def fiscal_year_of(found: str) -> int:
    """The year FISCAL_YEAR caught, a speck OCR set inside it left out (`256,2`)."""
    return int(re.sub(r"\D", "", found))


_SUBJECT_SKELETON = strip_marks("เรื่อง")  # เรอง: the letters OCR keeps when it garbles marks
# เรื่อง torn after its ร, its thin เ lost (`รี อง โครงการ…`): ร and อง apart are no words.
_TORN_AFTER_RO = re.compile("^[\\s|:.'\"]*เ?ร[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]{0,2}\\s+"
                            "อ[\u0e47-\u0e4e]?ง(?=[\\s.:])[\\s.:]*")
_FIRST_TOKENS = re.compile(f"{LABEL_LEAD}(\\S+)(?:\\s+(\\S+))?")


def garbled_subject_label(text: str) -> int:
    """Where a garbled เรื่อง ends at the start of `text` (0: none). OCR swaps one letter
    (`เสื่อง`), a mark for a vowel (`เรียง`), splits the label (`เร อง`) or loses its last
    letter (`เรื่อ`): its letters less marks are เรอง but for one, exactly เรอง over two pieces,
    or เรอ before the subject's words. `เรียน` (two off) is not it."""
    m = _FIRST_TOKENS.match(text)
    if not m:
        return 0
    first = strip_marks(m.group(1).rstrip(".:"))
    if len(first) == len(_SUBJECT_SKELETON) and _mismatches(first, _SUBJECT_SKELETON) <= 1:
        return m.end(1)
    if m.group(2) and len(first) <= 3 and strip_marks(first + m.group(2).rstrip(".:")) == _SUBJECT_SKELETON:
        return m.end(2)  # split before its last letter too (`เรอ ง การติดตาม…`): the piece is no word
    if torn := _TORN_AFTER_RO.match(text):
        return torn.end()
    if first == _SUBJECT_SKELETON[:-1] and m.group(2):  # its last letter lost (`เรื่อ โครงการ…`)
        return m.end(1)
    return 0


def _mismatches(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))
