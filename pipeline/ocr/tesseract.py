"""Tesseract: page image → tokens with boxes and confidences.

In this process through its C API when tesserocr is installed (pipeline.ocr.engine: the model
loads once per worker), else the `tesseract` program through pytesseract; same results.
Tesseract errors become `OcrError` here, once. Each Tesseract runs single-threaded
(OMP_THREAD_LIMIT=1, set on import below): several multi-threaded Tesseracts on few cores thrash
(a known 30× slowdown), so parallelism comes from one process per core instead.

Tesseract's Thai model treats Thai as a script without spaces, so its TSV "words" are single
characters. `group_tokens` joins characters into tokens wherever no visible gap separates them;
text is rebuilt from tokens, and the numeral reader re-reads the tokens that hold digits.
"""

from __future__ import annotations

import functools
import os
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytesseract
from PIL import Image

from pipeline.errors import OcrError
from pipeline.ocr import engine
from pipeline.records import Word

# pytesseract hands Tesseract this process's environment and takes no env of its own, so the
# limit is set here, for OCR workers and for the table and line re-reads in the main process
# alike. Nothing in this process uses OpenMP itself: the setting matters to child processes.
os.environ["OMP_THREAD_LIMIT"] = "1"


@dataclass(frozen=True)
class OcrOptions:
    languages: str = "tha+eng"
    timeout: int = 180
    # Tesseract page segmentation mode; None keeps Tesseract's default (3, a whole page).
    # 7 reads a crop as one text line, for re-reading single header lines (pipeline.ocr.lines).
    psm: int | None = None


@dataclass
class OcrResult:
    words: list[Word]
    text: str
    confidence: float | None


@functools.lru_cache(maxsize=1)
def tesseract_version() -> str:
    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError) as e:
        raise OcrError("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-tha)") from e


def run_tesseract(gray: np.ndarray, options: OcrOptions) -> tuple[list[Word], str]:
    """One Tesseract run → (character boxes from TSV, plain text with Tesseract's own spacing)."""
    if engine.in_process():
        tsv, txt = engine.read_page(gray, options.languages, options.psm or 3, options.timeout)
        return _chars_from_tsv(tsv), txt
    return _run_program(gray, options)


def _run_program(gray: np.ndarray, options: OcrOptions) -> tuple[list[Word], str]:
    try:
        if options.psm is None:
            tsv, txt = pytesseract.run_and_get_multiple_output(
                Image.fromarray(gray), extensions=["tsv", "txt"], lang=options.languages,
                timeout=options.timeout,
            )
        else:
            tsv, txt = _run_with_psm(gray, options)
    except RuntimeError as e:  # pytesseract raises RuntimeError on timeout
        raise OcrError(f"tesseract timed out after {options.timeout}s") from e
    except (pytesseract.TesseractError, OSError) as e:
        raise OcrError(f"tesseract failed: {e}") from e
    return _chars_from_tsv(tsv), txt


def _run_with_psm(gray: np.ndarray, options: OcrOptions) -> tuple[str, str]:
    # pytesseract's multi-output call takes no config, so a segmentation mode needs the
    # lower-level call; outputs are the same TSV and text files.
    with tempfile.TemporaryDirectory(prefix="saraban-ocr-") as tmp:
        image, base = Path(tmp) / "in.png", Path(tmp) / "out"
        Image.fromarray(gray).save(image)
        pytesseract.pytesseract.run_tesseract(
            str(image), str(base), "tsv txt", options.languages, timeout=options.timeout,
            config=f"--psm {int(options.psm or 3)} -c tessedit_create_tsv=1 -c tessedit_create_txt=1",
        )
        return (base.with_suffix(".tsv").read_text(encoding="utf-8"),
                base.with_suffix(".txt").read_text(encoding="utf-8"))


def _chars_from_tsv(tsv: str) -> list[Word]:
    chars = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        block, par, line_no, left, top, width, height = (int(c) for c in (*cols[2:5], *cols[6:10]))
        chars.append(Word(cols[11], float(cols[10]), left, top, width, height, block,
                          block * 10_000 + par * 100 + line_no))
    return chars


def group_tokens(chars: list[Word], text: str = "") -> list[Word]:
    """Join characters into the space-separated tokens of Tesseract's text output.

    The text output's spaces are Tesseract's own judgement of word gaps, better than any
    threshold on its (for Thai, unreliable) character boxes; the gap rule is only a fallback.
    """
    pieces = text.split()
    if pieces and "".join(pieces) == "".join(c.text for c in chars):
        aligned = _align(chars, pieces)
        if aligned is not None:
            return aligned
    return _group_by_gap(chars)


def _align(chars: list[Word], pieces: list[str]) -> list[Word] | None:
    tokens, i = [], 0
    for piece in pieces:
        run, length = [], 0
        while length < len(piece):
            run.append(chars[i])
            length += len(chars[i].text)
            i += 1
        if length != len(piece):
            return None  # a TSV entry straddles a space: fall back
        tokens.append(_merge(run))
    return tokens


def _group_by_gap(chars: list[Word]) -> list[Word]:
    tokens: list[Word] = []
    for line in _by_line(chars):
        threshold = _space_threshold(line)
        run = [line[0]]
        for char in line[1:]:
            right = max(c.left + c.width for c in run)
            if char.left - right > threshold:
                tokens.append(_merge(run))
                run = []
            run.append(char)
        tokens.append(_merge(run))
    return tokens


def _by_line(chars: list[Word]) -> list[list[Word]]:
    lines: dict[int, list[Word]] = {}
    for char in chars:
        lines.setdefault(char.line, []).append(char)
    return [sorted(line, key=lambda c: c.left) for _, line in sorted(lines.items())]


def _space_threshold(line: list[Word]) -> float:
    # Marks and tall boxes distort widths; base characters' median width sets the scale.
    widths = [c.width for c in line if c.width >= 6] or [c.width for c in line]
    return max(6.0, 0.5 * statistics.median(widths))


def _merge(run: list[Word]) -> Word:
    left = min(c.left for c in run)
    top = min(c.top for c in run)
    right = max(c.left + c.width for c in run)
    bottom = max(c.top + c.height for c in run)
    conf = min(c.conf for c in run)  # a token is as doubtful as its worst character
    return Word("".join(c.text for c in run), conf, left, top, right - left, bottom - top,
                run[0].block, run[0].line)


# Tesseract numbers its blocks from 1 and stamp boxes use 0: a token of block -1 is one table
# cell read on its own (pipeline.tables.page_tables); a line of them is one table row.
TABLE_BLOCK = -1


def text_from_tokens(tokens: list[Word]) -> str:
    """Lines in line-id order; a table row's cells are separated by a tab, other tokens by a space."""
    lines: dict[int, list[Word]] = {}
    for token in tokens:
        lines.setdefault(token.line, []).append(token)
    return "\n".join(_line_text(parts) for _, parts in sorted(lines.items()))


def _line_text(tokens: list[Word]) -> str:
    separator = "\t" if all(t.block == TABLE_BLOCK for t in tokens) else " "
    return separator.join(t.text for t in tokens)


def mean_confidence(tokens: list[Word]) -> float | None:
    confs = [t.conf for t in tokens if t.conf >= 0]
    return round(sum(confs) / len(confs), 1) if confs else None


def ocr_image(gray: np.ndarray, options: OcrOptions) -> OcrResult:
    chars, text = run_tesseract(gray, options)
    tokens = group_tokens(chars, text)
    return OcrResult(tokens, text_from_tokens(tokens), mean_confidence(tokens))
