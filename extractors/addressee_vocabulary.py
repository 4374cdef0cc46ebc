"""An addressee OCR garbled after its title, judged against the department's closed vocabulary.

A photographed page may keep an addressee's opening words and garble the rest past any near
copy (`อธิบดีกรมสมจิบกาท` for อธิบดีกรมส่งเสริมการปกครองท้องถิ่น). offices.closest_fixed_name needs most
letters right; here the rule is narrower: the line opens with อธิบดีกรม letter for letter, what
follows is no run of dictionary words (a real department, กรมบัญชีกลาง, reads as words and is
left alone) and starts as ส่งเสริม does. In this paperwork that is the department's head. The
letter names the reading (`addressee_corrected:old>new`): it is a vocabulary guess, not a read.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from extractors.offices import DEPARTMENT, FIXED, GROUPS, skeleton
from extractors.places import match_district
from pipeline.thai.dictionary import unknown_letters

ADDRESSEE_CORRECTED = "addressee_corrected"  # a letter flag: `flag:old>new`

_HEAD = "อธิบดีกรม"
_HEAD_OF_DEPARTMENT = f"อธิบดี{DEPARTMENT}"
_DEPARTMENT_REST = skeleton(DEPARTMENT[len("กรม"):])


def _rest_after_head(text: str) -> str | None:
    """What follows อธิบดีกรม (marks and spaces aside) in `text`, or None when it does not open so."""
    want, k = skeleton(_HEAD), 0
    for i, ch in enumerate(text):
        if k == len(want):
            return text[i:]
        if skeleton(ch) == "":
            continue
        if ch != want[k]:
            return None
        k += 1
    return None


def head_of_department_by_head(text: str) -> str | None:
    """The department's head for an addressee garbled past its opening อธิบดีกรม; else None."""
    rest = _rest_after_head(text.strip())
    if rest is None or not skeleton(rest) or unknown_letters(rest) == 0:
        return None
    return _HEAD_OF_DEPARTMENT if skeleton(rest)[0] == _DEPARTMENT_REST[0] else None


# A long addressee whose first words OCR garbled past any near copy (`ฮ7ฏ0@(กรยงท้องถิ่นจังหวัด ทุกจังหวัด`,
# `แร็มการปกครองท้องถิ่นจังหวัด (ตรมบัญชีแนบท้ายอค`): the end, read nearly right, names it when it is
# the end of one fixed name only and no more junk stands before it than that name's lost head.
_LONG = 30  # letters: a name this long keeps a telling end
_KEPT_SHARE = 0.55  # of its letters the end read must cover
_TAIL_SLIP_SHARE = 0.12  # slips in the end read, of its letters
_EXTRA_LEAD = 3  # junk letters beyond the head's


def _tail_fit(letters: str, name: str) -> tuple[int, str] | None:
    """(slips, name) when `letters` ends with a near copy of the end of `name` and starts with
    garbled junk no longer than the rest of its head; else None."""
    want = skeleton(name)
    best: tuple[int, int, int] | None = None
    for j in range(1, int(len(want) * (1 - _KEPT_SHARE)) + 1):
        for c in range(1, min(len(letters), j + _EXTRA_LEAD + 1)):
            slips = Levenshtein.distance(letters[c:], want[j:])
            if slips <= _TAIL_SLIP_SHARE * (len(want) - j) and (best is None or slips < best[0]):
                best = (slips, j, c)
    return (best[0], name) if best else None


def fixed_name_by_tail(text: str) -> str | None:
    """The one long fixed or group name `text` is a copy of with its head garbled; else None."""
    letters = skeleton(text)
    if any(Levenshtein.distance(letters, skeleton(n)) <= _TAIL_SLIP_SHARE * len(letters) for n in (*FIXED, *GROUPS)):
        return None  # a whole name read nearly right (อธิบดี… is no garbled รองอธิบดี…)
    fits = sorted(fit for name in (*FIXED, *GROUPS) if len(skeleton(name)) >= _LONG
                  and (fit := _tail_fit(letters, name)))
    if not fits or (len(fits) > 1 and fits[1][0] <= fits[0][0]):
        return None
    return fits[0][1] if fits[0][1] != text else None


# A district's office addressed by its district (`…ท้องถิ่นอำเภอบุ่งล้า`): the district's name is one
# of the gazetteer's 928, and one OCR damaged (a letter lost, บุ่งคล้า read บุ่งล้า) is the one it
# lies nearest, when that one is near enough nationwide.
_DISTRICT_OFFICE = re.compile("^((?:สำนักงานส่งเสริมการปกครอง)?ท้องถิ่นอำเภอ)([ก-๛]{2,})$")


def district_office_by_name(text: str) -> str | None:
    """The district office an addressee names, its district's name put back from the gazetteer
    when OCR damaged it; else None (a name read right, or no district near enough)."""
    m = _DISTRICT_OFFICE.match(text.strip())
    if m is None:
        return None
    found = match_district(m.group(2))
    if found is None or not found.corrected or found.name == m.group(2):
        return None
    return m.group(1) + found.name
