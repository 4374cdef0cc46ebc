"""Repair systematic Tesseract `tha` tone-mark errors, only where the dictionary is sure.

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
Only OCR text goes through this; text layers and spreadsheets are taken as typed.
"""

from __future__ import annotations

import functools
import re

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize

_UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37"
_TONES = ("\u0e48", "\u0e49")
_SPURIOUS = re.compile("(?<=[\u0e01-\u0e2e])[\u0e48\u0e49](?![\u0e33])")
_SPOT = re.compile(f"[\u0e01-\u0e2e][{_UPPER_VOWELS}](?![\u0e48-\u0e4c])")
_THAI = re.compile("[\u0e01-\u0e2e]")
_NAME = re.compile(r"(?:นางสาว|นาย|นาง|น\.ส\.|ว่าที่\s*ร\.ต\.)\s*\S+(?:\s+\S+)?")
_WINDOW = 14
_MIN_WORD = 5


@functools.lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return frozenset(thai_words())


@functools.lru_cache(maxsize=20_000)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=False))


def _cost(text: str) -> int:
    """Unknown Thai letters weigh most, then the number of words: fewer, known words is better."""
    words = _words()
    tokens = _tokens(text)
    unknown = sum(len(t) for t in tokens if t not in words and _THAI.search(t))
    return unknown * 10 + len(tokens)


def dictionary_cost(text: str) -> int:
    """How badly `text` reads against the Thai dictionary (lower is better); compares readings."""
    return _cost(text)


def _lands_in_long_word(text: str, position: int) -> bool:
    start = 0
    for token in _tokens(text):
        found = text.find(token, start)
        if found <= position < found + len(token):
            return len(token) >= _MIN_WORD and token in _words()
        start = found + len(token)
    return False


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
        if cost < base and _lands_in_long_word(candidate, offset) and (best is None or cost < best[0]):
            best = (cost, tone)
    return best[1] if best else None


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


def _removal_helps(text: str, at: int) -> bool:
    """Does dropping the mark at `at` turn its window into better, long-word Thai?"""
    lo, hi = max(0, at - _WINDOW), min(len(text), at + 1 + _WINDOW)
    window, offset = text[lo:hi], at - lo
    candidate = window[:offset] + window[offset + 1:]
    return _cost(candidate) < _cost(window) and _lands_in_long_word(candidate, max(0, offset - 1))


def drop_spurious_tone_marks(text: str) -> str:
    """Remove ่/้ marks that OCR made from specks, where the dictionary is sure (names untouched)."""
    protected = _protected(text)
    out = text
    for match in reversed(list(_SPURIOUS.finditer(text))):
        at = match.start()
        if not any(a <= at <= b for a, b in protected) and _removal_helps(out, at):
            out = out[:at] + out[at + 1:]
    return out


def repair_tone_marks(text: str) -> str:
    """Both repairs: spurious marks out first (they can hide a dropped one's word), then dropped ones in."""
    return restore_tone_marks(drop_spurious_tone_marks(text))
