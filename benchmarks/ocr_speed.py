"""Seconds per page: `saraban ingest` (fresh home, no OCR cache) vs plain sequential `tesseract -l tha`.

All read the same scanned pages of the shared sample inbox, in one run, side by side: the
ingest with Tesseract in-process (tesserocr, the default) and with one `tesseract` program per
call (SARABAN_OCR_ENGINE=subprocess, the fallback and the engine before F11). The
baseline is what a clerk's script would do: render each page at 300 dpi and call Tesseract
once per page, one after another, with Tesseract's default threading.

    .venv/bin/python benchmarks/ocr_speed.py [--files N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples" / "inbox"
SCANS = ["SCAN_0001.pdf", "SCAN_0003.pdf", "SCAN_0004.pdf", "SCAN_0008.pdf", "img009.pdf",
         "saraban_010.pdf", "doc20180708_165714_02.pdf"]


def render_pages(files: list[Path], out: Path, dpi: int = 300) -> list[Path]:
    pages = []
    for path in files:
        pdf = pdfium.PdfDocument(str(path))
        for i in range(len(pdf)):
            target = out / f"{path.stem}-{i + 1}.png"
            pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().save(target)
            pages.append(target)
        pdf.close()
    return pages


def plain_tesseract(pages: list[Path]) -> float:
    started = time.perf_counter()
    for page in pages:
        subprocess.run(["tesseract", str(page), "-", "-l", "tha"], check=True, capture_output=True)
    return time.perf_counter() - started


def saraban_ingest(files: list[Path], home: Path, engine: str = "in-process") -> float:
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    for path in files:
        shutil.copy2(path, inbox / path.name)
    env = {**os.environ, "SARABAN_STABLE_SECONDS": "0", "SARABAN_OCR_ENGINE": engine}
    exe = Path(sys.executable).with_name("saraban")
    started = time.perf_counter()
    done = subprocess.run([str(exe), "ingest", "--quiet", "--home", str(home)], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"saraban ingest ({engine}) exited with {done.returncode}:\n"
                 f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=len(SCANS), help="how many scanned samples")
    args = parser.parse_args()
    files = [SAMPLES / name for name in SCANS[: args.files]]
    with tempfile.TemporaryDirectory() as tmp:
        pages = render_pages(files, Path(tmp))
        baseline = plain_tesseract(pages)
        ours = saraban_ingest(files, Path(tmp) / "home")
        program = saraban_ingest(files, Path(tmp) / "home-subprocess", "subprocess")
    n = len(pages)
    print(f"{len(files)} scanned files, {n} pages, {os.cpu_count()} cores")
    print(f"{'':32}{'total s':>10}{'s/page':>10}")
    print(f"{'tesseract -l tha, sequential':32}{baseline:>10.1f}{baseline / n:>10.2f}")
    print(f"{'saraban ingest, in-process OCR':32}{ours:>10.1f}{ours / n:>10.2f}")
    print(f"{'saraban ingest, program per call':32}{program:>10.1f}{program / n:>10.2f}")
    print("saraban ingest includes Prefect start-up, deskew, tha+eng OCR, numeral re-reading, "
          "table cell OCR, extraction, reconciliation and the database write.")


if __name__ == "__main__":
    main()
