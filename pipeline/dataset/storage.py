"""DuckDB storage: schema, per-file writes, and published snapshots.

A DuckDB file admits one read-write process and then no other process at all. So a run never
writes the published `processed/saraban.duckdb`: for each batch of finished files it copies it
to `processed/.work/`, writes there, checkpoints, and atomically renames the copy over the
published file. Readers open the published file read-only and keep answering from the last
snapshot while a run is going on; a crash (or a full disk) before the rename leaves the last
published snapshot untouched, and what earlier batches published stays published.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.dataset.explain import create_views
from pipeline.home import Home
from pipeline.records import Document, Extraction, Letter, PageError, ReportRow, TableFinding, TextVerdict

SCHEMA_VERSION = "4"
# Older versions whose tables are all still here: CREATE TABLE IF NOT EXISTS adds the new ones
# (2: unplaced_rows, page_errors; 3: page_tables, table_cells; 4: table_findings), `_ADDED_COLUMNS`
# the new columns of old tables (3: the text-layer verdict of pages), so such a home upgrades in
# place (files ingested before 4 simply have no table findings until re-processed).
_ADDITIVE_FROM = frozenset({"1", "2", "3"})
_ADDED_COLUMNS = (
    "ALTER TABLE pages ADD COLUMN IF NOT EXISTS text_source VARCHAR",
    "ALTER TABLE pages ADD COLUMN IF NOT EXISTS text_verdict_evidence VARCHAR",
)
_SCHEMA = Path(__file__).with_name("schema.sql")
FILE_TABLES = ("pages", "letters", "indicators", "report_rows", "table_findings", "page_tables",
               "table_cells")


def create_schema(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(_SCHEMA.read_text(encoding="utf-8"))
    found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if found is not None and found[0] not in _ADDITIVE_FROM and found[0] != SCHEMA_VERSION:
        raise RuntimeError(f"database schema {found[0]} is not {SCHEMA_VERSION}; re-ingest into a new home")
    for statement in _ADDED_COLUMNS:  # idempotent: a no-op where the columns are there
        conn.execute(statement)
    if found is None:
        conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    elif found[0] != SCHEMA_VERSION:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])


@contextmanager
def writable_snapshot(home: Home) -> Iterator[duckdb.DuckDBPyConnection]:
    """A private copy to write; published (atomically) only when the block completes."""
    work_dir = home.processed / ".work"
    work_dir.mkdir(parents=True, exist_ok=True)
    work = work_dir / "saraban.duckdb"
    _clear(work_dir)
    try:
        if home.database.exists():
            shutil.copyfile(home.database, work)
        conn = duckdb.connect(str(work))
        try:
            create_schema(conn)
            yield conn
            conn.execute("CHECKPOINT")
        finally:
            conn.close()
        _publish(work, home.database)
    except BaseException:
        _clear(work_dir)  # a failed write's copy is litter, and on a full disk it is in the way
        raise


def _clear(work_dir: Path) -> None:
    for stale in work_dir.iterdir():
        stale.unlink(missing_ok=True)


def _publish(work: Path, target: Path) -> None:
    with open(work, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(work, target)
    fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# Every reader connection (query, export, report, explain, review export, nightly exports) gets
# these. They make DuckDB itself refuse anything beyond the one database opened: COPY TO, EXPORT,
# ATTACH of a path, read_csv/read_text/glob of a file, INSTALL/LOAD of an extension. The lock
# comes last and stops SET/PRAGMA from turning any of it back on.
READER_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


@contextmanager
def read_only(home: Home) -> Iterator[duckdb.DuckDBPyConnection]:
    """The last published snapshot, read-only; an empty in-memory dataset before the first run.

    Nothing is ever created on disk: the published file is opened read-only, and before the first
    publish the schema and named views live in memory only.
    """
    conn = reader_connection(home.database)
    try:
        yield conn
    finally:
        conn.close()


def reader_connection(database: Path) -> duckdb.DuckDBPyConnection:
    """A locked-down reader over `database` (or over an empty in-memory dataset if it is missing)."""
    if database.exists():
        return duckdb.connect(str(database), read_only=True, config=READER_CONFIG)
    conn = duckdb.connect(":memory:", config=READER_CONFIG)
    create_schema(conn)
    create_views(conn)
    return conn


def known_files(conn: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """(file_id, source_name) → status, for every file ever seen."""
    rows = conn.execute("SELECT file_id, source_name, status FROM files").fetchall()
    return {(f, n): s for f, n, s in rows}


def insert_frame(conn: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    columns = {d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description}
    frame = frame[[c for c in frame.columns if c in columns]]  # records may carry more than we store
    conn.register("_frame", frame)
    try:
        conn.execute(f'INSERT INTO {table} BY NAME SELECT * FROM _frame')
    finally:
        conn.unregister("_frame")


def replace_table(conn: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    conn.execute(f"DELETE FROM {table}")
    insert_frame(conn, table, frame)


def write_file_row(conn: duckdb.DuckDBPyConnection, row: dict) -> None:
    write_file_rows(conn, [row])


def write_file_rows(conn: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """Replace the files rows of these (file_id, source_name) keys, in two statements however many
    (a thousand re-dropped copies are one DELETE and one INSERT, not a thousand of each)."""
    if not rows:
        return
    frame = pd.DataFrame(rows)
    conn.register("_keys", frame[["file_id", "source_name"]])
    try:
        conn.execute("DELETE FROM files USING _keys WHERE files.file_id = _keys.file_id "
                     "AND files.source_name = _keys.source_name")
    finally:
        conn.unregister("_keys")
    insert_frame(conn, "files", frame)


def write_page_errors(conn: duckdb.DuckDBPyConnection, file_id: str, errors: list[PageError]) -> None:
    """Replace the failures recorded for this file (page NULL: the whole file)."""
    conn.execute("DELETE FROM page_errors WHERE file_id = ?", [file_id])
    insert_frame(conn, "page_errors", pd.DataFrame([{"file_id": file_id, **asdict(e)} for e in errors]))


def write_extraction(conn: duckdb.DuckDBPyConnection, doc: Document, extraction: Extraction) -> None:
    """Replace everything stored for this file: re-processing never duplicates rows."""
    for table in FILE_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE file_id = ?", [doc.file_id])
    insert_frame(conn, "pages", _pages_frame(doc, extraction))
    insert_frame(conn, "letters", _letters_frame(doc.file_id, extraction.letters))
    insert_frame(conn, "indicators", _indicators_frame(doc.file_id, extraction.letters))
    insert_frame(conn, "report_rows", _rows_frame(doc.file_id, extraction.report_rows))
    insert_frame(conn, "table_findings", _findings_frame(doc.file_id, extraction.table_findings))
    insert_frame(conn, "page_tables", _page_tables_frame(doc))
    insert_frame(conn, "table_cells", _table_cells_frame(doc))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _pages_frame(doc: Document, extraction: Extraction) -> pd.DataFrame:
    return pd.DataFrame([{
        "file_id": doc.file_id, "page": p.number, "source": p.source, "text": p.text,
        "raw_text": p.raw_text, "words": _json([asdict(w) for w in p.words]),
        "confidence": p.confidence, "width": p.width, "height": p.height, "dpi": p.dpi,
        "image_sha": p.image_sha, "sheet_name": p.sheet_name,
        "role": extraction.page_roles.get(p.number, ""), "errors": _json([asdict(e) for e in p.errors]),
        "text_source": p.text_source, "text_verdict_evidence": _verdict_json(p.text_verdict),
    } for p in doc.pages])


_LISTED_REPAIRS = 40  # the evidence stays short: counts of every kind, the first distinct repairs


def _verdict_json(verdict: TextVerdict | None) -> str | None:
    """The verdict as short JSON: the figures, repairs counted by kind, the first distinct ones
    listed ([kind, was, now])."""
    if verdict is None:
        return None
    figures = {k: v for k, v in asdict(verdict).items() if k != "repairs"}
    counts = Counter(r.kind for r in verdict.repairs)
    distinct = list(dict.fromkeys((r.kind, r.before, r.after) for r in verdict.repairs))
    return _json({**figures, "repair_counts": dict(counts), "repairs": [list(r) for r in distinct[:_LISTED_REPAIRS]]})


def _letters_frame(file_id: str, letters: list[Letter]) -> pd.DataFrame:
    rows = []
    for letter in letters:
        row = asdict(letter)
        row.pop("indicators")
        row.update(file_id=file_id, references=_json(row["references"]),
                   attachments=_json(row["attachments"]), provinces=_json(row["provinces"]),
                   flags=";".join(letter.flags), field_pages=_json(row["field_pages"]))
        rows.append(row)
    return pd.DataFrame(rows)


def _indicators_frame(file_id: str, letters: list[Letter]) -> pd.DataFrame:
    rows = []
    for letter in letters:
        for i, indicator in enumerate(letter.indicators):
            row = asdict(indicator)
            row.update(file_id=file_id, letter_index=letter.letter_index, indicator_index=i,
                       levels=_json(indicator.levels))
            rows.append(row)
    return pd.DataFrame(rows)


def _rows_frame(file_id: str, rows: list[ReportRow]) -> pd.DataFrame:
    out = []
    for report_row in rows:
        row = asdict(report_row)
        row.update(file_id=file_id, flags=";".join(report_row.flags),
                   raw_cells=_json(report_row.raw_cells), alternatives=_json(report_row.alternatives))
        out.append(row)
    return pd.DataFrame(out)


def _findings_frame(file_id: str, findings: list[TableFinding]) -> pd.DataFrame:
    return pd.DataFrame([{**asdict(f), "file_id": file_id, "printed": _json(f.printed),
                          "column_sums": _json(f.column_sums)} for f in findings])


def _bbox(box: tuple[int, int, int, int]) -> str:
    return ",".join(str(v) for v in box)


def _page_tables_frame(doc: Document) -> pd.DataFrame:
    return pd.DataFrame([{
        "file_id": doc.file_id, "page": page.number, "table_index": t.table_index, "n_rows": t.n_rows,
        "n_cols": t.n_cols, "bbox": _bbox(t.bbox), "source": t.source,
    } for page in doc.pages for t in page.page_tables])


def _table_cells_frame(doc: Document) -> pd.DataFrame:
    frame = pd.DataFrame([{
        "file_id": doc.file_id, "page": page.number, "table_index": t.table_index, "row": c.row,
        "col": c.col, "text": c.text, "number": c.number, "confidence": c.confidence,
        "bbox": _bbox(c.bbox), "row_span": c.row_span, "col_span": c.col_span,
    } for page in doc.pages for t in page.page_tables for c in t.cells])
    if not frame.empty:  # all-None columns would reach DuckDB as INTEGER, not DOUBLE
        frame = frame.astype({"number": "float64", "confidence": "float64"})
    return frame
