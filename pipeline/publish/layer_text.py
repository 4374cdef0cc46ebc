"""What an OCR'd page's invisible text layer says, and where: Saraban's readings, not Tesseract's.

Two sources, both in the stored page's pixels:
- `pages.words`: Tesseract's word boxes, their digits already re-read by the numeral reader
  (`reread`); the text is tidied as stored text is (NFC, ำ, doubled marks), but digits are left
  for the caller to write in the script the page prints them in.
- `table_cells`: every ruled table read cell by cell. Words inside a table's box are dropped, since
  page segmentation reads boxed text poorly, and each cell's text is laid at its box instead, one
  line per cell.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pipeline.ocr.boxes import centre_inside
from pipeline.publish.page_frame import Box
from pipeline.thai.chars import ARABIC_DIGITS
from pipeline.thai.text import collapse_doubled_marks, map_private_use, repair_sara_am

_CELL_INSET = 0.12  # of a cell's height: keep clear of the ruling around it


@dataclass(frozen=True)
class Token:
    """One word of the layer and its box in the stored page's pixels."""

    text: str
    box: Box


@dataclass(frozen=True)
class Line:
    """A line of the layer, and where its digits are printed (to judge their script), if any."""

    tokens: list[Token]
    digits_box: Box | None = None

    def with_tokens(self, tokens: list[Token]) -> Line:
        return Line(tokens, self.digits_box)


def has_digit(text: str) -> bool:
    return any(c in ARABIC_DIGITS for c in text)


def parse_box(text: str) -> Box:
    x0, y0, x1, y1 = (float(v) for v in text.split(","))
    return x0, y0, x1, y1


def tidy(text: str) -> str:
    """Stored-text tidying without folding digits (see module doc)."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(collapse_doubled_marks(repair_sara_am(map_private_use(text))).split())


def page_lines(words: list[dict], cells: list[tuple[str, Box]], tables: list[Box]) -> list[Line]:
    """The page's lines of words outside tables, then a line per non-empty cell."""
    return [*_word_lines(words, tables), *(_cell_line(text, box) for text, box in cells if tidy(text))]


def _word_lines(words: list[dict], tables: list[Box]) -> list[Line]:
    lines: dict[tuple[int, int], list[Token]] = {}
    for word in words:
        box = (word["left"], word["top"], word["left"] + word["width"], word["top"] + word["height"])
        text = tidy(str(word.get("text", "")))
        if text and not any(centre_inside(box, table) for table in tables):
            lines.setdefault((word.get("block", 0), word.get("line", 0)), []).append(Token(text, box))
    return [Line(tokens, _union([t.box for t in tokens if has_digit(t.text)])) for tokens in lines.values()]


def _union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _cell_line(text: str, box: Box) -> Line:
    """The cell's words spread over its inner box in proportion to their length."""
    x0, y0, x1, y1 = box
    inset = _CELL_INSET * (y1 - y0)
    x0, y0, x1, y1 = x0 + inset, y0 + inset, x1 - inset, y1 - inset
    words = tidy(text).split()
    total = sum(len(w) for w in words) + len(words) - 1
    step, x, tokens = (x1 - x0) / max(total, 1), x0, []
    for word in words:
        tokens.append(Token(word, (x, y0, x + step * len(word), y1)))
        x += step * (len(word) + 1)
    return Line(tokens, (x0, y0, x1, y1) if has_digit(text) else None)
