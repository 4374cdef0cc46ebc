"""Ingest runs as the dataset records them, quarantined files in Thai, and the Prefect UI link.

`files.ingested_at` is stamped per file as a run records it, so a run is a burst of files: a gap
of more than RUN_GAP between two files starts a new one. `saraban serve` announces its Prefect
server in serve.json (flows/server.py); it is read here as a file, since web never imports flows.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import duckdb

from web.dataset import records

RUN_GAP = dt.timedelta(minutes=10)


def status_counts(conn: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return records(conn, "SELECT status, count(*) AS n FROM files GROUP BY status ORDER BY n DESC")


def runs(conn: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict[str, Any]]:
    """The latest runs, newest first, each with its files by status (grouped in SQL: 10,000s of files)."""
    found = records(conn, f"""
        WITH marked AS (
            SELECT status, ingested_at,
                   CASE WHEN ingested_at - lag(ingested_at) OVER (ORDER BY ingested_at)
                             <= INTERVAL {int(RUN_GAP.total_seconds())} SECOND THEN 0 ELSE 1 END AS new_run
            FROM files WHERE ingested_at IS NOT NULL
        ), numbered AS (SELECT *, sum(new_run) OVER (ORDER BY ingested_at ROWS UNBOUNDED PRECEDING) AS run FROM marked)
        SELECT run, min(ingested_at) AS started, max(ingested_at) AS finished, count(*) AS files,
               list(status) AS statuses
        FROM numbered GROUP BY run ORDER BY run DESC LIMIT {int(limit)}""")
    for run in found:
        statuses = run.pop("statuses")
        run["counts"] = {s: statuses.count(s) for s in dict.fromkeys(statuses)}
    return found


def recent_files(conn: duckdb.DuckDBPyConnection, limit: int = 50) -> list[dict[str, Any]]:
    return records(conn, f"""SELECT file_id, source_name, status, reason, pages, ocr_used, mean_confidence, ingested_at
                             FROM files ORDER BY ingested_at DESC NULLS LAST, source_name LIMIT {int(limit)}""")


def quarantined(conn: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return records(conn, """SELECT file_id, source_name, reason, message, ingested_at FROM files
                            WHERE status = 'quarantined' ORDER BY ingested_at DESC NULLS LAST, source_name""")


def prefect_ui(state: Path, home_root: Path) -> str | None:
    """The Prefect UI address of a live `saraban serve` for this home, else None."""
    try:
        info = json.loads((state / "serve.json").read_text(encoding="utf-8"))
        url, pid, home = info.get("ui_url"), int(info["serve_pid"]), info.get("home")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    if home is not None and Path(home) != home_root.resolve():
        return None
    return url if _alive(pid) else None


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process (serve runs as the service user)
    except OSError:
        return False
    return True
