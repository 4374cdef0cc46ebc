"""Seconds for the same scanned pages: stock Tesseract, OCRmyPDF, and `saraban ingest`, side by side.

One run, the same files for all (issue F11):

- stock Tesseract as a clerk's script would call it: each page rendered at 300 dpi, then
  `tesseract -l tha --psm 6`, one page after another, `OMP_THREAD_LIMIT=1` — the baseline;
- OCRmyPDF, the user's alternative: `-l tha --jobs <cores> --force-ocr`, one file after another
  (pypdfium rasterizer and plain PDF output, so no Ghostscript is needed; `--optimize 0`: the
  output's size is not what is compared);
- `saraban ingest --quiet` on a fresh home (no OCR cache, no Prefect database), everything
  included: Prefect start, deskew, tha+eng OCR, header-line, stamp-box and table-cell re-reads,
  the numeral reader, extraction and the publish; with Tesseract in-process (tesserocr, the
  default) and, unless `--no-subprocess`, with one `tesseract` program per call
  (SARABAN_OCR_ENGINE=subprocess, the fallback).

The files are the scanned samples of the shared inbox, or with `--inbox DIR` the scanned PDFs
(no text layer) of any inbox, e.g. a generated corpus's. The machine is shared: the load is
printed with the figures, and `--repeat N` times every row N times (the best is printed).

With `--stages`, the CPU seconds per page of each of Saraban's stages on the same files follow
(benchmarks/stage_cpu.py: OCR cache warm, the numeral reader's share across all its callers);
with `--processes`, the CPU seconds of each process of an ingest, OCR cache cold and warm
(benchmarks/process_cpu.py: the run, its workers, Prefect's server).

    .venv/bin/python benchmarks/ocr_speed.py [--inbox DIR] [--files N] [--repeat N] [--no-subprocess]
                                             [--stages] [--processes]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples" / "inbox"
SCANS = ["SCAN_0001.pdf", "SCAN_0003.pdf", "SCAN_0004.pdf", "SCAN_0008.pdf", "img009.pdf",
         "saraban_010.pdf", "doc20180708_165714_02.pdf"]
CORES = os.cpu_count() or 1
SINGLE_THREAD = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def scanned_pdfs(inbox: Path) -> list[Path]:
    """PDFs whose pages carry no text layer (what OCR is for); damaged ones are left out."""
    return [path for path in sorted(inbox.glob("*.pdf")) if _page_count(path) and not _has_text(path)]


def _page_count(path: Path) -> int:
    try:
        return len(pdfium.PdfDocument(str(path)))
    except pdfium.PdfiumError:
        return 0


def page_total(files: list[Path]) -> int:
    return sum(_page_count(path) for path in files)


def _has_text(path: Path) -> bool:
    pdf = pdfium.PdfDocument(str(path))
    return any(pdf[i].get_textpage().get_text_range().strip() for i in range(len(pdf)))


def render_pages(files: list[Path], out: Path, dpi: int = 300) -> list[Path]:
    pages = []
    for n, path in enumerate(files):
        pdf = pdfium.PdfDocument(str(path))
        for i in range(len(pdf)):
            target = out / f"{n:03d}-{i + 1}.png"
            pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().save(target)
            pages.append(target)
        pdf.close()
    return pages


def stock_tesseract(pages: list[Path], _: Path) -> float:
    started = time.perf_counter()
    for page in pages:
        subprocess.run(["tesseract", str(page), "-", "-l", "tha", "--psm", "6"], check=True,
                       capture_output=True, env=SINGLE_THREAD)
    return time.perf_counter() - started


def ocrmypdf(files: list[Path], out: Path) -> float:
    exe = Path(sys.executable).with_name("ocrmypdf")
    out.mkdir(parents=True)
    started = time.perf_counter()
    for n, path in enumerate(files):
        done = subprocess.run([str(exe), "-l", "tha", "--jobs", str(CORES), "--force-ocr", "--quiet",
                               "--rasterizer", "pypdfium", "--output-type", "pdf", "--optimize", "0",
                               str(path), str(out / f"{n:03d}.pdf")], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"ocrmypdf exited with {done.returncode} on {path.name}:\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def saraban_ingest(files: list[Path], home: Path, engine: str = "in-process") -> float:
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    for n, path in enumerate(files):
        shutil.copy2(path, inbox / f"{n:03d}-{path.name}")  # corpora of several seeds share names
    env = {**os.environ, "SARABAN_STABLE_SECONDS": "0", "SARABAN_OCR_ENGINE": engine}
    exe = Path(sys.executable).with_name("saraban")
    started = time.perf_counter()
    done = subprocess.run([str(exe), "ingest", "--quiet", "--home", str(home)], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"saraban ingest ({engine}) exited with {done.returncode}:\n"
                 f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return time.perf_counter() - started


def best_of(repeat: int, run: Callable[[Path], float], tmp: Path, name: str) -> float:
    """Each try in a fresh folder (a fresh home for ingest): nothing carries over between tries."""
    return min(run(tmp / f"{name}-{i}") for i in range(repeat))


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def scans_parser(description: str) -> argparse.ArgumentParser:
    """The options every speed script shares: which scanned PDFs it times."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--inbox", type=Path, help="the scanned PDFs of this inbox instead of the samples")
    parser.add_argument("--files", type=int, help="only the first N files")
    return parser


def chosen_scans(args: argparse.Namespace) -> list[Path]:
    files = scanned_pdfs(args.inbox) if args.inbox else [SAMPLES / name for name in SCANS]
    return files[: args.files] if args.files else files


def main() -> None:
    parser = scans_parser(__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="time each row N times, print the best")
    parser.add_argument("--no-subprocess", action="store_true", help="skip the program-per-call ingest")
    parser.add_argument("--stages", action="store_true", help="then CPU seconds per page of each stage")
    parser.add_argument("--processes", action="store_true", help="then CPU seconds of each process of an ingest")
    args = parser.parse_args()
    files = chosen_scans(args)
    print(f"before: {load()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = render_pages(files, root)
        rows = [("tesseract -l tha --psm 6, sequential", lambda d: stock_tesseract(pages, d)),
                (f"ocrmypdf -l tha --jobs {CORES}", lambda d: ocrmypdf(files, d)),
                ("saraban ingest, in-process OCR", lambda d: saraban_ingest(files, d))]
        if not args.no_subprocess:
            rows.append(("saraban ingest, program per call", lambda d: saraban_ingest(files, d, "subprocess")))
        timings = []
        for n, (name, run) in enumerate(rows):
            timings.append((name, best_of(args.repeat, run, root, f"row{n}")))
            print(f"  {name}: {timings[-1][1]:.1f} s ({load()})", flush=True)
    report(files, len(pages), timings)
    if args.stages:
        from stage_cpu import run  # beside this file, first on sys.path; imports the pipeline

        run(files)
    if args.processes:
        import process_cpu  # beside this file

        process_cpu.run(files, len(pages))


def report(files: list[Path], pages: int, timings: list[tuple[str, float]]) -> None:
    baseline = timings[0][1]
    print(f"{len(files)} scanned files, {pages} pages, {CORES} cores; after: {load()}")
    print(f"{'':38}{'total s':>9}{'s/page':>9}{'× stock':>9}")
    for name, seconds in timings:
        print(f"{name:38}{seconds:>9.1f}{seconds / pages:>9.2f}{seconds / baseline:>9.2f}")
    print("saraban ingest includes Prefect start-up, deskew, tha+eng OCR, numeral re-reading, "
          "header-line, stamp and table cell OCR, extraction, reconciliation and the publish.")


if __name__ == "__main__":
    main()
