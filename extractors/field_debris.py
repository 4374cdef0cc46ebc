"""OCR debris inside a one-line header field (a subject): what ink, specks and double reads leave
between and after the words, taken out only where the Thai dictionary says it is no word.

Seen on scanned letters: a speck read as punctuation standing alone (`ท้องถิ่น ! (สถานที่กลาง)`),
a dot after a word (`ประจำเดือน. มิถุนายน`), a glyph read twice (`มิ มิถุนายน`, `ประมาณ มาณ`),
a stamp's ink read as a short non-word after the closing parenthesis (`(สถานที่กลาง) แรธร`), a
Latin speck glued to a number (`ที่ o1`).
"""

from __future__ import annotations

import re

from pipeline.thai.dictionary import tokens, words

_SPECK_TOKEN = re.compile(r"^[!|:;'\"“”‘’,_~^*•]+$")
_MIN_WORD = 4  # shorter runs before a dot are as likely abbreviations (กทม., สป.)
_STUTTER = 3  # a double read is a glyph or two of the word beside it
_INK_TAIL = 4  # letters in a piece of ink after the closing parenthesis
_LATIN_ON_NUMBER = re.compile(r"(?<=\s)[A-Za-z](?=\d+(?:\s|$))")
_LATIN = re.compile("[A-Za-z]")


def shed_debris(text: str) -> str:
    """`text` less the debris above; anything the dictionary knows stays."""
    parts = [t for t in text.split(" ") if t and not _SPECK_TOKEN.match(t)]
    parts = _drop_stutters([_undotted(t) for t in parts])
    parts = _drop_ink_tail(parts)
    out = " ".join(parts)
    if len(_LATIN.findall(out)) == 1:  # a lone Latin letter among Thai is a speck
        out = _LATIN_ON_NUMBER.sub("", out)
    return out


def _undotted(token: str) -> str:
    """`ประจำเดือน.` → `ประจำเดือน`: a dot after a word the dictionary knows (not an
    abbreviation: those are short or dotted inside, พ.ศ., ทน.ศปท.)."""
    if not token.endswith(".") or "." in token[:-1]:
        return token
    core = token[:-1]
    last = tokens(core)[-1] if re.fullmatch("[ก-๛]+", core) else ""
    return core if len(last) >= _MIN_WORD and last in words() else token


def _drop_stutters(parts: list[str]) -> list[str]:
    """A short piece that repeats the start of the next token or the end of the one before."""
    out = []
    for k, part in enumerate(parts):
        before = parts[k - 1] if k else ""
        after = parts[k + 1] if k + 1 < len(parts) else ""
        short = 0 < len(part) <= _STUTTER and re.fullmatch("[ก-๛]+", part) is not None
        if short and ((len(after) > len(part) and after.startswith(part))
                      or (len(before) > len(part) and before.endswith(part))):
            continue
        out.append(part)
    return out


def _drop_ink_tail(parts: list[str]) -> list[str]:
    """After a closing parenthesis that ends the field, short Thai pieces that are no word."""
    while len(parts) > 1 and parts[-2].endswith(")") and _is_ink(parts[-1]):
        parts = parts[:-1]
    return parts


def _is_ink(part: str) -> bool:
    return re.fullmatch("[ก-๛]+", part) is not None and len(part) <= _INK_TAIL and part not in words()


# A digit, bar or letter-and-point of ink glued to a line's last word (`ของ1`, `ของ|`,
# `ท้องถิ่นก.`); a numbered word keeps its digit (`ที่1`).
_GLUED_END = re.compile(r"(?<=[ก-๛])(?:[0-9|]|[ก-ฮ]\.)$")
_NUMBERED = re.compile("(?:ที่|ที|ข้อ|ครั้ง|ฉบับ)[0-9]$")


def shed_glued_speck(line: str) -> str:
    """`line` less a speck glued to its last word, where the word before it is in the dictionary
    and the word with it is not."""
    m = _GLUED_END.search(line)
    if m is None or _NUMBERED.search(line):
        return line
    last = line.split(" ")[-1]
    stem = last[: len(last) - len(m.group(0))]
    known = re.fullmatch("[ก-๛]+", stem) is not None and tokens(stem)[-1] in words()
    return line[: m.start()] if known and last not in words() else line
