"""A Thai personal name as OCR reads it (นายชา ตรี พรหมวงศ์, นางสาวอรุณี วงศ์สวัสดิ) → as printed.

A name is a title, a given name and a surname, one space between the two. No dictionary holds
names, so the page-wide repairs leave them alone; but names are built from dictionary words
(ชาตรี, ดวงใจ, มั่นคง, สวัสดิ์) and their OCR faults are the page's own:
- Tesseract splits a word at a gap between glyphs (`ดว งใจ`, `พ ร หมวงศ์`): with more than two
  parts, the one space kept is the split whose two halves read best against the dictionary.
- It drops a mark stacked over an upper vowel (`มันคง`): a part that becomes one dictionary word
  with a tone mark restored takes it.
- It drops ์ over ิ at a name's end (`สวัสดิ`, `ประสิทธิ`) or at the end of a word inside it
  (`ศักดิชัย`): taken back where written Thai (the TNC) uses the word with ์ more often than
  without it (not สิทธิ, ชาติ, วุฒิ).
"""

from __future__ import annotations

import re

from pipeline.thai.dictionary import corpus_count, cost, words

TITLES = ("ว่าที่ร้อยตรี", "ว่าที่ร้อยโท", "ว่าที่ร้อยเอก", "ว่าที่ ร.ต.", "นางสาว", "นาย", "นาง", "น.ส.")
_TITLE = re.compile("^(" + "|".join(re.escape(t) for t in TITLES) + r")\s*")
_TONE_MARK = "[\u0e48-\u0e4b]"


_SPECKS = ".,'"  # a speck OCR glued to a name's part: no given name or surname ends so
_ANY_MARK = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
_SARA_AA_AS = {"\u0e32": "[\u0e32\u0e33]"}  # า read as ำ (`นางสำว`)


def _loose_letter(c: str) -> str:
    """One letter of a title as OCR reads it: a mark may be lost or read as another (`ว่าที่รั อยตรี`),
    า as ำ, and a speck may add a tone mark after any letter (`น่าย`, `นางสาว่`)."""
    if re.match(_ANY_MARK, c):
        return f"{_ANY_MARK}?"
    return _SARA_AA_AS.get(c, re.escape(c)) + f"{_TONE_MARK}?"


def _loose_title(title: str) -> str:
    """A title as OCR reads it: its letters loose, a space torn in between (`นาง สาว`), and never
    followed by a mark (then its last letters began the name: `นาง สาวิตรี`)."""
    return "\\s?".join(_loose_letter(c) for c in title) + f"(?!{_ANY_MARK})"


_MISREAD_TITLE = re.compile("^(?:" + "|".join(f"(?P<t{k}>{_loose_title(t)})" for k, t in enumerate(TITLES)) + ")")
_THANTHAKHAT = "\u0e4c"
_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_FINAL_I = re.compile("[\u0e01-\u0e2e]\u0e34$")
_TONES = ("\u0e48", "\u0e49")
_BARE_UPPER_VOWEL = re.compile(  # a consonant + upper vowel with no mark above
    "[\u0e01-\u0e2e][\u0e31\u0e34-\u0e37](?![\u0e48-\u0e4c])")


def repair_name(name: str) -> str:
    """The name with its split parts joined, lost tone marks and a lost final ์ restored."""
    name = _title_repaired(name)
    m = _TITLE.match(name)
    title, rest = (m.group(1), name[m.end():]) if m else ("", name)
    parts = [p for p in (p.strip(_SPECKS) for p in rest.split()) if p]  # `นายชัยวัฒน์. เพชรหนู`
    if not parts:
        return name
    parts = _two_parts(parts) if len(parts) > 2 else parts
    parts = [_final_thanthakhat(_inner_thanthakhat(_tone_restored(p))) for p in parts]
    return title + " ".join(parts)


def _title_repaired(name: str) -> str:
    m, exact = _MISREAD_TITLE.match(name), _TITLE.match(name)
    if not m or (exact is not None and len(exact.group(1)) >= m.end()):
        return name
    title = TITLES[int(next(k for k, v in m.groupdict().items() if v)[1:])]
    return title + name[m.end():]


def _two_parts(parts: list[str]) -> list[str]:
    """Given name and surname: the split of the parts that reads best."""
    splits = [("".join(parts[:k]), "".join(parts[k:])) for k in range(1, len(parts))]
    return list(min(splits, key=lambda s: cost(s[0]) + cost(s[1])))


def _tone_restored(part: str) -> str:
    if part in words():
        return part
    for match in _BARE_UPPER_VOWEL.finditer(part):
        for tone in _TONES:
            candidate = part[: match.end()] + tone + part[match.end():]
            if candidate in words():
                return candidate
    return part


def _final_thanthakhat(part: str) -> str:
    tail = _last_word(part)
    if not _FINAL_I.search(tail) or corpus_count(tail + _THANTHAKHAT) <= corpus_count(tail):
        return part
    return part + _THANTHAKHAT


def _inner_thanthakhat(part: str) -> str:
    """`ศักดิชัย` → `ศักดิ์ชัย`: the final-์ rule where a word of the name ends inside it."""
    for end in range(len(part) - 1, 1, -1):
        head, rest = part[:end], part[end:]
        if _FINAL_I.search(head) and rest[0] not in _MARKS and _final_thanthakhat(head) != head:
            part = head + _THANTHAKHAT + rest
    return part


def _last_word(part: str) -> str:
    """The longest dictionary word the part ends with (วงศ์สวัสดิ → สวัสดิ), else the part."""
    for start in range(len(part)):
        if part[start:] in words():
            return part[start:]
    return part
