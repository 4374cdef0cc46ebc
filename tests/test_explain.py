"""explain() and the named SQL views, over DuckDB tables named like the contract tables."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
import synthetic_reports as syn

from pipeline.dataset.explain import create_views, explain
from pipeline.dataset.national import national
from pipeline.dataset.reconcile import reconcile


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    rows, letters, files = syn.report_rows(), syn.letters(), syn.files()
    progress = reconcile(rows, letters, files)
    return {
        "report_rows": rows,
        "letters": letters,
        "files": files,
        "progress": progress,
        "national": national(progress, pd.DataFrame()),
    }


@pytest.fixture(scope="module")
def conn(frames: dict[str, pd.DataFrame]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for name, frame in frames.items():
        con.register("frame", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
        con.unregister("frame")
    con.execute("CREATE TABLE unplaced_rows AS SELECT * FROM report_rows LIMIT 0")  # rebuild's table
    con.execute("CREATE TABLE table_findings (file_id VARCHAR, page INTEGER, table_index INTEGER, "
                "indicator VARCHAR, period VARCHAR, province_code VARCHAR, flag VARCHAR, printed VARCHAR, "
                "column_sums VARCHAR)")  # extraction's table: no table fails here
    con.execute("ALTER TABLE files ADD COLUMN reason VARCHAR")
    con.execute("ALTER TABLE letters ALTER date TYPE DATE")
    con.execute("ALTER TABLE letters ALTER received_date TYPE DATE")
    assert create_views(con) == [
        "latest_progress",
        "provinces_behind_target",
        "conflicts",
        "needs_review",
    ]
    return con


def test_explain_conflict_from_duckdb(conn: duckdb.DuckDBPyConnection) -> None:
    got = explain(conn, "help_centre", "2024-02", "จังหวัดอุตรดิตถ์", "ตรอน")
    assert got[["file_id", "page", "row_index", "established", "used"]].values.tolist() == [
        ["b", 1, 1, 3, False],
        ["c", 1, 1, 4, True],
    ]
    assert set(got["progress_status"]) == {"conflict"} and set(got["progress_established"]) == {4}


def test_explain_province_from_frames(frames: dict[str, pd.DataFrame]) -> None:
    got = explain(frames, "help_centre", "2024-01", "53")
    assert got["district_code"].tolist() == ["5301", "5301", "5301", "5302"]
    assert got["unit_label"].tolist()[:2] == ["อบจ.อุตรดิตถ์", "เทศบาลเมืองอุตรดิตถ์"]
    assert got["progress_total"].tolist() == [21, 21, 21, 6] and got["used"].all()
    with pytest.raises(ValueError, match="unknown province"):
        explain(frames, "help_centre", "2024-01", "แอตแลนติส")


def test_views(conn: duckdb.DuckDBPyConnection) -> None:
    def q(sql: str) -> list[tuple]:
        return conn.execute(sql).fetchall()

    assert q("SELECT indicator, province_code, period FROM latest_progress ORDER BY 1, 2") == [
        ("help_centre", "53", "2024-03"),
        ("help_centre", "58", "2024-02"),
        ("joint_centre", "11", "2024-03"),
        ("joint_centre", "13", "2024-01"),
    ]
    assert q("SELECT province_code, gap FROM provinces_behind_target") == [
        ("53", 7),
        ("58", 7),
        ("13", 5),
    ]
    assert q("SELECT district_code, file_id, file_established, used FROM conflicts") == [
        ("", "b", 15, False),
        ("", "c", 16, True),
        ("5302", "b", 3, False),
        ("5302", "c", 4, True),
    ]
    assert q("SELECT province_code, district_code, file_id, row_index FROM needs_review") == [
        ("58", "", "d", 1),
        ("58", "5802", "d", 1),
        ("53", "", "f", 2),
        ("11", "", "h", 0),
    ]


def test_needs_review_lists_a_table_failing_as_a_whole(conn: duckdb.DuckDBPyConnection) -> None:
    """The table behind a province row under review is listed once: its page and table, the printed
    totals, row_index empty. A finding behind a row that is `ok` is not (status comes from reconcile)."""
    conn.execute("INSERT INTO table_findings VALUES ('f', 1, 0, 'help_centre', '2024-03', '53', "
                 "'total_row_mismatch', '{\"total\": 28, \"established\": 20, \"not_established\": 8}', '{}'), "
                 "('a', 1, 0, 'help_centre', '2024-01', '53', 'total_row_mismatch', '{}', '{}')")
    try:
        listed = conn.execute("SELECT period, file_id, page, table_index, row_index, total, established, flags "
                              "FROM needs_review WHERE flags = 'total_row_mismatch' AND row_index IS NULL").fetchall()
    finally:
        conn.execute("DELETE FROM table_findings")
    assert listed == [("2024-03", "f", 1, 0, None, 28, 20, "total_row_mismatch")]
