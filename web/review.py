"""The review queue: every report row that still fails a check once corrections are laid over it.

Rows are ordered by impact — how far the national total could move if the row is wrong:
the widest gap between a number and an alternative reading the numeral reader kept, the
sum gap (total ≠ established + not established), and for rows that may be misplaced or
duplicated altogether (duplicate row number, count or province mismatch, total row mismatch,
unknown numbers, a low-confidence read with no alternative) the row's whole count.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb
import pandas as pd

from pipeline.dataset.corrections import ROW_KEY, apply_corrections
from pipeline.dataset.reconcile import FAILING_FLAGS, MIN_CONFIDENCE, NUMBERS, failing_mask, split_flags

_FAILING_RE = "(^|;)(" + "|".join(sorted(FAILING_FLAGS)) + ")(;|$)"
_WHOLE_ROW = {"duplicate_row_number", "count_mismatch", "province_conflict", "total_row_mismatch"}
_TEXT = ["file_id", "indicator", "period", "province_code", "district_code", "flags"]


def _candidates(conn: duckdb.DuckDBPyConnection, key: tuple | None = None) -> pd.DataFrame:
    """Rows failing as extracted, or with a correction (one may add a sum_mismatch), of usable files."""
    where = "" if key is None else "AND r.file_id = ? AND r.page = ? AND r.table_index = ? AND r.row_index = ?"
    rows = conn.execute(f"""
        WITH usable AS (SELECT file_id, min(source_name) AS source_name FROM files
                        WHERE status NOT IN ('quarantined', 'duplicate') GROUP BY file_id),
             corrected AS (SELECT DISTINCT file_id, page, table_index, row_index FROM corrections)
        SELECT r.*, u.source_name FROM report_rows r JOIN usable u USING (file_id)
        WHERE (regexp_matches(coalesce(r.flags, ''), '{_FAILING_RE}') OR r.confidence < {MIN_CONFIDENCE}
               OR EXISTS (SELECT 1 FROM corrected c WHERE c.file_id = r.file_id AND c.page = r.page
                          AND c.table_index = r.table_index AND c.row_index = r.row_index)) {where}
        """, list(key or [])).df()
    for col in _TEXT:
        rows[col] = rows[col].fillna("").astype(str)
    return rows


def _corrections(conn: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> pd.DataFrame:
    corrections = conn.execute("SELECT * FROM corrections").df()
    if corrections.empty or rows.empty:
        return corrections
    keys = set(rows[ROW_KEY].itertuples(index=False, name=None))
    return corrections[[k in keys for k in corrections[ROW_KEY].itertuples(index=False, name=None)]]


def corrected_candidates(conn: duckdb.DuckDBPyConnection, key: tuple | None = None) -> pd.DataFrame:
    rows = _candidates(conn, key)
    corrected, _ = apply_corrections(rows, _corrections(conn, rows))
    return corrected


def queue(conn: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Failing rows, highest impact first, each with its share of the national count that month."""
    rows = corrected_candidates(conn)
    rows = rows[failing_mask(rows)].copy() if len(rows) else rows
    if rows.empty:
        return []
    rows["impact"] = [impact(r) for r in rows.to_dict("records")]
    national = conn.execute("SELECT indicator, period, coalesce(target, total) AS base FROM national").df()
    rows = rows.merge(national, on=["indicator", "period"], how="left")
    rows["share"] = 100.0 * rows["impact"] / rows["base"].where(rows["base"] > 0)
    rows = rows.sort_values(["impact", "confidence", *ROW_KEY], ascending=[False, True, True, True, True, True])
    return [_clean(r) for r in rows.to_dict("records")]


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {k: (None if not isinstance(v, list | dict) and pd.isna(v) else v) for k, v in record.items()}


def _number(value: object) -> int | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else int(number)


def impact(row: dict[str, Any]) -> int:
    """How many centres the national total could be off by because of this row (see module doc)."""
    values = {c: _number(row.get(c)) for c in NUMBERS}
    spread = max((abs(a - values[c]) for c, alts in alternatives(row).items()
                  if c in values and values[c] is not None for a in alts), default=0)
    known = [values[c] for c in NUMBERS]
    gap = abs(known[0] - known[1] - known[2]) if None not in known else 0
    flags = set(split_flags(row.get("flags")))
    whole = 0
    if flags & _WHOLE_ROW or None in known or (not spread and "low_confidence" in flags):
        whole = max(v for v in [*known, 0] if v is not None)
    return max(spread, gap, whole)


def alternatives(row: dict[str, Any]) -> dict[str, list[int]]:
    raw = row.get("alternatives")
    found = json.loads(raw) if isinstance(raw, str) and raw else (raw or {})
    return {str(k): [int(a) for a in v if _number(a) is not None] for k, v in found.items() if v}


def raw_cells(row: dict[str, Any]) -> dict[str, str]:
    raw = row.get("raw_cells")
    found = json.loads(raw) if isinstance(raw, str) and raw else (raw or {})
    return {str(k): str(v) for k, v in found.items()}


def row_detail(conn: duckdb.DuckDBPyConnection, key: tuple[str, int, int, int]) -> dict[str, Any] | None:
    """One report row with corrections applied, whether it still fails, and its correction history."""
    rows = conn.execute("""SELECT r.*, (SELECT min(source_name) FROM files f WHERE f.file_id = r.file_id) AS source_name
        FROM report_rows r WHERE file_id = ? AND page = ? AND table_index = ? AND row_index = ?""", list(key)).df()
    if rows.empty:
        return None
    for col in _TEXT:
        rows[col] = rows[col].fillna("").astype(str)
    corrected, problems = apply_corrections(rows, _corrections(conn, rows))
    row = _clean(corrected.iloc[0].to_dict())
    row["as_read"] = _clean(rows.iloc[0].to_dict())
    row["failing"] = bool(failing_mask(corrected).iloc[0])
    row["impact"] = impact(row)
    row["history"] = conn.execute("""SELECT field, old_value, new_value, reason, author, created_at FROM corrections
        WHERE file_id = ? AND page = ? AND table_index = ? AND row_index = ? ORDER BY created_at""",
                                  list(key)).df().to_dict("records")
    row["problems"] = problems.to_dict("records")
    return row


def still_failing_after(row: dict[str, Any], edits: dict[str, str]) -> bool:
    """Would the row still fail a check once these value edits are applied? (then mark it reviewed too)"""
    frame = pd.DataFrame([{**row["as_read"], **{k: row[k] for k in NUMBERS}, "flags": row["flags"]}])
    for field, value in edits.items():
        frame[field] = frame[field].astype(object)
        frame.at[0, field] = int(value) if field in NUMBERS and value.lstrip("-").isdigit() else value
    nums = [_number(frame.at[0, c]) for c in NUMBERS]
    flags = [f for f in split_flags(frame.at[0, "flags"]) if f != "sum_mismatch"]
    if None not in nums and nums[0] != nums[1] + nums[2]:
        flags.append("sum_mismatch")
    frame.at[0, "flags"] = ";".join(flags)
    return bool(failing_mask(frame).iloc[0])


def failing_tables(conn: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Tables of usable files that fail as a whole (the printed รวม row ≠ its rows), each with its
    printed and summed numbers. A snapshot from before schema 4 has none to show."""
    present = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "table_findings" not in present:
        return []
    found = conn.execute("""
        WITH usable AS (SELECT file_id, min(source_name) AS source_name FROM files
                        WHERE status NOT IN ('quarantined', 'duplicate') GROUP BY file_id),
             names AS (SELECT province_code, min(province) AS province FROM report_rows GROUP BY 1)
        SELECT t.*, u.source_name, coalesce(n.province, '') AS province
        FROM table_findings t JOIN usable u USING (file_id) LEFT JOIN names n USING (province_code)
        ORDER BY t.indicator, t.period, t.province_code, t.file_id, t.page, t.table_index""").df()
    records = found.to_dict("records")
    for record in records:
        record["printed"] = json.loads(record["printed"] or "{}")
        record["column_sums"] = json.loads(record["column_sums"] or "{}")
    return [_clean(r) for r in records]
