"""Tesseract in this process, through its C API (tesserocr): the model is loaded once per worker.

A Tesseract process per call reloads the `tha+eng` model every time (≈ 0.5–1 s), and a page
calls Tesseract many times: the page, then header lines, table cells and stamp boxes. Here one
`PyTessBaseAPI` per (languages, segmentation mode) is kept per thread and reused with
`SetImage`; the API is not thread-safe, so threads never share one.

Same results as the command line: the images Saraban passes carry no resolution, for which the
`tesseract` program falls back to 70 dpi and estimates the real one from the text; the API is
told the same 70 (checked in tests/test_ocr_engine.py, TSV and text identical). tesserocr is
built against the system's libtesseract (`no-binary-package` in pyproject.toml), so both paths
run the same engine and models. Where the binding is missing, or SARABAN_OCR_ENGINE=subprocess,
pipeline.ocr.tesseract runs the program instead.
"""

from __future__ import annotations

import os
import threading

import numpy as np
from PIL import Image

from pipeline.errors import OcrError

# OpenMP reads its limit when libtesseract loads: one thread per Tesseract, parallelism from one
# process per core (pipeline.ocr.tesseract says why). Set before the import, whoever imports first.
os.environ["OMP_THREAD_LIMIT"] = "1"
try:  # optional at run time: the subprocess path stays complete without it
    import tesserocr
except ImportError:  # pragma: no cover - depends on the install
    tesserocr = None

ENGINE_ENV = "SARABAN_OCR_ENGINE"
CLI_RESOLUTION = 70  # what `tesseract` assumes for an image without one (then it estimates)
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
_local = threading.local()


def in_process() -> bool:
    """Whether OCR runs in this process: tesserocr is installed and not switched off."""
    return tesserocr is not None and os.environ.get(ENGINE_ENV, "in-process") != "subprocess"


def read_page(gray: np.ndarray, languages: str, psm: int, timeout: int) -> tuple[str, str]:
    """(TSV with its header line, plain text), as `tesseract … tsv txt` writes them."""
    api = _api(languages, psm)
    api.SetImage(Image.fromarray(gray))
    api.SetSourceResolution(CLI_RESOLUTION)
    try:
        if not api.Recognize(timeout * 1000):
            raise OcrError(f"tesseract timed out after {timeout}s")
        return f"{TSV_HEADER}\n{api.GetTSVText(0)}", api.GetUTF8Text()
    except RuntimeError as e:
        raise OcrError(f"tesseract failed: {e}") from e
    finally:
        api.Clear()  # the image, not the model


def _api(languages: str, psm: int) -> tesserocr.PyTessBaseAPI:
    apis = getattr(_local, "apis", None)
    if apis is None:
        apis = _local.apis = {}
    key = (languages, psm)
    if key not in apis:
        apis[key] = _load(languages, psm)
    return apis[key]


def _load(languages: str, psm: int) -> tesserocr.PyTessBaseAPI:
    try:
        return tesserocr.PyTessBaseAPI(lang=languages, psm=psm)
    except RuntimeError as e:  # a missing model: the same advice as for the program
        raise OcrError(f"tesseract cannot load {languages!r} (apt-get install tesseract-ocr-tha): {e}") from e
