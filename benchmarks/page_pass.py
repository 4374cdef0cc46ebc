"""CPU seconds and text moved by variants of the page pass (issue F11: which page pass to afford).

The page pass is the one Tesseract call every scanned page pays for (about 60% of Saraban's
Tesseract CPU). This reads the page-pass images of an inbox's scanned pages (deskewed, ruled
tables blanked, exactly as `pipeline.ocr.stage` hands them to Tesseract) once per variant —
languages, and a scale applied to the image first — in this thread, and prints each variant's
CPU seconds per page (time.thread_time: the machine may be shared) and how much of the default
reading's text it keeps (difflib ratio, 1.0 = the same text). A variant that keeps less is not
worse by that alone (`tha` alone reads Thai words `tha+eng` turns Latin); only the corpus scorer
(benchmarks/corpus.py) says whether extraction gains or loses.

    .venv/bin/python benchmarks/page_pass.py --inbox DIR [--files N] [--variants tha+eng@1 tha@1 tha+eng@0.67]
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import sys
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.config import load_settings  # noqa: E402
from pipeline.intake.raw_store import sha256_of  # noqa: E402
from pipeline.loading import load_document  # noqa: E402
from pipeline.ocr.stage import _page_view  # noqa: E402
from pipeline.ocr.tesseract import OcrOptions, ocr_image  # noqa: E402

DEFAULT_VARIANTS = ("tha+eng@1", "tha@1", "tha+eng@0.67", "tha@0.67")


def page_images(files: list[Path]) -> list[np.ndarray]:
    """The page-pass image of every OCR'd page of the files."""
    settings = load_settings()
    images = []
    for path in files:
        doc = load_document(path, sha256_of(path), settings, path.name)
        images += [_page_view(p) for p in doc.pages if p.source == "ocr" and p.image is not None]
    return images


def parse_variant(spec: str) -> tuple[str, float]:
    """`tha+eng@0.67` → ("tha+eng", 0.67)."""
    languages, _, scale = spec.partition("@")
    return languages, float(scale or 1)


def scaled(gray: np.ndarray, scale: float) -> np.ndarray:
    if scale == 1:
        return gray
    h, w = gray.shape
    return cv2.resize(gray, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)


def read(gray: np.ndarray, languages: str, scale: float) -> tuple[float, str]:
    """(thread CPU seconds, text) of one page read by one variant."""
    image = scaled(gray, scale)
    started = time.thread_time()
    text = ocr_image(image, OcrOptions(languages=languages)).text
    return time.thread_time() - started, text


def measure(images: list[np.ndarray], variants: list[str]) -> dict[str, tuple[list[float], list[float]]]:
    """Per variant: (CPU seconds per page, kept share of the first variant's text per page)."""
    out: dict[str, tuple[list[float], list[float]]] = {v: ([], []) for v in variants}
    for gray in images:
        base = None
        for spec in variants:
            seconds, text = read(gray, *parse_variant(spec))
            base = text if base is None else base
            out[spec][0].append(seconds)
            out[spec][1].append(difflib.SequenceMatcher(None, base, text, autojunk=False).ratio())
    return out


def report(results: dict[str, tuple[list[float], list[float]]]) -> None:
    print(f"{'variant':16}{'CPU s/page':>12}{'text kept':>11}{'worst page':>12}")
    for spec, (seconds, kept) in results.items():
        print(f"{spec:16}{statistics.mean(seconds):>12.2f}{statistics.mean(kept):>11.3f}{min(kept):>12.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inbox", type=Path, required=True)
    parser.add_argument("--files", type=int, default=6, help="the first N scanned PDFs")
    parser.add_argument("--variants", nargs="+", default=list(DEFAULT_VARIANTS),
                        help="languages@scale; the first is the reference")
    args = parser.parse_args()
    from ocr_speed import scanned_pdfs  # this folder is first on sys.path

    images = page_images(scanned_pdfs(args.inbox)[: args.files])
    print(f"{len(images)} pages")
    report(measure(images, args.variants))


if __name__ == "__main__":
    main()
