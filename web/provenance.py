"""From a number back to its rows: `pipeline.dataset.explain` over just the rows of one key."""

from __future__ import annotations

import json

import duckdb
import pandas as pd

from pipeline.dataset.explain import explain

_KEY = "indicator = ? AND period = ? AND province_code = ?"


def contributing_rows(conn: duckdb.DuckDBPyConnection, indicator: str, period: str, province: str,
                      district: str | None = None) -> list[dict]:
    """Explain's rows (file, page, row, raw cells, flags, used) for a progress key.

    Only that key's rows, files and letters are read, so the page stays quick on a large dataset.
    """
    params = [indicator, period, province]
    rows = conn.execute(f"SELECT * FROM report_rows WHERE {_KEY}", params).df()
    if rows.empty:
        return []
    ids = sorted(set(rows["file_id"]))
    marks = ",".join("?" * len(ids))
    frames = {
        "report_rows": rows,
        "files": conn.execute(f"SELECT * FROM files WHERE file_id IN ({marks})", ids).df(),
        "letters": conn.execute(f"SELECT * FROM letters WHERE file_id IN ({marks})", ids).df(),
        "progress": conn.execute(f"SELECT * FROM progress WHERE {_KEY}", params).df(),
    }
    found = explain(frames, indicator, period, province, district)
    return [{k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in r.items()}
            for r in found.to_dict("records")]


def text_verdict(conn: duckdb.DuckDBPyConnection, file_id: str, page: int) -> dict | None:
    """Where the page's text came from (`pages.text_source`) and, for a PDF page, the verdict on
    its own text layer (`pages.text_verdict_evidence`: why, word shares, repairs)."""
    found = conn.execute("SELECT text_source, text_verdict_evidence FROM pages WHERE file_id = ? AND page = ?",
                         [file_id, page]).fetchone()
    if found is None or not found[0]:
        return None
    evidence = json.loads(found[1]) if found[1] else {}
    return {"source": found[0], **evidence}
