"""A verdict on a PDF page's text layer (ชั้นข้อความ): sound, repairable, or to be OCR'd.

Born-digital Thai PDFs carry text layers that extract without error and are still wrong, in ways
seen in real files:
- a wrong ToUnicode map (TCPDF with a subset TH SarabunPSK, as the Royal Gazette publishes):
  pdfplumber returns `%0%211>`; or `(cid:N)`, U+FFFD, Private Use Area code points that no Thai
  presentation form explains. Nothing can be repaired there: the page is OCR'd.
- LibreOffice with TLWG fonts writes glyph by glyph: ำ as ำา throughout, marks moved past the
  next letter (เร่อื ง). Also OCR'd.
- Word exports in TH SarabunIT๙: ำ where า belongs and ำ dropped (สำนักงำน, ตาแหน่ง); iText
  exports that drop ำ (อานาจ, จาเป็น); a stray ำา; a tone mark before its vowel or after ำ
  (ท่ี, นำ้). These are repaired where the dictionary is sure: each candidate
  edit is kept only when it turns a non-word into a dictionary word, and is recorded.
What is left is judged by its share of dictionary words. One page at a time: a file can mix a
sound page with a broken one.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from dataclasses import dataclass

from pipeline.records import LayerVerdict, Repair, TextVerdict
from pipeline.thai.chars import COMBINING_MARKS
from pipeline.thai.dictionary import (
    cost,
    is_thai,
    likelihood,
    log_frequency,
    tokens,
    unknown_letters,
    word_at,
    words,
)
from pipeline.thai.text import normalise

_CID = re.compile(r"\(cid:\d+\)")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_THAI_PUA = re.compile("[\uf700-\uf71a]")
_BAD_CODE_POINT = re.compile("[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf6ff\uf71b-\uf8ff]")
# A combining mark may only follow a consonant or another mark; anything else is scrambled order.
_LEADING_MARK = re.compile(f"(?:^|[^\u0e01-\u0e2e{COMBINING_MARKS}])[{COMBINING_MARKS}]", re.M)
_ORDINARY = set(".,:;()[]/-–—\"'“”‘’%?!&+=*•·…ฯๆ๏๚๛฿")  # punctuation Thai paperwork really prints
_LATIN_VOWELS = set("aeiouyAEIOUY")

_MIN_CHARS = 20  # fewer non-space characters than this is no text layer worth keeping
_MIN_WORD_SHARE = 0.80  # of Thai letters in dictionary words, after repair
_MAX_SYMBOLS = 0.05
# LibreOffice with TLWG fonts writes the layer glyph by glyph: ำ as ำา, and marks moved past the
# next letter (เร่อื ง, จัดตงั้) where no dictionary edit can put them back; a few ำา are repaired.
_PER_GLYPH = 2
_AM_PROSE = 150  # consonants of real prose without a single ำ: ำ was dropped throughout
_WINDOW = 14  # characters each side of an edit that the dictionary judges it by
_MIN_MERGED = 5  # an edit that joins two words (จา|เป็น → จำเป็น) must make a word this long
_PASSES = 3  # a repair can make its neighbour judgeable (สำนักงำนศึกษำธิกำร): a few passes
_SYSTEMATIC = ("dropped_am", "am_for_aa")  # faults an export makes throughout a page
_SYSTEMATIC_EVIDENCE = 3  # sure repairs of a kind that show the page has that fault
_LIKELIER = math.log(2)  # how much likelier (×2) a reading must be to replace a real word


@dataclass(frozen=True)
class _Edit:
    """A candidate repair: where the pattern matches, `replace` (a match.expand template)."""

    kind: str
    pattern: re.Pattern[str]
    replace: str


_TONE = "[\u0e48-\u0e4b]"
_EDITS = (
    _Edit("split_am", re.compile("\u0e33\u0e32"), "\u0e33"),
    _Edit("mark_order", re.compile(f"({_TONE})([\u0e31\u0e34-\u0e37])"), r"\2\1"),
    _Edit("mark_order", re.compile(f"\u0e33({_TONE})"), "\\1\u0e33"),
    _Edit("am_for_aa", re.compile("\u0e33"), "\u0e32"),
    _Edit("dropped_am", re.compile("(?<=[\u0e01-\u0e2e\u0e48-\u0e4b])\u0e32"), "\u0e33"),
)


@dataclass(frozen=True)
class LayerReading:
    """A page's text layer judged: the verdict with its evidence, and the text to stand behind
    (normalised and repaired; empty when the verdict is ocr)."""

    verdict: TextVerdict
    text: str


def judge_text_layer(raw: str) -> LayerReading:
    """The verdict on one page's extracted text layer, and its repaired, normalised text."""
    text = normalise(raw)
    evidence = _code_point_evidence(raw, text)
    refusal = _unrepairable(evidence, text)
    if refusal:
        return LayerReading(TextVerdict("ocr", refusal, **evidence), "")
    repaired, repairs = repair_text_layer(text)
    judged = TextVerdict("sound", "", **evidence, word_share_before=word_share(text),
                         word_share=word_share(repaired), misplaced_marks=len(_LEADING_MARK.findall(repaired)),
                         repairs=tuple(repairs))
    return _final(judged, repaired)


def _final(judged: TextVerdict, repaired: str) -> LayerReading:
    reason = _implausible(judged, repaired)
    if reason:
        return LayerReading(_with(judged, "ocr", reason), "")
    return LayerReading(_with(judged, "repairable" if judged.repairs else "sound", ""), repaired)


def _with(judged: TextVerdict, verdict: LayerVerdict, reason: str) -> TextVerdict:
    return dataclasses.replace(judged, verdict=verdict, reason=reason)


def _code_point_evidence(raw: str, text: str) -> dict[str, int | float]:
    return {
        "chars": sum(not c.isspace() for c in text), "thai_letters": len(_THAI_LETTER.findall(text)),
        "cid": len(_CID.findall(raw)), "bad_code_points": len(_BAD_CODE_POINT.findall(raw)),
        "thai_pua": len(_THAI_PUA.findall(raw)), "symbols": round(symbol_share(text), 3),
    }


def _unrepairable(evidence: dict[str, int | float], text: str) -> str:
    """Why no repair can save this layer ("" when one might)."""
    allowed = max(3, evidence["chars"] // 200)  # a bullet from a symbol font is no broken layer
    if evidence["chars"] < _MIN_CHARS:
        return "no text"
    if evidence["cid"] > allowed:
        return "cid codes"
    if evidence["bad_code_points"] > allowed:
        return "bad code points"
    if evidence["symbols"] > _MAX_SYMBOLS:
        return "symbols: a wrong ToUnicode map"
    if evidence["thai_letters"] == 0 and not looks_latin(text):
        return "neither Thai nor Latin: a wrong ToUnicode map"
    if text.count("\u0e33\u0e32") > _PER_GLYPH:
        return "written per glyph (ำา): marks displaced"
    return ""


def _implausible(judged: TextVerdict, text: str) -> str:
    """Why the (repaired) Thai does not read as Thai ("" when it does)."""
    if judged.thai_letters == 0:
        return ""
    if judged.word_share < _MIN_WORD_SHARE:
        return "few dictionary words"
    if judged.misplaced_marks > max(3, judged.thai_letters // 50):
        return "marks out of place"
    if judged.thai_letters >= _AM_PROSE and "\u0e33" not in text:
        return "no ำ in prose: dropped throughout"
    return ""


def symbol_share(text: str) -> float:
    """Share of non-space characters that are no letter, digit, mark or ordinary punctuation."""
    chars = [c for c in text if not c.isspace()]
    odd = sum(not (c.isalnum() or c in _ORDINARY or unicodedata.category(c).startswith("M")) for c in chars)
    return odd / len(chars) if chars else 0.0


def looks_latin(text: str) -> bool:
    """Plain Latin text (letters with vowels among them), not code points of a broken map."""
    chars = [c for c in text if not c.isspace()]
    letters = [c for c in chars if c.isascii() and c.isalpha()]
    if len(letters) < len(chars) / 2:
        return False
    return sum(c in _LATIN_VOWELS for c in letters) >= 0.25 * len(letters)


def word_share(text: str) -> float:
    """Share of Thai letters that stand in dictionary words (1.0 for text without Thai); personal
    names (after นาย/นาง/นางสาว…) are left out: no dictionary knows them, and a list of staff is
    no broken layer."""
    thai = [t for line in text.splitlines() for chunk in _without_names(line).split() for t in tokens(chunk)
            if is_thai(t)]
    total = sum(len(t) for t in thai)
    known = words()
    return round(sum(len(t) for t in thai if t in known) / total, 3) if total else 1.0


_TITLE = re.compile(r"นางสาว|นาย|นาง|น\.ส\.|ว่าที่\s*ร\.ต\.")
_NAME = re.compile(r"\s*[^\s\d]{1,20}(?:\s+[^\s\d]{1,20})?")  # given name and surname, a layer has no more


def _name_spans(line: str) -> list[tuple[int, int]]:
    """Where personal names stand: a title that starts a word of its own (นาย|สมชาย, not นายก or
    ทนาย) and at most two short chunks after it."""
    spans = []
    for title in _TITLE.finditer(line):
        start = title.start()
        lo = max(0, start - _WINDOW)
        around = line[lo:title.end() + _WINDOW]
        hit = word_at(around, start - lo)
        if hit is None or hit[0] != start - lo or len(hit[1]) > len(title.group()):
            continue  # inside a word (ทนาย), or an office (นายก, นายอำเภอ, นางพยาบาล)
        name = _NAME.match(line, title.end())
        spans.append((start, name.end() if name else title.end()))
    return spans


def _without_names(line: str) -> str:
    for start, end in reversed(_name_spans(line)):
        line = line[:start] + " " + line[end:]
    return line


def repair_text_layer(text: str) -> tuple[str, list[Repair]]:
    """The known text-layer faults repaired where the dictionary is sure, line by line.

    Where the sure repairs show a page confusing ำ and า throughout (an export that drops ำ, or
    writes า as ำ), a second round also settles spellings the dictionary alone cannot (นา|นำ,
    ทา|ทำ: both words): the reading written Thai makes likelier wins."""
    repaired, repairs = _repair_lines(text, frozenset())
    kinds = frozenset(k for k in _SYSTEMATIC if sum(r.kind == k for r in repairs) >= _SYSTEMATIC_EVIDENCE)
    if kinds:
        repaired, more = _repair_lines(repaired, kinds)
        repairs += more
    return repaired, repairs


def _repair_lines(text: str, systematic: frozenset[str]) -> tuple[str, list[Repair]]:
    lines, repairs = [], []
    for line in text.split("\n"):
        fixed, made = _repair_line(line, systematic)
        lines.append(fixed)
        repairs.extend(made)
    return "\n".join(lines), repairs


def _repair_line(line: str, systematic: frozenset[str]) -> tuple[str, list[Repair]]:
    repairs: list[Repair] = []
    for _ in range(_PASSES):
        before = len(repairs)
        for edit in _EDITS:
            line = _apply(line, edit, repairs, edit.kind in systematic)
        if len(repairs) == before:
            break
    return line, repairs


def _apply(line: str, edit: _Edit, repairs: list[Repair], systematic: bool) -> str:
    """Every match of the edit, right to left (offsets to the left stay valid), kept where sure."""
    names = _name_spans(line)
    out = line
    judge = _likelier_word if systematic else _fixed_word
    for match in reversed(list(edit.pattern.finditer(line))):
        at, end = match.span()
        if any(a <= at < b for a, b in names):
            continue
        new = match.expand(edit.replace)
        lo, hi = max(0, at - _WINDOW), min(len(out), end + _WINDOW)
        window = out[lo:hi]
        fixed = judge(window, window[: at - lo] + new + window[end - lo:], at - lo, len(new) - (end - at))
        if fixed is not None:
            out = out[:at] + new + out[end:]
            repairs.append(Repair(edit.kind, *fixed))
    return out


def _edited_word(window: str, candidate: str, offset: int, grown: int) -> tuple[str, str] | None:
    """(the span as it was, the dictionary word it is now) around the edit, or None."""
    hit = word_at(candidate, offset)
    if hit is None or hit[1] not in words():
        return None
    start, word = hit
    return window[start:start + len(word) - grown], word


def _fixed_word(window: str, candidate: str, offset: int, grown: int) -> tuple[str, str] | None:
    """(non-word, word) when the edit at `offset` turns a non-word into a dictionary word and the
    window reads better for it; None otherwise."""
    edited = _edited_word(window, candidate, offset, grown) if cost(candidate) < cost(window) else None
    if edited is None or edited[0] in words():
        return None  # a word already: the edit would change the meaning, not repair the layer
    parts = tokens(edited[0])
    if all(t in words() for t in parts) and not _is_likelier_joined(parts, edited[1]):
        return None  # real words side by side (ที่|นำ) are no broken one, unless far likelier joined
    return edited


def _is_likelier_joined(parts: tuple[str, ...], word: str) -> bool:
    """Is the joined word (จำเป็น) far commoner in written Thai than its parts in a row (จา|เป็น)?"""
    return len(word) >= _MIN_MERGED and log_frequency(word) > sum(log_frequency(p) for p in parts)


def _likelier_word(window: str, candidate: str, offset: int, grown: int) -> tuple[str, str] | None:
    """On a page that confuses ำ and า throughout: the sure repair, a long word made of short
    ones (นา|เสนอ → นำเสนอ), or the reading written Thai makes clearly likelier (การนาองค์กร →
    การนำองค์กร)."""
    sure = _fixed_word(window, candidate, offset, grown)
    if sure is not None:
        return sure
    edited = _edited_word(window, candidate, offset, grown)
    if edited is None:
        return None
    before, word = edited
    if before not in words():  # a long word made of short ones: fewer words, or likelier ones
        return edited if len(word) >= _MIN_MERGED and _reads_better(window, candidate) else None
    likelier = log_frequency(word) > log_frequency(before) + _LIKELIER
    if likelier and unknown_letters(candidate) <= unknown_letters(window):
        return edited if likelihood(candidate) >= likelihood(window) else None
    return None


def _reads_better(window: str, candidate: str) -> bool:
    old, new = cost(window), cost(candidate)
    return new < old or (new == old and likelihood(candidate) > likelihood(window) + _LIKELIER)


def apply_repairs(text: str, repairs: tuple[Repair, ...] | list[Repair]) -> str:
    """The page's repairs, in the order made, applied to a piece of it (a word box, a table cell)."""
    for repair in repairs:
        text = text.replace(repair.before, repair.after)
    return text
