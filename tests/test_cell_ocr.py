"""Cell OCR (pipeline.tables.cell_ocr) through the project's one Tesseract wrapper.

The failure tests fake the `tesseract` program, so they take the program path (the fallback of
in-process OCR, SARABAN_OCR_ENGINE=subprocess); tests/test_ocr_engine.py covers the other.
"""

from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pytesseract
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.errors import OcrError
from pipeline.ocr.engine import ENGINE_ENV
from pipeline.synth.fonts import font_path
from pipeline.tables import cell_ocr


def _crop(text: str, width: int = 360, height: int = 70) -> np.ndarray:
    image = Image.new("L", (width, height), 255)
    font = ImageFont.truetype(str(font_path()), 40)
    ImageDraw.Draw(image).text((10, 8), text, font=font, fill=0)
    return np.array(image)


def _fake_tesseract(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    script = tmp_path / "tesseract"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(script))
    monkeypatch.setenv(ENGINE_ENV, "subprocess")
    return script


def test_each_crop_gets_its_own_text_and_a_blank_one_none() -> None:
    blank = np.full((70, 360), 255, np.uint8)
    texts = cell_ocr.read_cells([_crop("ควนโดน"), blank, _crop("18")])
    assert [t.text for t in texts] == ["ควนโดน", "", "18"]
    assert texts[0].conf is not None and texts[1].conf is None


def test_lines_come_top_to_bottom_with_boxes() -> None:
    region = np.vstack([_crop("จังหวัดสตูล", width=500), _crop("2562", width=500)])
    lines = cell_ocr.read_lines(region)
    assert [text for text, _ in lines] == ["จังหวัดสตูล", "2562"]
    assert lines[0][1][3] <= lines[1][1][1]  # the first line's bottom above the second's top


def test_failure_is_an_ocr_error_and_tesseract_runs_single_threaded(tmp_path: Path, monkeypatch) -> None:
    seen = tmp_path / "env.txt"
    _fake_tesseract(tmp_path, f'echo "$OMP_THREAD_LIMIT" > {seen}\nexit 1', monkeypatch)
    with pytest.raises(OcrError):
        cell_ocr.read_cells([_crop("18")])
    assert seen.read_text().strip() == "1"


def test_a_stuck_tesseract_times_out_as_an_ocr_error(tmp_path: Path, monkeypatch) -> None:
    _fake_tesseract(tmp_path, "exec sleep 10", monkeypatch)
    monkeypatch.setattr(cell_ocr, "_TIMEOUT", 1)
    with pytest.raises(OcrError, match="timed out"):
        cell_ocr.read_lines(_crop("18"))


def test_missing_tesseract_is_an_ocr_error(monkeypatch) -> None:
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    monkeypatch.setenv(ENGINE_ENV, "subprocess")
    with pytest.raises(OcrError):
        cell_ocr.read_cells([_crop("18")])


def test_a_second_read_of_the_same_cells_comes_from_the_ocr_cache(tmp_path: Path, monkeypatch) -> None:
    crops = [_crop("ควนโดน"), _crop("18")]
    first = cell_ocr.read_cells(crops, cache_dir=tmp_path)
    caption = cell_ocr.read_lines(_crop("จังหวัดสตูล", width=500), cache_dir=tmp_path)

    def no_tesseract(*_args: object) -> None:
        raise AssertionError("Tesseract ran on pixels the cache holds")

    monkeypatch.setattr(cell_ocr, "run_tesseract", no_tesseract)
    assert cell_ocr.read_cells(crops, cache_dir=tmp_path) == first
    assert cell_ocr.read_lines(_crop("จังหวัดสตูล", width=500), cache_dir=tmp_path) == caption
    assert [t.text for t in first] == ["ควนโดน", "18"]
    with pytest.raises(AssertionError):
        cell_ocr.read_cells([_crop("ละงู")], cache_dir=tmp_path)  # other pixels are read afresh


def test_a_name_wrapped_over_two_lines_of_its_cell_is_read_as_a_block() -> None:
    """Real crop of a photographed form, which the strip read lost: read alone as one line,
    Tesseract reads nothing; as a block, both lines."""
    from scan_cell_crops import crop

    cell = cell_ocr._read_alone(crop("wrapped_name_two_lines"), "tha")
    assert cell.text.startswith("เทศบาลเมือง หนองบัวล")
