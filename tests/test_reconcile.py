"""reconcile(): hand-computed progress rows for a small synthetic set, and the sample truth."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import synthetic_reports as syn
from reconcile_truth import TRUTH, truth_frames

from pipeline.dataset.reconcile import NUMBERS, PROGRESS_COLUMNS, failing_mask, reconcile

KEY = ["indicator", "period", "province_code", "district_code"]
SHOWN = [*KEY, "total", "established", "not_established", "source_file_ids", "status"]
H, J = "help_centre", "joint_centre"
EXPECTED = [
    (H, "2024-01", "53", "", 27, 13, 14, "a", "ok"),
    (H, "2024-01", "53", "5301", 21, 11, 10, "a", "ok"),  # อบจ. + เทศบาลเมือง + rest summed
    (H, "2024-01", "53", "5302", 6, 2, 4, "a", "ok"),  # name_corrected alone is not failing
    (H, "2024-01", "58", "", 33, 21, 12, "d", "needs_review"),  # via district 5802
    (H, "2024-01", "58", "5801", 24, 20, 4, "d", "ok"),
    (H, "2024-01", "58", "5802", 9, 1, 8, "d", "needs_review"),
    (H, "2024-02", "53", "", 27, 16, 11, "b;c", "conflict"),  # c's later letter wins
    (H, "2024-02", "53", "5301", 21, 12, 9, "b;c", "ok"),  # same numbers in both: no conflict
    (H, "2024-02", "53", "5302", 6, 4, 2, "b;c", "conflict"),
    (H, "2024-02", "58", "", 33, 26, 7, "e", "ok"),  # the late report still fills February
    (H, "2024-02", "58", "5801", 24, 22, 2, "e", "ok"),
    (H, "2024-02", "58", "5802", 9, 4, 5, "e", "ok"),
    (H, "2024-03", "53", "", 27, 20, 7, "f", "needs_review"),  # sum of districts, total row fails
    (H, "2024-03", "53", "5301", 21, 15, 6, "f", "ok"),
    (H, "2024-03", "53", "5302", 6, 5, 1, "f", "ok"),
    (J, "2024-01", "11", "", 6, 5, 1, "g", "ok"),
    (J, "2024-01", "13", "", 7, 2, 5, "g", "ok"),
    (J, "2024-03", "11", "", 6, 6, 0, "h", "needs_review"),  # confidence 0.4
]


def as_records(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [
        tuple(None if pd.isna(v) else v for v in r)
        for r in frame[columns].itertuples(index=False, name=None)
    ]


def test_synthetic_progress_matches_hand_computed() -> None:
    progress = reconcile(syn.report_rows(), syn.letters(), syn.files())
    assert list(progress.columns) == PROGRESS_COLUMNS
    assert as_records(progress, SHOWN) == EXPECTED
    assert progress.loc[1, "district"] == "เมืองอุตรดิตถ์"
    assert progress.loc[0, "province"] == "อุตรดิตถ์"


def test_is_pure_and_order_independent() -> None:
    rows = syn.report_rows()
    first = reconcile(rows, syn.letters(), syn.files())
    shuffled = rows.sample(frac=1, random_state=7).reset_index(drop=True)
    again = reconcile(shuffled, syn.letters().iloc[::-1], syn.files().iloc[::-1])
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(rows, syn.report_rows())  # input untouched


def _pair(letters: list[tuple]) -> pd.DataFrame:
    rows = pd.DataFrame(
        [
            syn.row("x1", H, "2024-01", "5302", (6, 1, 5)),
            syn.row("x2", H, "2024-01", "5302", (6, 2, 4)),
        ],
        columns=syn.COLUMNS,
    )
    frame = pd.DataFrame(letters, columns=["file_id", "letter_index", "date", "received_date"])
    return reconcile(rows, frame, pd.DataFrame(columns=["file_id", "status"]))


@pytest.mark.parametrize(
    ("letters", "winner_established"),
    [
        pytest.param(
            [("x1", 0, dt.date(2024, 2, 9), None), ("x2", 0, dt.date(2024, 2, 1), None)],
            1,
            id="later-letter-date",
        ),
        pytest.param(
            [
                ("x1", 0, dt.date(2024, 2, 1), dt.date(2024, 2, 8)),
                ("x2", 0, dt.date(2024, 2, 1), dt.date(2024, 2, 5)),
            ],
            1,
            id="later-received-date",
        ),
        pytest.param([("x1", 0, dt.date(2024, 1, 1), None)], 1, id="dated-beats-undated"),
        pytest.param(
            [
                ("x1", 0, None, dt.date(2024, 2, 20)),
                ("x2", 0, dt.date(2024, 2, 9), dt.date(2024, 2, 11)),
            ],
            1,
            id="undated-letter-dated-by-its-stamp",
        ),
        pytest.param(
            [
                ("x1", 0, None, dt.date(2024, 2, 5)),
                ("x2", 0, dt.date(2024, 2, 9), dt.date(2024, 2, 11)),
            ],
            2,
            id="stamped-before-the-other-letter",
        ),
        pytest.param([], 2, id="larger-file-id"),
        pytest.param(
            [
                ("x1", 0, dt.date(2024, 1, 1), None),
                ("x1", 1, dt.date(2024, 3, 1), None),
                ("x2", 0, dt.date(2024, 2, 1), None),
            ],
            1,
            id="latest-letter-of-file",
        ),
    ],
)
def test_later_report_wins(letters: list[tuple], winner_established: int) -> None:
    progress = _pair(letters)
    district = progress[progress["district_code"] == "5302"].iloc[0]
    assert district["established"] == winner_established
    assert district["status"] == "conflict"
    assert district["source_file_ids"] == "x1;x2"


def test_unknown_number_stays_unknown() -> None:
    rows = pd.DataFrame(
        [
            syn.row("a", H, "2024-01", "5301", (21, 11, None)),
            syn.row("a", H, "2024-01", "5302", (6, 2, 4)),
        ],
        columns=syn.COLUMNS,
    )
    progress = reconcile(rows, syn.letters(), syn.files())
    assert pd.isna(progress.loc[0, "not_established"])  # province row
    assert progress.loc[0, "total"] == 27


def test_duplicate_sharing_file_id_keeps_original_rows() -> None:
    files = pd.DataFrame(
        [{"file_id": "a", "status": "processed"}, {"file_id": "a", "status": "duplicate"}]
    )
    rows = syn.report_rows()
    progress = reconcile(rows[rows["file_id"] == "a"], syn.letters(), files)
    assert len(progress) == 3


def test_failing_mask() -> None:
    rows = pd.DataFrame(
        {
            "flags": ["", "name_corrected", "name_corrected;digit_repaired", ""],
            "confidence": [1.0, 1.0, 1.0, 0.59],
        }
    )
    assert failing_mask(rows).tolist() == [False, False, True, True]


def test_sample_truth_matches_expected_progress() -> None:
    frames = truth_frames()
    progress = reconcile(frames["report_rows"], frames["letters"], frames["files"])
    expected = pd.read_csv(TRUTH / "expected_progress.csv", dtype=str, keep_default_na=False)
    got = progress[list(expected.columns)].astype(str).replace({"<NA>": ""})
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)


def test_no_usable_rows_gives_empty_progress() -> None:
    rows = syn.report_rows()
    only_quarantined = reconcile(rows[rows["file_id"] == "q"], syn.letters(), syn.files())
    empty = reconcile(pd.DataFrame(columns=syn.COLUMNS), pd.DataFrame(), pd.DataFrame())
    for progress in (only_quarantined, empty):
        assert progress.empty and list(progress.columns) == PROGRESS_COLUMNS


def _findings(*keys: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"file_id": f, "page": 1, "table_index": 0, "indicator": i, "period": p, "province_code": c,
          "flag": "total_row_mismatch", "printed": "{}", "column_sums": "{}"} for f, i, p, c in keys]
    )


def test_a_table_failing_as_a_whole_puts_only_its_province_row_under_review() -> None:
    rows, letters, files = syn.report_rows(), syn.letters(), syn.files()
    plain = reconcile(rows, letters, files).set_index(KEY)
    found = reconcile(rows, letters, files,
                      table_findings=_findings(("a", H, "2024-01", "53"), ("a", H, "2024-01", ""))
                      ).set_index(KEY)
    changed = found.index[found["status"] != plain["status"]]
    assert list(changed) == [(H, "2024-01", "53", "")]
    assert found.loc[(H, "2024-01", "53", ""), "status"] == "needs_review"
    assert found[NUMBERS].equals(plain[NUMBERS])  # a finding flags, it never changes a number


def test_a_finding_of_another_file_or_month_changes_nothing() -> None:
    rows, letters, files = syn.report_rows(), syn.letters(), syn.files()
    plain = reconcile(rows, letters, files)
    other = reconcile(rows, letters, files,
                      table_findings=_findings(("zz", H, "2024-01", "53"), ("a", H, "2023-12", "53")))
    pd.testing.assert_frame_equal(plain, other)


def test_differing_numbers_are_a_conflict_even_when_the_winner_fails_a_check() -> None:
    """The contract: a key two files report with different numbers is `conflict`."""
    rows = pd.DataFrame(
        [
            syn.row("x1", H, "2024-01", "5302", (6, 1, 5)),
            syn.row("x2", H, "2024-01", "5302", (7, 2, 4), flags="sum_mismatch"),
            syn.row("x1", H, "2024-01", "5301", (3, 1, 2)),
            syn.row("x2", H, "2024-01", "5301", (3, 1, 2), flags="sum_mismatch"),
        ],
        columns=syn.COLUMNS,
    )
    progress = reconcile(rows, pd.DataFrame(columns=["file_id", "date"]),
                         pd.DataFrame(columns=["file_id", "status"])).set_index(KEY)
    assert progress.loc[(H, "2024-01", "53", "5302"), "status"] == "conflict"
    assert progress.loc[(H, "2024-01", "53", "5301"), "status"] == "needs_review"  # same numbers
    assert progress.loc[(H, "2024-01", "53", ""), "status"] == "conflict"
