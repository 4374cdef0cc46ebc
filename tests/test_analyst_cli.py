"""Analyst commands through the CLI: correct, review round trip, explain, reconcile, xlsx export."""

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import copy_samples, run_cli

pytestmark = pytest.mark.slow

XLSX = "รายงานศูนย์ช่วยเหลือ_มส_201706_05.xlsx"  # Mae Hong Son, June 2017, 9 rows


@pytest.fixture(scope="module")
def small_home(tmp_path_factory) -> Path:
    """Shared by the tests below (one ingest); each test's edits leave the others' checks valid."""
    home = tmp_path_factory.mktemp("analyst") / "home"
    copy_samples(home / "inbox", [XLSX, "saraban_007.pdf"])
    run_cli("ingest", "--quiet", home=home)
    return home


def query(home: Path, sql: str) -> pd.DataFrame:
    from io import StringIO

    return pd.read_csv(StringIO(run_cli("query", sql, "--csv", home=home).stdout), dtype=str,
                       keep_default_na=False)


def khun_yuam(home: Path) -> pd.Series:
    return query(home, "SELECT total, established, not_established, status FROM progress "
                       "WHERE period = '2017-06' AND district_code = '5802'").iloc[0]


def test_correction_changes_progress_and_survives_reprocessing(small_home: Path) -> None:
    row = query(small_home, "SELECT page, table_index, row_index, established FROM report_rows "
                            "WHERE district_code = '5802'").iloc[0]
    assert khun_yuam(small_home)["established"] == row.established == "5"
    run_cli("correct", XLSX, row.page, row.table_index, row.row_index, "established", "6",
            "--reason", "ตรวจกับต้นฉบับ", "--author", "analyst1", home=small_home)
    assert khun_yuam(small_home)["established"] == "6"
    assert query(small_home, "SELECT established FROM report_rows WHERE district_code = '5802'").iloc[0, 0] == "5"
    corr = query(small_home, "SELECT field, old_value, new_value, reason, author FROM corrections").iloc[0]
    assert list(corr) == ["established", "5", "6", "ตรวจกับต้นฉบับ", "analyst1"]

    # re-dropping the same file under a new name does not touch the correction
    copy_samples(small_home / "inbox", [XLSX])
    (small_home / "inbox" / XLSX).rename(small_home / "inbox" / "again.xlsx")
    run_cli("ingest", "--quiet", home=small_home)
    run_cli("reconcile", home=small_home)
    assert khun_yuam(small_home)["established"] == "6"


def test_correction_to_a_missing_row_is_reported(small_home: Path) -> None:
    result = run_cli("correct", XLSX, "1", "0", "99", "total", "3", home=small_home, check=False)
    assert result.returncode == 1 and "row_missing" in result.stdout
    assert query(small_home, "SELECT problem FROM correction_problems").iloc[0, 0] == "row_missing"


def test_review_sheet_round_trip(small_home: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "review.xlsx"
    run_cli("review", "export", "--out", str(sheet), home=small_home)
    book = openpyxl.load_workbook(sheet)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    header = list(rows[1])  # row 1: Thai labels, row 2: column names
    assert {"file_id", "page", "table_index", "row_index", "established", "reviewed"} <= set(header)
    assert len(rows) > 2, "the corrected row is listed for review"
    book.worksheets[0].cell(row=3, column=header.index("reviewed") + 1, value="true")
    book.save(sheet)
    result = run_cli("review", "import", str(sheet), "--author", "analyst2", home=small_home)
    assert "1 new correction" in result.stdout
    reviewed = query(small_home, "SELECT field, new_value FROM corrections WHERE author = 'analyst2'")
    assert reviewed.values.tolist() == [["reviewed", "true"]]
    again = run_cli("review", "import", str(sheet), "--author", "analyst2", home=small_home)
    assert "0 new correction" in again.stdout  # importing the same sheet twice adds nothing


def test_explain_traces_a_number_to_its_rows(small_home: Path) -> None:
    out = run_cli("explain", "help_centre", "2017-06", "แม่ฮ่องสอน", "เมืองแม่ฮ่องสอน", "--csv",
                  home=small_home).stdout
    from io import StringIO

    rows = pd.read_csv(StringIO(out), dtype=str, keep_default_na=False)
    # เมืองแม่ฮ่องสอน is fed by three printed rows: the PAO, the town municipality and the rest
    assert len(rows) == 3 and set(rows["page"]) == {"1"}
    assert {"อบจ.แม่ฮ่องสอน", "เทศบาลเมืองแม่ฮ่องสอน"} <= set(rows["unit_label"])
    assert set(rows["progress_total"]) == {"24"}
    human = run_cli("explain", "help_centre", "2017-06", "58", "5801", home=small_home).stdout
    assert "raw_cells" in human and "3 contributing row(s)" in human


def test_views_and_xlsx_export(small_home: Path, tmp_path: Path) -> None:
    latest = query(small_home, "SELECT province_code, period FROM latest_progress ORDER BY 1")
    assert set(latest["province_code"]) == {"58", "91"}
    run_cli("export", "--format", "xlsx", "--out", str(tmp_path), home=small_home)
    book = openpyxl.load_workbook(tmp_path / "saraban.xlsx")
    assert {"files", "progress", "national", "ต้องตรวจสอบ", "สรุประดับประเทศ"} <= set(book.sheetnames)
