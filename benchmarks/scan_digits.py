"""Numbers in real letter headers (issue F4): stock Tesseract `tha` vs Saraban's second pass.

For every scanned sample letter with truth, the numbers a clerk reads off its header — the
date's day and Buddhist-era year, the doc number's parts (0809.2 and 4233 of "มท 0809.2/ว
4233"), and the received stamp's number, day and year — are looked for on the letter's first
page: a number counts as read when some number on the page, as OCR'd, is exactly it. Tesseract
alone is scored on its own tokens, the second pass on `NumeralReader.reread_words` of them.
Figures only: whether the letter extractor picks the right number is another benchmark's
(benchmarks/letters.py).

    OMP_THREAD_LIMIT=1 .venv/bin/python benchmarks/scan_digits.py [--samples DIR] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.records import Word  # noqa: E402
from pipeline.thai.chars import to_arabic  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"  # the shared/ beside the repo
# A number on the page: digits with . inside (0809.2); "/" and "," end it, as a doc number's
# parts and a date's parts are read apart.
NUMBER = re.compile(r"\d+(?:\.\d+)*")


def page_numbers(words: list[Word]) -> list[str]:
    """Every number on the page as OCR'd, Thai digits as Arabic."""
    return NUMBER.findall(" ".join(to_arabic(w.text) for w in words))


def wanted(letter: dict) -> list[tuple[str, str]]:
    """(kind, number) pairs a reader of the header must get right."""
    out: list[tuple[str, str]] = []
    if letter.get("date"):
        d = date.fromisoformat(letter["date"])
        out += [("date day", str(d.day)), ("date year", str(d.year + 543))]
    for part in NUMBER.findall(to_arabic(letter.get("doc_number", ""))):
        out.append(("doc number", part))
    if letter.get("received_number"):
        out.append(("received no.", to_arabic(letter["received_number"])))
    if letter.get("received_date"):
        d = date.fromisoformat(letter["received_date"])
        out.append(("received day", str(d.day)))
    return out


def found(number: str, numbers: list[str]) -> bool:
    """Exactly this number, allowing the day's leading zero (05 for 5)."""
    return any(n == number or n.lstrip("0") == number for n in numbers)


def first_pages(samples: Path, work: Path) -> list[tuple[str, dict, list[Word], object]]:
    """(file, letter truth, first page's Tesseract words, page image) per scanned letter."""
    from flows.process import ocr_options
    from pipeline.config import load_settings
    from pipeline.loading import load_document
    from pipeline.ocr.stage import ocr_pages

    settings = load_settings().model_copy(update={"ocr_workers": 1})
    out = []
    for truth_path in sorted((samples / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth.get("format") not in ("scanned_pdf", "image") or not truth.get("letters"):
            continue
        if truth.get("expect_status") != "processed":
            continue
        path = samples / "inbox" / truth["file"]
        doc = load_document(path, path.name, settings)
        ocr_pages(doc.pages, ocr_options(settings), work, 1)  # cached in work between runs
        for letter in truth["letters"]:
            page = next(p for p in doc.pages if p.number == letter.get("page_from", 1))
            if page.image is not None and page.words:
                out.append((truth["file"], letter, list(page.words), page.image))
    return out


def run(samples: Path, work: Path, verbose: bool) -> None:
    from pipeline.numerals import default_reader

    reader = default_reader()
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # n, tesseract, saraban
    seconds, misses = 0.0, []
    pages = first_pages(samples, work)
    for name, letter, words, image in pages:
        t0 = time.perf_counter()
        reread = reader.reread_words(image, words)
        seconds += time.perf_counter() - t0
        stock, ours = page_numbers(words), page_numbers(reread)
        for kind, number in wanted(letter):
            for key in (kind, "ALL"):
                st = stats[key]
                st[0] += 1
                st[1] += found(number, stock)
                st[2] += found(number, ours)
            if not found(number, ours):
                misses.append(f"{name}: {kind} {number} not on the page "
                              f"(tesseract {'has' if found(number, stock) else 'lacks'} it)")
    print(f"{'header number':<16}{'numbers':>8}{'tesseract':>11}{'saraban':>9}")
    for key in [*sorted(k for k in stats if k != "ALL"), "ALL"]:
        n, s, o = stats[key]
        print(f"{key:<16}{n:>8}{100 * s / n:>10.1f}%{100 * o / n:>8.1f}%")
    print(f"\n{len(pages)} letter first pages; second pass {seconds / max(1, len(pages)):.3f}s per page")
    for miss in misses if verbose else misses[:20]:
        print("miss:", miss)


def main() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # entry point: Tesseract must not take both cores
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--samples", type=Path, default=SAMPLES)
    ap.add_argument("--work", type=Path, default=Path("/tmp/saraban_bench_work"),
                    help="page OCR cache (shared with benchmarks/report_rows.py)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    run(args.samples, args.work, args.verbose)


if __name__ == "__main__":
    main()
