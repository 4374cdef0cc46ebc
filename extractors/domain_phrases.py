"""The phrases local-administration letters print over and over, put back where OCR damaged them.

Subjects of the department's letters are built from a small stock of long phrases (the real
letters in ../shared/seeds print each of these many times): กรมส่งเสริมการปกครองท้องถิ่น,
องค์กรปกครองส่วนท้องถิ่น, ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน … OCR garbles them a letter or a
mark at a time (`กรมส่งเสริมกว่รปกครอง`, `องค์กรปกศรอง`, `สถานที่ึกลาง`, `กรมส่ง เสริม`). A stretch
of text whose letters (marks, spaces and specks aside) are within a letter or two of such a
phrase is the phrase; the longer the phrase, the more slips it may carry and still be told
from any other words. Short phrases are only put back when their letters are all there.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from extractors.offices import skeleton

PHRASES = (
    # The indicator-tracking circulars' own title, slash and all (seeds 002: เรื่อง การติดตามตัวชี้วัด/…).
    "ตัวชี้วัด/นโยบายและแผนงานที่สำคัญของกรมส่งเสริมการปกครองท้องถิ่น",
    "ศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น", "ศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชน",
    "ประสิทธิภาพในการปฏิบัติราชการ", "การประเมินผลการปฏิบัติราชการ", "ขององค์กรปกครองส่วนท้องถิ่น",
    "กรมส่งเสริมการปกครองท้องถิ่น", "มาตรการปรับปรุงประสิทธิภาพ", "องค์กรปกครองส่วนท้องถิ่น",
    "นโยบายและแผนงานที่สำคัญ", "ท้องถิ่นจังหวัดดีเด่น", "ศูนย์ช่วยเหลือประชาชน", "ท้องถิ่นอำเภอดีเด่น",
    "ข้าราชการในสังกัด", "ประจำปีงบประมาณ", "ประจำเดือน", "โครงการคัดเลือก", "รอบการประเมิน", "สถานที่กลาง", "การจัดตั้ง",
    "เร่งรัดการ",
)
# Phrases a slip or two away from other words (ขอให้กรมส่งเสริม…): put back only where every
# letter is there and the marks alone are OCR's (`สำคัญข้องกรมส่งเสริม…`).
EXACT_PHRASES = ("ของกรมส่งเสริมการปกครองท้องถิ่น",)
_LONG, _LONGER = 8, 16  # letters: from here one slip, then two, may be put right
_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_EXTRA = 4  # characters a damaged stretch may hold beyond the phrase's (specks, split marks)


def repair_phrases(text: str) -> str:
    """`text` with each near copy of a stock phrase replaced by the phrase."""
    for phrase in PHRASES:
        text = _repair(text, phrase, _allowed(len(skeleton(phrase))))
    for phrase in EXACT_PHRASES:
        text = _repair(text, phrase, 0)
    return text


def _allowed(letters: int) -> int:
    return 0 if letters < _LONG else 1 if letters < _LONGER else 2


def _repair(text: str, phrase: str, slips: int) -> str:
    """Near copies of one phrase replaced: the nearest stretches first (fewest slips, then one
    that ends where a word does, then the shortest: a slip is never made up out of the letters of
    the word beside it), none overlapping. `ประมาย :` ends at ย: the ณ misread, not lost."""
    want = skeleton(phrase)
    where = [i for i, ch in enumerate(text) if skeleton(ch)]
    letters = "".join(text[i] for i in where)
    ends = {k for k, i in enumerate(where) if not skeleton(text[_past_marks(text, i + 1):][:1])}
    found = sorted(m for k in range(len(letters)) if (m := _match_at(letters, k, want, slips, ends)))
    taken: list[tuple[int, int]] = []
    for _, _, size, k in found:
        start, end = where[k], _past_marks(text, where[k + size - 1] + 1)
        if end - start <= len(phrase) + _EXTRA and all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
    for start, end in sorted(taken, reverse=True):
        text = text[:start] + phrase + text[end:]
    return text


def _match_at(letters: str, k: int, want: str, slips: int, ends: set[int]) -> tuple[int, bool, int, int] | None:
    """(slips, not at a word's end, length, k) of the stretch of `letters` from `k` nearest `want`,
    if within `slips`; `ends` holds the letters a word ends on."""
    if letters[k] != want[0]:  # a stretch starts where the phrase does
        return None
    ranked = sorted((Levenshtein.distance(letters[k:k + size], want, score_cutoff=slips + 1),
                     k + size - 1 not in ends, size, k)
                    for size in range(max(1, len(want) - slips), len(want) + slips + 1) if k + size <= len(letters))
    return ranked[0] if ranked and ranked[0][0] <= slips else None


def _past_marks(text: str, at: int) -> int:
    while at < len(text) and _MARK.match(text[at]):
        at += 1
    return at
