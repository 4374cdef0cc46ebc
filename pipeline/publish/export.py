"""The contract's exported tables (shared/docs/contract.md), as CSV, Parquet or one XLSX workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from pipeline.publish.workbook import write_workbook

Format = Literal["csv", "parquet", "xlsx"]

# Column order per contract table; SQL turns stored shapes into contract shapes.
CONTRACT_SQL: dict[str, str] = {
    "files": """
        SELECT file_id, source_name, status, coalesce(reason, '') AS reason, pages,
               ocr_used, round(mean_confidence, 1) AS mean_confidence
        FROM files ORDER BY ingested_at, source_name""",
    "letters": """
        SELECT file_id, letter_index, page_from, page_to, kind, doc_number, circular, date, urgency,
               subject, addressee, sender, "references", attachments, deadline, signatory,
               signatory_position, received_number, received_date
        FROM letters ORDER BY file_id, letter_index""",
    "indicators": """
        SELECT file_id, letter_index, fiscal_year, code, name, target_value, target_unit,
               due_date, owner
        FROM indicators ORDER BY file_id, letter_index, indicator_index""",
    "report_rows": """
        SELECT file_id, page, table_index, row_index, indicator, period, province_code, province,
               district_code, district, unit_label, total, established, not_established, remark,
               round(confidence, 3) AS confidence, flags
        FROM report_rows ORDER BY file_id, page, table_index, row_index""",
    "progress": """
        SELECT indicator, period, province_code, district_code, province, district, total,
               established, not_established, source_file_ids, status
        FROM progress ORDER BY indicator, period, province_code, district_code""",
    "national": """
        SELECT indicator, period, provinces_reporting, provinces_carried, total, established,
               not_established, target, pct_of_target
        FROM national ORDER BY indicator, period""",
    # Checks failing for a table as a whole (the printed รวม row ≠ its rows): printed and
    # column_sums are JSON {column: number}; page/table_index: where the table starts.
    "table_findings": """
        SELECT file_id, page, table_index, indicator, period, province_code, flag, printed, column_sums
        FROM table_findings ORDER BY file_id, page, table_index, flag""",
    # Every ruled table on every OCR'd page, and its cells (bbox: x0,y0,x1,y1 in page pixels).
    "page_tables": """
        SELECT file_id, page, table_index, n_rows, n_cols, bbox, source
        FROM page_tables ORDER BY file_id, page, table_index""",
    "table_cells": """
        SELECT file_id, page, table_index, "row", col, text, number,
               round(confidence, 3) AS confidence, bbox, row_span, col_span
        FROM table_cells ORDER BY file_id, page, table_index, "row", col""",
}


def contract_tables(conn: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Every exported table the database holds. A published snapshot from before schema 3 (4) has
    no page_tables/table_cells (table_findings) until the next ingest upgrades it (readers never
    write): left out."""
    present = {row[0] for row in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    return {name: _tidy(conn.execute(sql).df()) for name, sql in CONTRACT_SQL.items() if name in present}


_INTEGER_COLUMNS = {
    "pages", "letter_index", "page_from", "page_to", "fiscal_year", "page", "table_index",
    "row_index", "total", "established", "not_established", "provinces_reporting",
    "provinces_carried", "target", "n_rows", "n_cols", "row", "col", "row_span", "col_span",
}


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts as integers with gaps (CSV shows `3`, not `3.0`; empty when unknown); ISO dates."""
    for column in frame.columns:
        if column in _INTEGER_COLUMNS:
            frame[column] = frame[column].astype("Int64")
        elif frame[column].dtype.kind == "M":
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    for column in ("target_value", "number"):  # 878, or 80.5 (%): no trailing .0 on whole numbers
        if column in frame:
            frame[column] = frame[column].astype(object).map(_plain_number)
    return frame


def _plain_number(value: object) -> object:
    if value is None or pd.isna(value):
        return None
    return int(value) if float(value).is_integer() else float(value)


def raw_paths(conn: duckdb.DuckDBPyConnection, home_root: Path) -> dict[str, str]:
    """file_id → absolute path of its original in raw/, for the workbook's links back."""
    rows = conn.execute("SELECT DISTINCT file_id, raw_path FROM files WHERE raw_path <> ''").fetchall()
    return {file_id: str(home_root / path) for file_id, path in rows}


def export_tables(tables: dict[str, pd.DataFrame], out_dir: Path, fmt: Format,
                  links: dict[str, str] | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        path = out_dir / "saraban.xlsx"
        write_workbook(tables, path, raw_paths=links)
        return [path]
    written = []
    for name, frame in tables.items():
        path = out_dir / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False, encoding="utf-8")
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    return written

