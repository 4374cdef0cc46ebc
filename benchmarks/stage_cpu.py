"""CPU seconds per page of each stage of the per-file pipeline, and of the numeral reader in all
the stages that call it (issue F11: where Saraban's time above stock Tesseract goes).

The files go through `flows.process` stage by stage in this process, twice: the first pass
fills an OCR cache (its Tesseract work runs in the OCR pool's processes, not counted here), the
second is timed with the cache warm and the numeral readers' crop memos emptied, so each figure
is the CPU time (time.process_time, not wall time: the machine may be shared) of Saraban's own
work on the page. `ocr` is then deskew,
the cache look-up and orientation; `numeral reader` is the time inside `NumeralReader`'s calls
(page rows, table cells and strips, stamps, count cells), each counted once where one calls
another, and lies within the stages above it.

    .venv/bin/python benchmarks/stage_cpu.py [--inbox DIR] [--files N]
    .venv/bin/python benchmarks/ocr_speed.py --stages ...   # the same table after the timings
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows import process  # noqa: E402
from pipeline.config import Settings, load_settings  # noqa: E402
from pipeline.intake.raw_store import sha256_of  # noqa: E402
from pipeline.loading import load_document  # noqa: E402
from pipeline.numerals.api import NumeralReader, default_reader, stamp_reader  # noqa: E402
from pipeline.numerals.memo import CropMemo  # noqa: E402
from pipeline.records import Document, PageError  # noqa: E402

READER_CALLS = ("read", "read_count", "try_read_number", "reread_words")
NUMERALS = "numeral reader (all callers)"
T = TypeVar("T")


def stage_seconds(files: list[Path], cache: Path) -> tuple[int, Counter[str]]:
    """(OCR'd pages, CPU seconds per stage) of one pass over the files."""
    seconds: Counter[str] = Counter()
    settings = load_settings()
    with _numeral_clock(seconds):
        pages = sum(_one_file(path, settings, cache, seconds) for path in files)
    return pages, seconds


def _one_file(path: Path, settings: Settings, cache: Path, seconds: Counter[str]) -> int:
    """process_file's steps one by one (a stage that fails is recorded and the file goes on,
    as there); returns the OCR'd pages."""
    doc = _timed(seconds, "load", _load, path, settings)
    failures: list[PageError] = []
    for stage, step in process.reading_stages(settings, cache):
        doc = _timed(seconds, stage, process.isolated, stage, step, doc, failures, doc)
    _timed(seconds, "extract", _extract, doc, failures, cache)
    return sum(page.source == "ocr" for page in doc.pages)


def _load(path: Path, settings: Settings) -> Document:
    return load_document(path, sha256_of(path), settings, path.name)


def _extract(doc: Document, failures: list[PageError], cache: Path) -> None:
    process.extract(process.require_text(doc, failures), failures, cache)


def _timed(seconds: Counter[str], name: str, step: Callable[..., T], *args: object) -> T:
    started = time.process_time()
    result = step(*args)
    seconds[name] += time.process_time() - started
    return result


@contextmanager
def _numeral_clock(seconds: Counter[str]) -> Iterator[None]:
    """Time spent inside NumeralReader's public calls; a call made from within another counts
    with its caller only."""
    depth = [0]

    def clocked(method: Callable) -> Callable:
        def call(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            depth[0] += 1
            started = time.process_time()
            try:
                return method(self, *args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    seconds[NUMERALS] += time.process_time() - started
        return call

    patches = [mock.patch.object(NumeralReader, name, clocked(getattr(NumeralReader, name)))
               for name in READER_CALLS]
    for patch in patches:
        patch.start()
    try:
        yield
    finally:
        for patch in patches:
            patch.stop()


def report(pages: int, seconds: Counter[str]) -> None:
    stages = [name for name in seconds if name != NUMERALS]
    total = sum(seconds[name] for name in stages)
    print(f"CPU seconds of Saraban's own stages, OCR cache warm, {pages} pages:")
    print(f"{'':32}{'total s':>9}{'s/page':>9}")
    for name in [*stages, NUMERALS]:
        print(f"{name:32}{seconds[name]:>9.2f}{seconds[name] / pages:>9.3f}")
    print(f"{'all stages':32}{total:>9.2f}{total / pages:>9.3f}")


def run(files: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        stage_seconds(files, Path(tmp))  # fills the OCR cache
        forget_numeral_readings()
        report(*stage_seconds(files, Path(tmp)))


def forget_numeral_readings() -> None:
    """Empty the process-wide numeral readers' crop memos (pipeline/numerals/memo.py): a run
    reads each page once, so the timed pass must not find the first pass's readings there
    (it did, and the reader's figures came out a fraction of a run's)."""
    for reader in (default_reader(), stamp_reader()):
        for glyphs in (reader.glyphs, reader.cell_glyphs):
            glyphs._memo = CropMemo(glyphs._memo.size)
            glyphs._splits = CropMemo(glyphs._splits.size)  # touching glyphs split (reader._best_split)


def main() -> None:
    from ocr_speed import chosen_scans, scans_parser  # this folder is first on sys.path

    run(chosen_scans(scans_parser(__doc__.splitlines()[0]).parse_args()))


if __name__ == "__main__":
    main()
