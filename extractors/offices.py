"""Office and position names of local-administration letters (ส่วนราชการ / ตำแหน่ง), spelled right.

A letter's sender, addressee and signatory position are nearly always built from a small set
of names: the department (กรมส่งเสริมการปกครองท้องถิ่น) and its bureaus, a province's or
district's local-administration office, a governor, a district chief. OCR drops, swaps and adds
marks and spaces inside these long names (กรมสงเสริม…, อธิบดี กรมสังเสริม…ท้องถื่น). A field
that starts with one of them — compared on its consonants and vowels alone, marks, spaces
and specks ignored — takes the name's spelling for that part; a place name after a
`…จังหวัด` / `…อำเภอ` name takes the gazetteer's spelling only when it is the same name
letter for letter (marks aside): a province is never guessed from a near miss. The rest of
the field stays as read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from extractors.places import district_names, province_names
from pipeline.thai.chars import COMBINING_MARKS

_MARKS = re.compile(f"[{COMBINING_MARKS}]")
_SKIP = re.compile("[^\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46]")  # what the comparison ignores

DEPARTMENT = "กรมส่งเสริมการปกครองท้องถิ่น"
# Names that stand alone: the department, its head and its bureaus, as the seeds print them.
FIXED = (
    DEPARTMENT, f"อธิบดี{DEPARTMENT}", f"รองอธิบดี{DEPARTMENT}",
    "กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น", "สำนักพัฒนาและส่งเสริมการบริหารงานท้องถิ่น",
    "สำนักบริหารงานบุคคลส่วนท้องถิ่น", "ส่วนมาตรฐานการบริหารงานบุคคล", "กองตรวจราชการ",
    "สำนักงานเลขานุการกรม", "กองคลัง", "กองกฎหมายและระเบียบท้องถิ่น", "กองการเจ้าหน้าที่",
    "สำนักการคลังและบัญชีท้องถิ่น", "กองแผนงานและงบประมาณ", "ศูนย์เทคโนโลยีสารสนเทศท้องถิ่น",
    "สถาบันพัฒนาบุคลากรท้องถิ่น", "สำนักประสานและพัฒนาการจัดการศึกษาท้องถิ่น",
    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ทุกจังหวัด", "ผู้ว่าราชการจังหวัด ทุกจังหวัด",
)
# Addressees that name a group of offices rather than one, as the seeds print them.
GROUPS = (
    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตามบัญชีแนบท้าย)", "ผู้อำนวยการสำนัก/กอง ที่เกี่ยวข้อง",
    "ท้องถิ่นอำเภอ ทุกอำเภอ", "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ ทุกอำเภอ",
)
# Names completed by a province (จังหวัด…) or a district (อำเภอ…).
PROVINCE_HEADS = ("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด", "ท้องถิ่นจังหวัด", "ผู้ว่าราชการจังหวัด",
                  "รองผู้ว่าราชการจังหวัด", "ศาลากลางจังหวัด", "นายกองค์การบริหารส่วนจังหวัด")
DISTRICT_HEADS = ("สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ", "ท้องถิ่นอำเภอ", "นายอำเภอ", "ที่ว่าการอำเภอ")


def skeleton(text: str) -> str:
    """The letters that OCR keeps: consonants and vowels, without marks, spaces or specks."""
    return _SKIP.sub("", text)


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], dict[str, str]]:
    """Skeleton → gazetteer spelling, for provinces and for districts (without อำเภอ/เขต)."""
    provinces = {skeleton(name): name for name in province_names().values()}
    districts: dict[str, str] = {}
    for name in district_names().values():
        bare = re.sub(r"^(?:อำเภอ|เขต)", "", name)
        districts.setdefault(skeleton(bare), bare)
    return provinces, districts


def _prefix_end(text: str, head: str) -> int | None:
    """Where `head` ends in `text`, if `text` starts with it letter for letter (marks aside)."""
    want, k = skeleton(head), 0
    for i, ch in enumerate(text):
        if k == len(want):
            return i
        if _SKIP.match(ch):
            continue
        if ch != want[k]:
            return None
        k += 1
    return len(text) if k == len(want) else None


def _with_place(text: str, head: str, end: int, places: dict[str, str]) -> str:
    rest = text[end:]
    lead = re.match(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*", rest)
    rest = rest[lead.end() if lead else 0 :]  # the head's own last marks, read past its letters
    word = re.match(r"\s*([\u0e01-\u0e4e]+)", rest)
    if word and skeleton(word.group(1)) in places:
        return head + places[skeleton(word.group(1))] + _unless_ink(rest[word.end():])
    return head + rest


def _unless_ink(rest: str) -> str:
    """What follows a place's name, unless it is specks and single letters (`ประจวบคีรีขันธ์ : ก ต`)."""
    return "" if all(len(t) <= 1 or not re.search("[\u0e01-\u0e4e0-9A-Za-z]", t) for t in rest.split()) else rest


def canonical_office(text: str) -> str:
    """`text` with a known office or position name at its start spelled right; else as read."""
    stripped = text.strip()
    for name in sorted(FIXED, key=len, reverse=True):
        end = _prefix_end(stripped, name)
        if end is not None and not re.match("[\u0e01-\u0e4e]", stripped[end:end + 1]):
            return name + stripped[end:]
    provinces, districts = _places()
    for heads, places in ((PROVINCE_HEADS, provinces), (DISTRICT_HEADS, districts)):
        for head in sorted(heads, key=len, reverse=True):
            end = _prefix_end(stripped, head)
            if end is not None:
                return _with_place(stripped, head, end, places)
    return text


_NEAR_SHARE = 0.12  # of the name's letters: at most this many OCR slips (dropped, doubled, swapped)
_RUNNER_UP_GAP = 3  # the next nearest name is this many slips further: no doubt which was meant


def closest_fixed_name(text: str) -> str:
    """`text` as the one fixed or group name it is an OCR-damaged copy of, compared on the
    letters OCR keeps (`Ani ขักงานส่งเสริม…(ตามบัญชีแนบท้าย)`, `(ตาม Tus ชีแนบท้าย)`,
    `อธิบดีกรมส่งเสริมกำรปกครอง…`); else as given. Only near and unambiguous matches count, and
    a name completed by a place never does (a province is not guessed from a near miss)."""
    letters = skeleton(text)
    if not letters or _names_a_place(text):
        return text
    ranked = sorted((Levenshtein.distance(letters, skeleton(name)), name) for name in (*FIXED, *GROUPS))
    (best, name), runner_up = ranked[0], ranked[1][0]
    if best <= _NEAR_SHARE * len(skeleton(name)) and runner_up - best >= _RUNNER_UP_GAP:
        return name
    return text


_HEAD = f"อธิบดี{DEPARTMENT}"
_TAIL = skeleton("การปกครองท้องถิ่น")
_TAIL_SLIPS = 3  # of its 14 letters, as on the scans (`ปกตรองทห้องลิ่น`)
_HEAD_LEAD = len(skeleton("อธิบดีกรมส่งเสริม")) + 3  # letters before the tail: a title, no more
# A province's office cut short of its province (`สำนักงานส่งเสริมการปกครองท้องถิ่น`) is no head.
_OFFICE_LEADS = (skeleton("สำนักงานส่งเสริม"), skeleton("สนง.ส่งเสริม"))


def head_of_department_by_tail(text: str) -> str:
    """An addressee OCR garbled but for its end, the department's (`ระงแรริมการปกครองท้องถิ่น`,
    `ออธิบดีกรมส่งเสริมการปกครองท้องถิ่น`): one addressed at the department is its head, the
    อธิบดี, when a title's worth of letters stands before the end and not a deputy's รอง or
    another office's name (`ผู้อำนวยการกองคลัง กรมส่งเสริม…`, `สำนักงานส่งเสริม…`); else `text`."""
    letters = skeleton(text)
    cut = max(0, len(letters) - len(_TAIL))
    starts = range(max(0, cut - 2), min(len(letters), cut + 3))
    ends_so = min((Levenshtein.distance(letters[k:], _TAIL) for k in starts), default=len(_TAIL))
    lead = letters[:cut]
    if ends_so <= _TAIL_SLIPS and 0 < len(lead) <= _HEAD_LEAD and not lead.startswith("รอง") \
            and not any(Levenshtein.distance(lead, office) <= 1 for office in _OFFICE_LEADS):
        return _HEAD
    return text


def _names_a_place(text: str) -> bool:
    """`text` is a province's or district's name with its head (…อำเภอฆ้องชัย), letter for letter."""
    provinces, districts = _places()
    for heads, places in ((PROVINCE_HEADS, provinces), (DISTRICT_HEADS, districts)):
        for head in heads:
            end = _prefix_end(text.strip(), head)
            word = re.match(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*\s*([\u0e01-\u0e4e]+)", text.strip()[end:]) \
                if end is not None else None
            if word and skeleton(word.group(1)) in places:
                return True
    return False


_NAMES = (*FIXED, *PROVINCE_HEADS, *DISTRICT_HEADS)
_WRAP_SLIP_LETTERS = 12  # one OCR slip (`ทห้องถิ่น`) allowed per this many letters read so far


def cut_short(text: str) -> bool:
    """Is `text` a known office name cut before its end, as a letterhead wraps it
    (`สำนักงานส่งเสริม` / `การปกครองท้องถิ่นจังหวัด` / `มุกดาหาร`): the start of a longer name, or
    a head that still wants its province or district?"""
    letters = skeleton(text)
    if not letters or _names_a_place(text):
        return False
    heads = {skeleton(h) for h in (*PROVINCE_HEADS, *DISTRICT_HEADS)}
    return letters in heads or any(_starts_like(skeleton(name), letters) and len(skeleton(name)) > len(letters)
                                   for name in _NAMES)


def wraps_on(text: str, line: str) -> bool:
    """Does `line` carry on the name `text` was cut short of: more of the same name, or the rest
    of a head with the place it wants (never an address such as ศาลากลางจังหวัด… under the name)?"""
    read, more = skeleton(text), skeleton(line)
    if not more:
        return False
    if any(_carries_on(skeleton(name), read, more) for name in _NAMES):
        return True
    provinces, districts = _places()
    return any(_carries_on(skeleton(head), read, more[:len(skeleton(head)) - len(read)])
               and _opens_with_place((read + more)[len(skeleton(head)):], places)
               for heads, places in ((PROVINCE_HEADS, provinces), (DISTRICT_HEADS, districts)) for head in heads
               if len(skeleton(head)) >= len(read))


def _starts_like(name: str, letters: str) -> bool:
    """`letters` is the start of `name`, allowing one OCR slip per dozen letters."""
    return Levenshtein.distance(letters, name[:len(letters)]) <= len(letters) // _WRAP_SLIP_LETTERS


def _carries_on(name: str, read: str, more: str) -> bool:
    """`read + more` is the start of `name`, the slips `more` brings within its own allowance."""
    before = Levenshtein.distance(read, name[:len(read)])
    joined = read + more
    return before <= len(read) // _WRAP_SLIP_LETTERS and \
        Levenshtein.distance(joined, name[:len(joined)]) <= before + len(more) // _WRAP_SLIP_LETTERS


def _opens_with_place(letters: str, places: dict[str, str]) -> bool:
    return any(letters.startswith(place) for place in places)
