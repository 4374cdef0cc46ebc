"""A signatory's given name judged against the given names Thai people bear (PyThaiNLP's lists of
male and female given names, chosen by the title: นาย → male, นาง/นางสาว → female).

Tesseract misreads one mark of a name or one glyph for its look-alike (`อัญชล` for อัญชลี, `ป๊ยะ`
for ปิยะ, `อ้านาจ` for อำนาจ, `สูนิสา` for สุนิสา) and no dictionary holds names, so the page repairs
leave them. A given name that is no name on the list and no dictionary word is put back only
when one listed name lies within look-alike edits (a mark added, dropped or read as another mark,
a consonant read as its look-alike) and no other lies as near; the letter names the change.
A name the list lacks and no look-alike edit reaches (ผกาพรรณ, ธนสรณ์) is left as read.

It also splits a name OCR printed without its space (`นายขจรคำแสน`) after the given name, when
one listed given name begins it.
"""

from __future__ import annotations

import re
from functools import cache

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

from pipeline.thai.dictionary import cost, tokens, words
from pipeline.thai.names import TITLES

SIGNATORY_CORRECTED = "signatory_corrected"  # a letter flag: `flag:old>new`

_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
# Glyphs Tesseract confuses in printed Thai (both ways); ษ for ธ as in `พิสิธฐ์`, โ for ไ.
_LOOK_ALIKES = frozenset(frozenset(p) for p in (
    "ดต", "ขช", "ซช", "ขฃ", "สล", "บป", "ภถ", "ผฝ", "พฟ", "คศ", "คต", "รว", "ทห", "มน", "ฎฏ", "ธร",
    "กถ", "ฐร", "ญณ", "ธษ", "โไ", "ใไ", "ศส"))
_NEAR = 0.5  # a mark or a look-alike
_FAR = 1.5  # any other letter: never taken
_MAX_COST = 1.0  # two near edits at most
_MALE = ("นาย",)
_FEMALE = ("นาง", "นางสาว", "น.ส.")
_TITLE = re.compile("^(" + "|".join(re.escape(t) for t in TITLES) + ")")
_STARTS_A_WORD = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")


@cache
def _given_names(title: str) -> frozenset[str]:
    if title in _MALE:
        return frozenset(thai_male_names())
    if title in _FEMALE:
        return frozenset(thai_female_names())
    return frozenset(thai_male_names()) | frozenset(thai_female_names())


def _swap_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if (a in _MARKS and b in _MARKS) or frozenset((a, b)) in _LOOK_ALIKES:
        return _NEAR
    return _FAR


def _gap_cost(c: str) -> float:
    return _NEAR if c in _MARKS else _FAR


def edit_cost(read: str, name: str) -> float:
    """Weighted edit distance; ำ counts as ํ + า, so `้า` for ำ is one mark read as another."""
    a, b = read.replace("ำ", "\u0e4dา"), name.replace("ำ", "\u0e4dา")
    row = [0.0]
    for c in b:
        row.append(row[-1] + _gap_cost(c))
    for x in a:
        prev, row = row, [row[0] + _gap_cost(x)]
        for j, y in enumerate(b):
            row.append(min(prev[j + 1] + _gap_cost(x), row[j] + _gap_cost(y), prev[j] + _swap_cost(x, y)))
    return row[-1]


def _nearest(given: str, title: str) -> str | None:
    """The one listed name clearly nearest a reading, or None."""
    costs = sorted((edit_cost(given, name), name) for name in _given_names(title) if abs(len(name) - len(given)) <= 2)
    if not costs or costs[0][0] > _MAX_COST:
        return None
    if len(costs) > 1 and costs[1][0] <= costs[0][0]:
        return None
    return costs[0][1]


def _parts(name: str) -> tuple[str, str, str] | None:
    m = _TITLE.match(name)
    if not m or " " not in name[m.end():]:
        return None
    given, surname = name[m.end():].split(" ", 1)
    return m.group(1), given, surname


def judge_given_name(name: str) -> tuple[str, str | None]:
    """(name, `old>new` when its given name was put back, else None)."""
    parts = _parts(name)
    if parts is None:
        return name, None
    title, given, surname = parts
    if given in _given_names(title) or given in words():
        return name, None
    near = _nearest(given, title)
    if near is None:
        return name, None
    return f"{title}{near} {surname}", f"{given}>{near}"


def split_joined(name: str) -> str:
    """`นายขจรคำแสน` → `นายขจร คำแสน` when the name has no space and a listed given name begins it:
    of several, the split whose surname reads best against the dictionary."""
    m = _TITLE.match(name)
    if not m or " " in name[m.end():]:
        return name
    title, rest = m.group(1), name[m.end():]
    cuts = [k for k in range(2, len(rest) - 2)
            if rest[:k] in _given_names(title) and _STARTS_A_WORD.match(rest[k])]
    if not cuts:
        return name
    k = min(cuts, key=lambda k: (cost(rest[k:]), -k))
    return f"{title}{rest[:k]} {rest[k:]}"


# A surname's syllable whose tone mark OCR lost (`พึงบุญ` for พึ่งบุญ): Thai surnames are built from a
# stock of syllables, and PyThaiNLP's list of family names shows which spelling they take: a
# syllable no family name holds bare while many hold it with one tone mark takes that mark.
_BARE_VOWEL = re.compile("[\u0e01-\u0e2e][\u0e31\u0e34-\u0e37](?![\u0e48-\u0e4c])")
_TONES = ("\u0e48", "\u0e49")
_MIN_NAMES = 5  # family names holding the toned syllable


@cache
def _family_names() -> tuple[str, ...]:
    return tuple(thai_family_names())


@cache
def _names_holding(syllable: str) -> int:
    return sum(syllable in name for name in _family_names())


def _toned(token: str) -> str:
    m = _BARE_VOWEL.search(token)
    if m is None or _names_holding(token):
        return token
    toned = [token[:m.end()] + t + token[m.end():] for t in _TONES]
    held = [(n, c) for c in toned if (n := _names_holding(c))]
    return held[0][1] if len(held) == 1 and held[0][0] >= _MIN_NAMES else token


def surname_tone_restored(name: str) -> tuple[str, str | None]:
    """(name, `old>new` when a syllable of its surname took back its tone mark, else None)."""
    parts = _parts(name)
    if parts is None:
        return name, None
    title, given, surname = parts
    restored = "".join(_toned(t) for t in tokens(surname))
    if restored == surname:
        return name, None
    return f"{title}{given} {restored}", f"{surname}>{restored}"
