"""The Thai dictionary every repair consults: PyThaiNLP's word list plus the words of this
paperwork it lacks, its newmm segmentation, and a cost that compares two readings of a text.

One home, so the OCR repairs and the text-layer verdict cannot disagree on what a word is."""

from __future__ import annotations

import functools
import math
import re

from pythainlp.corpus import thai_words, tnc
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie, dict_trie

_THAI = re.compile("[\u0e01-\u0e2e]")

# Words of this paperwork PyThaiNLP's dictionary lacks; without them ตัวชี้วัด segments as
# ตัว|ชี้|วัด and a dropped mark in it (ตัวชีวัด) lands in no long word, so is never restored.
DOMAIN_WORDS = ("ตัวชี้วัด", "สถานที่กลาง", "ท้องถิ่นจังหวัด", "ท้องถิ่นอำเภอ", "ศูนย์ช่วยเหลือ",
                "แบบรายงาน", "ปัญหาอุปสรรค", "ผู้ประสานงาน", "หนังสือเวียน", "เจ้าภาพ")


@functools.lru_cache(maxsize=1)
def words() -> frozenset[str]:
    return frozenset(thai_words()) | frozenset(DOMAIN_WORDS)


@functools.lru_cache(maxsize=1)
def _trie() -> Trie:
    return dict_trie(words())


@functools.lru_cache(maxsize=20_000)
def tokens(text: str) -> tuple[str, ...]:
    """The dictionary (newmm) segmentation of `text`, spaces dropped."""
    return tuple(word_tokenize(text, custom_dict=_trie(), engine="newmm", keep_whitespace=False))


def is_thai(token: str) -> bool:
    return _THAI.search(token) is not None


def unknown_letters(text: str) -> int:
    """Letters of `text` in Thai tokens the dictionary does not know."""
    known = words()
    return sum(len(t) for t in tokens(text) if t not in known and is_thai(t))


def cost(text: str) -> int:
    """Unknown Thai letters weigh most, then the number of words: fewer, known words is better."""
    return unknown_letters(text) * 10 + len(tokens(text))


def token_spans(text: str) -> list[tuple[int, str]]:
    """(start, token) of each token of the dictionary segmentation, in order."""
    spans, start = [], 0
    for token in tokens(text):
        found = text.find(token, start)
        spans.append((found, token))
        start = found + len(token)
    return spans


def word_at(text: str, position: int) -> tuple[int, str] | None:
    """(start, token) of the dictionary segmentation's token that holds `position`."""
    return next(((found, token) for found, token in token_spans(text) if found <= position < found + len(token)), None)


@functools.lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, int], int]:
    counts = dict(tnc.word_freqs())  # Thai National Corpus counts, shipped with PyThaiNLP
    return counts, sum(counts.values())


def corpus_count(word: str) -> int:
    """How often `word` occurs in the Thai National Corpus."""
    return _frequencies()[0].get(word, 0)


def log_frequency(word: str) -> float:
    """How common `word` is in written Thai (natural log of its share of the TNC; add-one)."""
    counts, total = _frequencies()
    return math.log((counts.get(word, 0) + 1) / total)


def likelihood(text: str) -> float:
    """Log-likelihood of `text` under a word-unigram model of written Thai (compares readings);
    each letter of an unknown Thai token weighs as an unseen word."""
    unseen = log_frequency("")
    known = words()
    return sum(_token_likelihood(t, known, unseen) for t in tokens(text))


def _token_likelihood(token: str, known: frozenset[str], unseen: float) -> float:
    if not is_thai(token):
        return 0.0
    return log_frequency(token) if token in known else unseen * len(token)
