"""Read access to the published snapshot, and per-snapshot caches of derived tables.

Every request opens the published file read-only (`pipeline.dataset.storage.read_only`), so a
run or a correction publishing a new snapshot never blocks a page and never shows half of one.
Work that is the same for every request on one snapshot (the review queue, chart specs) is
memoised under the snapshot's identity: a publish is an atomic rename, so a new snapshot has a
new inode and mtime, and stale entries are simply never asked for again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import duckdb
import pandas as pd

from pipeline.dataset import storage
from pipeline.home import Home

T = TypeVar("T")
SnapshotKey = tuple[int, int, int]


def snapshot_key(home: Home) -> SnapshotKey:
    try:
        st = home.database.stat()
    except FileNotFoundError:
        return (0, 0, 0)
    return (st.st_ino, st.st_mtime_ns, st.st_size)


@contextmanager
def connect(home: Home) -> Iterator[duckdb.DuckDBPyConnection]:
    with storage.read_only(home) as conn:
        yield conn


def frame(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    return conn.execute(sql, params or []).df()


def records(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    """Rows as dicts with None for unknowns (templates print '' for None, never 'nan' or '<NA>')."""
    cursor = conn.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class SnapshotCache:
    """Memoise per (snapshot, name); only the current snapshot's entries are kept."""

    def __init__(self, home: Home) -> None:
        self.home = home
        self._key: SnapshotKey | None = None
        self._values: dict[str, Any] = {}
        self._lock = threading.Lock()

    def get(self, name: str, compute: Callable[[], T]) -> T:
        key = snapshot_key(self.home)
        with self._lock:
            if key != self._key:
                self._key, self._values = key, {}
            if name in self._values:
                return self._values[name]
        value = compute()  # outside the lock: two first requests may both compute; both are right
        with self._lock:
            if key == self._key:
                self._values[name] = value
        return value
