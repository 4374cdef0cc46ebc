"""Digits benchmark (issue F4): stock Tesseract `tha` vs Saraban's numeral reader.

Renders fresh lines of Thai text with numbers (fonts × 200/300 dpi × damage; seeds the training
script never uses), OCRs each page with Tesseract through pipeline.ocr.tesseract, re-reads the words with
pipeline.numerals, and prints the share of numbers read exactly by each, plus seconds per page.

    OMP_THREAD_LIMIT=1 .venv/bin/python benchmarks/digits.py [--fonts N] [--lines N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.numerals import default_reader  # noqa: E402
from pipeline.ocr.tesseract import OcrOptions, group_tokens, run_tesseract  # noqa: E402
from pipeline.records import Word  # noqa: E402
from pipeline.synth.numerals import (  # noqa: E402
    ARABIC_DIGITS,
    CONDITIONS,
    SEPARATORS,
    THAI_DIGITS,
    THAI_WORDS,
    degrade,
    font_px,
    load_font,
    random_number,
    to_arabic,
)

FONTS = ("Laksaman", "Garuda", "Norasi", "Kinnari", "Loma", "Waree", "Umpush", "Sawasdee")
SEED = 424242
WORDS = [w for w in THAI_WORDS if len(w) > 1 and w not in ("(", ")", "%")]


def make_line(rng: np.random.Generator) -> list[tuple[str, bool]]:
    """Segments (text, is_number); a third of the numbers are glued to a Thai word (๑๓แห่ง)."""
    segs: list[tuple[str, bool]] = []
    for _ in range(4):
        segs.append((str(rng.choice(WORDS)) + " ", False))
        segs.append((random_number(rng, thai=rng.random() < 0.8), True))
        glue = rng.random() < 0.33
        segs.append(((str(rng.choice(WORDS)) if glue else "") + " ", False))
    return segs


def render_page(font: str, dpi: int, lines: list[list[tuple[str, bool]]]):
    """Whole-line renders (real shaping), plus an id map marking each number's box."""
    px = font_px(16, dpi)
    fnt = load_font(font, px)
    width = max(int(fnt.getlength("".join(s for s, _ in line))) for line in lines) + 2 * px
    height = int(len(lines) * px * 1.9 + px)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    ids = np.full((height, width), -1, np.int32)
    truths: list[str] = []
    for li, line in enumerate(lines):
        y = int(px * 0.5 + li * px * 1.9)
        draw.text((px, y), "".join(s for s, _ in line), font=fnt, fill=0)
        x = float(px)
        for text, is_number in line:
            w = fnt.getlength(text)
            if is_number:
                ids[y + int(0.35 * px) : y + int(1.2 * px), int(x) + 2 : int(x + w) - 2] = len(truths)
                truths.append(to_arabic(text))
            x += w
    return np.asarray(img), ids, truths


def digits_of(text: str) -> str:
    keep = ARABIC_DIGITS + THAI_DIGITS + SEPARATORS
    return to_arabic("".join(c for c in text if c in keep)).strip(SEPARATORS)


def number_boxes(ids: np.ndarray, n: int) -> list[tuple[int, int, int, int]]:
    """(left, top, right, bottom) of each truth number's marked region."""
    boxes = []
    for i in range(n):
        ys, xs = np.nonzero(ids == i)
        boxes.append((int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1) if len(xs)
                     else (0, 0, 0, 0))
    return boxes


def overlap(word, box: tuple[int, int, int, int]) -> int:
    left, top, right, bottom = word.box
    return max(0, min(right, box[2]) - max(left, box[0])) * max(0, min(bottom, box[3]) - max(top, box[1]))


def read_numbers(words, boxes: list[tuple[int, int, int, int]]) -> list[str]:
    """Per truth number: the digits of the words that overlap its box more than any other
    number's, left to right. Overlap, not the word's centre, because a number glued to a Thai
    word (๒ญาติ) makes one token whose centre lies over the word."""
    found: dict[int, list] = defaultdict(list)
    for w in words:
        areas = [overlap(w, b) for b in boxes]
        if areas and max(areas) > 0:
            found[int(np.argmax(areas))].append(w)
    return ["".join(digits_of(w.text) for w in sorted(found[i], key=lambda w: w.left))
            for i in range(len(boxes))]


def tesseract(gray: np.ndarray, cache: Path | None) -> tuple[list[Word], str, float]:
    """Tesseract's characters and text, and the seconds it took. With a cache directory the
    result and its original timing are kept, so iterating on the second pass costs no OCR."""
    key = hashlib.sha256(gray.tobytes() + str(gray.shape).encode()).hexdigest()[:24]
    path = cache / f"{key}.json" if cache else None
    if path and path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Word(**c) for c in data["chars"]], data["text"], data["seconds"]
    t0 = time.perf_counter()
    chars, text = run_tesseract(gray, OcrOptions(languages="tha"))
    seconds = time.perf_counter() - t0
    if path:
        payload = {"chars": [asdict(c) for c in chars], "text": text, "seconds": seconds}
        path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return chars, text, seconds


def run(fonts: tuple[str, ...], n_lines: int, cache: Path | None = None, show: int = 15) -> None:
    reader = default_reader()
    rng = np.random.default_rng(SEED)
    stats: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0])  # n, tess ok, saraban ok
    t_tess, t_pass, pages, misses = 0.0, 0.0, 0, []
    for font in fonts:
        for dpi in (200, 300):
            for cond, d in CONDITIONS.items():
                lines = [make_line(rng) for _ in range(n_lines)]
                gray, ids, truths = render_page(font, dpi, lines)
                gray, ids = degrade(gray, ids, d, rng)
                chars, text, t_ocr = tesseract(gray, cache)
                words = group_tokens(chars, text)
                t1 = time.perf_counter()
                reread = reader.reread_words(gray, words)
                t2 = time.perf_counter()
                t_tess, t_pass, pages = t_tess + t_ocr, t_pass + t2 - t1, pages + 1
                boxes = number_boxes(ids, len(truths))
                stock, ours = read_numbers(words, boxes), read_numbers(reread, boxes)
                for truth, s, o in zip(truths, stock, ours, strict=True):
                    for key in (cond, f"{dpi} dpi", font, "ALL"):
                        st = stats[key]
                        st[0] += 1
                        st[1] += s == truth
                        st[2] += o == truth
                    if o != truth:
                        misses.append((font, dpi, cond, truth, s, o))
    print_table(stats, fonts, t_tess / pages, t_pass / pages, pages, misses[:show])


def print_table(stats, fonts, tess_s, pass_s, pages, misses) -> None:
    print(f"{'slice':<22}{'numbers':>8}{'tesseract':>11}{'saraban':>9}")
    keys = [*CONDITIONS, "200 dpi", "300 dpi", *fonts, "ALL"]
    for key in keys:
        n, s, o = stats[key]
        print(f"{key:<22}{int(n):>8}{100 * s / n:>10.1f}%{100 * o / n:>8.1f}%")
    print(f"\nper page ({pages} pages): tesseract {tess_s:.3f}s, second pass {pass_s:.3f}s "
          f"({100 * pass_s / tess_s:.0f}% of tesseract; budget 50%)")
    for miss in misses:
        print("miss:", *miss)


def main() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # entry point: Tesseract must not take both cores
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--fonts", type=int, default=len(FONTS))
    ap.add_argument("--lines", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep Tesseract results (and their timings) here between runs")
    ap.add_argument("--misses", type=int, default=15, help="how many misses to list")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    run(FONTS[: args.fonts], args.lines, args.cache, args.misses)


if __name__ == "__main__":
    main()
