"""How well a spelling, drawn, covers the ink of a text crop (การเทียบตัวสะกดกับหมึก).

Tesseract's reading of a short name is one witness of what was printed; the ink is another. Each
spelling is drawn in every installed Thai face at the crop's letter height and slid across it;
its score is the best overlap of the two inks (each within a couple of pixels of the other). A
spelling the print does not hold leaves ink uncovered or draws ink where there is none, so of
two spellings a letter apart the printed one scores higher in most faces' best fit, whichever
way OCR misread it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline import components

# Thai faces a government form is printed in or closely resembles (TH Sarabun's clone Laksaman,
# the TLWG families, Noto): whichever are installed.
_FACE_DIRS = (Path("/usr/share/fonts/truetype/tlwg"), Path("/usr/share/fonts/truetype/noto"))
_FACE_STEMS = ("Laksaman", "Garuda", "Loma", "Norasi", "Kinnari", "Sawasdee", "Umpush", "Waree",
               "TlwgTypo", "NotoSansThai-Regular", "NotoSerifThai-Regular")
_DRAW_SIZE = 64  # px: faces drawn once this large, then scaled to the crop
_BODY_ROW = 0.35  # of the fullest row's ink: rows of the letters' bodies, not of their marks
_SPECK = 0.2  # of the letters' body height: ink smaller than this both ways is dust
_SLACK = 1  # px: ink this near the other ink counts as covered
_WIDTHS = (0.9, 1.0, 1.1)  # faces differ in letter width more than in height
_WIDTH_GAP = 0.3  # a drawing this much wider or narrower than the ink is another text
_DRIFT = 4  # px beyond aligned edges that a placement is tried
_NEAREST_FACES = 3  # faces that draw the gazetteer's spelling best, among which the print's is sought


@functools.lru_cache(maxsize=1)
def _faces() -> tuple[ImageFont.FreeTypeFont, ...]:
    paths = [d / f"{stem}.ttf" for stem in _FACE_STEMS for d in _FACE_DIRS if (d / f"{stem}.ttf").exists()]
    return tuple(ImageFont.truetype(str(p), _DRAW_SIZE) for p in paths)


def ink_of(gray: np.ndarray) -> np.ndarray | None:
    """The crop's ink (Otsu), specks dropped, cut to its extent; None when nothing is left."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    body = _body_height(ink > 0)
    if body == 0:
        return None
    count, labels, stats, _ = components.with_stats(ink)
    keep = [i for i in range(1, count)
            if max(stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]) >= _SPECK * body]
    mask = np.isin(labels, keep)
    return _cut(mask)


def _cut(mask: np.ndarray) -> np.ndarray | None:
    ys, xs = np.nonzero(mask)
    if ys.size == 0:
        return None
    return mask[ys.min():ys.max() + 1, xs.min():xs.max() + 1]


def _body_height(mask: np.ndarray) -> int:
    """Height of the densest band of rows: the letters without their marks above and below."""
    rows = mask.sum(axis=1)
    if rows.size == 0 or rows.max() == 0:
        return 0
    dense = np.flatnonzero(rows >= _BODY_ROW * rows.max())
    runs = np.split(dense, np.flatnonzero(np.diff(dense) > 1) + 1)
    body = max(runs, key=lambda run: int(rows[run].sum()))
    return int(body[-1] - body[0] + 1)


@functools.lru_cache(maxsize=512)
def _drawn(text: str, face: int) -> np.ndarray | None:
    font = _faces()[face]
    left, top, right, bottom = font.getbbox(text)
    image = Image.new("L", (right - left + 8, bottom - top + 8), 0)
    ImageDraw.Draw(image).text((4 - left, 4 - top), text, font=font, fill=255)
    return _cut(np.asarray(image) > 127)


def _scaled(drawn: np.ndarray, factor: float, width: float) -> np.ndarray:
    h, w = drawn.shape
    size = (max(1, round(w * factor * width)), max(1, round(h * factor)))
    return cv2.resize(drawn.astype(np.uint8), size, interpolation=cv2.INTER_AREA) > 0


def _overlap(ink: np.ndarray, drawn: np.ndarray) -> float:
    """Best F-score of the two inks over placements of `drawn` around `ink`: from edges
    aligned on one side to edges aligned on the other, and a little beyond."""
    kernel = np.ones((2 * _SLACK + 1, 2 * _SLACK + 1), np.uint8)
    h, w = drawn.shape
    room = max(abs(ink.shape[0] - h), abs(ink.shape[1] - w)) + _DRIFT + _SLACK + 1
    page = np.pad(ink, room)
    near_ink = cv2.dilate(page.astype(np.uint8), kernel) > 0
    pad = _SLACK + 1
    near_drawn = cv2.dilate(np.pad(drawn, pad).astype(np.uint8), kernel) > 0
    drawn_ink, page_ink = max(1, int(drawn.sum())), max(1, int(ink.sum()))
    ys, xs = _offsets(ink.shape[0], h, room), _offsets(ink.shape[1], w, room)
    # Every placement at once (F11: one placement at a time was half a form page's CPU).
    covered = _window_counts(near_ink[ys.start:ys.stop - 1 + h, xs.start:xs.stop - 1 + w], drawn)
    found = _window_counts(page[ys.start - pad:ys.stop - 1 + h + pad, xs.start - pad:xs.stop - 1 + w + pad],
                           near_drawn)
    precision, recall = covered / drawn_ink, found / page_ink
    total = precision + recall
    scores = 2 * precision * recall / np.where(total > 0, total, 1.0)
    return max(0.0, float(scores[total > 0].max(initial=0.0)))


def _window_counts(image: np.ndarray, template: np.ndarray) -> np.ndarray:
    """For each placement of `template` inside `image` (top-left corner y, x), how many of its
    true pixels fall on true pixels of the image. OpenCV's correlation works in float32 (by DFT
    for large templates), off a whole count by far less than a half (measured: 2.5e-4 at most
    on 0/1 images up to 120×700), so rounding gives the count exactly."""
    sums = cv2.matchTemplate(image.astype(np.float32), template.astype(np.float32), cv2.TM_CCORR)
    return np.rint(sums).astype(np.int64)


def _offsets(ink: int, drawn: int, room: int) -> range:
    lo, hi = min(0, ink - drawn) - _DRIFT, max(0, ink - drawn) + _DRIFT
    return range(room + lo, room + hi + 1)


def spelling_fits(gray: np.ndarray, texts: Sequence[str]) -> list[float]:
    """0–1 per text: how well it, drawn, covers the crop's ink, all drawn in one face: of the few
    that draw the first text best, the one in which some text fits best (a form is printed in
    one face; compared across faces, a wrong spelling in a face nearer the print can beat the
    right one in a face further from it)."""
    ink = ink_of(gray)
    if ink is None or not _faces() or not texts:
        return [0.0] * len(texts)
    first = sorted(((_face_fit(ink, texts[0], face), face) for face in range(len(_faces()))), reverse=True)
    table = [[fit, *(_face_fit(ink, text, face) for text in texts[1:])] for fit, face in first[:_NEAREST_FACES]]
    return max(table, key=max)



def _face_fit(ink: np.ndarray, text: str, face: int) -> float:
    """Drawn at the crop's letter height, measured two ways (the letters' body: marks are not
    shared by rival spellings; the whole height: a blurred body band is unsure), at three widths."""
    drawn = _drawn(text, face) if text.strip() else None
    if drawn is None or _body_height(drawn) == 0:
        return 0.0
    factors = {_body_height(ink) / _body_height(drawn), ink.shape[0] / drawn.shape[0]}
    best = 0.0
    for factor in factors:
        for width in _WIDTHS:
            scaled = _scaled(drawn, factor, width)
            if abs(scaled.shape[1] - ink.shape[1]) <= _WIDTH_GAP * ink.shape[1]:
                best = max(best, _overlap(ink, scaled))
    return best

