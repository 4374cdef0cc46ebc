"""A signatory's given name judged against the given names Thai people bear (PyThaiNLP's lists of
male and female given names, chosen by the title: นาย → male, นาง/นางสาว → female).

Tesseract misreads one mark of a name or one glyph for its look-alike (`อัญชล` for อัญชลี, `ป๊ยะ`
for ปิยะ, `อ้านาจ` for อำนาจ, `สูนิสา` for สุนิสา) and no dictionary holds names, so the page repairs
leave them. A given name that is no name on the list and no dictionary word is put back only
when one listed name lies within look-alike edits (a mark added, dropped or read as another mark,
a consonant read as its look-alike) and no other lies as near; the letter names the change.
A name the list lacks and no look-alike edit reaches (ผกาพรรณ, ธนสรณ์) is left as read, but for
a final ์ its ending nearly never takes (or nearly always does) among listed names (`ผกาพรรณ์`).

It also splits a name OCR printed without its space (`นายขจรคำแสน`) after the given name, when
one listed given name begins it.
"""

from __future__ import annotations

import math
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
_CONSONANT = re.compile("[\u0e01-\u0e2e]")
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


def edit_cost(read: str, name: str, limit: float = math.inf) -> float:
    """Weighted edit distance; ำ counts as ํ + า, so `้า` for ำ is one mark read as another.

    Above `limit` the exact cost is not needed (a caller takes no name that far), so the work
    stops at the first row whose every cost exceeds it and returns infinity: no cell of a later
    row costs less than the cheapest of the row above (every step adds a cost ≥ 0). Judging a
    reading against thousands of listed names, most are out of reach after a letter or two."""
    a, b = read.replace("ำ", "\u0e4dา"), name.replace("ำ", "\u0e4dา")
    gaps = [_gap_cost(c) for c in b]
    row = [0.0]
    for gap in gaps:
        row.append(row[-1] + gap)
    for x in a:
        gap_x = _gap_cost(x)
        prev, row = row, [row[0] + gap_x]
        for j, y in enumerate(b):
            row.append(min(prev[j + 1] + gap_x, row[j] + gaps[j], prev[j] + _swap_cost(x, y)))
        if min(row) > limit:
            return math.inf
    return row[-1]


def _nearest(given: str, title: str) -> str | None:
    """The one listed name clearly nearest a reading, or None."""
    costs = sorted((edit_cost(given, name, _MAX_COST), name) for name in _given_names(title)
                   if abs(len(name) - len(given)) <= 2)
    return _clear_nearest(costs)


def _clear_nearest(costs: list[tuple[float, str]]) -> str | None:
    """The nearest of sorted (cost, name) pairs when within _MAX_COST and no other is as near."""
    if not costs or costs[0][0] > _MAX_COST:
        return None
    if len(costs) > 1 and costs[1][0] <= costs[0][0]:
        return None
    return costs[0][1]


def _one_glyph_read_twice(given: str, title: str) -> str | None:
    """The one listed name left when one consonant of the reading goes: Tesseract reads a tall
    glyph as a look-alike piece and then itself (`พงศรธร`, `สมพงหษ์`, `วรวุวฒิ`)."""
    listed = _given_names(title)
    found = {given[:k] + given[k + 1:] for k in range(1, len(given) - 1)
             if _CONSONANT.match(given[k]) and given[k + 1] not in _MARKS and given[:k] + given[k + 1:] in listed}
    return found.pop() if len(found) == 1 else None


def _parts(name: str) -> tuple[str, str, str] | None:
    m = _TITLE.match(name)
    if not m or " " not in name[m.end():]:
        return None
    given, surname = name[m.end():].split(" ", 1)
    return m.group(1), given, surname


def name_parts(name: str) -> tuple[str, str, str] | None:
    """(title, given name, surname) of a titled name of two words, else None."""
    return _parts(name)


def is_listed_given(title: str, given: str) -> bool:
    return given in _given_names(title)


def is_listed_surname(surname: str) -> bool:
    return surname in _family_names()


def judge_given_name(name: str) -> tuple[str, str | None]:
    """(name, `old>new` when its given name was put back, else None)."""
    parts = _parts(name)
    if parts is None:
        return name, None
    title, given, surname = parts
    if given in _given_names(title) or given in words():
        return name, None
    near = _nearest(given, title) or _one_glyph_read_twice(given, title) or _given_final_mark(given)
    if near is None:
        return name, None
    return f"{title}{near} {surname}", f"{given}>{near}"


# A given name's final ์ a speck added or OCR lost (`ผกาพรรณ์` for ผกาพรรณ, `…ภรณ` for …ภรณ์): given
# names, like family names, end one way for an ending (54 listed end bare in พรรณ, 2 with ์; none
# ends bare in ภรณ, 139 with ์). A name off the list whose ending is borne the other way many times
# as often takes that way.
_THANTHAKHAT = "\u0e4c"


@cache
def _all_given() -> frozenset[str]:
    return frozenset(thai_male_names()) | frozenset(thai_female_names())


@cache
def _given_ending(ending: str) -> int:
    return sum(name.endswith(ending) for name in _all_given())


def _given_final_mark(given: str) -> str | None:
    bare = given.removesuffix(_THANTHAKHAT)
    other = bare if bare != given else given + _THANTHAKHAT
    for n in _ENDINGS:
        if len(bare) <= n:
            continue
        read, flipped = _given_ending(given[-n - (bare != given):]), _given_ending(other[-n - (bare == given):])
        if flipped >= _MIN_NAMES and read * _BARE_SHARE < flipped:
            return other
    return None


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
def _family_names() -> frozenset[str]:
    return frozenset(thai_family_names())


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


# A surname with a mark too many or lost (`เรื่องศรี`, `รัต์นพันธ์`, `บุญประเสริฐ์`): PyThaiNLP's family
# names differ in their marks alone for one name in forty, so a reading off the list whose letters
# are one listed surname's, with marks a near edit from it, is that surname.
_ANY_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _letters(name: str) -> str:
    return _ANY_MARK.sub("", name.replace("ำ", "า"))


@cache
def _family_by_letters() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for name in set(_family_names()):
        found.setdefault(_letters(name), []).append(name)
    return {k: tuple(v) for k, v in found.items()}


def _listed_surname(surname: str) -> str | None:
    costs = sorted((edit_cost(surname, n, _MAX_COST), n) for n in _family_by_letters().get(_letters(surname), ()))
    return _clear_nearest(costs)


# A surname's final ์ lost (`ภูมิพัฒน`): an ending family names nearly never have bare (1 in 81 for ัฒน).
_ENDINGS = (4, 3)
_BARE_SHARE = 20  # at least this many names end with ์ for each bare one


@cache
def _names_ending(ending: str) -> int:
    return sum(name.endswith(ending) for name in _family_names())


def _final_mark_restored(surname: str) -> str | None:
    for n in _ENDINGS:
        end = surname[-n:]
        marked = _names_ending(end + "\u0e4c")
        if len(surname) > n and marked >= _MIN_NAMES and _names_ending(end) * _BARE_SHARE < marked:
            return surname + "\u0e4c"
    return None


def judge_surname(name: str) -> tuple[str, str | None]:
    """(name, `old>new` when its surname's marks were put back as a listed family name has them,
    or its lost final ์ as family names end)."""
    parts = _parts(name)
    if parts is None:
        return name, None
    title, given, surname = parts
    if surname in _family_names():
        return name, None
    listed = _listed_surname(surname) or _final_mark_restored(surname)
    if listed is None:
        return name, None
    return f"{title}{given} {listed}", f"{surname}>{listed}"


def resplit(name: str) -> tuple[str, str | None]:
    """`นายชัย วัฒน์บุญประเสริฐ` → `นายชัยวัฒน์ บุญประเสริฐ`: a name OCR tore inside its given name, split
    where a listed given name ends and a listed family name begins, when its own surname is unlisted;
    a glyph OCR read at the tear may go (`นายพิ โสิษฐ์สายทอง` → `นายพิสิษฐ์ สายทอง`)."""
    parts = _parts(name)
    if parts is None or parts[2] in _family_names():
        return name, None
    title, given, surname = parts
    # As torn, or with the glyph at the tear dropped: a speck OCR read there (`นายพิ โสิษฐ์สายทอง`).
    for whole in (given + surname, given + surname[1:]):
        cuts = {k for k in range(2, len(whole) - 1)
                if whole[:k] in _given_names(title) and whole[k:] in _family_names()}
        if len(cuts) == 1:
            k = cuts.pop()
            return f"{title}{whole[:k]} {whole[k:]}", f"{given} {surname}>{whole[:k]} {whole[k:]}"
    return name, None


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter replaced, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[k + 1:] == b[k + 1:] or a[k + 1:] == b[k:] or a[k:] == b[k + 1:]


def _doubled_title(name: str) -> str | None:
    """`ว่าที่ ที่ร้อยตรีชัยวัฒน์`: OCR read the end of a title's first word again after the space."""
    m = re.match(r"(\S+)\s+(\S+)", name)
    if m is None:
        return None
    first, second = m.group(1), m.group(2)
    for i in range(1, len(first)):
        if second.startswith(first[i:]):
            mended = first + name[m.start(2) + len(first) - i:]
            title = _TITLE.match(mended)
            if title and len(title.group(1)) > len(first):
                return mended
    return None


def _misread_title(name: str) -> str | None:
    """`นจงเพ็ญศรี`: a title with one letter misread, known by the listed given name after it."""
    for title in sorted(TITLES, key=len, reverse=True):
        for k in (len(title) - 1, len(title), len(title) + 1):
            given = name[k:].split(" ", 1)[0]
            if _one_edit(name[:k], title) and given in _given_names(title):
                return title + name[k:]
    return None


def title_mended(name: str) -> tuple[str, str | None]:
    """(name, `old>new` when a title OCR doubled or misread was put back), for a name with no title."""
    if _TITLE.match(name):
        return name, None
    mended = _doubled_title(name) or _misread_title(name)
    if mended is None:
        return name, None
    title = _TITLE.match(mended).group(1)  # type: ignore[union-attr]
    read = name[:len(name) - len(mended) + len(title)]
    return split_joined(mended), f"{read}>{title}"  # the space the page's repairs took out after it


# A surname's syllable OCR read twice (`ภูภูมิพัฒน์`) or whose vowel below or above it lost (`พึ่งบญ`
# for พึ่งบุญ), where no family name lists the whole: the stock of syllables family names are
# built from tells. The piece as read (ภูภู, บญ) is held by no listed family name or next to none,
# while the mended piece (ภูมิ, บุญ) is held by many, many times as many.
_LOST_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39"
# A piece read twice is a consonant with its marks (ภู, ชา): a bare consonant doubled is Thai spelling (รร, นน).
_PIECES = (2, 3)
_THAI_CONSONANT = re.compile("[\u0e01-\u0e2e]")


def _held_far_more(read: str, mended: str) -> bool:
    held = _names_holding(mended)
    return held >= _MIN_NAMES and _names_holding(read) * _BARE_SHARE < held


def _piece_read_twice(surname: str) -> set[str]:
    found = set()
    for k in range(len(surname)):
        for n in _PIECES:
            piece = surname[k:k + n]
            if not _THAI_CONSONANT.match(piece) or surname[k + n:k + 2 * n] != piece:
                continue
            mended = surname[:k] + surname[k + n:]
            if _held_far_more(piece + piece, mended[k:k + n + 2]):
                found.add(mended)
    return found


def _vowel_restored(surname: str) -> set[str]:
    found = set()
    for k in range(len(surname) - 1):
        if not (_THAI_CONSONANT.match(surname[k]) and _THAI_CONSONANT.match(surname[k + 1])):
            continue
        for vowel in _LOST_VOWELS:
            if _held_far_more(surname[k:k + 2], surname[k] + vowel + surname[k + 1]):
                found.add(surname[:k + 1] + vowel + surname[k + 1:])
    return found


def surname_syllable_mended(name: str) -> tuple[str, str | None]:
    """(name, `old>new` when one piece of an unlisted surname read twice went, or one vowel it
    lost came back, as the only such mend the family names' syllables bear out)."""
    parts = _parts(name)
    if parts is None or parts[2] in _family_names():
        return name, None
    title, given, surname = parts
    found = _piece_read_twice(surname) | _vowel_restored(surname)
    if len(found) != 1:
        return name, None
    mended = found.pop()
    return f"{title}{given} {mended}", f"{surname}>{mended}"
