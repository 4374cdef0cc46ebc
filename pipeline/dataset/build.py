"""The derived dataset: corrections laid over extracted rows, reconciled into progress and national.

`rebuild_dataset` is a pure function of the stored tables apart from its I/O, run at the end of
every ingest and after every correction. The write-side commands (`correct`, review import,
`reconcile`) take the home's run lock and publish a new snapshot like an ingest does.
"""

from __future__ import annotations

import datetime as dt
import getpass
import traceback
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.dataset import storage
from pipeline.dataset.corrections import apply_corrections, new_correction, read_review_sheet
from pipeline.dataset.explain import create_views
from pipeline.dataset.national import national
from pipeline.dataset.reconcile import reconcile, unplaced_rows
from pipeline.dataset.row_checks import check_frame
from pipeline.errors import is_disk_full
from pipeline.home import Home, run_lock

_ROW_TEXT = ("file_id", "province_code", "district_code", "unit_label", "flags", "period", "indicator")


def load_table(conn: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    return conn.execute(f"SELECT * FROM {table}").df()


def _text_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    for column in columns:
        if column in frame:
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def corrected_rows(conn: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Extracted rows with analysts' corrections applied (row checks redone on the corrected values:
    a corrected period clears `no_period`), and the corrections that did not apply."""
    rows = _text_columns(load_table(conn, "report_rows"), _ROW_TEXT)
    corrected, problems = apply_corrections(rows, load_table(conn, "corrections"))
    return check_frame(corrected), problems


def rebuild_dataset(conn: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Reconcile every stored report row into progress and national; returns their row counts.

    Rows that cannot be placed (no period, no place…) go to `unplaced_rows`, never stop it."""
    rows, problems = corrected_rows(conn)
    letters = _text_columns(load_table(conn, "letters"), ("file_id", "doc_number"))
    files = _text_columns(load_table(conn, "files"), ("file_id", "source_name", "status"))
    findings = _text_columns(load_table(conn, "table_findings"), _ROW_TEXT)
    progress = reconcile(rows, letters, files, table_findings=findings)
    summary = national(progress, load_table(conn, "indicators"))
    storage.replace_table(conn, "progress", progress)
    storage.replace_table(conn, "national", summary)
    storage.replace_table(conn, "unplaced_rows", unplaced_rows(rows, files))
    storage.replace_table(conn, "correction_problems", problems)
    create_views(conn)
    return len(progress), len(summary)


REBUILD_ERROR = "rebuild_error"  # meta key: the trace of the last rebuild that failed, until one succeeds


def rebuild_keeping_last(conn: duckdb.DuckDBPyConnection) -> tuple[int, int] | None:
    """`rebuild_dataset` for an ingest batch, where a failure of ours must not block recording
    files: progress and national roll back to the last good rebuild, the trace goes to meta
    (`rebuild_error`, cleared by the next good rebuild), and None tells the caller to say so."""
    conn.begin()
    try:
        counts = rebuild_dataset(conn)
    except Exception as error:
        conn.rollback()
        if is_disk_full(error):
            raise
        _set_meta(conn, REBUILD_ERROR, "".join(traceback.format_exception(error))[-4000:])
        return None
    conn.execute("DELETE FROM meta WHERE key = ?", [REBUILD_ERROR])
    conn.commit()
    return counts


def _set_meta(conn: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    conn.execute("DELETE FROM meta WHERE key = ?", [key])
    conn.execute("INSERT INTO meta VALUES (?, ?)", [key, value])


def resolve_file_id(conn: duckdb.DuckDBPyConnection, prefix_or_name: str) -> str:
    """A full hash, a unique hash prefix (≥ 6), or the name the file was dropped as."""
    found = conn.execute(
        "SELECT DISTINCT file_id FROM files WHERE source_name = ? OR (length(?) >= 6 AND file_id LIKE ? || '%')",
        [prefix_or_name, prefix_or_name, prefix_or_name]).fetchall()
    if len(found) != 1:
        raise ValueError(f"{prefix_or_name!r} matches {len(found)} files; give more of the file_id")
    return found[0][0]


def add_correction(home: Home, key: tuple[str, int, int, int], field: str, value: str, *,
                   reason: str = "", note: str = "", author: str = "") -> tuple[dict, pd.DataFrame]:
    """Record one correction and publish the rebuilt dataset; returns it and any problems."""
    with run_lock(home), storage.writable_snapshot(home) as conn:
        file_id = resolve_file_id(conn, key[0])
        full_key = (file_id, *key[1:])
        old = _current_value(conn, full_key, field)
        record = new_correction(full_key, field, old, value, author=author or getpass.getuser(),
                                created_at=_now(), reason=reason, note=note)
        storage.insert_frame(conn, "corrections", pd.DataFrame([record]))
        rebuild_dataset(conn)
        problems = load_table(conn, "correction_problems")
    return record, problems[problems["correction_id"] == record["correction_id"]]


def import_review_sheet(home: Home, path: Path, author: str = "") -> tuple[int, pd.DataFrame]:
    corrections = read_review_sheet(path, author=author or getpass.getuser(), now=_now())
    with run_lock(home), storage.writable_snapshot(home) as conn:
        fresh = _not_yet_recorded(corrections, load_table(conn, "corrections"))
        storage.insert_frame(conn, "corrections", fresh)
        rebuild_dataset(conn)
        problems = load_table(conn, "correction_problems")
    return len(fresh), problems


def _not_yet_recorded(new: pd.DataFrame, existing: pd.DataFrame) -> pd.DataFrame:
    """Drop edits that repeat the cell's latest correction (re-importing the same sheet)."""
    cell = ["file_id", "page", "table_index", "row_index", "field"]
    if existing.empty or new.empty:
        return new
    latest = existing.sort_values("created_at").groupby(cell, as_index=False).last()
    key = lambda f: f[cell].astype(str).agg("|".join, axis=1) + "|" + f["new_value"].astype(str)  # noqa: E731
    return new[~key(new).isin(set(key(latest)))]


def reconcile_home(home: Home) -> tuple[int, int]:
    with run_lock(home), storage.writable_snapshot(home) as conn:
        return rebuild_dataset(conn)


def _current_value(conn: duckdb.DuckDBPyConnection, key: tuple, field: str) -> object:
    column = field if field != "reviewed" else "flags"
    found = conn.execute(
        f'SELECT "{column}" FROM report_rows WHERE file_id = ? AND page = ? AND table_index = ? AND row_index = ?',
        list(key)).fetchone() if column in _report_columns(conn) else None
    return found[0] if found else None


def _report_columns(conn: duckdb.DuckDBPyConnection) -> set[str]:
    return {d[0] for d in conn.execute("SELECT * FROM report_rows LIMIT 0").description}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)
