"""`saraban ingest` end to end on the shared sample inbox (scans, photo, digital PDFs, Excel, bad files)."""

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from conftest import SAMPLES, run_cli, sample_truth

pytestmark = pytest.mark.slow


def test_files_status_and_reason_match_truth(sample_export: Path) -> None:
    files = pd.read_csv(sample_export / "files.csv", dtype=str, keep_default_na=False)
    got = {r.source_name: (r.status, r.reason) for r in files.itertuples()}
    want = {name: (t["expect_status"], t["expect_reason"]) for name, t in sample_truth().items()}
    assert got == want


def test_every_accepted_original_is_in_raw_byte_identical(sample_home: Path, sample_export: Path) -> None:
    files = pd.read_csv(sample_export / "files.csv", dtype=str, keep_default_na=False)
    for row in files.itertuples():
        original = (SAMPLES / "inbox" / row.source_name).read_bytes()
        assert row.file_id == hashlib.sha256(original).hexdigest()
        raw = sample_home / "raw" / (row.file_id + Path(row.source_name).suffix.lower())
        assert raw.read_bytes() == original


def test_inbox_is_emptied_and_quarantine_explains(sample_home: Path) -> None:
    assert list((sample_home / "inbox").iterdir()) == []
    reports = sorted(p.name for p in (sample_home / "quarantine").glob("*.error.json"))
    assert reports == ["SCAN_0012.pdf.error.json", "saraban_013.pdf.error.json"]


def test_pages_and_ocr_columns(sample_export: Path) -> None:
    files = pd.read_csv(sample_export / "files.csv", dtype=str, keep_default_na=False).set_index("source_name")
    truth = sample_truth()
    for name in ("SCAN_0001.pdf", "saraban_010.pdf", "saraban_011.pdf", "saraban_005.jpg"):
        assert int(files.loc[name, "pages"]) == truth[name]["pages"]
    assert files.loc["saraban_011.pdf", "ocr_used"] == "False" and files.loc["saraban_011.pdf", "mean_confidence"] == ""
    assert files.loc["SCAN_0001.pdf", "ocr_used"] == "True"
    assert 50 < float(files.loc["SCAN_0001.pdf", "mean_confidence"]) <= 100


def test_every_contract_table_is_exported_with_headers(sample_export: Path, sample_home: Path, tmp_path: Path) -> None:
    headers = {p.stem: p.read_text(encoding="utf-8").splitlines()[0] for p in sample_export.glob("*.csv")}
    assert set(headers) == {"files", "letters", "indicators", "report_rows", "progress", "national",
                            "page_tables", "table_cells", "table_findings"}
    assert headers["table_findings"] == ("file_id,page,table_index,indicator,period,province_code,flag,"
                                         "printed,column_sums")
    assert headers["report_rows"].startswith("file_id,page,table_index,row_index,indicator,period")
    assert headers["table_cells"] == "file_id,page,table_index,row,col,text,number,confidence,bbox,row_span,col_span"
    run_cli("export", "--format", "parquet", "--out", str(tmp_path), home=sample_home)
    assert len(pd.read_parquet(tmp_path / "files.parquet")) == 14


def test_rerun_with_the_same_files_adds_nothing(sample_home: Path, tmp_path: Path) -> None:
    before = run_cli("query", "SELECT count(*) FROM report_rows", "--csv", home=sample_home).stdout
    from conftest import copy_samples

    copy_samples(sample_home / "inbox", ["SCAN_0003.pdf", "saraban_007.pdf"])
    run_cli("ingest", "--quiet", home=sample_home)
    after = run_cli("query", "SELECT count(*) FROM report_rows", "--csv", home=sample_home).stdout
    files = run_cli("query", "SELECT count(*) FROM files", "--csv", home=sample_home).stdout
    assert after == before and files.splitlines()[1] == "14"
    assert list((sample_home / "inbox").iterdir()) == []


def test_query_is_read_only(sample_home: Path) -> None:
    result = run_cli("query", "DROP TABLE files", home=sample_home, check=False)
    assert result.returncode == 2 and "write_refused" in result.stdout
    assert run_cli("query", "SELECT count(*) AS n FROM files", "--csv", home=sample_home).stdout.splitlines()[1] == "14"


def test_query_table_shows_dates_as_dates(sample_home: Path) -> None:
    """SCAN_0008's stamp, read from its box: the table a person sees says 2021-12-12, no clock."""
    out = run_cli("query", "SELECT received_number, received_date FROM letters WHERE doc_number = 'ปจ 0023.3/1707'",
                  home=sample_home).stdout
    assert "3297" in out and "2021-12-12" in out and "00:00:00" not in out


def _compare(got_csv: Path, want_csv: Path) -> list[str]:
    want = pd.read_csv(want_csv, dtype=str, keep_default_na=False)
    got = pd.read_csv(got_csv, dtype=str, keep_default_na=False)[list(want.columns)]
    return sorted(set(map(tuple, want.values)) ^ set(map(tuple, got.values)))


def test_progress_matches_the_reconciled_truth(sample_export: Path) -> None:
    assert _compare(sample_export / "progress.csv", SAMPLES / "truth" / "expected_progress.csv") == []


def test_national_matches_the_reconciled_truth(sample_export: Path) -> None:
    assert _compare(sample_export / "national.csv", SAMPLES / "truth" / "expected_national.csv") == []
