"""How often each judged re-read wins (issue F11: a re-read whose judge rarely takes it costs
CPU for nothing).

The files go through `flows.process`'s reading stages (benchmarks/stage_cpu.py, a cold OCR cache
so every Tesseract call is made) with the two judged re-reads counted by their judge: the header
and signature line re-reads (`reocr_lines`, one or two `tha --psm 7` Tesseract calls per line)
and the numeral reader's re-read of header and stamp numbers (`reread_numbers`, no Tesseract).
Printed per judge: lines asked, lines whose new reading won, and the share.

    .venv/bin/python benchmarks/reread_wins.py --inbox DIR [--files N]
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.stage_cpu import stage_seconds  # noqa: E402
from flows import process  # noqa: E402

Tally = Counter[tuple[str, str, str]]  # (re-read, judge, "asked" | "won") → lines


def counted(name: str, reread: Callable[..., list[int]], tally: Tally) -> Callable[..., list[int]]:
    """`reread` (page, line_ids, …, judge, …) → replaced ids, its lines counted by judge."""
    def call(page, line_ids, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        judge = next((a for a in args if callable(a) and a.__name__.startswith("is_")), None)
        key = getattr(judge, "__name__", "?") + (" (wide)" if kwargs.get("reach") else "")
        won = reread(page, line_ids, *args, **kwargs)
        tally[(name, key, "asked")] += len(line_ids)
        tally[(name, key, "won")] += len(won)
        return won
    return call


def run(files: list[Path]) -> tuple[int, Tally]:
    tally: Tally = Counter()
    with mock.patch.object(process, "reocr_lines", counted("line re-OCR", process.reocr_lines, tally)), \
            mock.patch.object(process, "reread_numbers", counted("number re-read", process.reread_numbers, tally)), \
            tempfile.TemporaryDirectory() as tmp:
        pages, _ = stage_seconds(files, Path(tmp))
    return pages, tally


def report(pages: int, tally: Tally) -> None:
    print(f"{pages} pages")
    print(f"{'re-read':18}{'judge':24}{'asked':>7}{'won':>6}{'share':>7}{'asked/page':>12}")
    for name, judge in sorted({(n, j) for n, j, _ in tally}):
        asked, won = tally[(name, judge, "asked")], tally[(name, judge, "won")]
        share = won / asked if asked else 0.0
        print(f"{name:18}{judge:24}{asked:>7}{won:>6}{share:>7.2f}{asked / max(1, pages):>12.2f}")


def main() -> None:
    from ocr_speed import chosen_scans, scans_parser  # this folder is first on sys.path

    report(*run(chosen_scans(scans_parser(__doc__.splitlines()[0]).parse_args())))


if __name__ == "__main__":
    main()
