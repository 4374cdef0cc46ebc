"""quarantine/: a copy of each file that could not be processed, with <name>.error.json beside it.

The quarantine mirrors the inbox: `ตาก/รายงาน.pdf` goes to `quarantine/ตาก/รายงาน.pdf`, so two
files of the same name in different sub-folders never overwrite each other. A link, device or
FIFO is never opened, so for it only the .error.json is written.

A file name may hold 255 bytes, and a Thai character takes three: a 246-byte name is legal in the
inbox, but its `.error.json` (and the `.tmp-` file that writes it atomically) would not be. Such
a name is shortened, ending in a hash of the whole, and the error file keeps both names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path, PurePosixPath

from pipeline.errors import NotARegularFileError, SarabanError, disk_full_raised
from pipeline.intake.raw_store import atomic_copy

_NAME_MAX = 255  # bytes in one path component (ext4, xfs, btrfs, tmpfs)
_ERROR_SUFFIX = ".error.json"
_ROOM = _NAME_MAX - len(".tmp-") - len(_ERROR_SUFFIX)  # the longest name whose temp error file fits


def fitted_name(name: str, room: int = _ROOM) -> str:
    """`name` if it has at most `room` bytes, else its start + '~' + 12 hex of its hash + its extension."""
    encoded = os.fsencode(name)
    if len(encoded) <= room:
        return name
    suffix = PurePosixPath(name).suffix
    suffix = suffix if len(os.fsencode(suffix)) <= 16 else ""
    tag = "~" + hashlib.sha256(encoded).hexdigest()[:12]
    keep = room - len(tag) - len(os.fsencode(suffix))
    return encoded[:keep].decode("utf-8", errors="ignore") + tag + suffix


def quarantine_path(source_name: str) -> PurePosixPath:
    """Where a file dropped as `source_name` (its path under inbox/) is kept under quarantine/."""
    return PurePosixPath(*(fitted_name(part) for part in PurePosixPath(source_name).parts))


def quarantine_file(source: Path, quarantine_dir: Path, file_id: str, error: SarabanError,
                    source_name: str = "") -> Path:
    """Copy (never move: the inbox copy goes only after the database commit) and explain why."""
    name = source_name or source.name
    relative = quarantine_path(name)
    target = quarantine_dir / relative
    copied = not isinstance(error, NotARegularFileError) and _copy(source, target)
    report = {
        "file": name,
        "copy": relative.as_posix() if copied else None,
        "file_id": file_id,
        "reason": error.reason,
        "message_en": error.message,
        "message_th": error.message_th,
        "page": error.page,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    error_path = target.with_name(target.name + _ERROR_SUFFIX)
    _write_atomically(error_path, json.dumps(report, ensure_ascii=False, indent=2))
    return error_path


def _copy(source: Path, target: Path) -> bool:
    """False when there is nothing to copy: the source was swapped for a link or FIFO, or removed."""
    try:
        atomic_copy(source, target)
    except (NotARegularFileError, FileNotFoundError):
        return False
    return True


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".tmp-{path.name}")
    with disk_full_raised(path.parent):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
