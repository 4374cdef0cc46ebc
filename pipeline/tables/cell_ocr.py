"""OCR of many table cells in one Tesseract call (การอ่านข้อความในช่องตาราง).

Page-level OCR reads ruled tables poorly (rules split words, rows go missing), and one
Tesseract process per cell costs ~0.1 s of start-up each. So the cell crops are stacked into one
tall strip with white gaps, read once, and each word is given back to the crop its box lies in.
"""

from __future__ import annotations

import io
import os
import subprocess
from dataclasses import dataclass

import numpy as np
from PIL import Image

from pipeline.errors import OcrError

_GAP = 100  # white pixels between stacked crops (less and Tesseract joins their lines)
_MARGIN = 20


@dataclass(frozen=True)
class CellText:
    text: str
    conf: float | None  # mean word confidence 0–100, None when nothing was read


def run_tesseract_tsv(gray: np.ndarray, lang: str = "tha+eng", psm: int = 4,
                      timeout: float = 60.0) -> list[dict[str, str]]:
    """Tesseract TSV rows (dicts) for one image; the environment is built per call."""
    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # the machine is shared: one thread
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(psm),
                               "tsv"], input=buf.getvalue(), capture_output=True, env=env,
                              timeout=timeout, check=True)
    except (subprocess.SubprocessError, OSError) as e:
        raise OcrError(f"tesseract failed on a table strip: {e}") from e
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    if not lines:
        return []
    keys = lines[0].split("\t")
    return [dict(zip(keys, line.split("\t"), strict=False)) for line in lines[1:]]


def _stack(crops: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    width = max(c.shape[1] for c in crops) + 2 * _MARGIN
    height = sum(c.shape[0] + _GAP for c in crops) + _MARGIN
    strip = np.full((height, width), 255, np.uint8)
    spans, y = [], _MARGIN
    for crop in crops:
        strip[y:y + crop.shape[0], _MARGIN:_MARGIN + crop.shape[1]] = crop
        spans.append((y, y + crop.shape[0]))
        y += crop.shape[0] + _GAP
    return strip, spans


def _join(words: list[dict[str, str]]) -> str:
    """Tesseract's Thai TSV gives one box per character: join in reading order, with a space
    only where the gap is wide (between Thai words and numbers, "13 แห่ง")."""
    out, prev_right = "", None
    for w in words:
        left, width, height = int(w["left"]), int(w["width"]), int(w["height"])
        if prev_right is not None and left - prev_right > 0.6 * max(height, 20):
            out += " "
        out += w["text"].strip()
        prev_right = max(prev_right or 0, left + width)
    return out


def _slot(spans: list[tuple[int, int]], mid: int) -> int | None:
    return next((i for i, (a, b) in enumerate(spans) if a - _GAP // 2 <= mid < b + _GAP // 2),
                None)


def read_cells(crops: list[np.ndarray], lang: str = "tha") -> list[CellText]:
    # Thai only: with eng loaded, short Thai names come back as Latin guesses (ละงู → "ayy").
    """Text of each crop, in the order given; lines within a crop joined by a space."""
    if not crops:
        return []
    strip, spans = _stack(crops)
    lines: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in run_tesseract_tsv(strip, lang):
        if row.get("level") == "5" and row.get("text", "").strip():
            lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    texts: list[list[str]] = [[] for _ in crops]
    confs: list[list[float]] = [[] for _ in crops]
    for words in lines.values():
        mids = sorted(int(w["top"]) + int(w["height"]) // 2 for w in words)
        slot = _slot(spans, mids[len(mids) // 2])
        if slot is not None:
            texts[slot].append(_join(words))
            confs[slot].extend(float(w["conf"]) for w in words if float(w["conf"]) >= 0)
    return [CellText(" ".join(t), sum(c) / len(c) if c else None)
            for t, c in zip(texts, confs, strict=True)]


def read_lines(gray: np.ndarray, lang: str = "tha+eng"
               ) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Text lines of a region with their boxes (left, top, right, bottom), top to bottom."""
    lines: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in run_tesseract_tsv(gray, lang, psm=4):
        if row.get("level") == "5" and row.get("text", "").strip():
            lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    out = []
    for words in lines.values():
        left = min(int(w["left"]) for w in words)
        top = min(int(w["top"]) for w in words)
        right = max(int(w["left"]) + int(w["width"]) for w in words)
        bottom = max(int(w["top"]) + int(w["height"]) for w in words)
        out.append((_join(words), (left, top, right, bottom)))
    return sorted(out, key=lambda line: line[1][1])
