"""Read access to the published snapshot, and per-snapshot caches of derived tables.

Every request reads the published file through a read-only connection, so a run or a
correction publishing a new snapshot never blocks a page and never shows half of one. Opening
a DuckDB file costs far more than a page's queries (≈ 100–200 ms), so the snapshot is attached
READ_ONLY once, to an in-memory DuckDB of its own, and each request takes a cursor of it (its
own connection, safe in its own thread). A publish is an atomic rename: the next request sees a
new inode and attaches the new file; requests still running finish on the old one. (An
instance of its own, rather than `duckdb.connect(path)`, because DuckDB shares one instance per
path within a process, which would keep serving the replaced file while any connection lives.)
Work that is the same for every request on one snapshot (the review queue, chart specs) is
memoised under the snapshot's identity too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

import duckdb
import pandas as pd
from starlette.requests import Request

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


_ALIAS = "snapshot"


def _attach(home: Home) -> duckdb.DuckDBPyConnection:
    db = duckdb.connect(":memory:")
    if home.database.exists():
        db.execute(f"ATTACH ? AS {_ALIAS} (READ_ONLY)", [str(home.database)])
        db.execute(f"USE {_ALIAS}")
    else:  # before the first run: an empty dataset, as storage.read_only gives
        db.execute(f"ATTACH ':memory:' AS {_ALIAS}")
        db.execute(f"USE {_ALIAS}")
        storage.create_schema(db)
    return db


class Snapshots:
    """The published snapshot, attached once per snapshot; `connect()` gives a read-only cursor."""

    def __init__(self, home: Home) -> None:
        self.home = home
        self._lock = threading.Lock()
        self._key: SnapshotKey | None = None
        self._db: duckdb.DuckDBPyConnection | None = None

    def _current(self) -> duckdb.DuckDBPyConnection:
        key = snapshot_key(self.home)
        with self._lock:
            if key != self._key or self._db is None:
                self._db, self._key = _attach(self.home), key  # the old one closes with its last cursor
            return self._db

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cursor = self._current().cursor()
        try:
            cursor.execute(f"USE {_ALIAS}")
            yield cursor
        finally:
            cursor.close()


def connect(request: Request) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A read-only cursor of the app's current snapshot, for one request."""
    return request.app.state.snapshots.connect()


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
