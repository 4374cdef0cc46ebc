"""The OCR stage: every rasterised page → deskewed image, tokens, text; cached, in parallel.

Pages from all files share one process pool of one single-threaded Tesseract per core. The
cache is keyed by the page image's hash (plus Tesseract version and options), so re-running
an ingest after a crash or on a re-dropped file does not OCR again.

The page pass does not read ruled tables (`pipeline.tables.ruled.table_areas`, kept in
`Page.unread_areas`): their cells are read one by one afterwards and take the tables' place in
the page's tokens, so Tesseract's time on them here was thrown away (F11). A page with nothing
outside its tables is read whole, for its layout and its orientation; a page whose cell reading
fails gets the page pass's reading of the areas after all (`read_unread_areas`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import numpy as np

from pipeline.errors import OcrError
from pipeline.ocr import cache
from pipeline.ocr.boxes import BoxReading, centre_inside, splice_box, word_inside
from pipeline.ocr.cache import image_hash
from pipeline.ocr.deskew import deskew
from pipeline.ocr.orientation import detect_rotation, needs_check, turn
from pipeline.ocr.tesseract import OcrOptions, OcrResult, ocr_image, text_from_tokens
from pipeline.records import Page, PageError, Word
from pipeline.tables.ruled import blanked, table_areas

_PR_SET_PDEATHSIG = 1
# Collections every 10,000 new container objects, not 700: a worker makes page data by the
# hundred thousand (glyphs, readings, tokens), and each full collection walks every object alive.
_GC_THRESHOLDS = (10_000, 10, 10)
_pool: Executor | None = None
_pool_lock = threading.Lock()


def _init_worker() -> None:
    # The worker's own environment: Tesseract must not spawn OpenMP threads of its own.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _die_with_parent()
    lighter_gc()


def lighter_gc() -> None:
    """Fewer, cheaper cyclic collections in a worker (F11: they took ~9% of the reading stages'
    CPU, 0.8 of 8.2 CPU-s on 7 pages). What the worker inherited at fork (modules, Prefect) is
    frozen out of the collector's walks; it lives as long as the worker anyway. What is computed
    cannot change: the collector only frees unreachable cycles, and this changes when."""
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLDS)


def _die_with_parent() -> None:
    """A run killed mid-OCR (SIGKILL, a cancelled Prefect run) must not leave workers behind."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown still applies
        pass


def _pool_for(workers: int) -> Executor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = _new_pool(workers)
        return _pool


def _new_pool(workers: int) -> Executor:
    """Processes, one single-threaded Tesseract each; threads inside a daemonic process (a Dask
    worker), which may not start processes of its own. Threads are enough there: in-process
    Tesseract (pipeline/ocr/engine.py) releases the GIL while it reads."""
    if multiprocessing.current_process().daemon:
        return ThreadPoolExecutor(max_workers=workers)
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)


def as_worker(workers: int) -> None:
    """This process is a worker reading whole files (flows/file_workers.py): its pages are read
    in `workers` threads of its own (in-process Tesseract releases the GIL while it reads), not
    in processes started from it."""
    global _pool
    _init_worker()
    with _pool_lock:
        _pool = ThreadPoolExecutor(max_workers=workers)


def shutdown_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(cancel_futures=True)
            _pool = None


def prepare_page(page: Page) -> Page:
    """Deskew in place of the page image; boxes from OCR then refer to the straightened image."""
    if page.image is not None:
        page.image, _ = deskew(page.image)
        page.image_sha = image_hash(page.image)
    return page


def ocr_pages(pages: list[Page], options: OcrOptions, cache_dir: Path, workers: int) -> list[Page]:
    """OCR every page that has an image and no text yet. Errors are kept on the page, not raised."""
    todo = [p for p in pages if p.source == "ocr" and p.image is not None]
    _read_pages(todo, _page_view, options, cache_dir, workers)
    bare = [p for p in todo if p.unread_areas and not p.words and not _failed(p)]
    _read_pages(bare, _whole, options, cache_dir, workers)
    for page in todo:
        if page.words and needs_check(page.confidence):
            _upright(page, options, cache_dir, workers)
    return pages


def _read_pages(pages: list[Page], view: Callable[[Page], np.ndarray], options: OcrOptions,
                cache_dir: Path, workers: int) -> None:
    """Each page's reading of `view(page)`: cached, else from the pool (a page is sent as soon as
    it is ready, so the pool reads while the next is prepared)."""
    images: dict[int, np.ndarray] = {}
    futures: dict[int, Future[OcrResult]] = {}
    for page in pages:
        image = images[page.number] = view(page)
        cached = cache.load(cache.entry_path(cache_dir, image, options))
        if cached is not None:
            _apply(page, cached)
        else:
            futures[page.number] = _pool_for(workers).submit(ocr_image, image, options)
    for page in pages:
        if page.number in futures:
            _collect(page, images[page.number], futures[page.number], options, cache_dir)


def _page_view(page: Page) -> np.ndarray:
    """The deskewed page as the page pass reads it: its cell-read tables blanked."""
    page.unread_areas = table_areas(prepare_page(page).image)
    return blanked(page.image, page.unread_areas)


def _whole(page: Page) -> np.ndarray:
    page.unread_areas = []
    return page.image


def read_unread_areas(page: Page, options: OcrOptions, cache_dir: Path,
                      reread: Callable[[np.ndarray, list[Word]], list[Word]]) -> None:
    """The page pass's reading of each area it left to the cell reading where no table was read
    after all (the cell reading failed, or found no cell text, or no grid there), in its place,
    digits re-read by `reread`: the page keeps a reading of every part of it."""
    read = [t.bbox for t in page.page_tables if any(c.text for c in t.cells)]
    areas = [a for a in page.unread_areas if not any(centre_inside(box, a) for box in read)]
    page.unread_areas = []
    if page.image is None or not areas:
        return
    image = page.image
    try:
        whole = cache.read_through(cache.entry_path(cache_dir, image, options), lambda: ocr_image(image, options))
    except OcrError as e:
        page.errors.append(PageError(page.number, e.reason, f"table areas: {e}", stage="ocr"))
        return
    words = reread(image, whole.words)
    for area in areas:
        page.words = splice_box(page.words, BoxReading(area, [w for w in words if word_inside(w, area)], None))
    page.raw_text = text_from_tokens(page.words)


def _failed(page: Page) -> bool:
    return any(e.stage == "ocr" for e in page.errors)


def _upright(page: Page, options: OcrOptions, cache_dir: Path, workers: int) -> None:
    """A poorly read page that OSD finds turned is turned and read again; the new reading is
    kept only when it reads better (OSD can be fooled by a page of tables and stamps)."""
    try:
        clockwise = detect_rotation(page.image)
    except OcrError as e:
        page.errors.append(PageError(page.number, e.reason, str(e), stage="orientation"))
        return
    if not clockwise:
        return
    before = (page.image, page.image_sha, page.words, page.raw_text, page.confidence,
              page.width, page.height, page.unread_areas)
    page.image = turn(page.image, clockwise)
    page.height, page.width = page.image.shape[:2]
    _read_pages([page], _page_view, options, cache_dir, workers)
    if (page.confidence or 0) <= (before[4] or 0):
        (page.image, page.image_sha, page.words, page.raw_text, page.confidence, page.width,
         page.height, page.unread_areas) = before


def _collect(page: Page, image: np.ndarray, future: Future[OcrResult], options: OcrOptions,
             cache_dir: Path) -> None:
    try:
        result = future.result()
    except OcrError as e:
        page.errors.append(PageError(page.number, e.reason, str(e), stage="ocr"))
        return
    cache.store(cache.entry_path(cache_dir, image, options), result)
    _apply(page, result)


def _apply(page: Page, result: OcrResult) -> None:
    page.words = result.words
    page.raw_text = result.text
    page.confidence = result.confidence
