"""Cells of report forms (ช่องตาราง): counts such as "13 แห่ง", "-", "1,250", and skeleton text.

A Thai "skeleton" drops the marks above and below the line; OCR loses and invents those marks
far more often than base letters, so header keywords are compared on skeletons.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from pipeline.thai.chars import COMBINING_MARKS
from pipeline.thai.text import normalise_field

_MARKS = re.compile(f"[{COMBINING_MARKS}]")
_UNITS = re.compile(r"(แห่ง|แหง|แห่|ศูนย์|ศูนย|อปท\.?|ราย|ตำบล)")
_ZERO = {"", "-", "–", "—", "_", "−", "--", "ไม่มี", "๐", "0", "o", "O", "."}
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.0+)?$")
_LEADING_NOISE = re.compile(r"^[^ก-ฮ]+")


def skeleton(text: str) -> str:
    """Base letters only: no marks above/below, no spaces or dots (ทั้งหมด → ทงหมด)."""
    text = normalise_field(text)
    return re.sub(r"[\s.\u200b]", "", _MARKS.sub("", text))


# The heading's letters without their marks (OCR drops, adds and swaps marks: ท้าย read `ทําย`,
# its ้ taken for ํ), and one letter of them may be misread; OCR also puts spaces inside it.
_ATTACHMENT = skeleton("บัญชีแนบท้าย")
_ATTACHMENT_SLACK = 1


def names_attachment_list(text: str) -> bool:
    """Whether the text holds the heading บัญชีแนบท้าย (an attached list), as OCR leaves it."""
    skel = skeleton(text)
    size = len(_ATTACHMENT)
    return any(Levenshtein.distance(skel[start:start + length], _ATTACHMENT) <= _ATTACHMENT_SLACK
               for start in range(max(1, len(skel) - size + 2))
               for length in (size - 1, size, size + 1))


def parse_count(text: str) -> int | None:
    """A count cell → int: "13 แห่ง" → 13, "1,250" → 1250, "-"/empty → 0; None if not a count."""
    value = normalise_field(text)
    value = _UNITS.sub("", value).replace("(", "").replace(")", "").strip()
    value = value.replace(" ", "")
    if value in _ZERO:
        return 0
    if _NUMBER.match(value):
        return int(float(value.replace(",", "")))
    return None


def is_blank(text: str) -> bool:
    return not normalise_field(text)


def is_total_label(text: str) -> bool:
    """The รวม row ("รวม", "รวมทั้งสิ้น", "รวมทั้งหมด", "ผลรวม"), behind any rule remnant or
    speck OCR read before it ("|รวม")."""
    skel = _LEADING_NOISE.sub("", skeleton(text))
    return skel.startswith("รวม") or skel.startswith("ผลรวม")
