"""National progress and the province table: what each province's latest report says, and its status.

A province's status for a month: `not_reporting` when it sent nothing for that month (its latest
earlier report is carried forward, as in `national`), else `conflict` / `needs_review` as the
reconciled row says, else `on_track` when its share established is at least the country's share of
the target that month and `behind` when below it.
"""

from __future__ import annotations

from typing import Any

import duckdb
import geothai

from web.dataset import records

_BANGKOK = "10"  # no district-level local government, so no joint centre (as pipeline.dataset.national)
SORT_KEYS = ("province", "status", "period", "total", "established", "pct")
STATUS_ORDER = ("not_reporting", "needs_review", "conflict", "behind", "on_track")


def indicators(conn: duckdb.DuckDBPyConnection) -> list[str]:
    return [r["indicator"] for r in records(conn, "SELECT DISTINCT indicator FROM national ORDER BY 1")]


def national_rows(conn: duckdb.DuckDBPyConnection, indicator: str) -> list[dict[str, Any]]:
    """The `national` table of one indicator; `goal` is the chart's target line (see chart_target)."""
    rows = records(conn, "SELECT * FROM national WHERE indicator = ? ORDER BY period", [indicator])
    for row in rows:
        row["goal"] = chart_target(row)
    return rows


def chart_target(row: dict[str, Any]) -> int | None:
    """KPI target where known (joint centres: 878); help centres count against all their LAOs (total)."""
    if row.get("target") is not None:
        return int(row["target"])
    return int(row["total"]) if row["indicator"] == "help_centre" and row.get("total") is not None else None


def national_pct(row: dict[str, Any] | None) -> float | None:
    if not row or row.get("established") is None or not row.get("goal"):
        return None
    return 100.0 * row["established"] / row["goal"]


def province_table(conn: duckdb.DuckDBPyConnection, indicator: str, period: str,
                   country_pct: float | None) -> list[dict[str, Any]]:
    """Every province with its latest report up to `period` and its status."""
    latest = {r["province_code"]: r for r in records(conn, """
        SELECT province_code, province, period, total, established, not_established, status
        FROM progress WHERE indicator = ? AND coalesce(district_code, '') = '' AND period <= ?
        QUALIFY row_number() OVER (PARTITION BY province_code ORDER BY period DESC) = 1""",
        [indicator, period])}
    rows = []
    for province in geothai.provinces():
        if indicator == "joint_centre" and province.code == _BANGKOK:
            continue
        rows.append(_province_row(province, latest.get(province.code), period, country_pct))
    return rows


def _province_row(province: Any, found: dict | None, period: str, country_pct: float | None) -> dict:
    row = {"province_code": province.code, "province": province.name_th, "period": None, "total": None,
           "established": None, "not_established": None, "pct": None, "progress_status": None}
    if found:
        row.update({k: found[k] for k in ("period", "total", "established", "not_established")},
                   progress_status=found["status"])
        if found["total"]:
            row["pct"] = round(100.0 * (found["established"] or 0) / found["total"], 1)
    row["status"] = province_status(row, period, country_pct)
    return row


def province_status(row: dict, period: str, country_pct: float | None) -> str:
    if row["period"] != period:
        return "not_reporting"
    if row["progress_status"] in ("conflict", "needs_review"):
        return row["progress_status"]
    if row["pct"] is None or country_pct is None:
        return "needs_review" if row["pct"] is None else "on_track"
    return "on_track" if row["pct"] >= round(country_pct, 1) else "behind"


def filter_sort(rows: list[dict], *, status: str = "", q: str = "", sort: str = "province",
                descending: bool = False) -> list[dict]:
    """The table as asked: status and name filters, then one sort key (unknowns last)."""
    picked = [r for r in rows if (not status or r["status"] == status) and (not q or q in r["province"])]
    key = sort if sort in SORT_KEYS else "province"
    rank = (lambda r: STATUS_ORDER.index(r["status"])) if key == "status" else (lambda r: r[key])
    known = [r for r in picked if rank(r) is not None]
    unknown = [r for r in picked if rank(r) is None]
    return sorted(known, key=rank, reverse=descending) + unknown


def status_counts(rows: list[dict]) -> dict[str, int]:
    return {s: sum(1 for r in rows if r["status"] == s) for s in STATUS_ORDER}


def province_history(conn: duckdb.DuckDBPyConnection, indicator: str, code: str) -> list[dict[str, Any]]:
    return records(conn, """
        SELECT period, total, established, not_established, status, source_file_ids
        FROM progress WHERE indicator = ? AND province_code = ? AND coalesce(district_code, '') = ''
        ORDER BY period""", [indicator, code])


def district_history(conn: duckdb.DuckDBPyConnection, indicator: str, code: str) -> tuple[list[str], list[dict]]:
    """Periods, and one row per district with its reported cells by period."""
    rows = records(conn, """
        SELECT district_code, district, period, total, established, not_established, status
        FROM progress WHERE indicator = ? AND province_code = ? AND coalesce(district_code, '') <> ''
        ORDER BY district_code, period""", [indicator, code])
    periods = sorted({r["period"] for r in rows})
    districts: dict[str, dict] = {}
    for r in rows:
        entry = districts.setdefault(r["district_code"], {"district_code": r["district_code"],
                                                          "district": r["district"], "cells": {}})
        entry["cells"][r["period"]] = r
    return periods, list(districts.values())


def province_indicators(conn: duckdb.DuckDBPyConnection, code: str) -> list[str]:
    return [r["indicator"] for r in records(
        conn, "SELECT DISTINCT indicator FROM progress WHERE province_code = ? ORDER BY 1", [code])]
