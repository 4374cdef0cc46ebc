"""Numbers of named letter lines read again as whole ink words (อ่านเลขทั้งคำ).

Why: the numeral pass reads a row with the glyph reader that must also tell Thai letters from
digits, and hands each digit run to a token by its box. On a letter's ที่ line the `tha` re-read's
boxes can sit a word off, and a rounded face's ๔ and ๖ pass for letters there, so a serial
๔๖๗๓ comes out `73` (seen on a scan: `ที่มท 0809.2/ว 73 4น`). The number's own ink word (the
glyphs up to the blank gaps either side) holds a number by what the row says around it, so it is
read again the way a table cell is, leaning towards digits. A reading that keeps the row pass's
digits, in order, and adds some is offered for the named lines; which lines are worth it and
whether the line reads better is the extractor's call (`judge`). The row pass's reading stays
among the token's alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import cv2
import numpy as np

from pipeline.numerals import NumeralReader
from pipeline.numerals.reader import GlyphReading, reading_from_glyphs
from pipeline.numerals.rows import row_readings
from pipeline.numerals.runs import MAX_GAP, Run, find_runs, on_row
from pipeline.numerals.segment import Band, binarise, upper_quartile
from pipeline.ocr.lines import lines_of
from pipeline.ocr.tesseract import text_from_tokens
from pipeline.records import Page, Word

Judge = Callable[[str, str], bool]  # (old line text, new line text) → take the new one?
_SURE = 0.8  # the whole-word reading's confidence needed to add digits (the judge checks the rest)
_PAD = 0.25  # of the line's height, above and below the word's glyphs
_CONTEXT = 4.0  # how far beyond the line's outer tokens its window reaches, in token heights
_SPECK = 0.12  # ink no taller or wider than this share of the line's letter height is dust (a point is wider)


def ink_word(glyphs: list[GlyphReading], run: Run) -> tuple[int, int, int, int] | None:
    """Box (left, top, right, bottom) of the ink word holding `run`: its glyphs and their
    neighbours up to a gap wider than a number's (`MAX_GAP` of the band height), from the top to
    the bottom of their text band. None when no glyph lies under the run."""
    row = sorted((g for g in glyphs if on_row(g)), key=lambda g: g.glyph.x)
    inside = [k for k, g in enumerate(row) if run.left <= g.glyph.x < run.right]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    while first > 0 and _gap(row[first - 1], row[first]) <= _max_gap(row[first]):
        first -= 1
    while last + 1 < len(row) and _gap(row[last], row[last + 1]) <= _max_gap(row[last]):
        last += 1
    word = row[first:last + 1]
    bands = [g.band or Band(float(g.glyph.y), float(g.glyph.y1)) for g in word]
    return (word[0].glyph.x, int(min(b.top for b in bands)),
            max(g.glyph.x1 for g in word), int(max(b.bottom for b in bands)))


def _gap(a: GlyphReading, b: GlyphReading) -> int:
    return b.glyph.x - a.glyph.x1


def _max_gap(g: GlyphReading) -> float:
    return MAX_GAP * (g.band.height if g.band else g.glyph.h)


def word_readings(reader: NumeralReader, gray: np.ndarray, box: tuple[int, int, int, int], run: Run) -> list[str]:
    """Sure readings of the ink word's number that holds `run`: the word's crop, cut to the text
    band of its glyphs and to the run's own height, each read as a row and as a cell (leaning
    towards digits). The row pass took its band from the whole line; in the word's own crop a
    glyph it read as a letter can come out a digit (seen: `/ว@747` read 4747 as a row, the cell
    reading unsure of its ๔; ๔๖๗๓ read whole as a cell only in the run's height)."""
    return [text for text, _ in word_runs(reader, gray, box, run)]


def word_runs(reader: NumeralReader, gray: np.ndarray, box: tuple[int, int, int, int],
              run: Run) -> list[tuple[str, int]]:
    """`word_readings`, each with the page column where its number's ink starts."""
    left, top, right, bottom = box
    out = []
    for y0, y1 in ((top, bottom), (run.top, run.bottom)):
        pad = int(_PAD * (y1 - y0)) + 2
        x0, y = max(0, left - pad), max(0, y0 - pad)
        crop = gray[y:y1 + pad, x0:right + pad]
        out += [found for glyphs in _readings_of(reader, crop) if (found := _sure_run(glyphs, run, x0))]
    return out


def _readings_of(reader: NumeralReader, crop: np.ndarray) -> list[list[GlyphReading]]:
    return [reader.glyphs.read_row(crop), reader.cell_glyphs.read_glyphs(crop)] if crop.size else []


def _sure_run(glyphs: list[GlyphReading], run: Run, x0: int) -> tuple[str, int] | None:
    """The text of the reading's run over the row pass's `run` and its page column, when sure."""
    over = [found for found in find_runs(glyphs) if found.left + x0 < run.right and run.left < found.right + x0]
    reading = reading_from_glyphs(list(over[0].glyphs)) if over else None
    return (reading.text, over[0].left + x0) if reading is not None and reading.confidence >= _SURE else None


def grown_number(row_pass: str, word: str) -> bool:
    """The word's reading keeps every character of the row pass's, in order, and adds some: digits,
    or a separator the row pass lost (whether a date still reads right is the judge's call)."""
    rest = iter(word)
    return len(word) > len(row_pass) and all(ch in rest for ch in row_pass)


def line_ink(gray: np.ndarray, words: list[Word]) -> np.ndarray:
    """A copy of the page in which the line's window holds only the line's own ink: what the
    window cuts from the lines above and below (ink touching its top or bottom edge, or centred
    further from the line's middle than half its tokens' height: a tall token, a bar or a
    garbled `ที่`, stretches the window over a short line above) and dust (specks far smaller
    than the line's letters) are painted over with paper.

    Why: the row pass takes each glyph's band from its neighbours along the row; on a clean memo
    the descenders of the line above, cut by the window, stood among the serial's glyphs and set
    their band, and ๓๑๐๖ of `มท ๐๘๑๐.๗/ว ๓๑๐๖` were all read as letters (the ที่ line reached the
    page text as `ที่ มท 08.106) 707 ว7ภ`); on another the telephone extension on the short line
    above joined the serial (`0809.2/1245 1545`). Pages with thousands of specks give the reader
    dust to join to digits or to read as points."""
    x0, y0, x1, y1 = _window(gray, words)
    crop = gray[y0:y1, x0:x1]
    if crop.size == 0:
        return gray
    count, labels, stats, _ = cv2.connectedComponentsWithStats(binarise(crop).astype(np.uint8), connectivity=8)
    letter = _letter_height(stats, words)
    middle = float(np.median([w.top + w.height / 2 for w in words])) - y0
    reach = 0.5 * float(np.median([w.height for w in words]))
    stray = [k for k in range(1, count) if _not_the_lines(stats[k], crop.shape[0], letter)
             or abs(stats[k][1] + stats[k][3] / 2 - middle) > reach]
    out = gray.copy()
    gone = cv2.dilate(np.isin(labels, stray).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    out[y0:y1, x0:x1][gone] = int(upper_quartile(crop))  # with the grey rim the ink mask leaves
    return out


def _window(gray: np.ndarray, words: list[Word]) -> tuple[int, int, int, int]:
    """The line's tokens' box, wider by `_CONTEXT` token heights and taller by a sixth of one."""
    h = float(np.median([w.height for w in words]))
    pad = max(2, int(h) // 6)
    x0 = max(0, int(min(w.left for w in words) - _CONTEXT * h))
    x1 = min(gray.shape[1], int(max(w.left + w.width for w in words) + _CONTEXT * h))
    y0 = max(0, min(w.top for w in words) - pad)
    return x0, y0, x1, min(gray.shape[0], max(w.top + w.height for w in words) + pad)


def _letter_height(stats: np.ndarray, words: list[Word]) -> float:
    """The median height of the window's letter-sized ink: between a fifth and four fifths of the
    tokens' height (Tesseract's boxes hold the marks above and below the letters)."""
    h = float(np.median([w.height for w in words]))
    sized = [int(s[3]) for s in stats[1:] if 0.2 * h <= s[3] <= 0.8 * h]
    return float(np.median(sized)) if sized else 0.4 * h


def _not_the_lines(stat: np.ndarray, height: int, letter: float) -> bool:
    _, top, w, h, _ = (int(v) for v in stat)
    return top == 0 or top + h >= height or max(w, h) < _SPECK * letter


def reread_line_numbers(reader: NumeralReader, gray: np.ndarray, words: list[Word]) -> list[Word]:
    """The line's numbers read again from its own ink (`line_ink`), and then each number the row
    pass read short replaced by its ink word's longer reading (the old text is kept among the
    token's alternatives)."""
    gray = line_ink(gray, words)
    return grown_numbers(reader, gray, _on_tokens(reader.reread_words(gray, words), words))


def grown_numbers(reader: NumeralReader, gray: np.ndarray, words: list[Word]) -> list[Word]:
    """The tokens with each number the row pass read short replaced by its ink word's longer
    reading (the old text is kept among the token's alternatives)."""
    glyphs = row_readings(reader.glyphs, gray, words)
    out = list(words)
    for run in find_runs(glyphs):
        box = ink_word(glyphs, run)
        readings = word_runs(reader, gray, box, run) if box else []
        longer = [w for w in readings if len(w[0]) > len(run.text)]
        same = [w for w in readings if w[0] == run.text]
        if longer:  # the longest: one crop may read the word's first glyph as a letter still (`673`)
            long, left = max(longer, key=lambda w: len(w[0]))
            out = _letter_on_its_ink(_given_to_token(out, run.text, long), long, left)
        elif same:  # the row pass read the whole number, but Tesseract's letter for its first digit stayed
            out = _letter_on_its_ink(out, *same[0])
    return out


def _on_tokens(new: list[Word], old: list[Word]) -> list[Word]:
    """The re-read tokens but those standing where the line had none: a number the row pass
    found under no token of this line is another line's, seen through the window (the page pass
    gave it out already; seen: the ที่ line's `0801.5` added to a garbled line beside it)."""
    return [w for w in new if any(w.left < o.left + o.width and o.left < w.left + w.width for o in old)]


_TOKEN_NUMBER = re.compile(r"\d[\d.,/\-]*\d|\d")
_SYMBOLS = "@#*%!?&$"  # what Tesseract writes for a Thai digit it cannot read (๔ as @)


def _given_to_token(words: list[Word], run: str, long: str) -> list[Word]:
    """`long` in place of the one number of the tokens that holds the row pass's `run` and whose
    digits `long` keeps, in order, adding some (the run may be a piece of the token's number:
    a day's ๑ read as a letter left `3/7/6` of `13/7/65`, and `3.5` of `0023.5` was a run too,
    which `0023.53.5` does not grow). Unchanged when none or several numbers qualify."""
    found = [(k, m) for k, w in enumerate(words) for m in _TOKEN_NUMBER.finditer(w.text)
             if run in m.group() and grown_number(m.group(), long)]
    if not found and long.isdigit():  # the serial after a number's slash (`0023.4/032` for ๐๐๒๓.๔/ว๓๐๓๒)
        found = [(k, serial) for k, w in enumerate(words) for m in _TOKEN_NUMBER.finditer(w.text)
                 if (serial := _SERIAL.search(w.text, m.start(), m.end()))
                 and run in serial.group() and grown_number(serial.group(), long)]
    if len(found) != 1:
        return words
    k, m = found[0]
    old = words[k]
    start = m.start()
    if long.endswith(m.group()) and start > 0 and old.text[start - 1] in _SYMBOLS:
        start -= 1  # the symbol Tesseract wrote for the digit the word's reading puts there (`/ว@747`)
    return _with_text(words, k, old.text[:start] + long + old.text[m.end():])


_SERIAL = re.compile(r"(?<=[/\ufffd])\d+$")  # the digits after a number's slash (and mark), at its end


def _with_text(words: list[Word], k: int, text: str) -> list[Word]:
    old = words[k]
    new = replace(old, text=text, alternatives=(old.text, *old.alternatives)[:3])
    return [*words[:k], new, *words[k + 1:]]


# One or two letters opening a token, glued to its number.
_MARK = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?"
_LETTERS_FIRST = re.compile(f"^[ก-ฮ]{_MARK}(?:[ก-ฮ]{_MARK})?(?=\\d)")
_INK_SLACK = 0.25  # of the token's height: how far a token's box may start left of its first ink


def _letter_on_its_ink(words: list[Word], long: str, left: int) -> list[Word]:
    """The tokens with a letter Tesseract wrote for part of a digit's ink dropped: the token opens
    with the letter glued to the word's number, the word's reading (`long`, its ink starting at
    page column `left`) holds as many digits as the token's number, and the token starts where
    that ink does. Seen: ๓๓๘๒ whose first ๓ broke in two, read `ต3382` (the ต was half of the ๓,
    the 3 the other half) and taken downstream for `/ว 3382`. A letter of its own ink (the ว of
    `ว3382`) starts the token left of the number's ink."""
    for k, w in enumerate(words):
        lead = _LETTERS_FIRST.match(w.text)
        number = _TOKEN_NUMBER.match(w.text, lead.end()) if lead else None
        if number and number.group() == long and abs(w.left - left) <= _INK_SLACK * w.height:
            return _with_text(words, k, w.text[lead.end():])
    return words


LineRead = Callable[[NumeralReader, np.ndarray, list[Word]], list[Word]]


def reread_numbers(page: Page, line_ids: list[int], reader: NumeralReader, judge: Judge,
                   reads: tuple[LineRead, ...] | None = None) -> list[int]:
    """Re-read the numbers of the named lines as whole ink words; a line takes the first of
    `reads` (by default the whole line, else its short numbers) that `judge(old, new)` prefers.
    Returns the ids of the lines changed."""
    if page.image is None:
        return []
    changed = []
    lines = lines_of(page.words)
    for line_id in line_ids:
        old = lines.get(line_id, [])
        for read in reads or (reread_line_numbers, grown_numbers):
            new = read(reader, page.image, old) if old else old
            if new != old and judge(text_from_tokens(old), text_from_tokens(new)):
                page.words = _spliced(page.words, old, new)
                changed.append(line_id)
                break
    if changed:
        page.raw_text = text_from_tokens(page.words)
    return changed


def _spliced(words: list[Word], old: list[Word], new: list[Word]) -> list[Word]:
    """The page's words with the line's `old` tokens replaced by `new`, where the first stood (the
    re-read may join a number Tesseract split, so the line may hold fewer tokens)."""
    olds = {id(o) for o in old}
    first = next(k for k, w in enumerate(words) if id(w) in olds)
    rest = [w for w in words if id(w) not in olds]
    return rest[:first] + list(new) + rest[first:]
