"""`saraban query`: read-only SQL over the last published snapshot."""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from pipeline.errors import ReadOnlyQueryError

# The connection is opened read_only, which DuckDB enforces for the database file; this check
# adds a clear message and also refuses what read_only does not cover (ATTACH, COPY TO, SET…).
_WRITE = re.compile(
    r"^\s*(insert|update|delete|create|drop|alter|attach|detach|copy|export|import|install|load|"
    r"set|reset|pragma|checkpoint|vacuum|call|begin|commit|rollback|truncate)\b",
    re.IGNORECASE,
)


def check_read_only(sql: str) -> None:
    for statement in filter(str.strip, sql.split(";")):
        if _WRITE.match(statement) or re.search(r"\b(copy|attach|install|load)\b\s", statement, re.I):
            raise ReadOnlyQueryError(f"refused: `{statement.strip()[:60]}` would change data or files")


def run_query(conn: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    check_read_only(sql)
    return conn.execute(sql).df()
