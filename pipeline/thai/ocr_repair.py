"""Repair systematic Tesseract `tha` errors, only where the dictionary is sure: tone marks, and
spaces inside words.

Dropped marks: a tone mark stacked over an upper vowel is dropped.

Measured on the sample scans and on font renders: ตั้ง → ตัง, ที่ → ที, ถิ่น → ถิน (the LSTM emits
the vowel and loses the mark above it). At each consonant + upper vowel with no mark after it,
we try ่ and ้ and keep one only when PyThaiNLP's dictionary segmentation gets strictly better
AND the repaired spot lands inside a long dictionary word (≥ 5 characters: จัดตั้ง, สถานที่,
ท้องถิ่น, วันที่). Short words are left alone, because a mark inserted into a 3–4 letter syllable
is as likely to make a different real word as to restore the right one. Personal names (after
นาย/นาง/นางสาว/ว่าที่…) are never touched: they are not in any dictionary.
Spurious marks: a speck above a consonant is read as ่ (ปฏิบัติร่าชการ, มิถุนายน่, คำแน่ะนำ);
it is removed under the same test (strictly better segmentation, the spot inside a long word).
ำ read as ้า: the ring of ำ taken for a tone mark (จ้านวน → จำนวน), under the same test.
Spaces inside words: Tesseract splits a long word at a gap between glyphs (ประ ชาชน); the space
is closed only when that makes a long dictionary word whose two halves are not both words.
The dictionary and its cost live in dictionary.py. Only OCR text goes through this; a PDF text
layer's own faults (ำ/า) are repaired in text_layer.py, spreadsheets are taken as typed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from pipeline.thai.dictionary import corpus_count as _count
from pipeline.thai.dictionary import cost as _cost
from pipeline.thai.dictionary import is_thai as _is_thai
from pipeline.thai.dictionary import token_spans as _token_spans
from pipeline.thai.dictionary import unknown_letters as _unknown
from pipeline.thai.dictionary import word_at as _word_at
from pipeline.thai.dictionary import words as _words
from pipeline.thai.text import collapse_doubled_marks

_UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37"
_TONES = ("\u0e48", "\u0e49")
_SPURIOUS = re.compile("(?<=[\u0e01-\u0e2e])[\u0e48\u0e49\u0e4c](?![\u0e33])")  # ่ ้, and ์ (ส์ถานที่)
_SPOT = re.compile(f"[\u0e01-\u0e2e][{_UPPER_VOWELS}](?![\u0e48-\u0e4c])")
_NAME = re.compile(r"(?:นางสาว|นาย|นาง|น\.ส\.|ว่าที่\s*ร\.ต\.)\s*\S+(?:\s+\S+)?")
_WINDOW = 14
Sure = Callable[[str, str, int], bool]  # (window, window edited, where) → make the edit?
_MIN_WORD = 5


def dictionary_cost(text: str) -> int:
    """How badly `text` reads against the Thai dictionary (lower is better); compares readings."""
    return _cost(text)


def _lands_in_long_word(text: str, position: int) -> bool:
    hit = _word_at(text, position)
    return hit is not None and len(hit[1]) >= _MIN_WORD and hit[1] in _words()


def _protected(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NAME.finditer(text)]


def _try_spot(text: str, at: int) -> str | None:
    """The tone mark to insert at `at`, or None."""
    lo, hi = max(0, at - _WINDOW), min(len(text), at + _WINDOW)
    window, offset = text[lo:hi], at - lo
    base = _cost(window)
    best: tuple[int, str] | None = None
    for tone in _TONES:
        candidate = window[:offset] + tone + window[offset:]
        cost = _cost(candidate)
        sure = (cost < base and _lands_in_long_word(candidate, offset)) or \
            (cost <= base and _far_more_common(window, candidate, offset))
        if sure and (best is None or cost < best[0]):
            best = (cost, tone)
    return best[1] if best else None


_MAX_SHORT = 3
_MORE_COMMON = 50  # ที่ is 67 times as common as ที in the TNC; นี่ only 15 times นี


def _far_more_common(window: str, candidate: str, offset: int) -> bool:
    """A short word that is a word of its own both ways (ที เกี่ยวข้อง → ที่ เกี่ยวข้อง): the mark
    comes back when written Thai has the marked word many times as often (ที่, ไม่, ให้, ได้)."""
    was, now = _word_at(window, max(0, offset - 1)), _word_at(candidate, max(0, offset - 1))
    if was is None or now is None or len(was[1]) > _MAX_SHORT or now[1] not in _words():
        return False
    return _count(now[1]) >= _MORE_COMMON * max(1, _count(was[1]))


def restore_tone_marks(text: str) -> str:
    """Re-insert tone marks Tesseract dropped over ั ิ ี ึ ื, where the dictionary is sure."""
    protected = _protected(text)
    out = text
    for match in reversed(list(_SPOT.finditer(text))):
        at = match.end()
        if any(a <= at <= b for a, b in protected):
            continue
        tone = _try_spot(out, at)
        if tone:
            out = out[:at] + tone + out[at:]
    return out


def _replace_where_sure(text: str, pattern: re.Pattern[str], new: str, sure: Sure,
                        only: list[tuple[int, int]] | None = None) -> str:
    """Each match of `pattern` becomes `new` where `sure(window, candidate, offset)` says so,
    judged on the text around it; personal names are never touched. With `only`, matches
    outside those spans are not tried."""
    protected = _protected(text)
    out = text
    for match in reversed(list(pattern.finditer(text))):
        at, end = match.span()
        if any(a <= at <= b for a, b in protected) or (only is not None and not any(a <= at <= b for a, b in only)):
            continue
        lo, hi = max(0, at - _WINDOW), min(len(out), end + _WINDOW)
        window = out[lo:hi]
        if sure(window, window[: at - lo] + new + window[end - lo :], at - lo):
            out = out[:at] + new + out[end:]
    return out


def _better_long_word(window: str, candidate: str, offset: int) -> bool:
    return _cost(candidate) < _cost(window) and _lands_in_long_word(candidate, offset)


def _better_without(window: str, candidate: str, offset: int) -> bool:
    """`_better_long_word` for a mark taken out: the word is looked up at the letter it sat on."""
    return _better_long_word(window, candidate, max(0, offset - 1))


def drop_spurious_tone_marks(text: str) -> str:
    """Remove ่/้ marks that OCR made from specks, where the dictionary is sure (names untouched)."""
    return _replace_where_sure(text, _SPURIOUS, "", _better_without)


def repair_tone_marks(text: str) -> str:
    """Both repairs: spurious marks out first (they can hide a dropped one's word), then dropped ones in."""
    return restore_tone_marks(drop_spurious_tone_marks(text))


_SPLIT = re.compile("(?<=[\u0e01-\u0e4e]) (?=[\u0e01-\u0e4e])")


def _join_helps(window: str, candidate: str, offset: int) -> bool:
    """Does closing the space make one long dictionary word of a torn one?

    Two real words with a space between them (การ ปกครอง, สำนัก งาน) stay apart: only a join
    whose halves are not both words (ประ + ชาชน) closes the space."""
    if not _lands_in_long_word(candidate, offset):
        return False
    hit = _word_at(candidate, offset)
    assert hit is not None
    if hit[0] == offset:
        return False
    left, right = hit[1][: offset - hit[0]], hit[1][offset - hit[0]:]
    if left in _words() and right in _words():
        return False
    return _cost(candidate) < _cost(window)


# A speck read as punctuation inside a word (ประ :สิทธิภาพ); never a dot, which abbreviations
# hold between Thai letters (พ.ศ., จ.ชัยภูมิ).
_SPECK_SPLIT = re.compile("(?<=[\u0e01-\u0e4e]) ?[:;'\"|,“”‘’] ?(?=[\u0e01-\u0e4e])")


def join_split_words(text: str) -> str:
    """Close spaces, and specks read as punctuation, that Tesseract put inside a Thai word
    (ประ ชาชน, ประ :สิทธิภาพ), where the dictionary is sure; specks once more after the spaces:
    a word torn by both (`เรื่ อ|ง`) is a word only when both are closed."""
    text = _replace_where_sure(_replace_where_sure(text, _SPECK_SPLIT, "", _join_helps), _SPLIT, "", _join_helps)
    return _replace_where_sure(text, _SPECK_SPLIT, "", _join_helps)


def close_torn_spaces(text: str, keep_before: tuple[str, ...] = ()) -> tuple[str, int]:
    """A one-phrase field (a subject, an addressee) with the spaces closed that tear its words
    (`ประชาชนขอ ง อ ง ค์ก รปกค ร อ งส่วน`), greedily, one or two at a time, each step the one that
    leaves the fewest letters the dictionary does not know, while one leaves fewer; and how many
    were closed. Spaces before the words of `keep_before` stay (Thai prints a space before
    ประจำ, พ.ศ. …).

    Why not `join_split_words`: on a line whose letters Tesseract spaced out (a scan of
    distributed Thai justification) each piece is too short for its long-word test, and one join
    alone rarely makes a word: only pieces joined in turn do (ขอ ง → ของ, then อ ง ค์ก → องค์ก …),
    some only two at once (ง อ ง: neither join alone lowers the count). A space between two words
    stays (ราชการ ประจำ: all letters known either way)."""
    closed = 0
    while now := _unknown(text):
        spaces = [m.start() for m in _SPLIT.finditer(text) if not text[m.end():].startswith(keep_before)]
        steps = [(a,) for a in spaces] + list(itertools.combinations(spaces, 2))
        joins = [("".join(text[i] for i in range(len(text)) if i not in step), len(step)) for step in steps]
        best = min(joins, key=lambda j: (_unknown(j[0]), _cost(j[0]), j[1]), default=None)
        if best is None or _unknown(best[0]) >= now:
            break
        text, closed = best[0], closed + best[1]
    return text, closed


# Consonants Tesseract `tha` takes for one another (seen on scans: ตีเด่น, อำเกอ, ตัวขี้วัด, ปกครลง).
_CONFUSABLE = {"ด": "ต", "ต": "ด", "ข": "ช", "ช": "ข", "ซ": "ช", "ก": "ภ", "ล": "อ"}


def swap_confusables(text: str) -> str:
    """A one-phrase field with consonants Tesseract confuses swapped back, one at a time, only
    inside words the dictionary does not know and only where it then knows more letters."""
    for _ in range(len(text)):
        now = _unknown(text)
        spans = _near_unknown_words(text, 0)
        tries = [text[:i] + _CONFUSABLE[c] + text[i + 1:] for i, c in enumerate(text)
                 if c in _CONFUSABLE and any(lo <= i < hi for lo, hi in spans)]
        best = min(tries, key=_unknown, default=None)
        if best is None or _unknown(best) >= now:
            return text
        text = best
    return text


_AM_AS_TONE = re.compile("(?<=[\u0e01-\u0e2e])\u0e49\u0e32")  # ำ read as ้ + า (จ้านวน)


def repair_sara_am(text: str) -> str:
    """ำ that OCR read as ้า (its ring as the tone mark), where the dictionary is sure."""
    return _replace_where_sure(text, _AM_AS_TONE, "\u0e33", _better_long_word)


# Mark edits tried only near words the dictionary does not know (a page has hundreds of marks;
# a known word needs none of them): a tone mark or an upper vowel read as another (ตัวชี่วัด,
# ปิงบประมาณ), an upper vowel made of a speck (ส่วันท้องถิ่น), a mark doubled, an upper vowel
# lost (ปงบประมาณ). A doubled ะ before a torn word (ประะ ชาชน) is not repaired: ประ alone is
# too short for the long-word test.
_NEAR = 6
_TONE_AS = {"\u0e48": "\u0e49", "\u0e49": "\u0e48"}
# An upper vowel read as its neighbour: ี as ิ or ึ (ปิงบประมาณ, สถานทึกลาง), ื as ึ.
_VOWEL_AS = (("\u0e34", "\u0e35"), ("\u0e36", "\u0e35"), ("\u0e35", "\u0e34"), ("\u0e36", "\u0e37"))
_LONE_UPPER_VOWEL = re.compile(f"(?<=[\u0e01-\u0e2e])[{_UPPER_VOWELS}](?![\u0e48-\u0e4c])")
_DOUBLED_SIGN = re.compile("(?<=([\u0e30\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]))\\1")
_BARE_CONSONANT = re.compile("(?<=[\u0e01-\u0e2e])(?![\u0e30-\u0e4e])")
_LOST_VOWELS = "\u0e35\u0e34\u0e31"  # ี ิ ั: the ones seen lost


_RARE_SHORT = 1000  # TNC count under which a 1–3 letter token is more likely a broken word
_SHORT = 3
_SIGN_LED = re.compile("^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")


def _suspect(token: str) -> bool:
    """A token a misread mark may have made: led by a sign (`ะ` of ประะชาชน), unknown, or short
    and rare (ตัวชี่วัด segments as ตัว|ชี่|วัด, and ชี่ is a word, if a rare one)."""
    if _SIGN_LED.match(token):
        return True
    if not _is_thai(token):
        return False
    return token not in _words() or (len(token) <= _SHORT and _count(token) < _RARE_SHORT)


def _near_unknown_words(text: str, near: int = _NEAR) -> list[tuple[int, int]]:
    return [(found - near, found + len(token) + near) for found, token in _token_spans(text) if _suspect(token)]


def repair_marks(text: str) -> str:
    """Swapped tone marks and upper vowels, speck vowels, doubled signs and lost upper vowels,
    near unknown words and where the dictionary is sure (strictly better, inside a long word; names untouched)."""
    spans = _near_unknown_words(text)
    if not spans:
        return text
    for tone, other in (*_TONE_AS.items(), *_VOWEL_AS):
        text = _replace_where_sure(text, re.compile(tone), other, _better_long_word, spans)
    for pattern in (_LONE_UPPER_VOWEL, _DOUBLED_SIGN):
        text = _replace_where_sure(text, pattern, "", _better_without, spans)
    for vowel in _LOST_VOWELS:
        # Inside a suspect token only: an inserted vowel can make a word of two good ones (ชา ชน → ชาชิน).
        text = _replace_where_sure(text, _BARE_CONSONANT, vowel, _better_long_word, _near_unknown_words(text, 0))
    return text


# A space no Thai word can hold: before a mark above or below a letter (`ต ัวชี้วัด`, `ท ้องถิ่น`),
# or after a vowel written before its consonant (`เ รื่อง`). Tesseract tears spaced-out scans there.
_TORN_AT_MARK = re.compile("(?<=[\u0e01-\u0e4e]) (?=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"
                           "|(?<=[\u0e40-\u0e44]) (?=[\u0e01-\u0e2e])")


def close_spaces_at_marks(text: str) -> str:
    """Close the spaces that cannot fall between two Thai words (no dictionary needed); a mark
    the close doubles (`ปฏิบัติ ิงาน`) is one mark."""
    return collapse_doubled_marks(_TORN_AT_MARK.sub("", text))


def repair_thai_ocr(text: str) -> str:
    """Every repair of OCR'd Thai: impossible spaces, ำ, tone marks, other marks, then words torn
    apart by a space."""
    return join_split_words(repair_marks(repair_tone_marks(repair_sara_am(close_spaces_at_marks(text)))))
