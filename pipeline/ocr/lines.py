"""Targeted re-OCR of single lines (อ่านบรรทัดซ้ำ): a line's crop read again as one Thai line.

Why: the page default `tha+eng` lets the `eng` model turn Thai month names, `ที่ มท` and digits
into Latin on scans (`18 HUNAN 2564`, `HAN 0509.2/ว 4233`, `W. A` for พ.ศ.), and page layout
analysis splits or skips lines. Read alone with `-l tha --psm 7`, the same crop comes back as
Thai. `tha` alone wrecks real English (emails), so this is only for the few lines a caller
names (the letter header: ที่, date, เรื่อง, stamp), and a `judge` decides per line whether the
new reading replaces the old one. Tokens keep the old line id, so the numeral reader and
`text_from_tokens` treat them like any other line; call this before the numeral pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

from pipeline.errors import OcrError
from pipeline.ocr import cache
from pipeline.ocr.tesseract import (
    OcrOptions,
    OcrResult,
    group_tokens,
    run_tesseract,
    text_from_tokens,
)
from pipeline.records import Page, PageError, Word
from pipeline.thai.chars import to_arabic

LINE_OPTIONS = OcrOptions(languages="tha", timeout=30, psm=7)
# The same crop read as a block of text: with --psm 7 the marks of the lines above and below that
# reach into a line's crop may derail the whole reading (seed 1039 img022: a clean `เรียน อธิบดีกรม
# ส่งเสริมการปกครองท้องถิ่น` read `เอียน 0 0 หกครองท้องถิ่น`); block layout sets them apart as lines
# of their own. For the few lines whose reading stays poor (see header_lines.poorly_read_line_ids).
BLOCK_OPTIONS = OcrOptions(languages="tha", timeout=30, psm=6)
_PAD = 12  # pixels around the line's box: Tesseract needs a margin to see the first glyph
Judge = Callable[[str, str], bool]  # (old line text, new line text) → take the new one?
Seam = Callable[[list[Word]], "int | None"]  # a line's tokens → x where a re-reading may take over
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9]")


def lines_of(words: list[Word]) -> dict[int, list[Word]]:
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return lines


def _box(words: list[Word], shape: tuple[int, ...], reach: float = 0.0,
         band: list[Word] | None = None, edge: int = 0) -> tuple[int, int, int, int]:
    """The line's tokens' box with a margin, and `reach` line heights more to the right, or on to
    `edge` where that is further; its top and bottom from the `band` tokens only, when given
    (see `band_words`)."""
    height, width = shape[:2]
    band = band or words
    line_height = max(w.top + w.height for w in band) - min(w.top for w in band)
    left = max(0, min(w.left for w in words) - _PAD)
    top = max(0, min(w.top for w in band) - _PAD)
    right = min(width, max(max(w.left + w.width for w in words) + int(reach * line_height), edge) + _PAD)
    bottom = min(height, max(w.top + w.height for w in band) + _PAD)
    return left, top, right, bottom


_COLUMN_SHARE = 0.8  # of the page's lines end left of its text column's right edge


def column_edge(page_words: list[Word]) -> int:
    """Where the page's text column ends on the right: the right end that its long lines (a
    justified body) reach; short lines (a date, a label) end left of it, and a few beyond it
    (a stamp) are passed over. A line whose last words OCR lost (a subject's `…ส่วนท้องถิ่นและ`
    read up to `…ส่วนท้อง`) is read again up to it, not only as far as its tokens go."""
    ends = sorted(max(w.left + w.width for w in line) for line in lines_of(page_words).values())
    return ends[min(len(ends) - 1, int(_COLUMN_SHARE * len(ends)))] if ends else 0


_GLYPH = 0.3  # of the line's height: no glyph is narrower; specks and rule ends are


def runs_on(image: np.ndarray, words: list[Word]) -> bool:
    """Whether ink right of the line's tokens continues it: a glyph's width of inked columns in
    the line's core rows within a line height of its last token (words OCR lost run on at word
    spacing). Where it does not, a crop to the column's edge is the tokens' own crop and blank
    paper: Tesseract reads it again for the cost of its width and finds no lost word (measured
    on 16 scanned files of seed 1046: 68 re-reads to the column's edge, none read a word more;
    the few it changed, it changed in their trailing specks), so it is not read again."""
    top, bottom = min(w.top for w in words), max(w.top + w.height for w in words)
    height = bottom - top
    right = max(w.left + w.width for w in words)
    core = image[top + height // 4:bottom - height // 4, right:right + height]
    gray = core if core.ndim == 2 else cv2.cvtColor(core, cv2.COLOR_RGB2GRAY)
    return int((gray < _INK_LEVEL).any(axis=0).sum()) >= _GLYPH * height if gray.size else False


_INK_LEVEL = 128  # grey level: darker is ink
_STRETCHED = 1.4  # times the page's usual word height: a token that took in a neighbouring line


def band_words(words: list[Word], page_words: list[Word]) -> list[Word]:
    """The line's tokens that keep to its own band. Page layout at times makes one token of a
    line's words and the ink of the lines above and below (seen: a subject line read as
    `[50ภ0ภ7ฝไฝ":(ไมไข)…`, its box 158 px tall beside a 92 px label); a crop that tall reads
    the same garbage again, one cut to the line's other tokens reads the line whole. Tall
    tokens are also just a line's marks above and below, so the band's reading is one more
    candidate for the judge, never the only one (measured on ten generated corpora: taken
    alone, it mended as many subject lines as it broke)."""
    heights = sorted(w.height for w in page_words if len(w.text) >= 2)
    if not heights:
        return words
    usual = heights[len(heights) // 2]
    return [w for w in words if w.height <= _STRETCHED * usual] or words


def cached_ocr(crop: np.ndarray, options: OcrOptions, cache_dir: Path | None, prefix: str = "line") -> list[Word]:
    """Tokens of a crop in crop coordinates, cached by the crop's pixels and the options."""
    path = cache.entry_path(cache_dir, crop, options, prefix) if cache_dir is not None else None
    return cache.read_through(path, lambda: _tokens_of(crop, options)).words


def _tokens_of(crop: np.ndarray, options: OcrOptions) -> OcrResult:
    tokens = group_tokens(*run_tesseract(crop, options))
    return OcrResult(tokens, text_from_tokens(tokens), 0.0)


def read_line(page: Page, line_id: int, options: OcrOptions = LINE_OPTIONS,
              cache_dir: Path | None = None, reach: float = 0.0, own_band: bool = False,
              to_column: bool = False, ink_only: bool = False) -> list[Word]:
    """The tokens of one line read again from its crop, in page coordinates, with its line id;
    the crop reaches `reach` line heights right of the tokens (words OCR lost there), or, with
    `to_column`, on to the page's text column edge, and, with `own_band`, keeps to the band of
    the line's tokens of usual height (see `band_words`); with `ink_only`, the crop is read as
    black ink on white (see `ink_on_white`)."""
    words = lines_of(page.words).get(line_id)
    if page.image is None or not words:
        return []
    band = band_words(words, page.words) if own_band else words
    edge = column_edge(page.words) if to_column else 0
    left, top, right, bottom = _box(words, page.image.shape, reach, band, edge)
    crop = page.image[top:bottom, left:right]
    tokens = cached_ocr(ink_on_white(crop) if ink_only else crop, options, cache_dir)
    middle = (min(w.top for w in band) + max(w.top + w.height for w in band)) / 2
    others = [w for w in page.words if w.line != line_id]
    placed = [replace(t, left=t.left + left, top=t.top + top, block=words[0].block, line=line_id) for t in tokens]
    return [_off_neighbours(t, others, middle) for t in placed]


def ink_on_white(crop: np.ndarray) -> np.ndarray:
    """The crop thresholded at its Otsu level: ink black, paper white.

    Why: on a grey scan with specks Tesseract's own binarisation of a line crop can lose glyphs
    of a clean line (seen on seed 1038: `…จังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น` read
    `…จังหวัดดีตนเกาก`, and the same crop thresholded read whole). One more reading for the
    judge, never the only one: a dark stamp or smudge turns solid black here."""
    gray = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    if int(gray.max()) - int(gray.min()) < _MIN_CONTRAST:  # blank paper: Otsu would make up ink
        return crop
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return ink


_MIN_CONTRAST = 40  # grey levels between a crop's darkest and lightest pixel for it to hold ink


def _off_neighbours(token: Word, others: list[Word], middle: float) -> Word:
    """With --psm 7 Tesseract stretches boxes over the whole crop, margin included. The numeral
    reader assigns digit runs to tokens by their boxes, so a box reaching into the next line
    takes that line's number (measured: a year wrapped under a subject line was read twice).
    Boxes are cut back to where the neighbouring lines' own tokens begin; otherwise they are
    left as read (the reader takes its digit band from them)."""
    top, bottom = token.top, token.top + token.height
    for w in others:
        if w.left >= token.left + token.width or token.left >= w.left + w.width:
            continue
        if w.top > middle:
            bottom = min(bottom, w.top)
        elif w.top + w.height < middle:
            top = max(top, w.top + w.height)
    if bottom <= top:
        return token
    return replace(token, top=top, height=bottom - top)


def reocr_lines(page: Page, line_ids: list[int], judge: Judge, options: OcrOptions = LINE_OPTIONS,
                cache_dir: Path | None = None, reach: float = 0.0, to_column: bool = False,
                seam: Seam | None = None, ink_only: bool = False) -> list[int]:
    """Replace each named line's tokens with its re-read tokens where `judge` prefers them
    (crops as `read_line` makes them); with a `seam`, the page's tokens left of where it says
    and the re-read ones right of it are one more candidate (see `spliced`).

    Returns the ids of the lines replaced. An OCR failure on one line keeps the old reading
    and is noted on the page; it never fails the page.
    """
    replaced: list[int] = []
    for line_id in line_ids:
        old = lines_of(page.words).get(line_id, [])
        if to_column and page.image is not None and old and not runs_on(page.image, old):
            continue  # nothing lost to read on to: its crop is its tokens' own, and blank paper
        try:
            band = band_words(old, page.words)
            new = read_line(page, line_id, options, cache_dir, reach, to_column=to_column, ink_only=ink_only)
            banded = read_line(page, line_id, options, cache_dir, reach, own_band=True, to_column=to_column,
                               ink_only=ink_only) if band != old else []
        except OcrError as e:
            page.errors.append(PageError(page.number, e.reason, f"line {line_id}: {e}", stage="line_reocr"))
            continue
        at = seam(old) if seam is not None and old else None
        cut = spliced(old, new, at)
        candidates = [patched(old, new), cut, new, banded, tall_words_whole(old, band, new, banded)]
        best = _judged(old, candidates, judge) if new or banded else old
        if best is not old:
            # a date's re-read digits are boxed like the old ones right of the seam only
            like = [w for w in old if at is None or w.left + w.width > at] if best is cut else old
            page.words = _splice(page.words, line_id, number_boxes(like, best))
            replaced.append(line_id)
    if replaced:
        page.raw_text = text_from_tokens(page.words)
    return replaced


def _judged(old: list[Word], candidates: list[list[Word]], judge: Judge) -> list[Word]:
    """The reading the judge ends on, each candidate put against the best one so far."""
    best = old
    for candidate in candidates:
        if candidate and candidate is not best and judge(text_from_tokens(best), text_from_tokens(candidate)):
            best = candidate
    return best


def tall_words_whole(old: list[Word], band: list[Word], new: list[Word], banded: list[Word]) -> list[Word]:
    """The band's reading, but under the line's tall tokens the whole crop's reading.

    Why: a token is tall for taking in its neighbours' ink, or for its own brackets and marks
    (`(ตามบัญชีแนบท้าย)` beside an office name). The band's crop cuts such a word's top and
    bottom off (read `เบ1`), the whole crop reads it but may garble the rest (`ง0ปไ` for the
    office): each reading is taken where its crop was right. Offered to the judge too."""
    tall = [w for w in old if w not in band]
    if not banded or not tall:
        return []
    keep = [t for t in banded if not any(_centre_inside(t, w) for w in tall)]
    if any(_overlap(t, w) > _PAD for t in keep for w in tall):
        return []  # the band read across a tall token's place (`ผู้ว่าราชการจังหวัดกาญจนบุรี`): no seam to mix at
    whole = [t for t in new if any(_centre_inside(t, w) for w in tall)]
    return sorted(keep + whole, key=lambda t: t.left) if whole else []


def _overlap(a: Word, b: Word) -> int:
    return min(a.left + a.width, b.left + b.width) - max(a.left, b.left)


def patched(old: list[Word], new: list[Word]) -> list[Word]:
    """The old line with only its Latin tokens swapped for the re-read tokens under them.

    Why: the `eng` model's misreadings are word by word (`NNN 0809.2/725` for ที่ มท ๐๘๐๙.๒/๗๒๕),
    while a whole-line re-read may garble words the page read well (a stamp's speck becomes a
    lone digit, a serial loses a glyph). Offered to the judge next to the whole re-read."""
    out: list[Word] = []
    for token in old:
        under = [t for t in new if _centre_inside(t, token)] if _LATIN.search(token.text) else []
        out += [_within(t, token) for t in under] or [token]
    return out if any(w not in old for w in out) else old


def spliced(old: list[Word], new: list[Word], at: int | None) -> list[Word]:
    """The page's tokens left of the seam, the re-read tokens right of it.

    Why: a line's re-reading may mend one part and garble another (a cited date's month read
    where the page had `ล ey`, the number before it garbled `๑ส๐๒.๒`); where the caller knows
    which part of the line is in question (the date after ลงวันที่, `at` its seam's x), each
    reading is taken where it is wanted. Empty when there is no seam or nothing right of it was
    re-read."""
    if at is None:
        return []
    # --psm 7 boxes may stretch back over the whole crop: cut at the seam, or the numeral reader
    # hands the cited number's digits to the date's tokens
    right = [replace(t, left=max(t.left, at), width=t.left + t.width - max(t.left, at))
             for t in new if t.left + t.width / 2 > at and t.left + t.width > at]
    return [w for w in old if w.left + w.width <= at] + right if right else []


def _within(token: Word, span: Word) -> Word:
    """A re-read token put in the page word it stands for: --psm 7 boxes may stretch over a
    neighbour (a year's box over the day before it, whose digit the numeral reader then gave
    the year), the page's box of the word does not."""
    left = max(token.left, span.left)
    right = min(token.left + token.width, span.left + span.width)
    return replace(token, left=left, width=max(1, right - left), top=span.top, height=span.height,
                   line=span.line, block=span.block)


def number_boxes(old: list[Word], new: list[Word]) -> list[Word]:
    """New tokens whose number the old line read too take a box covering both readings' boxes.

    Why: with --psm 7 Tesseract's word boxes can be far off sideways (a four-digit serial
    given a box one digit wide), and the numeral reader hands each number it finds on the image
    to the token whose box covers it: a short box gives a serial's digits to the next token. The
    page reading's box can be the short one too (a year's first digit outside it, ๒๕๖๔ → 564;
    a token that read only the office digits of `๐๘๑๐.๗/ว`), so neither box alone is trusted.
    A page token that also held a word the re-read gives a token of its own (`มกราคม.๒๕๒๕`)
    lends no box over that word: the year, boxed from the month's left, would come first."""
    return [_boxed_like(t, old, new) for t in new]


def _boxed_like(token: Word, old: list[Word], new: list[Word]) -> Word:
    digits = _digits(token.text)
    same = [w for w in old if digits and _digits(w.text) == digits]
    if not same:
        return token
    near = min(same, key=lambda w: abs(w.left - token.left))
    left, top = min(token.left, near.left), min(token.top, near.top)
    right = max(token.left + token.width, near.left + near.width)
    bottom = max(token.top + token.height, near.top + near.height)
    grown = replace(token, left=left, top=top, width=right - left, height=bottom - top)
    taken = [w for w in new if w is not token and _centre_inside(w, grown) and not _centre_inside(w, token)]
    return token if taken else grown


def _digits(text: str) -> str:
    return "".join(_DIGIT.findall(to_arabic(text)))


def _centre_inside(token: Word, span: Word) -> bool:
    centre = token.left + token.width / 2
    return span.left <= centre <= span.left + span.width


def _splice(words: list[Word], line_id: int, new: list[Word]) -> list[Word]:
    """`new` in place of the line's old tokens, keeping the reading order of the page."""
    at = next(i for i, w in enumerate(words) if w.line == line_id)
    rest = [w for w in words if w.line != line_id]
    before = sum(1 for w in words[:at] if w.line != line_id)
    return rest[:before] + new + rest[before:]
