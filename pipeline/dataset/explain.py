"""Explain a progress number: which report rows, from which files and pages, fed it.

`explain` answers "where does Mae Hong Son's May 2017 figure come from?" with one line per
contributing report row: the file and page to go back to, the cells as read, the flags, whether
that file's numbers won (`used`), and the progress row it feeds. `create_views` installs the
named SQL views of `views.sql` for the common questions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import geothai
import pandas as pd

from pipeline.dataset.reconcile import DISTRICT_KEY, file_ranks, reconcile

VIEWS_SQL = Path(__file__).with_name("views.sql")
_TABLES = ("report_rows", "files", "letters", "progress")
EXPLAIN_COLUMNS = [
    "file_id", "source_name", "letter_date", "page", "table_index", "row_index", "unit_label",
    "district_code", "district", "total", "established", "not_established", "raw_cells", "flags",
    "confidence", "used", "progress_total", "progress_established", "progress_not_established",
    "progress_status", "progress_source_file_ids",
]  # fmt: skip


def explain(
    conn_or_frames: Any,
    indicator: str,
    period: str,
    province_code_or_name: str,
    district: str | None = None,
) -> pd.DataFrame:
    """Contributing report rows for one progress row (a province's, or one district's)."""
    frames = _frames(conn_or_frames)
    rows = frames["report_rows"]
    province = resolve_province(province_code_or_name, rows)
    keep = (rows["indicator"] == indicator) & (rows["period"] == period)
    keep &= rows["province_code"].astype(str) == province
    if district:
        keep &= rows["district_code"].astype(str) == resolve_district(district, province, rows)
    picked = rows[keep].copy()
    picked = _mark_used(picked, frames)
    picked = picked.merge(_progress_cols(frames["progress"]), on=DISTRICT_KEY, how="left")
    names = frames["files"].drop_duplicates("file_id").set_index("file_id")["source_name"]
    picked["source_name"] = picked["file_id"].map(names).fillna("")
    order = ["district_code", "file_id", "page", "table_index", "row_index"]
    picked = picked.sort_values(order, kind="stable").reset_index(drop=True)
    return picked.reindex(columns=EXPLAIN_COLUMNS)


def create_views(conn: Any) -> list[str]:
    """Create (or replace) the named views of views.sql in a DuckDB connection."""
    names = []
    for statement in _statements(VIEWS_SQL.read_text(encoding="utf-8")):
        conn.execute(statement)
        names.append(statement.split("VIEW", 1)[1].split()[0])
    return names


def _statements(sql: str) -> list[str]:
    """Statements end with ';' at a line's end (';' inside literals like ';' never does)."""
    body = "\n".join(ln for ln in sql.splitlines() if not ln.strip().startswith("--"))
    return [s.strip() for s in re.split(r";[ \t]*(?:\n|$)", body) if s.strip()]


def _frames(source: Any) -> dict[str, pd.DataFrame]:
    """The frames explain needs, from a dict of frames or a DuckDB connection."""
    if isinstance(source, dict):
        frames = {k: source[k] for k in _TABLES if k in source}
    else:
        frames = {k: source.execute(f"SELECT * FROM {k}").df() for k in _TABLES if _has(source, k)}
    frames.setdefault("files", pd.DataFrame(columns=["file_id", "source_name", "status"]))
    frames.setdefault("letters", pd.DataFrame(columns=["file_id", "date", "received_date"]))
    rows = frames["report_rows"].copy()
    for col in ["file_id", *DISTRICT_KEY]:
        rows[col] = rows[col].fillna("").astype(str)
    frames["report_rows"] = rows
    if frames.get("progress") is None or frames["progress"].empty:
        frames["progress"] = reconcile(rows, frames["letters"], frames["files"])
    return frames


def _has(conn: Any, table: str) -> bool:
    found = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
    ).fetchone()
    return bool(found and found[0])


def _mark_used(rows: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """`used`: the row's file is the one whose numbers won for its key (latest letter)."""
    ranks = file_ranks(frames["letters"], frames["files"], rows["file_id"].unique())
    rows = rows.merge(ranks, on="file_id", how="left")
    best = rows.groupby(DISTRICT_KEY, sort=False)["rank"].transform("max")
    rows["used"] = rows["rank"] == best
    return rows.drop(columns=["rank", "received_date"])


def _progress_cols(progress: pd.DataFrame) -> pd.DataFrame:
    cols = ["total", "established", "not_established", "status", "source_file_ids"]
    out = progress[[*DISTRICT_KEY, *cols]].copy()
    for col in DISTRICT_KEY:
        out[col] = out[col].fillna("").astype(str)
    return out.rename(columns={c: f"progress_{c}" for c in cols})


def resolve_province(text: str, rows: pd.DataFrame) -> str:
    """A province code from a code or a Thai name ("แม่ฮ่องสอน", "จ.แม่ฮ่องสอน", "จังหวัด…")."""
    text = str(text).strip()
    if text.isdigit():
        return text
    name = text.removeprefix("จังหวัด").removeprefix("จ.").strip()
    known = rows.loc[rows["province"] == name, "province_code"]
    if len(known):
        return str(known.iloc[0])
    match = next((p for p in geothai.provinces() if name in (p.name_th, p.name_en)), None)
    if match is None:
        raise ValueError(f"unknown province {text!r}")
    return match.code


def resolve_district(text: str, province_code: str, rows: pd.DataFrame) -> str:
    """A district code from a code or a Thai name within the province ("อำเภอ"/"อ." dropped)."""
    text = str(text).strip()
    if text.isdigit():
        return text
    name = text.removeprefix("อำเภอ").removeprefix("อ.").strip()
    known = rows.loc[(rows["district"] == name) & (rows["province_code"] == province_code)]
    if len(known):
        return str(known["district_code"].iloc[0])
    match = next(
        (d for d in geothai.districts(province_code) if name in (d.name_th, d.name_en)), None
    )
    if match is None:
        raise ValueError(f"unknown district {text!r} in province {province_code}")
    return match.code
