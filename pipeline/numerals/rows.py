"""Re-read the numbers of OCR tokens row by row (อ่านตัวเลขทั้งบรรทัด).

Each text row is segmented and classified once. Numbers are found as runs of digit glyphs
(runs.py) and each run is given to one token: the token holding digits that overlaps it most.
That way a leading digit under a neighbour's loose Thai box still joins its number, a number
Tesseract split in two becomes one token again, and a number Tesseract dropped or wrote as
letters (๗ → «) is recovered. Tokens that neither hold digits nor own a sure run keep
Tesseract's text untouched: it reads Thai letters well.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from pipeline.components import with_stats
from pipeline.numerals.reader import GlyphReader, GlyphReading, reading_from_glyphs
from pipeline.numerals.runs import Run, find_runs, on_row
from pipeline.numerals.segment import Band, Glyph, binarise
from pipeline.numerals.words import OFFICE_SLASH, reread_text, should_reread
from pipeline.records import Word
from pipeline.thai.chars import UNREADABLE, to_arabic

# How far beyond the row's outer tokens to look, in token heights: Tesseract's box for a
# number at a row's end can be short by a digit or two, or the number missing altogether.
CONTEXT = 4.0
# A run overlapping two digit tokens by this much of its band height in each was one number
# that Tesseract split (27 | ,384).
SPLIT_OVERLAP = 0.5


def rows_of(words: list[Word]) -> list[list[int]]:
    """Word indices per text row: Tesseract's line, split where boxes do not share a height."""
    by_line: dict[tuple[int, int], list[int]] = {}
    for i, w in enumerate(words):
        by_line.setdefault((w.block, w.line), []).append(i)
    rows: list[list[int]] = []
    for idx in by_line.values():
        for row in _split_by_height(words, sorted(idx, key=lambda i: words[i].left)):
            rows.append(row)
    return rows


def _split_by_height(words: list[Word], idx: list[int]) -> list[list[int]]:
    """Words whose boxes share no height with a row's words start another row (tests and
    callers that give no line numbers)."""
    rows: list[list[int]] = []
    for i in idx:
        w = words[i]
        home = next((r for r in rows if any(_same_height(w, words[j]) for j in r)), None)
        if home is None:
            rows.append([i])
        else:
            home.append(i)
    return rows


def _same_height(a: Word, b: Word) -> bool:
    return min(a.top + a.height, b.top + b.height) - max(a.top, b.top) > 0


def row_readings(
    reader: GlyphReader, gray: np.ndarray, row: list[Word], min_height: float = 0
) -> list[GlyphReading]:
    """Every glyph of the row (plus some context either side), in page pixels. The window is
    at least `min_height` tall: a "row" of one stray mark must not pass that mark off as a
    full-size glyph."""
    h = max(statistics.median(w.height for w in row), min_height)
    pad_y = max(2, int(h) // 6)
    x0 = max(0, int(min(w.left for w in row) - CONTEXT * h))
    x1 = min(gray.shape[1], int(max(w.left + w.width for w in row) + CONTEXT * h))
    top, bottom = min(w.top for w in row), max(w.top + w.height for w in row)
    grow = max(0.0, (min_height - (bottom - top)) / 2)
    y0 = max(0, int(top - grow) - pad_y)
    y1 = min(gray.shape[0], int(bottom + grow) + pad_y)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return []
    window = gray[y0:y1, x0:x1]
    if reader.packed:
        window = without_neighbours(window, int(top) - y0, y1 - int(bottom))
    return [_shift(g, x0, y0) for g in reader.read_row(window)]


def without_neighbours(window: np.ndarray, above: int, below: int) -> np.ndarray:
    """The row's window without the ink the rows above and below reach into it with: pieces
    cut by its top edge that end within the `above` margin over the row's tokens, and pieces
    cut by its bottom edge that start within the `below` margin.

    Why: cut off, such a piece is a fragment the segmenter merges with the glyph under it
    (seen: the foot of a stamp's office line over a hand-written ๙, read 8, on lines set as
    tightly as a stamp's)."""
    ink = binarise(window).astype(np.uint8)
    n, labels, stats, _ = with_stats(ink)
    height = window.shape[0]
    cut = [i for i in range(1, n) if (stats[i, 1] == 0 and stats[i, 1] + stats[i, 3] <= above)
           or (stats[i, 1] + stats[i, 3] == height and stats[i, 1] >= height - below)]
    if not cut:
        return window
    out = window.copy()
    out[np.isin(labels, cut)] = 255
    return out


def _shift(g: GlyphReading, dx: int, dy: int) -> GlyphReading:
    glyph = Glyph(g.glyph.x + dx, g.glyph.y + dy, g.glyph.w, g.glyph.h, g.glyph.mask)
    band = Band(g.band.top + dy, g.band.bottom + dy) if g.band else None
    return GlyphReading(glyph, g.probs, band)


def x_overlap(w: Word, run: Run) -> int:
    """Columns shared by the token's box and the run; 0 when they share no height either
    (a mark Tesseract put on a line of its own above the number)."""
    if min(w.top + w.height, run.bottom) <= max(w.top, run.top):
        return 0
    return max(0, min(w.left + w.width, run.right) - max(w.left, run.left))


def run_height(run: Run) -> float:
    return statistics.median(g.band.height if g.band else g.glyph.h for g in run.glyphs)


def merge_split_tokens(row: list[Word], runs: list[Run]) -> list[Word]:
    """Join digit tokens that one run covers (Tesseract cut a number at a comma)."""
    groups: list[tuple[int, int]] = []
    for run in runs:
        need = SPLIT_OVERLAP * run_height(run)
        hit = [i for i, w in enumerate(row) if should_reread(w.text) and x_overlap(w, run) >= need]
        if len(hit) >= 2:
            groups.append((min(hit), max(hit)))
    out: list[Word] = []
    i = 0
    while i < len(row):
        end = max((b for a, b in groups if a == i), default=i)
        out.append(join_words(row[i : end + 1]) if end > i else row[i])
        i = end + 1
    return out


def join_words(ws: list[Word]) -> Word:
    left, top = min(w.left for w in ws), min(w.top for w in ws)
    right = max(w.left + w.width for w in ws)
    bottom = max(w.top + w.height for w in ws)
    return Word("".join(w.text for w in ws), min(w.conf for w in ws), left, top,
                right - left, bottom - top, ws[0].block, ws[0].line)


def owner_of(row: list[Word], run: Run) -> int | None:
    """Index of the token the run belongs to; -1 for a sure run over no token; None to leave it."""
    overlaps = [(x_overlap(w, run), i) for i, w in enumerate(row)]
    digit_tokens = [(o, i) for o, i in overlaps if o > 0 and should_reread(row[i].text)]
    if digit_tokens:
        return max(digit_tokens)[1]
    if not run.sure:
        return None  # a letter that merely looks like a digit: Tesseract's text stands
    touched = [(o, i) for o, i in overlaps if o > 0]
    if touched:
        return max(touched)[1]
    return -1 if within_row(row, run) else None


def within_row(row: list[Word], run: Run) -> bool:
    """The run's middle lies inside the row's height and it is no taller than the row's
    tokens: a number of this row, not of the next, nor seen from a stray mark's tiny row."""
    mid = (run.top + run.bottom) / 2
    tall = statistics.median(w.height for w in row)
    return (min(w.top for w in row) <= mid <= max(w.top + w.height for w in row)
            and run.bottom - run.top <= 1.2 * tall)


def extents(row: list[Word]) -> list[tuple[float, float]]:
    """How far each token may claim glyphs that belong to no number: halfway to its
    neighbours (a third of its height where it has none)."""
    out = []
    for i, w in enumerate(row):
        lo, hi = w.left - 0.35 * w.height, w.left + w.width + 0.35 * w.height
        if i > 0:
            lo = max(lo, (row[i - 1].left + row[i - 1].width + w.left) / 2)
        if i + 1 < len(row):
            hi = min(hi, (w.left + w.width + row[i + 1].left) / 2)
        out.append((lo, hi))
    return out


@dataclass
class RowState:
    """One row between finding its numbers and writing its tokens."""

    words: list[Word]
    readings: list[GlyphReading]
    owned: dict[int, list[Run]] = field(default_factory=dict)  # token index → its runs
    orphans: list[Run] = field(default_factory=list)  # sure runs under no token


def assign_row(
    reader: GlyphReader, gray: np.ndarray, row: list[Word], claimed: list[Run],
    min_height: float = 0,
) -> RowState:
    """Find the row's numbers and give each to a token. Runs another row already gave to one
    of its tokens are left alone (row windows overlap where Tesseract splits a line)."""
    readings = [g for g in row_readings(reader, gray, row, min_height) if on_row(g)]
    runs = [r for r in find_runs(readings) if not any(_same_place(r, c) for c in claimed)]
    state = RowState(merge_split_tokens(row, runs), readings)
    for run in runs:
        owner = owner_of(state.words, run)
        if owner == -1:
            state.orphans.append(run)
        elif owner is not None:
            state.owned.setdefault(owner, []).append(run)
    claimed += [r for rs in state.owned.values() for r in rs]
    return state


def write_row(state: RowState, claimed: list[Run]) -> list[Word]:
    """The row's tokens with their numbers re-read, plus tokens for its orphan runs."""
    mine_all = [r for rs in state.owned.values() for r in rs] + state.orphans
    others = [r for r in claimed if not any(r is m for m in mine_all)]
    in_runs = frozenset(id(g.glyph) for r in mine_all for g in r.glyphs)
    spans = extents(state.words)
    out = []
    for i, w in enumerate(state.words):
        if i not in state.owned and not should_reread(w.text):
            out.append(w)
            continue
        mine = [g for r in state.owned.get(i, []) for g in r.glyphs]
        lo, hi = spans[i]
        # A glyph between the digits of the token's own number that the run left out is dust
        # (a speck under the gap of ๑๐), not a point; any other run's glyphs are its own.
        loose = [g for g in state.readings if lo <= g.glyph.x + g.glyph.w / 2 < hi
                 and g.best != "noise" and id(g.glyph) not in in_runs
                 and not any(_covers(r, g) for r in others)
                 and not any(_within_columns(r, g) for r in state.owned.get(i, []))]
        glyphs = sorted(mine + loose, key=lambda g: g.glyph.x)
        new = reread_text(w, glyphs, frozenset(id(g.glyph) for g in mine))
        out.append(_kept(w, new, room_for_a_digit(w, glyphs)))
    out += [new_token(run, state.words) for run in state.orphans]
    return sorted(out, key=lambda w: w.left)


# A digit cannot carry a vowel or tone mark, nor follow a leading vowel: in `6ารจัดตั้ง` the 6 is ก.
_IMPOSSIBLE_DIGIT = re.compile("[0-9๐-๙][\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]|[\u0e40-\u0e44][0-9๐-๙]")
_DIGIT = re.compile("[0-9๐-๙]")


def _letter_taken_for_digit(old: str, new: str) -> bool:
    """A word Tesseract read without digits came back with one where only a letter can be."""
    return not _DIGIT.search(old) and bool(_IMPOSSIBLE_DIGIT.search(new))


_ARABIC = re.compile("[0-9]")


def _kept(old: Word, new: Word, unread_room: bool = True) -> Word:
    """The re-read token, unless the glyph pass made it worse in a way the text shows.
    `unread_room`: the token's box has room for a glyph the pass did not read as a digit."""
    if _letter_taken_for_digit(old.text, new.text):
        return old
    if _arabic_digits_lost(old, new):
        return replace(old, alternatives=(*old.alternatives, new.text))
    if unread_room and _thai_digits_lost(old, new):  # in Arabic digits, as every re-read number is
        return replace(old, text=to_arabic(old.text), alternatives=(*old.alternatives, new.text))
    agreed = one_written_over_three(new.text, to_arabic(old.text), new.alternatives)
    if agreed != new.text:
        return replace(new, text=agreed, conf=AGREED_CONF,
                       alternatives=(new.text, *(a for a in new.alternatives if a != agreed)))
    return new


AGREED_CONF = 70.0  # two readers agree on a digit that was not the glyph pass's first choice


def one_written_over_three(read: str, written: str, alternatives: Sequence[str]) -> str:
    """The glyph pass's number with a 1 for each 3 where Tesseract wrote ๑ in that place and 1
    is the pass's own runner-up there (`alternatives` are its one-glyph swaps); else `read`.

    Why: on bilevel 200 dpi scans the pass reads a ๑ whose loop the ink filled as ๓ (๑๓ → 33
    at p 0.96, ๑๔ → 34, runner-up 1), where stock `tha`, which writes ๑ for ๑ alone, wrote ๑.
    Only this pair: Tesseract's ๐ is no such evidence (seen: ๐ for a clear ๑ at conf 92), its
    ๓ may stand for ๗, and its other digits stand for the ones it cannot write."""
    if not (read.isdigit() and written.isdigit() and len(read) == len(written)):
        return read
    ones = [i for i, (mine, theirs) in enumerate(zip(read, written, strict=True)) if (mine, theirs) == ("3", "1")]
    swaps = [i for i in ones if read[:i] + "1" + read[i + 1:] in alternatives]
    return "".join("1" if i in swaps else ch for i, ch in enumerate(read))


def room_for_a_digit(w: Word, glyphs: Sequence[GlyphReading]) -> bool:
    """Whether a stretch of the token's box as wide as half a digit lies outside every glyph
    the pass read as a digit: where a digit it lost could stand. None means Tesseract's extra
    digit has no ink of its own (seen on a 300 dpi scan: ๑๓ written ๑๑๓, the pass's 1 and 3 sure
    and filling the box; a count of 13 kept as 113, then cut to 1)."""
    digits = sorted((g.glyph.x, g.glyph.x + g.glyph.w) for g in glyphs if g.best.isdigit())
    if not digits:
        return True
    half = 0.5 * statistics.median(b - a for a, b in digits)
    edge = w.left
    for a, b in digits:
        if a - edge >= half:
            return True
        edge = max(edge, b)
    return w.left + w.width - edge >= half


def _arabic_digits_lost(old: Word, new: Word) -> bool:
    """Tesseract read the token in Arabic digits only and the glyph pass came back with fewer.

    Tesseract's `eng` half reads Arabic print well; what it cannot read are ๔ ๖ ๗ ๘ ๙. The glyph
    pass loses digits where thin strokes and specks break its segmentation (seen on a clean
    scan: 0810.7/ว4351 → 01.0.7/ว451), so there Tesseract's reading stands, the other kept as
    an alternative reading."""
    before = _ARABIC.findall(old.text)
    if not before or len(before) != len(_DIGIT.findall(old.text)):
        return False
    lost = len(_DIGIT.findall(new.text)) < len(before)
    return lost and not _slash_read_as_digits(old.text, new.text) and not _mark_read_as_a_digit(old.text, new.text)


# The only Thai digits stock `tha` can write (tesseract-ocr/langdata_lstm#42): where it wrote
# them, its count of digits is trustworthy even when a value may stand for ๔ ๖ ๗ ๘ ๙.
_TESSERACT_THAI = re.compile("[๐๑๒๓๕]+")


def _thai_digits_lost(old: Word, new: Word) -> bool:
    """Tesseract read the token as a number of Thai digits it can write and nothing else, and
    the glyph pass came back with the same digits less one, in order: the pass left a glyph
    unread, not Tesseract one too many. (Beside letters, Tesseract's extra digit is often a
    letter: ฉ read ๐ in ๑๕๕๒๐บับ.)

    Seen on a bilevel 200 dpi form: ๑๑ แห่ง, the first ๑ filled in by ink and a speck above it,
    read 1 (a count of 11 became 1). A value Tesseract cannot write (๔ read ๕) is no subsequence
    of its text, so there the glyph pass still wins."""
    if not _TESSERACT_THAI.fullmatch(old.text):
        return False
    after = _DIGIT.findall(to_arabic(new.text))
    rest = iter(to_arabic(old.text))
    return bool(after) and len(after) == len(old.text) - 1 and all(d in rest for d in after)


def _slash_read_as_digits(old: str, new: str) -> bool:
    """The glyph pass found a slash Tesseract read as digits, with a letter after it (the ว of
    `/ว๔๒๖๑`, in 0023.17246261): Tesseract's digit count is the one inflated. Its other digits
    are all still there, in order."""
    if new.count("/") <= old.count("/") or UNREADABLE not in new:
        return False
    rest = iter(_DIGIT.findall(old))
    return all(d in rest for d in _DIGIT.findall(new))


# A document number's office and slash (words.OFFICE_SLASH), then what stands after it.
_OFFICE = OFFICE_SLASH + r"\s*"
_DIGIT_AFTER_SLASH = re.compile(_OFFICE + r"\d")
_LETTER_AFTER_SLASH = re.compile(_OFFICE + UNREADABLE)


def _mark_read_as_a_digit(old: str, new: str) -> bool:
    """Tesseract's `eng` half wrote a digit right after a number's slash where the glyph pass sees
    a letter, and with that letter the glyph pass has as many digits: the ว of a circular, read
    as a digit (seen: `0810. 1/2` for ๐๘๑๐.๗/ว, the glyph pass `0810.7/�`). Tesseract's count
    is the inflated one; its ๗ read as 1 is what the glyph pass is there for."""
    return (bool(_DIGIT_AFTER_SLASH.search(old)) and bool(_LETTER_AFTER_SLASH.search(new))
            and len(_DIGIT.findall(new)) + 1 == len(_DIGIT.findall(old)))


def _same_place(a: Run, b: Run) -> bool:
    """Most of a's columns lie in b's and they share some height: the same ink, seen from two
    row windows (one of them may have cut the glyphs short)."""
    ox = min(a.right, b.right) - max(a.left, b.left)
    oy = min(a.bottom, b.bottom) - max(a.top, b.top)
    return ox > 0.5 * (a.right - a.left) and oy > 0


def _within_columns(run: Run, g: GlyphReading) -> bool:
    mid = g.glyph.x + g.glyph.w / 2
    return run.left <= mid < run.right


def _covers(run: Run, g: GlyphReading) -> bool:
    return _within_columns(run, g) and g.glyph.y < run.bottom and g.glyph.y1 > run.top


def new_token(run: Run, row: list[Word]) -> Word:
    """A token for a number Tesseract left out, on the row's line."""
    reading = reading_from_glyphs(list(run.glyphs))
    text = reading.text if reading else run.text
    conf = round(100 * reading.confidence, 1) if reading else 0.0
    alts = reading.alternatives if reading else ()
    return Word(text, conf, run.left, run.top, run.right - run.left, run.bottom - run.top,
                row[0].block, row[0].line, alternatives=alts, reread=True)


def reread_words(reader: GlyphReader, gray_page: np.ndarray, words: list[Word]) -> list[Word]:
    """All words, row by row, in the input's row order (left to right within a row)."""
    if not words:
        return []
    claimed: list[Run] = []
    line_height = statistics.median(w.height for w in words)
    # Fullest rows first: a stray mark's one-token "row" must not take its line's number.
    order = sorted(rows_of(words), key=len, reverse=True)
    states = {min(row): assign_row(reader, gray_page, [words[i] for i in row], claimed,
                                   0.8 * line_height) for row in order}
    # Only now, with every token's numbers known, may a number under no token become one.
    for state in states.values():
        state.orphans = [r for r in state.orphans if not any(_same_place(r, c) for c in claimed)]
        claimed += state.orphans
    return _left_to_right([w for i in sorted(states) for w in write_row(states[i], claimed)])


def _left_to_right(words: list[Word]) -> list[Word]:
    """Each line's tokens left to right, as each row's already are. A line split into rows by
    height came out row by row (seen: a speck under `เรียน` made a row with it, and the line read
    `| อธิบดีกรม… เรียน`)."""
    lines: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        lines.setdefault((w.block, w.line), []).append(w)
    return [w for ws in lines.values() for w in sorted(ws, key=lambda w: w.left)]
