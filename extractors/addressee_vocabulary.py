"""An addressee OCR garbled after its title, judged against the department's closed vocabulary.

A photographed page may keep an addressee's opening words and garble the rest past any near
copy (`อธิบดีกรมสมจิบกาท` for อธิบดีกรมส่งเสริมการปกครองท้องถิ่น). offices.closest_fixed_name needs most
letters right; here the rule is narrower: the line opens with อธิบดีกรม letter for letter, what
follows is no run of dictionary words (a real department, กรมบัญชีกลาง, reads as words and is
left alone) and starts as ส่งเสริม does. In this paperwork that is the department's head. The
letter names the reading (`addressee_corrected:old>new`): it is a vocabulary guess, not a read.
"""

from __future__ import annotations

from extractors.offices import DEPARTMENT, skeleton
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
