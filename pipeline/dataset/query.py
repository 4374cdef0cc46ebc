"""`saraban query`: one read-only statement over the last published snapshot.

What a statement may touch is enforced by DuckDB, not by reading the SQL: the connection comes from
`storage.read_only`, which opens the dataset read-only with external access off and its
configuration locked (no COPY TO, EXPORT, ATTACH of a file, read_csv/read_text/glob of a path,
LOAD, INSTALL or SET can get through). This module only adds the rules DuckDB does not have a
setting for, using DuckDB's own parser: one statement per call, and only reads.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.errors import (
    FileAccessRefusedError,
    OneStatementError,
    QuerySqlError,
    ReadOnlyQueryError,
)

# DESCRIBE, SHOW, SUMMARIZE, PIVOT, VALUES and FROM-first queries parse as SELECT too.
_READS = (duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN)


def read_statement(sql: str) -> duckdb.Statement:
    """The one statement in `sql`, if it is a read; otherwise a reason-coded refusal."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        raise QuerySqlError(_one_line(error)) from error
    if len(statements) != 1:
        raise OneStatementError(f"refused: {len(statements)} statements; give exactly one")
    statement = statements[0]
    if statement.type not in _READS:
        raise ReadOnlyQueryError(f"refused: a {statement.type.name} statement; only SELECT and EXPLAIN run")
    return statement


def run_query(conn: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """Run one read on a `storage.read_only` connection; DuckDB's refusals keep their reason codes."""
    statement = read_statement(sql)
    try:
        return conn.execute(statement.query).df()
    except duckdb.PermissionException as error:
        raise FileAccessRefusedError(_one_line(error)) from error
    except duckdb.Error as error:
        raise QuerySqlError(_one_line(error)) from error


def _one_line(error: Exception) -> str:
    """DuckDB's message without the caret drawing under the SQL (the message is printed on one line)."""
    return str(error).split("\n\n", 1)[0].replace("\n", " ")
