"""Finding work in inbox/: only files that have stopped changing (a scanner may still be writing)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

_IGNORED_PREFIXES = (".", "~$")  # hidden files, editor temp files, Office lock files
_IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp", ".error.json")


@dataclass(frozen=True)
class InboxFile:
    path: Path
    size: int
    mtime: float

    @property
    def name(self) -> str:
        return self.path.name


def _snapshot(inbox: Path) -> dict[Path, tuple[int, float]]:
    found: dict[Path, tuple[int, float]] = {}
    for path in inbox.rglob("*"):
        if not path.is_file() or path.name.startswith(_IGNORED_PREFIXES):
            continue
        if path.name.endswith(_IGNORED_SUFFIXES):
            continue
        stat = path.stat()
        found[path] = (stat.st_size, stat.st_mtime)
    return found


def drop_order(item: InboxFile) -> tuple[int, int, str]:
    """Earliest drop first. Files dropped in the same second (one copy operation) tie, and the
    shorter name goes first: copies get suffixes like ' (1)' or ' - Copy'."""
    return (int(item.mtime), len(item.name), item.name)


def stable_files(inbox: Path, stable_seconds: float, *, now: float | None = None) -> list[InboxFile]:
    """Files whose size and mtime did not change across `stable_seconds` and are that old."""
    first = _snapshot(inbox)
    if stable_seconds > 0 and first:
        youngest = max(mtime for _, mtime in first.values())
        wait = min(stable_seconds, max(0.0, youngest + stable_seconds - (now or time.time())))
        time.sleep(max(wait, min(stable_seconds, 0.5)))
    second = _snapshot(inbox)
    items = [InboxFile(p, *second[p]) for p in first if second.get(p) == first[p]]
    return sorted(items, key=drop_order)
