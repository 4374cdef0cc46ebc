"""In-process Tesseract (tesserocr) reads exactly what the `tesseract` program reads.

Rendered Thai pages (a letter, a table cell strip, one header line), read both ways with each
segmentation mode Saraban uses: character boxes, confidences and text must be identical, so the
fallback path (no binding, or SARABAN_OCR_ENGINE=subprocess) changes no figure.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest

from pipeline.errors import OcrError
from pipeline.ocr import engine
from pipeline.ocr.tesseract import OcrOptions, run_tesseract
from pipeline.synth.pages import Scan, degrade, draw_lines

LETTER = ["ที่ มท ๐๘๑๐.๗/ว ๔๓๕ ลงวันที่ ๙ มีนาคม ๒๕๖๗",
          "เรื่อง การจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
          "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด"]


@pytest.fixture(scope="module")
def letter() -> np.ndarray:
    return np.asarray(degrade(draw_lines(LETTER, dpi=200), Scan(angle=0.4, noise=6, blur=0.5, seed=11)))


def both_ways(gray: np.ndarray, options: OcrOptions, monkeypatch: pytest.MonkeyPatch) -> tuple:
    inside = run_tesseract(gray, options)
    monkeypatch.setenv(engine.ENGINE_ENV, "subprocess")
    program = run_tesseract(gray, options)
    monkeypatch.delenv(engine.ENGINE_ENV)
    return inside, program


@pytest.mark.parametrize("psm", [None, 4, 6, 7])
def test_in_process_reads_what_the_program_reads(letter: np.ndarray, psm: int | None, monkeypatch) -> None:
    assert engine.in_process(), "tesserocr is missing: run scripts/setup.sh"
    crop = letter if psm is None else letter[150:420, 150:1500]
    options = OcrOptions(languages="tha+eng" if psm is None else "tha", psm=psm)
    (chars, text), (program_chars, program_text) = both_ways(crop, options, monkeypatch)
    assert text.strip() and chars
    assert text == program_text
    assert chars == program_chars


def test_threads_keep_their_own_engine(letter: np.ndarray) -> None:
    """The C API is not thread-safe: concurrent reads in one process still agree."""
    options = OcrOptions(psm=6, languages="tha")
    crop = letter[150:420, 150:1500]
    expected = run_tesseract(crop, options)[1]
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(run_tesseract(crop, options)[1])) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 3


def test_in_process_tesseract_runs_single_threaded() -> None:
    """OpenMP reads the limit when libtesseract loads, which importing the engine does."""
    import os

    assert engine.tesserocr is not None and os.environ["OMP_THREAD_LIMIT"] == "1"


def test_a_missing_model_is_an_ocr_error() -> None:
    with pytest.raises(OcrError, match="cannot load 'xyz'"):
        engine.read_page(np.full((40, 40), 255, np.uint8), "xyz", 3, 10)
