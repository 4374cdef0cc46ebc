"""Thai word boundaries for search, from pythainlp.

Thai runs words together without spaces, so a search must know where words begin and end:
`ศูนย์ปฏิบัติการร่วม` should be found inside `…จัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือ…`, and
`านข้อ` (no word) should not match inside `ฐานข้อมูล`. A text's boundaries are the starts and ends
of pythainlp's newmm words, plus the inner boundaries of a compound word wherever its parts are
words of pythainlp's dictionary — newmm may read `ศูนย์ปฏิบัติการ|ร่วมใน`, and the query then still
ends at a boundary (`ร่วม|ใน`). A term matches where it starts and ends on a boundary.
"""

from __future__ import annotations

import re
from functools import cache

from pythainlp.tokenize import word_dict_trie, word_tokenize
from pythainlp.util import Trie

from pipeline.thai.text import normalise

_SPACE = re.compile(r"\s+")
_MIN_COMPOUND = 4  # shorter words have no inner words worth indexing


@cache
def _trie() -> Trie:
    return word_dict_trie()


def clean(text: str) -> str:
    """The form both sides are compared in: normalised Thai (digits Arabic), single spaces."""
    return _SPACE.sub(" ", normalise(text or "")).strip()


def boundaries(text: str) -> bytearray:
    """marks[i] == 1 where a word starts or ends at offset i of `text` (already `clean`)."""
    marks = bytearray(len(text) + 1)
    offset = 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        marks[offset] = 1
        if len(token) >= _MIN_COMPOUND:
            for inner in _inner_starts(token):
                marks[offset + inner] = 1
        offset += len(token)
    marks[offset] = 1
    return marks


def _inner_starts(word: str) -> set[int]:
    """Offsets inside `word` reachable by reading it as a sequence of dictionary words."""
    reach, trie = {0}, _trie()
    for start in range(len(word)):
        if start in reach:
            reach.update(start + len(w) for w in trie.prefixes(word[start:]))
    return {p for p in reach if 0 < p < len(word)} if len(word) in reach else set()


def terms(query: str) -> list[str]:
    return [t for t in clean(query).split(" ") if t]


def find_word(text: str, marks: bytes, term: str) -> int:
    """The first offset where `term` stands as whole words in `text`, else -1."""
    at = text.find(term)
    while at >= 0:
        if marks[at] and marks[at + len(term)]:
            return at
        at = text.find(term, at + 1)
    return -1
