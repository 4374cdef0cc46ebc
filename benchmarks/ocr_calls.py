"""Tesseract calls per page, and their CPU, by stage and caller (issue F11: which reads to spare).

The files go through `flows.process` stage by stage in this process with a cold OCR cache, the
page pass in a one-thread pool here instead of worker processes, so every Tesseract call is
counted: by stage, by the function that asked for it, languages and segmentation mode, with the
calling thread's CPU seconds (time.thread_time: the machine may be shared). Also counted: the
header-line re-reads of a line's own band (`read_line(own_band=True)`), and each stage's process
CPU with Tesseract included.

    .venv/bin/python benchmarks/ocr_calls.py [--inbox DIR] [--files N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows import process  # noqa: E402
from pipeline.config import load_settings  # noqa: E402
from pipeline.ocr import engine, lines, stage  # noqa: E402
from pipeline.records import PageError  # noqa: E402

# Frames that only pass a call on: the caller named is the first frame outside them.
_PASSING = ("pipeline/ocr/engine.py", "pipeline/ocr/tesseract.py", "pipeline/tables/cell_ocr.py",
            "pipeline/ocr/cache.py", "pipeline/ocr/lines.py", "concurrent/futures", "threading.py",
            "benchmarks/ocr_calls.py")
Key = tuple[str, str, str, int]  # stage, caller, languages, psm


class Tally:
    def __init__(self) -> None:
        self.stage = "load"
        self.calls: Counter[Key] = Counter()
        self.cpu: Counter[Key] = Counter()
        self.own_band: Counter[str] = Counter()
        self.stage_cpu: Counter[str] = Counter()

    def read_page(self, real: Callable) -> Callable:
        def counted(gray: np.ndarray, languages: str, psm: int, timeout: int) -> tuple[str, str]:
            key = (self.stage, _caller(), languages, psm)
            started = time.thread_time()
            try:
                return real(gray, languages, psm, timeout)
            finally:
                self.calls[key] += 1
                self.cpu[key] += time.thread_time() - started
        return counted

    def read_line(self, real: Callable) -> Callable:
        def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if kwargs.get("own_band"):
                self.own_band[self.stage] += 1
            return real(*args, **kwargs)
        return counted


def _caller() -> str:
    for frame in reversed(traceback.extract_stack()[:-2]):
        if not any(part in frame.filename for part in _PASSING):
            return f"{Path(frame.filename).stem}.{frame.name}"
    return "(pool: the page pass)"


def count(files: list[Path], tally: Tally) -> int:
    """OCR'd pages of the files, their calls counted in `tally`."""
    from stage_cpu import _load  # this folder is first on sys.path

    settings = load_settings()
    pages = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            doc = _load(path, settings)
            failures: list[PageError] = []
            for name, step in process.reading_stages(settings, Path(tmp)):
                doc = _timed(tally, name, process.isolated, name, step, doc, failures, doc)
            _timed(tally, "extract", process.extract, process.require_text(doc, failures), failures,
                   Path(tmp))
            pages += sum(page.source == "ocr" for page in doc.pages)
    return pages


def _timed(tally: Tally, name: str, step: Callable, *args: object) -> object:
    tally.stage = name
    started = time.process_time()
    try:
        return step(*args)
    finally:
        tally.stage_cpu[name] += time.process_time() - started


def report(pages: int, tally: Tally) -> None:
    print(f"Tesseract calls, cold cache, {pages} OCR pages:")
    print(f"{'stage':14}{'caller':40}{'lang':9}{'psm':>4}{'calls':>7}{'/page':>7}{'cpu s':>8}{'s/page':>8}")
    for key in sorted(tally.calls, key=lambda k: -tally.cpu[k]):
        name, caller, lang, psm = key
        n, cpu = tally.calls[key], tally.cpu[key]
        print(f"{name:14}{caller[:39]:40}{lang:9}{psm:>4}{n:>7}{n / pages:>7.2f}{cpu:>8.2f}{cpu / pages:>8.3f}")
    n, cpu = sum(tally.calls.values()), sum(tally.cpu.values())
    print(f"{'all':67}{n:>7}{n / pages:>7.2f}{cpu:>8.2f}{cpu / pages:>8.3f}")
    banded = sum(tally.own_band.values())
    print(f"line re-reads of a line's own band: {banded} ({banded / pages:.2f}/page)")
    print("process CPU per stage, Tesseract included (s, s/page):")
    for name, cpu in tally.stage_cpu.items():
        print(f"  {name:14}{cpu:8.2f}{cpu / pages:8.3f}")


def main() -> None:
    from ocr_speed import SAMPLES, SCANS, scanned_pdfs  # this folder is first on sys.path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inbox", type=Path, help="the scanned PDFs and images of this inbox instead of the samples")
    parser.add_argument("--files", type=int, help="only the first N files")
    args = parser.parse_args()
    files = [SAMPLES / name for name in SCANS]
    if args.inbox:
        images = sorted(p for p in args.inbox.iterdir() if p.suffix.lower() in (".png", ".jpg"))
        files = scanned_pdfs(args.inbox) + images
    tally = Tally()
    engine.read_page = tally.read_page(engine.read_page)
    lines.read_line = tally.read_line(lines.read_line)
    stage._new_pool = lambda _workers: ThreadPoolExecutor(max_workers=1)
    report(count(files[: args.files] if args.files else files, tally), tally)


if __name__ == "__main__":
    main()
