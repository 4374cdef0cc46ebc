"""OCR on Thai pages rendered with real fonts: text, tokens, cache, and failure handling."""

import hashlib
from pathlib import Path

import numpy as np
import pytest
from rapidfuzz.distance import Levenshtein

from pipeline.errors import OcrError
from pipeline.ocr import cache, deskew
from pipeline.ocr import stage as ocr_stage
from pipeline.ocr.deskew import estimate_skew, rotate
from pipeline.ocr.tesseract import OcrOptions, OcrResult, ocr_image
from pipeline.records import Page, PageError, PageTable, TableCell, Word
from pipeline.synth.pages import Scan, degrade, draw_lines
from pipeline.thai.text import normalise

LINES = ["เรื่อง รายงานผลการจัดตั้งศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น",
         "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]


@pytest.fixture(scope="module")
def page_image() -> np.ndarray:
    return np.asarray(degrade(draw_lines(LINES), Scan(noise=4, seed=3)))


@pytest.fixture(scope="module")
def ocr_result(page_image):
    return ocr_image(page_image, OcrOptions())


def test_thai_letters_are_read(ocr_result) -> None:
    # Tesseract `tha` drops tone marks stacked over ิ and ั in TLWG fonts (ตั้ง → ตัง); bound the damage.
    cer = Levenshtein.normalized_distance(normalise(ocr_result.text), "\n".join(LINES))
    assert cer < 0.05
    assert ocr_result.confidence > 80


def test_tokens_follow_tesseracts_spacing_with_boxes(ocr_result, page_image) -> None:
    texts = [normalise(w.text) for w in ocr_result.words]
    assert texts[0] == "เรื่อง" and texts[2] == "เรียน"  # one token per space-separated phrase
    assert len(texts) == 4 and texts[1].startswith("รายงานผล")
    first, second = ocr_result.words[2:4]  # "เรียน อธิบดี…" share a line
    assert first.left < second.left and first.line == second.line
    height, width = page_image.shape
    assert all(0 <= w.left < width and 0 <= w.top < height for w in ocr_result.words)


@pytest.mark.parametrize("angle", [1.2, -0.8, 2.5])
def test_deskew_finds_the_scan_angle(page_image, angle: float) -> None:
    assert estimate_skew(rotate(page_image, angle)) == pytest.approx(-angle, abs=0.25)


def test_skew_scores_are_numpys_row_sums_and_each_angle_is_scored_once(page_image, monkeypatch) -> None:
    ink = (rotate(page_image, 1.2)[::2, ::2] < 128).astype(np.uint8)
    for angle in (-1.5, -0.1, 0.0, 0.7, 3.5):
        rows = deskew.rotate_mask(ink, angle).sum(axis=1, dtype=np.float32)
        assert deskew._profile_score(ink, angle) == float(np.square(np.diff(rows)).sum())
    scored: list[float] = []
    real = deskew._profile_score
    monkeypatch.setattr(deskew, "_profile_score", lambda mask, a: scored.append(a) or real(mask, a))
    assert estimate_skew(page_image) == pytest.approx(0.0, abs=0.25)
    assert len(scored) == len(set(scored)) < 17 + 11  # the fine search meets coarse angles again


def test_cache_keys_are_the_sha256_of_the_pixels_as_before(page_image) -> None:
    """Hashed in place: the keys of caches written by earlier runs still find their entries."""
    crop = page_image[10:200:2, 5:300]  # not contiguous
    for image in (page_image, crop):
        expected = hashlib.sha256(image.tobytes())
        expected.update(str(image.shape).encode())
        assert cache.image_hash(image) == expected.hexdigest()


def test_cache_means_no_second_ocr(tmp_path: Path, page_image, monkeypatch) -> None:
    options = OcrOptions()
    first = [Page(number=1, source="ocr", image=page_image.copy())]
    ocr_stage.ocr_pages(first, options, tmp_path, workers=1)
    ocr_stage.shutdown_pool()
    assert len(list(tmp_path.glob("*.json"))) == 1

    def no_ocr(*_args, **_kwargs):
        raise AssertionError("OCR ran although the page was cached")

    monkeypatch.setattr(ocr_stage, "_pool_for", no_ocr)
    again = [Page(number=1, source="ocr", image=page_image.copy())]
    ocr_stage.ocr_pages(again, options, tmp_path, workers=1)
    assert again[0].raw_text == first[0].raw_text and again[0].words == first[0].words


class _FailingPool:
    def submit(self, *_args, **_kwargs):
        from concurrent.futures import Future

        future: Future = Future()
        future.set_exception(OcrError("tesseract timed out after 1s"))
        return future


def test_ocr_failure_is_recorded_on_the_page_not_lost(tmp_path: Path, page_image, monkeypatch) -> None:
    monkeypatch.setattr(ocr_stage, "_pool_for", lambda _workers: _FailingPool())
    pages = [Page(number=1, source="ocr", image=page_image.copy())]
    ocr_stage.ocr_pages(pages, OcrOptions(), tmp_path, workers=1)
    assert pages[0].errors == [PageError(1, "ocr_failed", "tesseract timed out after 1s", stage="ocr")]
    assert pages[0].raw_text == "" and not list(tmp_path.glob("*.json"))  # nothing half-written


def test_blank_page_gives_no_text() -> None:
    result = ocr_image(np.full((800, 600), 255, dtype=np.uint8), OcrOptions())
    assert result.text.strip() == "" and result.confidence is None


def test_ocr_workers_die_with_the_process_that_started_them(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    script = (
        "import time\n"
        "from pipeline.ocr import stage as ocr_stage\n"
        "pool = ocr_stage._pool_for(2)\n"
        "pids = [pool.submit(__import__('os').getpid).result() for _ in range(4)]\n"
        "print(' '.join(map(str, set(pids))), flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert workers and all(_alive(p) for p in workers)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _token(text: str, left: int, top: int, block: int) -> Word:
    return Word(text, 90.0, left, top, 80, 30, block, 1)


def test_a_table_area_no_cell_reading_filled_gets_the_page_pass_reading(tmp_path: Path) -> None:
    """F11: the page pass skipped a table's area for the cell reading; where that reading failed
    the page pass reads the area after all (here from its cache), in its place on the page."""
    image = np.full((400, 600), 255, np.uint8)
    options = OcrOptions()
    title, amount = _token("เรื่อง", 20, 20, 1), _token("๑๒,๕๐๐", 120, 220, 2)
    cache.store(cache.entry_path(tmp_path, image, options), OcrResult([title, amount], "", 90.0))
    area = (100, 200, 500, 380)
    failed = Page(number=1, source="ocr", image=image, words=[title], unread_areas=[area])
    ocr_stage.read_unread_areas(failed, options, tmp_path, lambda _gray, words: words)
    assert [w.text for w in failed.words] == ["เรื่อง", "๑๒,๕๐๐"] and failed.unread_areas == []
    assert failed.raw_text.splitlines() == ["เรื่อง", "๑๒,๕๐๐"]
    cell = TableCell(0, 0, "12,500", 12500.0, 0.9, (110, 210, 490, 370))
    read = Page(number=1, source="ocr", image=image, words=[title, _token("12,500", 110, 210, 99)],
                page_tables=[PageTable(0, 1, 1, area, "ruled", [cell])], unread_areas=[area])
    ocr_stage.read_unread_areas(read, options, tmp_path, lambda _gray, words: words)
    assert [w.text for w in read.words] == ["เรื่อง", "12,500"] and read.unread_areas == []
