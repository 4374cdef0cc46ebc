"""Thai text normalisation (การทำข้อความภาษาไทยให้เป็นมาตรฐาน).

Why not `pythainlp.util.normalize` alone: its dangling-mark removal was seen deleting a real
vowel (อุบัติเหตุ) from scrambled text. We apply only repairs that cannot lose a letter:
NFC, sara am repair, Private Use Area glyphs from Thai PDF fonts mapped back, exact repeats of
a combining mark collapsed, Thai digits → Arabic (PyThaiNLP), whitespace runs collapsed.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.thai.chars import COMBINING_MARKS, to_arabic

# Thai PDF fonts (Adobe/Microsoft "Thai PUA" convention) shift marks into U+F700–U+F71A so a
# renderer without OpenType positioning still stacks them; text extraction returns the PUA code.
_PUA_TO_THAI = {
    0xF700: "ฐ", 0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื",
    0xF705: "่", 0xF706: "้", 0xF707: "๊", 0xF708: "๋", 0xF709: "์",
    0xF70A: "่", 0xF70B: "้", 0xF70C: "๊", 0xF70D: "๋", 0xF70E: "์",
    0xF70F: "ญ", 0xF710: "ั", 0xF711: "ํ", 0xF712: "็", 0xF713: "่",
    0xF714: "้", 0xF715: "๊", 0xF716: "๋", 0xF717: "์", 0xF718: "ุ",
    0xF719: "ู", 0xF71A: "ฺ",
}

_DOUBLED_MARK = re.compile(f"([{COMBINING_MARKS}])\\1+")
# Tesseract and some fonts write sara am as nikhahit + sara aa, sometimes with a tone mark between.
_SARA_AM_SPLIT = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_TONE_BEFORE_AM = re.compile("([\u0e48-\u0e4b])\u0e33")
_SPACE_RUN = re.compile(r"[ \u00a0\u200b\u3000]+")
# A tab separates table cells (a read table's row, a sheet's row): a run holding one stays one tab.
_TAB_RUN = re.compile(r"[ \u00a0\u200b\u3000]*\t[ \t\u00a0\u200b\u3000]*")


def map_private_use(text: str) -> str:
    """Replace Thai PUA presentation glyphs with the characters they draw."""
    return text.translate(_PUA_TO_THAI)


def repair_sara_am(text: str) -> str:
    """`ํ` + `า` → `ำ`, keeping a tone mark typed between them before the vowel (น้ำ)."""
    text = _SARA_AM_SPLIT.sub(lambda m: m.group(1) + "\u0e33", text)
    return _TONE_BEFORE_AM.sub(r"\1" + "\u0e33", text)


def collapse_doubled_marks(text: str) -> str:
    """An exact repeat of a combining mark is always an input artefact (ก่่ → ก่)."""
    return _DOUBLED_MARK.sub(r"\1", text)


def thai_to_arabic_digits(text: str) -> str:
    return to_arabic(text)


def collapse_spaces(text: str) -> str:
    """Collapse space runs within lines (a run with a tab in it to one tab: cells stay apart);
    keep line breaks, drop blank-line runs to one."""
    lines = [_SPACE_RUN.sub(" ", _TAB_RUN.sub("\t", line)).strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def normalise(text: str) -> str:
    """Full normalisation for stored and exported text: NFC Thai, Arabic digits, tidy spaces."""
    text = unicodedata.normalize("NFC", text)
    text = map_private_use(text)
    text = repair_sara_am(text)
    text = collapse_doubled_marks(text)
    text = thai_to_arabic_digits(text)
    return collapse_spaces(text)


def normalise_field(text: str) -> str:
    """A single-line field value: `normalise` then all whitespace (newlines too) to one space."""
    return " ".join(normalise(text).split())
