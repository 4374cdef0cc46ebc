"""Analyst corrections: applied before reconciliation, surviving re-processing, sheet round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import synthetic_reports as syn
from openpyxl import load_workbook

from pipeline.dataset.corrections import (
    CORRECTION_COLUMNS,
    ORIGINAL_SHEET,
    REVIEW_SHEET,
    apply_corrections,
    corrections_frame,
    new_correction,
    read_review_sheet,
    write_review_sheet,
)
from pipeline.dataset.national import national
from pipeline.dataset.reconcile import reconcile

WHEN = dt.datetime(2024, 4, 1, 9, 30)


def _corr(key: tuple, field: str, old: object, new: object, minutes: int = 0) -> dict:
    return new_correction(
        key,
        field,
        old,
        new,
        author="สมศรี",
        reason="ตรวจกับต้นฉบับ",
        created_at=WHEN + dt.timedelta(minutes=minutes),
    )


def analyst_corrections() -> pd.DataFrame:
    """c's 5302 row really reads 6/3/3 (same as b); d's 5802 row checked as it stands."""
    return corrections_frame(
        [
            _corr(("c", 1, 0, 1), "established", 4, 3),
            _corr(("c", 1, 0, 1), "not_established", 2, 3, minutes=1),
            _corr(("d", 1, 0, 1), "reviewed", "", "✓", minutes=2),
            _corr(("a", 1, 0, 99), "total", 5, 6, minutes=3),  # that row does not exist
        ]
    )


def _key_rows(progress: pd.DataFrame, period: str, province: str) -> list[tuple]:
    part = progress[(progress["period"] == period) & (progress["province_code"] == province)]
    cols = ["district_code", "total", "established", "not_established", "status"]
    return list(part[cols].itertuples(index=False, name=None))


def test_corrections_feed_reconciliation() -> None:
    rows, problems = apply_corrections(syn.report_rows(), analyst_corrections())
    progress = reconcile(rows, syn.letters(), syn.files())
    assert _key_rows(progress, "2024-02", "53") == [
        ("", 27, 15, 12, "ok"),
        ("5301", 21, 12, 9, "ok"),
        ("5302", 6, 3, 3, "ok"),
    ]
    assert _key_rows(progress, "2024-01", "58") == [
        ("", 33, 21, 12, "ok"),
        ("5801", 24, 20, 4, "ok"),
        ("5802", 9, 1, 8, "ok"),
    ]
    feb = national(progress, pd.DataFrame()).iloc[1]
    assert (feb["total"], feb["established"], feb["not_established"]) == (60, 41, 19)
    assert problems[["file_id", "row_index", "field", "problem"]].values.tolist() == [
        ["a", 99, "total", "row_missing"]
    ]
    flags = rows.set_index(["file_id", "row_index"])["flags"]
    assert flags[("c", 1)] == "corrected"
    assert flags[("d", 1)] == "reviewed;corrected"


def test_corrections_survive_reprocessing() -> None:
    corrections = analyst_corrections()
    first, _ = apply_corrections(syn.report_rows(), corrections)
    again, problems = apply_corrections(syn.report_rows(), corrections)  # re-extracted file
    pd.testing.assert_frame_equal(first, again)
    assert len(problems) == 1 and len(corrections) == 4  # nothing dropped from the table


def test_changed_extraction_is_reported_but_corrected() -> None:
    rows = syn.report_rows()
    rows.loc[(rows["file_id"] == "c") & (rows["row_index"] == 1), "established"] = 5
    fixed, problems = apply_corrections(rows, analyst_corrections())
    row = fixed[(fixed["file_id"] == "c") & (fixed["row_index"] == 1)].iloc[0]
    assert row["established"] == 3
    assert problems["problem"].tolist() == ["old_value_changed", "row_missing"]


def test_sum_mismatch_follows_corrected_numbers() -> None:
    rows = pd.DataFrame(
        [syn.row("z", "help_centre", "2024-01", "5302", (15, 0, 16), flags="sum_mismatch")],
        columns=syn.COLUMNS,
    )
    fixed, _ = apply_corrections(
        rows, corrections_frame([_corr(("z", 1, 0, 0), "not_established", 16, 15)])
    )
    assert fixed.loc[0, "flags"] == "corrected"
    bad, problems = apply_corrections(
        rows, corrections_frame([_corr(("z", 1, 0, 0), "total", 15, "สิบ")])
    )
    assert problems["problem"].tolist() == ["bad_value"] and bad.loc[0, "total"] == 15


def test_review_sheet_round_trip(tmp_path: Path) -> None:
    path = write_review_sheet(syn.report_rows(), tmp_path / "review.xlsx", files=syn.files())
    wb = load_workbook(path)
    ws = wb[REVIEW_SHEET]
    assert wb[ORIGINAL_SHEET].sheet_state == "hidden"
    header = [c.value for c in ws[2]]
    keys = [(r[0].value, r[4].value) for r in ws.iter_rows(min_row=3)]
    assert keys == [("d", 1), ("f", 2), ("h", 0)]  # duplicate row no., total row, confidence
    ws.cell(row=3, column=header.index("reviewed") + 1, value="✓")
    ws.cell(row=5, column=header.index("established") + 1, value=5)
    ws.cell(row=5, column=header.index("not_established") + 1, value=1)
    ws.cell(row=5, column=header.index("author") + 1, value="วิชัย")
    wb.save(path)
    corrections = read_review_sheet(path, author="สมศรี", now=WHEN)
    assert list(corrections.columns) == CORRECTION_COLUMNS
    got = corrections[["file_id", "row_index", "field", "old_value", "new_value", "author"]]
    assert got.values.tolist() == [
        ["d", 1, "reviewed", "", "✓", "สมศรี"],
        ["h", 0, "established", "6", "5", "วิชัย"],
        ["h", 0, "not_established", "0", "1", "วิชัย"],
    ]
    fixed, problems = apply_corrections(syn.report_rows(), corrections)
    assert problems.empty
    assert (
        read_review_sheet(path, author="สมศรี", now=WHEN)["correction_id"].tolist()
        == corrections["correction_id"].tolist()
    )  # re-reading the same sheet gives the same ids
