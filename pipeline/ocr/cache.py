"""The one OCR cache (home/ocr-cache): Tesseract's tokens for an image, keyed by its pixels.

Pages, re-read lines and stamp boxes all go through here, so a re-run after a crash or a
re-dropped file does not OCR again. Entries are written atomically (temp file + rename) and a
damaged entry (a truncated write from an older version, a full disk) counts as a miss and is
replaced: a bad cache file must never fail a run.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import numpy as np

from pipeline.ocr.tesseract import OcrOptions, OcrResult, tesseract_version
from pipeline.records import Word

CACHE_VERSION = "2"  # bump when what is stored for the same pixels changes


def image_hash(gray: np.ndarray) -> str:
    # The array's own buffer, not a copy of it (a page is 9 MB): the same bytes, the same key.
    digest = hashlib.sha256(np.ascontiguousarray(gray).data)
    digest.update(str(gray.shape).encode())
    return digest.hexdigest()


def entry_path(cache_dir: Path, image: np.ndarray, options: OcrOptions, kind: str = "page") -> Path:
    """Where the reading of `image` with `options` lives; `kind` keeps pages, lines and boxes apart."""
    spec = f"{CACHE_VERSION}|{tesseract_version()}|{options}|{image_hash(image)}"
    return cache_dir / f"{kind}-{hashlib.sha256(spec.encode()).hexdigest()}.json"


def load(path: Path) -> OcrResult | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        words = [Word(**{**w, "alternatives": tuple(w.get("alternatives", ()))}) for w in data["words"]]
        return OcrResult(words, data["text"], data["confidence"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_through(path: Path | None, read: Callable[[], OcrResult]) -> OcrResult:
    """The entry at `path` if there is one, else `read()` stored there (`path` None: no cache)."""
    hit = load(path) if path is not None else None
    if hit is not None:
        return hit
    result = read()
    if path is not None:
        store(path, result)
    return result


def store(path: Path, result: OcrResult) -> None:
    """Atomic: readers see the old entry, no entry, or the whole new one."""
    payload = {"words": [asdict(w) for w in result.words], "text": result.text, "confidence": result.confidence}
    tmp = path.with_name(f".tmp-{os.getpid()}-{threading.get_ident()}-{path.name}")
    try:
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a cache that cannot be written only costs time
