"""Boxed tables in letters: share of table numbers exact, Saraban vs stock Tesseract.

K fresh renders of letter pages carrying a boxed salary scale or KPI table in Thai digits
(pipeline/synth/boxed_tables.py): faces × 200/250/300 dpi × grey (noise) or bilevel, a slight
scanner skew. Each page goes through the whole per-file pipeline (`process_file` on a PNG) and
through stock `tesseract PAGE - -l tha --psm 6`. A printed number counts as exact:

- in `table_cells` when the cell at its row and column holds exactly its value;
- in a page text when its printed form (Arabic digits, commas kept) is one of the text's
  whitespace-separated tokens, each token used once (Thai digits folded to Arabic first).

`--before` also scores Saraban's page text without the page-table stage (the reading before F9).

    OMP_THREAD_LIMIT=1 .venv/bin/python benchmarks/page_tables.py [--k 12] [--seed S] [--before] [-v]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from unittest import mock

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows import process  # noqa: E402
from pipeline.synth.boxed_tables import BoxedPage, Style, boxed_table_page  # noqa: E402
from pipeline.synth.fonts import installed  # noqa: E402
from pipeline.thai.chars import to_arabic  # noqa: E402

# Not Noto Sans/Serif Thai: they have no "," "." "%" (PIL draws a .notdef box for them, where a
# word processor would take them from another face), and the tables are full of 12,500 and 75.5.
FACES = installed(("Laksaman", "Garuda", "Norasi", "Loma", "Kinnari", "Sawasdee", "Umpush", "Waree",
                   "TlwgTypist"))


def random_style(rng: np.random.Generator, seed: int) -> Style:
    bilevel = bool(rng.random() < 0.5)
    return Style(font=str(rng.choice(FACES)), dpi=int(rng.choice((200, 250, 300))), bilevel=bilevel,
                 noise=0.0 if bilevel else float(rng.uniform(0, 8)), angle=float(rng.uniform(-0.6, 0.6)),
                 kind=str(rng.choice(("salary", "kpi"))), rows=int(rng.integers(4, 8)), seed=seed)


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def printed_numbers(page: BoxedPage) -> list[tuple[int, int, float, str]]:
    return [(r, c, value, _NUMBER.search(to_arabic(page.cells[r][c])).group())
            for r, row in enumerate(page.numbers) for c, value in enumerate(row) if value is not None]


def found_in_text(text: str, wanted: list[str]) -> int:
    tokens = Counter(to_arabic(text).split())
    hits = 0
    for number in wanted:
        if tokens[number] > 0:
            tokens[number] -= 1
            hits += 1
    return hits


def stock_tesseract(png: Path) -> str:
    return subprocess.run(["tesseract", str(png), "-", "-l", "tha", "--psm", "6"], capture_output=True,
                          text=True, timeout=300, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}).stdout


def saraban(png: Path, work: Path, tables: bool = True) -> tuple[dict[tuple[int, int], float | None], str]:
    """Cell numbers (row, col) → value, and the page text, from the whole per-file pipeline."""
    stage = process.read_tables if tables else (lambda doc, _cache: doc)
    with mock.patch.object(process, "read_tables", stage):
        doc, _ = process.process_file(png, work)
    page = doc.pages[0]
    cells = {(c.row, c.col): c.number for t in page.page_tables[:1] for c in t.cells}
    return cells, page.text


def score_page(page: BoxedPage, png: Path, work: Path, before: bool) -> dict[str, int]:
    numbers = printed_numbers(page)
    wanted = [text for *_, text in numbers]
    cells, text = saraban(png, work)
    scores = {"n": len(numbers), "cells": sum(cells.get((r, c)) == v for r, c, v, _ in numbers),
              "text": found_in_text(text, wanted), "tesseract": found_in_text(stock_tesseract(png), wanted)}
    if before:
        scores["before"] = found_in_text(saraban(png, work, tables=False)[1], wanted)
    return scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--k", type=int, default=12, help="pages to generate")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--before", action="store_true", help="also Saraban's page text without page tables")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    work = Path(tempfile.mkdtemp(prefix="saraban-page-tables-"))
    tally: dict[str, Counter] = defaultdict(Counter)
    for k in range(args.k):
        style = random_style(rng, args.seed * 1000 + k)
        page = boxed_table_page(style)
        png = work / f"page-{k}.png"
        page.image.save(png, dpi=(style.dpi, style.dpi))
        scores = score_page(page, png, work, args.before)
        group = f"{'bilevel' if style.bilevel else 'grey'} {style.dpi}"
        tally[group].update(scores)
        tally["all"].update(scores)
        if args.verbose:
            print(f"  {k}: {style.font} {group} {style.kind}: {dict(scores)}")
    report(tally, args.before)


def report(tally: dict[str, Counter], before: bool) -> None:
    columns = ["cells", "text", *(["before"] if before else []), "tesseract"]
    labels = {"cells": "table_cells", "text": "page text", "before": "text w/o tables",
              "tesseract": "tesseract psm6"}
    print(f"{'pages':<14}{'numbers':>8}" + "".join(f"{labels[c]:>17}" for c in columns))
    for group in sorted(tally, key=lambda g: (g == "all", g)):
        counts = tally[group]
        n = counts["n"]
        print(f"{group:<14}{n:>8}" + "".join(f"{100 * counts[c] / n:>16.1f}%" for c in columns))


if __name__ == "__main__":
    main()
