"""Originals, byte for byte, under raw/<sha256><ext>. Written atomically; never modified or deleted."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

from pipeline.errors import NotARegularFileError, disk_full_raised

_CHUNK = 1 << 20
_EXTENSION = re.compile(r"\.[a-z0-9]{1,10}")


def open_regular(path: Path) -> BinaryIO:
    """Open `path` for reading only if it is itself a regular file.

    The inbox walk already refuses links, FIFOs and devices by lstat; this closes the gap of one
    being swapped in afterwards. O_NOFOLLOW refuses a link, O_NONBLOCK keeps a FIFO from waiting
    for a writer, and fstat judges what was actually opened.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotARegularFileError(f"{path.name} is a symbolic link; it is never opened") from error
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotARegularFileError(f"{path.name} is not a regular file; it is never read")
    return os.fdopen(fd, "rb")


def sha256_of(path: Path) -> str:
    """The file's SHA-256. A run plans its inbox twice (settling known files before Prefect
    starts, then in the flow): a file whose identity, size and change times are all as they
    were when this process hashed it is not read again (any write sets its ctime to now)."""
    with open_regular(path) as handle:
        meta = os.fstat(handle.fileno())
        key = (meta.st_dev, meta.st_ino, meta.st_size, meta.st_mtime_ns, meta.st_ctime_ns)
        if key not in _HASHED:
            _HASHED[key] = _digest(handle)
        return _HASHED[key]


_HASHED: dict[tuple[int, ...], str] = {}


def _digest(handle: BinaryIO) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def raw_name(file_id: str, source_name: str) -> str:
    """<sha256><ext>, the extension kept only if it looks like one (a dot in a long Thai name, or
    a newline after '.pdf', must not end up in raw/)."""
    suffix = Path(source_name).suffix.lower()
    return file_id + (suffix if _EXTENSION.fullmatch(suffix) else "")


def atomic_copy(source: Path, target: Path) -> None:
    """Copy to a temp file in the target folder, fsync, rename: a crash leaves old or new, never half.
    A full disk raises DiskFullError and leaves no temp file behind."""
    with disk_full_raised(target.parent):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
        try:
            with os.fdopen(fd, "wb") as out, open_regular(source) as src:
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
