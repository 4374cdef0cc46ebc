"""Rebuild the derived tables (progress, national) from the stored rows. Pure apart from the I/O."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline import storage
from pipeline.national import national
from pipeline.reconcile import reconcile


def load_table(conn: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    return conn.execute(f"SELECT * FROM {table}").df()


def _text_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    for column in columns:
        if column in frame:
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def rebuild_dataset(conn: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Reconcile every stored report row into progress and national; returns their row counts."""
    rows = _text_columns(load_table(conn, "report_rows"), ("file_id", "province_code", "district_code",
                                                         "unit_label", "flags", "period", "indicator"))
    letters = _text_columns(load_table(conn, "letters"), ("file_id", "doc_number"))
    files = _text_columns(load_table(conn, "files"), ("file_id", "source_name", "status"))
    progress = reconcile(rows, letters, files)
    summary = national(progress, load_table(conn, "indicators"))
    storage.replace_table(conn, "progress", progress)
    storage.replace_table(conn, "national", summary)
    return len(progress), len(summary)
