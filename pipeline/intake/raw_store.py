"""Originals, byte for byte, under raw/<sha256><ext>. Written atomically; never modified or deleted."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def raw_name(file_id: str, source_name: str) -> str:
    return file_id + Path(source_name).suffix.lower()


def atomic_copy(source: Path, target: Path) -> None:
    """Copy to a temp file in the target folder, fsync, rename: a crash leaves old or new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, _CHUNK)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def store_original(source: Path, raw_dir: Path, file_id: str) -> Path:
    """Idempotent: an existing raw copy with the same hash is already the same bytes."""
    target = raw_dir / raw_name(file_id, source.name)
    if not target.exists():
        atomic_copy(source, target)
    return target


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
